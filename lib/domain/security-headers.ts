/**
 * The security headers of every response, as a pure function of the request's nonce and of how
 * the app is served, so they can be tested without a server. The proxy (proxy.ts) sets them.
 */

export type ServedAs = {
  /** A fresh, unguessable value per request: Next.js puts it on its own scripts. */
  nonce: string;
  /** `next dev` needs eval for its fast refresh; a production build never does. */
  development: boolean;
  /** The public address is https: browsers may be told to stay on https (HSTS). */
  https: boolean;
};

/**
 * Scripts run only from this origin and with this request's nonce ('strict-dynamic' lets those
 * load the chunks they need); nothing may frame the app; forms post only here. Styles allow
 * inline attributes because React sets positions and sizes through `style` (virtualised lists,
 * popovers), which nonces cannot cover; no script can be injected that way.
 */
export function contentSecurityPolicy({ nonce, development, https }: ServedAs): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(served: ServedAs): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(served),
    // Same-origin requests keep their Origin (server actions check it); links out to the
    // articles' sites do not tell them which investigation a reader came from.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(served.https && !served.development ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A request whose address carries a NUL character: no page or record can be named that way. */
export function hasNulCharacter(url: string): boolean {
  return /%00|\u0000/i.test(url);
}
