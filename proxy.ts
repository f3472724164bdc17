import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

/**
 * An optimistic gate: without a session cookie, go to sign-in and come back afterwards. The
 * session itself is checked against the database by every page and action.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== "/") url.searchParams.set("next", next);
  return NextResponse.redirect(url);
}

export const config = {
  // API routes answer 401 themselves (a redirect to a sign-in page means nothing to a script).
  matcher: ["/((?!sign-in|api/|_next/|favicon.ico).*)"],
};
