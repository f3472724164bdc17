import type { Metadata } from "next";
import Link from "next/link";
import { ArticleImportPanel } from "@/components/article-import-panel.tsx";
import { EmptyState } from "@/components/empty-state.tsx";
import { investigationPage } from "@/lib/web/page-context.ts";
import { PageHeader } from "@/components/page-header.tsx";
import { formatDay, plural } from "@/lib/domain/format.ts";
import { hasMemberRole } from "@/lib/domain/roles.ts";
import { listArticles } from "@/lib/server/articles.ts";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ params }: Props) {
  const { slug } = await params;
  const { investigation } = await investigationPage(slug, `/investigations/${slug}/articles`);
  const articles = await listArticles(investigation.id);
  const canImport = hasMemberRole(investigation.role, "analyst");
  return (
    <>
      <PageHeader title="Articles" description={`${plural(articles.length, "article")} in this investigation.`} />
      <div className={canImport ? "grid gap-8 lg:grid-cols-[1fr_26rem]" : ""}>
        <section aria-labelledby="article-list-heading">
          <h2 id="article-list-heading" className="sr-only">
            Article list
          </h2>
          {articles.length === 0 ? (
            <EmptyState title="No articles yet">
              {canImport
                ? "Import the coverage of this story with the panel: upload files or paste text."
                : "The investigation\u2019s analysts import its articles."}
            </EmptyState>
          ) : (
            <ol className="space-y-3">
              {articles.map((a, index) => (
                <li key={a.id}>
                  <Link
                    href={`/investigations/${slug}/articles/${a.id}`}
                    className="flex gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 transition hover:ring-indigo-300"
                  >
                    <span aria-hidden className="mt-0.5 w-6 shrink-0 text-right text-sm tabular-nums text-slate-400">
                      {index + 1}
                    </span>
                    <span className="min-w-0">
                      <span className="line-clamp-2 font-medium text-slate-900">{a.title}</span>
                      <span className="mt-1 block text-xs text-slate-500">
                        {[
                          a.outlet,
                          a.author,
                          a.publishedAt ? formatDay(a.publishedAt) : a.publishedText,
                          plural(a.wordCount, "word"),
                          plural(a.claimCount, "claim"),
                          a.sourceName,
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </section>
        {canImport && (
          <section id="import" aria-labelledby="import-heading" className="scroll-mt-6">
            <h2 id="import-heading" className="mb-3 font-semibold">
              Import articles
            </h2>
            <ArticleImportPanel investigationId={investigation.id} slug={slug} />
          </section>
        )}
      </div>
    </>
  );
}
