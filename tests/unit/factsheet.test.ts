import { textPositionSelectorMatcher, textQuoteSelectorMatcher, type Chunk, type Chunker } from "@apache-annotator/selector";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats.js";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";
import { buildFactSheet, citationsOf, type FactSheet, type FactSheetInput, type SheetClaim } from "@/lib/domain/factsheet.ts";
import {
  CHUNK_SIZE,
  CSV_COLUMNS,
  csvCell,
  csvCellText,
  FACTSHEET_FORMATS,
  factSheetStream,
  markdownDocument,
  mdText,
  renderFactSheet,
  toCsv,
} from "@/lib/domain/factsheet-formats.ts";
import { factSheetJsonSchema, factSheetSchema } from "@/lib/domain/factsheet-schema.ts";
import { parseValue, type ValueKind } from "@/lib/domain/values.ts";
import { annotationCollectionSchema, annotationSchema, isIri } from "@/tests/support/web-annotation-schema.ts";

let n = 0;
function claim(
  articleId: string,
  subjectId: string,
  attribute: string,
  text: string,
  over: Partial<SheetClaim> & { kind?: ValueKind } = {},
): SheetClaim {
  const parsed = parseValue(text, over.kind);
  if (!parsed.ok) throw new Error(parsed.error);
  n++;
  return {
    id: `claim-${n}`,
    articleId,
    subjectId,
    subjectText: subjectId,
    attribute: attribute.toLowerCase(),
    attributeLabel: attribute,
    valueText: text,
    value: parsed.value,
    asOfText: null,
    asOfStart: null,
    asOfEnd: null,
    status: "active",
    statusReason: null,
    quote: `… ${text} …`,
    prefix: "",
    suffix: "",
    start: n * 10,
    end: n * 10 + 5,
    ...over,
  };
}

const article = (id: string, title: string, publishedOn: string | null = null) => ({
  id,
  title,
  outlet: "Wire",
  author: null,
  url: null,
  publishedText: publishedOn,
  publishedOn,
  contentHash: id.repeat(64).slice(0, 64),
});

function story(): FactSheetInput {
  const c = {
    ceoA: claim("a", "acme", "CEO", "Ada Smith", { kind: "text" }),
    ceoB: claim("b", "acme", "CEO", "ada smith", { kind: "text" }),
    founded: claim("a", "acme", "Founded", "2021"),
    small: claim("a", "acme", "Valuation", "$18.4 billion", { asOfText: "2024", asOfStart: "2024-01-01", asOfEnd: "2024-12-31" }),
    large: claim("b", "acme", "Valuation", "$183 billion", { asOfText: "September 2025", asOfStart: "2025-09-01", asOfEnd: "2025-09-30" }),
    hqA: claim("a", "acme", "Headquarters", "Paris", { kind: "text" }),
    hqB: claim("b", "acme", "Headquarters", "Lyon", { kind: "text" }),
    hqC: claim("b", "acme", "Headquarters", "Nice", {
      kind: "text",
      status: "rejected",
      statusReason: "Rejected in review in favour of “Paris”: The filing says Paris.",
    }),
    wrong: claim("b", "acme", "Staff", "900", { status: "rejected", statusReason: "Rejected in review" }),
    right: claim("a", "acme", "Staff", "1,200"),
    gone: claim("a", "acme", "Motto", "Move fast", { kind: "text", status: "retracted" }),
  };
  return {
    investigation: { slug: "acme", title: "Acme", description: "", createdAt: "2026-01-01T09:00:00.000Z" },
    lastChange: "2026-02-01T10:00:00.000Z",
    articles: [article("b", "Second", "2026-01-20"), article("a", "First", "2026-01-10")],
    entities: [{ id: "acme", name: "Acme", kind: "organization", aliases: ["Acme Corp"] }],
    claims: Object.values(c),
    conflicts: [
      {
        id: "k1",
        kind: "value",
        status: "open",
        summary: "The values cannot both be true.",
        claimIds: [c.hqA.id, c.hqB.id],
        entityIds: ["acme"],
        resolution: null,
      },
      {
        id: "k2",
        kind: "temporal",
        status: "resolved",
        summary: "Different dates.",
        claimIds: [c.small.id, c.large.id],
        entityIds: ["acme"],
        resolution: {
          kind: "both_valid",
          rationale: "Two rounds.",
          reviewer: "Rafael",
          decidedOn: "2026-01-30",
          acceptedClaimId: null,
          valueText: null,
          value: null,
          asOf: {},
          scope: null,
        },
      },
      {
        id: "k3",
        kind: "value",
        status: "resolved",
        summary: "x",
        claimIds: [c.wrong.id, c.right.id],
        entityIds: ["acme"],
        resolution: {
          kind: "accept_claim",
          rationale: "Annual report.",
          reviewer: "Rafael",
          decidedOn: "2026-01-31",
          acceptedClaimId: c.right.id,
          valueText: null,
          value: null,
          asOf: {},
          scope: null,
        },
      },
      // Settled, while the same fact is still contested by the open conflict k1.
      {
        id: "k4",
        kind: "value",
        status: "resolved",
        summary: "y",
        claimIds: [c.hqA.id, c.hqC.id],
        entityIds: ["acme"],
        resolution: {
          kind: "accept_claim",
          rationale: "The filing says Paris.",
          reviewer: "Vera",
          decidedOn: "2026-01-29",
          acceptedClaimId: c.hqA.id,
          valueText: null,
          value: null,
          asOf: {},
          scope: null,
        },
      },
    ],
  };
}

