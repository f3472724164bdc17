"use server";

import { claimHistoryInput, createClaimInput, deleteClaimInput, retractClaimInput, updateClaimInput } from "@/lib/domain/inputs.ts";
import { type ActionContext, defineAction } from "@/lib/web/action.ts";
import * as claims from "@/lib/server/claims.ts";
import { openConflictCount } from "@/lib/server/conflicts.ts";
import { type ConflictChange, movesOpenCount } from "@/lib/domain/conflict-changes.ts";

/**
 * Claim saves answer with what changed (the claim as the reader shows it, its audit event, the
 * conflicts it opened or changed) and the reader updates in place: no page is re-rendered into
 * the response. Other pages read the database when they are next opened (they are dynamic).
 * The data layer finds the article or claim by id *and* investigation, so a foreign id is simply not found.
 */
const withActor = async <T extends { event: claims.ClaimEventSummary; conflicts: ConflictChange[] }>(
  result: T,
  ctx: ActionContext,
  investigationId: string,
) => ({
  ...result,
  event: { ...result.event, actor: ctx.actor.name },
  ...(await countIfChanged(result.conflicts, investigationId)),
});

/**
 * The open-conflict count for the navigation, read only when the save opened, reopened or closed
 * a conflict (it counts every open conflict of the investigation: not on every save).
 */
const countIfChanged = async (conflicts: ConflictChange[], investigationId: string) =>
  movesOpenCount(conflicts) ? { openConflicts: await openConflictCount(investigationId) } : {};

export const createClaim = defineAction("claim.create", createClaimInput, async (input, ctx) =>
  withActor(await claims.createClaim(ctx, input), ctx, input.investigationId),
);

export const updateClaim = defineAction("claim.update", updateClaimInput, async (input, ctx) =>
  withActor(await claims.updateClaim(ctx, input), ctx, input.investigationId),
);

export const retractClaim = defineAction("claim.retract", retractClaimInput, async (input, ctx) =>
  withActor(await claims.retractClaim(ctx, input), ctx, input.investigationId),
);

export const restoreClaim = defineAction("claim.restore", deleteClaimInput, async (input, ctx) =>
  withActor(await claims.restoreClaim(ctx, input), ctx, input.investigationId),
);

export const deleteClaim = defineAction("claim.delete", deleteClaimInput, async (input, ctx) => {
  const result = await claims.deleteClaim(ctx, input);
  return { ...result, ...(await countIfChanged(result.conflicts, input.investigationId)) };
});

/** A claim's history, asked for by the reader when the claim is opened. */
export const readClaimHistory = defineAction("claim.history", claimHistoryInput, async (input) => ({
  history: await claims.readerClaimHistory(input.investigationId, input.id),
}));
