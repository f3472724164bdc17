/**
 * The general rules of suggested claims about how news states its figures (issue 14, item 7):
 * each asserted on what an analyst sees in the reader, a proposal there or not, and its guesses.
 */
import { describe, expect, it } from "vitest";
import { type RecordedClaim, stem, type SuggestEntity, suggestClaims } from "@/lib/domain/suggest.ts";
import { parseValue } from "@/lib/domain/values.ts";

const ENTITIES: SuggestEntity[] = [
  { id: "storm", name: "Storm Boris", kind: "event", aliases: [] },
  { id: "flood-1957", name: "Turia flood of 1957", kind: "event", aliases: [] },
  { id: "riverside", name: "Riverside", kind: "place", aliases: [] },
  { id: "hillton", name: "Hillton", kind: "place", aliases: [] },
  { id: "acme", name: "Acme", kind: "organization", aliases: [] },
  { id: "woman", name: "Woman swept away in Riverside", kind: "person", aliases: [] },
];
const PUBLISHED = new Date("2024-10-31T09:00:00Z");

const suggest = (body: string, claims: RecordedClaim[] = []) =>
  suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: ENTITIES, claims });
const quotes = (body: string, claims: RecordedClaim[] = []) => suggest(body, claims).map((p) => p.quote);
/** Suggestions for a body when the investigation knows no entity and no claim yet. */
const alone = (body: string) => suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: [], claims: [] });
const subjectOf = (p: ReturnType<typeof suggest>[number] | undefined) => (p && "entityId" in p.subject ? p.subject.entityId : null);

describe("a source's own conversion stays with its figure", () => {
  it("keeps a hedged conversion in brackets with the measure: one proposal, read as agreeing", () => {
    const proposals = suggest("Pumping brought the water down to 1.5 metres (about 5 feet) by Monday.");
    const measures = proposals.filter((p) => p.valueKind === "number");
    expect(measures).toHaveLength(1);
    expect(measures[0]).toMatchObject({ quote: "1.5 metres (about 5 feet)", reading: expect.stringContaining("agrees") });
  });

  it("keeps a conversion written after “, or” with the measure", () => {
    const [p] = suggest("In the town 491 millimetres, or more than 19 inches, fell in a day.");
    expect(p).toMatchObject({ quote: "491 millimetres, or more than 19 inches" });
  });

  it("keeps a conversion into another currency written after “, or” with the sum", () => {
    expect(alone("Acme paid £5m, or about $6.3m, for the plant.").map((p) => p.quote)).toEqual(["£5m, or about $6.3m"]);
    expect(alone("The fine is 2 million euros, or about $2.2 million in all.").map((p) => p.quote)).toEqual([
      "2 million euros, or about $2.2 million",
    ]);
  });

  it("keeps two sums in one currency apart: the second is another sum, no conversion", () => {
    expect(alone("Acme will pay $5m, or $6m with bonuses.").map((p) => p.quote)).toEqual(["$5m", "$6m"]);
  });

  it("does not join a count to what follows “, or”: only a measure has a conversion", () => {
    expect(quotes("Officials counted 120 people, or more than half the village, in the shelter.")).not.toContain(
      "120 people, or more than half",
    );
    expect(quotes("The water rose 3 metres, and about 40 people were rescued.")).toEqual(["3 metres", "about 40 people"]);
  });
});

describe("the day a report was made is not a claim", () => {
  it.each([
    ["the company said on Monday", "Acme agreed to the offer, the company said on Monday."],
    ["a verb and its audience", "Acme's chief told national broadcaster RTVE on Monday that it would wait."],
    ["a post late on Thursday", "No further sales are planned, Acme's chief tweeted late on Thursday."],
    ["a filing with a named body", "In a filing with the Securities and Exchange Commission on Thursday, Acme listed its lenders."],
    ["a document's day before it", "The commitments, set out in Wednesday's filing, ease the pressure on Acme."],
    ["filings made on a day", "Acme sold the plant, according to filings made on Thursday."],
    ["filings made on two days", "Acme sold the plant, according to filings made on Thursday and on Friday morning."],
    ["a page's update line", "Update, 5 November: the count has been revised."],
    ["the day figures were released", "New sales figures released on Monday show how far Acme fell."],
  ])("proposes no day for %s", (_, body) => {
    expect(suggest(body).filter((p) => p.valueKind === "date")).toEqual([]);
  });

  it("still proposes a day that dates what happened", () => {
    expect(quotes("The king visited Riverside on Sunday.")).toContain("Sunday");
    expect(quotes("The river rose on Thursday and on Friday.")).toEqual(["Thursday", "Friday"]);
    expect(quotes("The mayor said the royal visit to Riverside on Sunday went ahead.")).toContain("Sunday");
  });
});

describe("a day that only says when a figure held", () => {
  it.each([
    ["after the figure", "Acme shares fell 8% on Wednesday.", "8%", "Wednesday", "2024-10-30 (day)"],
    ["after a report's figure", "Officials said the toll reached 95 on Wednesday.", "95", "Wednesday", "2024-10-30 (day)"],
    [
      "before the figure it dates",
      "Acme's board agreed on 3 June to sell the plant for $12 million.",
      "$12 million",
      "3 June",
      "2024-06-03 (day)",
    ],
    ["opening the sentence", "On Tuesday, Acme reported revenue of $4 billion.", "$4 billion", "Tuesday", "2024-10-29 (day)"],
    ["with its weekday", "The toll was 95 on Tuesday, 29 October.", "95", "Tuesday", "2024-10-29 (day)"],
  ])("is the figure's as-of, not a proposal of its own: %s", (_, body, figure, day, reading) => {
    const proposals = suggest(body);
    expect(proposals.filter((p) => p.valueKind === "date")).toEqual([]);
    expect(proposals.find((p) => p.quote.includes(figure))!.asOf).toEqual({ text: day, reading, how: "sentence" });
  });

  it("still proposes a day with its own cue, a list of days, and a day of another clause", () => {
    expect(alone("Acme was founded in 1996 and has 40 staff.").map((p) => p.quote)).toContain("1996");
    expect(alone("Acme launched its app in May 2019 and now has 40 staff.").map((p) => p.quote)).toContain("May 2019");
    const listed = alone("Acme's chief sold 2 million shares on Monday and Tuesday.").filter((p) => p.valueKind === "date");
    expect(listed.map((p) => p.quote)).toEqual(["Monday", "Tuesday"]);
    expect(alone("Heavy rain fell on Monday: the river rose three metres.").map((p) => p.quote)).toContain("Monday");
  });
});

describe("a weekday written with its date", () => {
  it("is one day, proposed once", () => {
    expect(alone("The storm struck on Tuesday, 29 October, and the river burst.").map((p) => p.quote)).toEqual(["Tuesday, 29 October"]);
    expect(alone("The plant reopened on Friday, May 9, after repairs.").map((p) => p.quote)).toEqual(["Friday, May 9"]);
  });

  it("still reads a weekday before another clause, and a list of weekdays, apart", () => {
    expect(alone("The plant reopened on Friday, and 40 staff came back.").map((p) => p.quote)).toEqual(["Friday", "40 staff"]);
    expect(alone("Acme shut on Monday, Tuesday and Wednesday.").map((p) => p.quote)).toEqual(["Monday", "Tuesday", "Wednesday"]);
  });
});

describe("a day in the possessive", () => {
  it("is the day alone, not “by” and the verb before it", () => {
    expect(alone("Riverside was among the towns worst hit by Tuesday's floods.").map((p) => p.quote)).toEqual(["Tuesday"]);
  });

  it("still reads “by Friday” as a deadline", () => {
    expect(alone("Acme must reply by Friday.").map((p) => p.quote)).toEqual(["by Friday"]);
  });
});

describe("the month of May with its day", () => {
  it("reads “May 2” as a day, never the day's number as a count", () => {
    expect(alone("The plant reopened on May 2.").map((p) => [p.quote, p.valueKind])).toEqual([["May 2", "date"]]);
    expect(alone("Acme shares slid 4% on Friday, May 9.").map((p) => p.quote)).toEqual(["slid 4%"]);
    expect(alone("The plant reopened on Friday, May 9, after repairs.").map((p) => p.valueKind)).not.toContain("number");
  });

  it("still reads the verb “may” before a figure as no month", () => {
    expect(alone("Prices may 3x by spring.").map((p) => p.valueKind)).not.toContain("date");
  });
});

describe("a fraction written in words", () => {
  it("proposes no numerator of “two-thirds” as a count, but the whole fraction as a share", () => {
    expect(alone("Acme raised $40 million, but more than two-thirds of it came from its founder.").map((p) => p.quote)).toEqual([
      "$40 million",
      "more than two-thirds",
    ]);
    expect(alone("Three-quarters of the staff left, and one-fifth of them came back.").map((p) => [p.quote, p.reading])).toEqual([
      ["Three-quarters", "75% (62.5–87.5%)"],
      ["one-fifth", "20% (10–30%)"],
    ]);
  });

  it("still proposes a count hyphenated to a noun", () => {
    expect(alone("Acme runs a three-shift rota with 90 staff.").map((p) => p.quote)).toContain("90 staff");
  });

  it("reads quarters of a year and halves of a match as time, no share", () => {
    const shares = (body: string) => alone(body).filter((p) => p.valueKind === "percentage");
    expect(shares("Acme's revenue grew in each of the past two quarters.")).toEqual([]);
    expect(shares("Globex has lost money for three quarters in a row.")).toEqual([]);
    expect(shares("Initech made a loss in three quarters of 2025.")).toEqual([]);
    expect(shares("Rovers were the better side in both halves, and two halves of rain followed.")).toEqual([]);
    // With "of" a whole, it is still a share.
    expect(shares("Three quarters of the members voted for the merger.").map((p) => p.reading)).toEqual(["75% (62.5–87.5%)"]);
  });
});

describe("a ratio", () => {
  it("counts nothing on either side: “a ten-for-one stock split”, “a 3-for-2 split”", () => {
    expect(quotes("The board approved a ten-for-one stock split and a 3-for-2 split of its preferred shares.")).toEqual([]);
    expect(quotes("The board approved 3 stock splits in ten years.")).toContain("3 stock");
    // With the verb read into the figure, too.
    expect(quotes("The team lost 4-for-5 in the shootout.")).toEqual([]);
  });
});

describe("a number named in quotation marks", () => {
  it("is the number spoken of, no claim made with it", () => {
    expect(alone('The price is a wink at "1337", a number gamers love.')).toEqual([]);
    expect(alone("Fans still chant ‘96’ at every match.")).toEqual([]);
  });

  it("still proposes a quoted figure with its noun, and a figure in quoted speech", () => {
    expect(alone('He said "4,000 jobs" would go.').map((p) => p.quote)).toEqual(["4,000 jobs"]);
    expect(alone('"We lost 40 homes," the mayor said.').map((p) => p.quote)).toEqual(["40 homes"]);
  });
});

describe("a quantity given by its order of size alone", () => {
  it("is not proposed: it says how big, never how many", () => {
    expect(alone("Dozens of people are still missing, and hundreds of cars were swept away.")).toEqual([]);
    expect(alone("Acme spent billions of dollars on tens of thousands of chips.")).toEqual([]);
  });

  it("still proposes a figure written in words, and an order of size the investigation records", () => {
    expect(alone("Acme hired two hundred staff.").map((p) => p.quote)).toEqual(["two hundred staff"]);
    const other = "Officials still list as missing hundreds of residents.";
    const missing: RecordedClaim = {
      articleId: "elsewhere",
      body: other,
      start: other.indexOf("missing"),
      end: other.indexOf("."),
      valueText: "hundreds of residents",
      valueKind: "number",
      subjectId: "storm",
      attribute: "People missing",
    };
    const [p] = suggest("Riverside still lists as missing dozens of residents.", [missing]);
    expect(p).toMatchObject({ quote: "dozens of residents", attribute: { label: "People missing", how: "learned" } });
  });
});

describe("the as-of of a figure", () => {
  it("is the day of the figure's own clause, before a nearer one of another clause", () => {
    const proposals = suggest("Acme shares, which fell 9% on Monday, rose 3.5% to $41.20 on Friday.");
    const asOf = (figure: string) => proposals.find((p) => p.quote.includes(figure))!.asOf?.text;
    expect([asOf("9%"), asOf("3.5%"), asOf("$41.20")]).toEqual(["Monday", "Friday", "Friday"]);
  });

  it("is not the period a figure is compared with, nor a day qualifying something after it", () => {
    const asOf = (body: string, figure: string) => suggest(body).find((p) => p.quote.includes(figure))?.asOf?.how;
    expect(asOf("Acme's cloud revenue was 14% higher than in the second quarter.", "14%")).toBe("published");
    expect(asOf("Acme's revenue rose 12% from the first quarter.", "12%")).toBe("published");
    expect(asOf("Acme earned $1.9 billion, once June's stock split is allowed for.", "$1.9 billion")).toBe("published");
    // The period of the figure itself still dates it.
    expect(asOf("Acme's revenue for the third quarter was $5 billion.", "$5 billion")).toBe("sentence");
  });
});

/** The storm's death toll, recorded in another article: the investigation's main event. */
const LEARNED_BODY = "At least 51 people have died in the storm, officials said.";
const TOLL: RecordedClaim = {
  articleId: "elsewhere",
  body: LEARNED_BODY,
  start: 0,
  end: "At least 51 people have died".length,
  valueText: "At least 51",
  valueKind: "number",
  subjectId: "storm",
  attribute: "Death toll",
};

describe("the place a figure is given for", () => {
  it("is the subject when written right after the figure, even where the investigation records the event's toll", () => {
    const proposals = suggest("By Thursday the storm had killed over 17,600 in Riverside and more than 3,300 in Hillton.", [TOLL]);
    expect(subjectOf(proposals.find((p) => p.quote.includes("17,600")))).toBe("riverside");
    expect(subjectOf(proposals.find((p) => p.quote.includes("3,300")))).toBe("hillton");
    expect(proposals.find((p) => p.quote.includes("17,600"))!.attribute.label).toBe("Death toll");
  });

  it("is the subject when written after the measure's noun: “the toll in Riverside as 52”", () => {
    const p = suggest("An earlier version of this article gave the toll in Riverside as 52.", [TOLL]).find((p) => p.quote === "52");
    expect(subjectOf(p)).toBe("riverside");
  });

  it("is not the subject when only mentioned: the learned event keeps the toll", () => {
    const p = suggest("The storm, which also flooded the road to Riverside, has killed 95 people.", [TOLL]).find((p) =>
      p.quote.includes("95"),
    );
    expect(subjectOf(p)).toBe("storm");
  });
});

describe("a day in a sentence about a named event", () => {
  it("is proposed as that event's date", () => {
    const p = suggest("Older residents recalled the Turia flood of 1957, which swamped the city on 14 October that year.").find(
      (p) => p.valueKind === "date",
    );
    expect(p).toMatchObject({ quote: expect.stringContaining("14 October"), attribute: { label: "Date" } });
    expect(subjectOf(p)).toBe("flood-1957");
  });

  it("is not given a date attribute when the sentence names no event", () => {
    const p = suggest("Acme's shares rose at the open on Wednesday.").find((p) => p.valueKind === "date");
    expect(p?.attribute.label ?? null).toBeNull();
  });
});

describe("an age given by decade", () => {
  it("is proposed as the age of the person the sentence describes", () => {
    const p = suggest("In Riverside, the body of a woman in her sixties was found 12 kilometres away.").find((p) => p.valueKind === "text");
    expect(p).toMatchObject({ quote: "in her sixties", attribute: { label: "Age" } });
    expect(subjectOf(p)).toBe("woman");
  });

  it("reads decades written in figures and with early, mid or late", () => {
    expect(quotes("A man in his early 70s was rescued.")).toEqual(["in his early 70s"]);
  });

  it("is not an era: “in the sixties” or “the 1960s” propose no age", () => {
    const proposals = suggest("The town grew in the sixties and again in the 1960s boom.");
    expect(proposals.filter((p) => p.attribute.label === "Age")).toEqual([]);
  });
});

/** A claim recorded in another article, anchored on its quote. */
function recorded(body: string, quote: string, valueText: string, attribute: string, subjectId: string): RecordedClaim {
  const start = body.indexOf(quote);
  return { articleId: "elsewhere", body, start, end: start + quote.length, valueText, valueKind: "number", subjectId, attribute };
}

