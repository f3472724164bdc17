import { describe, expect, test } from "vitest";
import { safeReturnPath } from "@/lib/domain/navigation.ts";

const HOME = "/investigations";

describe("return path after sign-in", () => {
  test.each([
    ["/investigations/anthropic-pentagon", "/investigations/anthropic-pentagon"],
    ["/admin/users?x=1", "/admin/users?x=1"],
    ["/investigations/a/conflicts?kind=scale#c12", "/investigations/a/conflicts?kind=scale#c12"],
    // Normalised the way the browser would go there, still on this site.
    ["/investigations/a/../b", "/investigations/b"],
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/search?q=a b", "/search?q=a%20b"],
  ])("stays on the site: %s → %s", (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });

  test.each([
    // Browsers drop tabs and newlines inside URLs: these are "//evil.example/x".
    ["tab", "/\t/evil.example/x"],
    ["newline", "/\n/evil.example/x"],
    ["carriage return", "/\r/evil.example/x"],
    ["NUL", "/investigations\u0000"],
    ["DEL", "/investigations\u007f"],
    // "\" is "/" to a browser.
    ["backslash", "/\\evil.example"],
    ["two backslashes", "/\\\\evil.example"],
    ["slash backslash", "//\\evil.example"],
    ["protocol-relative", "//evil.example/"],
    ["three slashes", "///evil.example/"],
    // A path that normalises to "//host".
    ["dot segment", "/.//evil.example"],
    ["encoded dot segment", "/%2e//evil.example"],
    ["parent segment", "/x/..//evil.example"],
    ["absolute http", "https://evil.example/"],
    ["absolute on our own host", "http://localhost:3000/investigations"],
    ["javascript:", "javascript:alert(1)"],
    ["JavaScript: with spaces", " javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["relative", "investigations"],
    ["empty", ""],
    ["sign-in itself", "/sign-in"],
    ["sign-in with a query", "/sign-in?next=/x"],
    ["sign-in, dressed up", "/x/../sign-in"],
  ])("leaves for home: %s", (_, next) => {
    expect(safeReturnPath(next)).toBe(HOME);
  });

  test("undefined and null go home; the fallback can be chosen", () => {
    expect(safeReturnPath(undefined)).toBe(HOME);
    expect(safeReturnPath(null, "/admin")).toBe("/admin");
  });

  test("what it returns never leaves the site, whatever it was given", () => {
    const pieces = ["/", "\\", "\t", "\n", ".", "..", "%2e", "%2f", "%5c", "evil.example", ":", "@", "?", "#", "javascript:"];
    const rng = mulberry32(7);
    for (let i = 0; i < 5000; i++) {
      let next = "/";
      for (let j = 0; j < 1 + Math.floor(rng() * 6); j++) next += pieces[Math.floor(rng() * pieces.length)];
      const path = safeReturnPath(next);
      expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
      expect(path).not.toMatch(/[\u0000-\u001f]/);
      expect(new URL(path, "https://crosscheck.example").origin).toBe("https://crosscheck.example");
    }
  });
});

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
