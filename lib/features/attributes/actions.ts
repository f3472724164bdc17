"use server";

import { mergeAttributesInput, renameAttributeInput, setAttributeSenseInput } from "@/lib/domain/inputs.ts";
import { mergeAttributes as merge, renameAttribute as rename, setAttributeSense as save } from "@/lib/server/attributes.ts";
import { defineAction } from "@/lib/web/action.ts";
import { revalidateInvestigation } from "@/lib/web/revalidate.ts";

/** How an attribute behaves, where detection's inference is wrong; its conflicts follow at once. */
export const setAttributeSense = defineAction("attribute.setSense", setAttributeSenseInput, async (input, ctx) => {
  const result = await save(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

/** A new name for an attribute, on every claim under it; its conflicts are examined again. */
export const renameAttribute = defineAction("attribute.rename", renameAttributeInput, async (input, ctx) => {
  const result = await rename(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

/** One attribute's claims put under another, so they are compared; its conflicts are examined again. */
export const mergeAttributes = defineAction("attribute.merge", mergeAttributesInput, async (input, ctx) => {
  const result = await merge(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});