describe("what a recorded claim teaches", () => {
  const MISSING_BODY = "In the neighbouring region of Castilla-La Mancha, six people were reported missing after the storm.";
  const MISSING = recorded(MISSING_BODY, "six people were reported missing", "six", "People missing", "hillton");

  it("is the words about its measure, not the names around it", () => {
    const p = suggest("Castilla-La Mancha counted 14 more on Friday.", [MISSING]).find((p) => p.quote.includes("14"));
    expect(p?.attribute.label).not.toBe("People missing");
  });

  it("still applies where the measure's own words recur", () => {
    const p = suggest("Another 14 people were reported missing in Hillton.", [MISSING]).find((p) => p.quote.includes("14"));
    expect(p?.attribute).toMatchObject({ label: "People missing" });
  });

  it("gives way to a cue word right beside the figure that names another measure", () => {
    const p = suggest("In the region, where at least 92 people were killed, the count was still rising.", [MISSING]).find((p) =>
      p.quote.includes("92"),
    );
    expect(p?.attribute.label).toBe("Death toll");
  });

  it("takes the dateline's day for the report's, and no ordinary first word for the subject", () => {
    const body = "NAIROBI, March 4 — Lenders cut 1,200 jobs. Private-sector credit shrank 1.4% in the year to January.";
    const proposals = suggest(body);
    expect(proposals.some((p) => p.quote.includes("March 4"))).toBe(false);
    for (const quote of ["1,200 jobs", "shrank 1.4%"]) {
      const p = proposals.find((p) => p.quote === quote);
      expect(p?.subject.how, quote).toBe("none");
    }
  });

  it("reads a number set off by commas after a person's name as their age", () => {
    const body = "“We have won,” said party leader Ana Lima Duarte, 41, a former commentator. In Riverside, 12, and then 14, were rescued.";
    const proposals = suggest(body);
    expect(proposals.find((p) => p.quote === "41")).toMatchObject({
      attribute: { label: "Age" },
      subject: { how: "sentence", name: "Ana Lima Duarte", kind: "person" },
    });
    // A place is no one's age.
    expect(proposals.find((p) => p.quote.startsWith("12"))?.attribute.label).not.toBe("Age");
  });

  it("keeps a country's inflation, its unemployment and its central bank's rate apart", () => {
    const body = "The central bank raised its benchmark lending rate to 10.75% as inflation slowed to 3.5% and unemployment rose to 6.1%.";
    const labels = suggest(body).map((p) => [p.quote, p.attribute.label]);
    expect(labels).toEqual([
      ["10.75%", "Interest rate"],
      ["3.5%", "Inflation"],
      ["6.1%", "Unemployment rate"],
    ]);
  });

  it("keeps the analyst's own label when it names no measure the lexicon knows", () => {
    const body = "Acme shares were up 12% premarket after the offer.";
    const move = {
      ...recorded(body, "up 12% premarket", "12%", "Premarket share move after the offer", "acme"),
      valueKind: "percentage" as const,
    };
    const p = suggest("Acme's shares leaped 18% premarket on the news.", [move]).find((p) => p.valueKind === "percentage");
    expect(p?.attribute.label).toBe("Premarket share move after the offer");
  });

  it("reads the level a share moved from as no growth", () => {
    const [, before] = alone("About 15% of subscribers are in Canada, up from 12% a year earlier.");
    expect(before).toMatchObject({ quote: "12%" });
    expect(before!.attribute.label).not.toBe("User growth");
    expect(alone("Daily users rose 9% on the year.")[0]!.attribute.label).toBe("User growth");
  });

  it("takes no move it learned for a share of something", () => {
    const body = "Acme shares were up 12% premarket after the offer.";
    const move = {
      ...recorded(body, "up 12% premarket", "up 12%", "Premarket share move after the offer", "acme"),
      valueKind: "percentage" as const,
    };
    const share = suggest("Acme said 40% of its premarket offer shares would go to staff.", [move]).find(
      (p) => p.valueKind === "percentage",
    );
    expect(share?.attribute.label).not.toBe("Premarket share move after the offer");
  });
});

describe("a figure quoted as it is written", () => {
  it("keeps a time's a.m. or pm, and never reads the word after it as a day", () => {
    expect(quotes("The quake struck at 4:17 a.m. Rescuers arrived within the hour.")).toEqual(["4:17 a.m."]);
    expect(suggest("The quake struck at 4:17 a.m.")[0]).toMatchObject({ quote: "4:17 a.m.", valueKind: "time" });
    expect(quotes("The alert went out shortly after 8pm. Acme closed.")).toEqual(["8pm"]);
    expect(suggest("Polls close at 8.30pm.")[0]).toMatchObject({ quote: "8.30pm", reading: expect.stringContaining("20:30") });
  });

  it("leaves the sentence's full stop off a unit that ends it, glued or not", () => {
    expect(alone("The thermometer in the square showed 38C.").map((p) => p.quote)).toEqual(["38C"]);
    expect(alone("The balloon climbed to 12,000 ft.").map((p) => p.quote)).toEqual(["12,000 ft"]);
    expect(alone("The balloon climbed to 12,000 ft. Nobody saw it land.").map((p) => p.quote)).toEqual(["12,000 ft"]);
    // A unit written with a slash ends the sentence as well.
    expect(alone("Gusts at the pier reached 130 km/h.").map((p) => p.quote)).toEqual(["130 km/h"]);
    // Inside a sentence the point is the abbreviation's, and a unit written with its own points keeps them.
    expect(alone("The balloon climbed to 12,000 ft. over the bay.").map((p) => p.quote)).toEqual(["12,000 ft."]);
    expect(alone("The gates open at 9 a.m.").map((p) => p.quote)).toEqual(["9 a.m."]);
  });

  it("never takes the verb before a time, nor leaves a conversion's bracket open", () => {
    expect(quotes("The aftershock hit at 13:24 local time (10:24 GMT).")).toEqual(["13:24 local time (10:24 GMT)"]);
  });

  it("reads “between … and …” as one range", () => {
    expect(suggest("Between 10 and 20 people died in Riverside.")[0]).toMatchObject({
      quote: "Between 10 and 20 people",
      reading: "10–20 people",
    });
    expect(quotes("Acme sold shares at prices between $800 and $995 each.")).toEqual(["between $800 and $995"]);
    // A low end written in full is the low end: one range, not a figure and another.
    expect(suggest("Officials said between 500,000 and 1 million people had fled Riverside.")[0]).toMatchObject({
      quote: "between 500,000 and 1 million people",
      reading: "500,000–1,000,000 people",
    });
    expect(quotes("The storm left 500,000 to 1 million homes without power.")).toEqual(["500,000 to 1 million homes"]);
    // Years between are no count of anything.
    expect(quotes("Between 2019 and 2021 Acme hired 300 people.")).toEqual(["300 people"]);
  });

  it("proposes no general's rank in a company's name", () => {
    expect(quotes("General Electric Aerospace will hire 900 workers.")).toEqual(["900 workers"]);
  });

  it("proposes no temperature in a seat or a flat's number, and keeps one in the weather", () => {
    expect(quotes("The passenger in seat 14C was injured when the panel blew out.")).toEqual([]);
    expect(quotes("She lives in flat 2C in Riverside.")).toEqual([]);
    expect(quotes("The gunman fired from room 12F of the hotel.")).toEqual([]);
    expect(suggest("Riverside recorded a record 40C.")[0]).toMatchObject({ reading: expect.stringContaining("40 °C") });
    expect(suggest("Temperatures hit 45C in Riverside.")[0]).toMatchObject({ quote: "45C", reading: expect.stringContaining("45 °C") });
  });

  it("takes the letter of a glued temperature for no one's name", () => {
    const day = alone("The island saw a record 41C on Sunday and Monday.").find((p) => p.valueKind === "date");
    expect(day).toMatchObject({ quote: "Sunday", subject: { how: "none" } });
  });

  it("reads a model's designation before its noun as no temperature, and weather before one as weather", () => {
    expect(alone("A 747F cargo plane skidded off the runway.").map((p) => p.quote)).toEqual([]);
    expect(alone("The carrier grounded its 767F jets for checks.").map((p) => p.quote)).toEqual([]);
    expect(alone("Pilgrims walked through 46C heat.")[0]).toMatchObject({ quote: "46C", reading: expect.stringContaining("46 °C") });
    expect(alone("The valley braced for 118F temperatures.")[0]).toMatchObject({ reading: expect.stringContaining("118 °F") });
  });

  it("reads no range in a score or a season", () => {
    expect(quotes("Riverside won 3-1 in the 2023-24 season.")).toEqual([]);
  });
});

describe("the day of a vote", () => {
  it("is an election's date, not the day someone was elected", () => {
    const [vote] = suggest("Voters went to the polls in Sunday's snap election.");
    expect(vote?.attribute.label).toBe("Election date");
    const [elected] = suggest("Ana Lima was elected on 10 March.");
    expect(elected?.attribute.label).toBe("Date elected");
  });
});

describe("a wildfire report, as wire services write one", () => {
  it("counts no preposition: “forces 12,000 from homes” is 12,000", () => {
    expect(quotes("Wildfire forces 12,000 from homes")).toEqual(["12,000"]);
  });

  it("reads a temperature written against its figure, with the source's conversion", () => {
    const [p] = suggest("Temperatures were forecast to reach 104F (40C) in Riverside.");
    expect(p).toMatchObject({ quote: "104F (40C)", attribute: { label: "Temperature" } });
    expect(p?.reading).toMatch(/°F.*agrees/);
  });

  it("reads how much of a fire is contained", () => {
    expect(suggest("By Wednesday the fire was 15% contained.").find((p) => p.quote === "15%")?.attribute.label).toBe("Containment");
  });

  it("dates a figure by the day nearest it, and by the dateline's whole day only when the sentence has no other", () => {
    const body =
      "MARSTON, Aug. 14 (Newswire) - A wildfire had burned more than 45,000 acres by Wednesday evening.\nMARSTON, Aug. 14 (Newswire) - Some 1,900 firefighters were at work.";
    const proposals = suggest(body);
    expect(proposals.find((p) => p.quote.includes("45,000"))?.asOf?.text).toBe("Wednesday");
    expect(proposals.find((p) => p.quote.includes("1,900"))?.asOf?.text).toBe("Aug. 14");
  });

  it("takes the person, not their title, as the subject a sentence names", () => {
    const p = alone("Fire Chief Dana Ortiz has led 87 crews since 2019.").find((p) => p.quote.startsWith("87"));
    expect(p?.subject).toMatchObject({ how: "sentence", name: "Dana Ortiz" });
  });

  it("takes a number that names a thing for part of its name, not a figure", () => {
    const proposals = alone("Flight 370 vanished with 239 people on board.");
    expect(proposals.map((p) => p.quote)).toEqual(["239 people"]);
    expect(proposals[0]).toMatchObject({ subject: { name: "Flight 370" }, attribute: { label: "People on board" } });
  });
});

describe("a company's results, as an earnings report gives them", () => {
  const labels = (body: string) => suggest(body).map((p) => [p.quote, p.attribute.label]);

  it("names the measure a move is of, when the verb is inside the quote", () => {
    expect(labels("Acme's net profit fell 23% to €1.12 billion. Revenue slipped 4 per cent.")).toEqual([
      ["fell 23%", "Profit change"],
      ["€1.12 billion", "Profit"],
      ["slipped 4 per cent", "Revenue growth"],
    ]);
  });

  it("takes no cue word from a clause joined after the figure", () => {
    expect(
      labels("Acme's earnings of $0.81 per share compared with a consensus of $0.74, and revenue beat a consensus of $33 billion."),
    ).toEqual([
      ["$0.81", "Earnings per share"],
      ["$0.74", "Earnings per share"],
      ["$33 billion", "Revenue"],
    ]);
  });

  it("still takes the cue word after an aside joined with “and”", () => {
    expect(labels("Some 300 people, and possibly more, were killed in the blast.")).toEqual([["Some 300 people", "Death toll"]]);
  });

  it("reads a share written “higher” or “lower” after it as the move of what the sentence names", () => {
    expect(labels("Acme's cloud revenue of $3.3 billion was 14% higher than a year earlier.")[1]).toEqual(["14%", "Revenue growth"]);
    expect(labels("Acme's sales were 5% lower than in 2023.")).toEqual([["5% lower", "Revenue growth"]]);
  });

  it("tells jobs cut from a headcount, and a dividend from a share price", () => {
    expect(labels("Acme will cut about 2,800 jobs. Acme employs 40,000 workers. Acme will cut 50 flights.")).toEqual([
      ["about 2,800 jobs", "Job cuts"],
      ["40,000 workers", "Employees"],
      ["50 flights", "Flights"],
    ]);
    expect(labels("Acme proposed a dividend of €0.85 a share.")).toEqual([["€0.85", "Dividend"]]);
  });

  it("takes no headcount from a counted noun where the words before say a cut", () => {
    // No cue word of the lexicon names this figure: its own noun does, under the same guard a cue has.
    expect(alone("A rockfall cut off 200 staff in the tunnel.")[0]).toMatchObject({ attribute: { label: "Staff cut off" } });
    expect(alone("The depot has 200 staff.")[0]).toMatchObject({ attribute: { label: "Employees" } });
  });

  it("reads what a company earns as its profit, and what a person earns as pay", () => {
    expect(labels("Acme earned $350 million in the last quarter.")).toEqual([["$350 million", "Profit"]]);
    expect(alone("The chipmaker earns $30 billion a year.")[0]).toMatchObject({ attribute: { label: "Profit" } });
    expect(alone("A care worker earns $650 a week.")[0]).toMatchObject({ attribute: { label: "Pay" } });
    expect(alone("The goalkeeper earned $3 million last season.")[0]).toMatchObject({ attribute: { label: "Pay" } });
    // The measure named right after the figure is the one it is: "in revenue", "in sales".
    expect(alone("Brightwater earned $5 billion in revenue last year.")[0]).toMatchObject({ attribute: { label: "Revenue" } });
  });

  it("gives a forecast figure to what is forecast to move, not to the forecaster", () => {
    expect(alone("The OECD expects the economy to grow 2.1% next year.")[0]).toMatchObject({ subject: { how: "none" } });
    expect(alone("The OECD expects Portugal's economy to grow 2.1% next year.")[0]).toMatchObject({
      subject: { how: "sentence", name: "Portugal" },
    });
    // What a company expects of its own figures is its own, "its" written or not.
    expect(alone("Brightwater said it expects revenue to rise 7% next year.")[0]).toMatchObject({
      subject: { how: "sentence", name: "Brightwater" },
    });
    // And with "its".
    expect(alone("Brightwater expects its sales to rise 7% next year.")[0]).toMatchObject({
      subject: { how: "sentence", name: "Brightwater" },
    });
  });

  it("gives a company's figure to the company named before, not to its product named beside it", () => {
    const entities: SuggestEntity[] = [
      { id: "acme", name: "Acme", kind: "organization", aliases: [] },
      { id: "rocket", name: "Rocket", kind: "product", aliases: [] },
    ];
    const body =
      "Acme reported its quarterly results after the market closed on Tuesday.\n\nCloud revenue reached $4.1 billion, on strong demand for its Rocket servers.";
    const p = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] }).find(
      (p) => p.quote === "$4.1 billion",
    );
    expect(p).toMatchObject({ subject: { how: "mention", entityId: "acme" } });
  });

  it("carries no company from the sentence before to one named with a word of the language", () => {
    const entities: SuggestEntity[] = [{ id: "acme", name: "Acme", kind: "organization", aliases: [] }];
    const body = "Acme shares fell 3% on Monday. Shell shares rose 2% on Tuesday.";
    const p = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] }).find((p) =>
      p.quote.includes("2%"),
    );
    expect(p?.subject).not.toMatchObject({ entityId: "acme" });
  });

  it("takes neither half of “US-China” for the subject of a figure", () => {
    const [p] = alone("US-China trade fell 12% last year, customs data showed.");
    expect(p).toMatchObject({ quote: expect.stringContaining("12%") });
    expect(p!.subject).not.toMatchObject({ name: "China" });
  });

  it("takes no half of a compound for the subject a sentence names", () => {
    const p = alone("The Munich-based group will cut about 2,800 jobs.")[0];
    expect(p?.subject.how).toBe("none");
  });
});

describe("a court report", () => {
  it("proposes a prison term, also one the sentence before gives the cue for", () => {
    const proposals = suggest("The judge sentenced Ana Lima to 12 years in prison. Prosecutors had asked for 15 years.");
    expect(proposals.map((p) => [p.quote, p.attribute.label])).toEqual([
      ["12 years", "Prison sentence"],
      ["15 years", "Prison sentence"],
    ]);
  });

  it("gives a sentence to the one sentenced, not to the judge who hands it down", () => {
    const name = (body: string) => alone(body).find((p) => p.valueKind === "number")?.subject;
    expect(name("Judge Carla Nunes sentenced Tomas Reyes to nine years.")).toMatchObject({ how: "sentence", name: "Tomas Reyes" });
    expect(name("A Lowmoor magistrate jailed Ellen Pryce for 18 months.")).toMatchObject({ how: "sentence", name: "Ellen Pryce" });
  });

  it("gives a sum ordered paid to the one ordered, and goods ordered to the buyer", () => {
    const money = (body: string) => alone(body).find((p) => p.valueKind === "money")?.subject;
    expect(money("Judge Ortiz ordered Brightwater to pay $5 million.")).toMatchObject({ how: "sentence", name: "Brightwater" });
    expect(money("Skylane ordered Boeing jets worth $10 billion.")).toMatchObject({ how: "sentence", name: "Skylane" });
  });

  it("tells the day a product was withdrawn from its launch", () => {
    const labels = suggest("The drug, launched in 2011, was withdrawn in June 2021.").map((p) => [p.quote, p.attribute.label]);
    expect(labels).toEqual([
      ["2011", "Launch date"],
      ["June 2021", "Date withdrawn"],
    ]);
  });

  it("takes no ordinary word that opens a headline for the subject", () => {
    const body = "Court fines Helix Pharma $2.3bn\nThe court filings were sealed.";
    const p = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: [], claims: [] })[0];
    expect(p).toMatchObject({ quote: "$2.3bn", attribute: { label: "Fine" }, subject: { how: "none" } });
  });
});

describe("an outbreak report", () => {
  const labels = (body: string) => suggest(body).map((p) => [p.quote, p.attribute.label]);

  it("reads cases, the share hospitalised, a proportion and vaccination coverage", () => {
    expect(labels("Confirmed measles cases in Riverside rose to 1,046. About 13% of patients were hospitalized.")).toEqual([
      ["1,046", "Cases"],
      ["About 13%", "Share hospitalised"],
    ]);
    expect(suggest("Nine in 10 cases were in people who were unvaccinated.")[0]).toMatchObject({
      quote: "Nine in 10",
      valueKind: "percentage",
    });
    expect(labels("Vaccination coverage among kindergartners in Riverside fell to 92.7%.")).toEqual([["92.7%", "Vaccination rate"]]);
  });

  it("quotes a proportion with the bound written before it", () => {
    expect(alone("Nearly 4 in 10 nurses had left the ward by spring.")[0]).toMatchObject({
      quote: "Nearly 4 in 10",
      reading: expect.stringContaining("nearly 40%"),
    });
    expect(alone("More than one in three households skipped a meal.")[0]).toMatchObject({
      quote: "More than one in three",
      reading: expect.stringContaining("or more"),
    });
  });

  it("takes “accounts for” as no count of accounts", () => {
    expect(labels("Riverside accounts for 702 of the cases.")).toEqual([["702", "Cases"]]);
  });
});

