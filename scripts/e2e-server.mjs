// Starts the built app for the end-to-end tests on a fresh database with the demo story:
// embedded PGlite in a throwaway folder by default, or a fresh PostgreSQL database when
// TEST_DATABASE_URL (an admin connection) is set.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";

const port = process.env.E2E_PORT ?? "3100";
const env = { ...process.env, PORT: port, BETTER_AUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;

if (process.env.TEST_DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS crosscheck_e2e WITH (FORCE)");
  await admin.query("CREATE DATABASE crosscheck_e2e");
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = "/crosscheck_e2e";
  env.DATABASE_URL = url.toString();
} else {
  env.CROSSCHECK_DATA_DIR = ".data/e2e/pglite";
  rmSync(".data/e2e", { recursive: true, force: true });
}
// A production server refuses to start without a secret of its own.
env.BETTER_AUTH_SECRET = randomBytes(32).toString("base64");

const seed = spawnSync("npm", ["run", "--silent", "seed"], { stdio: "inherit", env: { ...env, NODE_ENV: "development" } });
if (seed.status !== 0) process.exit(seed.status ?? 1);

const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
