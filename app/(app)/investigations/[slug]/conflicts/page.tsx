import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/button.tsx";
import { QueueFilters } from "@/components/conflicts/queue-filters.tsx";
import { QueueList } from "@/components/conflicts/queue-list.tsx";
import { RedetectButton } from "@/components/conflicts/redetect-button.tsx";
import { EmptyState } from "@/components/empty-state.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { isConflictKind, KIND_LABELS } from "@/lib/domain/conflict-labels.ts";
import { hasMemberRole } from "@/lib/domain/roles.ts";
import { CONFLICT_STATUS_LABELS, CONFLICT_STATUSES, type ConflictStatus } from "@/lib/domain/conflict-lifecycle.ts";
import { listConflicts } from "@/lib/server/conflicts.ts";
import { investigationPage } from "@/lib/web/page-context.ts";

export const metadata: Metadata = { title: "Conflicts" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUSES: { value: ConflictStatus | "all"; label: string }[] = [
  ...CONFLICT_STATUSES.map((value) => ({ value, label: CONFLICT_STATUS_LABELS[value] })),
  { value: "all", label: "All" },
];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function ConflictsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const { investigation } = await investigationPage(slug, `/investigations/${slug}/conflicts`);
  const status = STATUSES.find((s) => s.value === one(query.status))?.value ?? "open";
  const kind = one(query.kind);
  const filters = {
    status,
    kind: kind && isConflictKind(kind) ? kind : undefined,
    entityId: one(query.entity),
    attribute: one(query.attribute),
    articleId: one(query.article),
    page: Number(one(query.page)) || 1,
  };
  const queue = await listConflicts(investigation.id, filters);
  const base = `/investigations/${slug}/conflicts`;
  const total = queue.counts.open + queue.counts.resolved + queue.counts.dismissed;
  const filtered = Boolean(filters.kind || filters.entityId || filters.attribute || filters.articleId);
  const href = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    // A change of status or filter starts again at the first page.
    const merged = {
      status,
      kind: filters.kind,
      entity: filters.entityId,
      attribute: filters.attribute,
      article: filters.articleId,
      page: undefined,
      ...over,
    };
    for (const [k, v] of Object.entries(merged)) if (v && !(k === "status" && v === "open")) p.set(k, v);
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <>
      <PageHeader
        title="Conflicts"
        description="Where the sources disagree. Open conflicts come first, the most consequential at the top; settle each with a recorded reason."
        actions={
          <>
            {hasMemberRole(investigation.role, "reviewer") && <RedetectButton investigationId={investigation.id} />}
            {hasMemberRole(investigation.role, "analyst") && (
              <Link href={`${base}/new`} className={buttonClass("secondary")}>
                Mark claims as conflicting
              </Link>
            )}
          </>
        }
      />
      <nav aria-label="Conflict status" className="mb-4 flex flex-wrap gap-1 border-b border-slate-200">
        {STATUSES.map((s) => {
          const count = s.value === "all" ? total : queue.counts[s.value];
          return (
            <Link
              key={s.value}
              href={href({ status: s.value })}
              aria-current={s.value === status ? "page" : undefined}
              className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-indigo-600 aria-[current=page]:text-slate-900"
            >
              {s.label} <span className="ml-1 rounded-full bg-slate-100 px-1.5 py-0.5 text-xs tabular-nums text-slate-700">{count}</span>
            </Link>
          );
        })}
      </nav>
      <QueueFilters
        key={JSON.stringify(filters)}
        status={status}
        values={{
          kind: filters.kind ?? "",
          entity: filters.entityId ?? "",
          attribute: filters.attribute ?? "",
          article: filters.articleId ?? "",
        }}
        kinds={queue.kinds.map((k) => ({ value: k.kind, label: `${KIND_LABELS[k.kind]} (${k.count})` }))}
        entities={queue.entities.map((e) => ({ value: e.id, label: e.name }))}
        attributes={queue.attributes.map((a) => ({ value: a.key, label: a.label }))}
        articles={queue.articles.map((a) => ({ value: a.id, label: a.title }))}
        clearHref={filtered ? href({ kind: undefined, entity: undefined, attribute: undefined, article: undefined }) : null}
      />
      {queue.items.length === 0 ? (
        <EmptyState
          title={
            filtered
              ? "No conflicts match these filters"
              : status === "open"
                ? "No open conflicts"
                : `No ${status === "all" ? "" : `${status} `}conflicts`
          }
        >
          {filtered
            ? "Clear a filter to see more."
            : status === "open"
              ? total > 0
                ? "Every disagreement found so far is settled."
                : "Conflicts appear here as claims that disagree are recorded, or when an analyst marks claims as conflicting."
              : null}
        </EmptyState>
      ) : (
        <>
          <QueueList slug={slug} items={queue.items} />
          {queue.pages > 1 && (
            <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
              <span>
                {(queue.page - 1) * queue.pageSize + 1}–{(queue.page - 1) * queue.pageSize + queue.items.length} of {queue.matching}
              </span>
              <span className="flex gap-2">
                {queue.page > 1 && (
                  <Link href={href({ page: String(queue.page - 1) })} className={buttonClass("secondary")} rel="prev">
                    ← Previous
                  </Link>
                )}
                {queue.page < queue.pages && (
                  <Link href={href({ page: String(queue.page + 1) })} className={buttonClass("secondary")} rel="next">
                    Next →
                  </Link>
                )}
              </span>
            </nav>
          )}
        </>
      )}
    </>
  );
}