describe("a transfer report", () => {
  const labels = (body: string) => suggest(body).map((p) => [p.quote, p.attribute.label]);

  it("keeps a conversion into another currency with its figure", () => {
    expect(labels("Acme paid a record fee of £85 million (€101m) for the striker.")).toEqual([["£85 million (€101m)", "Fee"]]);
  });

  it("reads a wage by the week, and no age in a contract's length", () => {
    expect(labels("The 23-year-old signed a six-year contract and will earn £250,000 a week.")).toEqual([
      ["23", "Age"],
      ["six", null],
      ["£250,000", "Pay"],
    ]);
    // "pay for" something is no wage.
    expect(labels("To pay for Riverside, Acme pledged up to $21 billion.")[0]?.[1]).not.toBe("Pay");
  });

  it("gives a figure in brackets after a name to that name", () => {
    const p = alone("He is the third most expensive signing, behind Enzo Fernández (£106.8m).")[0];
    expect(p).toMatchObject({ quote: "£106.8m", subject: { how: "sentence", name: "Enzo Fernández" } });
  });
});

describe("an election report", () => {
  const labels = (body: string) => suggest(body).map((p) => [p.quote, p.attribute.label]);

  it("reads a vote share, poll support and turnout, and takes no measure's word for a subject", () => {
    expect(labels("The Greens won 14.8% of the vote. A poll put support for Acme at 21%.")).toEqual([
      ["14.8%", "Vote share"],
      ["21%", "Poll support"],
    ]);
    const turnout = alone("Turnout was 76.6%, up from 72.4% in 2021.");
    expect(turnout.map((p) => [p.quote, p.attribute.label, p.subject.how, p.asOf?.text])).toEqual([
      ["76.6%", "Turnout", "none", "31 October 2024"],
      ["72.4%", "Turnout", "none", "2021"],
    ]);
  });

  it("gives an event's figure named with no event to the one of the article's year", () => {
    const entities: SuggestEntity[] = [
      { id: "now", name: "State election of 2024", kind: "event", aliases: [] },
      { id: "then", name: "State election of 2019", kind: "event", aliases: [] },
    ];
    const [p] = suggestClaims({
      article: { id: "here", body: "Turnout was 61.2%, officials said.", publishedAt: PUBLISHED },
      entities,
      claims: [],
    });
    expect(p).toMatchObject({ quote: "61.2%", attribute: { label: "Turnout" }, subject: { entityId: "now" } });
  });

  it("gives no figure to an event for its year alone when another event names no year", () => {
    const entities: SuggestEntity[] = [
      { id: "storm", name: "Storm Zelda", kind: "event", aliases: [] },
      { id: "games", name: "2024 Summer Games", kind: "event", aliases: [] },
    ];
    const [p] = suggestClaims({
      article: { id: "here", body: "Floods killed at least 40 people, officials said.", publishedAt: PUBLISHED },
      entities,
      claims: [],
    });
    expect(p?.subject).not.toMatchObject({ entityId: "games" });
  });

  describe("names the election a party's result is of, as the investigation's labels do", () => {
    const SEATS_BODY = "The Greens won 38 seats in the regional vote.";
    const seats = { ...recorded(SEATS_BODY, "won 38 seats", "38", "Seats won, 2024 state election", "acme") };
    const share = (body: string, claims: RecordedClaim[]) =>
      suggest(body, claims)
        .filter((p) => p.valueKind === "percentage")
        .map((p) => [p.quote, p.attribute.label]);

    it("the election of the labels, or the year the sentence gives the figure", () => {
      expect(share("Acme took a vote share of 31.2%, down from 35.9% in 2019.", [seats])).toEqual([
        ["31.2%", "Vote share, 2024 state election"],
        ["35.9%", "Vote share, 2019 state election"],
      ]);
      expect(share("In 2019, Acme won 35.9% of the vote.", [seats])).toEqual([["35.9%", "Vote share, 2019 state election"]]);
    });

    it("and none when the labels name no election, or record vote shares without one", () => {
      const bare = recorded(SEATS_BODY, "won 38 seats", "38", "Seats won", "acme");
      expect(share("Acme took a vote share of 31.2%.", [bare])).toEqual([["31.2%", "Vote share"]]);
      const shareBody = "The Greens won 12% of the vote.";
      const plain = { ...recorded(shareBody, "12% of the vote", "12%", "Vote share", "acme"), valueKind: "percentage" as const };
      expect(share("Acme took a vote share of 31.2%.", [seats, plain])).toEqual([["31.2%", "Vote share"]]);
    });
  });
});

describe("a count of things and what befell them", () => {
  const labels = (body: string) => alone(body).map((p) => [p.quote, p.attribute.label]);

  it("names the things and what befell them, after the figure or before it", () => {
    expect(labels("The storm destroyed 3,000 homes and damaged 12,000 more.")).toEqual([
      ["3,000 homes", "Homes destroyed"],
      ["12,000", "Homes damaged"],
    ]);
    expect(labels("Acme closed 30 stores last year.")).toEqual([["30 stores", "Stores closed"]]);
    expect(labels("More than 150 roads in the province remain closed. Some 400 flights were cancelled.")).toEqual([
      ["More than 150 roads", "Roads closed"],
      ["Some 400 flights", "Flights cancelled"],
    ]);
  });

  it("gives what a disaster ruined to the event the investigation records, as its toll", () => {
    const p = suggest("Across the region 891 buildings were destroyed, officials said.", [TOLL]).find((p) => p.quote.includes("891"));
    expect(p).toMatchObject({ attribute: { label: "Buildings destroyed" } });
    expect(subjectOf(p)).toBe("storm");
  });

  it("takes the things of a bare count from its “of”, or from the count before it", () => {
    expect(
      labels(
        "Officials said 1,500 of the town's 6,142 buildings had been affected: 891 were completely destroyed and 211 partly destroyed.",
      ),
    ).toEqual([
      ["1,500", "Buildings affected"],
      ["6,142 buildings", "Buildings"],
      ["891", "Buildings destroyed"],
      ["211", "Buildings partly destroyed"],
    ]);
  });
});

describe("a hurricane report", () => {
  const labels = (body: string) => suggest(body).map((p) => [p.quote, p.attribute.label]);

  it("reads landfall's time, a storm surge and a range of losses whole", () => {
    expect(labels("Storm Boris made landfall at about 11:10 p.m. EDT on Thursday.")[0]?.[1]).toBe("Time");
    expect(labels("A storm surge of up to 15 feet (4.6 meters) was forecast.")).toEqual([["up to 15 feet (4.6 meters)", "Storm surge"]]);
    expect(labels("Insured losses could reach $15 billion to $26 billion.")).toEqual([["$15 billion to $26 billion", "Damage"]]);
    // A change from one figure to another is no range.
    expect(labels("The loan was cut from $12.5 billion to $6.25 billion.").map(([quote]) => quote)).toEqual([
      "$12.5 billion",
      "$6.25 billion",
    ]);
  });
});

describe("a protest report", () => {
  const labels = (body: string) => suggest(body).map((p) => [p.quote, p.attribute.label]);

  it("reads crowd estimates, arrests and injuries apart, and a rise in rents as a price change", () => {
    expect(labels("Organisers put the crowd at 100,000 and police at about 22,000.")).toEqual([
      ["100,000", "Crowd size"],
      ["about 22,000", "Crowd size"],
    ]);
    expect(labels("Police said 14 people were arrested and two officers were slightly injured.")).toEqual([
      ["14 people", "Arrests"],
      ["two officers", "Injured"],
    ]);
    expect(labels("Average rents in Riverside have risen 65% since 2019.")).toEqual([["65%", "Price change"]]);
  });
});

describe("ordinary wording that a cue's words only resemble", () => {
  // The proposal is there: only its attribute is in question.
  const labelOf = (body: string, quote: string) => suggest(body).find((p) => p.quote === quote)!.attribute.label;

  it("reads no share price move in a share of something counted", () => {
    expect(labelOf("Nearly 40% of farms lost their harvest.", "Nearly 40%")).not.toBe("Share price change");
    expect(labelOf("Acme lost 6% of its value on Friday.", "lost 6%")).toBe("Share price change");
    expect(labelOf("Acme stock shed 9% of its market capitalisation.", "9%")).toBe("Share price change");
    expect(labelOf("Acme stock lost 6% of its worth on Friday.", "lost 6%")).toBe("Share price change");
  });

  it("reads no share price move where the figure qualifies the noun that moved", () => {
    const body = "Nurses want a 12% pay rise this year, and the hospital board has offered 4%.";
    expect(labelOf(body, "12%")).not.toBe("Share price change");
    expect(labelOf(body, "4%")).not.toBe("Share price change");
    expect(labelOf("As many as one in three farms lost their crop.", "As many as one in three")).not.toBe("Share price change");
    expect(labelOf("Acme shares rose 8% after falling on Monday.", "8%")).toBe("Share price change");
    expect(labelOf("Acme jumped 5% after its 20% profit rise.", "5%")).toBe("Share price change");
  });

  it("reads no job cuts in people cut off by a flood", () => {
    expect(labelOf("Floodwaters cut off 300 people in Riverside.", "300 people")).not.toBe("Job cuts");
    expect(labelOf("Acme will cut 300 jobs.", "300 jobs")).toBe("Job cuts");
  });

  it("reads no product's withdrawal in someone pulled from the rubble", () => {
    expect(labelOf("A girl was pulled from the rubble in Riverside on Tuesday.", "Tuesday")).not.toBe("Date withdrawn");
  });

  it("reads no vaccination rate in a network's or an insurer's coverage", () => {
    expect(labelOf("5G coverage reached 90% of Riverside last year.", "90%")).not.toBe("Vaccination rate");
    expect(labelOf("About 70% of Riverside is vaccinated.", "About 70%")).toBe("Vaccination rate");
  });
});

describe("wording next to the new rules", () => {
  it("quotes a score's day alone, and keeps an age given in years", () => {
    expect(quotes("Riverside won 3-1 on Monday.")).toEqual(["Monday"]);
    expect(suggest("Ana Lima died aged 87 years.").map((p) => [p.quote, p.attribute.label])).toEqual([["87 years", "Age"]]);
  });
});

describe("a match report", () => {
  it("proposes no rank in a series as a figure with a unit: the suffix of “86th” is no unit", () => {
    expect(quotes("Riverside equalised in the 86th minute before a crowd of 21,000.")).toEqual(["21,000"]);
    expect(quotes("It was the club's 103rd derby and its 2nd defeat.")).toEqual([]);
    expect(quotes("Riverside have won 3 of their last 5 games.")).toContain("3");
  });
});

describe("a census report", () => {
  it("reads no count in “one” standing for a thing named before", () => {
    expect(quotes("The survey planned for 2020 was cancelled, and the one due in 2025 was delayed.")).not.toContain("one due");
    expect(quotes("Of the three ferries, this one carried more than 400 people.")).toEqual(["three ferries", "more than 400 people"]);
    expect(quotes("Of the bridges, the only one open was in Riverside.")).toEqual([]);
    expect(quotes("The one survivor was flown to Riverside.")).toEqual(["one survivor"]);
  });
});

describe("a data breach report", () => {
  it("takes no adjective before the noun counted as the count's unit", () => {
    expect(quotes("Thieves copied the records of almost 4.2 million past and present members.")).toEqual(["almost 4.2 million"]);
    expect(quotes("The clinic logged 35 new infections on Friday.")).toEqual(["35"]);
    expect(quotes("The leak covered 6 square miles.")).toEqual(["6 square miles"]);
    expect(quotes("The crash left 9 dead and 30 hurt.")).toContain("9 dead");
  });
});

describe("a heatwave report", () => {
  it("reads a temperature after a noun the tagger takes the verb for, and a thermometer as its cue", () => {
    const found = suggest("By midday the thermometer outside the station read 41C.");
    expect(found.map((p) => [p.quote, p.attribute.label])).toContainEqual(["41C", "Temperature"]);
    expect(quotes("The passenger in seat 22C was unhurt.")).toEqual([]);
  });
});

describe("a summit report", () => {
  it("quotes days listed in one month as one value, their span", () => {
    const [p] = alone("Leaders met in Riverside on 21 and 22 June.");
    expect(p).toMatchObject({ quote: "21 and 22 June", reading: "2024-06-21 – 2024-06-22 (day)" });
    expect(alone("Ministers met on June 21 and 22 in Hillton.").map((x) => x.quote)).toEqual(["June 21 and 22"]);
    expect(alone("Leaders met 21 and 22 delegates in June.").map((x) => x.quote)).not.toContain("21 and 22 delegates in June");
  });
});

describe("a company's name written with a figure", () => {
  it("reads “3M” as a name, not three million, unless it counts something", () => {
    expect(quotes("The 3M board met on Friday.")).toEqual(["Friday"]);
    expect(quotes("Investors in 3M sold heavily.")).toEqual([]);
    expect(quotes("The service now has 4M subscribers.")).toEqual(["4M subscribers"]);
    expect(quotes("Nearly 2M fled the fighting.")).toEqual(["Nearly 2M"]);
  });
});

describe("a rail accident report", () => {
  it("takes no subject from a sentence's first word that only says which ones", () => {
    const subjects = (body: string) => alone(body).map((p) => (p.subject.how === "sentence" ? p.subject.name : null));
    expect(subjects("Several coaches left the track, and 14 passengers were hurt.")).toEqual([null]);
    expect(subjects("Gross margin narrowed to 41%.")).toEqual([null]);
    expect(subjects("Northrail said 14 passengers were hurt.")).toEqual(["Northrail"]);
  });
});

describe("an oil spill report", () => {
  it("quotes a length written with a hyphen as the measure, not the bare figure", () => {
    const [p] = alone("The oil escaped through a split in a 22-mile pipeline.");
    expect(p).toMatchObject({ quote: "22-mile", reading: expect.stringContaining("22 mi") });
  });
});

describe("a measure's attribute and its dimension", () => {
  it("gives an area, a temperature or a wind speed only to a measure in that dimension", () => {
    const labels = (body: string) => alone(body).map((p) => [p.quote, p.attribute.label]);
    expect(labels("The sheen spread across 9 square miles. Divers pumped out 2,300 gallons by dusk.")).toContainEqual([
      "2,300 gallons",
      null,
    ]);
    expect(labels("The heat was fierce near the 30-metre tower.")).not.toContainEqual(["30-metre", "Temperature"]);
    expect(labels("The fire burned 800 hectares.")).toEqual([["800 hectares", "Area"]]);
  });
});

describe("the subject a sentence names before its figure", () => {
  const subjects = (body: string) => alone(body).map((p) => (p.subject.how === "sentence" ? p.subject.name : null));

  it("takes the person after a title in lower case, not the word the title follows", () => {
    expect(subjects("Health minister Ana Duarte stepped down on Friday.")).toEqual(["Ana Duarte"]);
  });

  it("keeps a name's first word that the tagger takes for an ordinary one", () => {
    expect(subjects("OSLO — Ford Motor Credit lent more than $2 billion.")).toEqual(["Ford Motor Credit"]);
  });
});

describe("a market report", () => {
  const labels = (body: string) => alone(body).map((p) => [p.quote, p.attribute.label]);

  it("reads a move of revenue over a figure with a decimal point", () => {
    expect(labels("Nvidia reported revenue of $22.1 billion for the quarter, up 265% from a year earlier.")).toEqual([
      ["$22.1 billion", "Revenue"],
      ["265%", "Revenue growth"],
    ]);
  });

  it("reads the price shares moved to or closed at as the share price, not a sum of billions", () => {
    expect(labels("Tesla shares fell 4.5% to $162.50 on Thursday.")).toEqual([
      ["fell 4.5%", "Share price change"],
      ["$162.50", "Share price"],
    ]);
    expect(labels("Apple stock closed at $182.31.")).toEqual([["$182.31", "Share price"]]);
    expect(labels("The loan against his stock was cut to $6.25 billion.").map(([, label]) => label)).not.toContain("Share price");
    expect(labels("He sold stock worth up to $5 billion.").map(([, label]) => label)).not.toContain("Share price");
  });

  it("takes no number that is part of a name: an index, an aircraft", () => {
    expect(labels("The S&P 500 rose 1.2% on Monday.")).toEqual([["1.2%", "Share price change"]]);
    expect(labels("The FTSE 100 fell 2%.")).toEqual([["2%", "Share price change"]]);
    expect(alone("Boeing 737 jets were grounded.")).toEqual([]);
  });

  it("reads a sum of billions after a price a share as the measure before it, not a price", () => {
    expect(labels("Net income fell to $3.1 billion, or $1.25 a share, from $4.2 billion.")).toEqual([
      ["$3.1 billion", "Profit"],
      ["$1.25", "Earnings per share"],
      ["$4.2 billion", "Profit"],
    ]);
  });

  it("reads a sum a share after earnings as earnings per share, and an offer's as a price", () => {
    expect(labels("The company reported a net loss of $1.1 billion, or $0.45 a share.")).toEqual([
      ["$1.1 billion", "Loss"],
      ["$0.45", "Earnings per share"],
    ]);
    expect(labels("Net income was $2 billion, or 45 cents a share.")).toEqual([
      ["$2 billion", "Profit"],
      ["45 cents", "Earnings per share"],
    ]);
    expect(labels("Shareholders will receive $54.20 in cash for each share.")).toEqual([["$54.20", "Price per share"]]);
    expect(labels("Musk offered $54.20 a share.")).toEqual([["$54.20", "Price per share"]]);
  });

  it("reads a sum a share that a clause after earnings prices as a price, not earnings", () => {
    expect(labels("Despite the loss, the company sold new stock at $4 a share.")).toEqual([["$4", "Price per share"]]);
    expect(labels("After the earnings miss, the company offered $54.20 a share for its rival.")).toEqual([["$54.20", "Price per share"]]);
    expect(labels("Adjusted earnings came in at $1.52 a share.")).toEqual([["$1.52", "Earnings per share"]]);
  });

  it("reads what a party pays to settle a case as a settlement, what a regulator imposes as a fine", () => {
    expect(labels("Apple agreed to pay $490 million to settle the lawsuit.")).toEqual([["$490 million", "Settlement"]]);
    expect(labels("Regulators fined the bank $2 billion.")).toEqual([["$2 billion", "Fine"]]);
  });
});

