import { describe, expect, test } from "vitest";
import {
  compareClaims,
  type DetectionClaim,
  detectGroupConflicts,
  detectMisattributions,
  detectNamingConflicts,
  isCorrectionPassage,
  looksLikeScaleSlip,
  namesLikelySame,
  relate,
  stripPossessivePrefix,
} from "@/lib/domain/conflicts.ts";
import { attributeKey } from "@/lib/domain/claims.ts";
import { parseMoment } from "@/lib/domain/moments.ts";
import { detectValueKind, parseValue, type ValueKind } from "@/lib/domain/values.ts";
import { DEMO_CLAIMS, DEMO_ENTITIES } from "@/seed/annotations.ts";

let n = 0;
function claim(text: string, over: Partial<DetectionClaim> & { kind?: ValueKind } = {}): DetectionClaim {
  const parsed = parseValue(text, over.kind);
  if (!parsed.ok) throw new Error(parsed.error);
  n++;
  return {
    id: `c${n}`,
    articleId: `a${n}`,
    subjectId: "anthropic",
    attribute: "valuation",
    status: "active",
    value: parsed.value,
    asOf: null,
    ...over,
  };
}

describe("claims about one subject and attribute", () => {
  test("a pair's explanation reads the same however it is taken: read, copied or written as JSON", () => {
    const verdict = relate(claim("$18.4 billion"), claim("$61.5 billion"))!;
    const why = "The values cannot both be true: $18.4 billion against $61.5 billion: they differ by 70.1%.";
    expect(verdict.why).toBe(why);
    expect({ ...verdict }).toEqual({ relation: "contradiction", why });
    expect(JSON.parse(JSON.stringify(verdict))).toEqual({ relation: "contradiction", why });
  });

  test("$18.4 billion against $183 billion is a likely scale slip", () => {
    const [found] = detectGroupConflicts([claim("$18.4 billion"), claim("$183 billion")]);
    expect(found).toMatchObject({ kind: "scale", key: "claims:anthropic:valuation" });
    expect(found?.suggestion).toMatch(/unit slip/);
  });

  test("values whose intervals overlap agree; ones that do not are a value conflict", () => {
    expect(detectGroupConflicts([claim("$18.4 billion"), claim("about $18 billion")])).toEqual([]);
    expect(detectGroupConflicts([claim("up to $200 million"), claim("$150 million")])).toEqual([]);
    expect(detectGroupConflicts([claim("$30 billion"), claim("$61.5 billion")])[0]?.kind).toBe("value");
  });

  test("different values as of different dates are temporal: both may be valid", () => {
    const found = detectGroupConflicts([
      claim("$61.5 billion", { asOf: parseMoment("2025-03-01") }),
      claim("$183 billion", { asOf: parseMoment("2025-09-01") }),
    ]);
    expect(found[0]).toMatchObject({ kind: "temporal" });
    expect(found[0]?.suggestion).toMatch(/Both valid/);
  });

  test("a tally that has passed a mark, reported later, is an update of the earlier count, not a contradiction", () => {
    const toll = { attribute: "death toll" };
    const found = detectGroupConflicts([
      claim("nearly 21,000", { ...toll, asOf: parseMoment("2023-02-09") }),
      claim("climbed past 22,000", { ...toll, asOf: parseMoment("2023-02-10") }),
      claim("above 39,000", { ...toll, asOf: parseMoment("2023-02-14") }),
    ]);
    expect(found.map((c) => c.kind)).toEqual(["temporal"]);
    // The same day, a count below the mark it is said to have passed cannot both be true.
    const sameDay = detectGroupConflicts([claim("topped 20,000", toll), claim("18,500", toll)]);
    expect(sameDay[0]?.kind).toBe("value");
    // And one above the mark agrees with it.
    expect(detectGroupConflicts([claim("topped 20,000", toll), claim("20,213", toll)])).toEqual([]);
  });

  test("magnitudes written in different ways compare as figures: two agencies give two measures", () => {
    const magnitude = { attribute: "magnitude" };
    const found = detectGroupConflicts([
      claim("magnitude 7.8", { ...magnitude, accordingTo: "USGS" }),
      claim("7.4", { ...magnitude, accordingTo: "AFAD" }),
    ]);
    expect(found[0]?.kind).toBe("measure");
    expect(detectGroupConflicts([claim("a 7.8-magnitude quake", magnitude), claim("M7.8", magnitude)])).toEqual([]);
  });

  test("lists that name different members are a set conflict; the same members in another order agree", () => {
    const backers = { attribute: "backers", kind: "list" as const };
    expect(
      detectGroupConflicts([claim("Google, Amazon, and Microsoft", backers), claim("Google (GOOGL) and Amazon (AMZN)", backers)])[0]?.kind,
    ).toBe("set");
    expect(detectGroupConflicts([claim("Google and Amazon", backers), claim("Amazon, Google", backers)])).toEqual([]);
  });

  test("text compares folded: case and quotes do not make a conflict", () => {
    const hq = { attribute: "headquarters", kind: "text" as const };
    expect(detectGroupConflicts([claim("San Francisco", hq), claim("san francisco", hq)])).toEqual([]);
    expect(detectGroupConflicts([claim("San Francisco", hq), claim("Palo Alto", hq)])[0]?.kind).toBe("value");
  });

  test("roles and titles hold several values at once: two descriptions of one post never contradict", () => {
    const role = { attribute: "role", kind: "text" as const };
    expect(
      detectGroupConflicts([claim("the Pentagon’s chief technology officer", role), claim("Under-Secretary of Defense", role)]),
    ).toEqual([]);
  });

  test("two texts naming one entity (by name or alias) agree", () => {
    const employer = { attribute: "employer", kind: "text" as const };
    const pentagon = claim("the Pentagon", { ...employer, valueEntityId: "dod" });
    const dod = claim("U.S. Department of Defense", { ...employer, valueEntityId: "dod" });
    expect(detectGroupConflicts([pentagon, dod])).toEqual([]);
    expect(detectGroupConflicts([pentagon, claim("OpenAI", { ...employer, valueEntityId: "openai" })])[0]?.kind).toBe("value");
  });

  test("retracted and rejected claims take no part; different units are not compared", () => {
    expect(detectGroupConflicts([claim("$18.4 billion"), claim("$183 billion", { status: "retracted" })])).toEqual([]);
    expect(detectGroupConflicts([claim("€5 billion"), claim("$9 billion")])).toEqual([]);
  });

  test("agreeing values at different precision, and a bound the other value keeps, do not fire", () => {
    expect(detectGroupConflicts([claim("$18.4 billion"), claim("$18,400 million")])).toEqual([]);
    expect(detectGroupConflicts([claim("up to $9 billion"), claim("$8 billion")])).toEqual([]);
    expect(
      detectGroupConflicts([claim("December 2025", { attribute: "launch" }), claim("Dec. 15, 2025", { attribute: "launch" })]),
    ).toEqual([]);
  });

  test("an article correcting itself is a correction, not a plain value conflict", () => {
    const launch = { attribute: "launch_date", articleId: "001" };
    const found = detectGroupConflicts([claim("December 2025", launch), claim("late 2024", { ...launch, inCorrection: true })]);
    expect(found[0]).toMatchObject({ kind: "correction" });
    // Two articles disagreeing is not a correction, even if one of the passages is one.
    expect(
      detectGroupConflicts([
        claim("December 2025", { attribute: "launch_date" }),
        claim("late 2024", { attribute: "launch_date", inCorrection: true }),
      ])[0]?.kind,
    ).toBe("value");
  });

  test("one conflict per subject and attribute, taking the most telling kind", () => {
    const found = detectGroupConflicts([claim("$18.4 billion"), claim("$183 billion"), claim("$30 billion")]);
    expect(found).toHaveLength(1);
    expect(found[0]?.kind).toBe("scale");
  });

  test("every claim taking part in a disagreement is in the conflict, once", () => {
    const claims = [claim("$18.4 billion"), claim("$183 billion"), claim("$183 billion")];
    const [found] = detectGroupConflicts(claims);
    expect(found?.claimIds).toEqual(claims.map((c) => c.id).sort());
  });
});

