"use server";

import { addMemberInput, removeMemberInput, setMemberRoleInput } from "@/lib/domain/inputs.ts";
import { defineAction } from "@/lib/web/action.ts";
import * as memberships from "@/lib/server/memberships.ts";
import { revalidateInvestigation } from "@/lib/web/revalidate.ts";

// Only an investigation's leads get here (the policy table); the rows are found by investigation too.
export const addMember = defineAction("member.add", addMemberInput, async (input, ctx) => {
  const result = await memberships.addMember(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

export const setMemberRole = defineAction("member.setRole", setMemberRoleInput, async (input, ctx) => {
  const result = await memberships.setMemberRole(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});

export const removeMember = defineAction("member.remove", removeMemberInput, async (input, ctx) => {
  const result = await memberships.removeMember(ctx, input);
  await revalidateInvestigation(input.investigationId);
  return result;
});
