import "server-only";
import { isAPIError } from "better-auth/api";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { addressKey } from "@/lib/domain/client-address.ts";
import { describeWait, SIGN_IN_LIMITS } from "@/lib/domain/sign-in-limits.ts";
import { CLIENT_ADDRESS_HEADER, getAuth } from "@/lib/server/auth.ts";
import { type Limit, reserveAttempt, settleSuccess } from "@/lib/server/rate-limit.ts";

/** No account has a longer email (RFC 5321); longer input would only make long counter keys. */
const EMAIL_MAX = 254;

/**
 * The one way to sign in with a password (the sign-in form's action; better-auth's own HTTP
 * endpoints are closed). Each attempt passes the limits of lib/domain/sign-in-limits.ts for the
 * account, the client's address and the pair, and then better-auth checks the password and
 * creates the session. `address` is the client's address (lib/server/client-address.ts); when it
 * is unknown only the account's limit applies, since a shared "unknown" key would let anyone
 * slow everyone down. Returns the response headers (the session cookie).
 */
export async function signInWithPassword(
  input: { email: string; password: string },
  request: { address: string | null; userAgent?: string | null },
  now = Date.now(),
): Promise<Headers> {
  if (input.email.length > EMAIL_MAX) throw mismatch();
  const limits: Limit[] = [{ key: `sign-in:account:${input.email}`, rule: SIGN_IN_LIMITS.account }];
  if (request.address) {
    const address = addressKey(request.address);
    limits.push(
      { key: `sign-in:address:${address}`, rule: SIGN_IN_LIMITS.address },
      { key: `sign-in:pair:${address}:${input.email}`, rule: SIGN_IN_LIMITS.pair },
    );
  }
  const wait = await reserveAttempt(limits, now);
  if (wait > 0) throw new ExpectedError("rate_limited", `Too many failed sign-ins. Try again in ${describeWait(wait)}.`);

  const headers = new Headers();
  if (request.address) headers.set(CLIENT_ADDRESS_HEADER, request.address);
  if (request.userAgent) headers.set("user-agent", request.userAgent);
  try {
    const result = await getAuth().api.signInEmail({
      body: { email: input.email, password: input.password },
      headers,
      returnHeaders: true,
    });
    await settleSuccess(limits);
    return result.headers;
  } catch (error) {
    // The attempt stays counted as a failure. One answer for an unknown email, a wrong password
    // and a disabled account: no probing for accounts.
    if (isAPIError(error)) throw mismatch();
    throw error;
  }
}

const mismatch = () => new ExpectedError("unauthenticated", "That email and password do not match an active account.");
