import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import type { MemberRole } from "@/lib/domain/roles.ts";
import { audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { InvestigationRef } from "@/lib/server/investigations.ts";

/**
 * Who works on which investigation. Every read and write of an investigation's data goes
 * through a membership: without one the investigation is answered as if it did not exist, with
 * the very message a made-up id gets, so that nothing tells an outsider that it does.
 */
export const NO_SUCH_INVESTIGATION = "That investigation no longer exists.";

export const notFoundInvestigation = () => new ExpectedError("not_found", NO_SUCH_INVESTIGATION);

/** The caller's role in a live (not archived) investigation, or null when not a member of it. */
export async function memberRole(investigationId: string, userId: string): Promise<MemberRole | null> {
  // Every action on an investigation asks this first: in SQL, a third of a model query's cost.
  const [row] = await db().$queryRaw<
    { role: MemberRole | null }[]
  >`SELECT ${memberRoleSql(investigationId, Prisma.sql`${userId}`)} AS "role"`;
  return row?.role ?? null;
}

/**
 * `memberRole` as an SQL expression (a role or NULL), for a query that reads it beside something
 * else: the session read of an action asks it in the same round trip. `userId` is SQL, so it may
 * name a column of that query.
 */
export const memberRoleSql = (investigationId: string, userId: Prisma.Sql) => Prisma.sql`(
    SELECT m."role"::text FROM "Membership" m JOIN "Investigation" i ON i."id" = m."investigationId"
    WHERE m."investigationId" = ${investigationId} AND m."userId" = ${userId} AND i."archivedAt" IS NULL)`;

export type MemberInvestigation = InvestigationRef & { role: MemberRole };

/** The investigation at this address as its member sees it, or null (also for a non-member). */
export async function findMemberInvestigation(slug: string, userId: string): Promise<MemberInvestigation | null> {
  const row = await db().membership.findFirst({
    where: { userId, investigation: { slug, archivedAt: null } },
    select: {
      role: true,
      investigation: { select: { id: true, slug: true, title: true, description: true, version: true, timeZone: true } },
    },
  });
  return row && { ...row.investigation, role: row.role };
}

export type MemberRow = { userId: string; name: string; email: string; role: MemberRole; disabled: boolean; addedAt: Date };

export async function listMembers(investigationId: string): Promise<MemberRow[]> {
  const rows = await db().membership.findMany({
    where: { investigationId },
    orderBy: [{ user: { name: "asc" } }, { user: { email: "asc" } }],
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, disabled: true } } },
  });
  return rows.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    role: r.role,
    disabled: r.user.disabled,
    addedAt: r.createdAt,
  }));
}