describe("a date as US news writes it", () => {
  it("reads a month, its day, a comma and the year as one date, and dates a figure by all of it", () => {
    const proposals = alone("The flight, carrying 239 passengers and crew, vanished on March 8, 2014.");
    expect(proposals.map((p) => p.quote)).toEqual(["239 passengers", "March 8, 2014"]);
    expect(proposals[0]!.asOf).toMatchObject({ text: "March 8, 2014", reading: "2014-03-08 (day)" });
    expect(alone("By Jan. 5, 2020, the toll had reached 1,200.")[0]!.asOf).toMatchObject({ text: "Jan. 5, 2020" });
  });

  it("reads a time's date with its year, and a decade as a span of years that dates a figure", () => {
    expect(alone("The blast happened at 3:45 p.m. ET on Sept. 11, 2001.").map((p) => [p.quote, p.reading])).toEqual([
      ["3:45 p.m. ET on Sept. 11, 2001", expect.stringContaining("11 Sept 2001")],
    ]);
    expect(alone("Deaths peaked at about 4,000 a year in the 1990s.")[0]!.asOf).toMatchObject({
      text: "1990s",
      reading: "1990-01-01 – 1999-12-31 (year)",
    });
  });

  it("reads what a company lost as its loss, not the contract it lost", () => {
    expect(alone("The fund lost $1.2bn (£950m) in the first half.").map((p) => p.attribute.label)).toEqual(["Loss, first half of 2024"]);
    expect(alone("Acme lost a $4 billion defence contract to Globex.").map((p) => p.attribute.label)).not.toContain("Loss");
  });

  it("proposes no year a record is measured against", () => {
    expect(alone("Turnout was 67.5%, the highest since 1992, the election commission said.").map((p) => p.quote)).toEqual(["67.5%"]);
    expect(alone("Profit hit its highest level since 1981, the company said.").map((p) => p.quote)).toEqual([]);
  });
});

describe("people who remain missing", () => {
  it("are missing, not dead, however near a death toll", () => {
    expect(alone("Officials confirmed 5 deaths and said 22 people remained missing.").map((p) => [p.quote, p.attribute.label])).toEqual([
      ["5 deaths", "Death toll"],
      ["22 people", "People missing"],
    ]);
  });
});

describe("a thing's own size", () => {
  it("reads a length and a weight by their words and dimension", () => {
    expect(
      alone("The ship, which is 400 metres long and weighs 200,000 tonnes, ran aground.").map((p) => [p.quote, p.attribute.label]),
    ).toEqual([
      ["400 metres", "Length"],
      ["200,000 tonnes", "Weight"],
    ]);
  });
});

describe("a figure in a relative clause", () => {
  it("is about the name the clause is about, and what a company will spend is a cost", () => {
    const entities: SuggestEntity[] = [
      { id: "vale", name: "Valewood", kind: "organization", aliases: [] },
      { id: "orin", name: "Orinda Labs", kind: "organization", aliases: [] },
    ];
    const found = (body: string) =>
      suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] }).map((p) => [
        p.quote,
        subjectOf(p),
        p.attribute.label,
      ]);
    expect(found("Valewood has invested $13 billion in Orinda Labs, which is now valued at $157 billion.")).toEqual([
      ["$13 billion", "vale", "Funding"],
      ["$157 billion", "orin", "Valuation"],
    ]);
    expect(found("Valewood would spend $80 billion on data centres.")).toEqual([["$80 billion", "vale", "Cost"]]);
  });

  it("is not the name before the clause when the clause names another before the figure", () => {
    const entities: SuggestEntity[] = [
      { id: "dana", name: "Dana Ortiz", kind: "person", aliases: [] },
      { id: "orin", name: "Orinda Labs", kind: "organization", aliases: [] },
    ];
    const [p] = suggestClaims({
      article: { id: "here", body: "Dana Ortiz, who runs Orinda Labs with 3,000 staff, said little.", publishedAt: PUBLISHED },
      entities,
      claims: [],
    });
    expect([p?.quote, subjectOf(p)]).toEqual(["3,000 staff", "orin"]);
  });
});

describe("a figure in the possessive", () => {
  it("is the named owner's, not the sentence's subject's", () => {
    const proposals = alone("Harris won 48.3% of the vote to Trump's 49.9%.");
    expect(proposals.map((p) => [p.quote, p.subject.how === "sentence" ? p.subject.name : null])).toEqual([
      ["48.3%", "Harris"],
      ["49.9%", "Trump"],
    ]);
  });

  it("is no weekday's nor month's: a day or month in the possessive dates the figure, it owns nothing", () => {
    for (const body of [
      "The Dow recovered on Monday after Friday's 500-point drop.",
      "Inflation eased to 3.2% in October from September's 3.7% reading.",
      "Markets rallied after Tuesday's $1.2 billion deal between the two companies.",
    ]) {
      const names = alone(body).flatMap((p) => (p.subject.how === "sentence" ? [p.subject.name] : []));
      expect(names, body).not.toContainEqual(expect.stringMatching(/day|ber$/));
    }
  });
});

describe("whom a figure was filed or told to", () => {
  const people: SuggestEntity[] = [
    { id: "regulator", name: "Markets Authority", kind: "organization", aliases: [] },
    { id: "bidder", name: "Corin Vale", kind: "person", aliases: [] },
    { id: "paper", name: "Daily Ledger", kind: "organization", aliases: [] },
  ];
  const subjectsOf = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: people, claims: [] }).map((p) => [
      p.quote,
      subjectOf(p),
    ]);

  it("is not what the figure is about, whatever its kind", () => {
    expect(subjectsOf("In a filing with the Markets Authority on Thursday, Corin Vale offered $54.20 per share.")).toEqual([
      ["$54.20", "bidder"],
    ]);
    expect(subjectsOf("Corin Vale told the Daily Ledger he had raised $46 billion.")).toEqual([["$46 billion", "bidder"]]);
  });

  it("still is when it is named as the one acting", () => {
    expect(subjectsOf("The Markets Authority fined Corin Vale $2 million.")[0]).toEqual(["$2 million", "regulator"]);
  });
});

describe("what a count counts, when the text says how many more", () => {
  it("names no attribute “More …” and takes no span of decades for a count", () => {
    const labels = (body: string) => alone(body).map((p) => p.attribute.label);
    expect(labels("Riverside will keep growing for roughly four more decades.")).not.toContainEqual(expect.stringMatching(/^More/));
    expect(labels("Hillton will take on 80 more nurses.")).toEqual(["Nurses"]);
  });
});

describe("a span of days", () => {
  it("quotes the days with their month, not a range of figures and a month apart", () => {
    const days = (body: string) => alone(body).map((p) => [p.quote, p.reading]);
    expect(days("The summit ran from 5 to 7 March.")).toEqual([["5 to 7 March", "2024-03-05 – 2024-03-07 (day)"]]);
    expect(days("The fair runs 12-14 June in Hillton.")).toEqual([["12-14 June", "2024-06-12 – 2024-06-14 (day)"]]);
    expect(days("Prices rose 5 to 7 percent.").map(([quote]) => quote)).toEqual(["5 to 7 percent"]);
  });
});

describe("a year followed by what it does not count", () => {
  it("keeps a year a year when the words after it count nothing", () => {
    const read = (body: string) => alone(body).map((p) => [p.quote, p.valueKind]);
    expect(read("Hillton Bakeries was founded in 2004 with two ovens.")).toContainEqual(["2004", "date"]);
    expect(read("Hillton Bakeries was founded in 2004 with two ovens.").map(([quote]) => quote)).not.toContain("2004 with");
    expect(read("The club was formed in 1911 by ten miners.")).toContainEqual(["1911", "date"]);
  });

  it("still reads a four-figure count of a lower-case noun", () => {
    expect(alone("In the flood 1500 homes were lost.").map((p) => p.quote)).toContain("1500 homes");
  });
});

describe("a day written as an ordinal of its month", () => {
  it("reads “the 21st of June” as the day, not the month alone", () => {
    const days = (body: string) => alone(body).map((p) => [p.quote, p.reading]);
    expect(days("Hillton holds its fair on the 21st of June.")).toEqual([["21st of June", "2024-06-21 (day)"]]);
    expect(days("The plant closed on the 2nd of May 2023.")).toEqual([["2nd of May 2023", "2023-05-02 (day)"]]);
  });
});

describe("a share that restates a move", () => {
  const readings = (body: string) =>
    alone(body)
      .filter((p) => p.valueKind === "percentage")
      .map((p) => [p.quote, p.reading]);

  it("gives a fall's share its minus sign, after “, or” or in brackets", () => {
    expect(readings("The Hillton index dropped 212 points, or 2.4%, by the close.")).toEqual([["2.4%", "-2.4% (-2.45–-2.35%)"]]);
    expect(readings("Acme shares slid $1.20 (0.9%) in early trading.")).toEqual([["0.9%", "-0.9% (-0.95–-0.85%)"]]);
  });

  it("offers words that read as it does, since accepting reads the value again from them", () => {
    for (const body of ["The Hillton index dropped 212 points, or 2.4%, by the close.", "The first buses were delivered in December."]) {
      for (const p of alone(body)) {
        const saved = parseValue(p.valueText, p.valueKind, { referenceDate: PUBLISHED, timeZone: "UTC", quote: p.quote });
        expect(saved.ok && saved.reading).toBe(p.reading);
      }
    }
    expect(alone("The first buses were delivered in December.").map((p) => [p.quote, p.valueText])).toEqual([
      ["December", "December 2023"],
    ]);
  });

  it("leaves a rise, and a share of a whole, unsigned", () => {
    expect(readings("The Hillton index rose 212 points, or 2.4%, by the close.")).toEqual([["2.4%", "2.4% (2.35–2.45%)"]]);
    expect(readings("Acme lost 30 drivers, or 6% of its fleet crews.")).toEqual([["6%", "6% (5.5–6.5%)"]]);
  });
});

describe("a measure of area", () => {
  it("is an Area, with its conversion, though no cue word names it", () => {
    expect(alone("The new lake in Hillton covers 9 square miles (23 sq km).").map((p) => [p.quote, p.attribute.label])).toEqual([
      ["9 square miles (23 sq km)", "Area"],
    ]);
    expect(alone("The estate spans 40 sq km.").map((p) => p.attribute.label)).toEqual(["Area"]);
  });
});

describe("a match score or a vote split", () => {
  const read = (body: string) => alone(body).map((p) => [p.quote, p.valueKind]);

  it("makes no day of the month with a weekday after it: the weekday stays the day", () => {
    expect(read("Hillton beat Riverside 2 to 0 on Sunday.")).toEqual([["Sunday", "date"]]);
    expect(read("Riverside won 4 to 2 on Saturday.")).toEqual([["Saturday", "date"]]);
  });

  it("makes no day of the month of any small figure with a weekday after it", () => {
    expect(read("Hillton rescued 4 on Friday.")).toContainEqual(["4", "number"]);
    expect(read("The tally stood at 12 to 14 on Friday.")).toContainEqual(["12 to 14", "number"]);
  });

  it("proposes neither figure of a vote split, nor a range of a count", () => {
    expect(read("The council voted 31 to 19 against the plan.")).toEqual([]);
    expect(read("Riverside lost 1-4 at home.")).toEqual([]);
    expect(read("The board backed it in a 7-2 vote.")).toEqual([]);
  });

  it("leaves a range of a count or a share after the same verbs alone", () => {
    expect(read("Acme won 4 to 6 contracts a year.")).toEqual([["4 to 6 contracts", "number"]]);
    expect(read("Acme lost 2 to 3 percent of its value.").map(([, kind]) => kind)).toEqual(["percentage"]);
  });
});

describe("what a name no entity records earns", () => {
  const earned = (body: string) => alone(body).find((p) => p.valueKind === "money")?.attribute.label;

  it("is a company's profit when the name is a company's", () => {
    expect(earned("Hillton Foods Inc earned $90 million in the year.")).toBe("Profit");
    expect(earned("Zentrix earned $250 million last year.")).toBe("Profit");
    expect(earned("KLM earned $60 million over the summer.")).toBe("Profit");
  });

  it("is a person's pay when the name is a person's", () => {
    expect(earned("Maria Ortiz earned $300,000 last year.")).toBe("Pay");
    expect(earned("The coach Maria Ortiz signed on. Ortiz earned $300,000 last year.")).toBe("Pay");
    expect(earned("Ortiz earned $300,000 in her first year.")).toBe("Pay");
  });
});

describe("a share by which a named metric moved", () => {
  const moves = (body: string) =>
    alone(body)
      .filter((p) => p.valueKind === "percentage")
      .map((p) => p.attribute.label);

  it("is that metric's change, not a share price move", () => {
    expect(moves("Monthly subscribers climbed 7.2% to 48 million.")).toEqual(["User growth"]);
    expect(moves("Steel output fell 3.4% in the quarter.")).toEqual(["Output change"]);
    expect(moves("Hillton Foods said sales rose 6% over the year.")).toEqual(["Revenue growth"]);
  });

  it("is a share price move when the shares moved", () => {
    expect(moves("Hillton Foods shares rose 6% after its customers came back.")).toEqual(["Share price change"]);
  });

  it("is no move when the share is of a whole", () => {
    expect(moves("Bots made up under 4% of the app's users.")).not.toContain("User growth");
  });
});

describe("the day a place or a business opens", () => {
  it("is a claim of its own, not only the as-of of a figure beside it", () => {
    const [opening, staff] = alone("The factory will open in December and employ 300 workers.");
    expect(opening).toMatchObject({ quote: "December", attribute: { label: "Opening date" } });
    expect(staff).toMatchObject({ quote: "300 workers" });
    expect(alone("The bridge reopened on Monday after repairs.")[0]).toMatchObject({
      quote: "Monday",
      attribute: { label: "Opening date" },
    });
  });

  it("is not a market's open, gunfire, or an investigation opened into another day", () => {
    const labels = (body: string) => alone(body).map((p) => p.attribute.label);
    expect(labels("Acme shares opened 3% higher on Monday.")).not.toContain("Opening date");
    expect(labels("Police opened fire on Tuesday.")).not.toContain("Opening date");
    expect(labels("The Civil Guard opened an investigation into Sunday's visit.")).not.toContain("Opening date");
  });
});

describe("a month with no year in a clause about the past", () => {
  const readings = (body: string) => alone(body).map((p) => [p.quote, p.reading]);

  it("is the last such month before the article's date", () => {
    // The article is of 31 October 2024.
    expect(readings("The first buses were delivered in December.")).toEqual([["December", "2023-12-01 – 2023-12-31 (month)"]]);
    expect(readings("Hillton opened its new bridge on 20 November.")).toEqual([["20 November", "2023-11-20 (day)"]]);
  });

  it("is this year's when it is the day the article came out where it was written", () => {
    // 1 November, 08:00 in Tokyo: still 31 October in UTC, the day of the storm there.
    const tokyo = (body: string) =>
      suggestClaims({
        article: { id: "here", body, publishedAt: new Date("2024-10-31T23:00:00Z") },
        entities: [],
        claims: [],
        timeZone: "Asia/Tokyo",
      }).map((p) => [p.quote, p.reading]);
    expect(tokyo("The storm hit Hillton on 1 November.")).toEqual([["1 November", "2024-11-01 (day)"]]);
    expect(tokyo("The first buses were delivered in December.")).toEqual([["December", "2023-12-01 – 2023-12-31 (month)"]]);
  });

  it("dates a figure of that clause as of that month, written with its year", () => {
    const [trucks] = alone("The company delivered 1,200 trucks in December.");
    expect(trucks).toMatchObject({ quote: "1,200 trucks", asOf: { text: "December 2023", reading: "2023-12-01 – 2023-12-31 (month)" } });
    const [planned] = alone("The company will deliver 1,200 trucks in December.");
    expect(planned).toMatchObject({ quote: "1,200 trucks", asOf: { text: "December", reading: "2024-12-01 – 2024-12-31 (month)" } });
  });

  it("opening the sentence before its comma, is of the clause after it", () => {
    const asOf = (body: string) => alone(body).map((p) => [p.quote, p.asOf?.reading]);
    expect(asOf("By December, 2,000 homes had been rebuilt.")).toEqual([["2,000 homes", "2023-12-01 – 2023-12-31 (month)"]]);
    expect(asOf("In December, the storm destroyed 300 homes.")).toEqual([["300 homes", "2023-12-01 – 2023-12-31 (month)"]]);
    expect(asOf("By December, the company will hire 3,000 workers.")).toEqual([["3,000 workers", "2024-12-01 – 2024-12-31 (month)"]]);
  });

  it("stays ahead in a clause about the future or the present", () => {
    expect(readings("The buses will be delivered in December.")).toEqual([["December", "2024-12-01 – 2024-12-31 (month)"]]);
    expect(readings("Hillton opens its new bridge on 20 November.")).toEqual([["20 November", "2024-11-20 (day)"]]);
  });
  it("is next year's in a clause about what is ahead, once this year's is over", () => {
    // Published 31 October 2024: April is over, so "will … in April" is April 2025.
    const asOf = (body: string) => alone(body).map((p) => [p.quote, p.asOf?.reading]);
    expect(asOf("The plant will open in April with 400 workers.")).toEqual([
      ["April", undefined],
      ["400 workers", "2025-04-01 – 2025-04-30 (month)"],
    ]);
    expect(asOf("In April, Acme will sell the phone for $999.")).toEqual([["$999", "2025-04-01 – 2025-04-30 (month)"]]);
    expect(asOf("Acme plans to hire 500 people in June.")).toEqual([["500 people", "2025-06-01 – 2025-06-30 (month)"]]);
    expect(asOf("Acme may cut 300 jobs in March.")).toEqual([["300 jobs", "2025-03-01 – 2025-03-31 (month)"]]);
    // A past or present clause keeps this year's.
    expect(asOf("Acme sold 400 cars in April.")).toEqual([["400 cars", "2024-04-01 – 2024-04-30 (month)"]]);
    // "may have", "might have": a guess about what is over, this year's or last year's.
    expect(asOf("Acme may have sold 400 cars in April.")).toEqual([["400 cars", "2024-04-01 – 2024-04-30 (month)"]]);
    expect(asOf("Sales might have peaked in March at 4.2 million units.")).toEqual([
      ["4.2 million units", "2024-03-01 – 2024-03-31 (month)"],
    ]);
    expect(asOf("Acme may have cut 300 jobs in September.")).toEqual([["300 jobs", "2024-09-01 – 2024-09-30 (month)"]]);
    expect(asOf("Sales are expected to have peaked in March at 4.2 million units.")).toEqual([
      ["4.2 million units", "2024-03-01 – 2024-03-31 (month)"],
    ]);
    // A plan told in the past is this year's: "was expected to open in August" (published in October).
    expect(asOf("The plant, which was expected to open in August with 400 workers, is still shut.")[1]).toEqual([
      "400 workers",
      "2024-08-01 – 2024-08-31 (month)",
    ]);
    expect(asOf("Acme had planned to hire 500 people in June.")).toEqual([["500 people", "2024-06-01 – 2024-06-30 (month)"]]);
  });
});

