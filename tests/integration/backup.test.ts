import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { FACTSHEET_FORMATS, renderFactSheet } from "@/lib/domain/factsheet-formats.ts";
import { restoreBackup, writeBackup } from "@/lib/server/backup.ts";
import { type Database, db, installDatabase } from "@/lib/server/database.ts";
import { redetect } from "@/lib/server/detection.ts";
import { factSheetOf } from "@/lib/server/factsheet.ts";
import { seedDemo } from "@/seed/demo.ts";
import { SYSTEM } from "@/tests/support/actors.ts";
import { createTestDatabase, setupTestDatabase, type TestDatabase, testEngine } from "@/tests/support/database.ts";

const current = setupTestDatabase();
const others: TestDatabase[] = [];
const dir = mkdtempSync(path.join(tmpdir(), "crosscheck-backup-"));
afterAll(async () => {
  for (const o of others) await o.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `fn` with another, empty database installed as the process database. */
async function inAnotherDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const home: Database = current();
  const other = await createTestDatabase();
  others.push(other);
  installDatabase(other.database);
  try {
    return await fn();
  } finally {
    installDatabase(home);
  }
}

async function demoBackup(name: string) {
  await seedDemo();
  const { id } = await db().investigation.findUniqueOrThrow({ where: { slug: "anthropic-pentagon" } });
  const file = path.join(dir, name);
  const report = await writeBackup(id, file);
  return { id, file, report };
}

async function sheets(investigationId: string) {
  const sheet = (await factSheetOf(investigationId))!;
  return Object.fromEntries(FACTSHEET_FORMATS.map((f) => [f, renderFactSheet(sheet, f)]));
}

async function expectRefused(file: string, text: string, message: RegExp) {
  writeFileSync(file, text);
  const error = await inAnotherDatabase(async () => {
    const outcome = await restoreBackup(SYSTEM, file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(await db().investigation.count()).toBe(0);
    expect(await db().claim.count()).toBe(0);
    expect(await db().user.count()).toBe(0);
    return outcome;
  });
  expect(error).toBeInstanceOf(ExpectedError);
  expect((error as ExpectedError).message).toMatch(message);
}

describe(`backup and restore on ${testEngine}`, () => {
  test("a backup restored into an empty database gives a byte-identical fact sheet in every format", async () => {
    const { id, file, report } = await demoBackup("demo.json");
    expect(report.counts).toMatchObject({ articles: 5, claims: 40 });
    const before = await sheets(id);
    const after = await inAnotherDatabase(async () => {
      const restored = await restoreBackup(SYSTEM, file);
      expect(restored.counts.claims).toBe(40);
      // The reviewer who settled the seed's conflict comes along, by email and name, unable to sign in until enabled.
      expect(restored.usersCreated).toContain("reviewer@example.com");
      expect(await db().user.count({ where: { disabled: false } })).toBe(0);
      return sheets(restored.investigationId);
    });
    for (const format of FACTSHEET_FORMATS) expect(after[format], format).toBe(before[format]);
  });

  test("restored under a new slug beside the original, everything is a copy with ids of its own", async () => {
    const { id, file } = await demoBackup("copy.json");
    const report = await restoreBackup(SYSTEM, file, { slug: "anthropic-pentagon-copy" });
    expect(report.investigationId).not.toBe(id);
    const [original, copy] = [await sheets(id), await sheets(report.investigationId)];
    expect(copy.md).toBe(original.md);
    expect(copy.json).toBe(original.json!.replace('"slug": "anthropic-pentagon"', '"slug": "anthropic-pentagon-copy"'));
    expect(await db().claim.count({ where: { investigationId: report.investigationId } })).toBe(40);
    // Conflicts still find their claims and entities: detection on the copy changes nothing.
    expect(await redetect(SYSTEM, report.investigationId)).toMatchObject({ opened: 0, updated: 0, reopened: 0, closed: 0 });
    await expect(restoreBackup(SYSTEM, file)).rejects.toThrow(/already exists/);
  });

  test("a damaged, truncated or hand-edited file is refused with the reason, and nothing is written", async () => {
    const { file } = await demoBackup("original.json");
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n");
    const bad = path.join(dir, "bad.json");
    await expectRefused(bad, lines.slice(0, Math.floor(lines.length / 2)).join("\n"), /ends early/);
    await expectRefused(bad, text.replace("$183 billion", "$18.3 billion"), /does not match its checksum/);
    await expectRefused(bad, text.replace('"claims":[', '"claims":[{"broken"'), /layout|not valid JSON/);
    await expectRefused(bad, JSON.stringify(JSON.parse(text), null, 2), /layout|Not a Crosscheck backup/);
    await expectRefused(bad, text.replace("crosscheck.backup/v1", "something/else"), /Not a Crosscheck backup/);
    await expectRefused(bad, "", /empty/);
  });
});
