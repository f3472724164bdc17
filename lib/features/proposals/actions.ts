"use server";

import { acceptAllProposalsInput, listProposalsInput, rejectProposalInput } from "@/lib/domain/inputs.ts";
import * as proposals from "@/lib/server/proposals.ts";
import { articleProposals } from "@/lib/server/suggestions.ts";
import { openConflictCount } from "@/lib/server/conflicts.ts";
import { defineAction } from "@/lib/web/action.ts";

/** An article's suggestions, asked for by the reader after the page is drawn (they take a while). */
export const listProposals = defineAction("proposal.list", listProposalsInput, async (input) => ({
  proposals: await articleProposals(input.investigationId, input.articleId),
}));

/** Turns down one suggestion; the reader hides it (and its cue's others, once retired) in place. */
export const rejectProposal = defineAction("proposal.reject", rejectProposalInput, async (input, ctx) =>
  proposals.rejectProposal(ctx, input),
);

/** Saves an article's confident suggestions; the reader then reloads its claims and suggestions. */
export const acceptAllProposals = defineAction("proposal.acceptAll", acceptAllProposalsInput, async (input, ctx) => {
  const result = await proposals.acceptAllProposals(ctx, input);
  return { ...result, openConflicts: result.saved ? await openConflictCount(input.investigationId) : undefined };
});
