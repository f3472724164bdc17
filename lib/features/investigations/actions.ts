"use server";

import { revalidatePath } from "next/cache";
import { createInvestigationInput, joinInvestigationInput, setTimeZoneInput } from "@/lib/domain/inputs.ts";
import { defineAction } from "@/lib/web/action.ts";
import { createInvestigation as create, setTimeZone as saveTimeZone } from "@/lib/server/investigations.ts";
import { joinInvestigation as join } from "@/lib/server/memberships.ts";
import { revalidateInvestigation } from "@/lib/web/revalidate.ts";

/** The address comes back with a random ending: see `createInvestigation` in lib/server. */
export const createInvestigation = defineAction("investigation.create", createInvestigationInput, async (input, ctx) => {
  const investigation = await create(ctx, input, { ownAddress: true });
  revalidatePath("/investigations");
  return { slug: investigation.slug };
});

/** The zone "local time" means in this investigation; times are read again and detection reruns. */
export const setTimeZone = defineAction("investigation.setTimeZone", setTimeZoneInput, async (input, ctx) => {
  const result = await saveTimeZone(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

/** An admin becomes a lead of an investigation (audited); until then it does not exist for them. */
export const joinInvestigation = defineAction("investigation.join", joinInvestigationInput, async (input, ctx) => {
  const result = await join({ ...ctx, actorId: ctx.actor.id }, input.investigationId);
  revalidatePath("/investigations");
  revalidatePath("/admin/investigations");
  return result;
});