/** Anthropic's valuation, as the demo story has it: a scale slip settled, a misattribution still open. */
function valuationStory(): FactSheetInput {
  const c = {
    small: claim("a", "anthropic", "Valuation", "$18.4 billion", { status: "rejected", statusReason: "Rejected in review" }),
    large: claim("b", "anthropic", "Valuation", "$183 billion"),
    industry: claim("a", "industry", "Valuation", "up to $183 billion"),
  };
  const decision = {
    kind: "accept_claim" as const,
    rationale: "The company's own announcement says $183 billion.",
    reviewer: "Rafael",
    decidedOn: "2026-03-01",
    acceptedClaimId: c.large.id,
    valueText: null,
    value: null,
    asOf: {},
    scope: null,
  };
  return {
    investigation: { slug: "ai", title: "AI", description: "", createdAt: "2026-01-01T09:00:00.000Z" },
    lastChange: "2026-03-01T12:05:09.898Z",
    articles: [article("a", "First", "2026-02-24"), { ...article("b", "Second"), outlet: null }],
    entities: [
      { id: "anthropic", name: "Anthropic", kind: "organization", aliases: [] },
      { id: "industry", name: "AI industry", kind: "other", aliases: [] },
    ],
    claims: Object.values(c),
    conflicts: [
      {
        id: "k1",
        kind: "misattribution",
        status: "open",
        summary: "The same figure is given for different subjects.",
        claimIds: [c.large.id, c.industry.id],
        entityIds: ["anthropic", "industry"],
        resolution: null,
      },
      {
        id: "k2",
        kind: "scale",
        status: "resolved",
        summary: "The figures differ by about a power of ten.",
        claimIds: [c.small.id, c.large.id],
        entityIds: ["anthropic"],
        resolution: decision,
      },
    ],
  };
}

describe("what is still open, said precisely (issue 13, item 9)", () => {
  const sheet = buildFactSheet(valuationStory());
  const fact = (entity: string) => sheet.facts.find((f) => f.entity === entity && f.attribute === "Valuation")!;

  test("a fact questioned about something else keeps its one value and its decision, and says what is asked", () => {
    expect(sheet.conflicts).toEqual([
      expect.objectContaining({ n: 1, kind: "misattribution", question: "asks whether $183 billion belongs to AI industry or Anthropic" }),
    ]);
    expect(fact("Anthropic")).toMatchObject({
      status: "contested",
      value: "$183 billion",
      conflicts: [1],
      resolution: { kind: "accept_claim", reviewer: "Rafael", rationale: "The company's own announcement says $183 billion." },
    });
    expect(fact("Anthropic").citations).toHaveLength(1);
    expect(fact("AI industry")).toMatchObject({ status: "contested", value: "up to $183 billion", resolution: null });
  });

  test("every format says the question and the decision, never “the sources disagree” over one value", () => {
    const md = renderFactSheet(sheet, "md");
    expect(md).toContain(
      "- **Valuation**: $183 billion — *contested*: open conflict 1 asks whether $183 billion belongs to AI industry or Anthropic — accepted one claim by Rafael on 1 March 2026: “The company's own announcement says $183 billion.”",
    );
    expect(md).not.toMatch(/not settled yet|sources disagree/);
    const html = renderFactSheet(sheet, "html");
    expect(html).toContain("open conflict 1</a> asks whether $183 billion belongs to AI industry or Anthropic.");
    expect(html).toContain("Accepted one claim by Rafael on 1 March 2026: “The company&#39;s own announcement says $183 billion.”");
    const row = csvRecords(toCsv(sheet)).find((r) => r.entity === "Anthropic" && r.value === "$183 billion")!;
    expect(row).toMatchObject({
      status: "contested",
      resolution: "accept_claim",
      reviewer: "Rafael",
      rationale: "The company's own announcement says $183 billion.",
      open_questions: "open conflict 1 asks whether $183 billion belongs to AI industry or Anthropic",
    });
  });

  test("people read times and days as written for them; facts come before the entity table; citations name outlet and date", () => {
    const md = renderFactSheet(sheet, "md");
    expect(md).toContain("As of 1 March 2026, 12:05 UTC (the investigation's last change).");
    expect(md.indexOf("## Facts")).toBeLessThan(md.indexOf("## Entities"));
    const html = renderFactSheet(sheet, "html");
    expect(html.indexOf("<h2>Facts</h2>")).toBeLessThan(html.indexOf("<h2>Entities</h2>"));
    // A source with an outlet is cited by it and its date; one without, by its title; no character offsets.
    expect(md).toMatch(/“… up to \$183 billion …” \(naming it “industry”\) — Wire, 24 February 2026 \(source 1\)/);
    expect(md).toMatch(/“… \$183 billion …” \(naming it “anthropic”\) — “Second”, undated \(source 2\)/);
    expect(md).not.toContain("code points");
    expect(html).toContain('<a href="#s1">Wire, 24 February 2026</a>');
  });
});

