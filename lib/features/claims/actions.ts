"use server";

import { createClaimInput, deleteClaimInput, retractClaimInput, updateClaimInput } from "@/lib/domain/inputs.ts";
import { defineAction } from "@/lib/web/action.ts";
import * as claims from "@/lib/server/claims.ts";
import { revalidateInvestigation } from "@/lib/web/revalidate.ts";

// The data layer finds the article or claim by id *and* investigation, so a foreign id is simply not found.
export const createClaim = defineAction("claim.create", createClaimInput, async (input, ctx) => {
  const result = await claims.createClaim(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

export const updateClaim = defineAction("claim.update", updateClaimInput, async (input, ctx) => {
  const result = await claims.updateClaim(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

export const retractClaim = defineAction("claim.retract", retractClaimInput, async (input, ctx) => {
  const result = await claims.retractClaim(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

export const restoreClaim = defineAction("claim.restore", deleteClaimInput, async (input, ctx) => {
  const result = await claims.restoreClaim(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

export const deleteClaim = defineAction("claim.delete", deleteClaimInput, async (input, ctx) => {
  await claims.deleteClaim(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return {};
});
