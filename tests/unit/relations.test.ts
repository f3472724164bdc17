import { describe, expect, test } from "vitest";
import { inferSense } from "@/lib/domain/attribute-sense.ts";
import { type DetectionClaim, detectGroupConflicts, detectMisattributions, relate, significantDigits } from "@/lib/domain/conflicts.ts";
import { parseMoment } from "@/lib/domain/moments.ts";
import { parseValue, type ValueKind } from "@/lib/domain/values.ts";

const zone = { timeZone: "Europe/Madrid" };
let n = 0;
function claim(
  text: string,
  over: Partial<DetectionClaim> & { kind?: ValueKind; published?: DetectionClaim["published"] } = {},
): DetectionClaim {
  const parsed = parseValue(text, over.kind, zone);
  if (!parsed.ok) throw new Error(parsed.error);
  n++;
  return {
    id: `c${String(n).padStart(3, "0")}`,
    articleId: `a${n}`,
    subjectId: "flood",
    attribute: "death_toll",
    attributeLabel: "Death toll",
    status: "active",
    value: parsed.value,
    asOf: null,
    ...over,
  };
}
const at = (text: string) => parseMoment(text, zone);
const tally = { cardinality: "single", change: "tally", lists: "exhaustive" } as const;
const fixed = { cardinality: "single", change: "fixed", lists: "exhaustive" } as const;

