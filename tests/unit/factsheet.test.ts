import { describe, expect, test } from "vitest";
import { buildFactSheet, type FactSheetInput, type SheetClaim } from "@/lib/domain/factsheet.ts";
import { csvCell, mdText, renderFactSheet, toCsv } from "@/lib/domain/factsheet-formats.ts";
import { parseValue, type ValueKind } from "@/lib/domain/values.ts";

let n = 0;
function claim(articleId: string, subjectId: string, attribute: string, text: string, over: Partial<SheetClaim> & { kind?: ValueKind } = {}): SheetClaim {
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
    valueKind: parsed.value.kind,
    valueText: text,
    value: parsed.value,
    asOfText: null,
    asOfStart: null,
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

const article = (id: string, title: string, publishedOn: string | null = null) => ({ id, title, outlet: "Wire", author: null, url: null, publishedText: null, publishedOn });

function story(): FactSheetInput {
  const c = {
    ceoA: claim("a", "acme", "CEO", "Ada Smith", { kind: "text" }),
    ceoB: claim("b", "acme", "CEO", "ada smith", { kind: "text" }),
    founded: claim("a", "acme", "Founded", "2021"),
    small: claim("a", "acme", "Valuation", "$18.4 billion", { asOfText: "2024", asOfStart: "2024-01-01" }),
    large: claim("b", "acme", "Valuation", "$183 billion", { asOfText: "September 2025", asOfStart: "2025-09-01" }),
    hqA: claim("a", "acme", "Headquarters", "Paris", { kind: "text" }),
    hqB: claim("b", "acme", "Headquarters", "Lyon", { kind: "text" }),
    wrong: claim("b", "acme", "Staff", "900", { status: "rejected", statusReason: "Rejected in review" }),
    right: claim("a", "acme", "Staff", "1,200"),
    gone: claim("a", "acme", "Motto", "Move fast", { kind: "text", status: "retracted" }),
  };
  return {
    investigation: { slug: "acme", title: "Acme", description: "" },
    lastChange: "2026-02-01T10:00:00.000Z",
    articles: [article("b", "Second", "2026-01-20"), article("a", "First", "2026-01-10")],
    entities: [{ id: "acme", name: "Acme", kind: "organization", aliases: ["Acme Corp"] }],
    claims: Object.values(c),
    conflicts: [
      { id: "k1", kind: "value", status: "open", summary: "The values cannot both be true.", claimIds: [c.hqA.id, c.hqB.id], entityIds: ["acme"], resolution: null },
      {
        id: "k2",
        kind: "temporal",
        status: "resolved",
        summary: "Different dates.",
        claimIds: [c.small.id, c.large.id],
        entityIds: ["acme"],
        resolution: { kind: "both_valid", rationale: "Two rounds.", reviewer: "Rafael", decidedOn: "2026-01-30", acceptedClaimId: null, valueText: null, value: null, asOf: {}, scope: null },
      },
      {
        id: "k3",
        kind: "value",
        status: "resolved",
        summary: "x",
        claimIds: [c.wrong.id, c.right.id],
        entityIds: ["acme"],
        resolution: { kind: "accept_claim", rationale: "Annual report.", reviewer: "Rafael", decidedOn: "2026-01-31", acceptedClaimId: c.right.id, valueText: null, value: null, asOf: {}, scope: null },
      },
    ],
  };
}

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
    expect(fact("Staff")[0]).toMatchObject({ status: "resolved", value: "1,200", resolution: { kind: "accept_claim", reviewer: "Rafael", date: "2026-01-31" } });
    expect(fact("Staff")[0]!.rejected).toEqual([expect.objectContaining({ value: "900", status: "rejected", reason: "Rejected in review" })]);
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
    const shuffled = { ...input, articles: [...input.articles].reverse(), claims: [...input.claims].reverse(), conflicts: [...input.conflicts].reverse() };
    for (const format of ["md", "json", "csv", "html", "jsonld"] as const) {
      expect(renderFactSheet(buildFactSheet(shuffled), format)).toBe(renderFactSheet(buildFactSheet(input), format));
    }
  });
});

describe("formats are safe with what people type", () => {
  test.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ["+1 555", "'+1 555"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["plain", "plain"],
    ["a, b", '"a, b"'],
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
    expect(csv.split("\r\n")[0]).toMatch(/^fact,entity,attribute,status,role,value/);
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
