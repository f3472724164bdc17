import "server-only";
import { createHash } from "node:crypto";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import {
  type ImportOutcome,
  normalizeWebAddress,
  type ParsedArticle,
  type ParseResult,
  parsePublicationDate,
} from "@/lib/domain/article-import.ts";
import { assertVersionedUpdate, audit, type AuditContext } from "@/lib/server/audit.ts";
import { rereadTimes } from "@/lib/server/claims.ts";
import { db } from "@/lib/server/database.ts";
import { mergeTouched, syncConflicts, touchedByClaim } from "@/lib/server/detection.ts";

export function contentHash(body: string): string {
  return createHash("sha256").update(body.normalize("NFC"), "utf8").digest("hex");
}

/**
 * Saves parsed articles, each in its own transaction with its audit event: one bad file does not
 * stop the batch, and a file is either fully saved or not at all. The same text imported again
 * into the same investigation is reported as already there.
 */
export async function importParsedArticles(
  ctx: AuditContext,
  investigationId: string,
  items: { name: string; result: ParseResult }[],
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const { name, result } of items) {
    if (!result.ok) {
      outcomes.push({ name, status: "failed", error: result.error });
      continue;
    }
    try {
      outcomes.push(await saveArticle(ctx, investigationId, name, result.article, result.warnings));
    } catch (error) {
      // Files saved before this one stay saved (each has its own transaction), so say per file
      // what happened instead of failing the whole batch as if nothing had been written.
      const reference = ctx.requestId.slice(0, 8);
      console.error(`[import] ${name} (request ${ctx.requestId}) could not be saved`, error);
      outcomes.push({
        name,
        status: "failed",
        error: `${name}: could not be saved because of a problem on our side (reference ${reference}); nothing of it was kept. Try this file again.`,
      });
    }
  }
  return outcomes;
}

async function saveArticle(
  ctx: AuditContext,
  investigationId: string,
  name: string,
  article: ParsedArticle,
  warnings: string[],
): Promise<ImportOutcome> {
  const hash = contentHash(article.body);
  try {
    return await db().$transaction(async (tx) => {
      const existing = await tx.article.findUnique({
        where: { investigationId_contentHash: { investigationId, contentHash: hash } },
        select: { id: true, title: true },
      });
      if (existing) return { name, status: "duplicate", articleId: existing.id, title: existing.title } as const;
      const created = await tx.article.create({
        data: { ...article, investigationId, contentHash: hash, sourceName: name, importedById: ctx.actorId },
        select: { id: true, title: true, outlet: true, author: true, url: true, publishedText: true, contentHash: true },
      });
      await audit(tx, ctx, {
        action: "article.import",
        objectType: "Article",
        objectId: created.id,
        investigationId,
        after: { ...created, sourceName: name, bodyLength: article.body.length },
      });
      return { name, status: "imported", articleId: created.id, title: created.title, warnings } as const;
    });
  } catch (error) {
    // Two imports of the same text racing: the unique index decides, the loser reports it.
    if ((error as { code?: string }).code === "P2002") {
      const existing = await db().article.findUnique({
        where: { investigationId_contentHash: { investigationId, contentHash: hash } },
        select: { id: true, title: true },
      });
      if (existing) return { name, status: "duplicate", articleId: existing.id, title: existing.title };
    }
    throw error;
  }
}

export type ArticleListItem = {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  publishedText: string | null;
  publishedAt: Date | null;
  sourceName: string | null;
  createdAt: Date;
  claimCount: number;
  wordCount: number;
};

export async function listArticles(investigationId: string): Promise<ArticleListItem[]> {
  const rows = await db().article.findMany({
    where: { investigationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      outlet: true,
      author: true,
      publishedText: true,
      publishedAt: true,
      sourceName: true,
      createdAt: true,
      body: true,
      _count: { select: { claims: true } },
    },
  });
  return rows.map(({ body, _count, ...r }) => ({
    ...r,
    claimCount: _count.claims,
    wordCount: body.split(/\s+/).filter(Boolean).length,
  }));
}