describe("pair relations", () => {
  test("a running tally reported at different times is an update; a later lower count is a decrease", () => {
    const monday = claim("51", { published: at("30 October 2024, 09:40") });
    const later = claim("95", { published: at("30 October 2024, 23:15") });
    expect(relate(monday, later, tally)?.relation).toBe("update");
    const six = claim("six", { attribute: "people_missing", published: at("30 October 2024, 09:40") });
    const five = claim("five", { attribute: "people_missing", published: at("30 October 2024, 23:15") });
    expect(relate(six, five, tally)).toMatchObject({ relation: "decrease", why: expect.stringMatching(/went down/) });
  });

  test("the same figures at the same moment, or on a fixed attribute, cannot both be true", () => {
    const a = claim("214", { articleId: "same", published: at("3 November 2024, 19:45") });
    const b = claim("217", { articleId: "same", published: at("3 November 2024, 19:45") });
    expect(relate(a, b, tally)?.relation).toBe("contradiction");
    const x = claim("5,700", { published: at("2 November 2024") });
    const y = claim("5,400", { published: at("3 November 2024") });
    expect(relate(x, y, fixed)).toMatchObject({
      relation: "contradiction",
      why: expect.stringMatching(/5,700 against 5,400: they differ by 5\.26%/),
    });
  });

  test("as-of dates the analyst wrote make an update on any attribute", () => {
    const a = claim("$61.5 billion", { asOf: at("2025-03-01") });
    const b = claim("$183 billion", { asOf: at("2025-09-01") });
    expect(relate(a, b, fixed)?.relation).toBe("update");
  });

  test("differently qualified figures are different measures; a part against the whole is containment", () => {
    const aemet = claim("618.0 litres per square metre", { accordingTo: "Aemet" });
    const avamet = claim("640.8 litres per square metre", { accordingTo: "Avamet" });
    expect(relate(aemet, avamet, fixed)).toMatchObject({
      relation: "measure",
      why: expect.stringMatching(/according to Aemet and to Avamet/),
    });
    const baselines = [claim("18%", { method: "over the close of 13 April" }), claim("38%", { method: "over the close of 1 April" })];
    expect(relate(baselines[0]!, baselines[1]!, fixed)?.relation).toBe("measure");
    const part = claim("about 2,500 vehicles", { appliesToPart: "underground level" });
    expect(relate(part, claim("5,400"), fixed)?.relation).toBe("containment");
  });

  test("values in different units compare after conversion, and say so with numbers", () => {
    expect(relate(claim("12 kilometres (7.5 miles)"), claim("about seven miles"), fixed)).toMatchObject({
      relation: "consistent",
      why: expect.stringMatching(/consistent after conversion: 12 kilometres \(7\.5 miles\) = 7\.46 mi/),
    });
    expect(relate(claim("491 litres per square metre"), claim("491 millimetres, or more than 19 inches"), fixed)?.relation).toBe(
      "consistent",
    );
    expect(relate(claim("12 km"), claim("about 6 miles"), fixed)).toMatchObject({
      relation: "contradiction",
      why: expect.stringMatching(/12 km = 7\.46 mi; the other source says about 6 miles \(5\.4–6\.6 mi\): they differ by 19\.5%/),
    });
    expect(relate(claim("12 km"), claim("12 kg"), fixed)).toBeNull();
  });

  test("figures written to one decimal that differ in it disagree; a hedged round figure agrees", () => {
    expect(relate(claim("9.2%"), claim("9.1%"), fixed)?.relation).toBe("contradiction");
    expect(relate(claim("19"), claim("18"), fixed)?.relation).toBe("contradiction");
    expect(relate(claim("9.2%"), claim("about 9 per cent"), fixed)).toBeNull();
    expect(relate(claim("80,000"), claim("80,900"), fixed)).toBeNull();
  });

  test("the same instant in two zones agrees; one minute apart at minute precision does not", () => {
    const ref = { referenceDate: new Date("2024-11-04T12:10:00+01:00") };
    const t = (text: string) => {
      const p = parseValue(text, "time", { ...zone, ...ref });
      if (!p.ok) throw new Error(p.error);
      return { ...claim("1"), value: p.value };
    };
    expect(relate(t("1911 GMT on Tuesday"), t("20:11 local time last Tuesday"), fixed)?.relation).toBe("consistent");
    expect(relate(t("8:12pm on Tuesday"), t("1911 GMT on Tuesday"), fixed)).toMatchObject({
      relation: "contradiction",
      why: expect.stringMatching(/1 minute apart/),
    });
  });

  test("a correction in the same article at the same moment; a later as-of in it is an update", () => {
    const wrong = claim("52", { articleId: "x", inCorrection: true });
    const right = claim("at least 62", { articleId: "x" });
    expect(relate(wrong, right, tally)?.relation).toBe("correction");
    const update = claim("219", { articleId: "y", inCorrection: true, asOf: at("2024-11-05") });
    const before = claim("217", { articleId: "y", asOf: at("2024-11-04") });
    expect(relate(update, before, tally)?.relation).toBe("update");
  });

  test("partial lists disagree only when they name a member a complete list lacks", () => {
    const list = (text: string, after = "") =>
      claim(text, { kind: "list", attribute: "co_investors", attributeLabel: "Co-investors", after });
    const some = list("Qatar Holding, Brookfield and Fidelity", " are also on the list.");
    const others = list("Binance, Sequoia Capital, Brookfield, Fidelity", " are among 18 investors");
    expect(relate(some, others, fixed)).toBeNull();
    expect(relate(list("Binance, Sequoia"), list("Binance, Sequoia, Fidelity"), fixed)?.relation).toBe("set");
    expect(relate(list("Binance, Sequoia"), list("Binance, Qatar Holding", " among others"), fixed)?.relation).toBe("set");
  });
});

