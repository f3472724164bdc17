import { parseArticleText } from "@/lib/domain/article-import.ts";
import type { EntityKind } from "@/lib/domain/claims.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { type ClaimFields, createClaim } from "@/lib/server/claims.ts";
import { createEntity } from "@/lib/server/entities.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { db } from "@/lib/server/database.ts";
import { insertMembership } from "@/lib/server/memberships.ts";
import { makeUser, SYSTEM } from "@/tests/support/actors.ts";

/**
 * A small investigation for integration tests: articles made from the given texts, an analyst
 * and a reviewer, and helpers to add entities and claims by quote.
 */
export async function makeStory(texts: string[]) {
  const analyst = await makeUser("analyst");
  const reviewer = await makeUser("reviewer");
  // The analyst creates it (and so would lead it); each works on it in the role of their name.
  const inv = await createInvestigation(analyst.ctx, { title: `Story ${Math.random().toString(36).slice(2)}` });
  await db().membership.update({
    where: { investigationId_userId: { investigationId: inv.id, userId: analyst.id } },
    data: { role: "analyst" },
  });
  await db().$transaction((tx) => insertMembership(tx, SYSTEM, { investigationId: inv.id, userId: reviewer.id, role: "reviewer" }));
  const outcomes = await importParsedArticles(
    analyst.ctx,
    inv.id,
    texts.map((text, i) => ({
      name: `${i}.txt`,
      result: parseArticleText(`${i}.txt`, `Title: Article ${i}\nPublished: 2026-02-2${i}\n\n${text}`),
    })),
  );
  const articleIds = outcomes.map((o) => {
    if (o.status !== "imported") throw new Error(`import failed: ${JSON.stringify(o)}`);
    return o.articleId;
  });

  const entity = (name: string, kind: EntityKind = "organization") => createEntity(analyst.ctx, inv.id, { name, kind });

  /** A claim on the quote's first occurrence in article `article`. */
  const claim = async (article: number, quote: string, over: Partial<ClaimFields> & { subjectId: string }) => {
    const start = texts[article]!.indexOf(quote);
    if (start < 0) throw new Error(`“${quote}” is not in article ${article}`);
    return createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId: articleIds[article]!,
      start,
      end: start + quote.length,
      newSubjectName: "",
      newSubjectKind: "other",
      subjectText: quote,
      attribute: "Valuation",
      valueKind: "money",
      valueText: quote,
      asOf: "",
      note: "",
      ...over,
    });
  };

  return { analyst, reviewer, inv, articleIds, entity, claim };
}

/** The open conflicts detection keeps (by key), with their kind and claims, in a fixed order: what two runs must agree on. */
export async function openDetectedConflicts(investigationId: string) {
  const rows = await db().conflict.findMany({
    where: { investigationId, status: "open", detectionKey: { not: null } },
    select: { detectionKey: true, kind: true, claims: { select: { claimId: true } } },
  });
  return rows
    .map((r) => ({ key: r.detectionKey!, kind: r.kind, claimIds: r.claims.map((c) => c.claimId).sort() }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
