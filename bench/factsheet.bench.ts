import { bench, describe } from "vitest";
import { detectAll, type DetectionClaim } from "@/lib/domain/conflicts.ts";
import { buildFactSheet, type FactSheetInput, type SheetClaim } from "@/lib/domain/factsheet.ts";
import { renderFactSheet } from "@/lib/domain/factsheet-formats.ts";
import { parseValue } from "@/lib/domain/values.ts";

// A large investigation: 200 articles, 1,000 entities, 20,000 claims over 5 attributes, with an
// open conflict on every tenth subject + attribute group.
const ARTICLES = 200;
const ENTITIES = 1000;
const CLAIMS = 20_000;
const values = ["$18.4 billion", "$183 billion", "$61.5 billion", "about $20 billion", "$100 million"].map((t) => {
  const parsed = parseValue(t, "money");
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
});
const claims: SheetClaim[] = Array.from({ length: CLAIMS }, (_, i) => ({
  id: `c${i}`,
  articleId: `a${i % ARTICLES}`,
  subjectId: `e${i % ENTITIES}`,
  subjectText: `Entity ${i % ENTITIES}`,
  attribute: `attr${i % 5}`,
  attributeLabel: `Attribute ${i % 5}`,
  valueKind: "money",
  valueText: values[i % values.length]!.text,
  value: values[(i * 7) % values.length]!,
  asOfText: null,
  asOfStart: null,
  status: "active",
  statusReason: null,
  quote: `quote ${i}`,
  prefix: "",
  suffix: "",
  start: i,
  end: i + 8,
}));
const groups = new Map<string, string[]>();
for (const c of claims) groups.set(`${c.subjectId}:${c.attribute}`, [...(groups.get(`${c.subjectId}:${c.attribute}`) ?? []), c.id]);
const input: FactSheetInput = {
  investigation: { slug: "big", title: "A large investigation", description: "", createdAt: "2025-12-01T00:00:00.000Z" },
  lastChange: "2026-01-01T00:00:00.000Z",
  articles: Array.from({ length: ARTICLES }, (_, i) => ({
    id: `a${i}`,
    title: `Article ${i}`,
    outlet: "Wire",
    author: null,
    url: null,
    publishedText: null,
    publishedOn: null,
    contentHash: `${i}`.padStart(64, "0"),
  })),
  entities: Array.from({ length: ENTITIES }, (_, i) => ({ id: `e${i}`, name: `Entity ${i}`, kind: "organization", aliases: [] })),
  claims,
  conflicts: [...groups.entries()]
    .filter((_, i) => i % 10 === 0)
    .map(([key, ids]) => ({
      id: key,
      kind: "value",
      status: "open",
      summary: "The values cannot both be true.",
      claimIds: ids,
      entityIds: [key.split(":")[0]!],
      resolution: null,
    })),
};
const sheet = buildFactSheet(input);
const detection: DetectionClaim[] = claims.map((c) => ({
  id: c.id,
  articleId: c.articleId,
  subjectId: c.subjectId,
  attribute: c.attribute,
  status: c.status,
  value: c.value,
  asOf: null,
}));

describe(`fact sheet of ${CLAIMS.toLocaleString("en")} claims`, () => {
  bench("build", () => {
    buildFactSheet(input);
  });
  bench("render Markdown", () => {
    renderFactSheet(sheet, "md");
  });
  bench("render CSV", () => {
    renderFactSheet(sheet, "csv");
  });
  bench("render JSON-LD", () => {
    renderFactSheet(sheet, "jsonld");
  });
});

describe(`conflict detection from scratch over ${CLAIMS.toLocaleString("en")} claims`, () => {
  bench("detectAll", () => {
    detectAll(detection, input.entities);
  });
});