describe("parts of a subject", () => {
  test("figures for two named parts, or for the rest beside the figure without a part, raise nothing", () => {
    const capital = claim("at least 30,000", { attributeLabel: "People displaced", appliesToPart: "the capital" });
    const provinces = claim("6,085", { attributeLabel: "People displaced", appliesToPart: "other provinces" });
    expect(relate(capital, provinces, tally)).toMatchObject({ relation: "containment", fits: true });
    expect(detectGroupConflicts([capital, provinces])).toEqual([]);
    const europe = claim("$4.1 billion", { attribute: "revenue", attributeLabel: "Revenue", appliesToPart: "Europe" });
    const asia = claim("$2.7 billion", { attribute: "revenue", attributeLabel: "Revenue", appliesToPart: "Asia" });
    expect(detectGroupConflicts([europe, asia])).toEqual([]);

    const city = claim("11,300");
    const elsewhere = claim("about 170", { appliesToPart: "elsewhere in the east of the country" });
    expect(relate(city, elsewhere, tally)).toMatchObject({ relation: "containment", fits: true, why: expect.stringMatching(/the rest/) });
    expect(detectGroupConflicts([city, elsewhere])).toEqual([]);
    const outside = claim("$5 billion", { attribute: "revenue", attributeLabel: "Revenue", appliesToPart: "outside the United States" });
    expect(detectGroupConflicts([claim("$21 billion", { attribute: "revenue", attributeLabel: "Revenue" }), outside])).toEqual([]);

    // One part written two ways, or one inside the other, is still to be checked.
    const derna = claim("11,300", { appliesToPart: "Derna" });
    const city2 = claim("3,958", { appliesToPart: "the city of Derna" });
    expect(relate(derna, city2, tally)).toMatchObject({ relation: "containment" });
    expect(relate(derna, city2, tally)?.fits).toBeFalsy();
    expect(detectGroupConflicts([derna, city2]).map((c) => c.kind)).toEqual(["containment"]);

    // A part inside the figure without one is still to be checked against it.
    const underground = claim("about 2,500 vehicles", {
      attribute: "capacity",
      attributeLabel: "Capacity",
      appliesToPart: "underground level",
    });
    const whole = claim("5,400", { attribute: "capacity", attributeLabel: "Capacity" });
    expect(detectGroupConflicts([underground, whole]).map((c) => c.kind)).toEqual(["containment"]);
  });
});

describe("a running tally read from hedged figures", () => {
  test("figures whose hedges overlap, given at different moments, show the count moving", () => {
    const saturday = claim("more than 40,000", { attributeLabel: "People displaced", published: at("16 September 2023, 19:15") });
    const monday = claim("46,000", { attributeLabel: "People displaced", published: at("18 September 2023, 20:00") });
    expect(relate(saturday, monday, tally)).toMatchObject({
      relation: "update",
      why: expect.stringMatching(/more than 40,000 .*→ 46,000/),
    });
    expect(detectGroupConflicts([saturday, monday]).map((c) => c.kind)).toEqual(["temporal"]);

    const thursday = claim("10,100", { attributeLabel: "People missing", published: at("14 September 2023, 22:40") });
    const later = claim("more than 9,000", { attributeLabel: "People missing", published: at("17 September 2023, 19:15") });
    expect(relate(thursday, later, tally)?.relation).toBe("decrease");
    // A later figure inside an earlier ceiling or range tells what it hedged: no fall.
    for (const [hedged, figure] of [
      ["nearly 50", "48"],
      ["up to 50", "45"],
      ["dozens", "30"],
    ]) {
      const first = claim(hedged!, { published: at("1 November 2024") });
      expect(relate(first, claim(figure!, { published: at("2 November 2024") }), tally)?.relation).toBe("update");
    }

    // One figure repeated later, or two hedged figures of one moment, are no change.
    expect(
      relate(claim("at least 62", { published: at("1 November 2024") }), claim("at least 62", { published: at("2 November 2024") }), tally),
    ).toBeNull();
    const noon = at("1 November 2024, 12:00");
    expect(relate(claim("more than 200", { published: noon }), claim("about 205", { published: noon }), tally)).toBeNull();
    // A figure that does not move over time is still read as written.
    expect(
      relate(
        claim("more than 400 mm", { published: at("12 September 2023") }),
        claim("414 mm", { published: at("18 September 2023") }),
        fixed,
      ),
    ).toBeNull();
  });
});

