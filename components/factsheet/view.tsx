import { EmptyState } from "@/components/empty-state.tsx";
import { KIND_LABELS } from "@/lib/domain/conflicts.ts";
import {
  type Citation,
  type ClaimDecision,
  type CompetingValue,
  FACT_STATUS_LABELS,
  type Fact,
  type FactSheet,
  type FactStatus,
  VERDICT_LABELS,
} from "@/lib/domain/factsheet.ts";
import { asOfPhrase, claimAnchor, humanDay, resolutionText, sourceCitation } from "@/lib/domain/factsheet-formats.ts";

const STATUS_STYLE: Record<FactStatus, string> = {
  confirmed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  single_source: "bg-slate-100 text-slate-700 ring-slate-300",
  resolved: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  contested: "bg-orange-50 text-orange-800 ring-orange-300",
};

function StatusBadge({ status }: { status: FactStatus }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[status]}`}>
      {FACT_STATUS_LABELS[status]}
    </span>
  );
}

function Cites({ citations }: { citations: Citation[] }) {
  return (
    <span className="whitespace-nowrap">
      {citations.map((c) => (
        <sup key={c.n} className="ml-0.5">
          <a href={`#${claimAnchor(c)}`} className="text-indigo-700 hover:underline" aria-label={`Citation ${c.n}`}>
            [{c.n}]
          </a>
        </sup>
      ))}
    </span>
  );
}

/** Who decided what about a claim, and why: "Rejected by Vera on 2026-01-29: “…”". */
function Decision({ decision: d }: { decision: ClaimDecision }) {
  return (
    <span className="block text-xs text-slate-600">
      {VERDICT_LABELS[d.verdict]}
      {d.value !== null && ` as “${d.value}”`} by {d.reviewer} on {humanDay(d.date)}: “{d.rationale}”
    </span>
  );
}

/** The decisions that set these claims aside, each once. */
function setAsideBy(citations: Citation[]): ClaimDecision[] {
  const all = citations.flatMap((c) => c.decisions).filter((d) => d.verdict === "rejected" || d.verdict === "superseded");
  return all.filter(
    (d, i) =>
      all.findIndex((e) => e.date === d.date && e.kind === d.kind && e.reviewer === d.reviewer && e.rationale === d.rationale) === i,
  );
}

function Value({ value }: { value: Pick<Fact | CompetingValue, "value" | "asOf" | "asOfRange"> }) {
  const asOf = asOfPhrase(value);
  return (
    <>
      <span className="font-medium text-slate-900">{value.value}</span>
      {asOf && <span className={value.asOfRange ? "text-slate-600" : "text-amber-800"}> ({asOf})</span>}
    </>
  );
}

/** "open conflict #1 asks whether …", linked to the conflict's entry below. */
function Questions({ fact, sheet }: { fact: Fact; sheet: FactSheet }) {
  return (
    <>
      {fact.conflicts.map((n, i) => (
        <span key={n}>
          {i > 0 && "; "}
          <a href={`#open-${n}`} className="text-indigo-700 underline underline-offset-2 hover:no-underline">
            open conflict #{n}
          </a>{" "}
          {sheet.conflicts[n - 1]?.question}
        </span>
      ))}
      .
    </>
  );
}

function FactRow({ fact, sheet, undated }: { fact: Fact; sheet: FactSheet; undated: UndatedSources }) {
  const values = fact.status === "contested" && fact.value === null ? fact.competing : null;
  // An as-of date no day could be given: where the cited article has no date, setting it resolves it.
  const unresolved = [fact, ...fact.competing].some((v) => v.asOf && !v.asOfRange);
  const toDate = unresolved
    ? [...fact.citations, ...fact.competing.flatMap((v) => v.citations)].map((c) => undated.get(c.source)).find(Boolean)
    : undefined;
  return (
    <li className="px-4 py-3" aria-label={`${fact.entity} · ${fact.attribute}`}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className="text-slate-600">{fact.attribute}:</span>
        {values ? (
          <span className="text-slate-700">the sources give {values.length} values</span>
        ) : (
          <>
            <Value value={fact} />
            <Cites citations={fact.citations} />
          </>
        )}
        <span className="ml-auto">
          <StatusBadge status={fact.status} />
        </span>
      </div>
      {values && (
        <ul className="mt-1 space-y-0.5 pl-4 text-sm">
          {values.map((v) => (
            <li key={v.citations[0]?.n ?? v.value} className="list-disc">
              <Value value={v} /> <Cites citations={v.citations} />
            </li>
          ))}
        </ul>
      )}
      {fact.status === "contested" && (
        <p className="mt-1 text-sm text-slate-700">
          Still open: <Questions fact={fact} sheet={sheet} />
        </p>
      )}
      {fact.resolution && <p className="mt-1 text-sm text-slate-600">{resolutionText(fact.resolution)}</p>}
      {toDate && (
        <p className="mt-1 text-sm text-amber-800">
          The as-of date is relative and its article has no publication date.{" "}
          <a href={toDate} className="text-indigo-700 underline underline-offset-2 hover:no-underline">
            Set the article&rsquo;s date
          </a>
        </p>
      )}
      {fact.rejected.map((r) => (
        <p key={r.citations[0]?.n ?? r.value} className="mt-1 text-sm text-slate-600">
          Set aside ({r.status}): <span className="line-through">{r.value}</span> <Cites citations={r.citations} />
          {setAsideBy(r.citations).map((d) => (
            <Decision key={`${d.date}|${d.kind}|${d.reviewer}|${d.rationale}`} decision={d} />
          ))}
        </p>
      ))}
    </li>
  );
}

