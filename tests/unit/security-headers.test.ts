import { describe, expect, test } from "vitest";
import { productionConfigProblem, publicAddress } from "@/lib/domain/deployment.ts";
import { contentSecurityPolicy, hasNulCharacter, securityHeaders } from "@/lib/domain/security-headers.ts";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  test("scripts need this request's nonce; nothing may frame the app or load plugins", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", development: false, https: false }));
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["upgrade-insecure-requests"]).toBeUndefined();
  });

  test("eval is allowed only for the development server", () => {
    expect(contentSecurityPolicy({ nonce: "n", development: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", development: false, https: true })).not.toContain("unsafe-eval");
  });

  test("HSTS and upgrading requests only when served over https in production", () => {
    expect(securityHeaders({ nonce: "n", development: false, https: false })["Strict-Transport-Security"]).toBeUndefined();
    const https = securityHeaders({ nonce: "n", development: false, https: true });
    expect(https["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(https).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY" });
  });

  test("an address with a NUL character is recognised however it is written", () => {
    expect(hasNulCharacter("http://localhost/investigations/%00")).toBe(true);
    expect(hasNulCharacter("http://localhost/api/x?format=md%00")).toBe(true);
    expect(hasNulCharacter("http://localhost/investigations/a%2500")).toBe(false);
    expect(hasNulCharacter("http://localhost/investigations/anthropic")).toBe(false);
  });
});

describe("production configuration", () => {
  test("a production server needs a session secret of at least 32 characters, and says how to make one", () => {
    expect(productionConfigProblem({ NODE_ENV: "production" })).toMatch(/BETTER_AUTH_SECRET is not set.*openssl rand/);
    expect(productionConfigProblem({ NODE_ENV: "production", BETTER_AUTH_SECRET: "short" })).toMatch(/shorter than 32/);
    expect(productionConfigProblem({ NODE_ENV: "production", BETTER_AUTH_SECRET: "x".repeat(32) })).toBeNull();
    expect(productionConfigProblem({ NODE_ENV: "development" })).toBeNull();
  });

  test("the public address is BETTER_AUTH_URL, else this machine on PORT", () => {
    expect(publicAddress({ BETTER_AUTH_URL: "https://crosscheck.example.org" })).toBe("https://crosscheck.example.org");
    expect(publicAddress({ PORT: "3300" })).toBe("http://localhost:3300");
    expect(publicAddress({})).toBe("http://localhost:3000");
  });
});

describe("answers to server actions (they skip the proxy)", () => {
  test("carry every security header of a page but its policy, which only documents need", async () => {
    // @ts-expect-error next.config.js is plain JavaScript, without declarations
    const { ACTION_RESPONSE_HEADERS } = (await import("@/next.config.js")) as { ACTION_RESPONSE_HEADERS: Record<string, string> };
    const page = securityHeaders({ nonce: "n", development: false, https: false });
    delete page["Content-Security-Policy"];
    expect(ACTION_RESPONSE_HEADERS).toEqual(page);
  });

  test("a document answered to an action request can load and run nothing", async () => {
    // @ts-expect-error next.config.js is plain JavaScript, without declarations
    const config = (await import("@/next.config.js")) as {
      default: { headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
    };
    const rules = await config.default.headers();
    const policy = rules.find((r) => r.source.startsWith("/:path"))?.headers.find((h) => h.key === "Content-Security-Policy")?.value;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