describe("a running tally counted by different sources", () => {
  test("a later count from another source is an update; counts of one moment are different measures", () => {
    const tuesday = claim("2,300", { accordingTo: "emergency services", published: at("12 September 2023, 18:00") });
    const thursday = claim("5,500", { accordingTo: "health ministry", published: at("14 September 2023, 22:40") });
    expect(relate(tuesday, thursday, tally)).toMatchObject({ relation: "update", why: expect.stringMatching(/Changed over time/) });
    expect(detectGroupConflicts([tuesday, thursday]).map((c) => c.kind)).toEqual(["temporal"]);

    const who = claim("3,958", { accordingTo: "WHO", asOf: at("16 September 2023, 19:00") });
    const ministry = claim("3,252", { accordingTo: "health ministry", asOf: at("16 September 2023, 19:00") });
    expect(relate(who, ministry, tally)?.relation).toBe("measure");
    // Not on an attribute that is not a tally: two stations' rainfall stay two measures.
    const aemet = claim("618 litres per square metre", { accordingTo: "Aemet", published: at("1 November 2024") });
    const avamet = claim("640.8 litres per square metre", { accordingTo: "Avamet", published: at("2 November 2024") });
    expect(relate(aemet, avamet, fixed)?.relation).toBe("measure");
  });
});

describe("a tally of what cannot be undone", () => {
  test("a count of deaths per day or per week is a new count each time: a fall is a decrease", () => {
    const daily = (text: string, when: string) =>
      claim(text, { attribute: "daily_deaths", attributeLabel: "Daily deaths", published: at(when) });
    expect(relate(daily("120", "30 October 2024"), daily("80", "31 October 2024"), tally)?.relation).toBe("decrease");
    const weekly = (text: string, when: string) =>
      claim(text, { attribute: "weekly_covid_deaths", attributeLabel: "Weekly Covid deaths", published: at(when) });
    expect(relate(weekly("1,500", "2 March 2021"), weekly("900", "9 March 2021"), tally)?.relation).toBe("decrease");
  });

  test("a death toll that falls between reports cannot both be true; a missing count that falls is a decrease", () => {
    const friday = claim("11,300", { accordingTo: "Red Crescent", published: at("14 September 2023, 22:40") });
    const saturday = claim("3,958", { accordingTo: "WHO", asOf: at("16 September 2023, 19:00") });
    expect(relate(friday, saturday, tally)).toMatchObject({
      relation: "contradiction",
      why: expect.stringMatching(/cannot be undone went down/),
    });
    expect(detectGroupConflicts([friday, saturday]).map((c) => c.kind)).toEqual(["value"]);
    const razed = (text: string, when: string) =>
      claim(text, { attribute: "houses_destroyed", attributeLabel: "Houses destroyed", published: at(when) });
    expect(relate(razed("1,200", "1 March 2025"), razed("800", "3 March 2025"), tally)?.relation).toBe("contradiction");

    const missing = (text: string, when: string) =>
      claim(text, { attribute: "people_missing", attributeLabel: "People missing", published: at(when) });
    expect(relate(missing("10,100", "14 September 2023"), missing("7,000", "17 September 2023"), tally)?.relation).toBe("decrease");
    // A rising toll is still an update, and a fall within the hedges a decrease to look at.
    expect(
      relate(claim("3,000", { published: at("14 September 2023") }), claim("5,300", { published: at("15 September 2023") }), tally)
        ?.relation,
    ).toBe("update");
    expect(
      relate(claim("about 4,000", { published: at("16 September 2023") }), claim("3,958", { published: at("18 September 2023") }), tally)
        ?.relation,
    ).toBe("decrease");
  });
});

describe("a group's conflicts follow from its pairs", () => {
  test("a rising toll with one stale figure gives a change over time and a contradiction, each its own conflict", () => {
    const found = detectGroupConflicts([
      claim("51", { published: at("30 October 2024, 09:40") }),
      claim("158", { published: at("31 October 2024, 21:05") }),
      claim("214", { articleId: "herald", published: at("3 November 2024, 19:45") }),
      claim("217", { articleId: "herald", published: at("3 November 2024, 19:45") }),
    ]);
    expect(found.map((f) => [f.key, f.kind])).toEqual([
      ["claims:flood:death_toll", "value"],
      ["claims:flood:death_toll:temporal", "temporal"],
    ]);
    expect(found[0]!.claimIds).toHaveLength(2);
    expect(found[1]!.summary).toMatch(/^Changed over time: /);
  });
});

