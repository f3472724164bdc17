import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { AttributeSense } from "@/lib/domain/attribute-sense.ts";
import { type DetectionClaim, detectGroupConflicts } from "@/lib/domain/conflicts.ts";
import { conflictsOfState, groupState, groupStateAllPairs, groupStateBySweep } from "@/lib/domain/group-detection.ts";
import { parseMoment } from "@/lib/domain/moments.ts";
import { type NormalizedValue, parseValue } from "@/lib/domain/values.ts";

/**
 * Detection over a whole group without comparing every pair (`groupStateBySweep`, and
 * `groupState` choosing it for large groups) against comparing every pair: the same state, so
 * the same conflicts, kinds, members and explanations.
 */
const zone = { timeZone: "Europe/Madrid" };
const read = (text: string, kind?: NormalizedValue["kind"]): NormalizedValue => {
  const parsed = parseValue(text, kind, zone);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
  return parsed.value;
};
/** Figures with ranges, hedges, rounding, units and scale slips; dates; texts; a list and a time (compared pair by pair). */
const VALUES: NormalizedValue[] = [
  ...["51", "62", "95", "95", "about 200", "211", "between 40 and 50", "45", "at least 62", "nearly 50", "48", "158", "1,580", "15.8"].map(
    (t) => read(t, "number"),
  ),
  ...["5,400", "2,500 vehicles", "250 vehicles", "dozens", "0"].map((t) => read(t, "number")),
  ...["$18.4 billion", "$183 billion", "$1.2 billion", "$12 billion", "€18 billion"].map((t) => read(t, "money")),
  ...["12 km", "7.5 miles", "1,200 metres", "120 km"].map((t) => read(t, "number")),
  ...["9.1%", "9.2%", "91%", "12%"].map((t) => read(t, "percentage")),
  ...["29 October 2024", "October 2024", "30 October 2024", "2024", "29 October 2023"].map((t) => read(t, "date")),
  ...["Xinxian Township", "Xinxian town", "the county", "north-west", "northwest", "Pentagon", "Department of Defense", "Derna"].map((t) =>
    read(t, "text"),
  ),
  read("Spain, France and Italy", "list"),
  read("Spain and France", "list"),
];
const DAYS = [null, "29 October 2024", "30 October 2024, 09:40", "30 October 2024, 23:15", "31 October 2024"];
const SOURCES = [undefined, undefined, "police", "the Red Cross", "RC"];
const METHODS = [undefined, undefined, "survey", "census", "exit poll projection"];
const PARTS = [undefined, undefined, "Derna", "the city of Derna", "elsewhere in the east"];
const ENTITIES = [null, null, "e1", "e2"] as const;

const claimArb = fc.record({
  value: fc.integer({ min: 0, max: VALUES.length - 1 }),
  asOf: fc.constantFrom(...DAYS),
  published: fc.constantFrom(...DAYS),
  article: fc.integer({ min: 0, max: 3 }),
  status: fc.constantFrom("active", "active", "active", "active", "retracted" as const),
  inCorrection: fc.boolean(),
  accordingTo: fc.constantFrom(...SOURCES),
  method: fc.constantFrom(...METHODS),
  part: fc.constantFrom(...PARTS),
  entity: fc.constantFrom(...ENTITIES),
  /** Words that write the figure as a count still running. */
  running: fc.boolean(),
});
type Pick = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

/** Plain claims most of the time, so that blocks are large; the odd qualifier, moment or correction. */
const plainish = fc.record({ plain: fc.boolean(), pick: claimArb }).map(({ plain, pick }) =>
  plain
    ? {
        ...pick,
        asOf: null,
        published: null,
        inCorrection: false,
        accordingTo: undefined,
        method: undefined,
        part: undefined,
        running: false,
      }
    : pick,
);

function build(picks: Pick[]): DetectionClaim[] {
  return picks.map((p, i) => {
    const value = VALUES[p.value]!;
    const text = value.kind === "text" || value.kind === "entity";
    return {
      id: `c${String(i).padStart(3, "0")}`,
      articleId: `a${p.article}`,
      subjectId: "flood",
      attribute: "death_toll",
      attributeLabel: "Death toll",
      status: p.status as DetectionClaim["status"],
      value,
      asOf: p.asOf ? parseMoment(p.asOf, zone) : null,
      published: p.published ? parseMoment(p.published, zone) : null,
      inCorrection: p.inCorrection,
      context: `${p.running ? "had so far counted" : "reported"} ${value.text}`,
      accordingTo: p.accordingTo,
      method: p.method,
      appliesToPart: p.part,
      valueEntityId: text ? p.entity : null,
      valueEntityAncestors: text && p.entity === "e1" ? ["e2"] : [],
    };
  });
}

