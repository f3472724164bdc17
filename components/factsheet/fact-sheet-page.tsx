import type { ReactNode } from "react";
import { buttonClass } from "@/components/button.tsx";
import { FactSheetFilters } from "@/components/factsheet/filters.tsx";
import { FactSheetView, type UndatedSources } from "@/components/factsheet/view.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { FACT_STATUSES, type FactSheet, type FactStatus } from "@/lib/domain/factsheet.ts";
import { FACTSHEET_FORMATS, factSheetFileName, FORMAT_INFO, humanMoment } from "@/lib/domain/factsheet-formats.ts";
import { plural } from "@/lib/domain/format.ts";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The fact sheet as a page: its header, the downloads (from `downloads`, which takes
 * `?format=…`), the filters (from the address's query) and the facts. The same for the team's
 * page and for a shared read-only link, which differ only in what surrounds this and in `undated`
 * (links to where a date can be set: the team's page only).
 */
export function FactSheetPage({
  sheet,
  query,
  downloads,
  undated,
  children,
}: {
  sheet: FactSheet;
  query: SearchParams;
  downloads: string;
  undated?: UndatedSources;
  /** Shown between the downloads and the filters (the team's share panel). */
  children?: ReactNode;
}) {
  const entity = typeof query.entity === "string" && sheet.entities.some((e) => e.name === query.entity) ? query.entity : "";
  const status = typeof query.status === "string" && FACT_STATUSES.includes(query.status as FactStatus) ? (query.status as FactStatus) : "";
  const facts = sheet.facts.filter((f) => (!entity || f.entity === entity) && (!status || f.status === status));
  const counts = Object.fromEntries(FACT_STATUSES.map((s) => [s, sheet.facts.filter((f) => f.status === s).length])) as Record<
    FactStatus,
    number
  >;
  return (
    <>
      <PageHeader
        title="Fact sheet"
        description={`Every fact with how sure the team is and the exact words of its sources. ${plural(sheet.facts.length, "fact")} from ${plural(sheet.sources.length, "source")}; as of ${humanMoment(sheet.generatedAt)} (the last change).`}
        actions={
          <a href={`${downloads}?format=html&download=0`} target="_blank" rel="noreferrer" className={buttonClass("secondary")}>
            Printable page
          </a>
        }
      />
      <section
        aria-labelledby="downloads-heading"
        className="mb-6 flex flex-wrap items-center gap-2 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200"
      >
        <h2 id="downloads-heading" className="mr-2 text-sm font-semibold">
          Download
        </h2>
        {FACTSHEET_FORMATS.map((f) => (
          <a
            key={f}
            href={`${downloads}?format=${f}`}
            download={factSheetFileName(sheet, f)}
            className={buttonClass("ghost", "py-1.5 ring-1 ring-inset ring-slate-200")}
          >
            {FORMAT_INFO[f].label} <span className="text-xs text-slate-500">.{FORMAT_INFO[f].ext}</span>
          </a>
        ))}
      </section>
      {children}
      <FactSheetFilters
        key={`${entity}|${status}`}
        entity={entity}
        status={status}
        entities={sheet.entities.map((e) => e.name)}
        counts={counts}
      />
      <FactSheetView sheet={sheet} facts={facts} filtered={Boolean(entity || status)} undated={undated} />
    </>
  );
}
