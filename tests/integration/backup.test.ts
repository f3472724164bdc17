import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { FACTSHEET_FORMATS, renderFactSheet } from "@/lib/domain/factsheet-formats.ts";
import { type RestoreProgress, restoreBackup, writeBackup } from "@/lib/server/backup.ts";
import { type Database, db, installDatabase } from "@/lib/server/database.ts";
import { redetect } from "@/lib/server/detection.ts";
import { factSheetOf } from "@/lib/server/factsheet.ts";
import { rejectProposal } from "@/lib/server/proposals.ts";
import { suggestForInvestigation } from "@/lib/server/suggestions.ts";
import { createUser } from "@/lib/server/users.ts";
import { seedDemo } from "@/seed/demo.ts";
import { makeUser, SYSTEM } from "@/tests/support/actors.ts";
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

/** The demo, with something added to it before the backup. */
async function demoBackupWith(add: (investigationId: string) => Promise<void>) {
  await seedDemo();
  const { id } = await db().investigation.findUniqueOrThrow({ where: { slug: "anthropic-pentagon" } });
  await add(id);
  return { id };
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

    // Led by an admin who restores it (`restore --as`): who may read it changed, not what it says.
    const led = await inAnotherDatabase(async () => {
      const admin = await makeUser("admin");
      const restored = await restoreBackup(SYSTEM, file, { leadId: admin.id });
      expect(await db().membership.count({ where: { investigationId: restored.investigationId, userId: admin.id, role: "lead" } })).toBe(1);
      return sheets(restored.investigationId);
    });
    for (const format of FACTSHEET_FORMATS) expect(led[format], format).toBe(before[format]);
  });

  test("members come back with their roles, matched by email; the restoring admin leads, a member already or not", async () => {
    const { id, file } = await demoBackup("members.json");
    const roles = async (investigationId: string) =>
      Object.fromEntries(
        (await db().membership.findMany({ where: { investigationId }, select: { role: true, user: { select: { email: true } } } })).map(
          (m) => [m.user.email, m.role],
        ),
      );
    const before = await roles(id);
    expect(before).toMatchObject({ "lead@example.com": "lead", "viewer@example.com": "viewer" });
    await inAnotherDatabase(async () => {
      // Here the viewer is an admin, restoring it: a member by the backup, made its lead.
      const admin = await createUser(SYSTEM, {
        email: "viewer@example.com",
        name: "Vera Admin",
        role: "admin",
        password: "long enough password",
      });
      const restored = await restoreBackup(SYSTEM, file, { leadId: admin.id });
      expect(await roles(restored.investigationId)).toEqual({ ...before, "viewer@example.com": "lead" });
      // Accounts the restore made are members, disabled until an admin gives them a password and enables them.
      expect(await db().user.findUniqueOrThrow({ where: { email: "lead@example.com" }, select: { disabled: true } })).toEqual({
        disabled: true,
      });
    });
  });

  test("restored three rows at a time, every row comes back, and progress is reported as it goes", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const { id } = await demoBackupWith(async () => {});
    const file = path.join(dir, "batched.json");
    await writeBackup(id, file, { now });
    const progress: RestoreProgress[] = [];
    const again = path.join(dir, "batched-again.json");
    const restored = await inAnotherDatabase(async () => {
      const report = await restoreBackup(SYSTEM, file, { batchRows: 3, onProgress: (p) => progress.push(p) });
      // Backed up again from where it landed, the file is the same, byte for byte: every row came back as it was.
      await writeBackup(report.investigationId, again, { now });
      return report;
    });
    expect(readFileSync(again, "utf8")).toBe(readFileSync(file, "utf8"));
    // Each table with rows reports after each insert of at most three, counting up to its total.
    const tables = Object.entries(restored.counts).filter(([, n]) => n > 0);
    expect(tables.length).toBeGreaterThan(5);
    for (const [table, total] of tables) {
      const done = progress.filter((p) => p.table === table).map((p) => p.done);
      expect(done, table).toEqual(Array.from({ length: Math.ceil(total / 3) }, (_, i) => Math.min(total, (i + 1) * 3)));
      expect(progress.filter((p) => p.table === table).every((p) => p.total === total)).toBe(true);
    }
    expect(progress.filter((p) => p.table === "claims")).toHaveLength(Math.ceil(40 / 3));
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

  test("attribute settings come along, under a new slug too", async () => {
    const { id } = await demoBackupWith(async (investigationId) => {
      const reviewer = await db().user.findUniqueOrThrow({ where: { email: "reviewer@example.com" } });
      await db().attribute.create({
        data: {
          investigationId,
          key: "death toll",
          label: "Death toll",
          change: "tally",
          cardinality: "single",
          updatedById: reviewer.id,
          version: 3,
        },
      });
    });
    const file = path.join(dir, "attributes.json");
    const report = await writeBackup(id, file);
    expect(report.counts.attributes).toBe(1);
    const copy = await restoreBackup(SYSTEM, file, { slug: "anthropic-pentagon-attributes" });
    expect(copy.counts.attributes).toBe(1);
    const original = await db().attribute.findFirstOrThrow({ where: { investigationId: id } });
    const restored = await db().attribute.findMany({ where: { investigationId: copy.investigationId } });
    expect(restored).toHaveLength(1);
    expect(restored[0]!.id).not.toBe(original.id);
    expect(restored[0]).toMatchObject({ key: "death toll", label: "Death toll", change: "tally", cardinality: "single", version: 3 });
    expect(restored[0]!.updatedAt).toEqual(original.updatedAt);
    expect(restored[0]!.updatedById).toBe(original.updatedById);
    // Into an empty database, the account that last changed the setting comes along (created, disabled).
    const elsewhere = await inAnotherDatabase(async () => {
      const { investigationId } = await restoreBackup(SYSTEM, file);
      const attribute = await db().attribute.findFirstOrThrow({ where: { investigationId } });
      return { attribute, user: await db().user.findUnique({ where: { id: attribute.updatedById! } }) };
    });
    expect(elsewhere.attribute).toMatchObject({ key: "death toll", change: "tally" });
    expect(elsewhere.user?.email).toBe("reviewer@example.com");
  });

  test("suggestions turned down come along, and are still not proposed in the copy", async () => {
    const { id } = await demoBackupWith(async (investigationId) => {
      const analyst = await db().user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
      const article = await db().article.findFirstOrThrow({ where: { investigationId }, orderBy: { title: "asc" } });
      const [first] = (await suggestForInvestigation(investigationId, "UTC", article.id))[0]!.proposals;
      await rejectProposal({ actorId: analyst.id, requestId: "backup-test" }, { investigationId, articleId: article.id, ...first! });
    });
    const file = path.join(dir, "rejections.json");
    expect((await writeBackup(id, file)).counts.rejections).toBe(1);
    const copy = await restoreBackup(SYSTEM, file, { slug: "anthropic-pentagon-rejections" });
    const [original, restored] = await Promise.all(
      [id, copy.investigationId].map((investigationId) => db().proposalRejection.findFirstOrThrow({ where: { investigationId } })),
    );
    expect(restored!.id).not.toBe(original!.id);
    expect(restored).toMatchObject({
      ...original,
      id: restored!.id,
      investigationId: copy.investigationId,
      articleId: restored!.articleId,
    });
    // By place, not by words: the demo writes some words twice ("Anthropic CEO Dario Amodei"), and
    // only the place turned down is not proposed again. Its text has no characters outside the BMP,
    // so the stored code-point offsets are the reader's.
    const proposed = async (investigationId: string, articleId: string) =>
      (await suggestForInvestigation(investigationId, "UTC", articleId))[0]!.proposals.map((p) => `${p.start}-${p.end} ${p.quote}`);
    expect(await proposed(copy.investigationId, restored!.articleId)).toEqual(await proposed(id, original!.articleId));
    expect(await proposed(id, original!.articleId)).not.toContain(`${original!.positionStart}-${original!.positionEnd} ${original!.quote}`);
  });

  test("a file written before attribute settings were backed up (no such list) still restores", async () => {
    const { file } = await demoBackup("older.json");
    const lines = readFileSync(file, "utf8").split("\n");
    const start = lines.indexOf('"attributes":[');
    const end = lines.indexOf("],", start);
    expect(start).toBeGreaterThan(0);
    const older = lines.filter((_, i) => i < start || i > end);
    // The checksum covers the lines as written (all but the date and the checksum itself): recompute it as an older Crosscheck would have.
    const hashed = older.filter((l) => l !== "" && !l.startsWith('"createdAt":') && !l.startsWith('"checksum":'));
    const body = hashed.map((l) => `${l}\n`).join("");
    const checksum = `sha256:${createHash("sha256").update(body).digest("hex")}`;
    const text = older.map((l) => (l.startsWith('"checksum":') ? `"checksum":${JSON.stringify(checksum)}}` : l)).join("\n");
    const olderFile = path.join(dir, "older-layout.json");
    writeFileSync(olderFile, text);
    const restored = await inAnotherDatabase(() => restoreBackup(SYSTEM, olderFile));
    expect(restored.counts).toMatchObject({ claims: 40, attributes: 0 });
    expect(restored.counts.merges).toBe(0);
    // Truly malformed files are still refused: a list out of place is not an older layout.
    const swapped = text.replace('"merges":[', '"conflicts":[');
    await expectRefused(path.join(dir, "bad-older.json"), swapped, /not in the layout Crosscheck writes/);
  });

  test("a file whose lines were made to end in CRLF (a Windows checkout) still restores", async () => {
    const { file } = await demoBackup("crlf-source.json");
    const crlf = path.join(dir, "crlf.json");
    writeFileSync(crlf, readFileSync(file, "utf8").replaceAll("\n", "\r\n"));
    const restored = await inAnotherDatabase(() => restoreBackup(SYSTEM, crlf));
    expect(restored.counts).toMatchObject({ articles: 5, claims: 40 });
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
    // Six fresh databases, each migrated: slow on a loaded machine, so no tight limit.
  }, 180_000);
});
