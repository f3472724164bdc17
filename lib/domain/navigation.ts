/** Any origin will do: `next` is resolved against it only to see whether it stays on it. */
const HERE = "http://crosscheck.invalid";

/**
 * Where to go after signing in: only a path on this site, never back to sign-in itself.
 *
 * `next` comes from the address bar, so it is read the way a browser would read it — with
 * `new URL` against our own origin — and kept only when it stays there. String checks are not
 * enough: browsers drop tabs and newlines and read "\" as "/", so "/\t/evil.example" and
 * "/\evil.example" leave the site. Control characters are refused outright (a newline in a
 * Location header throws after the session was made), and the answer is the parsed path, so
 * what is checked is what the redirect sends.
 */
export function safeReturnPath(next: string | null | undefined, fallback = "/investigations"): string {
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as another host.
  if (path.startsWith("//")) return fallback;
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/")) return fallback;
  return path;
}
