import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/button.tsx";
import { EmptyState } from "@/components/empty-state.tsx";
import { investigationBySlug, investigationPage } from "@/lib/web/page-context.ts";
import { PageHeader } from "@/components/page-header.tsx";
import { TimeZoneForm } from "@/components/time-zone-form.tsx";
import { hasMemberRole, MEMBER_ROLE_LABELS } from "@/lib/domain/roles.ts";
import { formatDay, plural } from "@/lib/domain/format.ts";
import { listArticles } from "@/lib/server/articles.ts";
import { investigationCounts } from "@/lib/server/investigations.ts";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const investigation = await investigationBySlug((await params).slug);
  return { title: investigation?.title ?? "Not found" };
}

export default async function InvestigationOverview({ params }: Props) {
  const { slug } = await params;
  const { investigation } = await investigationPage(slug, `/investigations/${slug}`);
  const canEdit = hasMemberRole(investigation.role, "analyst");
  const [counts, articles] = await Promise.all([investigationCounts(investigation.id), listArticles(investigation.id)]);
  const stats = [
    { label: "Articles", value: counts.articles, href: null },
    { label: "Entities", value: counts.entities, href: null },
    { label: "Claims", value: counts.claims, href: null },
    { label: "Open conflicts", value: counts.openConflicts, warn: counts.openConflicts > 0, href: `/investigations/${slug}/conflicts` },
  ];
  return (
    <>
      <PageHeader
        title={investigation.title}
        description={investigation.description || undefined}
        actions={
          canEdit && (
            <Link href={`/investigations/${slug}/articles#import`} className={buttonClass("primary")}>
              Import articles
            </Link>
          )
        }
      />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
            <dt className="text-xs font-medium text-slate-500">{s.label}</dt>
            <dd className={`mt-1 text-2xl font-semibold tabular-nums ${s.warn ? "text-amber-700" : "text-slate-900"}`}>
              {s.href ? (
                <Link href={s.href} className="rounded hover:underline">
                  {s.value}
                </Link>
              ) : (
                s.value
              )}
            </dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="articles-heading" className="mt-8">
        <div className="mb-3 flex items-baseline justify-between">
          <h2 id="articles-heading" className="font-semibold">
            Articles
          </h2>
          <Link href={`/investigations/${slug}/articles`} className="text-sm text-indigo-700 hover:underline">
            All articles
          </Link>
        </div>
        {articles.length === 0 ? (
          <EmptyState
            title="No articles yet"
            action={
              canEdit && (
                <Link href={`/investigations/${slug}/articles#import`} className={buttonClass("secondary")}>
                  Import the first article
                </Link>
              )
            }
          >
            {canEdit ? "Upload .txt or .md files, or paste an article’s text." : "The investigation’s analysts import its articles."}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            {articles.map((a) => (
              <li key={a.id}>
                <Link href={`/investigations/${slug}/articles/${a.id}`} className="block px-4 py-3 hover:bg-slate-50">
                  <span className="line-clamp-2 font-medium text-slate-900">{a.title}</span>
                  <span className="mt-0.5 block text-xs text-slate-500">
                    {[a.outlet, a.publishedAt ? formatDay(a.publishedAt) : a.publishedText, plural(a.claimCount, "claim")]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="mt-6 text-sm text-slate-500">{plural(counts.conflicts, "conflict")} recorded so far.</p>
      <section aria-labelledby="settings-heading" className="mt-8 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="settings-heading" className="mb-3 font-semibold">
          Settings
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          You are {investigation.role === "analyst" ? "an" : "a"}{" "}
          <span className="font-medium">{MEMBER_ROLE_LABELS[investigation.role].toLowerCase()}</span> here.{" "}
          <Link href={`/investigations/${slug}/members`} className="text-indigo-700 underline hover:text-indigo-900">
            {investigation.role === "lead" ? "Manage members" : "See the members"}
          </Link>
        </p>
        {hasMemberRole(investigation.role, "lead") ? (
          <TimeZoneForm investigationId={investigation.id} timeZone={investigation.timeZone} version={investigation.version} />
        ) : (
          <p className="text-sm text-slate-700">
            Time zone of “local time”: <span className="font-medium">{investigation.timeZone}</span>{" "}
            <span className="text-slate-500">(leads can change it)</span>
          </p>
        )}
      </section>
    </>
  );
}
