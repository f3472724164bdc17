import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import type { AuditAction } from "@/lib/domain/audit-actions.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { UTC } from "@/lib/server/sql-values.ts";

export type Tx = Prisma.TransactionClient;

/** Who is acting, for the audit trail. A null actor is the system (command line, seed). */
export type AuditContext = { actorId: string | null; requestId: string };

export type AuditEntry = {
  action: AuditAction;
  objectType: string;
  objectId: string;
  investigationId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Writes one append-only audit event; call it inside the transaction of the change it records. */
export async function audit(tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<{ id: string; at: Date }> {
  const event = await tx.auditEvent.create({
    data: {
      actorId: ctx.actorId,
      requestId: ctx.requestId,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      investigationId: entry.investigationId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
    select: { id: true, createdAt: true },
  });
  return { id: String(event.id), at: event.createdAt };
}

/**
 * The audit event of `entry` as the text of an INSERT and its parameters, numbered from `first`:
 * for a statement that makes a change and records it in one round trip (a save's hot path).
 */
export function auditInsert(ctx: AuditContext, entry: AuditEntry, first: number): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  return {
    sql: `INSERT INTO "AuditEvent" ("investigationId", "actorId", "action", "objectType", "objectId", "before", "after", "requestId", "createdAt")
      VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}::jsonb, ${p(6)}::jsonb, ${p(7)}, ${p(8)}${UTC})`,
    params: [
      entry.investigationId ?? null,
      ctx.actorId,
      entry.action,
      entry.objectType,
      entry.objectId,
      jsonText(entry.before),
      jsonText(entry.after),
      ctx.requestId,
      new Date().toISOString(),
    ],
  };
}

const jsonText = (value: unknown): string | null => {
  const json = toJson(value);
  return json === undefined ? null : JSON.stringify(json);
};

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * After an update conditioned on `version`: no row means someone else changed it first. The
 * refusal names who and when, from the audit trail, so the person can look before retrying.
 */
export async function assertVersionedUpdate(tx: Tx, count: number, object: { type: string; id: string; label: string }): Promise<void> {
  if (count > 0) return;
  const last = await tx.auditEvent.findFirst({
    where: { objectType: object.type, objectId: object.id },
    orderBy: { id: "desc" },
    select: { createdAt: true, actor: { select: { name: true, email: true } } },
  });
  if (!last) throw new ExpectedError("not_found", `That ${object.label} no longer exists.`);
  const who = last.actor ? `${last.actor.name} (${last.actor.email})` : "the system";
  throw new ExpectedError(
    "stale",
    `This ${object.label} was changed by ${who} at ${last.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC ` +
      "after you opened it. Reload to see their change; your edits were not saved.",
  );
}
