import { describe, expect, it } from "vitest";
import { type Proposal, type RecordedClaim, type RejectedProposal, type SuggestEntity, stem, suggestClaims } from "@/lib/domain/suggest.ts";

const ENTITIES: SuggestEntity[] = [
  { id: "twitter", name: "Twitter", kind: "organization", aliases: [] },
  { id: "musk", name: "Elon Musk", kind: "person", aliases: ["Musk"] },
  { id: "flood", name: "Valencia flood of 2024", kind: "event", aliases: ["DANA"] },
  { id: "paiporta", name: "Paiporta", kind: "place", aliases: [] },
];
const PUBLISHED = new Date("2024-10-31T09:00:00Z");

const suggest = (body: string, claims: RecordedClaim[] = [], rejected?: RejectedProposal[]) =>
  suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: ENTITIES, claims, rejected });

/** A claim recorded in another article, anchored on its quote. */
function recorded(body: string, quote: string, valueText: string, attribute: string, subjectId: string): RecordedClaim {
  const start = body.indexOf(quote);
  return { articleId: "elsewhere", body, start, end: start + quote.length, valueText, valueKind: "number", subjectId, attribute };
}

describe("suggested claims", () => {
  it("proposes Valuation for the organisation named beside a money value after “valued at”", () => {
    const p = suggest("Shares rose on Monday. Twitter was valued at $44 billion by the offer.").find((p) => p.valueKind === "money");
    expect(p).toMatchObject({ quote: "$44 billion", valueKind: "money", attribute: { label: "Valuation", how: "cue" } });
    expect(p!.subject).toMatchObject({ how: "mention", entityId: "twitter" });
    expect(p!.reading).toContain("44 billion USD");
    // Written as people write a day: the form, the claim and the fact sheet show it so.
    expect(p!.asOf).toEqual({ text: "31 October 2024", reading: "2024-10-31 (day)", how: "published" });
  });

  it("finds a cue far back in the sentence, and keeps a count beside a weekday a count", () => {
    const body = "The death toll from the floods that struck eastern Spain on Tuesday, 30 October, climbed to 158 on Thursday evening.";
    const p = suggest(body).find((p) => p.valueKind === "number");
    expect(p).toMatchObject({ quote: "158", attribute: { label: "Death toll", how: "cue" } });
  });

  it("reads a percentage whole", () => {
    const p = suggest("Musk spent $2.6 billion on a 9.1% stake in Twitter.").find((p) => p.valueKind === "percentage");
    expect(p).toMatchObject({ quote: "9.1%", reading: expect.stringContaining("9.1%") });
  });

  it("keeps the source's own conversion in parentheses with the figure", () => {
    const [p] = suggest("She was carried 12 kilometres (7.5 miles) by the water.");
    expect(p).toMatchObject({ quote: "12 kilometres (7.5 miles)", reading: expect.stringContaining("agrees") });
  });

  it("gives a built-in cue only to a value of its shape", () => {
    const proposals = suggest("Heavy rain on Wednesday: the water rose three metres in the town where 62 people died.");
    const label = (quote: string) => proposals.find((p) => p.quote === quote)?.attribute.label;
    expect(label("Wednesday")).toBeNull();
    expect(label("three metres")).not.toBe("Death toll");
    expect(label("62 people")).toBe("Death toll");
  });

  it("reads a count with its noun and its qualifier", () => {
    const [p] = suggest("Officials said at least 120 people were hurt.");
    expect(p).toMatchObject({ quote: "at least 120 people", valueKind: "number" });
    expect(p!.reading).toContain("120 people or more");
  });

  it("learns a cue from a claim recorded in another article and proposes its attribute and subject", () => {
    const other = "The storms have swept away cars, and the waters have claimed at least 51 residents, officials said.";
    const claim = recorded(other, "claimed at least 51 residents", "at least 51", "Death toll", "flood");
    const body = "By Friday the waters had claimed 158 residents across the region.";
    const p = suggest(body, [claim]).find((p) => p.valueKind === "number");
    expect(p).toMatchObject({ quote: "158 residents", attribute: { label: "Death toll", how: "learned" } });
    expect(p!.subject).toMatchObject({ entityId: "flood" });
    // Without the recorded claim there is no cue for "claimed": no death toll is guessed.
    expect(suggest(body).find((p) => p.valueKind === "number")!.attribute.label).not.toBe("Death toll");
  });

  it("applies a learned cue to another form of the same word", () => {
    const other = "The storms have swept away cars, and the waters have claimed at least 51 residents, officials said.";
    const claim = recorded(other, "claimed at least 51 residents", "at least 51", "Death toll", "flood");
    const p = suggest("The waters go on claiming lives: 158 so far, the regional government says.", [claim]).find((p) =>
      p.quote.startsWith("158"),
    );
    expect(p).toMatchObject({ attribute: { label: "Death toll" }, subject: { entityId: "flood" } });
    const q = suggest("Each day the river claims 12 more.", [claim]).find((p) => p.quote.startsWith("12"));
    expect(q).toMatchObject({ attribute: { label: "Death toll", how: "learned" } });
  });

  it("stems a word that is also an object's property name like any other word", () => {
    expect(stem("constructor")).toBe("constructor");
    expect(stem("constructors")).toBe("constructor");
    expect(stem("deaths")).toBe(stem("died"));
  });

  it("does not propose a span already recorded as a claim in this article", () => {
    const body = "In Paiporta, 62 people died; 45 were rescued.";
    const start = body.indexOf("62 people died");
    const claim: RecordedClaim = {
      ...recorded(body, "62 people died", "62", "Deaths", "paiporta"),
      articleId: "here",
      start,
      end: start + 14,
    };
    const quotes = suggest(body, [claim]).map((p) => p.quote);
    expect(quotes).not.toContain("62 people");
    expect(quotes).toContain("45");
  });

  it("keeps offsets right after an emoji", () => {
    const body = "🌊🚨 Breaking: at least 95 people have died in the floods.";
    const [p] = suggest(body);
    expect(body.slice(p!.start, p!.end)).toBe("at least 95 people");
    expect(p!.quote).toBe("at least 95 people");
  });

  it("stops proposing a cue rejected twice", () => {
    const body = "The company employs 7,500 staff and was valued at $44 billion.";
    const staff = suggest(body).find((p) => p.quote === "7,500 staff")!;
    expect(staff.cue).toBe("company employs");
    const once = [{ cue: staff.cue }];
    expect(suggest(body, [], once).map((p) => p.quote)).toContain("7,500 staff");
    // The second time on another figure, as the reader would send it: the wording is what is rejected.
    const twice = [...once, { cue: "The company employs" }];
    expect(suggest(body, [], twice).map((p) => p.quote)).toEqual(["$44 billion"]);
  });

  it("does not propose a rejected span again, in its article only, emoji before it", () => {
    const body = "🌊 The company employs 7,500 staff and was valued at $44 billion.";
    const staff = suggest(body).find((p) => p.quote === "7,500 staff")!;
    expect(body.slice(staff.start, staff.end)).toBe("7,500 staff");
    const here = [{ cue: staff.cue, span: { articleId: "here", start: staff.start, end: staff.end } }];
    expect(suggest(body, [], here).map((p) => p.quote)).toEqual(["$44 billion"]);
    // The same offsets rejected in another article leave this one's proposal alone.
    const elsewhere = [{ cue: staff.cue, span: { articleId: "elsewhere", start: staff.start, end: staff.end } }];
    expect(suggest(body, [], elsewhere).map((p) => p.quote)).toContain("7,500 staff");
  });

  it("learns nothing from two rejections without cue words", () => {
    const body = "7,500 staff. 44 boats. 12 cars.";
    const [first, second] = suggest(body);
    expect([first!.cue, second!.cue]).toEqual(["", ""]);
    const rejected = [first!, second!].map((p) => ({ cue: p.cue, span: { articleId: "here", start: p.start, end: p.end } }));
    expect(suggest(body, [], rejected).map((p) => p.quote)).toEqual(["12 cars"]);
  });

  it("reads “may” as the verb it nearly always is, in any case", () => {
    expect(suggest("Its approach may be at odds with these requirements. May we go on?")).toEqual([]);
  });

  it("leaves the licence line alone, and a headline's names to the headline", () => {
    const body = "Twitter weighs the offer\n\nAt least 120 people died in Málaga.\n\nLicence: written for Crosscheck, CC0 1.0.";
    const proposals = suggest(body);
    expect(proposals.map((p) => p.quote)).toEqual(["At least 120 people"]);
    expect(proposals[0]!.subject).not.toMatchObject({ entityId: "twitter" });
  });

  it("takes the as-of from a day named in the sentence", () => {
    const [p] = suggest("Paiporta counted 62 deaths on Tuesday.");
    expect(p!.quote).toBe("62 deaths");
    expect(p!.asOf).toEqual({ text: "Tuesday", reading: "2024-10-29 (day)", how: "sentence" });
  });

  it("gives a death toll to the event, a town's own deaths to the town the sentence is about", () => {
    const toll = suggest("Floods in eastern Spain killed at least 120 people, the DANA's worst toll.").find(
      (p) => p.valueKind === "number",
    );
    expect(toll).toMatchObject({ quote: "at least 120 people", attribute: { label: "Death toll" }, subject: { entityId: "flood" } });
    const town = suggest("In Paiporta, at least 62 people died, the mayor said.").find((p) => p.valueKind === "number");
    expect(town).toMatchObject({ attribute: { label: "Death toll" }, subject: { entityId: "paiporta" } });
  });

  it("takes the investigation's own label for a cue's attribute", () => {
    const other = "In Paiporta the town hall counted 45 deaths by Wednesday.";
    const claim = recorded(other, "45 deaths", "45", "Deaths, official count", "paiporta");
    // "Killed" is the lexicon's cue for a death toll; the analysts call it "Deaths, official count".
    expect(suggest("In Paiporta, 62 people were killed.", [claim])[0]).toMatchObject({
      quote: "62 people",
      attribute: { label: "Deaths, official count", how: "cue" },
    });
    expect(suggest("In Paiporta, 62 people were killed.")[0]!.attribute.label).toBe("Death toll");
  });

  it("names a money figure by the noun right after it, and a count by its own noun", () => {
    const proposals = suggest("Twitter would owe a $1 billion termination fee. The car park has 5,700 parking spaces.");
    expect(proposals.find((p) => p.valueKind === "money")!.attribute.label).toBe("Termination fee");
    expect(proposals.find((p) => p.quote.startsWith("5,700"))!.attribute.label).toBe("Parking spaces");
  });

  it("does not propose reading times, model numbers, ages in brackets, phone numbers, links or a list's numbers", () => {
    const body = [
      "By Jane Smith · 4 min read",
      "Jens Scharfenberg · 6 min. read",
      "Claude Sonnet 4.6 and GPT-4 were compared with Boeing 737 flight manuals.",
      "Call +34 912 345 678 or see https://example.com/2024/10/31/floods-120 for details.",
      "Elon Musk (50) posted a reply.",
      "1. At least 120 people died in Paiporta.",
    ].join("\n");
    expect(suggest(body).map((p) => p.quote)).toEqual(["At least 120 people"]);
  });

  it("does not take a year inside an entity's name for a date", () => {
    const quotes = suggest("The DANA was worse than the Valencia flood of 2024 models predicted, on 29 October.").map((p) => p.quote);
    expect(quotes).not.toContain("2024");
    expect(quotes).toContain("29 October");
  });

  it("gives a figure with no cue a lower confidence than one with a cue", () => {
    const [cued] = suggest("Twitter was valued at $44 billion.");
    const [bare] = suggest("Twitter said $44 billion.");
    expect(cued!.confidence).toBeGreaterThan(bare!.confidence);
  });

  it("gives a sentence that names no entity the subject of the sentence before", () => {
    const body = "Elon Musk sold Tesla stock this week. Earlier filings had shown sales of about 4.4 million shares.";
    const p = suggest(body).find((p) => p.quote.startsWith("about 4.4"));
    expect(p!.subject).toMatchObject({ how: "mention", entityId: "musk" });
  });

  it("leaves a span of time or a year alone unless a cue names it", () => {
    const quotes = suggest("Rain fell for four hours, the worst since 1973. At least 62 people died in Paiporta.").map((p) => p.quote);
    expect(quotes).toEqual(["At least 62 people"]);
  });

  it("learns from a claim added to the same list since the last call", () => {
    const other = "The storms have swept away cars, and the waters have claimed at least 51 residents, officials said.";
    const claims: RecordedClaim[] = [];
    const body = "By Friday the waters had claimed 158 residents across the region.";
    const count = () => suggest(body, claims).find((p) => p.quote.startsWith("158"))!;
    expect(count().attribute.label).not.toBe("Death toll");
    claims.push(recorded(other, "claimed at least 51 residents", "at least 51", "Death toll", "flood"));
    expect(count().attribute).toMatchObject({ label: "Death toll", how: "learned" });
  });

  it("gives an event's figure to the event the investigation records, when the sentence names none", () => {
    const other = "The DANA has killed at least 51 people.";
    const claim = recorded(other, "killed at least 51 people", "at least 51", "Death toll", "flood");
    const [fee] = suggest("Twitter would owe a $1 billion termination fee.", [claim]);
    expect(fee).toMatchObject({ attribute: { label: "Termination fee" }, subject: { entityId: "flood" } });
    // With nothing recorded yet, the investigation's only event is the guess.
    expect(suggest("Twitter would owe a $1 billion termination fee.")[0]!.subject).toMatchObject({ entityId: "flood" });
    // With no event at all, the organisation named stays the guess.
    const noEvent = suggestClaims({
      article: { id: "here", body: "Twitter would owe a $1 billion termination fee.", publishedAt: PUBLISHED },
      entities: ENTITIES.filter((e) => e.kind !== "event"),
      claims: [],
    });
    expect(noEvent[0]!.subject).toMatchObject({ entityId: "twitter" });
  });

  it("tells revenue growth from a share move", () => {
    const proposals = suggest("Twitter said revenue rose 16% from a year earlier. Its shares fell 11% in premarket trading.");
    expect(proposals.map((p) => [p.quote, p.attribute.label])).toEqual([
      ["16%", "Revenue growth"],
      ["fell 11%", "Share price change"],
    ]);
  });

  it("gives a casualty cue only to a count of people, and an age only to an age", () => {
    const proposals = suggest("Rescuers found no bodies in the first 50 vehicles. Musk, 50, has more than 80 million followers.");
    const label = (quote: string) => proposals.find((p) => p.quote.startsWith(quote))?.attribute.label;
    expect(label("50 vehicles")).not.toBe("Death toll");
    expect(label("more than 80 million")).not.toBe("Age");
  });

  it("does not take a year naming a thing for a date, but keeps a time written like one", () => {
    const quotes = suggest("Ahead of the 2024 presidential election, the alert was sent at 1911 GMT.").map((p) => p.quote);
    expect(quotes).not.toContain("2024");
    expect(quotes.some((q) => q.startsWith("1911"))).toBe(true);
  });

  it("reads an earthquake report: magnitude, time, toll and injured of the event, depth too", () => {
    const entities: SuggestEntity[] = [
      { id: "quake", name: "2023 Turkey–Syria earthquake", kind: "event", aliases: [] },
      { id: "turkey", name: "Turkey", kind: "place", aliases: [] },
      { id: "usgs", name: "US Geological Survey", kind: "organization", aliases: ["USGS"] },
    ];
    const body =
      "A magnitude 7.8 earthquake struck southern Turkey on Monday, killing at least 1,300 people and injuring more than 5,000. " +
      "The US Geological Survey said the quake hit at a depth of 17.9 kilometres. More than 2,800 buildings collapsed.";
    const proposals = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] });
    const guess = (quote: string) => {
      const p = proposals.find((p) => p.quote.startsWith(quote))!;
      return [p.attribute.label, "entityId" in p.subject ? p.subject.entityId : null];
    };
    expect(guess("magnitude 7.8")).toEqual(["Magnitude", "quake"]);
    expect(proposals.find((p) => p.quote === "magnitude 7.8")!.reading).toBe("7.8 magnitude (7.75–7.85)");
    expect(guess("at least 1,300")).toEqual(["Death toll", "quake"]);
    expect(guess("more than 5,000")).toEqual(["Injured", "quake"]);
    expect(guess("17.9 kilometres")).toEqual(["Depth", "quake"]);
    expect(guess("More than 2,800")[0]).toBe("Buildings collapsed");
  });

  it("keeps a tally's verb of passing in the value, and reads a magnitude written any way as one", () => {
    const entities: SuggestEntity[] = [{ id: "quake", name: "Kahramanmaraş earthquake", kind: "event", aliases: ["quake"] }];
    const body =
      "The death toll from the quake has topped 20,000. By Friday it had climbed past 22,000 people. " +
      "Seismologists rated it a 7.8-magnitude quake, the strongest in the region since 1939.";
    const proposals = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] });
    const at = (quote: string) => proposals.find((p) => p.quote === quote);
    expect(at("topped 20,000")).toMatchObject({ reading: "20,000 or more (20,000–∞)", attribute: { label: "Death toll" } });
    expect(at("past 22,000 people")).toMatchObject({ reading: "22,000 people or more (22,000–∞)", attribute: { label: "Death toll" } });
    expect(at("7.8-magnitude")).toMatchObject({ reading: "7.8 magnitude (7.75–7.85)", attribute: { label: "Magnitude" } });
    // The noun after a magnitude is what was measured, not what is counted: no "Quake" count.
    expect(proposals.some((p) => p.attribute.label === "Quake")).toBe(false);
  });

  it("keeps a time a time when the next sentence runs on after “p.m.”", () => {
    const body = "The quake struck at 4:17 p.m. Officials said 20 people died.";
    const proposals = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: [], claims: [] });
    expect(proposals.map((p) => [p.quote, p.valueKind])).toEqual([
      ["4:17 p.m.", "time"],
      ["20 people", "number"],
    ]);
  });

  it("reads “Mid-2024” opening a sentence as a date, not as a name's number", () => {
    const body = "Mid-2024 estimates put the death toll at 1,200. Early-2025 figures were higher.";
    const proposals = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: [], claims: [] });
    expect(proposals.filter((p) => p.valueKind === "date").map((p) => p.quote)).toEqual(["Mid-2024", "Early-2025"]);
  });

  it("reads a decimal written against a word whole, and a name's number as no figure", () => {
    const entities: SuggestEntity[] = [{ id: "quake", name: "Kahramanmaraş earthquake", kind: "event", aliases: ["quake"] }];
    const body =
      "The M7.8 quake struck at 4:17 a.m. A magnitude-7.5 aftershock followed. " +
      "Rescuers were flown in on an A-400M, and the GPT-4.5 model translated 1,200 calls.";
    const proposals = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] });
    const readings = proposals.map((p) => [p.quote, p.reading, p.attribute.label]);
    expect(readings).toContainEqual(["M7.8", "7.8 magnitude (7.75–7.85)", "Magnitude"]);
    expect(readings).toContainEqual(["magnitude-7.5", "7.5 magnitude (7.45–7.55)", "Magnitude"]);
    expect(proposals.some((p) => p.quote.startsWith("4:17"))).toBe(true);
    // No figure of the aircraft's or the model's name.
    expect(proposals.filter((p) => !p.quote.startsWith("4:17")).map((p) => p.quote)).toEqual(["M7.8", "magnitude-7.5", "1,200 calls"]);
    for (const p of proposals) expect(body.slice(p.start, p.end)).toBe(p.quote);
  });

  describe("who gives a figure is its source, not its subject", () => {
    const entities: SuggestEntity[] = [
      { id: "quake", name: "Kahramanmaraş earthquake", kind: "event", aliases: ["earthquake"] },
      { id: "turkey", name: "Turkey", kind: "place", aliases: [] },
      { id: "erdogan", name: "Recep Tayyip Erdoğan", kind: "person", aliases: ["Erdoğan"] },
      { id: "afad", name: "Disaster and Emergency Management Authority", kind: "organization", aliases: ["AFAD"] },
      { id: "usgs", name: "US Geological Survey", kind: "organization", aliases: ["USGS"] },
      { id: "bank", name: "World Bank", kind: "organization", aliases: [] },
      { id: "twitter", name: "Twitter", kind: "organization", aliases: [] },
    ];
    const subjectOf = (body: string, quote: string) => {
      const p = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] }).find((p) =>
        p.quote.startsWith(quote),
      );
      return p && "name" in p.subject ? p.subject.name : null;
    };

    it("passes over a speaker, an agency after “according to” and one that measured", () => {
      expect(subjectOf("Erdoğan said 6,444 buildings had collapsed across Turkey.", "6,444")).toBe("Turkey");
      expect(subjectOf("AFAD said 78 aftershocks had followed the earthquake.", "78")).toBe("Kahramanmaraş earthquake");
      expect(subjectOf("According to AFAD, 912 people died in Turkey.", "912")).toBe("Turkey");
      expect(subjectOf("The earthquake struck at a depth of 17.9 km, the USGS said.", "17.9 km")).toBe("Kahramanmaraş earthquake");
    });

    it("keeps a name that is no source: a noun “reports”, a speaker of itself, a company of its own figure, the only name", () => {
      // "AFAD reports" is a noun here: nothing says AFAD is only the source.
      expect(subjectOf("AFAD reports show 78 aftershocks.", "78")).toBe("Disaster and Emergency Management Authority");
      expect(subjectOf("The World Bank said it would provide $1.78 billion to Turkey.", "$1.78 billion")).toBe("World Bank");
      expect(subjectOf("Twitter reported revenue of $1.2 billion, Erdoğan said.", "$1.2 billion")).toBe("Twitter");
      // Nothing else named: the speaker is all there is to propose.
      expect(subjectOf("Erdoğan said 30,000 tents had been sent.", "30,000")).toBe("Recep Tayyip Erdoğan");
      // A toll the speaker gives, with no place named, goes to the investigation's event.
      expect(subjectOf("Erdoğan said 912 people had been killed.", "912")).toBe("Kahramanmaraş earthquake");
    });

    it("takes the subject of the sentence before when the sentence names only its source", () => {
      const body = "Rescuers worked through the night in Hatay. Erdoğan said 912 people had died.";
      const places: SuggestEntity[] = [entities[2]!, { id: "hatay", name: "Hatay", kind: "place", aliases: [] }];
      const [p] = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: places, claims: [] });
      expect(p).toMatchObject({ quote: "912 people", attribute: { label: "Death toll" }, subject: { name: "Hatay" } });
    });
  });

  describe("a figure under a label, in a fact box or a list", () => {
    const entities: SuggestEntity[] = [
      { id: "turkey", name: "Turkey", kind: "place", aliases: [] },
      { id: "syria", name: "Syria", kind: "place", aliases: [] },
    ];
    const proposalsOf = (body: string) => suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] });
    const guess = (p: Proposal | undefined) => p && [p.quote, p.attribute.label, "name" in p.subject ? p.subject.name : null];

    it("takes its measure from a label line above the list it heads, and its subject from each line", () => {
      const [turkey, syria] = proposalsOf("Deaths so far:\n1,200 in Turkey\n800 in Syria\n");
      expect(guess(turkey)).toEqual(["1,200", "Death toll", "Turkey"]);
      expect(guess(syria)).toEqual(["800", "Death toll", "Syria"]);
    });

    it("names a figure by a label of no known measure, and never takes a label for a name", () => {
      const [homes] = proposalsOf("Homes destroyed: 5,600.");
      expect(homes).toMatchObject({ quote: "5,600", attribute: { label: "Homes destroyed" }, subject: { how: "none" } });
      const [dead, injured] = proposalsOf("Dead: 4,300; injured: 20,000.");
      expect(guess(dead)).toEqual(["4,300", "Death toll", null]);
      expect(guess(injured)).toEqual(["20,000", "Injured", null]);
    });

    it("reads no label where there is none: a name before a colon, a clause, a block after a blank line", () => {
      // "Turkey:" names the subject, not the measure.
      expect(proposalsOf("Turkey: 4,300.")[0]).toMatchObject({ attribute: { label: null }, subject: { name: "Turkey" } });
      // A colon inside prose is no label for the figure after the clause.
      expect(proposalsOf("Shares moved: the stock closed at 4,300 yen.")[0]?.attribute.label).not.toBe("Shares moved");
      // A blank line ends the list a label heads.
      expect(proposalsOf("Deaths so far:\n\n1,200 in Turkey\n")[0]?.attribute.label).not.toBe("Death toll");
    });

    it("finds a label deep in a body written as one long line, and takes no word of it for a line's start", () => {
      const prose = "Rescuers worked through the night in the cold and the rain. ".repeat(40);
      const [homes] = proposalsOf(`${prose}Homes destroyed: 5,600.`);
      expect(homes).toMatchObject({ quote: "5,600", attribute: { label: "Homes destroyed" } });
      // Long words before the colon, in a clause with no stop before them, are no label, wherever
      // the reading of the line's end starts.
      const long = "Pneumonoultramicroscopicsilicovolcanoconiosis ".repeat(5);
      const [tallies] = proposalsOf(`${"word ".repeat(60)}${long}tallies: 4,300.`);
      expect(tallies).toMatchObject({ quote: "4,300" });
      expect(tallies!.attribute.label ?? "").not.toMatch(/tallies/i);
    });
  });

  it("reads a sentence of pages without a full stop clause by clause, its figures still proposed with their subjects", () => {
    const clause = "and then the waters rose again across the plain while volunteers carried sandbags, ";
    const body = `${clause.repeat(40)}and 62 people died in Paiporta, ${clause.repeat(40)}and the night went on.`;
    const p = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: ENTITIES, claims: [] }).find((p) =>
      p.quote.startsWith("62"),
    );
    expect(p).toMatchObject({ subject: { entityId: "paiporta" } });
    expect(body.slice(p!.start, p!.end)).toBe(p!.quote);
  });

  describe("a figure of another, dated event in the background", () => {
    const entities: SuggestEntity[] = [
      { id: "quake", name: "Kahramanmaraş earthquake", kind: "event", aliases: ["earthquake"] },
      { id: "turkey", name: "Turkey", kind: "place", aliases: [] },
      { id: "izmit", name: "İzmit earthquake", kind: "event", aliases: [] },
      { id: "erzincan", name: "Erzincan earthquake of 1939", kind: "event", aliases: [] },
    ];
    const published = new Date("2023-02-07T09:00:00Z");
    const proposal = (body: string, quote: string) =>
      suggestClaims({ article: { id: "here", body, publishedAt: published }, entities, claims: [] }).find((p) => p.quote.startsWith(quote));

    it("goes to the past event the sentence names, by its name or by its year", () => {
      const izmit = proposal("The 1999 İzmit earthquake killed more than 17,000 people.", "more than 17,000");
      expect(izmit).toMatchObject({ attribute: { label: "Death toll" }, subject: { how: "mention", entityId: "izmit" } });
      const erzincan = proposal("The quake was the strongest since 1939, when an earthquake in the east killed 33,000.", "33,000");
      expect(erzincan).toMatchObject({ attribute: { label: "Death toll" }, subject: { entityId: "erzincan" } });
      // The year of the event's name is no figure of its own.
      expect(proposal("The 1999 İzmit earthquake killed more than 17,000 people.", "1999")).toBeUndefined();
    });

    it("is given to no one when the past event is not recorded, and is never sure enough to accept in a batch", () => {
      const p = proposal("In 2011, a quake in Van killed more than 500 people in Turkey.", "more than 500");
      expect(p).toMatchObject({ attribute: { label: "Death toll" }, subject: { how: "none" } });
      expect(p!.confidence).toBeLessThan(0.8);
    });

    it("keeps the story's own figures: a past year that only compares, or dates the clause, or is the story's year", () => {
      const own = (body: string, quote: string) => proposal(body, quote)?.subject;
      expect(own("The earthquake killed 4,300 people in Turkey, the most since the 1999 disaster.", "4,300")).toMatchObject({
        entityId: "turkey",
      });
      expect(own("The earthquake, the worst since 1999, killed 4,300 people.", "4,300")).toMatchObject({ entityId: "quake" });
      expect(own("The 2023 earthquake killed 4,300 people.", "4,300")).toMatchObject({ entityId: "quake" });
    });
  });

  it("applies a learned money cue to a scaled figure written without a currency, not to a count", () => {
    const other = "The company reports $100 million in annual recurring revenue.";
    const start = other.indexOf("$100 million in annual recurring revenue");
    const claim: RecordedClaim = {
      articleId: "elsewhere",
      body: other,
      start,
      end: start + "$100 million in annual recurring revenue".length,
      valueText: "$100 million",
      valueKind: "money",
      subjectId: "twitter",
      attribute: "Annual recurring revenue",
    };
    const [scaled] = suggest("Twitter expects annual recurring revenue in the hundreds of millions.", [claim]);
    expect(scaled).toMatchObject({ quote: "hundreds of millions", attribute: { label: "Annual recurring revenue", how: "learned" } });
    const [count] = suggest("Twitter expects annual recurring revenue from 300 customers.", [claim]);
    expect(count!.attribute.label).not.toBe("Annual recurring revenue");
  });

  it("learns as much from a claim's quote and the words before it as from its whole article", () => {
    const other = "The storms have swept away cars, and the waters have claimed at least 51 residents, officials said.";
    const whole = recorded(other, "claimed at least 51 residents", "at least 51", "Death toll", "flood");
    // What the server hands over for another article's claim: the stored prefix and the quote.
    const words = other.slice(Math.max(0, whole.start - 32), whole.end);
    const stored: RecordedClaim = { ...whole, body: words, start: words.length - (whole.end - whole.start), end: words.length };
    const body = "By Friday the waters had claimed 158 residents across the region.";
    const fromWhole = suggest(body, [whole]).find((p) => p.valueKind === "number");
    expect(fromWhole).toMatchObject({ attribute: { label: "Death toll", how: "learned" } });
    expect(suggest(body, [stored]).find((p) => p.valueKind === "number")).toEqual(fromWhole);
  });

  it("applies a cue many claims taught to a figure of their order of size, whichever claim taught it first", () => {
    const price = "Musk offered to pay $54.20 a share in cash.";
    const priced = { ...recorded(price, "$54.20", "$54.20", "Offer", "twitter"), valueKind: "money" as const };
    const deal = "Musk offered to pay $44 billion in cash.";
    const dealt = { ...recorded(deal, "$44 billion", "$44 billion", "Offer", "twitter"), valueKind: "money" as const };
    const body = "Musk offered to pay $43 billion in cash.";
    const proposed = (claims: RecordedClaim[]) => suggest(body, claims).find((p) => p.valueKind === "money")!.attribute;
    // A share price teaches nothing about a figure a billion times larger, however often it is recorded.
    expect(proposed([priced, priced, priced])).not.toMatchObject({ how: "learned" });
    expect(proposed([priced, priced, dealt])).toMatchObject({ label: "Offer", how: "learned" });
  });

  it("finds the entity a sentence names among thousands, by its name, an alias or its description's words", () => {
    const many: SuggestEntity[] = [
      ...Array.from({ length: 3_000 }, (_, i) => ({
        id: `authority-${i}`,
        name: `${["Northern", "Southern"][i % 2]} Water Authority ${i}`,
        kind: "organization" as const,
        aliases: [`NWA ${i}`],
      })),
      ...ENTITIES,
      { id: "alert", name: "Valencia emergency phone alert", kind: "other" as const, aliases: [] },
    ];
    const at = (body: string, quote: string) =>
      suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: many, claims: [] }).find((p) =>
        p.quote.startsWith(quote),
      )?.subject;
    expect(at("Southern Water Authority 2041 counted 300 homes without water.", "300")).toMatchObject({ entityId: "authority-2041" });
    expect(at("On Tuesday NWA 17 counted 120 homes without water.", "120")).toMatchObject({ entityId: "authority-17" });
    expect(at("Paiporta counted 62 deaths by Friday.", "62")).toMatchObject({ entityId: "paiporta" });
    expect(at("The mobile phone alert reached 2 million people in Valencia.", "2 million")).toMatchObject({ entityId: "alert" });
  });

  it("knows a name holding a year in a sentence that writes a dotted capital I", () => {
    const entities: SuggestEntity[] = [...ENTITIES, { id: "turia", name: "Turia flood of 1957", kind: "event", aliases: [] }];
    const body = "Older residents in İzmir recalled the Turia flood of 1957, which swamped the city.";
    const proposals = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] });
    expect(proposals.filter((p) => p.quote.includes("1957"))).toEqual([]);
  });

  it("names each body's own event, read in turn: what one sentence names is not kept for another", () => {
    const toll = (body: string) =>
      suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: [], claims: [] }).find((p) =>
        p.quote.includes("150"),
      );
    const daniel = "At least 150 people were killed when Storm Daniel struck the coast.";
    const boris = "At least 150 people were killed when Storm Boris struck the coast.";
    for (const [body, name] of [
      [daniel, "Storm Daniel"],
      [boris, "Storm Boris"],
      [daniel, "Storm Daniel"],
    ] as const)
      expect(toll(body)?.subject).toEqual({ how: "sentence", name, kind: "event" });
  });
});
