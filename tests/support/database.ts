import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { type Database, openDatabase, installDatabase } from "@/lib/server/database.ts";
import { migrate } from "@/lib/server/migrate.ts";

/**
 * Where integration tests run: in-memory PGlite by default; with TEST_DATABASE_URL (an admin
 * connection to a PostgreSQL server) each test file gets a database of its own, dropped after.
 */
export const testEngine = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

export type TestDatabase = { database: Database; url?: string; drop(): Promise<void> };

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let url: string | undefined;
  let cleanup = async () => {};
  if (adminUrl) {
    const name = `crosscheck_test_${randomBytes(6).toString("hex")}`;
    await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const target = new URL(adminUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    database = openDatabase({ url });
    cleanup = () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {});
  } else {
    database = openDatabase({ dataDir: "memory://" });
  }
  if (options.migrate !== false) await migrate(database);
  return {
    database,
    url,
    async drop() {
      await database.close();
      await cleanup();
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One migrated database for the whole test file, installed as the process database. */
export function setupTestDatabase(): () => Database {
  let test: TestDatabase | undefined;
  beforeAll(async () => {
    test = await createTestDatabase();
    installDatabase(test.database);
  });
  afterAll(async () => {
    installDatabase(undefined);
    await test?.drop();
  });
  return () => {
    if (!test) throw new Error("test database not ready");
    return test.database;
  };
}
