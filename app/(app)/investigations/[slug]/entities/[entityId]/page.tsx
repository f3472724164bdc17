import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EntityAliases } from "@/components/entity-aliases.tsx";
import { MergeEntityForm, UndoMergeButton } from "@/components/entity-merge.tsx";
import { EntityPartOfForm } from "@/components/entity-part-of.tsx";
import { investigationBySlug, investigationPage } from "@/lib/web/page-context.ts";
import { hasMemberRole } from "@/lib/domain/roles.ts";
import { PageHeader } from "@/components/page-header.tsx";
import { formatDay, formatMoment, plural } from "@/lib/domain/format.ts";
import { describeValue } from "@/lib/domain/values.ts";
import { entityHistory, getEntity, listEntities } from "@/lib/server/entities.ts";
import { entityOpenConflicts } from "@/lib/server/conflicts.ts";
import { KIND_LABELS } from "@/lib/domain/conflict-labels.ts";
import { auditActionLabel } from "@/lib/domain/audit-actions.ts";
import { selfAndParts } from "@/lib/domain/claims.ts";

type Props = { params: Promise<{ slug: string; entityId: string }> };

/** Read once per request: the title and the page both need the entity. */
const entityOf = cache(getEntity);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, entityId } = await params;
  const investigation = await investigationBySlug(slug);
  const entity = investigation ? await entityOf(investigation.id, entityId) : null;
  return { title: entity ? `${entity.name} — Entities` : "Not found" };
}

