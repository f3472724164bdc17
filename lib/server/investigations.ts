import "server-only";
import { randomInt } from "node:crypto";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { slugify } from "@/lib/domain/text.ts";
import { assertVersionedUpdate, audit, type AuditContext } from "@/lib/server/audit.ts";
import { rereadTimes } from "@/lib/server/claims.ts";
import { db } from "@/lib/server/database.ts";
import { redetectInvestigation } from "@/lib/server/detection.ts";
import { insertMembership, notFoundInvestigation } from "@/lib/server/memberships.ts";

export type InvestigationSummary = {
  id: string;
  slug: string;
  title: string;
  description: string;
  createdAt: Date;
  articleCount: number;
  claimCount: number;
  openConflictCount: number;
};

/** The investigations this person is a member of (no other exists for them). */
export async function listInvestigations(userId: string): Promise<InvestigationSummary[]> {
  const rows = await db().investigation.findMany({
    where: { archivedAt: null, members: { some: { userId } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      createdAt: true,
      _count: { select: { articles: true, claims: true, conflicts: { where: { status: "open" } } } },
    },
  });
  return rows.map(({ _count, ...r }) => ({
    ...r,
    articleCount: _count.articles,
    claimCount: _count.claims,
    openConflictCount: _count.conflicts,
  }));
}

export type InvestigationRef = { id: string; slug: string; title: string; description: string; version: number; timeZone: string };

export async function findInvestigation(slug: string): Promise<InvestigationRef | null> {
  return db().investigation.findFirst({
    where: { slug, archivedAt: null },
    select: { id: true, slug: true, title: true, description: true, version: true, timeZone: true },
  });
}

export async function investigationCounts(investigationId: string) {
  const [articles, entities, claims, openConflicts, conflicts] = await Promise.all([
    db().article.count({ where: { investigationId } }),
    db().entity.count({ where: { investigationId, mergedIntoId: null } }),
    db().claim.count({ where: { investigationId } }),
    db().conflict.count({ where: { investigationId, status: "open" } }),
    db().conflict.count({ where: { investigationId } }),
  ]);
  return { articles, entities, claims, openConflicts, conflicts };
}

/** Letters and digits of an address's random ending: lowercase, as an address is. */
const ENDING_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";
const ENDING_LENGTH = 5;

/**
 * Creates an investigation, led by whoever creates it. People creating one in the app get an
 * address of its own (`ownAddress`): the short name, then random letters ("chip-rules-k7m2x").
 * An address taken as asked would have to be refused or changed, and either would tell an
 * outsider that an investigation they cannot see is there; a random ending depends on nothing
 * they cannot see. The seed, the corpus loader and restores name their address exactly.
 */
export async function createInvestigation(
  ctx: AuditContext,
  input: { title: string; slug?: string; description?: string; timeZone?: string },
  { ownAddress = false }: { ownAddress?: boolean } = {},
): Promise<InvestigationRef> {
  // Room for the ending within the 60 characters an address may have (a restore checks them).
  const base = ownAddress ? slugify(input.slug || input.title, 60 - ENDING_LENGTH - 1) : input.slug || slugify(input.title);
  if (!base) {
    throw new ExpectedError("invalid_input", "Choose a short name for the address.", {
      slug: ["Use letters or digits, e.g. anthropic-pentagon."],
    });
  }
  const ending = () => Array.from({ length: ENDING_LENGTH }, () => ENDING_LETTERS[randomInt(ENDING_LETTERS.length)]).join("");
  return db().$transaction(async (tx) => {
    let slug = ownAddress ? `${base}-${ending()}` : base;
    // A random ending already in use (about one chance in 33 million per investigation) is
    // drawn again: that says nothing about the address asked for.
    for (let draws = 1; await tx.investigation.findUnique({ where: { slug }, select: { id: true } }); draws++) {
      if (!ownAddress || draws >= 5) {
        throw new ExpectedError("duplicate", `An investigation already uses the address “${slug}”.`, {
          slug: [`“${slug}” is taken; choose another.`],
        });
      }
      slug = `${base}-${ending()}`;
    }
    const created = await tx.investigation.create({
      data: {
        slug,
        title: input.title,
        description: input.description ?? "",
        timeZone: input.timeZone ?? "UTC",
        createdById: ctx.actorId,
      },
      select: { id: true, slug: true, title: true, description: true, version: true, timeZone: true },
    });
    await audit(tx, ctx, {
      action: "investigation.create",
      objectType: "Investigation",
      objectId: created.id,
      investigationId: created.id,
      after: created,
    });
    // Whoever creates an investigation leads it (a system-made one, from the command line or
    // the seed, gets its members added by whoever made it).
    if (ctx.actorId) await insertMembership(tx, ctx, { investigationId: created.id, userId: ctx.actorId, role: "lead" });
    return created;
  });
}

/**
 * For actions given an investigation id by the browser: it must exist (and not be archived).
 * Membership is checked before any handler runs (lib/web/action.ts), with the same answer.
 */
export async function requireInvestigationById(id: string): Promise<InvestigationRef> {
  const found = await db().investigation.findFirst({
    where: { id, archivedAt: null },
    select: { id: true, slug: true, title: true, description: true, version: true, timeZone: true },
  });
  if (!found) throw notFoundInvestigation();
  return found;
}

/** True when nothing has been set up yet: the first start of a fresh embedded database. */
export async function databaseIsEmpty(): Promise<boolean> {
  const [users, investigations] = await Promise.all([db().user.count(), db().investigation.count()]);
  return users === 0 && investigations === 0;
}

/**
 * The zone "local time" means in this investigation's sources. Times and as-of dates already
 * recorded are read again in the new zone, and detection runs again from scratch, in one
 * transaction: nothing is left read in the old zone.
 */
export async function setTimeZone(
  ctx: AuditContext,
  input: { investigationId: string; timeZone: string; version: number },
): Promise<{ reread: number }> {
  return db().$transaction(
    async (tx) => {
      // Alone, as a recomputation from scratch is: claim changes wait until the times are read again.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${input.investigationId}, 0))`;
      const before = await tx.investigation.findFirst({
        where: { id: input.investigationId, archivedAt: null },
        select: { timeZone: true },
      });
      if (!before) throw new ExpectedError("not_found", "That investigation no longer exists.");
      const { count } = await tx.investigation.updateMany({
        where: { id: input.investigationId, version: input.version },
        data: { timeZone: input.timeZone, version: { increment: 1 } },
      });
      await assertVersionedUpdate(tx, count, { type: "Investigation", id: input.investigationId, label: "investigation" });
      await audit(tx, ctx, {
        action: "investigation.update",
        objectType: "Investigation",
        objectId: input.investigationId,
        investigationId: input.investigationId,
        before: { timeZone: before.timeZone },
        after: { timeZone: input.timeZone },
      });
      const reread = await rereadTimes(tx, input.investigationId, input.timeZone);
      await redetectInvestigation(tx, ctx, input.investigationId);
      return { reread };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}