describe("the month of May", () => {
  it("dates the figure it follows (“in May”), not the verb “may”", () => {
    // Published 31 October 2024: a May and an April of the past are this year's.
    const asOf = (body: string) => alone(body).map((p) => [p.quote, p.asOf?.reading]);
    expect(asOf("Unemployment rose to 4.1% in May, up from 3.9% in April.")).toEqual([
      ["4.1%", "2024-05-01 – 2024-05-31 (month)"],
      ["3.9%", "2024-04-01 – 2024-04-30 (month)"],
    ]);
    expect(asOf("Inflation was 3.2% at the end of May.")).toEqual([["3.2%", "2024-05-01 – 2024-05-31 (month)"]]);
    expect(asOf("Sales reached $5 billion in May 2023.")).toEqual([["$5 billion", "2023-05-01 – 2023-05-31 (month)"]]);
    // The figure a comparison gives ("down from …") is an earlier one, whatever the clause before says.
    expect(asOf("Unemployment will fall to 3.5%, down from 3.9% in April.")[1]).toEqual(["3.9%", "2024-04-01 – 2024-04-30 (month)"]);
    // "from" with no figure after it is when a change starts, not a comparison.
    expect(asOf("The minimum wage will rise to £12.21 an hour, from April.")[0]).toEqual(["£12.21", "2025-04-01 – 2025-04-30 (month)"]);
    expect(asOf("Fares will rise to $3, from March, the agency said.")[0]).toEqual(["$3", "2025-03-01 – 2025-03-31 (month)"]);
    // The verb, and a name, are no month.
    expect(asOf("Prices may rise 4% this year.")[0]?.[1]).not.toContain("-05-");
    expect(asOf("Theresa May said 40 people had died.")[0]?.[1]).not.toContain("-05-");
    expect(asOf("The deal negotiated by May was rejected by 230 votes.")[0]?.[1]).not.toContain("-05-");
    expect(asOf("The resignation of May came after 11 ministers quit.")[0]?.[1]).not.toContain("-05-");
    expect(asOf("By May, 2,000 homes had been rebuilt.")[0]?.[1]).toBe("2024-05-01 – 2024-05-31 (month)");
    expect(asOf("Inflation was 3.1% in the first week of May.")[0]?.[1]).toBe("2024-05-01 – 2024-05-31 (month)");
  });
});

describe("years written before a product's name", () => {
  it("are model years, no range of a count of that product", () => {
    const read = (body: string) => alone(body).map((p) => [p.quote, p.valueKind]);
    expect(read("The recall covers 2016 to 2019 Corsair vans.")).toEqual([["2016 to 2019", "date"]]);
    expect(read("Owners of 2017-2020 Hillton Rover cars were told to stop driving.")).toEqual([["2017-2020", "date"]]);
  });
});

describe("a range with its unit at both ends", () => {
  it("proposes the range once, read whole", () => {
    const proposals = alone("Economists expect growth of 3% to 5% next year. The rocket flew 3 km to 5 km high.");
    expect(proposals.map((p) => [p.quote, p.reading])).toEqual([
      ["3% to 5%", "3–5%"],
      ["3 km to 5 km", "3–5 km"],
    ]);
  });

  it("keeps a change “from” one figure “to” another as two figures", () => {
    expect(alone("Unemployment rose from 20% to 25% in March.").map((p) => p.quote)).toEqual(["20%", "25%"]);
    expect(alone("The workforce grew from 5,000 to 6,000 people last year.").map((p) => p.quote)).toEqual(["5,000", "6,000 people"]);
  });

  it("keeps a sum moved by and the level it moved to as two figures", () => {
    expect(alone("Shares of Acme fell 50 cents to $18.20 on Friday.").map((p) => p.quote)).toEqual(["50 cents", "$18.20"]);
    expect(alone("Brent crude rose $1.20 to $85.40 a barrel.").map((p) => p.quote)).toEqual(["$1.20", "$85.40"]);
    expect(alone("Acme's shares gained 12 pence to 85 pence.").map((p) => p.quote)).toEqual(["12 pence", "85 pence"]);
    // A range a price or a sum spans is still one.
    expect(alone("Tickets cost 50 cents to $2.").map((p) => p.quote)).toEqual(["50 cents to $2"]);
    expect(alone("Acme raised $15 billion to $26 billion.").map((p) => p.quote)).toEqual(["$15 billion to $26 billion"]);
  });
});

describe("a quarter or half of a year that dates a figure", () => {
  const asOf = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: new Date("2022-04-28") }, entities: [], claims: [] }).map((p) => [
      p.quote,
      p.asOf?.reading ?? null,
    ]);

  it("dates a company's results, and is no claim of its own", () => {
    expect(asOf("Revenue was $1.2 billion for the first quarter, up 16% from a year earlier.")).toEqual([
      ["$1.2 billion", "2022-01-01 – 2022-03-31 (quarter)"],
      ["16%", "2022-01-01 – 2022-03-31 (quarter)"],
    ]);
    expect(asOf("In the third quarter of 2021, net income was $513 million.")).toEqual([
      ["$513 million", "2021-07-01 – 2021-09-30 (quarter)"],
    ]);
    expect(asOf("GDP grew 2.1% in Q3.")).toEqual([["2.1%", "2021-07-01 – 2021-09-30 (quarter)"]]);
    expect(
      asOf("It overstated users from the first quarter of 2019 to the fourth quarter of 2021 by 1.9 million.").map(([q]) => q),
    ).toEqual(["1.9 million"]);
  });

  it("leaves a game's share in its first half to the publication date", () => {
    expect(asOf("Arsenal had 65% possession in the first half.")).toEqual([["65%", "2022-04-28 (day)"]]);
    expect(asOf("The Celtics shot 52% in the first half.")).toEqual([["52%", "2022-04-28 (day)"]]);
  });

  it("leaves a game's quarter or half, and a fiscal quarter, to the publication date", () => {
    expect(asOf("Curry scored 12 points in the first quarter.")).toEqual([["12 points", "2022-04-28 (day)"]]);
    expect(asOf("Apple earned $20 billion in its fiscal first quarter.")).toEqual([["$20 billion", "2022-04-28 (day)"]]);
  });

  it("leaves a half or quarter of something else than a year: of a month, of a season", () => {
    expect(asOf("Sales rose 12% in the second half of March.")).toEqual([["12%", "2022-03-01 – 2022-03-31 (month)"]]);
    expect(asOf("The club spent $50 million in the first half of the season.")).toEqual([["$50 million", "2022-04-28 (day)"]]);
  });
});

describe("the subject of a company's figure as wire copy names it", () => {
  const subjectName = (body: string) => alone(body).map((p) => [p.quote, "name" in p.subject ? p.subject.name : null]);

  it("is the company, not its ticker's exchange, web address ending or possessive", () => {
    expect(subjectName("Tesla Inc (TSLA.O) shares fell 5% on Monday.")).toEqual([["fell 5%", "Tesla Inc"]]);
    expect(subjectName("Amazon.com Inc reported net income of $10 billion.")).toEqual([["$10 billion", "Amazon.com Inc"]]);
    expect(subjectName("McDonald's said it served 69 million customers a day.")).toEqual([["69 million customers", "McDonald's"]]);
  });
});

describe("the place an event is named after", () => {
  const NAMED: SuggestEntity[] = [
    { id: "flood", name: "Marlow flood of 2023", kind: "event", aliases: [] },
    { id: "marlow", name: "Marlow", kind: "place", aliases: [] },
    { id: "kessel", name: "Kessel", kind: "place", aliases: [] },
  ];
  const learned = recorded(
    "At least 150 people were killed by the flood, officials said.",
    "At least 150 people were killed",
    "At least 150",
    "Death toll",
    "flood",
  );
  const guess = (body: string, figure: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: NAMED, claims: [learned] }).find((p) =>
      p.quote.includes(figure),
    );

  it("does not take the event's toll given for it: the toll in Marlow is the Marlow flood's", () => {
    const p = guess("More than 2,300 people died in Marlow alone, rescuers said.", "2,300");
    expect(subjectOf(p)).toBe("flood");
    expect(p?.attribute.label).toBe("Death toll");
  });

  it("gives the event a measure the investigation has not recorded yet, given for that place", () => {
    const p = guess("At least 30,000 people were displaced in Marlow, the agency said.", "30,000");
    expect(p?.attribute.label).toBe("People displaced");
    expect(subjectOf(p)).toBe("flood");
  });

  it("still gives a toll to another place the figure is given for", () => {
    expect(subjectOf(guess("More than 300 people died in Kessel, rescuers said.", "300"))).toBe("kessel");
  });
});

describe("people forced from their homes", () => {
  it.each([
    ["Some 2,000 people were forced from their homes by the storm.", "2,000"],
    ["About 3,000 people fled their villages as the water rose.", "3,000"],
  ])("are displaced, not evacuated: %s", (body, figure) => {
    expect(alone(body).find((p) => p.quote.includes(figure))?.attribute.label).toBe("People displaced");
  });

  it("an evacuation ordered is still one", () => {
    expect(alone("Police evacuated 400 people from the valley.").find((p) => p.quote.includes("400"))?.attribute.label).toBe(
      "People evacuated",
    );
  });
});

describe("a name given as an example of what a figure covers", () => {
  it("is not its subject: the figure for “other areas, including Riverside” is the event's", () => {
    const p = suggest("Another 600 people were displaced in outlying districts, including Riverside and Hillton.", [TOLL]).find((p) =>
      p.quote.includes("600"),
    );
    expect(subjectOf(p)).toBe("storm");
  });

  it("a place the figure is given for still is", () => {
    const p = suggest("Another 600 people were displaced in Riverside.", [TOLL]).find((p) => p.quote.includes("600"));
    expect(subjectOf(p)).toBe("riverside");
  });
});

describe("a name in capitals that is also a word", () => {
  const WITH_WHO: SuggestEntity[] = [{ id: "who", name: "World Health Organization", kind: "organization", aliases: ["WHO"] }];
  const guess = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: WITH_WHO, claims: [] }).find((p) =>
      p.quote.includes("40"),
    );

  it("is not found in the word written in lower case: “Ali, who leads the teams” names no WHO", () => {
    expect(subjectOf(guess("Ahmed Ali, who leads the rescue teams, said 40 people were rescued."))).not.toBe("who");
  });

  it("is found in capitals", () => {
    expect(subjectOf(guess("The WHO has sent 40 tonnes of medical supplies."))).toBe("who");
  });
});

describe("bodies buried", () => {
  it("are a count of burials, not the death toll", () => {
    const proposals = alone("The minister said 3,283 bodies had been buried so far. Rescuers found 40 bodies in the rubble.");
    expect(proposals.find((p) => p.quote.includes("3,283"))?.attribute.label).toBe("Bodies buried");
    expect(proposals.find((p) => p.quote.includes("40"))?.attribute.label).toBe("Death toll");
  });

  it("are not people buried under rubble or alive: trapped, not laid to rest", () => {
    expect(alone("At least 300 people were buried under the rubble.")[0]?.attribute.label).not.toBe("Bodies buried");
    expect(alone("About 120 people were buried alive by the landslide.")[0]?.attribute.label).not.toBe("Bodies buried");
  });
});

describe("a measure the sentence names before its verb", () => {
  const POPULATION = recorded(
    "Riverside, a town of some 40,000 people, was cut off.",
    "a town of some 40,000 people",
    "some 40,000",
    "Population",
    "riverside",
  );

  it("beats a learned measure sharing words with the sentence: “the number of people killed … has passed 2,000”", () => {
    const p = suggest("The number of people killed in the town of Riverside has passed 2,000, officials said.", [POPULATION, TOLL]).find(
      (p) => p.quote.includes("2,000"),
    );
    expect(p?.attribute.label).toBe("Death toll");
  });
});

describe("what a figure may yet become", () => {
  it("is a projection of the measure, not its value", () => {
    const proposals = suggest("The mayor said the toll could reach 18,000 to 20,000. At least 5,300 people have died.", [TOLL]);
    expect(proposals.find((p) => p.quote.includes("18,000"))?.attribute.label).toBe("Projected death toll");
    expect(proposals.find((p) => p.quote.includes("5,300"))?.attribute.label).toBe("Death toll");
  });
});

describe("an agency that gives a count of people", () => {
  const WITH_AGENCY: SuggestEntity[] = [
    ...ENTITIES,
    { id: "who", name: "World Health Organization", kind: "organization", aliases: ["WHO"] },
  ];
  const guess = (body: string, figure: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: WITH_AGENCY, claims: [TOLL] }).find((p) =>
      p.quote.includes(figure),
    );

  it.each([
    ["The WHO said 55 children were poisoned by contaminated water.", "55"],
    ["Some 5,000 families are sleeping in schools, the WHO said.", "5,000"],
  ])("does not own it, even of no known measure: %s", (body, figure) => {
    expect(subjectOf(guess(body, figure))).toBe("storm");
  });

  it("still owns what it says of itself", () => {
    expect(subjectOf(guess("The WHO said it had sent 40 tonnes of supplies.", "40"))).toBe("who");
  });
});

describe("what a reservoir or a dam holds", () => {
  it("is its capacity, in volume only", () => {
    const label = (body: string, figure: string) => alone(body).find((p) => p.quote.includes(figure))?.attribute.label ?? null;
    expect(label("The upper dam could hold some 22.5 million cubic metres of water.", "22.5")).toBe("Capacity");
    expect(label("The tanker spilled 40,000 litres of oil.", "40,000")).not.toBe("Capacity");
    expect(label("The dam held back a lake 74 metres deep.", "74")).not.toBe("Capacity");
  });
});

describe("a sum appealed for", () => {
  it("is the appeal, not funding raised; an appeal against a fine is no appeal for money", () => {
    const label = (body: string) => alone(body)[0]?.attribute.label ?? null;
    expect(label("The agency launched an appeal for $71.4 million to help flood victims.")).toBe("Appeal");
    expect(label("The UN issued a flash appeal of $40 million.")).toBe("Appeal");
    expect(label("Acme appealed a $5 million fine.")).toBe("Fine");
  });
});

describe("millimetres or litres per square metre that fell", () => {
  const label = (body: string) => alone(body)[0]?.attribute.label ?? null;

  it.each([
    "Hillton recorded 240mm in 24 hours.",
    "More than 400 mm fell on the town in a single day.",
    "The storm dropped 414mm on the town in 24 hours.",
  ])("are rainfall, though no word says rain: %s", (body) => expect(label(body)).toBe("Rainfall in 24 hours"));

  it.each([
    "Water levels fell by 300mm.",
    "About 300mm of snow fell overnight.",
    "The rod is 240mm long.",
    "The tyre tread fell to 2mm in a year.",
    "Water in the dam dropped by 300mm in a day.",
  ])("a level, snow or a size is not: %s", (body) => expect(label(body) ?? "").not.toMatch(/^Rainfall\b/));
});

describe("people sought, or sheltering", () => {
  it.each([
    ["Divers are searching for 40 people off the coast.", "People missing"],
    ["The search for 2,000 people swept out to sea went on.", "People missing"],
    ["Some 5,000 people had sought refuge in schools.", "People displaced"],
  ])("%s → %s", (body, label) => {
    expect(alone(body)[0]?.attribute.label).toBe(label);
  });

  it("is no count of web searches: “Google searches for the storm rose to 5 million”", () => {
    expect(alone("Google searches for the storm rose to 5 million on Monday.")[0]?.attribute.label).not.toBe("People missing");
  });
});

describe("a clause set inside the sentence after a figure", () => {
  it("leaves the figure what befell the people after it", () => {
    const labels = (body: string) => alone(body).map((p) => [p.quote, p.attribute.label]);
    expect(labels("At least 120 people, most of them women, were killed in the attack.")).toEqual([["At least 120 people", "Death toll"]]);
    // The figures inside the clause ("12,000") do not hide the whole's verb.
    expect(labels("Some 40,000 people, including 12,000 children, have been evacuated.")[0]).toEqual([
      "Some 40,000 people",
      "People evacuated",
    ]);
    expect(labels("About 1.2 million people, among them 300,000 children, have been displaced.")[0]).toEqual([
      "About 1.2 million people",
      "People displaced",
    ]);
  });
});

describe("a day after a list of places", () => {
  it("dates the figure before the list, and is no claim of its own", () => {
    const proposals = alone(
      "The agency said it had received more than 2,500 calls from Benghazi, Tokra, Al-Bayda and Shahat by Monday morning.",
    );
    expect(proposals.map((p) => [p.quote, p.asOf?.text])).toEqual([["more than 2,500 calls", "Monday"]]);
  });
});

describe("a toll's event named in the sentence, before any entity is recorded", () => {
  it("is the subject, a new event, wherever the sentence names it", () => {
    const subject = (body: string) => alone(body)[0]?.subject;
    expect(subject("At least 150 people were killed when Storm Daniel brought torrential rain, officials said.")).toEqual({
      how: "sentence",
      name: "Storm Daniel",
      kind: "event",
    });
    expect(subject("The death toll from the Kahramanmaras earthquake rose to 41,000 on Tuesday.")).toMatchObject({
      name: "Kahramanmaras earthquake",
    });
    // Not for a measure of another kind.
    expect(subject("Paris hosted 10 million visitors as the Olympic Games drew crowds.")).toMatchObject({ name: "Paris" });
  });

  it("is no day's or person's possessive: “Monday's crash” names when the event was, not the event", () => {
    const subject = (body: string) => alone(body)[0]?.subject;
    expect(subject("Monday's crash killed five people on the motorway.")).toEqual({ how: "none" });
    expect(subject("Thursday's attack left 12 people dead.")).toEqual({ how: "none" });
    expect(subject("Sunday's Main Street shooting killed 12 people.")).toMatchObject({ name: "Main Street shooting" });
    expect(subject("At least 150 people were killed when Storm Daniel's floods hit the coast.")).toMatchObject({ name: "Storm Daniel" });
  });
});

