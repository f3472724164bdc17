import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";

/**
 * How long a save may hold its transaction, and wait for a connection to start one. Saves are
 * meant to take milliseconds; these bound the rare one that cannot (a huge group under
 * contention, a database that stopped answering) so it fails plainly instead of hanging.
 * CROSSCHECK_SAVE_TIMEOUT_MS / CROSSCHECK_SAVE_MAX_WAIT_MS change them.
 */
export const SAVE_LIMITS = {
  timeout: Number(process.env.CROSSCHECK_SAVE_TIMEOUT_MS) || 15_000,
  maxWait: Number(process.env.CROSSCHECK_SAVE_MAX_WAIT_MS) || 10_000,
};

/** Prisma's interactive-transaction errors: expired, or no connection in time. */
const isTransactionLimit = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2028";

/**
 * A save in one transaction with explicit time limits. When a limit is reached nothing is
 * written; the person is told so in words (their form keeps what they typed), and the failure
 * is audited outside the rolled-back transaction, so it can be found later.
 */
export async function saveTransaction<T>(
  ctx: AuditContext,
  what: { label: string; investigationId: string; objectType: string; objectId?: string },
  work: (tx: Tx) => Promise<T>,
  limits: { timeout: number; maxWait: number } = SAVE_LIMITS,
): Promise<T> {
  const started = Date.now();
  try {
    return await db().$transaction(work, limits);
  } catch (error) {
    if (!isTransactionLimit(error)) throw error;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    await audit(db(), ctx, {
      action: "save.timeout",
      objectType: what.objectType,
      objectId: what.objectId ?? "",
      investigationId: what.investigationId,
      after: { label: what.label, seconds: Number(seconds), limitMs: limits.timeout, maxWaitMs: limits.maxWait },
    }).catch(() => undefined);
    throw new ExpectedError(
      "busy",
      `Saving the ${what.label} took too long (${seconds} s) and was stopped; nothing was saved. ` +
        "Your entries are kept: try again in a moment.",
    );
  }
}
