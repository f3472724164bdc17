import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClaimStatusBadge, KindBadge, StatusBadge } from "@/components/conflicts/badges.tsx";
import { CommentForm } from "@/components/conflicts/comment-form.tsx";
import { ReopenForm } from "@/components/conflicts/reopen-form.tsx";
import { DecisionOutcome } from "@/components/conflicts/decision-outcome.tsx";
import { ResolveForm } from "@/components/conflicts/resolve-form.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { RELATION_LABELS, relationsOf, RESOLUTION_LABELS } from "@/lib/domain/conflicts.ts";
import { formatMoment, plural } from "@/lib/domain/format.ts";
import { hasMemberRole } from "@/lib/domain/roles.ts";
import { type ConflictDetail, getConflict, nextOpenConflict, openConflictCount } from "@/lib/server/conflicts.ts";
import { type ConflictPairs, conflictPairs } from "@/lib/server/detection.ts";
import { AttributeSenseForm } from "@/components/conflicts/attribute-sense-form.tsx";
import { senseLabel } from "@/lib/domain/attribute-sense.ts";
import { investigationBySlug, investigationPage } from "@/lib/web/page-context.ts";
import { auditActionLabel } from "@/lib/domain/audit-actions.ts";

type Props = {
  params: Promise<{ slug: string; conflictId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Read once per request: the title and the page both need the conflict. */
const conflictOf = cache(getConflict);

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { slug, conflictId } = await params;
  const investigation = await investigationBySlug(slug);
  const conflict = investigation ? await conflictOf(investigation.id, conflictId) : null;
  return { title: conflict ? `${conflict.title} — Conflicts` : "Not found" };
}

export default async function ConflictPage({ params, searchParams }: Props) {
  const { slug, conflictId } = await params;
  const { decided, from } = await searchParams;
  const base = `/investigations/${slug}`;
  const { investigation } = await investigationPage(slug, `${base}/conflicts/${conflictId}`);
  const conflict = await conflictOf(investigation.id, conflictId);
  if (!conflict) notFound();
  const canResolve = hasMemberRole(investigation.role, "reviewer");
  const canComment = hasMemberRole(investigation.role, "analyst");
  const current = conflict.resolutions.find((r) => !r.withdrawnAt) ?? null;
  // Arriving from the decision just recorded here: its outcome comes first, with the way on.
  const justDecided = decided !== undefined && conflict.status !== "open" && current ? current : null;
  const [next, openLeft, related] = await Promise.all([
    nextOpenConflict(investigation.id, conflict.id),
    justDecided ? openConflictCount(investigation.id) : 0,
    conflictPairs(investigation.id, conflict.id),
  ]);
  const conflictHref = `${base}/conflicts/${conflict.id}`;
  const earlier = conflict.resolutions.filter((r) => r.withdrawnAt);

  const aside = (
    <aside className="space-y-6 lg:col-start-2 lg:row-span-2 lg:row-start-1">
      {conflict.status === "open" && (
        <section
          aria-labelledby="suggestion-heading"
          className="rounded-lg bg-indigo-50 px-4 py-3 text-sm text-indigo-950 ring-1 ring-indigo-200"
        >
          <h2 id="suggestion-heading" className="font-semibold">
            Suggestion
          </h2>
          <p className="mt-1">{conflict.suggestion}</p>
        </section>
      )}

      {current && !justDecided && <Decision decision={current} conflict={conflict} />}

      {related.sense && (
        <section aria-labelledby="sense-heading" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h2 id="sense-heading" className="font-semibold">
            How “{related.sense.label}” behaves
          </h2>
          <ul className="mt-2 space-y-1 text-sm text-slate-700">
            {(related.sense.hasLists ? (["cardinality", "change", "lists"] as const) : (["cardinality", "change"] as const)).map((k) => (
              <li key={k}>
                <span className="font-medium">{senseLabel(k, related.sense![k])}</span>
                <span className="block text-xs text-slate-500">
                  {related.sense!.setting?.[k] ? "Set by a reviewer." : related.sense!.inferred.why[k]}
                </span>
              </li>
            ))}
          </ul>
          {canResolve && (
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-indigo-700">Change how it behaves</summary>
              <div className="mt-3">
                <AttributeSenseForm
                  investigationId={investigation.id}
                  attributeKey={related.sense.key}
                  inferred={related.sense.inferred}
                  setting={related.sense.setting}
                />
              </div>
            </details>
          )}
        </section>
      )}

      {conflict.status === "open" ? (
        canResolve ? (
          <section aria-labelledby="resolve-heading" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 id="resolve-heading" className="mb-3 font-semibold">
              Settle this conflict
            </h2>
            <ResolveForm
              investigationId={investigation.id}
              conflict={{
                id: conflict.id,
                version: conflict.version,
                kind: conflict.kind,
                title: conflict.title,
                claims: conflict.claims
                  .filter((c) => c.status === "active")
                  .map((c) => ({
                    id: c.id,
                    valueText: c.valueText,
                    valueKind: c.valueKind,
                    source: c.article.outlet ?? c.article.title,
                    asOfText: c.asOfText,
                  })),
                entities: conflict.entities.map((e) => ({ id: e.id, name: e.name, claimCount: e.claimCount })),
              }}
              decidedHref={`${conflictHref}?decided=1`}
              focusDecision={from === "decision"}
            />
          </section>
        ) : (
          <p className="rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">
            {canComment
              ? "Reviewers settle conflicts. You can add what you know to the discussion."
              : "Reviewers settle conflicts; as a viewer here you can read the discussion."}
          </p>
        )
      ) : (
        canResolve && (
          <section aria-labelledby="reopen-heading" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 id="reopen-heading" className="mb-1 font-semibold">
              Reopen
            </h2>
            <p className="mb-3 text-xs text-slate-500">The decision stays on record, withdrawn; claims it rejected become active again.</p>
            <ReopenForm investigationId={investigation.id} conflictId={conflict.id} version={conflict.version} />
          </section>
        )
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 font-semibold">
          History
        </h2>
        <ol className="space-y-2 border-l border-slate-200 pl-4 text-sm">
          {conflict.history.map((h) => (
            <li key={h.id}>
              <span className="text-slate-800">{auditActionLabel(h.action)}</span>
              <span className="block text-xs text-slate-500">
                {h.actor} · {formatMoment(h.at)}
              </span>
            </li>
          ))}
        </ol>
        {earlier.length > 0 && (
          <div className="mt-4 space-y-2">
            <h3 className="text-sm font-medium text-slate-700">Earlier decisions (withdrawn)</h3>
            {earlier.map((r) => (
              <Decision key={r.id} decision={r} conflict={conflict} withdrawn />
            ))}
          </div>
        )}
      </section>
    </aside>
  );

  return (
    <>
      <PageHeader
        crumbs={[{ href: `${base}/conflicts`, label: "Conflicts" }]}
        title={conflict.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <KindBadge kind={conflict.kind} />
            <StatusBadge status={conflict.status} />
            <span>{conflict.summary}</span>
          </span>
        }
        actions={
          next && (
            <Link
              href={`${base}/conflicts/${next.id}`}
              className="rounded-md px-3 py-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
            >
              Next open conflict →
            </Link>
          )
        }
      />
      {justDecided && (
        <DecisionOutcome
          conflictHref={conflictHref}
          nextHref={next ? `${base}/conflicts/${next.id}?from=decision` : null}
          queueHref={`${base}/conflicts`}
          openLeft={openLeft}
          canReopen={canResolve}
        >
          <Decision decision={justDecided} conflict={conflict} bare />
        </DecisionOutcome>
      )}
      {conflict.status === "open" && conflict.reopenReason && (
        <p className="mb-4 rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          <strong className="font-semibold">Reopened.</strong> {conflict.reopenReason}
        </p>
      )}
      {conflict.closedReason && (
        <p className="mb-4 rounded-md bg-slate-100 px-4 py-2 text-sm text-slate-700 ring-1 ring-slate-200">{conflict.closedReason}</p>
      )}

      {/* On a phone: the claims, then the decision, then the discussion. */}
      <div className="grid gap-8 lg:grid-cols-[1fr_24rem] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 space-y-8">
          {conflict.entities.length > 0 && conflict.kind === "naming" && <Entities base={base} conflict={conflict} />}
          {conflict.claims.length > 0 && <Claims base={base} conflict={conflict} acceptedId={current?.acceptedClaimId ?? null} />}
          {related.pairs.length > 0 && <Pairs conflict={conflict} related={related} />}
        </div>
        {aside}
        <div className="min-w-0 lg:col-start-1 lg:row-start-2">
          <section aria-labelledby="discussion-heading">
            <h2 id="discussion-heading" className="mb-3 font-semibold">
              Discussion
            </h2>
            {conflict.comments.length === 0 ? (
              <p className="mb-3 text-sm text-slate-500">No comments yet.</p>
            ) : (
              <ol className="mb-4 space-y-3">
                {conflict.comments.map((c) => (
                  <li key={c.id} className="rounded-lg bg-white px-4 py-3 text-sm shadow-sm ring-1 ring-slate-200">
                    <p className="mb-1 text-xs text-slate-500">
                      <span className="font-medium text-slate-700">{c.author.name}</span> · {formatMoment(c.createdAt)}
                    </p>
                    <p className="whitespace-pre-wrap text-slate-800">{c.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {canComment && <CommentForm investigationId={investigation.id} conflictId={conflict.id} />}
          </section>
        </div>
      </div>
    </>
  );
}

function Claims({ base, conflict, acceptedId }: { base: string; conflict: ConflictDetail; acceptedId: string | null }) {
  return (
    <section aria-labelledby="claims-heading">
      <h2 id="claims-heading" className="mb-3 font-semibold">
        What the sources say
      </h2>
      <ul className={`grid gap-4 ${conflict.claims.length > 1 ? "md:grid-cols-2" : ""}`}>
        {conflict.claims.map((c) => (
          <li
            key={c.id}
            aria-label={`${c.valueText}, ${c.article.outlet ?? c.article.title}`}
            className={`flex flex-col rounded-lg bg-white p-4 shadow-sm ring-1 ${c.id === acceptedId ? "ring-2 ring-emerald-500" : "ring-slate-200"} ${c.status === "active" ? "" : "opacity-80"}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <p
                className={`text-lg font-semibold ${c.status === "rejected" || c.status === "superseded" ? "text-slate-500 line-through decoration-slate-400" : "text-slate-900"}`}
              >
                {c.valueText}
              </p>
              {c.id === acceptedId && (
                <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
                  Accepted
                </span>
              )}
              <ClaimStatusBadge status={c.status} />
            </div>
            <p className="text-xs text-slate-500">
              {c.subject.name} · {c.attributeLabel} → {c.reading}
              {c.asOfText ? ` · as of ${c.asOfText}` : ""}
            </p>
            <blockquote className="mt-3 border-l-2 border-slate-300 pl-3 font-serif text-[15px] leading-relaxed text-slate-700">
              {c.sentence.before}
              <mark className="rounded-sm bg-amber-100 px-0.5 text-slate-900">{c.sentence.quote}</mark>
              {c.sentence.after}
            </blockquote>
            {c.note && <p className="mt-2 text-xs text-slate-600">Note: {c.note}</p>}
            {c.statusReason && <p className="mt-2 text-xs text-slate-600">{c.statusReason}</p>}
            <p className="mt-auto pt-3 text-xs text-slate-600">
              <Link href={`${base}/articles/${c.article.id}?claim=${c.id}`} className="font-medium text-indigo-700 hover:underline">
                {c.article.title}
              </Link>
              <span className="block">
                {[c.article.outlet, c.article.author, c.article.publishedText].filter(Boolean).join(" · ") ||
                  "No outlet, author or date recorded"}
                {(!c.article.outlet || !c.article.publishedText) && (
                  <>
                    {" · "}
                    <Link
                      href={`${base}/articles/${c.article.id}`}
                      className="text-indigo-700 underline underline-offset-2 hover:no-underline"
                    >
                      add source details
                    </Link>
                  </>
                )}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Entities({ base, conflict }: { base: string; conflict: ConflictDetail }) {
  return (
    <section aria-labelledby="entities-heading">
      <h2 id="entities-heading" className="mb-3 font-semibold">
        The two names
      </h2>
      <ul className="grid gap-4 md:grid-cols-2">
        {conflict.entities.map((e) => (
          <li key={e.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <Link href={`${base}/entities/${e.id}`} className="text-lg font-semibold text-indigo-700 hover:underline">
              {e.name}
            </Link>
            <p className="text-xs text-slate-500">
              {e.kind} · {plural(e.claimCount, "claim")}
              {e.merged ? " · merged" : ""}
            </p>
            <p className="mt-2 text-sm text-slate-700">
              {e.aliases.length ? `Also written: ${e.aliases.join(", ")}` : "No other names recorded."}
            </p>
            {e.sampleClaims.length > 0 && (
              <ul className="mt-2 space-y-0.5 text-sm text-slate-700">
                {e.sampleClaims.map((c) => (
                  <li key={c.id}>
                    <span className="text-slate-500">{c.attributeLabel}:</span> {c.valueText}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Decision({
  decision,
  conflict,
  withdrawn = false,
  bare = false,
}: {
  decision: ConflictDetail["resolutions"][number];
  conflict: ConflictDetail;
  withdrawn?: boolean;
  /** Inside the outcome of a decision just recorded, which gives the frame and the heading. */
  bare?: boolean;
}) {
  const details = decision.details?.kind === "both_valid" ? decision.details : null;
  const value = (id: string | null) => conflict.claims.find((c) => c.id === id)?.valueText;
  const Heading = bare ? "h3" : "h2";
  return (
    <section
      aria-label={withdrawn ? "Withdrawn decision" : "Decision"}
      className={
        bare
          ? ""
          : `rounded-lg p-4 text-sm ring-1 ${withdrawn ? "bg-slate-50 text-slate-600 ring-slate-200" : "bg-emerald-50 text-emerald-950 ring-emerald-200"}`
      }
    >
      <Heading className={bare ? "text-base font-semibold" : "font-semibold"}>
        {RESOLUTION_LABELS[decision.kind]}
        {decision.kind === "accept_claim" && value(decision.acceptedClaimId) ? `: ${value(decision.acceptedClaimId)}` : ""}
        {decision.kind === "reconciled_value" && decision.valueText ? `: ${decision.valueText}` : ""}
      </Heading>
      <p className="mt-1 whitespace-pre-wrap">“{decision.rationale}”</p>
      {details && Object.keys(details.asOf).length > 0 && (
        <ul className="mt-2 text-xs">
          {Object.entries(details.asOf).map(([id, a]) => (
            <li key={id}>
              {value(id) ?? "A claim"} — as of {a.text} ({a.reading})
            </li>
          ))}
        </ul>
      )}
      {details?.scope && <p className="mt-1 text-xs">Scope: {details.scope}</p>}
      <p className="mt-2 text-xs opacity-80">
        {decision.decidedByName} · {formatMoment(decision.createdAt)}
        {decision.withdrawnAt ? ` · withdrawn ${formatMoment(decision.withdrawnAt)}` : ""}
      </p>
    </section>
  );
}

const RELATION_STYLES: Record<string, string> = {
  contradiction: "text-rose-800",
  scale: "text-rose-800",
  set: "text-amber-800",
  decrease: "text-amber-800",
  correction: "text-sky-800",
  update: "text-teal-800",
  measure: "text-indigo-800",
  containment: "text-lime-800",
  consistent: "text-emerald-800",
};

/** Pair by pair, how the claims relate; for a change over time, the values in the order they held. */
function Pairs({ conflict, related }: { conflict: ConflictDetail; related: ConflictPairs }) {
  const claim = new Map(conflict.claims.map((c) => [c.id, c]));
  const source = (id: string) => {
    const c = claim.get(id);
    return c ? `${c.valueText} (${c.article.outlet ?? c.article.title})` : id;
  };
  const showTimeline = conflict.kind === "temporal" && related.timeline.length > 1;
  // This conflict's own pairs (others in the group are other conflicts), and pairs that agree after conversion.
  const own = new Set<string>([...relationsOf(conflict.kind), "consistent"]);
  const mine = related.pairs.filter((p) => own.has(p.relation));
  const updates = mine.filter((p) => p.relation === "update");
  const telling = mine.filter((p) => p.relation !== "update");
  return (
    <section aria-labelledby="pairs-heading">
      {showTimeline && (
        <>
          <h2 id="timeline-heading" className="mb-3 font-semibold">
            Timeline
          </h2>
          <ol aria-labelledby="timeline-heading" className="mb-6 space-y-2 border-l-2 border-teal-200 pl-4 text-sm">
            {related.timeline.map((t) => {
              const c = claim.get(t.claimId);
              return (
                <li key={t.claimId}>
                  <span className="font-semibold text-slate-900">{c?.valueText}</span>
                  <span className="text-slate-600"> · {c?.article.outlet ?? c?.article.title}</span>
                  <span className="block text-xs text-slate-500">
                    {t.label} ({t.source === "as of" ? "as-of given" : t.source === "quote" ? "time in the quote" : "as published"})
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <h2 id="pairs-heading" className="mb-3 font-semibold">
        How the claims relate
      </h2>
      <PairList pairs={telling} source={source} />
      {updates.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm text-slate-700">
            {updates.length === 1 ? "1 update over time" : `${updates.length} updates over time`}
            {showTimeline ? " (the timeline above)" : ""}
          </summary>
          <div className="mt-2">
            <PairList pairs={updates} source={source} />
          </div>
        </details>
      )}
    </section>
  );
}

function PairList({ pairs, source }: { pairs: ConflictPairs["pairs"]; source: (id: string) => string }) {
  if (!pairs.length) return null;
  return (
    <ul className="space-y-2 text-sm">
      {pairs.map((p) => (
        <li key={`${p.a}:${p.b}`} className="rounded-md bg-white px-3 py-2 ring-1 ring-slate-200">
          <span className={`font-medium ${RELATION_STYLES[p.relation] ?? ""}`}>{RELATION_LABELS[p.relation]}</span>
          <span className="text-slate-700">
            {" "}
            · {source(p.a)} ↔ {source(p.b)}
          </span>
          <span className="block text-xs text-slate-600">{p.why}</span>
        </li>
      ))}
    </ul>
  );
}
