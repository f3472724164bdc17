import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { publicAddress } from "@/lib/domain/deployment.ts";
import { hasNulCharacter, securityHeaders } from "@/lib/domain/security-headers.ts";

/**
 * Runs before every page, action and API route:
 * - the security headers, with a fresh nonce that Next.js puts on its scripts (it reads the
 *   policy from the request headers set here, so every page renders dynamically);
 * - an address with a NUL character is refused (the database cannot hold one, so it names nothing);
 * - an optimistic gate for pages: without a session cookie, go to sign-in and come back afterwards.
 *   The session itself is checked against the database by every page and action; API routes
 *   answer 401 themselves (a redirect to a sign-in page means nothing to a script);
 * - a shared read-only link (/shared/<token>) needs no session: its token is checked by its page
 *   on every request. Its address is the secret, so it is never sent on as a referrer, and
 *   search engines are asked not to index it.
 */
export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64"),
    development: process.env.NODE_ENV === "development",
    https: publicAddress(process.env).startsWith("https://"),
  });
  const respond = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (hasNulCharacter(request.url)) {
    return respond(new NextResponse("Bad request: the address contains a NUL character.", { status: 400 }));
  }
  const { pathname, search } = request.nextUrl;
  // Addresses holding a secret (a shared link's token, a set-password token): the token is the
  // proof, so no session is asked for, and the address is never sent on or indexed.
  const secretInPath = pathname.startsWith("/shared/") || pathname.startsWith("/set-password/");
  if (secretInPath) {
    headers["Referrer-Policy"] = "no-referrer";
    headers["X-Robots-Tag"] = "noindex";
  }
  const open = secretInPath || pathname === "/sign-in" || pathname.startsWith("/sign-in/") || pathname.startsWith("/api/");
  if (!open && !getSessionCookie(request)) {
    const url = new URL("/sign-in", request.url);
    const next = pathname + search;
    if (next !== "/") url.searchParams.set("next", next);
    return respond(NextResponse.redirect(url));
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  return respond(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Built assets need none of this; everything a person or a script asks for does, except a
  // server action called from a page already open (it carries a Next-Action header): it answers
  // data, not a document, checks the session itself, and gets its headers from next.config.js.
  // Running the proxy for it cost about half a millisecond of CPU per save.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "next-action" }] }],
};
