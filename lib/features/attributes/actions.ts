"use server";

import { setAttributeSenseInput } from "@/lib/domain/inputs.ts";
import { setAttributeSense as save } from "@/lib/server/attributes.ts";
import { defineAction } from "@/lib/web/action.ts";
import { revalidateInvestigation } from "@/lib/web/revalidate.ts";

/** How an attribute behaves, where detection's inference is wrong; its conflicts follow at once. */
export const setAttributeSense = defineAction("attribute.setSense", setAttributeSenseInput, async (input, ctx) => {
  const result = await save(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});
