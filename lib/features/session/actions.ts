"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signInInput } from "@/lib/domain/inputs.ts";
import { safeReturnPath } from "@/lib/domain/navigation.ts";
import { defineAction, definePublicAction } from "@/lib/web/action.ts";
import { getAuth } from "@/lib/server/auth.ts";
import { requestClientAddress } from "@/lib/server/client-address.ts";
import { signInWithPassword } from "@/lib/server/sign-in.ts";

/** Sign-in goes through a server action, so the form works before JavaScript loads. */
export const signIn = definePublicAction("session.signIn", signInInput, async (input) => {
  const requestHeaders = await headers();
  await signInWithPassword(input, { address: requestClientAddress(requestHeaders), userAgent: requestHeaders.get("user-agent") });
  redirect(safeReturnPath(input.next));
});

export const signOut = defineAction("session.signOut", z.union([z.undefined(), z.strictObject({})]), async () => {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in?signed-out=1");
});