/** Sources without a publication date, by number: where to set it (the article's page). */
export type UndatedSources = Map<number, string>;

/** The fact sheet as a page: the same data the exports hold. */
export function FactSheetView({
  sheet,
  facts,
  filtered,
  undated = new Map(),
}: {
  sheet: FactSheet;
  facts: Fact[];
  filtered: boolean;
  undated?: UndatedSources;
}) {
  const byEntity = new Map<string, Fact[]>();
  for (const f of facts) byEntity.set(f.entity, [...(byEntity.get(f.entity) ?? []), f]);
  const cited = new Map<number, Citation>();
  for (const f of facts)
    for (const c of [...f.citations, ...f.competing.flatMap((v) => v.citations), ...f.rejected.flatMap((v) => v.citations)])
      cited.set(c.n, c);
  const sources = new Map(sheet.sources.map((s) => [s.n, s]));
  const entities = new Set(facts.map((f) => f.entity));
  const timelines = sheet.timelines.filter((t) => !filtered || entities.has(t.entity));
  const conflicts = sheet.conflicts.filter((c) => !filtered || c.entities.some((e) => entities.has(e)));

  return (
    <div className="space-y-10">
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="mb-3 text-lg font-semibold">
          Facts
        </h2>
        {facts.length === 0 ? (
          <EmptyState title={filtered ? "No facts match these filters" : "No facts yet"}>
            {filtered ? "Clear a filter to see more." : "Facts appear as claims are recorded in the articles."}
          </EmptyState>
        ) : (
          <div className="space-y-4">
            {[...byEntity].map(([entity, list]) => (
              <section key={entity} aria-label={entity} className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
                <h3 className="border-b border-slate-200 bg-slate-50 px-4 py-2 font-medium">{entity}</h3>
                <ul className="divide-y divide-slate-100">
                  {list.map((f) => (
                    <FactRow key={f.n} fact={f} sheet={sheet} undated={undated} />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>

      {timelines.length > 0 && (
        <section aria-labelledby="timelines-heading">
          <h2 id="timelines-heading" className="mb-3 text-lg font-semibold">
            Timelines
          </h2>
          {timelines.map((t) => (
            <div key={`${t.entity}|${t.attribute}`} className="mb-3">
              <h3 className="text-sm font-medium">
                {t.entity} · {t.attribute}
              </h3>
              <ol className="mt-1 border-l border-slate-300 pl-4 text-sm">
                {t.points.map((p) => (
                  <li key={`${p.date}|${p.citations[0]}`}>
                    <span className="tabular-nums text-slate-600">{humanDay(p.date)}</span> {p.value}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      )}

      {(!filtered || conflicts.length > 0) && (
        <section aria-labelledby="open-heading">
          <h2 id="open-heading" className="mb-3 text-lg font-semibold">
            Open conflicts
          </h2>
          {conflicts.length === 0 ? (
            <p className="text-sm text-slate-600">None: every disagreement found so far is settled.</p>
          ) : (
            <ol className="space-y-2 text-sm">
              {conflicts.map((c) => (
                <li key={c.n} id={`open-${c.n}`} className="target:rounded target:bg-amber-50">
                  <span className="font-medium">
                    #{c.n} {KIND_LABELS[c.kind]}
                  </span>{" "}
                  — {c.entities.join(", ")}: {c.question.charAt(0).toUpperCase() + c.question.slice(1)}.
                  {c.kind !== "manual" && <span className="text-slate-600"> {c.summary}</span>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      <section aria-labelledby="citations-heading">
        <h2 id="citations-heading" className="mb-3 text-lg font-semibold">
          Citations
        </h2>
        <ol className="space-y-2 text-sm">
          {[...cited.values()]
            .sort((a, b) => a.n - b.n)
            .map((c) => {
              const s = sources.get(c.source)!;
              return (
                <li key={c.n} id={claimAnchor(c)} className="target:rounded target:bg-amber-50">
                  <span className="tabular-nums text-slate-600">[{c.n}]</span> <q className="font-serif text-slate-800">{c.quote}</q>
                  {c.as && <span className="text-slate-600"> (naming it “{c.as}”)</span>}
                  <span className="block pl-7 text-xs text-slate-600">
                    {s.url ? (
                      <a
                        href={s.url}
                        rel="noopener noreferrer"
                        target="_blank"
                        className="text-indigo-700 underline underline-offset-2 hover:no-underline"
                      >
                        {sourceCitation(s)}
                      </a>
                    ) : (
                      sourceCitation(s)
                    )}
                    {s.outlet && ` · ${s.title}`}
                    {s.author && ` · ${s.author}`}
                  </span>
                  {c.decisions.length > 0 && (
                    <span className="block pl-7">
                      {c.decisions.map((d) => (
                        <Decision key={`${d.date}|${d.kind}|${d.verdict}|${d.reviewer}|${d.rationale}`} decision={d} />
                      ))}
                    </span>
                  )}
                </li>
              );
            })}
        </ol>
      </section>
    </div>
  );
}
