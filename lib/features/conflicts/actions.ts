"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { commentInput, createManualConflictInput, reopenConflictInput, resolveConflictInput } from "@/lib/domain/inputs.ts";
import { defineAction } from "@/lib/web/action.ts";
import * as conflicts from "@/lib/server/conflicts.ts";
import { enqueueJob } from "@/lib/server/jobs.ts";
import { requireInvestigationById } from "@/lib/server/investigations.ts";
import { revalidateInvestigation } from "@/lib/web/revalidate.ts";

// The data layer finds the conflict or claim by id *and* investigation, so a foreign id is simply not found.
export const resolveConflict = defineAction("conflict.resolve", resolveConflictInput, async (input, ctx) => {
  const result = await conflicts.resolveConflict({ ...ctx, actorId: ctx.actor.id }, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

export const reopenConflict = defineAction("conflict.reopen", reopenConflictInput, async (input, ctx) => {
  const result = await conflicts.reopenConflict(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

export const commentOnConflict = defineAction("conflict.comment", commentInput, async (input, ctx) => {
  const result = await conflicts.addComment({ ...ctx, actorId: ctx.actor.id }, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

export const createManualConflict = defineAction("conflict.createManual", createManualConflictInput, async (input, ctx) => {
  const { id } = await conflicts.createManualConflict(ctx, input);
  await revalidateInvestigation(input.investigationId);
  const { slug } = await requireInvestigationById(input.investigationId);
  redirect(`/investigations/${slug}/conflicts/${id}`);
});

/** Recomputation runs as a job (it may take a while): the page gets the job's id and follows it. */
export const redetectConflicts = defineAction("conflict.redetect", z.object({ investigationId: z.string().min(1) }), async (input, ctx) =>
  enqueueJob(ctx, "redetect", input.investigationId),
);
