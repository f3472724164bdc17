import { bench, describe } from "vitest";
import { parseArticleText } from "@/lib/domain/article-import.ts";
import { parseValue } from "@/lib/domain/values.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { db, installDatabase, openDatabase } from "@/lib/server/database.ts";
import { redetect } from "@/lib/server/detection.ts";
import { createEntity } from "@/lib/server/entities.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { listConflicts } from "@/lib/server/conflicts.ts";
import { migrate } from "@/lib/server/migrate.ts";

/**
 * The conflict core through the data layer, on embedded PGlite: detection from scratch (read
 * every claim, detect, plan and write the conflicts) and the queue's first page, over an
 * investigation of 4,000 claims in 400 subject + attribute groups that all disagree.
 */
const GROUPS = 400;
const PER_GROUP = 10;
const SYSTEM = { actorId: null, requestId: "bench" };
const database = openDatabase({ dataDir: "memory://" });
await migrate(database);
installDatabase(database);
const inv = await createInvestigation(SYSTEM, { title: "A busy investigation" });
const articleIds: string[] = [];
for (let a = 0; a < PER_GROUP; a++) {
  const [outcome] = await importParsedArticles(SYSTEM, inv.id, [
    { name: `${a}.txt`, result: parseArticleText(`${a}.txt`, `Title: Outlet ${a}\n\nA report that gives a figure, number ${a}.`) },
  ]);
  if (outcome?.status !== "imported") throw new Error("import failed");
  articleIds.push(outcome.articleId);
}
const subjects: string[] = [];
for (let s = 0; s < GROUPS / 4; s++) subjects.push((await createEntity(SYSTEM, inv.id, { name: `Company ${s}`, kind: "organization" })).id);
const rows = [];
for (let g = 0; g < GROUPS; g++) {
  for (let c = 0; c < PER_GROUP; c++) {
    const valueText = `$${g + 1}.${c} billion`;
    const parsed = parseValue(valueText, "money");
    if (!parsed.ok || parsed.value.kind !== "money") throw new Error(valueText);
    rows.push({
      investigationId: inv.id,
      articleId: articleIds[c]!,
      subjectId: subjects[g % subjects.length]!,
      subjectText: "it",
      attribute: `figure_${Math.floor(g / subjects.length)}`,
      attributeLabel: `Figure ${Math.floor(g / subjects.length)}`,
      valueKind: "money" as const,
      valueText,
      valueNorm: parsed.value,
      valueLow: parsed.value.low,
      valueHigh: parsed.value.high,
      valueUnit: parsed.value.unit,
      valuePoint: parsed.value.point,
      quoteExact: "a figure",
      quotePrefix: "",
      quoteSuffix: "",
      positionStart: 24,
      positionEnd: 32,
    });
  }
}
await db().claim.createMany({ data: rows });
await redetect(SYSTEM, inv.id);

describe(`conflicts over ${GROUPS * PER_GROUP} claims in ${GROUPS} groups`, () => {
  bench(
    "detection from scratch through the data layer (nothing to change)",
    async () => {
      await redetect(SYSTEM, inv.id);
    },
    { iterations: 10 },
  );
  bench(
    "the queue's first page, all statuses",
    async () => {
      await listConflicts(inv.id, { status: "all" });
    },
    { iterations: 10 },
  );
});
