import { describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { getAuth } from "@/lib/server/auth.ts";
import { db } from "@/lib/server/database.ts";
import {
  passwordLinkHolder,
  PASSWORD_LINK_HOURS,
  redeemPasswordLink,
  resetPasswordLink,
  USED_OR_EXPIRED,
} from "@/lib/server/password-links.ts";
import { createUser, setUserDisabled } from "@/lib/server/users.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);
const signIn = async (email: string, password: string) =>
  (await getAuth().api.signInEmail({ body: { email, password }, asResponse: true })).status;
const REQUEST = { requestId: "test-link" };

describe(`one-time set-password links on ${testEngine}`, () => {
  test("an admin invites without a password; the link sets one, works once, and is audited without its token", async () => {
    const admin = await makeUser("admin");
    const email = `invited-${Date.now()}@example.test`;
    const created = await createUser(admin.ctx, { email, name: "Invited Person", role: "analyst" });
    expect(created.invite).not.toBeNull();
    expect(await signIn(email, "anything at all here")).not.toBe(200); // no password yet
    const token = tokenOf(created.invite!.url);
    expect(created.invite!.url).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    expect(await passwordLinkHolder(token)).toMatchObject({ purpose: "invite", email, name: "Invited Person" });

    await redeemPasswordLink(REQUEST, { token, password: "a new password of mine" });
    expect(await signIn(email, "a new password of mine")).toBe(200);
    expect(await passwordLinkHolder(token)).toBeNull();
    await expect(redeemPasswordLink(REQUEST, { token, password: "someone else's try" })).rejects.toThrow(USED_OR_EXPIRED);
    expect(await signIn(email, "someone else's try")).not.toBe(200);

    const events = await db().auditEvent.findMany({ where: { objectId: created.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user.create", "user.passwordLink", "user.setPassword"]);
    expect(events[2]!.actorId).toBe(created.id);
    const stored = JSON.stringify(await db().passwordLink.findMany({ where: { userId: created.id } }));
    expect(JSON.stringify(events, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v)) + stored).not.toContain(token);
  });

  test("a reset link replaces the old password, ends the person's sessions, and voids earlier links", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("reviewer");
    await getAuth().api.signInEmail({ body: { email: user.email, password: user.password } });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    const first = await resetPasswordLink(admin.ctx, { id: user.id });
    const second = await resetPasswordLink(admin.ctx, { id: user.id });
    await expect(redeemPasswordLink(REQUEST, { token: tokenOf(first.url), password: "first link password" })).rejects.toThrow(
      ExpectedError,
    );
    await redeemPasswordLink(REQUEST, { token: tokenOf(second.url), password: "second link password" });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await signIn(user.email, user.password)).not.toBe(200);
    expect(await signIn(user.email, "second link password")).toBe(200);
  });

  test("an expired link or a made-up token sets nothing; two uses at once: one wins", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("analyst");
    const link = await resetPasswordLink(admin.ctx, { id: user.id });
    const token = tokenOf(link.url);
    const later = new Date(Date.now() + (PASSWORD_LINK_HOURS + 1) * 3600_000);
    expect(await passwordLinkHolder(token, later)).toBeNull();
    await expect(redeemPasswordLink(REQUEST, { token, password: "too late for this" }, later)).rejects.toThrow(USED_OR_EXPIRED);
    await expect(redeemPasswordLink(REQUEST, { token: "x".repeat(43), password: "made up token here" })).rejects.toThrow(USED_OR_EXPIRED);
    const both = await Promise.allSettled([
      redeemPasswordLink(REQUEST, { token, password: "tab one password" }),
      redeemPasswordLink(REQUEST, { token, password: "tab two password" }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const won = both[0]!.status === "fulfilled" ? "tab one password" : "tab two password";
    expect(await signIn(user.email, won)).toBe(200);
  });

  test("a disabled account gets a password by link but stays disabled until an admin enables it", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("analyst");
    await setUserDisabled(admin.ctx, { id: user.id, version: user.version, disabled: true });
    const link = await resetPasswordLink(admin.ctx, { id: user.id });
    expect(await redeemPasswordLink(REQUEST, { token: tokenOf(link.url), password: "restored account pw" })).toMatchObject({
      disabled: true,
    });
    expect(await signIn(user.email, "restored account pw")).not.toBe(200);
  });
});
