/**
 * Where to go after signing in: only a path on this site (never "//elsewhere" or a full URL,
 * which would make the sign-in page an open redirect), and never back to sign-in itself.
 */
export function safeReturnPath(next: string | null | undefined, fallback = "/investigations"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (next === "/sign-in" || next.startsWith("/sign-in?") || next.startsWith("/sign-in/")) return fallback;
  return next;
}
