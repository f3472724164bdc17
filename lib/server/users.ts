import "server-only";
import { hashPassword } from "better-auth/crypto";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import type { Role } from "@/lib/domain/roles.ts";
import { assertVersionedUpdate, audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { type IssuedLink, issuePasswordLink } from "@/lib/server/password-links.ts";

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  version: number;
  createdAt: Date;
  activeSessions: number;
};

const publicUser = { id: true, email: true, name: true, role: true, disabled: true, version: true } as const;

export async function listUsers(now = new Date()): Promise<UserRow[]> {
  const rows = await db().user.findMany({
    orderBy: [{ disabled: "asc" }, { email: "asc" }],
    select: {
      ...publicUser,
      createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, activeSessions: _count.sessions }));
}

/**
 * Creates an account that signs in with email and password (better-auth's "credential"
 * account, its password hashed by better-auth's own scrypt hashing).
 */
export async function createUser(
  ctx: AuditContext,
  input: { email: string; name: string; role: Role; password?: string },
): Promise<{ id: string; email: string; invite: IssuedLink | null }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await db().$transaction(async (tx) => {
      await ensureEmailFree(tx, input.email);
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, emailVerified: true },
        select: publicUser,
      });
      await audit(tx, ctx, { action: "user.create", objectType: "User", objectId: user.id, after: user });
      // Without a password the person chooses their own, through a one-time link.
      if (!passwordHash) return { id: user.id, email: user.email, invite: await issuePasswordLink(tx, ctx, user.id, "invite") };
      await tx.account.create({
        data: { userId: user.id, accountId: user.id, providerId: "credential", password: passwordHash },
      });
      return { id: user.id, email: user.email, invite: null };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw emailTaken(input.email);
    throw error;
  }
}

async function ensureEmailFree(tx: Tx, email: string) {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken(email);
}

function emailTaken(email: string) {
  return new ExpectedError("duplicate", `An account for ${email} already exists.`, {
    email: ["This email already has an account."],
  });
}

export async function updateUser(
  ctx: AuditContext,
  input: { id: string; version: number; name: string; role: Role },
): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: publicUser });
    if (!before) throw new ExpectedError("not_found", "That user no longer exists.");
    if (before.id === ctx.actorId && before.role === "admin" && input.role !== "admin") {
      await ensureAnotherAdmin(tx, before.id, "change your own role");
    }
    const { count } = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: { name: input.name, role: input.role, version: { increment: 1 } },
    });
    await assertVersionedUpdate(tx, count, { type: "User", id: input.id, label: "user" });
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: publicUser });
    await audit(tx, ctx, { action: "user.update", objectType: "User", objectId: input.id, before, after });
    return { version: after.version };
  });
}

/** Disabling ends every session of the user at once: sessions are read from the database. */
export async function setUserDisabled(
  ctx: AuditContext,
  input: { id: string; version: number; disabled: boolean },
): Promise<{ version: number; sessionsEnded: number }> {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: publicUser });
    if (!before) throw new ExpectedError("not_found", "That user no longer exists.");
    if (input.disabled && before.id === ctx.actorId) {
      throw new ExpectedError("forbidden", "You cannot disable your own account.");
    }
    const { count } = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: { disabled: input.disabled, version: { increment: 1 } },
    });
    await assertVersionedUpdate(tx, count, { type: "User", id: input.id, label: "user" });
    const ended = input.disabled ? (await tx.session.deleteMany({ where: { userId: input.id } })).count : 0;
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: publicUser });
    await audit(tx, ctx, {
      action: input.disabled ? "user.disable" : "user.enable",
      objectType: "User",
      objectId: input.id,
      before,
      after: { ...after, sessionsEnded: ended },
    });
    return { version: after.version, sessionsEnded: ended };
  });
}

async function ensureAnotherAdmin(tx: Tx, userId: string, what: string) {
  const others = await tx.user.count({ where: { role: "admin", disabled: false, id: { not: userId } } });
  if (others === 0) throw new ExpectedError("forbidden", `You are the only admin; you cannot ${what}.`);
}

/** The id of the account with this email, or null. */
export async function userIdByEmail(email: string): Promise<string | null> {
  return (await db().user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
}

/** The id of the enabled admin account with this address (the command line acts as one), or null. */
export async function enabledAdminId(email: string): Promise<string | null> {
  const user = await db().user.findFirst({
    where: { email: email.trim().toLowerCase(), role: "admin", disabled: false },
    select: { id: true },
  });
  return user?.id ?? null;
}
