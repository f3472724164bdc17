import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AnnotatedArticle } from "@/components/annotator/annotated-article.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { formatDay, formatMoment } from "@/lib/domain/format.ts";
import { getArticle } from "@/lib/server/articles.ts";
import { readerClaims } from "@/lib/server/claims.ts";
import { attributeOptions, subjectOptions } from "@/lib/server/entities.ts";
import { findInvestigation } from "@/lib/server/investigations.ts";
import { requireActor } from "@/lib/web/session.ts";

type Props = { params: Promise<{ slug: string; articleId: string }>; searchParams: Promise<{ claim?: string | string[] }> };

async function load(slug: string, articleId: string) {
  const investigation = await findInvestigation(slug);
  const article = investigation ? await getArticle(investigation.id, articleId) : null;
  return investigation && article ? { investigation, article } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, articleId } = await params;
  return { title: (await load(slug, articleId))?.article.title ?? "Not found" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug, articleId } = await params;
  const { claim: claimParam } = await searchParams;
  await requireActor(`/investigations/${slug}/articles/${articleId}`);
  const found = await load(slug, articleId);
  if (!found) notFound();
  const { investigation, article } = found;
  const [claims, subjects, attributes] = await Promise.all([
    readerClaims(investigation.id, article.id, article.body),
    subjectOptions(investigation.id),
    attributeOptions(investigation.id),
  ]);
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
  return (
    <article>
      <PageHeader
        crumbs={[{ href: `/investigations/${slug}/articles`, label: "Articles" }]}
        title={article.title}
        description={byline || undefined}
      />
      <details className="mb-4 rounded-lg bg-white px-4 py-2 text-sm shadow-sm ring-1 ring-slate-200">
        <summary className="cursor-pointer text-slate-700">About this article</summary>
        <dl className="mt-2 grid gap-x-6 gap-y-2 pb-2 sm:grid-cols-2">
          {meta.map((m) => (
            <div key={m.term}>
              <dt className="text-xs font-medium text-slate-500">{m.term}</dt>
              <dd className="break-words text-slate-800">{m.value}</dd>
            </div>
          ))}
          {article.url && (
            <div>
              <dt className="text-xs font-medium text-slate-500">Original</dt>
              <dd className="break-all">
                <a href={article.url} rel="noopener noreferrer" target="_blank" className="text-indigo-700 hover:underline">
                  {article.url}
                </a>
              </dd>
            </div>
          )}
        </dl>
        <p className="pb-2 text-xs text-slate-500">
          The text is shown exactly as imported; it is never rewritten, so every quote can be traced back to it.
        </p>
      </details>
      <AnnotatedArticle
        investigationId={investigation.id}
        articleId={article.id}
        body={article.body}
        publishedAt={article.publishedAt?.toISOString() ?? null}
        timeZone={investigation.timeZone}
        claims={claims}
        subjects={subjects}
        attributes={attributes}
        initialClaimId={typeof claimParam === "string" ? claimParam : undefined}
      />
    </article>
  );
}
