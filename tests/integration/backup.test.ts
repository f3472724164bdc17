import { afterAll, describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { FACTSHEET_FORMATS, renderFactSheet } from "@/lib/domain/factsheet-formats.ts";
import { backupInvestigation, readBackup, restoreInvestigation } from "@/lib/server/backup.ts";
import { type Database, db, installDatabase } from "@/lib/server/database.ts";
import { factSheetOf } from "@/lib/server/factsheet.ts";
import { seedDemo } from "@/seed/demo.ts";
import { SYSTEM } from "@/tests/support/actors.ts";
import { createTestDatabase, setupTestDatabase, type TestDatabase, testEngine } from "@/tests/support/database.ts";

const current = setupTestDatabase();
const others: TestDatabase[] = [];
afterAll(async () => {
  for (const o of others) await o.drop();
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

async function demo() {
  await seedDemo();
  const { id } = await db().investigation.findUniqueOrThrow({ where: { slug: "anthropic-pentagon" } });
  return id;
}

async function sheets(investigationId: string) {
  const sheet = (await factSheetOf(investigationId))!;
  return Object.fromEntries(FACTSHEET_FORMATS.map((f) => [f, renderFactSheet(sheet, f)]));
}

async function expectRefused(text: string, message: RegExp) {
  const error = await inAnotherDatabase(async () => {
    const outcome = await Promise.resolve()
      .then(() => restoreInvestigation(SYSTEM, readBackup(text)))
      .then(() => null, (e: unknown) => e);
    expect(await db().investigation.count()).toBe(0);
    expect(await db().claim.count()).toBe(0);
    return outcome;
  });
  expect(error).toBeInstanceOf(ExpectedError);
  expect((error as ExpectedError).message).toMatch(message);
}

describe(`backup and restore on ${testEngine}`, () => {
  test("a backup restored into an empty database gives a byte-identical fact sheet in every format", async () => {
    const id = await demo();
    const before = await sheets(id);
    const text = JSON.stringify(await backupInvestigation(id));
    const after = await inAnotherDatabase(async () => {
      const report = await restoreInvestigation(SYSTEM, readBackup(text));
      expect(report.counts.claims).toBeGreaterThan(30);
      // The reviewer who settled the seed's conflict comes along, by email and name.
      expect(report.usersCreated).toContain("reviewer@example.com");
      // The restored accounts cannot sign in until an admin enables them.
      expect(await db().user.count({ where: { disabled: false } })).toBe(0);
      return sheets(report.investigationId);
    });
    for (const format of FACTSHEET_FORMATS) expect(after[format], format).toBe(before[format]);
  });

  test("restored under a new slug beside the original, everything is a copy with ids of its own", async () => {
    const id = await demo();
    const backup = await backupInvestigation(id);
    const report = await restoreInvestigation(SYSTEM, readBackup(JSON.stringify(backup)), { slug: "anthropic-pentagon-copy" });
    expect(report.investigationId).not.toBe(id);
    const [original, copy] = [await sheets(id), await sheets(report.investigationId)];
    expect(copy.md).toBe(original.md);
    expect(copy.json).toBe(original.json!.replace('"slug": "anthropic-pentagon"', '"slug": "anthropic-pentagon-copy"'));
    expect(await db().claim.count({ where: { investigationId: report.investigationId } })).toBe(await db().claim.count({ where: { investigationId: id } }));
    // Conflicts still find their claims: detection on the copy changes nothing.
    const { redetect } = await import("@/lib/server/detection.ts");
    expect(await redetect(SYSTEM, report.investigationId)).toMatchObject({ opened: 0, updated: 0, reopened: 0, closed: 0 });
    await expect(restoreInvestigation(SYSTEM, readBackup(JSON.stringify(backup)))).rejects.toThrow(/already exists/);
  });

  test("a damaged, truncated or hand-edited file is refused with the reason, and nothing is written", async () => {
    const text = JSON.stringify(await backupInvestigation(await demo()));
    await expectRefused(text.slice(0, text.length / 2), /not valid JSON/);
    await expectRefused(text.replace("$183 billion", "$18.3 billion"), /does not match its checksum/);
    await expectRefused(JSON.stringify({ ...JSON.parse(text), format: "something/else" }), /Not a Crosscheck backup/);
    await expectRefused(JSON.stringify({ ...JSON.parse(text), claims: "lots" }), /claims/);
  });
});
