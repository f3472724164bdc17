/**
 * The fact sheet's JSON, as a zod schema: `crosscheck.factsheet/v1`. The JSON Schema in
 * docs/factsheet.schema.json is generated from it (`npm run factsheet:schema`), and a test keeps
 * the two in step and checks the demo story's export against both.
 *
 * JSON Schema says what each field holds, and that a resolved fact carries its decision; it cannot
 * say that a number one part of the sheet uses exists in another (a citation, a source, an open
 * conflict). Those cross-references are a second step, `factSheetProblems`, which the zod schema
 * runs too; the JSON Schema's description says so to readers who only have that.
 */
import { CLAIM_STATUSES } from "@/lib/domain/claims.ts";
import { KIND_LABELS } from "@/lib/domain/conflict-labels.ts";
import type { ConflictKind } from "@/lib/domain/conflicts.ts";
import { z } from "zod";
import { ENTITY_KINDS } from "@/lib/domain/claims.ts";
import { FACTSHEET_SCHEMA, VERDICTS } from "@/lib/domain/factsheet.ts";
import { RESOLUTION_KINDS } from "@/lib/domain/inputs.ts";

// Every kind detection or a person can open, as the screens name them.
const conflictKinds = Object.keys(KIND_LABELS) as [ConflictKind, ...ConflictKind[]];
const day = z.iso.date().describe("A calendar date, YYYY-MM-DD.");
const count = z.number().int().positive();

const decision = z
  .object({
    verdict: z
      .enum(VERDICTS)
      .describe(
        "What the decision says of this claim: accepted; rejected or superseded (set aside, the latter by the article's own correction); reconciled (a reviewer's value replaces it); both_valid (each at its own date); not_contradicted (found not to disagree).",
      ),
    kind: z.enum(RESOLUTION_KINDS).describe("How the conflict was settled."),
    rationale: z.string().describe("Why, in the reviewer's words."),
    reviewer: z.string().describe("Who decided."),
    date: day,
    value: z.string().nullable().describe("Reconciled: the value the reviewer recorded."),
  })
  .strict();

const citation = z
  .object({
    n: count.describe("The citation's number, in order of first appearance."),
    id: z
      .string()
      .regex(/^[0-9a-f]{12}-\d+-\d+(-\d+)?$/)
      .describe(
        "The claim's stable name: 12 hex digits of its article's SHA-256, then the quote's start and end; the same after a backup is restored under another slug.",
      ),
    source: count.describe("The number of the source (see `sources`)."),
    quote: z.string().describe("The exact words of the source."),
    prefix: z.string().describe("Up to 32 characters before the quote (W3C TextQuoteSelector)."),
    suffix: z.string().describe("Up to 32 characters after the quote."),
    start: z
      .number()
      .int()
      .nonnegative()
      .describe("Where the quote starts in the article's text, in Unicode code points (W3C TextPositionSelector)."),
    end: z.number().int().nonnegative().describe("Where it ends (exclusive), in Unicode code points."),
    as: z.string().nullable().describe("The subject as the source names it, when that differs from the entity's name."),
    decisions: z.array(decision).describe("Every reviewer's decision on this claim, newest first."),
  })
  .strict();

const asOfRange = z
  .object({ start: day, end: day })
  .strict()
  .nullable()
  .describe(
    "The days `asOf` covers, first and last; null without an as-of, or when it could not be placed in time (a relative date such as “this week” in an article with no publication date).",
  );

const value = z
  .object({
    value: z.string().describe("The value as a source writes it."),
    reading: z.string().describe("How Crosscheck reads it (interval, unit, precision)."),
    asOf: z.string().nullable(),
    asOfRange,
    citations: z.array(citation).min(1),
  })
  .strict();

const resolution = z.object({ kind: z.enum(RESOLUTION_KINDS), rationale: z.string(), reviewer: z.string(), date: day }).strict();

const factFields = {
  n: count,
  entity: z.string(),
  attribute: z.string(),
  reading: z.string().nullable(),
  asOf: z.string().nullable(),
  asOfRange,
  citations: z.array(citation),
  competing: z.array(value).describe("Contested facts: every value the sources give."),
  conflicts: z.array(count).describe("Contested facts: the open conflicts (see `conflicts`, each with the question it asks)."),
  rejected: z
    .array(value.extend({ status: z.enum(CLAIM_STATUSES), reason: z.string().nullable() }).strict())
    .describe("Values a reviewer set aside, with the reason; who decided is in their citations' `decisions`."),
};

/** One shape per status: a resolved fact always carries its decision, a contested one its competing values. */
const fact = z.discriminatedUnion("status", [
  z
    .object({
      ...factFields,
      status: z
        .literal("contested")
        .describe(
          "An open conflict: see `competing` and `conflicts`. When the sources give one value (the question is about something else, such as whose figure it is), `value` and `citations` hold it.",
        ),
      value: z.string().nullable(),
      competing: factFields.competing.min(1),
      conflicts: factFields.conflicts.min(1),
      resolution: resolution.nullable().describe("The latest decision on this fact, while another question about it is still open."),
    })
    .strict(),
  z
    .object({
      ...factFields,
      status: z.literal("resolved").describe("Settled by a reviewer: see `resolution`."),
      value: z.string(),
      resolution: resolution.describe("The decision."),
    })
    .strict(),
  z
    .object({
      ...factFields,
      status: z.enum(["confirmed", "single_source"]).describe("confirmed: two or more sources agree; single_source: one source gives it."),
      value: z.string(),
      resolution: z.null(),
    })
    .strict(),
]);

