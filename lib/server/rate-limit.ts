import "server-only";
import { afterSuccess, type BackoffRule, type FailureCount, waitSeconds, withFailure } from "@/lib/domain/sign-in-limits.ts";
import type { Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";

/**
 * Failure counters in the database (table RateLimit: `count` failures, the last at `lastRequest`
 * in ms), shared by every app instance. The rules are lib/domain/sign-in-limits.ts; this only
 * stores them.
 */
export type Limit = { key: string; rule: BackoffRule };

const toCount = (row: { count: number; lastRequest: bigint } | undefined): FailureCount | null =>
  row ? { failures: row.count, lastFailureAt: Number(row.lastRequest) } : null;

/**
 * Seconds to wait (the longest any limit asks), or 0 — and then the attempt is already counted
 * as a failure under every key, in the same transaction as the check, so that parallel attempts
 * queue behind each other instead of all passing the check at once. `settleSuccess` takes it back.
 */
export async function reserveAttempt(limits: Limit[], now = Date.now()): Promise<number> {
  const keys = limits.map((l) => l.key);
  const wait = await db().$transaction(async (tx) => {
    await lockCounters(tx, keys);
    const rows = await tx.rateLimit.findMany({ where: { key: { in: keys } } });
    const counts = new Map(rows.map((r) => [r.key, toCount(r)]));
    const wait = Math.max(0, ...limits.map((l) => waitSeconds(l.rule, counts.get(l.key) ?? null, now)));
    if (wait > 0) return wait;
    for (const { key, rule } of limits) {
      const next = withFailure(rule, counts.get(key) ?? null, now);
      const data = { count: next.failures, lastRequest: BigInt(next.lastFailureAt) };
      await tx.rateLimit.upsert({ where: { key }, create: { key, ...data }, update: data });
    }
    return 0;
  });
  // Counters of one-off addresses would pile up: now and then, drop the ones every rule has forgotten.
  if (wait === 0 && Math.random() < 0.01) await sweepForgotten(limits, now);
  return wait;
}

/** The reserved attempt succeeded: each counter is cleared or forgiven as its rule says. */
export async function settleSuccess(limits: Limit[]): Promise<void> {
  await db().$transaction(async (tx) => {
    const keys = limits.map((l) => l.key);
    await lockCounters(tx, keys);
    const rows = new Map((await tx.rateLimit.findMany({ where: { key: { in: keys } } })).map((r) => [r.key, r]));
    for (const { key, rule } of limits) {
      const next = afterSuccess(rule, toCount(rows.get(key)));
      if (next) await tx.rateLimit.update({ where: { key }, data: { count: next.failures } });
      else await tx.rateLimit.deleteMany({ where: { key } });
    }
  });
}

/** One writer per counter at a time, always in the same order, so two attempts cannot deadlock. */
async function lockCounters(tx: Tx, keys: string[]): Promise<void> {
  for (const key of [...keys].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rate-limit:${key}`}, 0))`;
}

async function sweepForgotten(limits: Limit[], now: number): Promise<void> {
  const longest = Math.max(...limits.map((l) => l.rule.forgetAfterSeconds));
  await db().rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(now - longest * 1000) } } });
}
