"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { signInInput } from "@/lib/domain/inputs.ts";
import { safeReturnPath } from "@/lib/domain/navigation.ts";
import { defineAction, definePublicAction } from "@/lib/server/action.ts";
import { getAuth } from "@/lib/server/auth.ts";
import { clearFailures, rateLimitWait, recordFailure } from "@/lib/server/rate-limit.ts";

/**
 * Sign-in goes through a server action (so the form works before JavaScript loads); better-auth's
 * HTTP limiter does not see it, hence the limits here on failed attempts, per account and per address.
 */
const FAILURE_WINDOW = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 8;
const MAX_FAILURES_PER_ADDRESS = 30;

export const signIn = definePublicAction("session.signIn", signInInput, async (input) => {
  const requestHeaders = await headers();
  const ip = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
  const keys = { account: `sign-in:email:${input.email}`, address: `sign-in:ip:${ip}` };
  const wait = Math.max(
    await rateLimitWait(keys.account, MAX_FAILURES_PER_ACCOUNT, FAILURE_WINDOW),
    await rateLimitWait(keys.address, MAX_FAILURES_PER_ADDRESS, FAILURE_WINDOW),
  );
  if (wait > 0) {
    throw new ExpectedError("rate_limited", `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`);
  }
  try {
    await getAuth().api.signInEmail({ body: { email: input.email, password: input.password }, headers: requestHeaders });
  } catch {
    await recordFailure(keys.account, FAILURE_WINDOW);
    await recordFailure(keys.address, FAILURE_WINDOW);
    // One answer for unknown email, wrong password and disabled account: no account probing.
    throw new ExpectedError("unauthenticated", "That email and password do not match an active account.");
  }
  await clearFailures(keys.account);
  redirect(safeReturnPath(input.next));
});

export const signOut = defineAction("session.signOut", z.union([z.undefined(), z.strictObject({})]), async () => {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in?signed-out=1");
});