describe("a time or day a sentence opens with", () => {
  const held = (body: string) => alone(body).map((p) => [p.quote, p.asOf?.text]);

  it("is when the sentence's figures held, and no claim of its own", () => {
    expect(held("By 6pm, 120 people had been rescued.")).toEqual([["120 people", "6pm"]]);
    expect(held("In the 24 hours to 8am on Monday, 414mm fell on the town.")).toEqual([["414mm", "8am on Monday"]]);
  });

  it("stays a claim when it has a cue of its own", () => {
    expect(held("At 8:12pm on Tuesday, the agency sent an alert to 2 million phones.").map(([q]) => q)).toEqual([
      "8:12pm on Tuesday",
      "2 million phones",
    ]);
  });
});

describe("how far, and how much rain a year", () => {
  const labels = (body: string) => alone(body).map((p) => [p.quote, p.attribute.label]);

  it("reads a length upstream, offshore or north of a place as a distance, and nothing else carried", () => {
    expect(labels("The dam stands about 13 km upstream.")).toEqual([["about 13 km", "Distance"]]);
    expect(labels("The epicentre was 30 miles north of the capital.")).toEqual([["30 miles", "Distance"]]);
    expect(labels("The ship carried 300 tonnes of grain.")).toEqual([["300 tonnes", null]]);
  });

  it("reads a depth a place receives a year as its usual rainfall of a year", () => {
    expect(labels("Benghazi receives about 270mm in an average year.")).toEqual([["about 270mm", "Average annual rainfall"]]);
    expect(labels("The town gets 450mm of rain a year.")).toEqual([["450mm", "Annual rainfall"]]);
  });

  it("names the hours a rainfall was measured over, where the sentence gives them", () => {
    expect(labels("In the 24 hours to 8am, 414mm of rain fell on the hills, and the port recorded 240mm.")).toEqual([
      ["414mm", "Rainfall in 24 hours"],
      ["240mm", "Rainfall in 24 hours"],
    ]);
    expect(labels("The storm dropped more than 400 millimetres of rain in a single day.")).toEqual([
      ["more than 400 millimetres", "Rainfall in 24 hours"],
    ]);
    expect(labels("About 180mm of rain fell in just three hours.")).toEqual([["About 180mm", "Rainfall in 3 hours"]]);
    expect(labels("The town received 150mm of rain in the past 24 hours.")).toEqual([["150mm", "Rainfall in 24 hours"]]);
    expect(labels("Over the last 48 hours, 200mm fell on the town.")).toEqual([["200mm", "Rainfall in 48 hours"]]);
    // No length written: the fall of the day as reported, whatever its hours.
    expect(labels("About 490mm of rain fell during the day.")).toEqual([["About 490mm", "Rainfall"]]);
  });

  it("gives a figure no hours that the figure before it in another clause fell over", () => {
    expect(labels("The hills got 90mm of rain in 3 hours; the port got 20mm.")).toEqual([
      ["90mm", "Rainfall in 3 hours"],
      ["20mm", "Rainfall"],
    ]);
    expect(labels("The hills had 90mm in 12 hours, while 30mm fell on the port over the week.")).toEqual([
      ["90mm", "Rainfall in 12 hours"],
      ["30mm", "Rainfall"],
    ]);
  });
});

describe("an office written beside its holder without an article", () => {
  const roles = (body: string) =>
    alone(body)
      .filter((p) => p.attribute.label === "Role")
      .map((p) => ["name" in p.subject ? p.subject.name : null, p.valueText]);

  it("after the name, when the office says whose it is", () => {
    expect(roles("Jerome Powell, chair of the Federal Reserve, said rates would stay high.")).toEqual([
      ["Jerome Powell", "chair of the Federal Reserve"],
    ]);
    expect(roles("Bruce Falck, head of revenue product — and paused hiring.")).toEqual([["Bruce Falck", "head of revenue product"]]);
  });

  it("before the name, after its comma", () => {
    expect(roles("The visit was criticised by the transport minister, Óscar Puente, who said roads would reopen.")).toEqual([
      ["Óscar Puente", "transport minister"],
    ]);
    expect(roles("In Tripoli, the prime minister of the Government of National Unity, Abdul Hamid Dbeibah, declared mourning.")).toEqual([
      ["Abdul Hamid Dbeibah", "prime minister of the Government of National Unity"],
    ]);
  });

  it("with the name ending its sentence, as the entity of that very spelling", () => {
    // An investigation that keeps "Oscar Puente" and "Óscar Puente" apart (as sources spell them).
    const entities: SuggestEntity[] = [
      { id: "plain", name: "Oscar Puente", kind: "person", aliases: [] },
      { id: "accent", name: "Óscar Puente", kind: "person", aliases: [] },
    ];
    const [p] = suggestClaims({
      article: { id: "here", body: `"Roads will reopen," said the transport minister, Óscar Puente.`, publishedAt: PUBLISHED },
      entities,
      claims: [],
    }).filter((p) => p.attribute.label === "Role");
    expect(p).toMatchObject({ quote: "the transport minister, Óscar Puente", subject: { how: "mention", entityId: "accent" } });
  });

  it("not when the name after the comma is the company's or the country's the office is of", () => {
    expect(roles("The chief executive of the parent company, Alphabet Inc, said revenue rose 10%.")).toEqual([]);
    expect(roles("The president of the country, South Africa, said 40 people died.")).toEqual([]);
  });

  it("leaves a toll its spokeswoman gives to no one, and a company's own count to the company", () => {
    const subject = (body: string) => alone(body).find((p) => p.attribute.label !== "Role")?.subject;
    expect(subject("Dana Ortiz, a spokeswoman for the agency, said 40 people died.")).toEqual({ how: "none" });
    expect(subject("Northrail said 14 passengers were hurt.")).toMatchObject({ name: "Northrail" });
  });
});

describe("what a sum is spent on or held in, and who speaks of it", () => {
  const guess = (body: string, quote: string) => {
    const p = alone(body).find((x) => x.quote === quote);
    return (
      p && { attribute: p.attribute.label, subject: p.subject.how === "sentence" || p.subject.how === "mention" ? p.subject.name : null }
    );
  };

  it("names a sum by what it is in: “$209 billion in assets”, “$75 billion in capital spending”", () => {
    expect(guess("Silicon Valley Bank had about $209 billion in assets at the end of 2022.", "about $209 billion")).toEqual({
      attribute: "Assets",
      subject: "Silicon Valley Bank",
    });
    expect(guess("Orinda Labs will invest $75 billion in capital spending this year.", "$75 billion")?.attribute).toBe("Capital spending");
    expect(guess("Depositors pulled $42 billion in deposits on Thursday alone.", "$42 billion")?.attribute).toBe("Deposits");
  });

  it("leaves a sum lost or cut named by its verb, not by what it was lost in", () => {
    expect(guess("Orinda Bank lost $2 billion in trading last quarter.", "$2 billion")?.attribute).toBe("Loss");
    expect(guess("Hedge funds lost more than $3 billion in bond trading.", "more than $3 billion")?.attribute).toBe("Loss");
  });

  it("keeps a place, a year or a company a sum is in out of its name", () => {
    expect(guess("Orinda Labs invested $5 billion in Texas last year.", "$5 billion")?.attribute).not.toBe("Texas");
    expect(guess("Orinda Labs invested $5 billion in the company last year.", "$5 billion")?.attribute).not.toMatch(/company/i);
  });

  it("does not make a person who tells of another's sum its subject", () => {
    // "the firm" is no name: better no subject than the one who speaks.
    expect(
      guess("Chief executive Sundar Pichai said the firm would invest $75 billion in capital spending.", "$75 billion")?.subject,
    ).toBeNull();
    // One who speaks of themselves is what the sum is about.
    expect(guess("Elon Musk said he had raised $46.5 billion to buy Twitter.", "$46.5 billion")?.subject).toBe("Elon Musk");
  });
});

describe("a cue that is another figure's noun", () => {
  const labelOf = (body: string, quote: string) => alone(body).find((p) => p.quote === quote)?.attribute.label;

  it("leaves a figure with a noun of its own to count what its noun says", () => {
    expect(labelOf("The WHO reported 1,263 confirmed cases of mpox in 12 countries.", "12 countries")).toBe("Countries");
    expect(labelOf("The strike involved about 30,000 workers at 15 plants.", "15 plants")).toBe("Plants");
  });

  it("still reads a cue said of this figure, near or far", () => {
    expect(labelOf("The WHO reported 1,263 confirmed cases of mpox in 12 countries.", "1,263")).toBe("Cases");
    expect(labelOf("The storm killed 40 people in three days.", "40 people")).toBe("Death toll");
  });
});

describe("a sum right after a name", () => {
  it("is a figure, not a number the name is written with", () => {
    const [fine] = alone("They fined Google 2.42 billion euros for favouring its shopping service.");
    expect(fine).toMatchObject({ quote: "2.42 billion euros", attribute: { label: "Fine" }, subject: { name: "Google" } });
    expect(alone("Analysts put Orinda 3 million units ahead.").map((p) => p.quote)).toEqual(["3 million units"]);
    // A model's or a flight's number is still no figure.
    expect(alone("Flight 370 vanished with 239 people on board.").map((p) => p.quote)).toEqual(["239 people"]);
  });
});

describe("a span of months in the sentence", () => {
  it("is the as-of of its figures, whole", () => {
    const proposals = suggestClaims({
      article: {
        id: "here",
        body: "Revenue rose 17% to $61.9 billion in the January-March quarter.",
        publishedAt: new Date("2024-04-26T12:00:00Z"),
      },
      entities: [],
      claims: [],
    });
    expect(proposals.map((p) => [p.quote, p.asOf?.text, p.asOf?.reading])).toEqual([
      ["17%", "January-March quarter", "2024-01-01 – 2024-03-31 (quarter)"],
      ["$61.9 billion", "January-March quarter", "2024-01-01 – 2024-03-31 (quarter)"],
    ]);
  });

  it("takes the year written after the span", () => {
    const asOf = (body: string) => alone(body)[0]?.asOf?.reading;
    expect(asOf("Exports fell 4% in March-April 2022.")).toBe("2022-03-01 – 2022-04-30 (part)");
    expect(asOf("Exports fell 4% in the July-September quarter of 2022.")).toBe("2022-07-01 – 2022-09-30 (quarter)");
  });
});

describe("a quarter right after a count", () => {
  it("dates the count, as it dates a sum; a game's quarter still does not", () => {
    const [delivered] = alone("Tesla delivered 386,810 vehicles in the first quarter, down 8.5% from a year earlier.");
    expect(delivered).toMatchObject({ quote: "386,810 vehicles", asOf: { text: "the first quarter", how: "sentence" } });
    expect(alone("He scored 12 points in the first quarter.")[0]?.asOf?.how).toBe("published");
  });

  it("does not date a count of a game told by its plays, not its score", () => {
    for (const body of [
      "The Chiefs gained 150 yards in the second quarter.",
      "The defence recorded 4 sacks in the first half.",
      "The Yankees left 6 runners on base in the first inning and hit 2 home runs in the first half.",
    ])
      expect(alone(body).map((p) => [p.quote, p.asOf?.how])).toEqual(alone(body).map((p) => [p.quote, "published"]));
    expect(alone("The airline carried 40 million passengers in the first half.")[0]?.asOf?.text).toBe("the first half");
  });
});

describe("a day a sentence opens with, and when a count began", () => {
  it("reads “By Friday, 40 people had died” as a toll as of Friday: no byline, no date “Friday, 40”", () => {
    const proposals = alone("By Friday, 40 people had died.");
    expect(proposals.map((p) => [p.quote, p.asOf?.text])).toEqual([["40 people", "Friday"]]);
    expect(alone("By March, 2,000 homes had been rebuilt.").map((p) => p.quote)).toEqual(["2,000 homes"]);
    // A byline is still no claim's place, a writer named as a month is named or not.
    expect(alone("By Jane Writer, Reuters")).toEqual([]);
    expect(alone("By June Lee, CNN\n\nThe storm killed 40 people.").map((p) => p.quote)).toEqual(["40 people"]);
  });

  it("takes a count “since January” as of the day written, and proposes no claim of January", () => {
    const proposals = alone("The outbreak has infected at least 4,200 people and killed 71 since January, officials said.");
    expect(proposals.map((p) => [p.quote, p.asOf?.how])).toEqual([
      ["at least 4,200 people", "published"],
      ["71", "published"],
    ]);
  });

  it("proposes no claim of the day a count began when the sentence opens with it", () => {
    for (const body of [
      "Since January, the fund has lost $2 billion.",
      "Since March, 1,200 patients have been treated at the clinic.",
      "Since 12 May, the league has sold 2 million tickets.",
    ]) {
      expect(alone(body).filter((p) => p.valueKind === "date")).toEqual([]);
      expect(alone(body).every((p) => p.asOf?.how === "published")).toBe(true);
    }
    // A day after "since" in a sentence with no figure is still proposed.
    expect(alone("The border has been closed since 12 May.").map((p) => p.quote)).toContain("12 May");
  });
});

describe("a paragraph of one sentence that names no one", () => {
  const ENTITIES_HERE: SuggestEntity[] = [
    { id: "ms", name: "Microsoft", kind: "organization", aliases: [] },
    { id: "nadella", name: "Satya Nadella", kind: "person", aliases: [] },
  ];
  const subjectIn = (body: string, quote: string) => {
    const p = suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: ENTITIES_HERE, claims: [] }).find(
      (x) => x.quote === quote,
    );
    return p && "entityId" in p.subject ? p.subject.entityId : null;
  };

  it("is about what the paragraph before named, as wire copy writes a sentence a paragraph", () => {
    expect(
      subjectIn("Microsoft said revenue rose 17% to $61.9 billion in the quarter.\n\nNet income was $21.9 billion.", "$21.9 billion"),
    ).toBe("ms");
  });

  it("takes no source the figures were cited from, here or in the paragraph before", () => {
    const entities: SuggestEntity[] = [
      { id: "ms", name: "Microsoft", kind: "organization", aliases: [] },
      { id: "lseg", name: "LSEG", kind: "organization", aliases: [] },
    ];
    const subjects = (body: string) =>
      suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] }).map((p) => [
        p.quote,
        "entityId" in p.subject ? p.subject.entityId : null,
      ]);
    expect(
      subjects(
        "Microsoft reported results above estimates on Thursday, helped by its cloud business.\n\nRevenue rose 17% to $61.9 billion, according to LSEG data.\n\nNet income was $21.9 billion.",
      ),
    ).toEqual([
      ["17%", "ms"],
      ["$61.9 billion", "ms"],
      ["$21.9 billion", null],
    ]);
  });

  it("takes no city a company is based in for its subject", () => {
    const [p] = alone("Shares of the Redmond, Washington-based company rose about 4% in extended trading.");
    expect(p).toMatchObject({ quote: "about 4%", subject: { how: "none" } });
    // Nor the first word of a city of two: "New" of "New York-based".
    const [q] = alone("The New York-based bank's profit rose 12% in the quarter.");
    expect(q).toMatchObject({ quote: "12%", subject: { how: "none" } });
    const [r] = alone("Shares of the Silicon Valley-based company fell 3% on Monday.");
    expect(r).toMatchObject({ quote: "fell 3%", subject: { how: "none" } });
  });

  it("takes nothing from a headline above it, nor a person unless it goes on about him or her", () => {
    expect(subjectIn("Microsoft beats estimates\n\nNet income was $21.9 billion.", "$21.9 billion")).toBeNull();
    expect(
      subjectIn("Satya Nadella spoke to analysts on a call late on Tuesday.\n\nNet income was $21.9 billion.", "$21.9 billion"),
    ).toBeNull();
    expect(
      subjectIn("Satya Nadella spoke to analysts on a call late on Tuesday.\n\nHe owns shares worth $900 million.", "$900 million"),
    ).toBe("nadella");
  });
});

describe("two clauses, two subjects", () => {
  it("gives a figure to the name opening its own clause, not to the sentence's first", () => {
    const entities: SuggestEntity[] = [
      { id: "ms", name: "Microsoft", kind: "organization", aliases: [] },
      { id: "alpha", name: "Alphabet", kind: "organization", aliases: [] },
    ];
    const subjects = (body: string) =>
      suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities, claims: [] }).map((p) => [
        p.quote,
        "entityId" in p.subject ? p.subject.entityId : null,
      ]);
    expect(subjects("Shares of Microsoft rose 4% in after-hours trading, while Alphabet gained 2%.")).toEqual([
      ["4%", "ms"],
      ["2%", "alpha"],
    ]);
    expect(subjects("Microsoft earned $20 billion, and Alphabet made $23 billion.")).toEqual([
      ["$20 billion", "ms"],
      ["$23 billion", "alpha"],
    ]);
  });
});