describe("misattribution", () => {
  test("the same figure for different subjects in different articles", () => {
    const valuation = claim("$183 billion", { articleId: "one" });
    const industry = claim("$183 billion", { articleId: "two", subjectId: "ai-industry" });
    const [found] = detectMisattributions([valuation, industry, claim("$18.4 billion")]);
    expect(found).toMatchObject({ kind: "misattribution", entityIds: ["ai-industry", "anthropic"] });
    expect(found?.claimIds.sort()).toEqual([valuation.id, industry.id].sort());
  });

  test("the same figure for the same subject is not a misattribution", () => {
    expect(detectMisattributions([claim("$183 billion"), claim("$183 billion")])).toEqual([]);
  });
});

describe("texts written with or without spaces and hyphens", () => {
  test.each([
    ["north-west", "northwest"],
    ["North West", "north‑west"],
    ["supply-chain risk", "supply chain risk"],
  ])("%s agrees with %s", (a, b) => {
    expect(compareClaims(claim(a, { kind: "text" }), claim(b, { kind: "text" }))).toBeNull();
  });

  test("different words still disagree", () => {
    expect(compareClaims(claim("north-west", { kind: "text" }), claim("south-west", { kind: "text" }))).toMatchObject({ kind: "value" });
  });
});

describe("names that probably name one thing", () => {
  test.each([
    ["Michael", "Emil Michael", /part of the other/],
    ["Antropic", "Anthropic", /a letter or two/],
    ["DoD", "Department of Defense", /acronym/],
    ["NSA", "National Security Agency", /acronym/],
    ["the Pentagon's Michael", "Michael", /possessive prefix/],
    ["the Pentagon’s Michael", "Emil Michael", /part of the other|possessive/],
    ["Kowloon", "Kowloon City", /part of the other/],
    ["Mr. Amodei", "Dario Amodei", /part of the other/],
    ["Mr. Amodei", "Amodei", /only in a title/],
    ["Intl Monetary Fund", "International Monetary Fund", /shortens words.*“intl” for “international”/],
    ["Univ. of Hong Kong", "University of Hong Kong", /“univ” for “university”/],
    ["Dept. of Defense", "Department of Defense", /“dept” for “department”/],
    ["Dept of Defense", "U.S. Department of Defense", /part of the other, with short forms/],
    ["Acme Corp", "Acme Corporation", /“corp” for “corporation”/],
    ["Acme Co.", "Acme Company", /“co” for “company”/],
    ["Hong Kong Govt", "Hong Kong Government", /“govt” for “government”/],
    ["N. Korea", "North Korea", /initials/],
    ["USGS", "U.S. Geological Survey", /acronym/],
    ["Alwaleed bin Talal", "Al Waleed bin Talal", /joins words/],
    ["Kowloon City", "KowloonCity", /joins words/],
    ["Óscar Puente", "Oscar Puente", /case or accents/],
    ["Formula Constructor Association", "Formula Constructors Association", /“constructor” for “constructors”/],
    ["Jean-Luc", "Jean Luc", /hyphens/],
    ["Jean-Luc Picard", "jean luc picard", /hyphens/],
  ])("%s / %s", (a, b, why) => {
    const match = namesLikelySame(a, b);
    expect(match?.why).toMatch(why);
    expect(match!.score).toBeGreaterThan(0);
    expect(match!.score).toBeLessThanOrEqual(1);
  });

  test("an organisation's leading word and a last word with the same initial are a weak hint, for organisations only", () => {
    expect(namesLikelySame("Geological Service", "Geological Survey", "organization")).toEqual({
      why: "The names share their leading words and end in words with the same initial (“service” / “survey”).",
      score: 0.45,
    });
    expect(namesLikelySame("Geological Service", "Geological Survey")).toBeNull();
    expect(namesLikelySame("Emil Michael", "Emil Mueller", "person")).toBeNull();
    expect(namesLikelySame("North Korea", "South Korea", "organization")).toBeNull();
  });

  test("a country code or a body's initials at the head of an organisation's name is not that organisation", () => {
    expect(namesLikelySame("US", "US government", "organization")).toBeNull();
    expect(namesLikelySame("U.S.", "U.S. Department of Defense", "organization")).toBeNull();
    expect(namesLikelySame("UN", "UN Security Council")).toBeNull();
    // A name's distinctive word still is, and so are a company's initials.
    expect(namesLikelySame("Anthropic", "Anthropic PBC", "organization")?.why).toMatch(/part of the other/);
    expect(namesLikelySame("IBM", "IBM Corp", "organization")?.why).toMatch(/part of the other/);
    expect(namesLikelySame("BBC", "BBC News", "organization")?.why).toMatch(/part of the other/);
  });

  test("scores follow how sure the reason is", () => {
    const score = (a: string, b: string) => namesLikelySame(a, b)?.score ?? 0;
    expect(score("Anthropic", "Anthropic")).toBe(1);
    expect(score("Óscar Puente", "Oscar Puente")).toBeGreaterThan(score("Alwaleed bin Talal", "Al Waleed bin Talal") - 0.01);
    expect(score("Alwaleed bin Talal", "Al Waleed bin Talal")).toBeGreaterThan(score("Michael", "Emil Michael"));
    expect(score("King Felipe VI", "Felipe VI")).toBeGreaterThan(score("Michael", "Emil Michael"));
    expect(score("Michael", "Emil Michael")).toBeGreaterThan(
      namesLikelySame("Geological Service", "Geological Survey", "organization")!.score,
    );
  });

  test.each([
    ["Anthropic", "OpenAI"],
    ["Emil Michael", "Dario Amodei"],
    ["Claude", "Cloud"],
    ["xAI", "Amazon Web Services"],
    ["2019 final", "2018 final"],
    ["Route 9", "Route 19"],
    ["Claude 3.5", "Claude 4.5"],
    ["North Korea", "South Korea"],
    ["S. Korea", "North Korea"],
    ["North Korea", "North Carolina"],
    ["Dan Smith", "Dylan Smith"],
    ["Felipe VI", "Felipe V"],
    ["Aemet", "Avamet"],
    ["Valencia flood of 2024", "Valencia flood of 1957"],
    ["State Meteorological Agency", "Valencian Association of Meteorology"],
  ])("%s / %s are different", (a, b) => {
    expect(namesLikelySame(a, b)).toBeNull();
    expect(namesLikelySame(a, b, "organization")).toBeNull();
  });

  test("possessive prefixes come off; titles stay", () => {
    expect(stripPossessivePrefix("the Pentagon's Michael")).toBe("Michael");
    expect(stripPossessivePrefix("Secretary of Defense Pete Hegseth")).toBe("Secretary of Defense Pete Hegseth");
  });

  test("entities of one kind are paired once, and pairs decided different are not proposed again", () => {
    const entities = [
      { id: "m", name: "Michael", kind: "person" as const, aliases: [] },
      { id: "em", name: "Emil Michael", kind: "person" as const, aliases: [] },
      { id: "msft", name: "Michael Corp", kind: "organization" as const, aliases: [] },
    ];
    const found = detectNamingConflicts(entities);
    expect(found.map((f) => f.key)).toEqual(["naming:em:m"]);
    expect(found[0]!.summary).toBe("One name is part of the other (score 0.70).");
    expect(detectNamingConflicts(entities, new Set(["naming:em:m"]))).toEqual([]);
  });

  test("the best reason among all names and aliases is the one given", () => {
    const found = detectNamingConflicts([
      { id: "a", name: "Alwaleed bin Talal", kind: "person", aliases: ["Prince Alwaleed"] },
      { id: "b", name: "Al Waleed bin Talal", kind: "person", aliases: [] },
      { id: "c", name: "Emil Michael", kind: "person", aliases: [] },
      { id: "d", name: "Emil Mueller", kind: "person", aliases: [] },
    ]);
    expect(found.map((f) => [f.key, f.summary])).toEqual([
      ["naming:a:b", "One name joins words that the other writes apart (score 0.90)."],
    ]);
  });
});

