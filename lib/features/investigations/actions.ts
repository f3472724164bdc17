"use server";

import { revalidatePath } from "next/cache";
import { createInvestigationInput } from "@/lib/domain/inputs.ts";
import { defineAction } from "@/lib/web/action.ts";
import { createInvestigation as create } from "@/lib/server/investigations.ts";

export const createInvestigation = defineAction("investigation.create", createInvestigationInput, async (input, ctx) => {
  const investigation = await create(ctx, input);
  revalidatePath("/investigations");
  return { slug: investigation.slug };
});
