/**
 * The fact sheet's JSON, as a zod schema: `crosscheck.factsheet/v1`. The JSON Schema in
 * docs/factsheet.schema.json is generated from it (`npm run factsheet:schema`), and a test keeps
 * the two in step and checks the demo story's export against both.
 */
import { z } from "zod";
import { ENTITY_KINDS } from "@/lib/domain/claims.ts";
import { FACTSHEET_SCHEMA } from "@/lib/domain/factsheet.ts";
import { RESOLUTION_KINDS } from "@/lib/domain/inputs.ts";

const conflictKinds = ["value", "scale", "temporal", "set", "naming", "misattribution", "correction", "manual"] as const;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("A calendar date, YYYY-MM-DD.");

const citation = z
  .object({
    n: z.number().int().positive().describe("The citation's number, in order of first appearance."),
    source: z.number().int().positive().describe("The number of the source (see `sources`)."),
    quote: z.string().describe("The exact words of the source."),
    prefix: z.string().describe("Up to 32 characters before the quote (W3C TextQuoteSelector)."),
    suffix: z.string().describe("Up to 32 characters after the quote."),
    start: z.number().int().nonnegative().describe("Where the quote starts in the article's text, in UTF-16 code units."),
    end: z.number().int().nonnegative().describe("Where it ends (exclusive)."),
    as: z.string().nullable().describe("The subject as the source names it, when that differs from the entity's name."),
  })
  .strict();

const value = z
  .object({
    value: z.string().describe("The value as a source writes it."),
    reading: z.string().describe("How Crosscheck reads it (interval, unit, precision)."),
    asOf: z.string().nullable(),
    citations: z.array(citation).min(1),
  })
  .strict();

export const factSheetSchema = z
  .object({
    schema: z.literal(FACTSHEET_SCHEMA),
    investigation: z.object({ slug: z.string(), title: z.string(), description: z.string() }).strict(),
    generatedAt: z.string().describe("The investigation's last change (ISO 8601), not the time of export."),
    entities: z.array(z.object({ name: z.string(), kind: z.enum(ENTITY_KINDS), aliases: z.array(z.string()) }).strict()),
    facts: z.array(
      z
        .object({
          n: z.number().int().positive(),
          entity: z.string(),
          attribute: z.string(),
          value: z.string().nullable().describe("Null when contested: see `competing`."),
          reading: z.string().nullable(),
          asOf: z.string().nullable(),
          status: z
            .enum(["confirmed", "single_source", "resolved", "contested"])
            .describe("confirmed: two or more sources agree; single_source; resolved: settled by a reviewer; contested: an open conflict."),
          citations: z.array(citation),
          competing: z.array(value).describe("Contested facts: every value the sources give."),
          conflicts: z.array(z.number().int().positive()).describe("Contested facts: the open conflicts (see `conflicts`)."),
          resolution: z
            .object({ kind: z.enum(RESOLUTION_KINDS), rationale: z.string(), reviewer: z.string(), date: day })
            .strict()
            .nullable(),
          rejected: z
            .array(value.extend({ status: z.enum(["active", "rejected", "superseded", "retracted"]), reason: z.string().nullable() }).strict())
            .describe("Values a reviewer set aside, with the reason."),
        })
        .strict(),
    ),
    timelines: z.array(
      z
        .object({
          entity: z.string(),
          attribute: z.string(),
          points: z.array(z.object({ date: day, value: z.string(), citations: z.array(z.number().int().positive()) }).strict()),
        })
        .strict(),
    ),
    conflicts: z.array(
      z
        .object({
          n: z.number().int().positive(),
          kind: z.enum(conflictKinds),
          summary: z.string(),
          entities: z.array(z.string()),
          values: z.array(value),
        })
        .strict(),
    ),
    sources: z.array(
      z
        .object({
          n: z.number().int().positive(),
          title: z.string(),
          outlet: z.string().nullable(),
          author: z.string().nullable(),
          published: z.string().nullable(),
          url: z.string().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

/** The JSON Schema document for docs/ (draft 2020-12). */
export function factSheetJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://crosscheck.example/schemas/factsheet-v1.json",
    title: "Crosscheck fact sheet (crosscheck.factsheet/v1)",
    ...z.toJSONSchema(factSheetSchema),
  };
}