describe("a figure analysts expected is not the figure reported", () => {
  const BODY =
    "Acme's revenue came to $35.1 billion, against the $33.2 billion that analysts polled by LSEG had expected. " +
    "Acme earned 81 cents a share; the LSEG consensus was 75 cents.";
  const money = (quote: string, valueText: string, attribute: string): RecordedClaim => ({
    ...recorded(BODY, quote, valueText, attribute, "acme"),
    valueKind: "money",
  });
  const LEARNED = [
    money("came to $35.1 billion", "$35.1 billion", "Revenue, third quarter"),
    money("the $33.2 billion that analysts polled by LSEG had expected", "$33.2 billion", "Revenue expected by analysts, third quarter"),
    money("earned 81 cents a share", "81 cents", "Earnings per share, third quarter"),
    money("the LSEG consensus was 75 cents", "75 cents", "Adjusted earnings per share expected by analysts, third quarter"),
  ];
  const labelsOf = (body: string) => Object.fromEntries(suggest(body, LEARNED).map((p) => [p.quote, p.attribute.label]));

  it("takes the investigation's label for an expectation when the figure is one, before or after it", () => {
    expect(labelsOf("Acme reported sales of $40.2 billion for the period, beating estimates of $38.6 billion.")).toMatchObject({
      "$40.2 billion": "Revenue, third quarter",
      "$38.6 billion": "Revenue expected by analysts, third quarter",
    });
    expect(labelsOf("Sales reached $41 billion, well above the $39.5 billion Wall Street analysts had pencilled in.")).toMatchObject({
      "$41 billion": "Revenue, third quarter",
      "$39.5 billion": "Revenue expected by analysts, third quarter",
    });
  });

  it("tells an expected share of profit from the reported one in one sentence", () => {
    expect(labelsOf("Analysts had forecast earnings of 90 cents a share; Acme's figure came in at 97 cents.")).toMatchObject({
      "90 cents": "Adjusted earnings per share expected by analysts, third quarter",
      "97 cents": "Earnings per share, third quarter",
    });
  });

  it("reads a consensus of the measure named before it as that measure's expectation, sharing no word with its label", () => {
    expect(labelsOf("Acme put its revenue at $44 billion, short of a FactSet consensus of $45.3 billion.")["$45.3 billion"]).toBe(
      "Revenue expected by analysts, third quarter",
    );
  });

  it("leaves a figure analysts or estimates only report, or attribute, to the actual measure", () => {
    expect(labelsOf("Analysts noted that Acme's revenue came to $22.4 billion.")["$22.4 billion"]).toBe("Revenue, third quarter");
    expect(labelsOf("Wall Street cheered as Acme's revenue came to $22.4 billion.")["$22.4 billion"]).toBe("Revenue, third quarter");
    const toll = suggest("Estimates now put the death toll from the storm at 230 people.", [TOLL])[0]?.attribute;
    expect(toll).toMatchObject({ label: "Death toll", how: "learned" });
  });

  it("leaves a label that says estimated or expected, with no one expecting, to actual figures", () => {
    const body = "Storm Boris caused an estimated $2 billion in damage. The expected turnout of 62% was not reached.";
    const taught = [
      { ...recorded(body, "an estimated $2 billion in damage", "$2 billion", "Estimated damage", "storm"), valueKind: "money" as const },
      { ...recorded(body, "expected turnout of 62%", "62%", "Expected turnout", "storm"), valueKind: "percentage" as const },
    ];
    const labelOf = (text: string) => suggest(text, taught)[0]?.attribute;
    expect(labelOf("Insurers now put the damage from Storm Boris at an estimated $3.1 billion.")).toMatchObject({
      label: "Estimated damage",
      how: "learned",
    });
    expect(labelOf("Officials said expected turnout would be 58%.")).toMatchObject({ label: "Expected turnout", how: "learned" });
  });

  it("leaves what the company itself expects as its own figure", () => {
    expect(labelsOf("Acme expects revenue of $37.5 billion next year.")["$37.5 billion"]).not.toMatch(/expected by analysts/);
  });
});

describe("a learned label that names a part of its measure", () => {
  const BODY = "Acme's revenue came to $20.1 billion. Its cloud division, which rents out servers, brought in $12.4 billion.";
  const money = (quote: string, valueText: string, attribute: string): RecordedClaim => ({
    ...recorded(BODY, quote, valueText, attribute, "acme"),
    valueKind: "money",
  });
  const LEARNED = [
    money("came to $20.1 billion", "$20.1 billion", "Revenue, second quarter"),
    money("brought in $12.4 billion", "$12.4 billion", "Cloud revenue, second quarter"),
  ];
  const labelOf = (body: string, quote: string) => suggest(body, LEARNED).find((p) => p.quote === quote)?.attribute.label;

  it("is not given to a figure of another part, however alike the words", () => {
    expect(labelOf("Acme's hardware unit brought in $3.1 billion.", "$3.1 billion")).not.toBe("Cloud revenue, second quarter");
  });

  it("is given as before when its words say only how the whole was counted", () => {
    const body = "The official death toll from the storm rose to 51. Acme's total revenue came to $20.1 billion.";
    const taught = [
      { ...recorded(body, "rose to 51", "51", "Official death toll", "storm") },
      { ...recorded(body, "came to $20.1 billion", "$20.1 billion", "Total revenue", "acme"), valueKind: "money" as const },
    ];
    expect(suggest("The death toll from the storm rose to 230.", taught)[0]?.attribute.label).toBe("Official death toll");
    expect(suggest("Acme's revenue came to $22.4 billion.", taught)[0]?.attribute.label).toBe("Total revenue");
  });

  it("is given to a figure whose sentence names the part", () => {
    expect(labelOf("Cloud sales at Acme reached $13 billion.", "$13 billion")).toBe("Cloud revenue, second quarter");
  });

  it("still applies when the label's part is the analyst's word, not the text's", () => {
    const body = "Acme shares fell 2% in extended trading.";
    const move = {
      ...recorded(body, "fell 2% in extended trading", "down 2%", "After-hours share move", "acme"),
      valueKind: "percentage" as const,
    };
    const p = suggest("Acme's shares slipped about 1% in extended trading.", [move]).find((p) => p.valueKind === "percentage");
    expect(p?.attribute.label).toBe("After-hours share move");
  });
});

describe("British and American spellings of a cue", () => {
  it("stem alike", () => {
    expect(stem("centre")).toBe(stem("center"));
    expect(stem("litres")).toBe(stem("liters"));
    expect(stem("theatre")).toBe(stem("theater"));
    expect(stem("more")).not.toBe(stem("mor"));
  });

  it("let a label learned in one spelling name its part in the other", () => {
    const body = "Acme's data center unit, which rents out servers, brought in $12.4 billion.";
    const learned = {
      ...recorded(body, "brought in $12.4 billion", "$12.4 billion", "Data-center revenue", "acme"),
      valueKind: "money" as const,
    };
    const p = suggest("The data centre arm of Acme made $13bn.", [learned]).find((p) => p.quote === "$13bn");
    expect(p?.attribute.label).toBe("Data-center revenue");
  });
});

describe("cents that name their country", () => {
  it("are proposed whole, as the share of earnings they are", () => {
    const [p] = alone("Acme's adjusted earnings came to 64 US cents a share in the quarter.");
    expect(p).toMatchObject({ quote: "64 US cents", valueKind: "money", attribute: { label: "Earnings per share" } });
  });
});

describe("what a company earned a share", () => {
  it("is its earnings per share, not a price", () => {
    const [p] = alone("On an unadjusted basis the group earned $1.12 a share.");
    expect(p).toMatchObject({ quote: "$1.12", attribute: { label: "Earnings per share" } });
  });

  it("leaves a price paid a share a price", () => {
    const [p] = alone("Acme offered $54.20 a share in cash.");
    expect(p?.attribute.label).toBe("Price per share");
  });
});

describe("a learned label of one quarter", () => {
  const BODY =
    "Acme's revenue came to $10.2 billion, against the $9.9 billion analysts had expected. " +
    "For the next quarter, analysts polled by LSEG had been looking for $10.6 billion.";
  const money = (quote: string, valueText: string, attribute: string): RecordedClaim => ({
    ...recorded(BODY, quote, valueText, attribute, "acme"),
    valueKind: "money",
  });
  const LEARNED = [
    money("the $9.9 billion analysts had expected", "$9.9 billion", "Revenue expected by analysts, third quarter"),
    money("had been looking for $10.6 billion", "$10.6 billion", "Revenue expected by analysts, fourth quarter"),
  ];

  it("is not given to a figure whose sentence names another quarter", () => {
    const p = suggest("Acme guided to fourth-quarter sales of $11 billion, against the $10.8 billion analysts had expected.", LEARNED).find(
      (p) => p.quote === "$10.8 billion",
    );
    expect(p?.attribute.label).toBe("Revenue expected by analysts, fourth quarter");
  });
});

describe("a move of a thing counted", () => {
  const labels = (body: string) => alone(body).map((p) => [p.quote, p.attribute.label]);

  it("is no share move when a plural word of the language is what moved", () => {
    expect(labels("Cases rose 20% in March, per the WHO.")).toEqual([["20%", null]]);
    expect(labels("Exports fell 12% last quarter.")[0]?.[1]).not.toBe("Share price change");
    expect(labels("Casualties rose by about 30%.")).toEqual([["about 30%", null]]);
  });

  it("stays a share move for a company, whatever its name ends with, and for its shares", () => {
    expect(labels("Siemens fell 2% on Friday.")[0]?.[1]).toBe("Share price change");
    expect(labels("Airbus gained 1.5% in Paris.")[0]?.[1]).toBe("Share price change");
    expect(labels("Nvidia rose 5% on Friday.")[0]?.[1]).toBe("Share price change");
    expect(labels("Its shares rose 3%.")[0]?.[1]).toBe("Share price change");
  });

  it("stays a share move for the companies of a sector, as market reports name them", () => {
    expect(labels("European banks fell 2.1% as bond yields jumped.")[0]?.[1]).toBe("Share price change");
    expect(labels("Airlines rose 3.4% after oil prices eased.")[0]?.[1]).toBe("Share price change");
    expect(labels("Carmakers slipped 1.5% in Frankfurt.")[0]?.[1]).toBe("Share price change");
  });
});

describe("a count of no known measure, named by a learned label", () => {
  const PARTIES: SuggestEntity[] = [
    { id: "blue", name: "Blue Party", kind: "organization", aliases: [] },
    { id: "red", name: "Red Party", kind: "organization", aliases: [] },
  ];
  const BODY = "The Blue Party is projected to win 120 of the 300 seats.";
  const SEATS = recorded(BODY, "projected to win 120 of the 300 seats", "120", "Seats won, 2026 election", "blue");
  const guess = (body: string, quote: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: PARTIES, claims: [SEATS] }).find((p) =>
      p.quote.includes(quote),
    );

  it("takes the investigation's label naming what it counts, not the bare noun", () => {
    const p = guess("The Red Party ended the night with 98 seats.", "98");
    expect(p?.attribute.label).toBe("Seats won, 2026 election");
    expect(subjectOf(p)).toBe("red");
  });

  it("keeps its own noun when no label names it", () => {
    expect(guess("The Red Party ended the night with 98 councillors.", "98")?.attribute.label).toBe("Councillors");
  });
});

describe("a learned label of another thing counted", () => {
  const PARTIES: SuggestEntity[] = [
    { id: "blue", name: "Blue Party", kind: "organization", aliases: [] },
    { id: "red", name: "Red Party", kind: "organization", aliases: [] },
  ];
  const BODY =
    "The Blue Party is projected to win 120 of the 300 seats. Researchers for the opinion survey questioned voters at 150 polling stations.";
  const LEARNED = [
    recorded(BODY, "projected to win 120 of the 300 seats", "120", "Seats won, 2026 election", "blue"),
    recorded(BODY, "questioned voters at 150 polling stations", "150", "Polling stations in the opinion survey", "blue"),
  ];

  it("gives way to the label naming what the figure counts", () => {
    const p = suggestClaims({
      article: { id: "here", body: "The opinion survey questioned voters and put the Red Party on 98 seats.", publishedAt: PUBLISHED },
      entities: PARTIES,
      claims: LEARNED,
    }).find((p) => p.quote.includes("98"));
    expect(p?.attribute.label).toBe("Seats won, 2026 election");
  });
});

describe("participation in a vote", () => {
  it("is its turnout", () => {
    const [p] = alone("Officials in the referendum put participation at 71 percent.");
    expect(p).toMatchObject({ quote: expect.stringContaining("71 percent"), attribute: { label: "Turnout" } });
  });

  it("is not a workforce's share in work", () => {
    const [p] = alone("The country's labour force participation reached 63 percent in May.");
    expect(p?.attribute.label).not.toBe("Turnout");
  });
});

describe("a vote share that moved", () => {
  it("is the vote share at both its levels, no share price move", () => {
    expect(labelsOf("The Greens' share of the vote dropped from 9.1% in 2019 to 6.4%.")).toEqual([
      ["9.1%", "Vote share"],
      ["6.4%", "Vote share"],
    ]);
  });

  it("leaves a share price move after a vote a share price move", () => {
    expect(labelsOf("Acme shares fell 4% after the vote.")).toEqual([["fell 4%", "Share price change"]]);
  });
});

function labelsOf(body: string) {
  return alone(body).map((p) => [p.quote, p.attribute.label]);
}

describe("a source cited “according to”", () => {
  const withUn = (body: string) =>
    suggestClaims({
      article: { id: "here", body, publishedAt: PUBLISHED },
      entities: [...ENTITIES, { id: "un", name: "UN", kind: "organization", aliases: [] }],
      claims: [],
    }).map((p) => [p.quote, subjectOf(p)]);

  it("is no subject of a figure of another kind, even when the sentence names nothing else", () => {
    expect(withUn("About 900 buildings were destroyed, according to UN figures.")).toEqual([["About 900 buildings", null]]);
    expect(withUn("Some 3,000 people were displaced, according to the UN.")).toEqual([["Some 3,000 people", null]]);
  });

  it("is the subject of a figure of its own kind: a company giving its revenue", () => {
    expect(withUn("Revenue rose to $4 billion, according to Acme.")).toEqual([["$4 billion", "acme"]]);
  });
});

describe("a count that moved", () => {
  const read = (body: string) => alone(body).map((p) => [p.quote, p.attribute.label, p.reading]);

  it("is a change, signed, never the level: “Seats” would contradict every count of seats held", () => {
    expect(read("Acme gained 211 seats, while Hillton Party was down 251.")).toEqual([
      ["211 seats", "Change in seats", "211 seats (210.5–211.5)"],
      ["down 251", "Change in seats", "-251 (-251.5–-250.5)"],
    ]);
    expect(read("The Hillton Party lost 250 seats.")).toEqual([["lost 250 seats", "Change in seats", "-250 seats (-250.5–-249.5)"]]);
    expect(read("Acme has 412 seats, a gain of 211 on last time.").map(([, label]) => label)).toEqual(["Seats", "Change in seats"]);
  });

  it("reads the change and the level it moved to apart: “rose by 20 to 95” is no range", () => {
    expect(read("The death toll rose by 20 to 95.")).toEqual([
      ["20", "Change in death toll", "20 (19.5–20.5)"],
      ["95", "Death toll", "95 (94.5–95.5)"],
    ]);
  });

  it("takes the investigation's own label for such a change", () => {
    const body = "The Hillton Party lost 250 seats on the night.";
    const taught = { ...recorded(body, "lost 250 seats", "-250", "Seat change since 2019", "acme") };
    const p = suggest("Acme was down 39 seats.", [taught]).find((p) => p.quote.includes("39"));
    expect(p?.attribute.label).toBe("Seat change since 2019");
  });

  it("is no move after a verb's particle, nor when people were lost", () => {
    expect(read("Acme set up 300 camps.")).toEqual([["300 camps", "Camps", "300 camps (299.5–300.5)"]]);
    expect(read("Acme shut down 300 plants.")[0]?.[0]).toBe("300 plants");
    expect(read("The army lost 300 soldiers.")[0]?.[1]).not.toMatch(/change/i);
  });

  it("is no move when games lost are a record: “won 3, lost 2”", () => {
    expect(read("Hillton won 3, lost 2 and drew 1 of their opening games.").slice(0, 2)).toEqual([
      ["3", null, "3 (2.5–3.5)"],
      ["2", null, "2 (1.5–2.5)"],
    ]);
    expect(read("Hillton lost 2 and drew 4 of their last six games.")[0]).toEqual(["2", null, "2 (1.5–2.5)"]);
    // Seats won are counted with their noun: the seats lost beside them are a change.
    expect(read("The Hillton Party won 121 seats and lost 251.")[1]).toEqual(["lost 251", "Change in seats", "-251 (-251.5–-250.5)"]);
  });
});

describe("a learned move", () => {
  it("teaches a rise by a fall: the two are moves of one size", () => {
    const body = "Shares of Acme fell 3% in late trading.";
    const taught: RecordedClaim = {
      ...recorded(body, "fell 3%", "fell 3%", "Acme share move after results", "acme"),
      valueKind: "percentage",
    };
    const p = suggest("Shares of Acme rose 2% in late trading.", [taught]).find((p) => p.quote.includes("2%"));
    expect(p?.attribute.label).toBe("Acme share move after results");
  });
});

describe("a figure of another year or given for a name", () => {
  const VOTE: SuggestEntity[] = [
    { id: "e2024", name: "Hillton general election of 2024", kind: "event", aliases: ["general election"] },
    { id: "e2019", name: "Hillton general election of 2019", kind: "event", aliases: [] },
    { id: "red", name: "Red Party", kind: "organization", aliases: ["Reds"] },
    { id: "blue", name: "Blue Party", kind: "organization", aliases: ["Blues"] },
  ];
  const PUBLISHED_VOTE = new Date("2024-07-06T09:00:00Z");
  const voted = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED_VOTE }, entities: VOTE, claims: [] }).map((p) => [
      p.quote,
      subjectOf(p),
    ]);

  it("is the event of its year, not the one named by the article's year", () => {
    expect(voted("Turnout at the general election was 59.8%, against 67.3% at the previous general election in 2019.")).toEqual([
      ["59.8%", "e2024"],
      ["67.3%", "e2019"],
    ]);
    expect(voted("Turnout at the general election was the lowest at a general election since 2019, when it was 67.3%.")).toEqual([
      ["67.3%", "e2019"],
    ]);
  });

  it("is no one's the investigation records when it records no event of that year", () => {
    expect(voted("Turnout at the general election was 59.9%, against 59.4% in 2001.")).toEqual([
      ["59.9%", "e2024"],
      ["59.4%", null],
    ]);
  });

  it("is the name a bare count or a share is given for", () => {
    expect(voted("The count gave 412 for the Reds and 121 for the Blues.")).toEqual([
      ["412", "red"],
      ["121", "blue"],
    ]);
    expect(voted("The Reds won 48% of the vote against 31% for the Blues.")).toEqual([
      ["48%", "red"],
      ["31%", "blue"],
    ]);
    // A sum paid for a name is its price; a count with a noun of its own stays with who acted.
    expect(voted("The Reds paid $5m for the Blues.")).toEqual([["$5m", "red"]]);
    expect(voted("The Reds hired 300 staff for the Blues.")).toEqual([["300 staff", "red"]]);
  });

  it("leaves a person's figure scored “for” a team or party the person's", () => {
    const withPlayer: SuggestEntity[] = [...VOTE, { id: "dana", name: "Dana Ortiz", kind: "person", aliases: ["Ortiz"] }];
    const said = (body: string) =>
      suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED_VOTE }, entities: withPlayer, claims: [] }).map((p) => [
        p.quote,
        subjectOf(p),
      ]);
    expect(said("Dana Ortiz has scored 14 for the Reds this season.")).toEqual([["14", "dana"]]);
    // Who tells of the figures is not who scored them.
    expect(said("Ortiz said the count gave 412 for the Reds and 121 for the Blues.")).toEqual([
      ["412", "red"],
      ["121", "blue"],
    ]);
  });

  it("counts after a capitalised word when a plural noun says what: “gave Labour 412 seats”", () => {
    expect(alone("The count gave Labour 412 seats.").map((p) => p.quote)).toEqual(["412 seats"]);
    expect(alone("Sales of the Galaxy 23 rose.").map((p) => p.quote)).toEqual([]);
  });
});