test.each([
  ["Correction: An earlier version misstated the launch date of Agent Skills; ", "it was December 2025, not late 2024", true],
  ["Some text.\nClarification: ", "the figure was $5 million", true],
  ["This story has been corrected: ", "x", true],
  ["Correction: old paragraph.\nA new paragraph says ", "valued at $18.4 billion", false],
  ["The company said its engineers would correct ", "course", false],
])("correction passage: %s%s → %s", (before, quote, expected) => {
  expect(isCorrectionPassage(before, quote)).toBe(expected);
});

test("scale slips are ratios near a power of ten", () => {
  expect(looksLikeScaleSlip(183, 18.4)).toBe(true);
  expect(looksLikeScaleSlip(1000, 1)).toBe(true);
  expect(looksLikeScaleSlip(183, 61.5)).toBe(false);
  expect(looksLikeScaleSlip(2, 2)).toBe(false);
});

describe("on the demo story's annotations", () => {
  // Pure data: the same claims the seed records, grouped as the data layer will group them.
  const demo = Object.entries(DEMO_CLAIMS).flatMap(([file, claims]) =>
    claims.map((c, i): DetectionClaim => {
      const text = c.value ?? c.quote;
      const parsed = parseValue(text, c.kind ?? detectValueKind(text));
      if (!parsed.ok) throw new Error(parsed.error);
      return {
        id: `${file}#${i}`,
        articleId: file,
        subjectId: c.subject,
        attribute: attributeKey(c.attribute),
        status: "active",
        value: parsed.value,
        asOf: null,
      };
    }),
  );
  const groups = new Map<string, DetectionClaim[]>();
  for (const c of demo) groups.set(`${c.subjectId}|${c.attribute}`, [...(groups.get(`${c.subjectId}|${c.attribute}`) ?? []), c]);
  const found = [...groups.values()].flatMap((g) => detectGroupConflicts(g));

  test("finds the valuation slip, the backers' lists and the launch date; roles and models mentioned are not flagged", () => {
    expect(found.map((f) => f.key).sort()).toEqual(
      expect.arrayContaining(["claims:Anthropic:valuation", "claims:Anthropic:backers", "claims:Agent Skills:launch_date"]),
    );
    expect(found.map((f) => f.key).filter((k) => k.endsWith(":role") || k.endsWith(":models"))).toEqual([]);
    expect(found.find((f) => f.key === "claims:Anthropic:valuation")?.kind).toBe("scale");
    expect(found.find((f) => f.key === "claims:Anthropic:backers")?.kind).toBe("set");
  });

  test("finds $183 billion given for Anthropic and for the AI industry", () => {
    expect(detectMisattributions(demo).map((f) => f.entityIds)).toContainEqual(["AI industry", "Anthropic"]);
  });

  test("proposes merging Michael into Emil Michael", () => {
    const people = DEMO_ENTITIES.map((e) => ({ id: e.name, name: e.name, kind: e.kind, aliases: e.aliases ?? [] }));
    expect(detectNamingConflicts(people).map((f) => f.entityIds)).toContainEqual(["Emil Michael", "Michael"]);
  });
});
