import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";

/** A plain SQL connection: what the migration runner and race tests need below Prisma. */
export type SqlConnection = {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** As `query`, each row an array of its columns in the order selected (no object made per row). */
  rows<Row extends unknown[] = unknown[]>(sql: string, params?: unknown[]): Promise<Row[]>;
};

export type Engine = "pglite" | "postgres";

export type Database = {
  engine: Engine;
  prisma: PrismaClient;
  /** Runs `fn` on one dedicated connection (a session: advisory locks and transactions hold). */
  withConnection<T>(fn: (connection: SqlConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder, or "memory://" for a throwaway in-memory database. */
  dataDir?: string;
};

export const DEFAULT_DATA_DIR = ".data/pglite";

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.CROSSCHECK_DATA_DIR || DEFAULT_DATA_DIR };
}

export function describeDatabase(options: DatabaseOptions): string {
  if (options.url) {
    const url = new URL(options.url);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  const dir = options.dataDir ?? DEFAULT_DATA_DIR;
  return dir.startsWith("memory://")
    ? "embedded PGlite (in memory)"
    : `embedded PGlite in ${path.resolve(/* turbopackIgnore: true */ dir)}`;
}

export function openDatabase(options: DatabaseOptions): Database {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir ?? DEFAULT_DATA_DIR);
}

/**
 * Connections each app process may hold (DATABASE_POOL_SIZE, default 20): enough for a few dozen
 * people saving at once, well under PostgreSQL's default 100 connections for two or three
 * instances. A value that is not a whole number from 1 to 1,000 is refused at start.
 */
export function poolSize(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  if (!raw) return 20;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not “${raw}”.`);
  }
  return size;
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize() });
  // An idle connection dropped by the server (a restart, an admin) must not crash the process:
  // the pool discards it and opens a new one on the next query.
  pool.on("error", (error) => console.warn(`[database] idle connection closed: ${error.message}`));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    engine: "postgres",
    prisma,
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async (sql, params) => (await client.query(sql, params)).rows,
          rows: async (sql, params) => (await client.query({ text: sql, values: params, rowMode: "array" })).rows as never,
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

function openPglite(dataDir: string): Database {
  if (!dataDir.startsWith("memory://")) mkdirSync(/* turbopackIgnore: true */ dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  // PGlite is a single connection: callers that need a session of their own take turns.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    engine: "pglite",
    prisma,
    withConnection(fn) {
      const run = queue.then(() =>
        fn({
          exec: async (sql) => {
            await client.exec(sql);
          },
          query: async (sql, params) => (await client.query(sql, params)).rows as never,
          rows: async (sql, params) => (await client.query(sql, params, { rowMode: "array" })).rows as never,
        }),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}

type DatabaseGlobal = { __crosscheckDatabase?: Database };
const store = globalThis as DatabaseGlobal;

/**
 * The process's database, opened once (a dev-server reload must not open a second PGlite on
 * the same folder). Tests install their own with `installDatabase`.
 */
export function getDatabase(): Database {
  store.__crosscheckDatabase ??= openDatabase(databaseOptionsFromEnv());
  return store.__crosscheckDatabase;
}

export function db(): PrismaClient {
  return getDatabase().prisma;
}

export function installDatabase(database: Database | undefined): void {
  store.__crosscheckDatabase = database;
}
