/**
 * The headers of an answer to a server action called from an open page (a Next-Action header):
 * the proxy sets every other response's (lib/domain/security-headers.ts, with a nonce-based
 * policy for documents); these are the same ones but the policy, which only documents need.
 * A test keeps the two lists alike.
 */
export const ACTION_RESPONSE_HEADERS = {
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/**
 * An action's answer is data. Should a request carrying a Next-Action header ever be answered
 * with a document (a GET with that header renders the page it names, and skips the proxy too),
 * that document may load and run nothing.
 */
export const ACTION_DOCUMENT_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const actionCall = [{ type: "header", key: "next-action" }];
const headerList = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      {
        source: "/:path*",
        has: actionCall,
        headers: headerList({ ...ACTION_RESPONSE_HEADERS, "Content-Security-Policy": ACTION_DOCUMENT_POLICY }),
      },
    ];
  },
  // Bundled, PGlite cannot find its WebAssembly and data files; pg has optional native parts.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg"],
  typedRoutes: false,
  experimental: {
    // forbidden(): an analyst opening an admin page gets a 403 and a page that says why.
    authInterrupts: true,
    // The proxy (proxy.ts) sees every request; by default it would cut bodies at 10 MB and the
    // action would then fail on a truncated upload. Keep its limit the action's.
    proxyClientMaxBodySize: "25mb",
    serverActions: {
      // Uploads of several articles at once (the form sends at most 8 MB per request); each file
      // is still refused above 2 MB, by name.
      bodySizeLimit: "25mb",
      allowedOrigins: (process.env.CROSSCHECK_ALLOWED_ORIGINS ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    },
  },
  poweredByHeader: false,
};

export default nextConfig;
