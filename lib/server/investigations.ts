import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { slugify } from "@/lib/domain/text.ts";
import { audit, type AuditContext } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";

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

export async function listInvestigations(): Promise<InvestigationSummary[]> {
  const rows = await db().investigation.findMany({
    where: { archivedAt: null },
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

export type InvestigationRef = { id: string; slug: string; title: string; description: string; version: number };

export async function findInvestigation(slug: string): Promise<InvestigationRef | null> {
  return db().investigation.findFirst({
    where: { slug, archivedAt: null },
    select: { id: true, slug: true, title: true, description: true, version: true },
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

export async function createInvestigation(
  ctx: AuditContext,
  input: { title: string; slug?: string; description?: string; timeZone?: string },
): Promise<InvestigationRef> {
  const slug = input.slug || slugify(input.title);
  if (!slug) {
    throw new ExpectedError("invalid_input", "Choose a short name for the address.", {
      slug: ["Use letters or digits, e.g. anthropic-pentagon."],
    });
  }
  return db().$transaction(async (tx) => {
    const taken = await tx.investigation.findUnique({ where: { slug }, select: { id: true } });
    if (taken) {
      throw new ExpectedError("duplicate", `An investigation already uses the address “${slug}”.`, {
        slug: [`“${slug}” is taken; choose another.`],
      });
    }
    const created = await tx.investigation.create({
      data: {
        slug,
        title: input.title,
        description: input.description ?? "",
        timeZone: input.timeZone ?? "UTC",
        createdById: ctx.actorId,
      },
      select: { id: true, slug: true, title: true, description: true, version: true },
    });
    await audit(tx, ctx, {
      action: "investigation.create",
      objectType: "Investigation",
      objectId: created.id,
      investigationId: created.id,
      after: created,
    });
    return created;
  });
}

/** For actions given an investigation id by the browser: it must exist (and not be archived). */
export async function requireInvestigationById(id: string): Promise<InvestigationRef> {
  const found = await db().investigation.findFirst({
    where: { id, archivedAt: null },
    select: { id: true, slug: true, title: true, description: true, version: true },
  });
  if (!found) throw new ExpectedError("not_found", "That investigation no longer exists.");
  return found;
}

/** True when nothing has been set up yet: the first start of a fresh embedded database. */
export async function databaseIsEmpty(): Promise<boolean> {
  const [users, investigations] = await Promise.all([db().user.count(), db().investigation.count()]);
  return users === 0 && investigations === 0;
}