describe("a vote's measures", () => {
  const labelled = (body: string) => suggest(body).map((p) => [p.quote, p.attribute.label]);

  it("reads a majority of seats as the majority, never a poll's figure", () => {
    expect(labelled("The exit poll gave Acme a majority of around 170.")).toEqual([["around 170", "Majority"]]);
    expect(labelled("Acme has a Commons majority of 174 seats.")).toEqual([["174 seats", "Majority"]]);
    // "The majority of 300 residents" counts residents.
    expect(labelled("The majority of 300 residents left Hillton.")[0]?.[1]).not.toBe("Majority");
  });

  it("reads a share of the votes cast as the vote share", () => {
    expect(labelled("Acme won about 34% of the votes cast.")).toEqual([["about 34%", "Vote share"]]);
    expect(labelled("Acme took 41% of ballots cast.")).toEqual([["41%", "Vote share"]]);
  });
});

describe("a cue the lexicon reads only before its figure", () => {
  it("leaves a count before “with a majority of …” a count of its own", () => {
    const [seats] = suggest("Acme looked set to beat the exit poll's 410 seats, with a majority of around 170 in prospect.");
    expect(seats).toMatchObject({ quote: "410 seats" });
    expect(seats?.attribute.label).not.toBe("Majority");
  });
});

describe("a name in the possessive before a body it leads", () => {
  const PEOPLE_TOO: SuggestEntity[] = [...ENTITIES, { id: "dana", name: "Dana Ortiz", kind: "person", aliases: ["Ortiz"] }];
  const subjects = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: PEOPLE_TOO, claims: [] }).map((p) => [
      p.quote,
      subjectOf(p),
    ]);

  it("is not what the figure is about: the party, company or team is", () => {
    expect(subjects("Ortiz's party fell to 131 seats.")).toEqual([["131 seats", null]]);
    expect(subjects("Ortiz's company lost $2 billion.")).toEqual([["$2 billion", null]]);
    expect(alone("Dana Ortiz's party fell to 131 seats.").map((p) => p.subject)).toEqual([{ how: "none" }]);
  });

  it("still owns what is hers: “Ortiz's stake is 9%”, and a body named beside her is its own", () => {
    expect(subjects("Ortiz's stake in Acme is 9%.")).toEqual([["9%", "dana"]]);
    expect(subjects("Ortiz's company Acme lost $2 billion.")).toEqual([["$2 billion", "acme"]]);
  });

  it("leaves a company's own division its figure: “Acme's China business sold 50,000 cars”", () => {
    expect(subjects("Acme's China business sold 50,000 cars in May.")).toEqual([["50,000 cars", "acme"]]);
    expect(subjects("Acme's team of 40 engineers worked on it for three years.")).toEqual([["40 engineers", "acme"]]);
  });
});

describe("what a subject is worth", () => {
  const WORTH: SuggestEntity[] = [...ENTITIES, { id: "dana", name: "Dana Ortiz", kind: "person", aliases: ["Ortiz"] }];
  const labelled = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: WORTH, claims: [] }).map((p) => [
      p.quote,
      p.attribute.label,
    ]);

  it("is a company's market value and a person's fortune", () => {
    expect(labelled("Acme was worth about $3.5 trillion on Friday.")).toEqual([["about $3.5 trillion", "Valuation"]]);
    expect(labelled("Acme ended the trading day worth more than US$3.6 trillion.")).toEqual([["more than US$3.6 trillion", "Valuation"]]);
    expect(labelled("Ortiz is now worth $245 billion.")).toEqual([["$245 billion", "Net worth"]]);
  });

  it("is not what a thing held is worth", () => {
    expect(labelled("Ortiz will keep a stake worth $1.9 billion.")[0]?.[1]).not.toBe("Net worth");
  });
});

describe("a bound on a count", () => {
  it("is no move: “up to 20 years” is at most 20 years, not a change", () => {
    expect(alone("He faces up to 20 years in prison.").map((p) => p.attribute.label)).toEqual(["Prison sentence"]);
  });
});

describe("a clause cut short to its participle", () => {
  const august = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: new Date("2024-08-10T09:00:00Z") }, entities: ENTITIES, claims: [] });

  it("has no tense of its own: “when sentenced in October” in August is this October", () => {
    const [p] = august("The defendant may face 20 years in prison when sentenced in October.");
    expect(p?.asOf).toMatchObject({ text: "October", reading: "2024-10-01 – 2024-10-31 (month)" });
  });

  it("counts people a plant employed as its employees", () => {
    const p = august("The plant, when opened in March, employed 300 people.").find((p) => p.quote.includes("300"));
    expect(p?.attribute.label).toBe("Employees");
  });
});

describe("a name of a later clause", () => {
  const APPLE: SuggestEntity[] = [{ id: "apple", name: "Apple", kind: "organization", aliases: [] }];
  const subjects = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: APPLE, claims: [] }).map((p) => [p.quote, p.subject]);

  it("has its own figures: “Alphabet gained 2%, while Apple fell 1%” gives the 2% to Alphabet", () => {
    expect(subjects("Alphabet gained 2%, while Apple fell 1%.")).toEqual([
      ["2%", { how: "sentence", name: "Alphabet" }],
      ["fell 1%", { how: "mention", entityId: "apple", name: "Apple" }],
    ]);
  });

  it("leaves a measure's word opening the sentence no one's name: “Revenue rose 12% at Alphabet”", () => {
    expect(subjects("Revenue rose 12% at Alphabet, whereas Apple reported a 3% fall.")[0]).toEqual(["12%", { how: "none" }]);
  });
});

describe("the level a measure moved to", () => {
  const labelled = (body: string) => suggest(body).map((p) => [p.quote, p.attribute.label]);

  it("is that measure, no share price move: “Unemployment fell 0.2 points to 4.1%”", () => {
    expect(labelled("Unemployment fell 0.2 points to 4.1%.").find(([q]) => q === "4.1%")?.[1]).toBe("Unemployment rate");
    expect(labelled("Acme's stake rose 2 points to 12%.").find(([q]) => q === "12%")?.[1]).toBe("Stake");
  });

  it("leaves a share move a share move", () => {
    expect(labelled("Acme shares fell 3% to $40.")[0]).toEqual(["fell 3%", "Share price change"]);
  });
});

describe("a company's result of a quarter or half of a year", () => {
  const APRIL = new Date("2022-04-28T14:00:00Z");
  const labelled = (body: string, claims: RecordedClaim[] = [], publishedAt = APRIL) =>
    suggestClaims({ article: { id: "here", body, publishedAt }, entities: ENTITIES, claims }).map((p) => [p.quote, p.attribute.label]);

  it("names its period in the label, the year of the latest such period when none is written", () => {
    expect(labelled("Acme reported first-quarter revenue of $1.2 billion on Thursday, up 16% from a year earlier.")).toEqual([
      ["$1.2 billion", "Revenue, first quarter of 2022"],
      ["16%", "Revenue growth, first quarter of 2022"],
    ]);
    // In an April report the fourth quarter is last year's.
    expect(labelled("Acme's fourth-quarter revenue was $900 million.")).toEqual([["$900 million", "Revenue, fourth quarter of 2021"]]);
    expect(labelled("Acme earned $19.3 billion in the third quarter of fiscal 2025.")).toEqual([
      ["$19.3 billion", "Profit, third quarter of fiscal 2025"],
    ]);
  });

  it("gives a sum “a year earlier” the same period of the year before", () => {
    expect(labelled("Acme earned $19.3 billion in the third quarter of fiscal 2025, up from $9.2 billion a year earlier.")).toEqual([
      ["$19.3 billion", "Profit, third quarter of fiscal 2025"],
      ["$9.2 billion", "Profit, third quarter of fiscal 2024"],
    ]);
    // Also when what was made then is said in a clause of its own.
    expect(
      labelled("Acme earned $19.3 billion in its third quarter, twice the $9.2 billion it made in the same period a year before."),
    ).toEqual([
      ["$19.3 billion", "Profit, third quarter of 2021"],
      ["$9.2 billion", "Profit, third quarter of 2020"],
    ]);
  });

  it("dates a sum “a year earlier” to the same period of the year before", () => {
    const asOf = suggest("Acme earned $19.3 billion in the third quarter, up from $9.2 billion a year earlier.").map((p) => [
      p.quote,
      p.asOf?.text,
      p.asOf?.reading,
    ]);
    expect(asOf).toEqual([
      ["$19.3 billion", "the third quarter", expect.stringContaining("2024-07-01")],
      ["$9.2 billion", "third quarter of 2023", expect.stringContaining("2023-07-01")],
    ]);
  });

  it("leaves the period a figure is compared with, a share move and a game's quarter out of the label", () => {
    expect(labelled("Acme's gaming revenue was $3.3 billion, up 14% from the second quarter.")[0]).toEqual(["$3.3 billion", "Revenue"]);
    expect(labelled("Acme shares fell 5% after first-quarter results.")).toEqual([["fell 5%", "Share price change"]]);
    expect(labelled("Acme scored 40% of its points in the first quarter.").map(([, label]) => label)).not.toContainEqual(
      expect.stringContaining("quarter of"),
    );
  });

  it("carries the period to the same measure later in the article when that sentence names no time", () => {
    const labels = labelled("Acme reported first-quarter revenue of $1.2 billion, up 16%. An earlier version said revenue rose 61%.");
    expect(labels).toContainEqual(["61%", "Revenue growth, first quarter of 2022"]);
    expect(labelled("Acme reported first-quarter revenue of $1.2 billion. Annual revenue was $5 billion.")).toContainEqual([
      "$5 billion",
      "Revenue",
    ]);
  });

  it("follows the investigation: its fiscal years for a quarter written without one, its unqualified labels kept", () => {
    const body = "Nvidia reported third-quarter revenue of $35.1 billion.";
    const taught = (attribute: string): RecordedClaim => ({
      articleId: "earlier",
      body: "Acme's revenue was $30 billion.",
      start: 19,
      end: 30,
      valueText: "$30 billion",
      valueKind: "money",
      subjectId: "acme",
      attribute,
    });
    const november = new Date("2024-11-21T09:00:00Z");
    expect(labelled(body, [taught("Revenue, second quarter of fiscal 2025")], november)[0]).toEqual([
      "$35.1 billion",
      "Revenue, third quarter of fiscal 2025",
    ]);
    expect(labelled(body, [taught("Revenue")], november)[0]).toEqual(["$35.1 billion", "Revenue"]);
  });
});

describe("a count of a noun a name qualifies", () => {
  it("quotes the noun counted with the name before it: “almost 35 million Twitter shares”", () => {
    expect(alone("The prince will roll almost 35 million Twitter shares into the deal.").map((p) => p.quote)).toEqual([
      "almost 35 million Twitter shares",
    ]);
    expect(alone("Some 1,000 Spanish troops were deployed on Friday.").map((p) => [p.quote, p.attribute.label])).toEqual([
      ["Some 1,000 Spanish troops", "Troops deployed"],
    ]);
  });
});

describe("a name opening a sentence that names no entity", () => {
  const APPLE: SuggestEntity[] = [{ id: "apple", name: "Apple", kind: "organization", aliases: [] }];
  const subjects = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: APPLE, claims: [] })
      .filter((p) => p.valueKind === "percentage")
      .map((p) => [p.quote, p.subject]);

  it("is the subject of its figure, before the names of the sentence before: “Alphabet rose 2%.”", () => {
    expect(subjects("Apple reported its results on Thursday. Alphabet rose 2%.")).toEqual([["2%", { how: "sentence", name: "Alphabet" }]]);
  });

  it("leaves a sentence opening on who forecasts the figure to what the one before named", () => {
    expect(subjects("Apple reported its results on Thursday. Wall Street expected growth of 5%.")).toEqual([
      ["5%", { how: "mention", entityId: "apple", name: "Apple" }],
    ]);
  });

  it("leaves a sentence opening on a measure's word to what the one before named", () => {
    expect(subjects("Apple reported its results on Thursday. Shares rose 2%.")).toEqual([
      ["2%", { how: "mention", entityId: "apple", name: "Apple" }],
    ]);
  });
});

describe("a count that shrank or grew by some to a level", () => {
  it("is the change, signed, then the level: never one range", () => {
    expect(alone("Acme's workforce shrank by 1,200 to 18,000.").map((p) => [p.quote, p.reading])).toEqual([
      ["shrank by 1,200", expect.stringMatching(/^-1,200 /)],
      ["18,000", expect.stringMatching(/^18,000 /)],
    ]);
    expect(alone("Acme's headcount grew by 300 to 5,100.").map((p) => p.quote)).toEqual(["300", "5,100"]);
  });
});

describe("the day of a level a figure moved from", () => {
  it("dates that level, not the figure: “40,000 …, down from 90,000 on Sunday”", () => {
    const asOf = suggest("About 40,000 people remain in shelters in Riverside, down from 90,000 on Sunday.").map((p) => [
      p.quote,
      p.asOf?.text,
    ]);
    expect(asOf).toEqual([
      ["About 40,000 people", "31 October 2024"],
      ["90,000", "Sunday"],
    ]);
  });

  it("still dates a move and the level it reached on one day: “rose 4.4% to $916.30 on Friday”", () => {
    expect(suggest("Acme rose 4.4% to $916.30 on Friday.").map((p) => p.asOf?.text)).toEqual(["Friday", "Friday"]);
  });
});

describe("a rate that moved by points", () => {
  it("is a change of the rate the words before name: “Unemployment fell 0.2 points”", () => {
    expect(suggest("Unemployment fell 0.2 points to 4.1%.").map((p) => [p.quote, p.attribute.label])).toEqual([
      ["fell 0.2 points", "Change in unemployment rate"],
      ["4.1%", "Unemployment rate"],
    ]);
  });
});

describe("a verb of a move that takes an object", () => {
  it("counts what was hired or built, no change: “contracted 40 buses”, “the expanded 40-member board”", () => {
    const read = (body: string) => alone(body).map((p) => [p.quote, p.attribute.label, p.reading]);
    expect(read("The city contracted 40 buses from a private firm.")).toEqual([["40 buses", "Buses", expect.stringMatching(/^40 buses/)]]);
    expect(read("The club expanded 20 stadiums.")[0]).toEqual(["20 stadiums", "Stadiums", expect.stringMatching(/^20 /)]);
    expect(read("The expanded 40-member board met on Tuesday.").map(([, label]) => label)).not.toContain("Change");
  });

  it("still reads a share it moved by, or a count with “by”, as the signed change", () => {
    expect(alone("The economy contracted 0.3% in the third quarter.").map((p) => [p.quote, p.reading])).toEqual([
      ["contracted 0.3%", expect.stringMatching(/^-0\.3%/)],
    ]);
    expect(alone("Acme's workforce shrank by 1,200 to 18,000.")[0]).toMatchObject({ quote: "shrank by 1,200" });
  });
});

describe("the day of a move from one level to another", () => {
  it("dates the level reached: “rose to 300 from 250 on Monday”, “rose to 5% from 4% in March”", () => {
    const asOf = (body: string) => suggest(body).map((p) => [p.quote, p.asOf?.text]);
    expect(asOf("The toll in Riverside rose to 300 from 250 on Monday.")[0]).toEqual(["300", "Monday"]);
    expect(asOf("The rate in Riverside rose to 5% from 4% in March.")[0]).toEqual(["5%", "March 2024"]);
  });
});

describe("a figure of another time in a sentence naming a quarter", () => {
  const labelled = (body: string) =>
    suggestClaims({ article: { id: "here", body, publishedAt: new Date("2022-04-28T14:00:00Z") }, entities: ENTITIES, claims: [] }).map(
      (p) => [p.quote, p.attribute.label],
    );

  it("is no result of that quarter: “… and expects $5 billion for the year”, “after $4 billion in 2021”", () => {
    expect(labelled("Acme said first-quarter revenue was $1.2 billion, and it expects $5 billion for the year.")).toEqual([
      ["$1.2 billion", "Revenue, first quarter of 2022"],
      ["$5 billion", "Revenue"],
    ]);
    expect(labelled("Acme posted first-quarter revenue of $1.2 billion, after $4 billion in 2021.")[1]).toEqual(["$4 billion", "Revenue"]);
    expect(labelled("Acme posted first-quarter revenue of $1.2 billion; annual revenue was $5 billion.")[1]).toEqual([
      "$5 billion",
      "Revenue",
    ]);
  });

  it("keeps the quarter of a figure whose year is the quarter's: “… $1.2 billion in 2022”", () => {
    expect(labelled("Acme's first-quarter revenue was $1.2 billion in 2022.")).toEqual([
      ["$1.2 billion", "Revenue, first quarter of 2022"],
    ]);
  });
});
