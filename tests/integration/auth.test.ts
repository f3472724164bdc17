import { describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { getAuth, sessionAccount } from "@/lib/server/auth.ts";
import { db } from "@/lib/server/database.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { reserveAttempt, settleSuccess } from "@/lib/server/rate-limit.ts";
import { createUser, setUserDisabled, updateUser } from "@/lib/server/users.ts";
import { makeUser, SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

async function signIn(email: string, password: string) {
  const response = await getAuth().api.signInEmail({ body: { email, password }, asResponse: true });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  return { status: response.status, cookie };
}

async function sessionUser(cookie: string | undefined) {
  const session = await getAuth().api.getSession({ headers: new Headers(cookie ? { cookie } : {}) });
  return session?.user ?? null;
}

describe(`accounts and sessions on ${testEngine}`, () => {
  test("a created account signs in with its password; the session lives in the database", async () => {
    const user = await makeUser("reviewer");
    const { status, cookie } = await signIn(user.email, user.password);
    expect(status).toBe(200);
    expect(await sessionUser(cookie)).toMatchObject({ email: user.email, role: "reviewer" });
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
  });

  test("a wrong password is refused", async () => {
    const user = await makeUser("analyst");
    expect((await signIn(user.email, "not the password")).status).toBe(401);
  });

  test("passwords are stored hashed, never as written", async () => {
    const user = await makeUser("analyst", "a very secret phrase");
    const account = await db().account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).not.toContain("a very secret phrase");
  });

  test("sign-up is closed: only admins create accounts", async () => {
    await expect(
      getAuth().api.signUpEmail({ body: { email: "walk-in@example.test", password: "long enough password", name: "Walk In" } }),
    ).rejects.toThrow();
    expect(await db().user.count({ where: { email: "walk-in@example.test" } })).toBe(0);
  });

  test("disabling an account ends its sessions at once and blocks new ones", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("analyst");
    const { cookie } = await signIn(user.email, user.password);
    expect(await sessionUser(cookie)).not.toBeNull();
    const result = await setUserDisabled(admin.ctx, { id: user.id, version: user.version, disabled: true });
    expect(result.sessionsEnded).toBe(1);
    expect(await sessionUser(cookie)).toBeNull();
    expect((await signIn(user.email, user.password)).status).not.toBe(200);
    const event = await db().auditEvent.findFirstOrThrow({ where: { objectId: user.id, action: "user.disable" } });
    expect(event.actorId).toBe(admin.id);
  });

  test("an email can have only one account", async () => {
    const user = await makeUser("analyst");
    await expect(createUser(SYSTEM, { email: user.email, name: "Twin", role: "analyst", password: "long enough pw" })).rejects.toThrow(
      /already exists/,
    );
  });

  test("a stale edit is refused, naming who changed it, and not applied", async () => {
    const admin = await makeUser("admin");
    const other = await makeUser("admin");
    const user = await makeUser("analyst");
    await updateUser(other.ctx, { id: user.id, version: user.version, name: "First edit", role: "reviewer" });
    const stale = await updateUser(admin.ctx, { id: user.id, version: user.version, name: "Second edit", role: "admin" }).catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(ExpectedError);
    expect((stale as ExpectedError).code).toBe("stale");
    expect((stale as Error).message).toContain(other.email);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "First edit", role: "reviewer" });
  });

  test("the only admin cannot demote themselves or disable their own account", async () => {
    await db().user.updateMany({ where: { role: "admin" }, data: { role: "reviewer" } });
    const admin = await makeUser("admin");
    await expect(updateUser(admin.ctx, { id: admin.id, version: admin.version, name: admin.name, role: "analyst" })).rejects.toThrow(
      /only admin/,
    );
    await expect(setUserDisabled(admin.ctx, { id: admin.id, version: admin.version, disabled: true })).rejects.toThrow(/your own/);
  });

  test("failure counters live in the database: they wait, forget, and are cleared or forgiven on success", async () => {
    const rule = { freeFailures: 2, firstDelaySeconds: 10, maxDelaySeconds: 60, forgetAfterSeconds: 600 };
    const pair = { key: `test:pair:${Math.random()}`, rule: { ...rule, onSuccess: "clear" as const } };
    const shared = { key: `test:shared:${Math.random()}`, rule: { ...rule, onSuccess: "forgive" as const } };
    const now = Date.now();
    for (let i = 0; i < 3; i++) expect(await reserveAttempt([pair, shared], now + i)).toBe(0);
    expect(await reserveAttempt([pair, shared], now + 1000)).toBe(10);
    expect(await reserveAttempt([shared], now + 1000)).toBe(10);
    expect(await reserveAttempt([pair, shared], now + 2 + 10_000)).toBe(0);
    await settleSuccess([pair, shared]);
    const rows = await db().rateLimit.findMany({ where: { key: { in: [pair.key, shared.key] } } });
    expect(rows.map((r) => [r.key, r.count])).toEqual([[shared.key, 3]]);
    // Forgotten after a quiet spell.
    expect(await reserveAttempt([shared], now + 2 + 10_000 + 600_000)).toBe(0);
    expect((await db().rateLimit.findUniqueOrThrow({ where: { key: shared.key } })).count).toBe(1);
  });
});