describe("how an attribute behaves, inferred", () => {
  const numbers = [{ value: { kind: "number" } }];
  test.each([
    ["Death toll", numbers, "tally"],
    ["People missing", numbers, "tally"],
    ["Parking spaces", numbers, "fixed"],
    [
      "Margin loan",
      [{ value: { kind: "money" }, context: "Musk has halved the margin loan taken from a group of lenders to $6.25 billion" }],
      "changes",
    ],
    ["Share price", [{ value: { kind: "money" } }], "changes"],
    ["Date", [{ value: { kind: "date" }, context: "the toll reached 200 on Tuesday" }], "fixed"],
  ])("%s → %s", (label, claims, change) => {
    expect(inferSense(label, claims).change).toBe(change);
  });

  test("roles, titles and products mentioned hold several values", () => {
    expect(inferSense("Role", [{ value: { kind: "text" } }]).cardinality).toBe("multi");
    expect(inferSense("Models", [{ value: { kind: "list" } }]).cardinality).toBe("multi");
    expect(inferSense("Headquarters", [{ value: { kind: "text" } }]).cardinality).toBe("single");
  });

  test("a company has several founders and spokespeople, a person several past employers, but one CEO and one employer at a time", () => {
    for (const label of ["Founder", "Co-founder", "Founders", "Former employer", "Spokesperson"])
      expect(inferSense(label, [{ value: { kind: "text" } }]).cardinality, label).toBe("multi");
    for (const label of ["CEO", "Employer"]) expect(inferSense(label, [{ value: { kind: "text" } }]).cardinality, label).toBe("single");
  });
});

describe("misattribution", () => {
  test("a figure of one significant digit is too common to be one subject's", () => {
    expect(significantDigits(1e9)).toBe(1);
    expect(significantDigits(183e9)).toBe(3);
    expect(significantDigits(7.14e9)).toBe(3);
    // Read to twelve digits: zeros count between other digits, never around them; nor do the point and the exponent.
    for (const [n, digits] of [
      [0, 0],
      [1005, 4],
      [-2500, 2],
      [0.0305, 3],
      [12.5, 3],
      [1.5e-7, 2],
      [2.5e21, 2],
      [0.1 + 0.2, 1],
    ] as const)
      expect(significantDigits(n), String(n)).toBe(digits);
    const fee = claim("$1 billion", { subjectId: "deal", articleId: "p" });
    const ellison = claim("$1 billion", { subjectId: "ellison", articleId: "q" });
    expect(detectMisattributions([fee, ellison])).toEqual([]);
    const a = claim("18%", { subjectId: "premium", articleId: "p" });
    const b = claim("18%", { subjectId: "move", articleId: "q" });
    expect(detectMisattributions([a, b])).toHaveLength(1);
  });
});

