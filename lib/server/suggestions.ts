import "server-only";
import { anchorInText } from "@/lib/domain/anchoring.ts";
import { offsetConverter } from "@/lib/domain/offsets.ts";
import { type Proposal, type RecordedClaim, suggestClaims } from "@/lib/domain/suggest.ts";
import { db } from "@/lib/server/database.ts";
import { subjectOptions } from "@/lib/server/entities.ts";

export type ArticleProposals = { articleId: string; title: string; proposals: Proposal[] };

/**
 * Suggested claims for an investigation's articles (one, when `articleId` is given): every active
 * claim of the investigation teaches its cue, and the claims of an article are not proposed again.
 * Claims are re-anchored in their article's body (UTF-16 offsets) as the reader does.
 */
export async function suggestForInvestigation(investigationId: string, timeZone: string, articleId?: string): Promise<ArticleProposals[]> {
  const [entities, articles, claims] = await Promise.all([
    subjectOptions(investigationId),
    db().article.findMany({
      where: { investigationId },
      orderBy: [{ publishedAt: "asc" }, { title: "asc" }],
      select: { id: true, title: true, body: true, publishedAt: true },
    }),
    db().claim.findMany({
      where: { investigationId, status: "active" },
      select: {
        articleId: true,
        subjectId: true,
        attributeLabel: true,
        valueKind: true,
        valueText: true,
        quoteExact: true,
        quotePrefix: true,
        quoteSuffix: true,
        positionStart: true,
        positionEnd: true,
      },
    }),
  ]);
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  const recorded: RecordedClaim[] = [];
  for (const c of claims) {
    const body = bodies.get(c.articleId);
    if (body === undefined) continue;
    const offsets = offsetConverter(body);
    const anchor = anchorInText(body, {
      quote: { exact: c.quoteExact, prefix: c.quotePrefix, suffix: c.quoteSuffix },
      position: { start: offsets.toUtf16(c.positionStart), end: offsets.toUtf16(c.positionEnd) },
    });
    if (!anchor) continue;
    recorded.push({
      articleId: c.articleId,
      body,
      start: anchor.start,
      end: anchor.end,
      valueText: c.valueText,
      valueKind: c.valueKind,
      subjectId: c.subjectId,
      attribute: c.attributeLabel,
    });
  }
  return articles
    .filter((a) => !articleId || a.id === articleId)
    .map((a) => ({
      articleId: a.id,
      title: a.title,
      proposals: suggestClaims({ article: a, entities, claims: recorded, timeZone }),
    }));
}
