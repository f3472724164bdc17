import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunch } from "./tests/support/chromium.ts";

const port = Number(process.env.E2E_PORT ?? 3100);

const chromium = chromiumLaunch; // Debian's Chromium: see tests/support/chromium.ts

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  // Generous: journeys run beside builds on two shared cores (a share-link journey took 72 s at
  // load 8); no test checks a timing, so limits only need to catch a hang.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 }, launchOptions: chromium } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${port}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