describe("part and whole among entity values", () => {
  const place = (text: string, valueEntityId: string | null, valueEntityAncestors: string[] = []) =>
    claim(text, { kind: "text", attribute: "place_of_death", attributeLabel: "Place of death", valueEntityId, valueEntityAncestors });
  const town = () => place("Alhaurín de la Torre, near Málaga", "alhaurin", ["malaga-province", "andalusia"]);

  test("a town against the region it is in (transitively) is containment that raises no conflict", () => {
    const region = place("Andalusia", "andalusia");
    const verdict = relate(town(), region, fixed);
    expect(verdict).toEqual({
      relation: "containment",
      why: "One value is part of the other: Alhaurín de la Torre, near Málaga is in Andalusia.",
      fits: true,
    });
    // Either way round.
    expect(relate(region, town(), fixed)?.relation).toBe("containment");
    expect(detectGroupConflicts([town(), region])).toEqual([]);
  });

  test("without part-of, or between two places inside one region, the values still cannot both be true", () => {
    expect(relate(place("Alhaurín de la Torre, near Málaga", "alhaurin"), place("Andalusia", "andalusia"), fixed)?.relation).toBe(
      "contradiction",
    );
    const seville = place("Seville", "seville", ["andalusia"]);
    expect(relate(town(), seville, fixed)?.relation).toBe("contradiction");
    // A text that names no entity is never read as a part of anything.
    expect(relate(place("somewhere near Málaga", null), place("Andalusia", "andalusia"), fixed)?.relation).toBe("contradiction");
  });

  test("a third place that contradicts both still raises one conflict; the fitting pair is shown but not set against", () => {
    const region = place("Andalusia", "andalusia");
    const elsewhere = place("Valencia", "valencia");
    const [conflict] = detectGroupConflicts([town(), region, elsewhere]);
    expect(conflict).toMatchObject({ kind: "value" });
    expect(conflict!.claimIds).toHaveLength(3);
  });
});

describe("places under another type label", () => {
  const place = (text: string) => claim(text, { kind: "text", attribute: "epicentre", attributeLabel: "Epicentre" });
  test("the same name with another type word is one place; a bare type word is not a name", () => {
    expect(relate(place("Xinxian Township"), place("Xinxian town"), fixed)).toBeNull();
    expect(relate(place("Orange County"), place("Orange"), fixed)).toBeNull();
    expect(relate(place("the county"), place("the state"), fixed)?.relation).toBe("contradiction");
    expect(relate(place("Xinxian Township"), place("Jinping County"), fixed)?.relation).toBe("contradiction");
  });
});

describe("a day that holds the publication", () => {
  test("a tally's day as-of is read to the publication's minute; a moving price's is not", () => {
    const morning = claim("51", { asOf: at("2024-10-30"), published: at("30 October 2024, 09:40") });
    const evening = claim("95", { asOf: at("2024-10-30"), published: at("30 October 2024, 23:15") });
    expect(relate(morning, evening, tally)?.relation).toBe("update");
    const changes = { ...tally, change: "changes" } as const;
    const early = claim("12%", { asOf: at("2024-10-30"), published: at("30 October 2024, 08:05") });
    const late = claim("18%", { asOf: at("2024-10-30"), published: at("30 October 2024, 16:30") });
    expect(relate(early, late, changes)?.relation).toBe("contradiction");
  });
});

describe("attribute names that only look like tallies or lists", () => {
  const numbers = [{ value: { kind: "number" } }];
  test.each([
    ["Height of damaged bridge", numbers, "fixed"],
    ["Missing persons hotline", numbers, "fixed"],
    ["Houses destroyed", numbers, "tally"],
    ["Number of evacuees", numbers, "tally"],
    ["Tesla stock sold after the deal (shares)", numbers, "tally"],
    ["Bridge height", [{ value: { kind: "number" }, context: "officials, reached by phone, said the bridge is" }], "fixed"],
  ])("%s → %s", (label, claims, change) => {
    expect(inferSense(label, claims).change).toBe(change);
  });

  test("an aircraft model, a head office or a post-mortem finding holds one value", () => {
    for (const label of ["Aircraft model", "Head office", "Post-mortem finding"]) {
      expect(inferSense(label, [{ value: { kind: "text" } }]).cardinality).toBe("single");
    }
  });
});

