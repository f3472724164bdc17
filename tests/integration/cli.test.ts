import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase, testEngine } from "@/tests/support/database.ts";

// The command line as a person runs it, in its own process, on a database of its own.
let dir: string;
let pgTest: TestDatabase | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crosscheck-cli-"));
  env = { ...process.env, CROSSCHECK_SECRET_FILE: path.join(dir, "secret"), NODE_ENV: "development" };
  delete env.DATABASE_URL;
  if (testEngine === "postgres") {
    pgTest = await createTestDatabase({ migrate: false });
    env.DATABASE_URL = pgTest.url;
  } else {
    env.CROSSCHECK_DATA_DIR = path.join(dir, "pglite");
  }
}, 300_000);
afterAll(async () => {
  await pgTest?.drop();
  await rm(dir, { recursive: true, force: true });
}, 300_000);

/**
 * Each command is a process of its own that opens the database: seconds on an idle machine, a
 * minute or more on a shared one (at a load of 9 on 2 cores a test of several commands took
 * 220 s). Generous limits, so that only a hang fails a test, never a busy machine.
 */
const LONG = { timeout: 900_000 };

function crosscheck(args: string[], input?: string) {
  const result = spawnSync(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "--tsconfig", "tsconfig.json", "bin/crosscheck.ts", ...args],
    { env, input, encoding: "utf8", timeout: 240_000 },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe(`crosscheck command line on ${testEngine}`, LONG, () => {
  test("create-user, seed and import report what they did and fail loudly on bad input", async () => {
    const created = crosscheck(
      ["create-user", "--email", "First.Admin@Example.org", "--name", "First Admin", "--role", "admin", "--password-stdin"],
      "a long enough password\n",
    );
    expect(created.err).toBe("");
    expect(created.out).toContain("Created admin first.admin@example.org.");

    const again = crosscheck(
      ["create-user", "--email", "first.admin@example.org", "--name", "Again", "--password-stdin"],
      "a long enough password\n",
    );
    expect(again.code).toBe(1);
    expect(again.err).toContain("already exists");

    const weak = crosscheck(["create-user", "--email", "weak@example.org", "--name", "Weak", "--password-stdin"], "short\n");
    expect(weak.code).toBe(2);
    expect(weak.err).toContain("--password: At least 10 characters.");

    // No password: a one-time link to set one, and another one later for a reset.
    const invited = crosscheck(
      ["create-user", "--email", "invited@example.org", "--name", "Invited", "--role", "analyst", "--password-stdin"],
      "\n",
    );
    expect(invited.code).toBe(0);
    expect(invited.out).toMatch(/Created analyst invited@example\.org\.\nOne-time link .*\n\S+\/set-password\/[\w-]{43}\n/);
    const reset = crosscheck(["password-link", "--email", "Invited@Example.org"]);
    expect(reset.out).toMatch(/\/set-password\/[\w-]{43}\n$/);
    expect(reset.out.trim().split("\n").at(-1)).not.toBe(invited.out.trim().split("\n").at(-1));
    expect(crosscheck(["password-link", "--email", "nobody@example.org"])).toMatchObject({
      code: 1,
      err: expect.stringContaining("No account"),
    });

    const noStory = crosscheck(["import", "seed/articles", "--investigation", "no-such-story"]);
    expect(noStory.code).toBe(1);
    expect(noStory.err).toContain("No investigation with the slug “no-such-story”.");

    expect(crosscheck(["seed"]).out).toContain("5 article(s) imported");

    const bad = path.join(dir, "notes.txt");
    await writeFile(bad, Buffer.from([0xff, 0xfe, 0x41, 0x00]));
    const imported = crosscheck(["import", "seed/articles", bad, "--investigation", "anthropic-pentagon"]);
    expect(imported.code).toBe(1);
    expect(imported.out).toContain("0 imported, 5 already there, 1 failed.");
    expect(imported.err).toContain("notes.txt: looks like a binary file");
  });

  test("detect recomputes the conflicts the seed's claims made, and finds nothing to change", () => {
    // The seed's claims were kept in step as they were recorded: recomputing finds nothing new.
    const detect = crosscheck(["detect", "--investigation", "anthropic-pentagon"]);
    expect(detect.code).toBe(0);
    expect(detect.out).toMatch(/\d+ disagreements found: 0 new, 0 updated, 0 reopened, 0 closed/);
    expect(crosscheck(["detect"]).code).toBe(2);
    expect(crosscheck(["detect", "--investigation", "nope"]).err).toContain("No investigation with the slug “nope”.");
  });

  test("export writes the fact sheet to standard output or a file, in the format asked for", async () => {
    const md = crosscheck(["export", "--investigation", "anthropic-pentagon"]);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# Fact sheet: Anthropic and the Pentagon\n/);
    const out = path.join(dir, "sheet.json");
    const json = crosscheck(["export", "--investigation", "anthropic-pentagon", "--format", "json", "--out", out]);
    const { readFile, stat } = await import("node:fs/promises");
    expect(json.out).toContain(`Wrote ${out} (${(await stat(out)).size} bytes).`);
    expect(json.err).toContain("Writing");
    expect(JSON.parse(await readFile(out, "utf8"))).toMatchObject({
      schema: "crosscheck.factsheet/v1",
      investigation: { slug: "anthropic-pentagon" },
    });
    // --compact: the same JSON on one line.
    const compact = crosscheck(["export", "--investigation", "anthropic-pentagon", "--format", "json", "--compact"]);
    expect(compact.out.indexOf("\n")).toBe(compact.out.length - 1);
    expect(JSON.parse(compact.out)).toEqual(JSON.parse(await readFile(out, "utf8")));
    expect(crosscheck(["export", "--investigation", "anthropic-pentagon", "--format", "pdf"]).code).toBe(2);
  });

  test("backup and restore under a new slug; a damaged file is refused", async () => {
    const file = path.join(dir, "backup.json");
    // The command line acts as a named admin: without one, or with someone who is not, it does nothing.
    expect(crosscheck(["backup", "--investigation", "anthropic-pentagon", "--out", file])).toMatchObject({
      code: 2,
      err: expect.stringContaining("--as names the admin account"),
    });
    const backup = crosscheck(["backup", "--investigation", "anthropic-pentagon", "--as", "admin@example.com", "--out", file]);
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/Wrote .*backup\.json .*5 articles/);
    expect(crosscheck(["restore", file, "--slug", "demo-anonymous"]).code).toBe(2);
    const notAdmin = crosscheck(["restore", file, "--slug", "demo-not-led", "--as", "analyst@example.com"]);
    expect(notAdmin.code).toBe(1);
    expect(notAdmin.err).toContain("--as names an enabled admin account");
    const restored = crosscheck(["restore", file, "--slug", "demo-copy", "--as", "admin@example.com"]);
    expect(restored.err).not.toContain("Error");
    expect(restored.out).toContain("Restored “demo-copy”: 5 articles");
    expect(restored.out).toContain("admin@example.com leads it; the backup's members are back with their roles.");
    const original = crosscheck(["export", "--investigation", "anthropic-pentagon"]).out;
    expect(crosscheck(["export", "--investigation", "demo-copy"]).out).toBe(original);
    await writeFile(file, "{ not json");
    const damaged = crosscheck(["restore", file, "--slug", "another-copy", "--as", "admin@example.com"]);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toContain("Not a Crosscheck backup");
    expect(damaged.err).toContain("Nothing was restored.");
  });
});
