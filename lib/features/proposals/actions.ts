"use server";

import { acceptAllProposalsInput, rejectProposalInput } from "@/lib/domain/inputs.ts";
import * as proposals from "@/lib/server/proposals.ts";
import { openConflictCount } from "@/lib/server/conflicts.ts";
import { defineAction } from "@/lib/web/action.ts";

/** Turns down one suggestion; the reader hides it (and its cue's others, once retired) in place. */
export const rejectProposal = defineAction("proposal.reject", rejectProposalInput, async (input, ctx) =>
  proposals.rejectProposal(ctx, input),
);

/** Saves an article's confident suggestions; the reader then reloads its claims and suggestions. */
export const acceptAllProposals = defineAction("proposal.acceptAll", acceptAllProposalsInput, async (input, ctx) => {
  const result = await proposals.acceptAllProposals(ctx, input);
  return { ...result, openConflicts: result.saved ? await openConflictCount(input.investigationId) : undefined };
});
