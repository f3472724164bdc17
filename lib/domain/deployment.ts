/** The app's public address: BETTER_AUTH_URL, else this machine on PORT (sign-in, links in exports, HSTS). */
export function publicAddress(env: Record<string, string | undefined>): string {
  return env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT ?? 3000}`;
}

/**
 * What a production server must be given. Outside production a secret is generated and kept
 * beside the embedded database; in production that would silently give each instance its own
 * secret (sessions signed by one rejected by the next) or lose it with the container.
 */
export function productionConfigProblem(env: Record<string, string | undefined>): string | null {
  if (env.NODE_ENV !== "production") return null;
  const secret = env.BETTER_AUTH_SECRET ?? "";
  if (secret.length < 32) {
    return (
      `BETTER_AUTH_SECRET is ${secret ? "shorter than 32 characters" : "not set"}. It signs session cookies and must be ` +
      "the same on every instance. Set it before starting, e.g.  export BETTER_AUTH_SECRET=$(openssl rand -base64 32)"
    );
  }
  return null;
}
