import { existsSync, readFileSync, writeFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { buildFactSheet, type FactSheetInput } from "@/lib/domain/factsheet.ts";
import { FACTSHEET_FORMATS, renderFactSheet } from "@/lib/domain/factsheet-formats.ts";
import { factSheetJsonSchema, factSheetSchema } from "@/lib/domain/factsheet-schema.ts";
import { db } from "@/lib/server/database.ts";
import { loadFactSheetInput } from "@/lib/server/factsheet.ts";
import { seedDemo } from "@/seed/demo.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

/**
 * The demo story's fact sheet, byte for byte, in every format. The golden files were read by eye
 * once; regenerate them after a deliberate change with UPDATE_GOLDEN=1 and read the diff.
 * The seed's run time is the only thing that differs between runs: the sheet's time stamp and the
 * seed's decision date are pinned.
 */
async function demoInput(): Promise<FactSheetInput> {
  await seedDemo();
  const { id } = await db().investigation.findUniqueOrThrow({ where: { slug: "anthropic-pentagon" } });
  const input = (await loadFactSheetInput(id))!;
  return {
    ...input,
    lastChange: "2026-03-01T12:00:00.000Z",
    conflicts: input.conflicts.map((c) => (c.resolution ? { ...c, resolution: { ...c.resolution, decidedOn: "2026-03-01" } } : c)),
  };
}

describe(`the demo story's fact sheet on ${testEngine}`, () => {
  test.each(FACTSHEET_FORMATS)("%s matches its golden file", async (format) => {
    const text = renderFactSheet(buildFactSheet(await demoInput()), format);
    const file = `tests/golden/demo-factsheet.${format}`;
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, "utf8"));
  });

  test("the JSON passes its zod schema and the JSON Schema in docs/, which is generated from it", async () => {
    const json = JSON.parse(renderFactSheet(buildFactSheet(await demoInput()), "json"));
    expect(factSheetSchema.safeParse(json).error).toBeUndefined();
    const documented = JSON.parse(readFileSync("docs/factsheet.schema.json", "utf8"));
    expect(documented).toEqual(JSON.parse(JSON.stringify(factSheetJsonSchema())));
    const validate = new Ajv2020({ allErrors: true }).compile(documented);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    // And it refuses what is not a fact sheet.
    expect(validate({ ...json, facts: [{ ...json.facts[0], status: "probably" }] })).toBe(false);
  });

  test("says how sure the team is about the demo's facts", async () => {
    const sheet = buildFactSheet(await demoInput());
    const fact = (entity: string, attribute: string) => sheet.facts.filter((f) => f.entity === entity && f.attribute === attribute);
    expect(fact("Anthropic", "Valuation")[0]).toMatchObject({ status: "contested" });
    expect(fact("Anthropic", "Valuation")[0]!.competing.map((v) => v.value).sort()).toEqual(["$18.4 billion", "$183 billion"]);
    expect(fact("Anthropic", "CEO")[0]).toMatchObject({ status: "confirmed", value: "Dario Amodei" });
    expect(fact("Anthropic", "CEO")[0]!.citations.map((c) => c.quote)).toEqual(["Anthropic CEO Dario Amodei", "Anthropic CEO Dario Amodei"]);
    // "the Pentagon" and "U.S. Department of Defense" name one entity: the sources agree.
    expect(fact("Michael", "Employer")).toEqual([expect.objectContaining({ status: "confirmed", value: "Department of Defense" })]);
    const launch = fact("Agent Skills", "Launch date")[0]!;
    expect(launch).toMatchObject({ status: "resolved", value: "December 2025", resolution: { kind: "accept_claim", reviewer: "Rafael Reviewer" } });
    expect(launch.rejected).toEqual([expect.objectContaining({ value: "late 2024", status: "superseded" })]);
    expect(sheet.conflicts.map((c) => c.kind).sort()).toEqual(["misattribution", "naming", "scale", "set", "set", "value", "value"]);
  });
});
