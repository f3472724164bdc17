import "server-only";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database, SqlConnection } from "@/lib/server/database.ts";

export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");
const LEDGER = "_crosscheck_migrations";
// Any fixed number, shared by every runner of this project: pg_advisory_lock(key).
const LOCK_KEY = 7_314_001;

export type MigrationFile = { name: string; sql: string; checksum: string };
export type MigrationReport = { applied: string[]; alreadyApplied: number };

export class MigrationChecksumError extends Error {
  constructor(
    readonly migration: string,
    readonly recorded: string,
    readonly found: string,
  ) {
    super(
      `Migration ${migration} was changed after it was applied (recorded checksum ${recorded.slice(0, 12)}…, ` +
        `file now ${found.slice(0, 12)}…). Restore the original file and put the change in a new migration.`,
    );
    this.name = "MigrationChecksumError";
  }
}

export function checksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** The migration folders in order (their names start with a timestamp). */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/* turbopackIgnore: true */ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksum(sql) };
    }),
  );
}

/**
 * Applies the migrations not yet applied, each in its own transaction with its ledger row.
 * An advisory lock makes concurrent runners (several app instances starting) take turns; the
 * second finds everything applied. A file changed after it was applied stops the run.
 */
export async function migrate(database: Database, dir: string = MIGRATIONS_DIR): Promise<MigrationReport> {
  const files = await readMigrations(dir);
  return database.withConnection(async (conn) => {
    await conn.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      await conn.exec(
        `CREATE TABLE IF NOT EXISTS "${LEDGER}" (
           name text PRIMARY KEY,
           checksum text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const recorded = new Map(
        (await conn.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${LEDGER}"`)).map((r) => [r.name, r.checksum]),
      );
      for (const file of files) {
        const previous = recorded.get(file.name);
        if (previous !== undefined && previous !== file.checksum) {
          throw new MigrationChecksumError(file.name, previous, file.checksum);
        }
      }
      const applied: string[] = [];
      for (const file of files) {
        if (recorded.has(file.name)) continue;
        await applyOne(conn, file);
        applied.push(file.name);
      }
      return { applied, alreadyApplied: files.length - applied.length };
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  });
}

async function applyOne(conn: SqlConnection, file: MigrationFile): Promise<void> {
  await conn.exec("BEGIN");
  try {
    await conn.exec(file.sql);
    await conn.query(`INSERT INTO "${LEDGER}" (name, checksum) VALUES ($1, $2)`, [file.name, file.checksum]);
    await conn.exec("COMMIT");
  } catch (error) {
    await conn.exec("ROLLBACK");
    throw new Error(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
  }
}
