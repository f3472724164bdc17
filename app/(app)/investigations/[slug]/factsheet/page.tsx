import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/button.tsx";
import { FactSheetFilters } from "@/components/factsheet/filters.tsx";
import { FactSheetView } from "@/components/factsheet/view.tsx";
import { PageHeader } from "@/components/page-header.tsx";
import { FACT_STATUSES, type FactStatus } from "@/lib/domain/factsheet.ts";
import { FACTSHEET_FORMATS, factSheetFileName, FORMAT_INFO, humanMoment } from "@/lib/domain/factsheet-formats.ts";
import { plural } from "@/lib/domain/format.ts";
import { articleIdsByHash } from "@/lib/server/articles.ts";
import { currentFactSheet } from "@/lib/server/factsheet.ts";
import { investigationPage } from "@/lib/web/page-context.ts";

export const metadata: Metadata = { title: "Fact sheet" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FactSheetPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const { investigation } = await investigationPage(slug, `/investigations/${slug}/factsheet`);
  const [sheet, articleIds] = await Promise.all([
    currentFactSheet(investigation.id).then((c) => c.sheet!),
    articleIdsByHash(investigation.id),
  ]);
  // Where to set a date for the sources that have none: their article's page (sources name articles by their text's hash).
  const undated = new Map(
    sheet.sources.filter((s) => !s.published).map((s) => [s.n, `/investigations/${slug}/articles/${articleIds.get(s.sha256) ?? ""}`]),
  );
  const entity = typeof query.entity === "string" && sheet.entities.some((e) => e.name === query.entity) ? query.entity : "";
  const status = typeof query.status === "string" && FACT_STATUSES.includes(query.status as FactStatus) ? (query.status as FactStatus) : "";
  const facts = sheet.facts.filter((f) => (!entity || f.entity === entity) && (!status || f.status === status));
  const counts = Object.fromEntries(FACT_STATUSES.map((s) => [s, sheet.facts.filter((f) => f.status === s).length])) as Record<
    FactStatus,
    number
  >;
  const api = `/api/investigations/${slug}/factsheet`;
  return (
    <>
      <PageHeader
        title="Fact sheet"
        description={`Every fact with how sure the team is and the exact words of its sources. ${plural(sheet.facts.length, "fact")} from ${plural(sheet.sources.length, "source")}; as of ${humanMoment(sheet.generatedAt)} (the last change).`}
        actions={
          <Link href={`${api}?format=html&download=0`} target="_blank" className={buttonClass("secondary")}>
            Printable page
          </Link>
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
            href={`${api}?format=${f}`}
            download={factSheetFileName(sheet, f)}
            className={buttonClass("ghost", "py-1.5 ring-1 ring-inset ring-slate-200")}
          >
            {FORMAT_INFO[f].label} <span className="text-xs text-slate-500">.{FORMAT_INFO[f].ext}</span>
          </a>
        ))}
      </section>
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
