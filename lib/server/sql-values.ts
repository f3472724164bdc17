import "server-only";
import { randomBytes } from "node:crypto";

/*
 * Values crossing raw SQL (`$queryRaw`), where the two engines differ: PostgreSQL's driver gives
 * timestamps as Date and JSON as objects, PGlite may give strings. Timestamp columns are
 * `timestamp(3)` holding UTC, as Prisma writes them.
 */

/** A timestamp column read by raw SQL, as a Date (null stays null). */
export function sqlDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string);
}

/** A JSON column or json_agg read by raw SQL, parsed. */
export function sqlJson<T = unknown>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/**
 * A Date as a raw SQL parameter: an ISO string, cast in the statement with `UTC` after it
 * (`$3${UTC}`) so the session's zone never shifts it.
 */
export function sqlTimestamp(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

/** The cast after a timestamp parameter given as an ISO string: read in UTC whatever the session's zone. */
export const UTC = "::timestamptz AT TIME ZONE 'UTC'";

let counter = Math.floor(Math.random() * 36 ** 4);
/** Random bits drawn 4 kB at a time: one call per id is slow. */
let pool = randomBytes(4096);
let used = 0;

/**
 * A new row id for rows written by raw SQL, shaped like the cuids Prisma gives the others:
 * "c", the time in milliseconds (base 36), a per-process counter and 64 random bits. Ids made
 * later sort after (within a millisecond, by counter), as cuids do.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  if (used + 8 > pool.length) {
    pool = randomBytes(4096);
    used = 0;
  }
  const random = pool.readBigUInt64BE(used).toString(36).padStart(13, "0").slice(-12);
  used += 8;
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
