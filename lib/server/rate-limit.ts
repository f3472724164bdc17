import "server-only";
import { db } from "@/lib/server/database.ts";

/**
 * Fixed-window counters in the database (shared by every app instance), for requests that
 * better-auth's own limiter does not see, such as sign-in through a server action. Only failures
 * are counted, so people who sign in correctly are never held up by their colleagues.
 */

/** Seconds to wait before trying again under `key`, or 0 when allowed. Reads only. */
export async function rateLimitWait(key: string, max: number, windowSeconds: number, now = Date.now()): Promise<number> {
  const row = await db().rateLimit.findUnique({ where: { key: `action:${key}` } });
  if (!row) return 0;
  const windowEnds = Number(row.lastRequest) + windowSeconds * 1000;
  return windowEnds > now && row.count >= max ? Math.ceil((windowEnds - now) / 1000) : 0;
}

/** Counts one failure under `key`; a window that has ended starts again. */
export async function recordFailure(key: string, windowSeconds: number, now = Date.now()): Promise<void> {
  const fullKey = `action:${key}`;
  await db().$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key: fullKey } });
    if (!row || Number(row.lastRequest) + windowSeconds * 1000 <= now) {
      // lastRequest marks when the window opened.
      await tx.rateLimit.upsert({
        where: { key: fullKey },
        create: { key: fullKey, count: 1, lastRequest: BigInt(now) },
        update: { count: 1, lastRequest: BigInt(now) },
      });
    } else {
      await tx.rateLimit.update({ where: { key: fullKey }, data: { count: { increment: 1 } } });
    }
  });
}

export async function clearFailures(key: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key: `action:${key}` } });
}
