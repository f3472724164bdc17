import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: path.resolve("tests/support/server-only.ts") },
      { find: /^@\/(.*)$/, replacement: path.resolve("$1") },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // Far from UTC, so date code that forgets time zones fails here first.
    env: { TZ: "Pacific/Kiritimati" },
    // Generous: the suite runs beside builds and browsers on two shared cores (a restore of the
    // demo took over 30 s at load 8), and a timing is never what a test checks.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
