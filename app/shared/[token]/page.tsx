import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FactSheetPage, type SearchParams } from "@/components/factsheet/fact-sheet-page.tsx";
import { SharedFrame } from "@/components/shared-frame.tsx";
import { currentFactSheet } from "@/lib/server/factsheet.ts";
import { resolveShareToken } from "@/lib/server/share-links.ts";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> };

/** Checked on every request (a revoked link closes at once), once per request however many parts ask. */
const shared = cache((token: string) => resolveShareToken(token));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const investigation = await shared((await params).token);
  return {
    title: investigation ? `Fact sheet: ${investigation.title}` : "Not found",
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/**
 * /shared/<token>: the fact sheet of the investigation a live read-only link opens, for anyone
 * holding it, with its downloads, and nothing else of the app. Anything else is a plain 404.
 */
export default async function SharedFactSheetPage({ params, searchParams }: Props) {
  const { token } = await params;
  const investigation = await shared(token);
  const sheet = investigation && (await currentFactSheet(investigation.id)).sheet;
  if (!investigation || !sheet) notFound();
  return (
    <SharedFrame sharedBy={investigation.title}>
      <FactSheetPage sheet={sheet} query={await searchParams} downloads={`/shared/${token}/download`} />
    </SharedFrame>
  );
}
