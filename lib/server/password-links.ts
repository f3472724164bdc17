import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { publicAddress } from "@/lib/domain/deployment.ts";
import { audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";

/** How long a set-password link lasts: long enough to reach someone over a weekend. */
export const PASSWORD_LINK_HOURS = 72;

export type PasswordLinkPurpose = "invite" | "reset";
export type IssuedLink = { url: string; expiresAt: Date };

export const USED_OR_EXPIRED = "This link has expired or has already been used. Ask an admin for a new one.";

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Where a link's token is redeemed; the token is the last part of the path. */
export const passwordLinkUrl = (token: string) => `${publicAddress(process.env)}/set-password/${token}`;

/**
 * A one-time link with which a person sets their password: for an invited account (created
 * without one) or a reset. Without e-mail infrastructure the admin passes it on; the database
 * keeps only its SHA-256, so neither a backup nor the audit trail can be used to sign in. A new
 * link voids the person's earlier unused ones.
 */
export async function issuePasswordLink(
  tx: Tx,
  ctx: AuditContext,
  userId: string,
  purpose: PasswordLinkPurpose,
  now = new Date(),
): Promise<IssuedLink> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3600_000);
  await tx.passwordLink.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.passwordLink.create({ data: { userId, tokenHash: tokenHash(token), purpose, createdById: ctx.actorId, expiresAt } });
  await audit(tx, ctx, {
    action: "user.passwordLink",
    objectType: "User",
    objectId: userId,
    after: { purpose, expiresAt: expiresAt.toISOString() },
  });
  return { url: passwordLinkUrl(token), expiresAt };
}

/** A reset link for an existing account (admins). */
export async function resetPasswordLink(ctx: AuditContext, input: { id: string }): Promise<IssuedLink & { email: string; name: string }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id }, select: { id: true, email: true, name: true } });
    if (!user) throw new ExpectedError("not_found", "That user no longer exists.");
    return { ...(await issuePasswordLink(tx, ctx, user.id, "reset")), email: user.email, name: user.name };
  });
}

/** Whom a link is for, while it can still be used (the page greets them by name), or null. */
export async function passwordLinkHolder(token: string, now = new Date()) {
  const link = await db().passwordLink.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { name: true, email: true, disabled: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now) return null;
  return { purpose: link.purpose as PasswordLinkPurpose, ...link.user };
}

/**
 * Sets the password of the link's holder and uses the link up, in one transaction (two tabs
 * submitting at once: one wins, the other is told the link is used). Their sessions end: whoever
 * knew the old password is signed out. The account's being disabled is left as the admin set it.
 */
export async function redeemPasswordLink(
  ctx: Omit<AuditContext, "actorId">,
  input: { token: string; password: string },
  now = new Date(),
): Promise<{ email: string; disabled: boolean }> {
  const hash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const [link] = await tx.$queryRaw<{ id: string; userId: string; purpose: string }[]>`
      SELECT "id", "userId", "purpose" FROM "PasswordLink"
      WHERE "tokenHash" = ${tokenHash(input.token)} AND "usedAt" IS NULL AND "expiresAt" > ${now}
      FOR UPDATE`;
    if (!link) throw new ExpectedError("not_found", USED_OR_EXPIRED);
    await tx.passwordLink.update({ where: { id: link.id }, data: { usedAt: now } });
    const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { email: true, disabled: true } });
    const updated = await tx.account.updateMany({ where: { userId: link.userId, providerId: "credential" }, data: { password: hash } });
    if (updated.count === 0) {
      await tx.account.create({ data: { userId: link.userId, accountId: link.userId, providerId: "credential", password: hash } });
    }
    const ended = await tx.session.deleteMany({ where: { userId: link.userId } });
    await audit(
      tx,
      { ...ctx, actorId: link.userId },
      {
        action: "user.setPassword",
        objectType: "User",
        objectId: link.userId,
        after: { purpose: link.purpose, sessionsEnded: ended.count },
      },
    );
    return user;
  });
}
