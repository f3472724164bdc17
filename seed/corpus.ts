/**
 * Loading one story of the evaluation corpus (tests/corpus/<story>/: articles/, annotations.ts,
 * gold.json) as an investigation, the way an analyst would record it: articles imported, the
 * investigation's zone set, entities and claims recorded through the data layer (detection runs
 * as claims are saved). Used by `npm run eval:detection` and by `crosscheck load-corpus`, which
 * puts a story in the app to look at.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AuditContext } from "@/lib/server/audit.ts";
import { importPaths } from "@/lib/server/file-import.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import type { DemoClaim, DemoEntity } from "@/seed/annotations.ts";
import { loadAnnotations } from "@/seed/demo.ts";

export type CorpusAnnotations = {
  ENTITIES: DemoEntity[];
  CLAIMS: Record<string, DemoClaim[]>;
  /** The zone the analyst set on the investigation, for "local time". */
  TIME_ZONE?: string;
};

export async function loadCorpusStory(ctx: AuditContext, dir: string, options: { slug?: string; title?: string } = {}) {
  const annotations = (await import(pathToFileURL(path.join(dir, "annotations.ts")).href)) as CorpusAnnotations;
  const story = path.basename(dir);
  const investigation = await createInvestigation(ctx, {
    title: options.title ?? story,
    slug: options.slug,
    timeZone: annotations.TIME_ZONE ?? "UTC",
  });
  const imported = await importPaths(ctx, investigation.id, [path.join(dir, "articles")]);
  const failed = imported.filter((o) => o.status === "failed");
  if (failed.length) throw new Error(`${story}: ${failed.map((f) => (f.status === "failed" ? f.error : "")).join("; ")}`);
  const loaded = await loadAnnotations(ctx, investigation.id, annotations.ENTITIES, annotations.CLAIMS);
  return { investigation, annotations, articles: imported.length, ...loaded };
}
