import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { textPositionSelectorMatcher, textQuoteSelectorMatcher } from "@apache-annotator/selector";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { afterAll, describe, expect, test } from "vitest";
import { buildFactSheet, citationsOf, type FactSheetInput } from "@/lib/domain/factsheet.ts";
import { FACTSHEET_FORMATS, factSheetStream, renderFactSheet } from "@/lib/domain/factsheet-formats.ts";
import { factSheetJsonSchema, factSheetSchema } from "@/lib/domain/factsheet-schema.ts";
import { restoreBackup, writeBackup } from "@/lib/server/backup.ts";
import { db } from "@/lib/server/database.ts";
import { changeMark, currentFactSheet, factSheetOf, loadFactSheetInput } from "@/lib/server/factsheet.ts";
import { seedDemo } from "@/seed/demo.ts";
import { SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";
import { annotationCollectionSchema, isIri } from "@/tests/support/web-annotation-schema.ts";

setupTestDatabase();
const dir = mkdtempSync(path.join(tmpdir(), "crosscheck-factsheet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The demo story's fact sheet, byte for byte, in every format. The golden files were read by eye
 * once; regenerate them after a deliberate change with UPDATE_GOLDEN=1 and read the diff.
 * The seed's run time is the only thing that differs between runs: the sheet's time stamp, the
 * investigation's creation time and the seed's decision date are pinned.
 */
async function demoInput(): Promise<FactSheetInput> {
  await seedDemo();
  const { id } = await db().investigation.findUniqueOrThrow({ where: { slug: "anthropic-pentagon" } });
  const input = (await loadFactSheetInput(id))!;
  return {
    ...input,
    investigation: { ...input.investigation, createdAt: "2026-02-01T09:00:00.000Z" },
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

  test.each(FACTSHEET_FORMATS)("%s, streamed indented (as ?pretty=1 asks for JSON), is its golden file byte for byte", async (format) => {
    const stream = factSheetStream(buildFactSheet(await demoInput()), format, { pretty: true });
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());
    expect(bytes.equals(readFileSync(`tests/golden/demo-factsheet.${format}`))).toBe(true);
  });

  test("compact JSON and JSON-LD (what the API sends unless asked) hold what the indented files hold, on one line", async () => {
    const sheet = buildFactSheet(await demoInput());
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync("docs/factsheet.schema.json", "utf8")));
    for (const format of ["json", "jsonld"] as const) {
      const compact = await new Response(factSheetStream(sheet, format, { pretty: false })).text();
      expect(compact.indexOf("\n")).toBe(compact.length - 1);
      expect(compact.length).toBeLessThan(readFileSync(`tests/golden/demo-factsheet.${format}`, "utf8").length);
      const parsed = JSON.parse(compact);
      expect(parsed).toEqual(JSON.parse(readFileSync(`tests/golden/demo-factsheet.${format}`, "utf8")));
      if (format === "json") expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  test("the JSON passes its zod schema and the JSON Schema in docs/, which is generated from it", async () => {
    const json = JSON.parse(renderFactSheet(buildFactSheet(await demoInput()), "json"));
    expect(factSheetSchema.safeParse(json).error).toBeUndefined();
    const documented = JSON.parse(readFileSync("docs/factsheet.schema.json", "utf8"));
    expect(documented).toEqual(JSON.parse(JSON.stringify(factSheetJsonSchema())));
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(documented);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    // And it refuses what is not a fact sheet.
    expect(validate({ ...json, facts: [{ ...json.facts[0], status: "probably" }] })).toBe(false);
  });

  test("says how sure the team is about the demo's facts", async () => {
    const sheet = buildFactSheet(await demoInput());
    const fact = (entity: string, attribute: string) => sheet.facts.filter((f) => f.entity === entity && f.attribute === attribute);
    expect(fact("Anthropic", "Valuation")[0]).toMatchObject({ status: "contested" });
    expect(
      fact("Anthropic", "Valuation")[0]!
        .competing.map((v) => v.value)
        .sort(),
    ).toEqual(["$18.4 billion", "$183 billion"]);
    expect(fact("Anthropic", "CEO")[0]).toMatchObject({ status: "confirmed", value: "Dario Amodei" });
    expect(fact("Anthropic", "CEO")[0]!.citations.map((c) => c.quote)).toEqual([
      "Anthropic CEO Dario Amodei",
      "Anthropic CEO Dario Amodei",
    ]);
    // "the Pentagon" and "U.S. Department of Defense" name one entity: the sources agree.
    expect(fact("Michael", "Employer")).toEqual([expect.objectContaining({ status: "confirmed", value: "Department of Defense" })]);
    const launch = fact("Agent Skills", "Launch date")[0]!;
    expect(launch).toMatchObject({
      status: "resolved",
      value: "December 2025",
      resolution: { kind: "accept_claim", reviewer: "Rafael Reviewer" },
    });
    expect(launch.rejected).toEqual([expect.objectContaining({ value: "late 2024", status: "superseded" })]);
    // Emil Michael's two role descriptions and the two lists of models mentioned are not disagreements (several hold at once).
    expect(sheet.conflicts.map((c) => c.kind).sort()).toEqual(["misattribution", "naming", "scale", "set", "value"]);
  });
});

describe(`the fact sheet's data on ${testEngine}`, () => {
  test("claims are read as their columns hold them, and those that say the same share one value", async () => {
    await seedDemo();
    const { id } = await db().investigation.findUniqueOrThrow({ where: { slug: "anthropic-pentagon" } });
    const input = (await loadFactSheetInput(id))!;
    const stored = await db().claim.findMany({ where: { investigationId: id } });
    const byId = new Map(input.claims.map((c) => [c.id, c]));
    expect(stored.length).toBe(input.claims.length);
    // The driver's columns say what Prisma's fields say (the demo reads its dates in UTC).
    for (const c of stored) {
      expect(byId.get(c.id)).toEqual({
        id: c.id,
        articleId: c.articleId,
        subjectId: c.subjectId,
        subjectText: c.subjectText,
        attribute: c.attribute,
        attributeLabel: c.attributeLabel,
        valueText: c.valueText,
        value: c.valueNorm,
        asOfText: c.asOfText,
        asOfStart: c.asOfStart?.toISOString().slice(0, 10) ?? null,
        asOfEnd: c.asOfEnd?.toISOString().slice(0, 10) ?? null,
        status: c.status,
        statusReason: c.statusReason,
        quote: c.quoteExact,
        prefix: c.quotePrefix,
        suffix: c.quoteSuffix,
        start: c.positionStart,
        end: c.positionEnd,
      });
    }
    expect(input.claims.some((c) => c.asOfStart)).toBe(true);
    // Far from UTC, the days are those of the investigation's zone.
    const timeZone = "Pacific/Kiritimati";
    await db().investigation.update({ where: { id }, data: { timeZone } });
    const local = new Map((await loadFactSheetInput(id))!.claims.map((c) => [c.id, c]));
    const dayIn = (date: Date | null) => date && new Intl.DateTimeFormat("en-CA", { timeZone }).format(date);
    for (const c of stored) expect([local.get(c.id)!.asOfStart, local.get(c.id)!.asOfEnd]).toEqual([dayIn(c.asOfStart), dayIn(c.asOfEnd)]);
    // So are the days conflicts were decided on (at noon UTC: the next day there).
    await db().resolution.updateMany({
      where: { conflict: { investigationId: id } },
      data: { createdAt: new Date("2026-03-01T12:00:00Z") },
    });
    const decisions = await db().resolution.findMany({ where: { conflict: { investigationId: id }, withdrawnAt: null } });
    expect(decisions.length).toBeGreaterThan(0);
    const sheet = (await loadFactSheetInput(id))!;
    for (const r of decisions) {
      expect(sheet.conflicts.find((c) => c.id === r.conflictId)?.resolution?.decidedOn).toBe(dayIn(r.createdAt));
    }
    const objects = new Map<string, Set<unknown>>();
    for (const c of input.claims) {
      const key = JSON.stringify(c.value);
      objects.set(key, (objects.get(key) ?? new Set()).add(c.value));
    }
    expect([...objects.values()].every((set) => set.size === 1)).toBe(true);
    expect(objects.size).toBeLessThan(input.claims.length);
  });
});

describe(`the demo story's JSON-LD on ${testEngine}`, () => {
  test("keeps its identifiers when a backup is restored under a new slug", async () => {
    await seedDemo();
    const { id } = await db().investigation.findUniqueOrThrow({ where: { slug: "anthropic-pentagon" } });
    const file = path.join(dir, "demo.json");
    await writeBackup(id, file);
    const copy = await restoreBackup(SYSTEM, file, { slug: "anthropic-pentagon-copy" });
    const ids = async (investigationId: string) => {
      const text = renderFactSheet((await factSheetOf(investigationId))!, "jsonld");
      return [...text.matchAll(/"(?:@id|id)": "([^"]+)"/g)].map((m) => m[1]);
    };
    const before = await ids(id);
    expect(before.length).toBeGreaterThan(40);
    expect(await ids(copy.investigationId)).toEqual(before);
  });

  test("every Web Annotation selector resolves to its quote in the article's text (Apache Annotator)", async () => {
    await seedDemo();
    const { id } = await db().investigation.findUniqueOrThrow({ where: { slug: "anthropic-pentagon" } });
    expect(await resolveEverySelector(id)).toBe(40);
  });

  test("so do the selectors of an article with emoji, a mathematical letter and a ZWJ sequence before its claims, and they pass the W3C schema", async () => {
    const text = `🎉🎉 Launch day 𝔸. ${"An earlier paragraph 🎈 👩‍💻 about something else. ".repeat(4)}Anthropic, valued at $18.4 billion, keeps growing.`;
    const story = await makeStory([text]);
    const anthropic = await story.entity("Anthropic");
    await story.claim(0, "$18.4 billion", { subjectId: anthropic.id });
    await story.claim(0, "Anthropic", { subjectId: anthropic.id, attribute: "Name", valueKind: "text", valueText: "Anthropic" });
    expect(await resolveEverySelector(story.inv.id)).toBe(2);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat("iri", (s: string) => isIri(s, fullFormats.uri as (s: string) => boolean));
    const collection = JSON.parse(renderFactSheet((await factSheetOf(story.inv.id))!, "jsonld"))["@graph"].at(-1);
    const valid = ajv.compile(annotationCollectionSchema);
    expect(valid(collection), JSON.stringify(valid.errors)).toBe(true);
  });
});

/** Resolves the JSON-LD export's selectors over the stored article texts; returns how many annotations there were. */
async function resolveEverySelector(investigationId: string): Promise<number> {
  const sheet = (await factSheetOf(investigationId))!;
  const bodies = new Map(
    (await db().article.findMany({ where: { investigationId }, select: { contentHash: true, body: true } })).map((a) => [
      a.contentHash,
      a.body,
    ]),
  );
  const textOf = new Map(sheet.sources.map((s) => [s.n, bodies.get(s.sha256)!]));
  const sourceOf = new Map(citationsOf(sheet).map((c) => [c.id, c.source]));
  const items = JSON.parse(renderFactSheet(sheet, "jsonld"))["@graph"].at(-1).first.items;
  for (const item of items) {
    const text = textOf.get(sourceOf.get(item.id.split(":claim:")[1])!)!;
    const [quote, position] = item.target.selector;
    // One chunk: the whole text, as a consumer holding the article's text would pass it.
    const chunker = () => {
      const chunk = { data: text };
      return { currentChunk: chunk, nextChunk: () => null, previousChunk: () => null, precedesCurrentChunk: () => false };
    };
    const at = (await textPositionSelectorMatcher(position)(chunker()).next()).value!;
    expect(text.slice(at.startIndex, at.endIndex), item.id).toBe(quote.exact);
    const found = [];
    for await (const m of textQuoteSelectorMatcher(quote)(chunker())) found.push(text.slice(m.startIndex, m.endIndex));
    expect(found, item.id).toEqual([quote.exact]);
  }
  return items.length;
}

describe(`the fact sheet people read, kept built between changes, on ${testEngine}`, () => {
  test("an unchanged investigation's sheet is built once; any audited change gives a new one at once", async () => {
    const story = await makeStory(["Acme was valued at $18.4 billion in March.", "Acme was valued at $183 billion in March."]);
    const acme = await story.entity("Acme");
    await story.claim(0, "$18.4 billion", { subjectId: acme.id });
    const first = await currentFactSheet(story.inv.id);
    const again = await currentFactSheet(story.inv.id);
    expect(again.sheet).toBe(first.sheet); // the same object: not read or built again
    expect(again.mark).toBe(first.mark);
    expect(first.sheet!.facts.map((f) => f.value)).toEqual(["$18.4 billion"]);

    await story.claim(1, "$183 billion", { subjectId: acme.id });
    const changed = await currentFactSheet(story.inv.id);
    expect(changed.mark).not.toBe(first.mark);
    expect(changed.sheet!.facts[0]!.competing.map((v) => v.value).sort()).toEqual(["$18.4 billion", "$183 billion"]);
    expect(changed.sheet).toEqual(await factSheetOf(story.inv.id)); // what a fresh build gives
  });

  test("concurrent requests share one build, and a late-committed event still changes the mark", async () => {
    const story = await makeStory(["Acme was valued at $18.4 billion in March."]);
    const acme = await story.entity("Acme");
    await story.claim(0, "$18.4 billion", { subjectId: acme.id });
    const [a, b] = await Promise.all([currentFactSheet(story.inv.id), currentFactSheet(story.inv.id)]);
    expect(a.sheet).toBe(b.sheet);
    // An event whose id is lower than the last one seen (a transaction that took its id earlier
    // and committed later) still counts as a change.
    const before = await changeMark(story.inv.id);
    const lowest = await db().auditEvent.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
    await db().auditEvent.create({
      data: { id: lowest.id - 1n, investigationId: story.inv.id, action: "test.late", objectType: "Test", objectId: "late" },
    });
    const after = await currentFactSheet(story.inv.id);
    expect(after.mark).not.toBe(before);
    expect(after.sheet).not.toBe(a.sheet);
  });

  test("other investigations' sheets are kept apart", async () => {
    const one = await makeStory(["Acme was valued at $18.4 billion in March."]);
    const two = await makeStory(["Beta was valued at $2 billion in May."]);
    await one.claim(0, "$18.4 billion", { subjectId: (await one.entity("Acme")).id });
    await two.claim(0, "$2 billion", { subjectId: (await two.entity("Beta")).id });
    const [a, b] = await Promise.all([currentFactSheet(one.inv.id), currentFactSheet(two.inv.id)]);
    expect(a.sheet!.facts.map((f) => f.entity)).toEqual(["Acme"]);
    expect(b.sheet!.facts.map((f) => f.entity)).toEqual(["Beta"]);
  });
});
