import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AnnotatedArticle } from "@/components/annotator/annotated-article.tsx";
import { ArticleSource } from "@/components/article-source.tsx";
import { AboutThisCopy, SourceCitation } from "@/components/article-source-text.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { hasMemberRole } from "@/lib/domain/roles.ts";
import { humanDay } from "@/lib/domain/factsheet-formats.ts";
import { packReaderClaims } from "@/components/annotator/reader-claims-wire.ts";
import { formatDay, formatMoment } from "@/lib/domain/format.ts";
import { getArticle } from "@/lib/server/articles.ts";
import { readerClaimRows, readerClaimsIn } from "@/lib/server/claims.ts";
import { investigationBySlug } from "@/lib/web/page-context.ts";
import { requireActor } from "@/lib/web/session.ts";

type Props = { params: Promise<{ slug: string; articleId: string }>; searchParams: Promise<{ claim?: string | string[] }> };

/** Read once per request: the title and the page both need the article. */
const load = cache(async (slug: string, articleId: string) => {
  const investigation = await investigationBySlug(slug);
  const article = investigation ? await getArticle(investigation.id, articleId) : null;
  return investigation && article ? { investigation, article } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, articleId } = await params;
  const found = await load(slug, articleId);
  return { title: found ? `${found.article.title} — Articles` : "Not found" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug, articleId } = await params;
  const { claim: claimParam } = await searchParams;
  await requireActor(`/investigations/${slug}/articles/${articleId}`);
  const member = await investigationBySlug(slug);
  if (!member) notFound();
  // The claims are read beside the article (their query needs no body), each scoped to the
  // investigation the caller is a member of; they are anchored once the body is there.
  const [found, rows] = await Promise.all([load(slug, articleId), readerClaimRows(member.id, articleId)]);
  if (!found) notFound();
  const { investigation, article } = found;
  const readOnly = !hasMemberRole(investigation.role, "analyst");
  // The claim form's attributes and subject names are asked for once the page is drawn.
  const claims = readerClaimsIn(rows, article.body);
  // Who published it and when stays in view; the rest is one click away.
  const byline = [
    article.outlet,
    article.author,
    article.publishedAt
      ? formatDay(article.publishedAt)
      : article.publishedText
        ? `${article.publishedText} (as written)`
        : "No publication date",
  ]
    .filter(Boolean)
    .join(" · ");
  const meta = [
    { term: "Imported", value: `${formatMoment(article.createdAt)}${article.importedBy ? ` by ${article.importedBy.name}` : ""}` },
    article.sourceName && { term: "Source file", value: article.sourceName },
  ].filter((m): m is { term: string; value: string } => Boolean(m));
  const source = {
    id: article.id,
    version: article.version,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    url: article.url,
    publishedText: article.publishedText,
    // As citations write it: "2 March 2026".
    publishedLabel: article.publishedAt ? humanDay(article.publishedAt.toISOString().slice(0, 10)) : null,
  };
  return (
    <article>
      <PageHeader
        crumbs={[{ href: `/investigations/${slug}/articles`, label: "Articles" }]}
        title={article.title}
        description={byline || undefined}
      />
      <ArticleSource
        investigationId={investigation.id}
        article={source}
        citation={<SourceCitation article={source} />}
        copy={<AboutThisCopy meta={meta} url={article.url} />}
        readOnly={readOnly}
      />
      <AnnotatedArticle
        investigationId={investigation.id}
        articleId={article.id}
        body={article.body}
        publishedAt={article.publishedAt?.toISOString() ?? null}
        timeZone={investigation.timeZone}
        // Rows and tables, not an object per claim: see reader-claims-wire.ts.
        claims={packReaderClaims(claims, article.body)}
        readOnly={readOnly}
        initialClaimId={typeof claimParam === "string" ? claimParam : undefined}
        // Suggested claims only for those who may record claims here (accepting one records it);
        // the reader asks for them once it is drawn.
        offerProposals={!readOnly}
        slug={investigation.slug}
        canAcceptAll={hasMemberRole(investigation.role, "reviewer")}
      />
    </article>
  );
}
