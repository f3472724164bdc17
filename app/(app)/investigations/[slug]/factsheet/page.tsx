import type { Metadata } from "next";
import { FactSheetPage as FactSheetBody, type SearchParams } from "@/components/factsheet/fact-sheet-page.tsx";
import { SharePanel } from "@/components/factsheet/share-panel.tsx";
import { articleIdsByHash } from "@/lib/server/articles.ts";
import { currentFactSheet } from "@/lib/server/factsheet.ts";
import { listShareLinks } from "@/lib/server/share-links.ts";
import { investigationPage } from "@/lib/web/page-context.ts";

export const metadata: Metadata = { title: "Fact sheet" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export default async function FactSheetPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const { investigation } = await investigationPage(slug, `/investigations/${slug}/factsheet`);
  const isLead = investigation.role === "lead";
  const [sheet, articleIds, links] = await Promise.all([
    currentFactSheet(investigation.id).then((c) => c.sheet!),
    articleIdsByHash(investigation.id),
    isLead ? listShareLinks(investigation.id) : [],
  ]);
  // Where to set a date for the sources that have none: their article's page (sources name articles by their text's hash).
  const undated = new Map(
    sheet.sources.filter((s) => !s.published).map((s) => [s.n, `/investigations/${slug}/articles/${articleIds.get(s.sha256) ?? ""}`]),
  );
  return (
    <FactSheetBody sheet={sheet} query={query} downloads={`/api/investigations/${slug}/factsheet`} undated={undated}>
      {isLead && (
        <SharePanel
          investigationId={investigation.id}
          links={links.map((l) => ({ ...l, createdAt: l.createdAt.toISOString(), expiresAt: l.expiresAt?.toISOString() ?? null }))}
        />
      )}
    </FactSheetBody>
  );
}