type SheetShape = {
  facts: { n: number; conflicts: number[]; citations: Cited[]; competing: { citations: Cited[] }[]; rejected: { citations: Cited[] }[] }[];
  timelines: { points: { citations: number[] }[] }[];
  conflicts: { n: number; values: { citations: Cited[] }[] }[];
  sources: { n: number }[];
};
type Cited = { n: number; id: string; source: number };

/**
 * What JSON Schema cannot check: every number points at something that exists. Facts, open
 * conflicts, sources and citations are numbered 1, 2, 3…; a citation number means one claim
 * wherever it appears; timelines cite numbers that are cited; citations name sources that exist;
 * contested facts name open conflicts that exist.
 */
export function factSheetProblems(sheet: SheetShape): string[] {
  const problems: string[] = [];
  const numbered = (what: string, list: { n: number }[]) =>
    list.forEach((x, i) => x.n !== i + 1 && problems.push(`${what} ${i + 1} is numbered ${x.n}: they are numbered 1, 2, 3… in order.`));
  numbered("Fact", sheet.facts);
  numbered("Open conflict", sheet.conflicts);
  numbered("Source", sheet.sources);
  const sources = new Set(sheet.sources.map((s) => s.n));
  const cited = new Map<number, string>();
  const cite = (c: Cited, where: string) => {
    if (!sources.has(c.source)) problems.push(`Citation ${c.n} (${where}) names source ${c.source}, which does not exist.`);
    const seen = cited.get(c.n);
    if (seen !== undefined && seen !== c.id) problems.push(`Citation ${c.n} names two claims (${seen} and ${c.id}).`);
    cited.set(c.n, c.id);
  };
  const openConflicts = new Set(sheet.conflicts.map((c) => c.n));
  for (const f of sheet.facts) {
    const where = `fact ${f.n}`;
    f.citations.forEach((c) => cite(c, where));
    f.competing.forEach((v) => v.citations.forEach((c) => cite(c, where)));
    f.rejected.forEach((v) => v.citations.forEach((c) => cite(c, where)));
    for (const n of f.conflicts) if (!openConflicts.has(n)) problems.push(`Fact ${f.n} names open conflict ${n}, which does not exist.`);
  }
  sheet.conflicts.forEach((k) => k.values.forEach((v) => v.citations.forEach((c) => cite(c, `open conflict ${k.n}`))));
  const numbers = [...cited.keys()].sort((a, b) => a - b);
  numbers.forEach(
    (n, i) => n !== i + 1 && problems.push(`Citation ${i + 1} is missing: citations are numbered 1, 2, 3… as they first appear.`),
  );
  sheet.timelines.forEach((t, i) =>
    t.points.forEach((p) =>
      p.citations.forEach((n) => !cited.has(n) && problems.push(`Timeline ${i + 1} cites ${n}, a citation that does not exist.`)),
    ),
  );
  return [...new Set(problems)];
}

const sheetObject = z
  .object({
    schema: z.literal(FACTSHEET_SCHEMA),
    investigation: z
      .object({
        slug: z.string(),
        title: z.string(),
        description: z.string(),
        createdAt: z.iso.datetime().describe("When the investigation was created (ISO 8601); kept by backup and restore."),
      })
      .strict(),
    generatedAt: z.iso.datetime().describe("The investigation's last change (ISO 8601), not the time of export."),
    entities: z.array(z.object({ name: z.string(), kind: z.enum(ENTITY_KINDS), aliases: z.array(z.string()) }).strict()),
    facts: z.array(fact),
    timelines: z.array(
      z
        .object({
          entity: z.string(),
          attribute: z.string(),
          points: z.array(
            z
              .object({
                date: day,
                value: z.string(),
                citations: z.array(count).describe("Citation numbers (see the citations of `facts`)."),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    conflicts: z.array(
      z
        .object({
          n: count,
          kind: z.enum(conflictKinds),
          question: z.string().describe("What the conflict asks, in words, to follow “open conflict n”."),
          summary: z.string(),
          entities: z.array(z.string()),
          values: z.array(value),
        })
        .strict(),
    ),
    sources: z.array(
      z
        .object({
          n: count,
          title: z.string(),
          outlet: z.string().nullable(),
          author: z.string().nullable(),
          published: day.nullable().describe("The publication date, when it was understood."),
          publishedText: z.string().nullable().describe("The publication date as the article's header gives it."),
          url: z.string().nullable(),
          sha256: z
            .string()
            .regex(/^[0-9a-f]{64}$/)
            .describe("SHA-256 (hex) of the article's text (NFC), which citation positions count in."),
        })
        .strict(),
    ),
  })
  .strict()
  .describe(
    "Beyond this schema, a valid sheet's numbers point at things that exist: facts, open conflicts, sources and citations are numbered 1, 2, 3…; " +
      "a citation number means one claim wherever it appears; timeline points cite citations the sheet has; citations name sources that exist; " +
      "contested facts name open conflicts that exist. Crosscheck checks these with its zod schema (lib/domain/factsheet-schema.ts, factSheetProblems).",
  );

export const factSheetSchema = sheetObject.superRefine((sheet, ctx) => {
  for (const message of factSheetProblems(sheet)) ctx.addIssue({ code: "custom", message });
});

/** The JSON Schema document for docs/ (draft 2020-12). */
export function factSheetJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://crosscheck.example/schemas/factsheet-v1.json",
    title: "Crosscheck fact sheet (crosscheck.factsheet/v1)",
    ...z.toJSONSchema(sheetObject),
  };
}
