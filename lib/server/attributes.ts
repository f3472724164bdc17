import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import type { AttributeSetting } from "@/lib/domain/attribute-sense.ts";
import { readAttributeSetting } from "@/lib/domain/json-codecs.ts";
import { audit, type AuditContext } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { syncConflicts } from "@/lib/server/detection.ts";

/**
 * Saying how an attribute behaves (one value or several, fixed or changing or a running tally,
 * lists complete or partial) where detection's inference is wrong. A null field goes back to
 * what detection infers. Every group of claims under the attribute is examined again in the
 * same transaction, so its conflicts follow at once; the change is audited.
 */
export async function setAttributeSense(
  ctx: AuditContext,
  input: { investigationId: string; key: string } & AttributeSetting,
): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { investigationId: input.investigationId, attribute: input.key },
      orderBy: { createdAt: "asc" },
      select: { attributeLabel: true },
    });
    if (!claim) throw new ExpectedError("not_found", "No claim uses that attribute any more.");
    const existing = await tx.attribute.findUnique({
      where: { investigationId_key: { investigationId: input.investigationId, key: input.key } },
    });
    const before = existing ? readAttributeSetting(existing) : { cardinality: null, change: null, lists: null };
    const after: AttributeSetting = { cardinality: input.cardinality, change: input.change, lists: input.lists };
    if (before.cardinality === after.cardinality && before.change === after.change && before.lists === after.lists) {
      return { changed: false };
    }
    const saved = await tx.attribute.upsert({
      where: { investigationId_key: { investigationId: input.investigationId, key: input.key } },
      create: { investigationId: input.investigationId, key: input.key, label: claim.attributeLabel, ...after, updatedById: ctx.actorId },
      update: { ...after, updatedById: ctx.actorId, version: { increment: 1 } },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "attribute.update",
      objectType: "Attribute",
      objectId: saved.id,
      investigationId: input.investigationId,
      before: { key: input.key, ...before },
      after: { key: input.key, ...after },
    });
    const groups = await tx.claim.findMany({
      where: { investigationId: input.investigationId, attribute: input.key },
      distinct: ["subjectId"],
      select: { subjectId: true, attribute: true },
    });
    await syncConflicts(tx, ctx, input.investigationId, { groups });
    return { changed: true };
  });
}
