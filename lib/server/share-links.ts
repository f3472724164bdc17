import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { audit, type AuditContext } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { sqlTimestamp, UTC } from "@/lib/server/sql-values.ts";

/**
 * Read-only links to an investigation's fact sheet, for people without an account. The token
 * (32 random bytes, base64url) is given once, to the lead who makes the link; only its SHA-256
 * is stored, and neither appears in the audit trail. A link opens the fact sheet while it is
 * neither revoked nor expired, checked on every request (nothing remembers a token's validity).
 */

/** 32 bytes in base64url: 43 characters of [A-Za-z0-9_-]. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const hashShareToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** Where a token opens the fact sheet, under the app's public address. */
export const sharePath = (token: string): string => `/shared/${token}`;

export type ShareLinkRow = {
  id: string;
  label: string | null;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
};

/** Makes a link, audited (its label and expiry, never the token); returns the token, once. */
export async function createShareLink(
  ctx: AuditContext,
  input: { investigationId: string; label?: string; expiresInDays?: number },
  now: Date = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const label = input.label?.trim() || null;
  const link = await db().$transaction(async (tx) => {
    const row = await tx.shareLink.create({
      data: { investigationId: input.investigationId, tokenHash: hashShareToken(token), label, expiresAt, createdById: ctx.actorId },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "share.create",
      objectType: "ShareLink",
      objectId: row.id,
      investigationId: input.investigationId,
      after: { label, expiresAt },
    });
    return row;
  });
  return { id: link.id, token, expiresAt };
}

/** Revokes a live link of this investigation, audited; from the next request it opens nothing. */
export async function revokeShareLink(
  ctx: AuditContext,
  input: { investigationId: string; id: string },
): Promise<{ label: string | null }> {
  return db().$transaction(async (tx) => {
    const link = await tx.shareLink.findFirst({
      where: { id: input.id, investigationId: input.investigationId, revokedAt: null },
      select: { id: true, label: true },
    });
    if (!link) throw new ExpectedError("not_found", "That link was already revoked, or never existed.");
    const revokedAt = new Date();
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt, revokedById: ctx.actorId } });
    await audit(tx, ctx, {
      action: "share.revoke",
      objectType: "ShareLink",
      objectId: link.id,
      investigationId: input.investigationId,
      after: { revokedAt },
    });
    return { label: link.label };
  });
}

/** The links that still open the fact sheet, newest first. */
export async function listShareLinks(investigationId: string, now: Date = new Date()): Promise<ShareLinkRow[]> {
  const rows = await db().shareLink.findMany({
    where: { investigationId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdBy: r.createdBy?.name ?? null,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
  }));
}

export type SharedInvestigation = { id: string; title: string };

/**
 * The investigation a token opens, or null (unknown, revoked, expired, archived): one query, by
 * the unique index on the hash. A token of the wrong shape is not looked up at all.
 */
export async function resolveShareToken(token: string, now: Date = new Date()): Promise<SharedInvestigation | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const rows = await db().$queryRawUnsafe<SharedInvestigation[]>(
    `SELECT i."id", i."title" FROM "ShareLink" s JOIN "Investigation" i ON i."id" = s."investigationId"
      WHERE s."tokenHash" = $1 AND s."revokedAt" IS NULL AND (s."expiresAt" IS NULL OR s."expiresAt" > $2${UTC})
        AND i."archivedAt" IS NULL`,
    hashShareToken(token),
    sqlTimestamp(now),
  );
  return rows[0] ?? null;
}