describe("as-of dates in the sheet (issue 13, item 11)", () => {
  const input = (claims: SheetClaim[]): FactSheetInput => ({
    investigation: { slug: "x", title: "X", description: "", createdAt: "2026-01-01T09:00:00.000Z" },
    lastChange: "2026-03-01T12:00:00.000Z",
    articles: [article("a", "First", "2026-02-24"), article("b", "Second")],
    entities: [{ id: "dod", name: "Department of Defense", kind: "organization", aliases: [] }],
    claims,
    conflicts: [],
  });

  test("a relative date says the days it means, lower-cased as inside a sentence; one no day could be given is flagged", () => {
    const sheet = buildFactSheet(
      input([
        claim("a", "dod", "AI contracts awarded", "up to $200 million", {
          asOfText: "Last July",
          asOfStart: "2025-07-01",
          asOfEnd: "2025-07-31",
        }),
        claim("b", "dod", "Classified approval", "Claude", { kind: "text", asOfText: "this week" }),
      ]),
    );
    expect(sheet.facts.map((f) => [f.attribute, f.asOf, f.asOfRange])).toEqual([
      ["AI contracts awarded", "Last July", { start: "2025-07-01", end: "2025-07-31" }],
      ["Classified approval", "this week", null],
    ]);
    const md = renderFactSheet(sheet, "md");
    expect(md).toContain("up to $200 million (as of last July (July 2025))");
    expect(md).toContain("Claude (as of this week (date unresolved))");
    const csv = csvRecords(toCsv(sheet));
    expect(csv.find((r) => r.value === "up to $200 million")).toMatchObject({ as_of_start: "2025-07-01", as_of_end: "2025-07-31" });
  });

  test("one article giving one value twice, once dated, is one fact citing both", () => {
    const sheet = buildFactSheet(
      input([
        claim("a", "dod", "Revenue", "$100 million"),
        claim("a", "dod", "Revenue", "$100 million", { asOfText: "late 2023", asOfStart: "2023-07-01", asOfEnd: "2023-12-31" }),
        // Another article's undated figure is not taken to be as of that date.
        claim("b", "dod", "Revenue", "$100 million"),
      ]),
    );
    expect(sheet.facts.map((f) => [f.value, f.asOf, f.citations.map((c) => c.source)])).toEqual([
      ["$100 million", "late 2023", [1, 1]],
      ["$100 million", null, [2]],
    ]);
  });
});

