"use server";

import { revalidatePath } from "next/cache";
import { createUserInput, passwordLinkInput, setPasswordInput, setUserDisabledInput, updateUserInput } from "@/lib/domain/inputs.ts";
import { defineAction, definePublicAction } from "@/lib/web/action.ts";
import { mailPasswordLink } from "@/lib/server/mail.ts";
import { redeemPasswordLink, resetPasswordLink } from "@/lib/server/password-links.ts";
import * as users from "@/lib/server/users.ts";

export const createUser = defineAction("user.create", createUserInput, async (input, ctx) => {
  const user = await users.createUser(ctx, input);
  revalidatePath("/admin/users");
  if (!user.invite) return { email: user.email, invite: null };
  const mailed = await mailPasswordLink({ email: user.email, name: input.name }, user.invite, "invite");
  return { email: user.email, invite: { url: user.invite.url, expiresAt: user.invite.expiresAt.toISOString(), mailed } };
});

export const updateUser = defineAction("user.update", updateUserInput, async (input, ctx) => {
  const result = await users.updateUser(ctx, input);
  revalidatePath("/admin/users");
  return result;
});

export const setUserDisabled = defineAction("user.setDisabled", setUserDisabledInput, async (input, ctx) => {
  const result = await users.setUserDisabled(ctx, input);
  revalidatePath("/admin/users");
  return result;
});

/** A one-time link for the person to set a new password (shown once to the admin, who passes it on). */
export const givePasswordLink = defineAction("user.passwordLink", passwordLinkInput, async (input, ctx) => {
  const link = await resetPasswordLink(ctx, input);
  revalidatePath("/admin/users");
  const mailed = await mailPasswordLink(link, link, "reset");
  return { email: link.email, url: link.url, expiresAt: link.expiresAt.toISOString(), mailed };
});

/** The link's holder sets their password (no session needed: the token is the proof). */
export const setPasswordWithLink = definePublicAction("password.set", setPasswordInput, async (input, ctx) => {
  const { email, disabled } = await redeemPasswordLink(ctx, input);
  return { email, disabled };
});