describe(`reading a request's session cookie on ${testEngine}`, () => {
  const DAY = 24 * 60 * 60 * 1000;
  const account = (cookie: string | undefined) => sessionAccount(new Headers(cookie ? { cookie } : {}));

  test("a signed-in cookie names its account, role included; no cookie names nobody", async () => {
    const user = await makeUser("reviewer");
    const { cookie } = await signIn(user.email, user.password);
    expect(await account(cookie)).toEqual({ id: user.id, email: user.email, name: user.name, role: "reviewer", disabled: false });
    expect(await account(undefined)).toBeNull();
    expect(await account("other=1")).toBeNull();
  });

  test("a cookie whose signature was changed, cut or re-encoded names nobody", async () => {
    const user = await makeUser("analyst");
    const { cookie } = await signIn(user.email, user.password);
    const [name, value] = cookie!.split("=") as [string, string];
    const signed = decodeURIComponent(value);
    const token = signed.slice(0, signed.lastIndexOf("."));
    const signature = signed.slice(signed.lastIndexOf(".") + 1);
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    expect(await account(`${name}=${encodeURIComponent(`${token}.${flipped}`)}`)).toBeNull();
    expect(await account(`${name}=${encodeURIComponent(token)}`)).toBeNull();
    expect(await account(`${name}=${encodeURIComponent(`${token}.${signature.slice(0, -1)}`)}`)).toBeNull();
    expect(await account(`${name}=${encodeURIComponent(`${token}x.${signature}`)}`)).toBeNull();
  });

  test("a session ended, expired or of a disabled account is not taken for a live one", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("analyst");
    const first = await signIn(user.email, user.password);
    await db().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await account(first.cookie)).toBeNull();
    const second = await signIn(user.email, user.password);
    await setUserDisabled(admin.ctx, { id: user.id, version: user.version, disabled: true });
    expect(await account(second.cookie)).toBeNull(); // disabling ended the session
    expect(await db().session.count({ where: { userId: user.id, expiresAt: { gt: new Date() } } })).toBe(0);
  });

  test("asked about an investigation, the session read also gives the caller's role there", async () => {
    const lead = await makeUser("analyst");
    const outsider = await makeUser("analyst");
    const inv = await createInvestigation(lead.ctx, { title: "Role with the session" });
    const asLead = (await signIn(lead.email, lead.password)).cookie!;
    const asOutsider = (await signIn(outsider.email, outsider.password)).cookie!;
    const roleIn = async (cookie: string, investigationId: string) =>
      (await sessionAccount(new Headers({ cookie }), investigationId))?.memberRole;
    expect(await roleIn(asLead, inv.id)).toBe("lead");
    expect(await roleIn(asOutsider, inv.id)).toBeNull();
    expect(await roleIn(asLead, "no-such-investigation")).toBeNull();
    await db().investigation.update({ where: { id: inv.id }, data: { archivedAt: new Date() } });
    expect(await roleIn(asLead, inv.id)).toBeNull(); // archived: as if it did not exist
    // Not asked, not answered: pages read the account alone.
    expect(await account(asLead)).not.toHaveProperty("memberRole");
  });

  test("an investigation id holding a NUL is no one's, and fails nothing", async () => {
    const lead = await makeUser("analyst");
    const cookie = (await signIn(lead.email, lead.password)).cookie!;
    // The action then refuses the field by name (PostgreSQL text holds no NUL): the session read must not fail first.
    expect(await sessionAccount(new Headers({ cookie }), "inv\u0000x")).toMatchObject({ id: lead.id, memberRole: null });
  });

  test("a session due for renewal is renewed for another week, as better-auth does", async () => {
    const user = await makeUser("analyst");
    const { cookie } = await signIn(user.email, user.password);
    // Signed in two days ago: renewal is due after one.
    await db().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() + 5 * DAY) } });
    expect(await account(cookie)).toMatchObject({ id: user.id });
    const renewed = await db().session.findFirstOrThrow({ where: { userId: user.id } });
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * DAY);
  });
});