export async function getArticle(investigationId: string, articleId: string) {
  return db().article.findFirst({
    where: { id: articleId, investigationId },
    select: {
      id: true,
      title: true,
      outlet: true,
      author: true,
      url: true,
      publishedText: true,
      publishedAt: true,
      body: true,
      sourceName: true,
      createdAt: true,
      version: true,
      importedBy: { select: { name: true } },
    },
  });
}

/** Articles imported from these file names, with their text and where their claims start. */
export async function articlesFromFiles(investigationId: string, sourceNames: string[]) {
  return db().article.findMany({
    where: { investigationId, sourceName: { in: sourceNames } },
    select: { id: true, body: true, sourceName: true, publishedAt: true, claims: { select: { positionStart: true, attribute: true } } },
  });
}

export type ArticleSourceInput = {
  investigationId: string;
  articleId: string;
  version: number;
  title: string;
  outlet: string;
  author: string;
  url: string;
  published: string;
};

/**
 * Who published an article, where and when, as an analyst corrects it. A new publication date
 * changes what the article's relative dates mean ("last July", "on Tuesday") and when its claims
 * held "as reported", so its claims' dates are read again and the groups they sit in re-examined,
 * in the same transaction. Refused when someone changed the article meanwhile (`version`).
 */
export async function updateArticleSource(
  ctx: AuditContext,
  input: ArticleSourceInput,
): Promise<{ version: number; reread: number; conflictsChanged: number }> {
  return db().$transaction(
    async (tx) => {
      const before = await tx.article.findFirst({
        where: { id: input.articleId, investigationId: input.investigationId },
        select: { title: true, outlet: true, author: true, url: true, publishedText: true, publishedAt: true },
      });
      if (!before) throw new ExpectedError("not_found", "That article no longer exists.");
      const publishedText = input.published || null;
      const after = {
        title: input.title,
        outlet: input.outlet || null,
        author: input.author || null,
        url: input.url ? normalizeWebAddress(input.url) : null,
        publishedText,
        publishedAt: publishedText ? parsePublicationDate(publishedText) : null,
      };
      const { count } = await tx.article.updateMany({
        where: { id: input.articleId, investigationId: input.investigationId, version: input.version },
        data: { ...after, version: { increment: 1 } },
      });
      await assertVersionedUpdate(tx, count, { type: "Article", id: input.articleId, label: "article" });
      const comparable = (v: string | Date | null) => (v instanceof Date ? v.getTime() : v);
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => comparable(before[k]) !== comparable(after[k]));
      await audit(tx, ctx, {
        action: "article.update",
        objectType: "Article",
        objectId: input.articleId,
        investigationId: input.investigationId,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
      let reread = 0;
      let conflictsChanged = 0;
      if (changed.includes("publishedAt") || changed.includes("publishedText")) {
        const { timeZone } = await tx.investigation.findUniqueOrThrow({ where: { id: input.investigationId }, select: { timeZone: true } });
        reread = await rereadTimes(tx, input.investigationId, timeZone, input.articleId);
        // Every claim of the article held "as reported" on its publication date: its groups are looked at again.
        const claims = await tx.claim.findMany({
          where: { articleId: input.articleId, investigationId: input.investigationId },
          select: { subjectId: true, attribute: true, valueNorm: true },
        });
        const changes = await syncConflicts(tx, ctx, input.investigationId, mergeTouched(...claims.map(touchedByClaim)));
        conflictsChanged = changes.length;
      }
      // The update matched `input.version` and added one.
      return { version: input.version + 1, reread, conflictsChanged };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Each article's id by the hash of its text (how the fact sheet names its sources). */
export async function articleIdsByHash(investigationId: string): Promise<Map<string, string>> {
  const rows = await db().article.findMany({ where: { investigationId }, select: { id: true, contentHash: true } });
  return new Map(rows.map((a) => [a.contentHash, a.id]));
}