describe("a projection or an estimate against a count", () => {
  test("a figure whose method is a projection, against one given without it, is a different measure however far apart in time", () => {
    const poll = claim("320", { method: "exit poll projection", published: at("7 May 2026, 22:05") });
    const declared = claim("326", { published: at("9 May 2026, 11:00") });
    for (const sense of [fixed, tally]) {
      expect(relate(poll, declared, sense)).toMatchObject({
        relation: "measure",
        why: expect.stringMatching(/One figure is an exit poll projection, the other not recorded as an estimate.*320 against 326/),
      });
    }
    expect(detectGroupConflicts([poll, declared]).map((c) => c.kind)).toEqual(["measure"]);
    // Two figures of one projection that differ still disagree.
    const again = claim("318", { method: "exit poll projection", published: at("8 May 2026, 07:00") });
    expect(relate(poll, again, fixed)?.relation).toBe("contradiction");
  });

  test("estimates compiled by others differ as surveys unless both name the one source", () => {
    const expected = { attribute: "profit_expected", attributeLabel: "Profit expected by analysts" };
    const refinitiv = claim("$2.10", { ...expected, accordingTo: "Refinitiv", published: at("3 March 2026, 16:00") });
    const unnamed = claim("$2.05", { ...expected, published: at("3 March 2026, 18:00") });
    expect(relate(refinitiv, unnamed, fixed)).toMatchObject({
      relation: "measure",
      why: expect.stringMatching(/one compiled by Refinitiv, the other with no source named/),
    });
    const another = claim("$2.12", { ...expected, published: at("4 March 2026, 09:00") });
    expect(relate(unnamed, another, fixed)).toMatchObject({ relation: "measure", why: expect.stringMatching(/neither naming/) });
    const sameSurvey = claim("$2.11", { ...expected, accordingTo: "Refinitiv", published: at("3 March 2026, 17:00") });
    expect(relate(refinitiv, sameSurvey, fixed)?.relation).toBe("contradiction");
    // Not for a figure that is no estimate: a source on one side only does not make a measure.
    const profit = claim("$2.31", { attribute: "profit", attributeLabel: "Profit", accordingTo: "the company" });
    expect(relate(profit, claim("$2.13", { attribute: "profit", attributeLabel: "Profit" }), fixed)?.relation).toBe("contradiction");
    // Nor for a company's own forecast: one figure, that two reports may give wrongly.
    const guidance = { attribute: "sales_forecast", attributeLabel: "Sales forecast for 2026" };
    const given = claim("$40 billion", { ...guidance, accordingTo: "the company" });
    expect(relate(given, claim("$44 billion", guidance), fixed)?.relation).toBe("contradiction");
  });

  test("a polling day, polling stations or polls closing are no survey: two reports differing disagree", () => {
    const day = { attribute: "polling_day", attributeLabel: "Polling day", kind: "date" as const };
    expect(relate(claim("4 July 2024", day), claim("5 July 2024", day), fixed)?.relation).toBe("contradiction");
    const stations = { attribute: "polling_stations", attributeLabel: "Polling stations" };
    expect(relate(claim("40,000", stations), claim("45,000", stations), fixed)?.relation).toBe("contradiction");
    const covering = { attribute: "analysts_covering", attributeLabel: "Analysts covering the stock" };
    expect(relate(claim("30", covering), claim("25", covering), fixed)?.relation).toBe("contradiction");
  });
});