describe("building the fact sheet", () => {
  const sheet = buildFactSheet(story());
  const fact = (attribute: string) => sheet.facts.filter((f) => f.attribute === attribute);

  test("two sources agreeing (case aside) confirm a fact; one source is a single source", () => {
    expect(fact("CEO")).toEqual([expect.objectContaining({ status: "confirmed", value: "Ada Smith" })]);
    expect(fact("CEO")[0]!.citations.map((c) => c.source)).toEqual([1, 2]);
    expect(fact("Founded")[0]).toMatchObject({ status: "single_source", value: "2021" });
  });

  test("an open conflict makes the fact contested, with every value and the conflict's number", () => {
    const [hq] = fact("Headquarters");
    expect(hq).toMatchObject({ status: "contested", value: null, conflicts: [1] });
    expect(hq!.competing.map((v) => v.value)).toEqual(["Paris", "Lyon"]);
    expect(sheet.conflicts).toEqual([expect.objectContaining({ n: 1, kind: "value", entities: ["Acme"] })]);
  });

  test("settled facts carry the decision; set-aside values stay listed with their reason; retracted claims are left out", () => {
    expect(fact("Staff")[0]).toMatchObject({
      status: "resolved",
      value: "1,200",
      resolution: { kind: "accept_claim", reviewer: "Rafael", date: "2026-01-31" },
    });
    expect(fact("Staff")[0]!.rejected).toEqual([
      expect.objectContaining({ value: "900", status: "rejected", reason: "Rejected in review" }),
    ]);
    expect(fact("Valuation").map((f) => [f.value, f.status, f.asOf])).toEqual([
      ["$18.4 billion", "resolved", "2024"],
      ["$183 billion", "resolved", "September 2025"],
    ]);
    expect(fact("Motto")).toEqual([]);
  });

  test("values with dates make a timeline", () => {
    expect(sheet.timelines).toEqual([
      {
        entity: "Acme",
        attribute: "Valuation",
        points: [
          { date: "2024-01-01", value: "$18.4 billion", citations: [expect.any(Number)] },
          { date: "2025-09-01", value: "$183 billion", citations: [expect.any(Number)] },
        ],
      },
    ]);
  });

  test("sources are numbered by date; the time stamp is the last change, not the clock", () => {
    expect(sheet.sources.map((s) => [s.n, s.title])).toEqual([
      [1, "First"],
      [2, "Second"],
    ]);
    expect(sheet.generatedAt).toBe("2026-02-01T10:00:00.000Z");
  });

  test("the same data in any order gives the same bytes in every format", () => {
    const input = story();
    const shuffled = {
      ...input,
      articles: [...input.articles].reverse(),
      claims: [...input.claims].reverse(),
      conflicts: [...input.conflicts].reverse(),
    };
    for (const format of ["md", "json", "csv", "html", "jsonld"] as const) {
      expect(renderFactSheet(buildFactSheet(shuffled), format)).toBe(renderFactSheet(buildFactSheet(input), format));
    }
  });

  test("claims sharing one value object (as the data layer reads them) give the same bytes as claims with copies", () => {
    const input = story();
    input.claims.push(
      claim("a", "acme", "Staff", "120"),
      claim("b", "acme", "Staff", "120"),
      claim("b", "acme", "Revenue", "$18.4 billion"),
      claim("b", "acme", "CEO", "Ada Smith", { kind: "text" }),
    );
    // Claims saying the same share the first one's value, as the data layer gives them.
    const first = new Map<string, SheetClaim["value"]>();
    const shared = {
      ...input,
      claims: input.claims.map((c) => {
        const key = JSON.stringify(c.value);
        if (!first.has(key)) first.set(key, c.value);
        return { ...c, value: first.get(key)! };
      }),
    };
    const copies = { ...input, claims: input.claims.map((c) => ({ ...c, value: structuredClone(c.value) })) };
    expect(first.size).toBeLessThan(input.claims.length);
    for (const format of FACTSHEET_FORMATS) {
      expect(renderFactSheet(buildFactSheet(shared), format)).toBe(renderFactSheet(buildFactSheet(copies), format));
    }
  });

  test("so does data where two entities share a name (their facts tie on name and attribute)", () => {
    const input = story();
    input.entities.push({ id: "acme-2", name: "Acme", kind: "organization", aliases: [] });
    input.claims.push(
      claim("b", "acme-2", "CEO", "Bob Jones", { kind: "text" }),
      claim("a", "acme-2", "CEO", "Bob Jones", { kind: "text" }),
    );
    const reversed = { ...input, entities: [...input.entities].reverse(), claims: [...input.claims].reverse() };
    for (const format of FACTSHEET_FORMATS) {
      expect(renderFactSheet(buildFactSheet(reversed), format)).toBe(renderFactSheet(buildFactSheet(input), format));
    }
  });
});

