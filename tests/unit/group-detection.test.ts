import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { AttributeSense } from "@/lib/domain/attribute-sense.ts";
import { type DetectionClaim, relatePairs } from "@/lib/domain/conflicts.ts";
import { conflictsOfState, extendGroupState, fingerprintOf, groupState } from "@/lib/domain/group-detection.ts";
import { readGroupState } from "@/lib/domain/json-codecs.ts";
import { parseMoment } from "@/lib/domain/moments.ts";
import { parseValue } from "@/lib/domain/values.ts";

const zone = { timeZone: "Europe/Madrid" };
const VALUES = ["51", "62", "95", "95", "five", "six", "158", "1,580", "$18.4 billion", "$183 billion", "$1.2 billion", "about 200", "211"];
const DAYS = [null, "29 October 2024", "30 October 2024, 09:40", "30 October 2024, 23:15", "31 October 2024"];
const CONTEXTS = ["the toll rose to ", "officials said ", "a correction: the toll is ", "at least ", "so far, "];

/** A claim of the one group, from small choices (so that values repeat, agree and disagree). */
const claimArb = fc.record({
  value: fc.constantFrom(...VALUES),
  asOf: fc.constantFrom(...DAYS),
  published: fc.constantFrom(...DAYS),
  article: fc.integer({ min: 0, max: 3 }),
  context: fc.constantFrom(...CONTEXTS),
  status: fc.constantFrom("active", "active", "active", "retracted" as const),
  inCorrection: fc.boolean(),
});

const plain = { asOf: null, published: null, article: 0, context: "", status: "active", inCorrection: false } as const;

type Pick = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

function build(picks: Pick[]): DetectionClaim[] {
  return picks.map((p, i) => {
    const parsed = parseValue(p.value, undefined, zone);
    if (!parsed.ok) throw new Error(parsed.error);
    return {
      id: `c${String(i).padStart(3, "0")}`,
      articleId: `a${p.article}`,
      subjectId: "flood",
      attribute: "death_toll",
      attributeLabel: "Death toll",
      status: p.status as DetectionClaim["status"],
      value: parsed.value,
      asOf: p.asOf ? parseMoment(p.asOf, zone) : null,
      published: p.published ? parseMoment(p.published, zone) : null,
      inCorrection: p.inCorrection,
      context: `${p.context}${p.value}`,
    };
  });
}

const SENSES: AttributeSense[] = [
  { cardinality: "single", change: "fixed", lists: "exhaustive" },
  { cardinality: "single", change: "tally", lists: "exhaustive" },
  { cardinality: "single", change: "changes", lists: "exhaustive" },
];

describe("a group's detection state", () => {
  test("adding claims one at a time gives the same state, and conflicts, as computing the group whole", () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 14 }), fc.constantFrom(...SENSES), (picks, sense) => {
        const claims = build(picks);
        let state = groupState([], sense);
        for (let i = 0; i < claims.length; i++) {
          const added = claims[i]!;
          // Only active claims join by extension; a claim that is not active changes nothing.
          if (added.status === "active") state = extendGroupState(state, claims.slice(0, i), added);
        }
        const whole = groupState(claims, sense);
        expect(state).toEqual(whole);
        expect(conflictsOfState(state, "flood", "death_toll")).toEqual(conflictsOfState(whole, "flood", "death_toll"));
      }),
      { numRuns: 300 },
    );
  });

  test("a big group repeating a few reports gives the state of comparing every pair once", () => {
    // groupState compares claims alike once; extending one claim at a time compares every pair.
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 20, maxLength: 90 }), fc.constantFrom(...SENSES), (picks, sense) => {
        const claims = build(picks);
        let state = groupState([], sense);
        for (let i = 0; i < claims.length; i++) {
          if (claims[i]!.status === "active") state = extendGroupState(state, claims.slice(0, i), claims[i]!);
        }
        expect(groupState(claims, sense)).toEqual(state);
      }),
      { numRuns: 60 },
    );
  });

  test("holds the claims of every disagreeing pair, and no other", () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 2, maxLength: 12 }), fc.constantFrom(...SENSES), (picks, sense) => {
        const claims = build(picks);
        const inPairs = new Set(
          relatePairs(claims, sense)
            .filter((p) => p.relation !== "consistent" && !p.fits)
            .flatMap((p) => [p.a, p.b]),
        );
        const members = new Set(Object.values(groupState(claims, sense).families).flatMap((f) => f.ids));
        expect([...members].sort()).toEqual([...inPairs].sort());
      }),
      { numRuns: 200 },
    );
  });

  test("is read back from its stored JSON as it was written; anything else reads as none (and is recomputed)", () => {
    const claims = build(["51", "95", "five", "158"].map((value, article) => ({ ...plain, value, article })));
    const state = groupState(claims, SENSES[1]!);
    expect(Object.keys(state.families).length).toBeGreaterThan(0);
    expect(readGroupState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(readGroupState({ version: 1, count: 2 })).toBeNull();
    expect(readGroupState(null)).toBeNull();
  });

  test("knows which active claims it covers, whatever their order", () => {
    const claims = build([
      { value: "51", asOf: null, published: null, article: 0, context: "", status: "active", inCorrection: false },
      { value: "62", asOf: null, published: null, article: 1, context: "", status: "retracted", inCorrection: false },
      { value: "95", asOf: null, published: null, article: 2, context: "", status: "active", inCorrection: false },
    ]);
    expect(fingerprintOf(claims)).toEqual(fingerprintOf([...claims].reverse()));
    expect(fingerprintOf(claims).count).toBe(2);
    expect(fingerprintOf(claims)).not.toEqual(fingerprintOf(claims.slice(0, 2)));
  });
});