const SENSES: AttributeSense[] = [
  { cardinality: "single", change: "fixed", lists: "exhaustive" },
  { cardinality: "single", change: "tally", lists: "exhaustive" },
  { cardinality: "single", change: "changes", lists: "partial" },
  { cardinality: "multi", change: "fixed", lists: "exhaustive" },
];

describe("a group's state without comparing every pair", () => {
  test("is the state of comparing every pair: same conflicts, kinds, members and explanations", () => {
    fc.assert(
      fc.property(fc.array(plainish, { minLength: 1, maxLength: 60 }), fc.constantFrom(...SENSES), (picks, sense) => {
        const claims = build(picks);
        const reference = groupStateAllPairs(claims, sense);
        const swept = groupStateBySweep(claims, sense)!;
        expect(swept).toEqual(reference);
        expect(conflictsOfState(swept, "flood", "death_toll")).toEqual(conflictsOfState(reference, "flood", "death_toll"));
      }),
      { numRuns: 400 },
    );
  });

  test("gives up past its budget of pairs compared one by one, and the group is then compared kin by kin", () => {
    const claims = build(Array.from({ length: 40 }, (_, i) => ({ ...plainPick, value: i % 2 })));
    const sense = SENSES[0]!;
    expect(groupStateBySweep(claims, sense, 10)).toBeNull();
    // Lists are compared pair by pair: counted before any is compared.
    const lists = build(Array.from({ length: 40 }, (_, i) => ({ ...plainPick, value: VALUES.length - 1 - (i % 2) })));
    expect(groupStateBySweep(lists, sense, 10)).toBeNull();
    expect(groupStateBySweep(lists, sense)).toEqual(groupStateAllPairs(lists, sense));
    // Figures a power of ten apart are compared one by one too: counted as they are found.
    const slips = build(Array.from({ length: 40 }, (_, i) => ({ ...plainPick, value: i % 2 ? 12 : 13 }))).map((c, i) => ({
      ...c,
      value: read(String(i % 2 ? 100 + i : 1000 + 10 * i), "number"),
    }));
    expect(groupStateBySweep(slips, sense, 50)).toBeNull();
    expect(groupStateBySweep(slips, sense)).toEqual(groupStateAllPairs(slips, sense));
    expect(groupState(claims, sense)).toEqual(groupStateAllPairs(claims, sense));
  });

  test("a large group of values all different: what groupState finds is every pair's finding", () => {
    // Figures from 1,000 to 1,299 from ten outlets on three days, a few repeated, one in correction.
    const picks = Array.from({ length: 300 }, (_, i): Pick => ({ ...plainPick, value: 0, article: i % 4 }));
    const claims = build(picks).map((c, i) => ({
      ...c,
      value: read(String(1000 + (i % 290)), "number"),
      published: parseMoment(DAYS[1 + (i % 3)]!, zone),
      inCorrection: i === 17,
    }));
    for (const sense of SENSES) {
      expect(groupState(claims, sense)).toEqual(groupStateAllPairs(claims, sense));
      expect(detectGroupConflicts(claims).length).toBeGreaterThan(0);
    }
  });
});

const plainPick: Pick = {
  value: 0,
  asOf: null,
  published: null,
  article: 0,
  status: "active",
  inCorrection: false,
  accordingTo: undefined,
  method: undefined,
  part: undefined,
  entity: null,
  running: false,
};

describe("a source revising its own figure, in a group compared by sweep", () => {
  test("is read as the pairs compared one by one read it: the same figure again hours later is its own moment", () => {
    const at = (v: string, day: string, id: string): DetectionClaim => ({
      id,
      articleId: `a${id}`,
      subjectId: "quake",
      attribute: "magnitude",
      attributeLabel: "Magnitude",
      status: "active",
      value: read(v, "number"),
      asOf: null,
      published: parseMoment(day, zone),
      accordingTo: "the seismic agency",
      context: `put its magnitude at ${v}`,
    });
    const claims = [
      at("7.4", "6 February 2023, 09:00", "1"),
      at("7.4", "9 February 2023, 09:00", "2"),
      at("7.7", "9 February 2023, 12:00", "3"),
    ];
    const fixed = SENSES[0]!;
    expect(groupStateBySweep(claims, fixed)).toEqual(groupStateAllPairs(claims, fixed));
  });
});
