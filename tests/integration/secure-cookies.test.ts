import { describe, expect, test, vi } from "vitest";
import { signInWithPassword } from "@/lib/server/sign-in.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

// Before the first sign-in builds better-auth for this file's database.
vi.stubEnv("BETTER_AUTH_URL", "https://crosscheck.example.org");
setupTestDatabase();

describe(`session cookies behind https, on ${testEngine}`, () => {
  test("a public address on https gives Secure, __Secure- prefixed, HttpOnly session cookies", async () => {
    const user = await makeUser("analyst");
    const headers = await signInWithPassword({ email: user.email, password: user.password }, { address: "198.51.100.7" });
    const cookies = headers.getSetCookie();
    const session = cookies.find((c) => c.includes("session_token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/^__Secure-/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
  });
});
