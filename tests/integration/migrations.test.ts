import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { foldName } from "@/lib/domain/claims.ts";
import { openDatabase } from "@/lib/server/database.ts";
import { MIGRATIONS_DIR, MigrationChecksumError, migrate, readMigrations } from "@/lib/server/migrate.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "@/tests/support/database.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function fresh(): Promise<TestDatabase> {
  const test = await createTestDatabase({ migrate: false });
  cleanups.push(() => test.drop());
  return test;
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "crosscheck-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const tables = async (t: TestDatabase) =>
  (
    await t.database.withConnection((c) =>
      c.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"),
    )
  ).map((r) => r.table_name);

describe(`migrations on ${testEngine}`, () => {
  test("a fresh database gets every migration, recorded with its checksum", async () => {
    const t = await fresh();
    const files = await readMigrations();
    const report = await migrate(t.database);
    expect(report.applied).toEqual(files.map((f) => f.name));
    expect(await tables(t)).toEqual(expect.arrayContaining(["User", "Investigation", "Article", "Claim", "Conflict", "AuditEvent"]));
    const ledger = await t.database.withConnection((c) =>
      c.query<{ name: string; checksum: string }>('SELECT name, checksum FROM "_crosscheck_migrations"'),
    );
    expect(ledger).toEqual(files.map((f) => ({ name: f.name, checksum: f.checksum })));
  });

  test("running again applies nothing", async () => {
    const t = await fresh();
    await migrate(t.database);
    await t.database.prisma.investigation.create({ data: { slug: "kept", title: "Kept" } });
    const again = await migrate(t.database);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
    expect(await t.database.prisma.investigation.count()).toBe(1);
  });

  test("a file changed after it was applied is refused with a clear error", async () => {
    const t = await fresh();
    const dir = await copyOfMigrations();
    await migrate(t.database, dir);
    const [first] = await readMigrations(dir);
    const file = path.join(dir, first!.name, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- edited later\n`);
    const error = await migrate(t.database, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChecksumError);
    expect((error as Error).message).toMatch(new RegExp(`Migration ${first!.name} was changed after it was applied`));
  });

  test("a failing migration is rolled back whole and not recorded", async () => {
    const t = await fresh();
    const dir = await copyOfMigrations();
    await migrate(t.database, dir);
    const broken = path.join(dir, "29991231000000_broken");
    await cp(path.join(dir, (await readMigrations(dir))[0]!.name), broken, { recursive: true });
    await writeFile(path.join(broken, "migration.sql"), 'CREATE TABLE "HalfDone" (id int);\nSELECT * FROM "NoSuchTable";');
    await expect(migrate(t.database, dir)).rejects.toThrow(/29991231000000_broken failed and was rolled back/);
    expect(await tables(t)).not.toContain("HalfDone");
    const ledger = await t.database.withConnection((c) => c.query<{ name: string }>('SELECT name FROM "_crosscheck_migrations"'));
    expect(ledger.map((r) => r.name)).not.toContain("29991231000000_broken");
  });

  test("claim positions stored as UTF-16 units are moved onto the same words in code points", async () => {
    const t = await fresh();
    const dir = await copyOfMigrations();
    const later = (await readMigrations(dir)).filter((m) => m.name >= "20261123090000");
    const held = await mkdtemp(path.join(tmpdir(), "crosscheck-later-"));
    cleanups.push(() => rm(held, { recursive: true, force: true }));
    for (const m of later) await rename(path.join(dir, m.name), path.join(held, m.name));
    await migrate(t.database, dir);
    // Written as the app used to: offsets into the JavaScript string.
    const body = "🎉 Launch 𝔸 day 👩‍💻. Anthropic, valued at $18.4 billion, and Claude 3.5.";
    const plain = "No emoji here: valued at $183 billion.";
    const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    await t.database.withConnection(async (c) => {
      await c.query(`INSERT INTO "Investigation" (id, slug, title, "updatedAt") VALUES ('i', 'i', 'I', now())`);
      await c.query(
        `INSERT INTO "Entity" (id, "investigationId", name, kind, "updatedAt") VALUES ('e', 'i', 'Anthropic', 'organization', now())`,
      );
      for (const [id, text, words] of [
        ["a1", body, "$18.4 billion"],
        ["a2", plain, "$183 billion"],
      ] as const) {
        await c.query(
          `INSERT INTO "Article" (id, "investigationId", title, body, "contentHash", "updatedAt") VALUES ($1, 'i', $1, $2, $1, now())`,
          [id, text],
        );
        const { start, end } = at(text, words);
        await c.query(
          `INSERT INTO "Claim" (id, "investigationId", "articleId", "subjectId", "subjectText", attribute, "attributeLabel", "valueKind",
             "valueText", "valueNorm", "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "updatedAt")
           VALUES ($1, 'i', $1, 'e', 'Anthropic', 'valuation', 'Valuation', 'money', $2, '{}', $2, '', '', $3, $4, now())`,
          [id, words, start, end],
        );
      }
    });
    for (const m of later) await rename(path.join(held, m.name), path.join(dir, m.name));
    await migrate(t.database, dir);
    const rows = await t.database.withConnection((c) =>
      c.query<{ id: string; quote: string; start: number }>(
        `SELECT c.id, substring(a.body FROM c."positionStart" + 1 FOR c."positionEnd" - c."positionStart") AS quote, c."positionStart" AS start
           FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" ORDER BY c.id`,
      ),
    );
    expect(rows.map((r) => r.quote)).toEqual(["$18.4 billion", "$183 billion"]);
    expect(rows[1]!.start).toBe(plain.indexOf("$183")); // without emoji nothing moves
  });

  test("entities get their names folded as the app folds them, except names SQL cannot fold as JavaScript does", async () => {
    const t = await fresh();
    const dir = await copyOfMigrations();
    const later = (await readMigrations(dir)).filter((m) => m.name >= "20261210090000");
    const held = await mkdtemp(path.join(tmpdir(), "crosscheck-later-"));
    cleanups.push(() => rm(held, { recursive: true, force: true }));
    for (const m of later) await rename(path.join(dir, m.name), path.join(held, m.name));
    await migrate(t.database, dir);
    const names = { plain: "  Emil \t MICHAEL\n", turkish: "ISTANBUL Office", accented: "Óscar Puente", ligature: "Straße" };
    await t.database.withConnection(async (c) => {
      await c.query(`INSERT INTO "Investigation" (id, slug, title, "updatedAt") VALUES ('i', 'i', 'I', now())`);
      for (const [id, name] of Object.entries(names)) {
        await c.query(`INSERT INTO "Entity" (id, "investigationId", name, kind, "updatedAt") VALUES ($1, 'i', $2, 'person', now())`, [
          id,
          name,
        ]);
      }
    });
    for (const m of later) await rename(path.join(held, m.name), path.join(dir, m.name));
    await migrate(t.database, dir);
    const rows = await t.database.withConnection((c) =>
      c.query<{ id: string; folded: string | null }>(`SELECT id, folded FROM "Entity" ORDER BY id`),
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.folded]))).toEqual({
      accented: null,
      ligature: null,
      plain: foldName(names.plain),
      turkish: foldName(names.turkish),
    });
  });

  test("on upgrade every account becomes a member of every investigation, its creator (or the first admin) lead", async () => {
    const t = await fresh();
    const dir = await copyOfMigrations();
    const later = (await readMigrations(dir)).filter((m) => m.name >= "20261208090000");
    const held = await mkdtemp(path.join(tmpdir(), "crosscheck-later-"));
    cleanups.push(() => rm(held, { recursive: true, force: true }));
    for (const m of later) await rename(path.join(dir, m.name), path.join(held, m.name));
    await migrate(t.database, dir);
    await t.database.withConnection(async (c) => {
      for (const [id, role, at] of [
        ["u-admin2", "admin", "2026-01-02"],
        ["u-admin1", "admin", "2026-01-01"],
        ["u-rev", "reviewer", "2026-01-03"],
        ["u-ana", "analyst", "2026-01-04"],
      ]) {
        await c.query(`INSERT INTO "User" (id, email, name, role, "createdAt", "updatedAt") VALUES ($1, $1, $1, $2, $3, now())`, [
          id,
          role,
          at,
        ]);
      }
      // One made by an analyst, one by nobody (the command line, a restore).
      await c.query(
        `INSERT INTO "Investigation" (id, slug, title, "createdById", "updatedAt") VALUES ('by-ana', 'a', 'A', 'u-ana', now())`,
      );
      await c.query(`INSERT INTO "Investigation" (id, slug, title, "updatedAt") VALUES ('orphan', 'b', 'B', now())`);
    });
    for (const m of later) await rename(path.join(held, m.name), path.join(dir, m.name));
    await migrate(t.database, dir);
    const rows = await t.database.withConnection((c) =>
      c.query<{ inv: string; uid: string; role: string }>(
        `SELECT "investigationId" AS inv, "userId" AS uid, role::text AS role FROM "Membership" ORDER BY 1, 2`,
      ),
    );
    expect(rows).toEqual([
      { inv: "by-ana", uid: "u-admin1", role: "lead" },
      { inv: "by-ana", uid: "u-admin2", role: "lead" },
      { inv: "by-ana", uid: "u-ana", role: "lead" },
      { inv: "by-ana", uid: "u-rev", role: "reviewer" },
      { inv: "orphan", uid: "u-admin1", role: "lead" },
      { inv: "orphan", uid: "u-admin2", role: "lead" },
      { inv: "orphan", uid: "u-ana", role: "analyst" },
      { inv: "orphan", uid: "u-rev", role: "reviewer" },
    ]);
  });

  test("two runners at once apply each migration exactly once", async () => {
    const t = await fresh();
    // On PostgreSQL a second connection pool is a second runner; PGlite has one connection.
    const other = t.url ? openDatabase({ url: t.url }) : t.database;
    if (other !== t.database) cleanups.push(() => other.close());
    const [a, b] = await Promise.all([migrate(t.database), migrate(other)]);
    const files = await readMigrations();
    expect([...a.applied, ...b.applied].sort()).toEqual(files.map((f) => f.name));
    const ledger = await t.database.withConnection((c) =>
      c.query<{ n: number }>('SELECT count(*)::int AS n FROM "_crosscheck_migrations"'),
    );
    expect(ledger[0]!.n).toBe(files.length);
  });
});