export default async function EntityPage({ params }: Props) {
  const { slug, entityId } = await params;
  const { investigation } = await investigationPage(slug, `/investigations/${slug}/entities/${entityId}`);
  const entity = await entityOf(investigation.id, entityId);
  if (!entity) notFound();
  const [others, history, openConflicts] = await Promise.all([
    listEntities(investigation.id),
    entityHistory(investigation.id, entity.id),
    entityOpenConflicts(investigation.id, entity.id),
  ]);

  const groups = new Map<string, typeof entity.subjectOf>();
  for (const claim of entity.subjectOf) groups.set(claim.attributeLabel, [...(groups.get(claim.attributeLabel) ?? []), claim]);
  const timeline = entity.subjectOf
    .map((c) => {
      const value = c.valueNorm;
      const start = c.asOfStart?.toISOString().slice(0, 10) ?? (value.kind === "date" ? value.start : null);
      return start ? { claim: c, start, when: c.asOfText ?? c.valueText } : null;
    })
    .filter((t): t is NonNullable<typeof t> => t !== null)
    .sort((a, b) => a.start.localeCompare(b.start));
  const base = `/investigations/${slug}`;
  const inside = selfAndParts(others, entity.id);
  const canEdit = hasMemberRole(investigation.role, "analyst");

  return (
    <>
      <PageHeader
        crumbs={[{ href: `${base}/entities`, label: "Entities" }]}
        title={entity.name}
        label={<span className="rounded bg-slate-200/70 px-1.5 py-0.5 text-xs font-medium text-slate-700">{entity.kind}</span>}
        description={plural(entity.subjectOf.length, "claim")}
      />
      {entity.mergedInto && (
        <div
          role="status"
          className="mb-6 flex flex-wrap items-center gap-3 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <span>
            Merged into{" "}
            <Link href={`${base}/entities/${entity.mergedInto.id}`} className="font-medium underline">
              {entity.mergedInto.name}
            </Link>
            ; its claims and names are there now.
          </span>
          {canEdit && entity.mergedAway[0] && (
            <UndoMergeButton investigationId={investigation.id} mergeId={entity.mergedAway[0].id} label="Undo the merge" />
          )}
        </div>
      )}
      {openConflicts.naming.length > 0 && (
        <section
          aria-labelledby="entity-conflicts-heading"
          className="mb-6 rounded-lg border-l-4 border-dashed border-rose-500 bg-rose-50 px-4 py-3 text-sm text-rose-950 ring-1 ring-rose-200"
        >
          <h2 id="entity-conflicts-heading" className="font-semibold">
            {openConflicts.naming.length === 1 ? "An open naming conflict" : "Open naming conflicts"}
          </h2>
          <ul className="mt-1 space-y-1">
            {openConflicts.naming.map((c) => (
              <li key={c.id}>
                <Link href={`${base}/conflicts/${c.id}`} className="font-medium text-rose-900 underline hover:no-underline">
                  {c.title}
                </Link>
                <span className="block text-xs text-rose-900">{c.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-8">
          <section aria-labelledby="claims-heading">
            <h2 id="claims-heading" className="mb-3 font-semibold">
              Claims by attribute
            </h2>
            {groups.size === 0 ? (
              <p className="text-sm text-slate-500">No claims about {entity.name} yet.</p>
            ) : (
              <div className="space-y-4">
                {[...groups].map(([attribute, claims]) => (
                  <div key={attribute} className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
                    <h3 className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm font-medium">{attribute}</h3>
                    <ul className="divide-y divide-slate-100">
                      {claims.map((c) => (
                        <li key={c.id} className="px-4 py-3 text-sm">
                          <div className={`font-medium ${c.status === "retracted" ? "text-slate-500 line-through" : "text-slate-900"}`}>
                            {c.valueText}
                            {c.asOfText && <span className="font-normal text-slate-500"> · as of {c.asOfText}</span>}
                            {c.status !== "active" && (
                              <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600 no-underline">
                                {c.status}
                              </span>
                            )}
                          </div>
                          {(openConflicts.byClaim[c.id] ?? []).map((k) => (
                            <Link
                              key={k.id}
                              href={`${base}/conflicts/${k.id}`}
                              className="mt-1 inline-block text-xs font-medium text-rose-800 underline decoration-dashed underline-offset-4 hover:decoration-solid"
                            >
                              In open conflict: {KIND_LABELS[k.kind]} · {k.title}
                            </Link>
                          ))}
                          {c.valueKind !== "text" && c.valueKind !== "entity" && (
                            <div className="text-xs text-slate-600">{describeValue(c.valueNorm)}</div>
                          )}
                          <div className="mt-1 text-xs text-slate-600">
                            <Link href={`${base}/articles/${c.article.id}`} className="text-indigo-700 hover:underline">
                              {c.article.title}
                            </Link>
                            {c.article.outlet && ` · ${c.article.outlet}`}
                            {c.article.publishedAt && ` · ${formatDay(c.article.publishedAt)}`}
                            {c.subjectText !== entity.name && ` · named “${c.subjectText}”`}
                          </div>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            )}
          </section>
          {timeline.length > 0 && (
            <section aria-labelledby="timeline-heading">
              <h2 id="timeline-heading" className="mb-3 font-semibold">
                Timeline
              </h2>
              <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5">
                {timeline.map(({ claim, start, when }) => (
                  <li key={claim.id} className="text-sm">
                    <span aria-hidden className="absolute -left-[7px] mt-1.5 size-3 rounded-full bg-indigo-500 ring-2 ring-white" />
                    <div className="text-xs font-medium text-slate-600">
                      {when} <span className="font-normal">({start})</span>
                    </div>
                    <div className="text-slate-900">
                      {claim.attributeLabel}: {claim.valueText}
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
        <aside className="space-y-6">
          <section aria-labelledby="aliases-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="aliases-heading" className="mb-3 font-semibold">
              Aliases
            </h2>
            <EntityAliases investigationId={investigation.id} entityId={entity.id} aliases={entity.aliases} readOnly={!canEdit} />
          </section>
          {!entity.mergedInto && (
            <section aria-labelledby="part-of-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h2 id="part-of-heading" className="mb-3 font-semibold">
                Part of
              </h2>
              <p className="mb-3 text-sm">
                {entity.partOf ? (
                  <>
                    Part of:{" "}
                    <Link href={`${base}/entities/${entity.partOf.id}`} className="font-medium text-indigo-700 hover:underline">
                      {entity.partOf.name}
                    </Link>
                  </>
                ) : (
                  <span className="text-slate-500">Not part of another entity.</span>
                )}
              </p>
              {canEdit && (
                <EntityPartOfForm investigationId={investigation.id} entity={entity} wholes={others.filter((o) => !inside.has(o.id))} />
              )}
              {entity.parts.length > 0 && (
                <div className="mt-4 border-t border-slate-100 pt-3 text-sm">
                  <h3 className="mb-1 font-medium">Contains</h3>
                  <ul className="space-y-1">
                    {entity.parts.map((p) => (
                      <li key={p.id}>
                        <Link href={`${base}/entities/${p.id}`} className="text-indigo-700 hover:underline">
                          {p.name}
                        </Link>{" "}
                        <span className="text-xs text-slate-500">{p.kind}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          )}
          {canEdit && !entity.mergedInto && (
            <section aria-labelledby="merge-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h2 id="merge-heading" className="mb-3 font-semibold">
                Merge
              </h2>
              <MergeEntityForm investigationId={investigation.id} entity={entity} others={others.filter((o) => o.id !== entity.id)} />
              {entity.mergedIn.length > 0 && (
                <ul className="mt-4 space-y-2 border-t border-slate-100 pt-3 text-sm">
                  {entity.mergedIn.map((m) => (
                    <li key={m.id} className="flex flex-wrap items-center justify-between gap-2">
                      <span>
                        {m.source.name} merged in {formatDay(m.createdAt)}
                      </span>
                      <UndoMergeButton investigationId={investigation.id} mergeId={m.id} label={`Undo: separate ${m.source.name}`} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <section aria-labelledby="entity-history-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="entity-history-heading" className="mb-2 font-semibold">
              History
            </h2>
            <ol className="space-y-1 text-xs text-slate-600">
              {history.map((h) => (
                <li key={String(h.id)}>
                  {auditActionLabel(h.action)} by {h.actor?.name ?? "the demo seed"} · {formatMoment(h.createdAt)}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </>
  );
}
