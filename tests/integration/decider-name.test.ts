import { cp, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { resolveConflictInput } from "@/lib/domain/inputs.ts";
import { restoreBackup, writeBackup } from "@/lib/server/backup.ts";
import { getConflict, listConflicts, resolveConflict } from "@/lib/server/conflicts.ts";
import { db } from "@/lib/server/database.ts";
import { loadFactSheetInput } from "@/lib/server/factsheet.ts";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/server/migrate.ts";
import { updateUser } from "@/lib/server/users.ts";
import { makeUser, SYSTEM } from "@/tests/support/actors.ts";
import { createTestDatabase, setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A valuation conflict settled by the story's reviewer, who is then renamed by an admin. */
async function decidedThenRenamed() {
  const story = await makeStory([
    "Anthropic, valued at $18.4 billion, keeps growing.",
    "Anthropic was valued at $183 billion in September.",
  ]);
  const anthropic = await story.entity("Anthropic");
  await story.claim(0, "$18.4 billion", { subjectId: anthropic.id });
  const large = await story.claim(1, "$183 billion", { subjectId: anthropic.id });
  const conflict = await db().conflict.findFirstOrThrow({ where: { investigationId: story.inv.id, kind: { not: "naming" } } });
  const input = {
    investigationId: story.inv.id,
    id: conflict.id,
    version: conflict.version,
    kind: "accept_claim",
    acceptedClaimId: large.id,
  };
  await resolveConflict(story.reviewer.ctx, resolveConflictInput.parse({ ...input, rationale: "The September round is on the record." }));
  const admin = await makeUser("admin");
  const reviewer = await db().user.findUniqueOrThrow({ where: { id: story.reviewer.id } });
  await updateUser(admin.ctx, { id: reviewer.id, version: reviewer.version, name: "Renamed Later", role: reviewer.role });
  return { ...story, conflict };
}

const reviewerOnSheet = async (investigationId: string) =>
  (await loadFactSheetInput(investigationId))!.conflicts.map((c) => c.resolution?.reviewer);

describe(`the decider's name on record, on ${testEngine}`, () => {
  test("the fact sheet names the decider as they were called when they decided", async () => {
    const story = await decidedThenRenamed();
    expect(await reviewerOnSheet(story.inv.id)).toEqual([story.reviewer.name]);
    expect(story.reviewer.name).toBe("Test reviewer");
  });

  test("the conflict page and the queue name the decider as they were called when they decided", async () => {
    const story = await decidedThenRenamed();
    const page = (await getConflict(story.inv.id, story.conflict.id))!;
    expect(page.resolutions.map((r) => r.decidedByName)).toEqual(["Test reviewer"]);
    const queue = await listConflicts(story.inv.id, { status: "resolved" });
    expect(queue.items.map((r) => r.resolution?.by)).toEqual(["Test reviewer"]);
  });

  test("a backup carries the recorded name, and a copy restored from it keeps it", async () => {
    const story = await decidedThenRenamed();
    const dir = await mkdtemp(path.join(tmpdir(), "crosscheck-decider-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, "backup.json");
    await writeBackup(story.inv.id, file);
    expect(await readFile(file, "utf8")).toContain('"decidedByName":"Test reviewer"');
    const copy = await restoreBackup(SYSTEM, file, { slug: `copy-${story.inv.slug}`.slice(0, 60) });
    expect(await reviewerOnSheet(copy.investigationId)).toEqual(["Test reviewer"]);
  });
});

describe(`the migration that records deciders' names, on ${testEngine}`, () => {
  test("decisions made before it take their deciders' names as they are then; later ones their own at the time", async () => {
    const t = await createTestDatabase({ migrate: false });
    cleanups.push(() => t.drop());
    const dir = await mkdtemp(path.join(tmpdir(), "crosscheck-migrations-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const held = await mkdtemp(path.join(tmpdir(), "crosscheck-held-"));
    cleanups.push(() => rm(held, { recursive: true, force: true }));
    const later = (await readMigrations(dir)).filter((m) => m.name >= "20261123100000");
    for (const m of later) await rename(path.join(dir, m.name), path.join(held, m.name));
    await migrate(t.database, dir);
    const q = (sql: string, params: unknown[] = []) => t.database.withConnection((c) => c.query<Record<string, unknown>>(sql, params));
    await q(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u', 'r@example.test', 'Rita Reviewer', now())`);
    await q(`INSERT INTO "Investigation" (id, slug, title, "updatedAt") VALUES ('i', 'i', 'I', now())`);
    await q(
      `INSERT INTO "Conflict" (id, "investigationId", kind, status, summary, "updatedAt") VALUES ('c', 'i', 'value', 'resolved', 'S', now())`,
    );
    await q(
      `INSERT INTO "Resolution" (id, "conflictId", kind, rationale, "decidedById") VALUES ('r1', 'c', 'not_a_conflict', 'Before.', 'u')`,
    );

    for (const m of later) await rename(path.join(held, m.name), path.join(dir, m.name));
    await migrate(t.database, dir);
    await q(`UPDATE "User" SET name = 'Rita Renamed' WHERE id = 'u'`);
    await q(
      `INSERT INTO "Resolution" (id, "conflictId", kind, rationale, "decidedById") VALUES ('r2', 'c', 'not_a_conflict', 'After.', 'u')`,
    );
    await q(
      `INSERT INTO "Resolution" (id, "conflictId", kind, rationale, "decidedById", "decidedByName") VALUES ('r3', 'c', 'not_a_conflict', 'Restored.', 'u', 'As Recorded')`,
    );
    const rows = await q(`SELECT id, "decidedByName" FROM "Resolution" ORDER BY id`);
    expect(rows).toEqual([
      { id: "r1", decidedByName: "Rita Reviewer" },
      { id: "r2", decidedByName: "Rita Renamed" },
      { id: "r3", decidedByName: "As Recorded" },
    ]);
  });
});