describe("written as it is made (a stream of chunks)", () => {
  /**
   * A sheet that takes many chunks in every format, with characters outside the Basic Multilingual
   * Plane (two UTF-16 units each, which no chunk may cut) and a fact of 400 citations (a JSON part
   * written member by member).
   */
  const big = (() => {
    const input = story();
    for (let e = 0; e < 40; e++) input.entities.push({ id: `e${e}`, name: `Entity ${e} 𝔸`, kind: "organization", aliases: [] });
    for (let i = 0; i < 3000; i++) {
      input.claims.push(
        claim(
          i % 2 ? "a" : "b",
          i < 400 ? "e0" : `e${i % 40}`,
          i < 400 ? "Valuation" : `Attribute ${i % 7}`,
          i < 400 ? "$7 million" : `$${(i % 50) + 1} million`,
          {
            quote: `“${i}” 👩‍💻 ${"the words of the source ".repeat(3)}`,
            prefix: "before 🎉 ",
            suffix: " after “it”",
            asOfText: i % 3 ? null : `${2020 + (i % 5)}`,
            asOfStart: i % 3 ? null : `${2020 + (i % 5)}-01-01`,
            asOfEnd: i % 3 ? null : `${2020 + (i % 5)}-12-31`,
            ...(i % 11 === 0 && { status: "rejected" as const, statusReason: "Rejected in review." }),
          },
        ),
      );
    }
    return buildFactSheet(input);
  })();
  const read = async (stream: ReadableStream<Uint8Array>) => {
    const chunks: Uint8Array[] = [];
    const reader = stream.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
    return chunks;
  };

  // The whole text joins the same lines and rows at once (JSON and JSON-LD: JSON.stringify), the stream a chunk at a time.
  test.each(FACTSHEET_FORMATS)("%s: the bytes streamed are those of the whole text, in many chunks", async (format) => {
    for (const pretty of [true, false]) {
      const chunks = await read(factSheetStream(big, format, { pretty }));
      expect(chunks.length).toBeGreaterThan(3);
      expect(Buffer.concat(chunks).equals(Buffer.from(renderFactSheet(big, format, { pretty })))).toBe(true);
    }
  });

  test("Markdown lines are joined as the whole text would be: blank runs made one, the white space at the end one line break", () => {
    const line = fc.oneof(
      fc.constantFrom("", " ", "\t", "text", "text  ", " \n ", "x".repeat(CHUNK_SIZE / 2 + 1), " ".repeat(CHUNK_SIZE)),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        expect([...markdownDocument(lines)].join("")).toBe(
          `${lines
            .join("\n")
            .replace(/\n{3,}/g, "\n\n")
            .trimEnd()}\n`,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("formats are safe with what people type", () => {
  test.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ["+1 555", "'+1 555"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["'Tis so", "''Tis so"],
    ["\0x", "'\0x"],
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ["a;=1+1", '"a;=1+1"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
  ])("CSV cell %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test("a formula typed as a value is neutralised in the exported CSV, and rows end with CRLF", () => {
    const input = story();
    input.claims.push(claim("a", "acme", "Slogan", "=cmd|' /C calc'!A0", { kind: "text" }));
    const csv = toCsv(buildFactSheet(input));
    expect(csv).toContain(",'=cmd|' /C calc'!A0,");
    expect(csv.split("\r\n").at(-1)).toBe("");
    expect(csv.split("\r\n")[0]).toMatch(/^\uFEFFfact,entity,attribute,status,role,value/);
  });

  test("Markdown and HTML escape what a source or analyst wrote", () => {
    expect(mdText("*bold* [link](x) <b>|")).toBe("\\*bold\\* \\[link\\](x) \\<b\\>\\|");
    const input = story();
    input.claims.push(claim("a", "acme", "Note", "<script>alert(1)</script>", { kind: "text" }));
    const html = renderFactSheet(buildFactSheet(input), "html");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

/** RFC 4180, as a spreadsheet reads it: rows of cells, quotes undone (the BOM is not part of the first cell). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted && ch === '"' && body[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

const csvRecords = (csv: string) => {
  const [head, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
};

describe("decisions in every format (issue 9, item 10)", () => {
  const sheet = buildFactSheet(story());
  const jsonld = JSON.parse(renderFactSheet(sheet, "jsonld", { siteUrl: "https://crosscheck.example.org/" }));
  const reviews = jsonld["@graph"].filter((n: { "@type"?: string }) => n["@type"] === "ClaimReview");
  const review = (words: string) => reviews.find((r: { claimReviewed: string }) => r.claimReviewed === `… ${words} …`);

  test("JSON-LD has one ClaimReview per decided claim, also where the fact is still contested elsewhere", () => {
    // Three decisions over six claims: both valid (2), accept 1,200 over 900 (2), accept Paris over Nice (2).
    expect(reviews.map((r: { claimReviewed: string }) => r.claimReviewed).sort()).toEqual(
      ["… $18.4 billion …", "… $183 billion …", "… 1,200 …", "… 900 …", "… Paris …", "… Nice …"].sort(),
    );
    expect(new Set(reviews.map((r: { "@id": string }) => r["@id"])).size).toBe(6);
    expect(jsonld["@graph"][0].hasPart).toHaveLength(6);
  });

  test("a ClaimReview rates the claim on a documented scale, names the claim's article and author, the reviewer and the entry's link", () => {
    expect(review("Nice")).toMatchObject({
      "@type": "ClaimReview",
      url: expect.stringMatching(/^https:\/\/crosscheck\.example\.org\/investigations\/acme\/factsheet#claim-b{12}-\d+-\d+$/),
      author: { "@type": "Person", name: "Vera" },
      datePublished: "2026-01-29",
      reviewBody: "The filing says Paris.",
      reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False (rejected)" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "Wire" },
        datePublished: "2026-01-20",
        appearance: {
          "@type": "NewsArticle",
          headline: "Second",
          datePublished: "2026-01-20",
          publisher: { "@type": "Organization", name: "Wire" },
        },
      },
    });
    expect(review("Paris").reviewRating).toMatchObject({ ratingValue: 5, alternateName: "True (accepted)" });
    expect(review("$183 billion").reviewRating).toMatchObject({ ratingValue: 5, alternateName: "True (both valid)" });
    // Each link lands on an entry that exists: the printable page has an element with that id.
    const html = renderFactSheet(sheet, "html");
    for (const r of reviews) expect(html).toContain(`id="${new URL(r.url).hash.slice(1)}"`);
  });

  test("Markdown, HTML, CSV and JSON say who set a value aside and why, on a contested fact too", () => {
    const md = renderFactSheet(sheet, "md").split("\n");
    const line = (words: string) => md.find((l) => l.includes(words))!;
    expect(line("set aside (rejected): Nice")).toContain("rejected by Vera on 29 January 2026: “The filing says Paris.”");
    expect(line("set aside (rejected): 900")).toContain("rejected by Rafael on 31 January 2026: “Annual report.”");
    expect(line("  - Paris")).toContain("accepted by Vera on 29 January 2026: “The filing says Paris.”");

    const html = renderFactSheet(sheet, "html").split("\n");
    expect(html.find((l) => l.includes("Set aside (rejected): Nice"))).toContain(
      "Rejected by Vera on 29 January 2026: “The filing says Paris.”",
    );
    expect(html.find((l) => l.includes("Set aside (rejected): 900"))).toContain("Rejected by Rafael on 31 January 2026: “Annual report.”");

    const rows = csvRecords(toCsv(sheet));
    expect(rows.find((r) => r.value === "Nice")).toMatchObject({
      role: "rejected",
      claim_verdict: "rejected",
      claim_decided_by: "Vera",
      claim_rationale: "The filing says Paris.",
    });
    expect(rows.find((r) => r.value === "900")).toMatchObject({
      claim_verdict: "rejected",
      claim_decided_by: "Rafael",
      claim_rationale: "Annual report.",
    });

    const hq = sheet.facts.find((f) => f.attribute === "Headquarters")!;
    expect(hq.rejected[0]!.citations[0]!.decisions).toEqual([
      { verdict: "rejected", kind: "accept_claim", reviewer: "Vera", date: "2026-01-29", rationale: "The filing says Paris.", value: null },
    ]);
  });
});

describe("CSV that spreadsheets open safely and that gives back the exact words (item 11)", () => {
  const quotes = [
    "=SUM(A1:A3) and the rest",
    "'Tis the season",
    "+44 20 7946 0000",
    "-3% on the year",
    "@here",
    "plain, with a comma",
    "“curly” ’quotes’ and €",
  ];

  test("every neutralised cell gives back its words by dropping one leading apostrophe", () => {
    const input = story();
    for (const q of quotes) input.claims.push(claim("a", "acme", "Slogan", q.replace(/^[=+@'-]+/, "x"), { kind: "text", quote: q }));
    const sheet = buildFactSheet(input);
    const rows = csvRecords(toCsv(sheet));
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    const written = rows.map((r) => csvCellText(r.quote!));
    for (const q of quotes) expect(written).toContain(q);
    // And no cell a spreadsheet would read as a formula.
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test("starts with a UTF-8 byte order mark, so spreadsheet apps decode ’ and €", () => {
    const bytes = Buffer.from(toCsv(buildFactSheet(story())), "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("Markdown that CommonMark and GFM readers render as meant (item 12)", () => {
  function hostile(): FactSheet {
    const input = story();
    input.investigation.description = "1. Not a list & <i>not</i> markup";
    input.entities[0]!.aliases.push("A & B | C");
    input.articles[0]!.url = "https://news.example/a>b [x](javascript:alert(1))";
    input.claims.push(
      claim("a", "acme", "Motto", "Tom & Jerry", {
        kind: "text",
        quote: "<b>bold</b> [link](javascript:alert(1)) &copy; *em* https://x.example",
      }),
    );
    return buildFactSheet(input);
  }
  const sheet = hostile();
  const text = renderFactSheet(sheet, "md");
  // GFM-like: tables and raw HTML on (as GitHub renders), no linkify.
  const html = new MarkdownIt({ html: true }).render(text);

  test("citations are a list, one item each, and every [n] links to an anchor that exists", () => {
    const section = html.slice(html.indexOf("<h2>Citations</h2>"));
    expect(section).toMatch(/^<h2>Citations<\/h2>\n<ol>/);
    expect(section.match(/<li>/g)).toHaveLength(citationsOf(sheet).length);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(citationsOf(sheet).length);
    for (const h of hrefs) expect(ids, h).toContain(h);
  });

  test("what people typed makes no HTML, link or entity of its own", () => {
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<i>");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(html).toContain("&amp;copy;");
    expect(html).toContain("Tom &amp; Jerry");
    expect(html).not.toMatch(/href="javascript/i);
    const external = [...html.matchAll(/href="([^#"][^"]*)"/g)].map((m) => m[1]);
    // The source's address (in the sources list and each citation of it), escaped so it ends nowhere else.
    expect(new Set(external)).toEqual(new Set(["https://news.example/a%3Eb%20%5Bx%5D(javascript:alert(1))"]));
    expect(html).toContain("<p>1. Not a list &amp; &lt;i&gt;not&lt;/i&gt; markup</p>");
  });

  test("the entity table is a table in GFM and one row per line in plain CommonMark", () => {
    expect(html).toMatch(/<table>[\s\S]*<td>A &amp; B \| C<\/td>|<td>Acme<\/td>[\s\S]*A &amp; B \| C/);
    expect(html.match(/<tr>/g)).toHaveLength(sheet.entities.length + 1);
    const plain = new MarkdownIt("commonmark").render(text);
    const table = plain.match(/<p>\| Entity[\s\S]*?<\/p>/)![0];
    expect(table.split("<br />")).toHaveLength(sheet.entities.length + 2);
  });
});

describe("the JSON Schema says what a valid sheet is (item 13)", () => {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(factSheetJsonSchema());
  const json = () => JSON.parse(renderFactSheet(buildFactSheet(story()), "json"));

  test("the story's sheet is valid, and time stamps and dates carry their format", () => {
    expect(validate(json()), JSON.stringify(validate.errors)).toBe(true);
    const schema = factSheetJsonSchema() as { properties: Record<string, { format?: string }> };
    expect(schema.properties.generatedAt!.format).toBe("date-time");
    expect(validate({ ...json(), generatedAt: "last Tuesday" })).toBe(false);
    const sheet = json();
    sheet.timelines[0].points[0].date = "2024-13-45";
    expect(validate(sheet)).toBe(false);
  });

  test("a resolved fact without its resolution fails JSON Schema validation", () => {
    const sheet = json();
    expect(validate(sheet)).toBe(true);
    const resolved = sheet.facts.findIndex((f: { status: string }) => f.status === "resolved");
    sheet.facts[resolved].resolution = null;
    expect(validate(sheet)).toBe(false);
    expect(validate.errors!.every((e) => e.instancePath.startsWith(`/facts/${resolved}`))).toBe(true);
    expect(factSheetSchema.safeParse(sheet).success).toBe(false);
  });

  test("a citation number that does not exist passes JSON Schema but fails the second step", () => {
    const sheet = json();
    sheet.timelines[0].points[0].citations = [999];
    expect(validate(sheet)).toBe(true);
    const result = factSheetSchema.safeParse(sheet);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["Timeline 1 cites 999, a citation that does not exist."]);
    const other = json();
    const contested = other.facts.find((f: { status: string }) => f.status === "contested");
    contested.conflicts = [7];
    expect(validate(other)).toBe(true);
    expect(factSheetSchema.safeParse(other).error?.issues.map((i) => i.message)).toEqual([
      `Fact ${contested.n} names open conflict 7, which does not exist.`,
    ]);
  });
});

describe("JSON-LD identifiers and types (item 14)", () => {
  test("ids come from the investigation's creation time and the claims' content, not the slug", () => {
    const input = story();
    const a = renderFactSheet(buildFactSheet(input), "jsonld");
    const b = renderFactSheet(buildFactSheet({ ...input, investigation: { ...input.investigation, slug: "acme-copy" } }), "jsonld");
    const ids = (text: string) => [...text.matchAll(/"(?:@id|id)": "([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a).length).toBeGreaterThan(20);
    expect(ids(b)).toEqual(ids(a));
    expect(a).not.toMatch(/"(?:@id|id)": "[^"]*acme/);
  });

  test("dateModified is typed as an xsd:dateTime", () => {
    const ld = JSON.parse(renderFactSheet(buildFactSheet(story()), "jsonld"));
    expect(ld["@context"]).toEqual([
      "https://schema.org",
      { xsd: "http://www.w3.org/2001/XMLSchema#", dateModified: { "@id": "http://schema.org/dateModified", "@type": "xsd:dateTime" } },
    ]);
    expect(ld["@graph"][0].dateModified).toBe("2026-02-01T10:00:00.000Z");
  });
});

/** A plain text as Apache Annotator's chunks: one chunk per word and space run, as a DOM would split it into text nodes. */
function chunksOf(text: string): Chunker<Chunk<string>> {
  const chunks = text.split(/(?<=\s)/u).map((data) => ({ data }));
  let i = 0;
  return {
    get currentChunk() {
      return chunks[i]!;
    },
    nextChunk: () => (i + 1 < chunks.length ? chunks[++i]! : null),
    previousChunk: () => (i > 0 ? chunks[--i]! : null),
    precedesCurrentChunk: (chunk) => chunks.indexOf(chunk) < i,
  };
}

/** The text between a match's two ends. */
function matchedText(
  text: string,
  chunker: Chunker<Chunk<string>>,
  match: { startChunk: Chunk<string>; startIndex: number; endChunk: Chunk<string>; endIndex: number },
) {
  const all: Chunk<string>[] = [];
  while (chunker.previousChunk());
  do all.push(chunker.currentChunk);
  while (chunker.nextChunk());
  const offset = (chunk: Chunk<string>) => all.slice(0, all.indexOf(chunk)).reduce((n, c) => n + c.data.length, 0);
  return text.slice(offset(match.startChunk) + match.startIndex, offset(match.endChunk) + match.endIndex);
}

describe("W3C Web Annotations of the JSON-LD export (item 9)", () => {
  // Astral characters before the claims: an emoji, a mathematical letter, a ZWJ family.
  const text = "🙂 Acme’s year: 𝔸 strong one. 👩‍👩‍👧 Families cheered. Acme raised $5 billion in 2025, led by Ada Smith.";
  const codePoints = (before: string) => [...before].length;
  function sheetOverText(): { sheet: FactSheet; text: string } {
    const at = (quote: string) => {
      const i = text.indexOf(quote);
      const start = codePoints(text.slice(0, i));
      const cps = [...text];
      const end = start + codePoints(quote);
      return { quote, start, end, prefix: cps.slice(Math.max(0, start - 32), start).join(""), suffix: cps.slice(end, end + 32).join("") };
    };
    n = 0;
    const raised = claim("e", "acme", "Funding", "$5 billion", at("$5 billion"));
    const led = claim("e", "acme", "CEO", "Ada Smith", { kind: "text", ...at("Ada Smith") });
    const sheet = buildFactSheet({
      investigation: { slug: "emoji", title: "Emoji", description: "", createdAt: "2026-01-01T09:00:00.000Z" },
      lastChange: "2026-02-01T10:00:00.000Z",
      articles: [{ ...article("e", "Astral", "2026-01-05"), url: "https://news.example/astral" }],
      entities: [{ id: "acme", name: "Acme", kind: "organization", aliases: [] }],
      claims: [raised, led],
      conflicts: [],
    });
    return { sheet, text };
  }

  test("the annotations validate against the W3C model's schema", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat("iri", (s: string) => isIri(s, fullFormats.uri as (s: string) => boolean));
    const collection = JSON.parse(renderFactSheet(sheetOverText().sheet, "jsonld"))["@graph"].at(-1);
    const validCollection = ajv.compile(annotationCollectionSchema);
    expect(validCollection(collection), JSON.stringify(validCollection.errors)).toBe(true);
    const validAnnotation = ajv.compile(annotationSchema);
    for (const item of collection.first.items) {
      const standalone = { "@context": "http://www.w3.org/ns/anno.jsonld", ...item };
      expect(validAnnotation(standalone), JSON.stringify(validAnnotation.errors)).toBe(true);
    }
    // The schema is not a rubber stamp.
    expect(validAnnotation({ "@context": "http://www.w3.org/ns/anno.jsonld", ...collection.first.items[0], id: "not an iri" })).toBe(false);
    expect(
      validAnnotation({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        ...collection.first.items[0],
        target: { source: "https://x.example", selector: [{ type: "TextPositionSelector", start: -1, end: 2 }] },
      }),
    ).toBe(false);
  });

  test("Apache Annotator resolves every selector to the quoted words, counting code points", async () => {
    const { sheet } = sheetOverText();
    const items = JSON.parse(renderFactSheet(sheet, "jsonld"))["@graph"].at(-1).first.items;
    expect(items).toHaveLength(2);
    for (const item of items) {
      const [quote, position] = item.target.selector;
      const byPosition = chunksOf(text);
      const positioned = (await textPositionSelectorMatcher(position)(byPosition).next()).value!;
      expect(matchedText(text, byPosition, positioned)).toBe(quote.exact);
      const byQuote = chunksOf(text);
      const quoted = [];
      for await (const m of textQuoteSelectorMatcher(quote)(byQuote)) quoted.push(matchedText(text, byQuote, m));
      expect(quoted).toEqual([quote.exact]);
    }
    // UTF-16 offsets would select other words: the check can tell.
    const i = text.indexOf("$5 billion");
    const utf16 = chunksOf(text);
    const wrong = (await textPositionSelectorMatcher({ type: "TextPositionSelector", start: i, end: i + 10 })(utf16).next()).value!;
    expect(matchedText(text, utf16, wrong)).not.toBe("$5 billion");
  });
});