/** Accounts that could be added (enabled, not yet members), for the form's suggestions. */
export async function addableUsers(investigationId: string): Promise<{ name: string; email: string }[]> {
  return db().user.findMany({
    where: { disabled: false, memberships: { none: { investigationId } } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { name: true, email: true },
    take: 500,
  });
}

/** Writes a membership and its audit event, inside the caller's transaction. */
export async function insertMembership(
  tx: Tx,
  ctx: AuditContext,
  entry: { investigationId: string; userId: string; role: MemberRole },
  action: "member.add" | "investigation.join" = "member.add",
) {
  await tx.membership.create({ data: { ...entry, addedById: ctx.actorId } });
  await audit(tx, ctx, {
    action,
    objectType: "Membership",
    objectId: entry.userId,
    investigationId: entry.investigationId,
    after: { userId: entry.userId, role: entry.role },
  });
}

/** Makes an account (by id) a member, audited: for the seed and the command line. */
export async function grantMembership(
  ctx: AuditContext,
  entry: { investigationId: string; userId: string; role: MemberRole },
): Promise<void> {
  await db().$transaction((tx) => insertMembership(tx, ctx, entry));
}

/** Adds an account, named by its e-mail address or its exact name, with a role. */
export async function addMember(
  ctx: AuditContext,
  input: { investigationId: string; who: string; role: MemberRole },
): Promise<{ userId: string; name: string }> {
  const who = input.who.trim();
  const matches = await db().user.findMany({
    where: who.includes("@") ? { email: who.toLowerCase() } : { name: { equals: who, mode: "insensitive" } },
    select: { id: true, name: true, disabled: true },
    take: 2,
  });
  const field = (message: string) => new ExpectedError("invalid_input", message, { who: [message] });
  if (matches.length === 0) throw field(`No account is called “${who}”. An admin creates accounts.`);
  if (matches.length > 1) throw field(`More than one account is named “${who}”: use the e-mail address.`);
  const user = matches[0]!;
  if (user.disabled) throw field(`${user.name}’s account is disabled.`);
  try {
    await db().$transaction(async (tx) => {
      const already = await tx.membership.findUnique({
        where: { investigationId_userId: { investigationId: input.investigationId, userId: user.id } },
        select: { id: true },
      });
      if (already)
        throw new ExpectedError("duplicate", `${user.name} is already a member.`, { who: [`${user.name} is already a member.`] });
      await insertMembership(tx, ctx, { investigationId: input.investigationId, userId: user.id, role: input.role });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ExpectedError("duplicate", `${user.name} is already a member.`);
    throw error;
  }
  return { userId: user.id, name: user.name };
}

/**
 * Locks the investigation's memberships for the rest of the transaction, so that two leads
 * demoting each other at once cannot leave it without one.
 */
async function lockMembers(tx: Tx, investigationId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Membership" WHERE "investigationId" = ${investigationId} FOR UPDATE`;
}

async function requireMember(tx: Tx, investigationId: string, userId: string) {
  const row = await tx.membership.findUnique({
    where: { investigationId_userId: { investigationId, userId } },
    select: { id: true, role: true, user: { select: { name: true } } },
  });
  if (!row) throw new ExpectedError("not_found", "That person is not a member (any more).");
  return row;
}

async function refuseLastLead(tx: Tx, investigationId: string, name: string, doing: string) {
  const leads = await tx.membership.count({ where: { investigationId, role: "lead" } });
  if (leads <= 1) {
    throw new ExpectedError("invalid_input", `${name} is the only lead: make someone else lead before you ${doing}.`);
  }
}

export async function setMemberRole(
  ctx: AuditContext,
  input: { investigationId: string; userId: string; role: MemberRole },
): Promise<{ role: MemberRole }> {
  return db().$transaction(async (tx) => {
    await lockMembers(tx, input.investigationId);
    const before = await requireMember(tx, input.investigationId, input.userId);
    if (before.role === input.role) return { role: input.role };
    if (before.role === "lead") await refuseLastLead(tx, input.investigationId, before.user.name, "change their role");
    await tx.membership.update({ where: { id: before.id }, data: { role: input.role } });
    await audit(tx, ctx, {
      action: "member.update",
      objectType: "Membership",
      objectId: input.userId,
      investigationId: input.investigationId,
      before: { role: before.role },
      after: { role: input.role },
    });
    return { role: input.role };
  });
}

export async function removeMember(ctx: AuditContext, input: { investigationId: string; userId: string }): Promise<{ name: string }> {
  return db().$transaction(async (tx) => {
    await lockMembers(tx, input.investigationId);
    const before = await requireMember(tx, input.investigationId, input.userId);
    if (before.role === "lead") await refuseLastLead(tx, input.investigationId, before.user.name, "remove them");
    await tx.membership.delete({ where: { id: before.id } });
    await audit(tx, ctx, {
      action: "member.remove",
      objectType: "Membership",
      objectId: input.userId,
      investigationId: input.investigationId,
      before: { userId: input.userId, role: before.role },
    });
    return { name: before.user.name };
  });
}

/**
 * An admin enters an investigation as its lead: explicit and audited, never implied by the
 * global role. Joining one already joined raises the role to lead.
 */
export async function joinInvestigation(ctx: AuditContext & { actorId: string }, investigationId: string): Promise<{ slug: string }> {
  return db().$transaction(async (tx) => {
    const investigation = await tx.investigation.findFirst({ where: { id: investigationId, archivedAt: null }, select: { slug: true } });
    if (!investigation) throw notFoundInvestigation();
    const existing = await tx.membership.findUnique({
      where: { investigationId_userId: { investigationId, userId: ctx.actorId } },
      select: { id: true, role: true },
    });
    if (existing?.role === "lead") return investigation;
    if (existing) await tx.membership.delete({ where: { id: existing.id } });
    await insertMembership(tx, ctx, { investigationId, userId: ctx.actorId, role: "lead" }, "investigation.join");
    return investigation;
  });
}

export type AdminInvestigationRow = {
  id: string;
  slug: string;
  title: string;
  createdAt: Date;
  members: number;
  joined: MemberRole | null;
};

/** For an admin's screen: every live investigation, with whether the admin is a member of it. */
export async function listAllInvestigations(adminId: string): Promise<AdminInvestigationRow[]> {
  const rows = await db().investigation.findMany({
    where: { archivedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      createdAt: true,
      _count: { select: { members: true } },
      members: { where: { userId: adminId }, select: { role: true } },
    },
  });
  return rows.map(({ _count, members, ...r }) => ({ ...r, members: _count.members, joined: members[0]?.role ?? null }));
}