describe("a count still running, and readings of a moving figure the same day", () => {
  const seats = { attribute: "seats", attributeLabel: "Seats won" };
  test("a figure written as a count still running, then a later one, is an update even on a fixed attribute", () => {
    const friday = claim("58", { ...seats, context: "By dawn the Greens had won 58", published: at("8 May 2026, 06:30") });
    const saturday = claim("60", { ...seats, context: "The Greens won 60", published: at("9 May 2026, 12:00") });
    expect(relate(friday, saturday, fixed)).toMatchObject({ relation: "update", why: expect.stringMatching(/Changed over time/) });
    const plain = claim("58", { ...seats, context: "The Greens won 58", published: at("8 May 2026, 06:30") });
    expect(relate(plain, saturday, fixed)?.relation).toBe("contradiction");
  });

  test("“had” or “likely” elsewhere in the sentence leaves a fixed figure a contradiction", () => {
    const founded = { attribute: "founded", attributeLabel: "Year founded", kind: "date" as const };
    const first = claim("1998", { ...founded, context: "Acme, which had 3,000 staff, was founded in 1998", published: at("3 May 2026") });
    const second = claim("1997", { ...founded, context: "Acme was founded in 1997", published: at("5 May 2026") });
    expect(relate(first, second, fixed)?.relation).toBe("contradiction");
    const likely = claim("1998", {
      ...founded,
      context: "Acme, likely to be sold this year, was founded in 1998",
      published: at("3 May 2026"),
    });
    expect(relate(likely, second, fixed)?.relation).toBe("contradiction");
    // Right before the figure they still give a count still running.
    const majority = { attribute: "majority", attributeLabel: "Majority" };
    const early = claim("170", { ...majority, context: "a likely majority of 170", published: at("5 July 2024, 02:00") });
    expect(relate(early, claim("174", { ...majority, published: at("6 July 2024, 12:00") }), fixed)?.relation).toBe("update");
  });

  test("two figures of a running count in one article the same day are snapshots", () => {
    const first = claim("58", { ...seats, articleId: "one", context: "so far the Greens had 58", published: at("8 May 2026, 18:00") });
    const then = claim("59", { ...seats, articleId: "one", context: "the tally stood at 59", published: at("8 May 2026, 18:00") });
    expect(relate(first, then, fixed)).toMatchObject({
      relation: "update",
      why: expect.stringMatching(/Two readings the same day of a count still running, one article giving both/),
    });
  });

  test("a moving figure the same day: one article's two readings, or one timed and one not, are snapshots; two untimed from two articles disagree", () => {
    const move = { attribute: "share_move", attributeLabel: "Share move in late trading" };
    const changes = { cardinality: "single", change: "changes", lists: "exhaustive" } as const;
    const day = at("12 March 2026");
    const early = claim("down 4%", { ...move, articleId: "x", asOf: day });
    const late = claim("down 2.5%", { ...move, articleId: "x", asOf: day });
    expect(relate(early, late, changes)).toMatchObject({ relation: "update", why: expect.stringMatching(/one article giving both/) });
    const timed = claim("down 1%", { ...move, articleId: "y", asOf: at("12 March 2026, 19:30") });
    expect(relate(early, timed, changes)).toMatchObject({ relation: "update", why: expect.stringMatching(/only one with a time of day/) });
    const elsewhere = claim("down 3%", { ...move, articleId: "z", asOf: day });
    expect(relate(early, elsewhere, changes)?.relation).toBe("contradiction");
  });
});

describe("a source revising its own figure", () => {
  const quake = { subjectId: "quake", attribute: "magnitude", attributeLabel: "Magnitude" };
  test("the same source's figure days later is a revision, even of what does not change", () => {
    const first = claim("7.4", { ...quake, accordingTo: "the seismic agency", published: at("6 February 2023, 09:00") });
    const later = claim("7.7", { ...quake, accordingTo: "The Seismic Agency", published: at("9 February 2023, 12:00") });
    expect(relate(first, later, fixed)).toMatchObject({ relation: "update", why: expect.stringMatching(/Revised by its source/) });
  });

  test("two sources, no source, or a date given two ways by one source still disagree", () => {
    const first = claim("7.4", { ...quake, accordingTo: "the seismic agency", published: at("6 February 2023, 09:00") });
    const other = claim("7.7", { ...quake, accordingTo: "a foreign survey", published: at("9 February 2023, 12:00") });
    expect(relate(first, other, fixed)?.relation).toBe("measure");
    const unsourced = claim("7.7", { ...quake, published: at("9 February 2023, 12:00") });
    expect(relate(first, unsourced, fixed)?.relation).toBe("contradiction");
    const founded = { subjectId: "acme", attribute: "founded", attributeLabel: "Founded", kind: "date" as const };
    const once = claim("1998", { ...founded, accordingTo: "Acme", published: at("6 February 2023, 09:00") });
    const again = claim("1999", { ...founded, accordingTo: "Acme", published: at("9 February 2023, 12:00") });
    expect(relate(once, again, fixed)?.relation).toBe("contradiction");
  });
});
