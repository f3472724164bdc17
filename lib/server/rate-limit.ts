import "server-only";
import { db } from "@/lib/server/database.ts";

/**
 * A fixed-window counter in the database (shared by every app instance), for requests that
 * better-auth's own limiter does not see, such as sign-in through a server action.
 * Returns the seconds to wait when the limit is exceeded, else 0.
 */
export async function consumeRateLimit(key: string, max: number, windowSeconds: number, now = Date.now()): Promise<number> {
  const fullKey = `action:${key}`;
  const windowStart = now - windowSeconds * 1000;
  return db().$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key: fullKey } });
    if (!row || Number(row.lastRequest) < windowStart) {
      await tx.rateLimit.upsert({
        where: { key: fullKey },
        create: { key: fullKey, count: 1, lastRequest: BigInt(now) },
        update: { count: 1, lastRequest: BigInt(now) },
      });
      return 0;
    }
    if (row.count >= max) return Math.ceil((Number(row.lastRequest) + windowSeconds * 1000 - now) / 1000);
    // The window keeps its start: lastRequest marks when it opened.
    await tx.rateLimit.update({ where: { key: fullKey }, data: { count: { increment: 1 } } });
    return 0;
  });
}

export async function resetRateLimit(key: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key: `action:${key}` } });
}
