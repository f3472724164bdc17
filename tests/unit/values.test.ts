import { describe, expect, test } from "vitest";
import { describeValue, detectValueKind, extractValue, parseValue, valueBounds, type ValueKind } from "@/lib/domain/values.ts";

// Thursday 26 February 2026: the publication date the relative expressions resolve against.
const REF = new Date(Date.UTC(2026, 1, 26));
const B = 1e9;
const M = 1e6;

type NumRow = [text: string, kind: ValueKind, low: number | null, high: number | null, unit: string | null];
type DateRow = [text: string, start: string, end: string, precision: string];

// Every value in the five demo articles comes first, then the harder forms.
const numbers: NumRow[] = [
  // A proportion as news writes it: half a part either way.
  ["Nine in 10", "percentage", 85, 95, "%"],
  ["two out of three", "percentage", 50, 83.3, "%"],
  // A fraction in words is the same share: "two-thirds" is two in three; "a fifth" needs its "of".
  ["two-thirds", "percentage", 50, 83.3, "%"],
  ["nearly three-quarters", "percentage", 62.5, 75, "%"],
  ["a fifth of", "percentage", 10, 30, "%"],
  // The whole read whole: "1 in 5,000" is a fiftieth of a percent, not one in five.
  ["1 in 5,000", "percentage", 0.01, 0.03, "%"],
  ["about one in 10,000", "percentage", 0.005, 0.015, "%"],
  // A bound on a proportion reads as on any figure: short of the share, or from it up.
  ["nearly 3 in 10", "percentage", 25, 30, "%"],
  ["more than one in five", "percentage", 20, null, "%"],
  ["up to one in four", "percentage", 0, 25, "%"],
  ["$18.4 billion", "money", 18.35 * B, 18.45 * B, "USD"],
  ["$100 million", "money", 99.5 * M, 100.5 * M, "USD"],
  ["up to $183 billion", "money", 0, 183 * B, "USD"],
  ["$183 billion", "money", 182.5 * B, 183.5 * B, "USD"],
  ["over 60 papers", "number", 60, null, "papers"],
  ["up to $9 billion", "money", 0, 9 * B, "USD"],
  ["up to $200 million", "money", 0, 200 * M, "USD"],
  ["billions of dollars", "money", 1 * B, 1000 * B, "USD"],
  ["4 min.", "number", 3.5, 4.5, "min"],
  ["$10–20 million", "money", 10 * M, 20 * M, "USD"],
  ["$10-20 million", "money", 10 * M, 20 * M, "USD"],
  ["$10 million to $20 million", "money", 10 * M, 20 * M, "USD"],
  ["between $1 million and $2 million", "money", 1 * M, 2 * M, "USD"],
  // A first figure written in full takes no scale from the second.
  ["500,000 to 1 million", "number", 500_000, 1 * M, null],
  ["between 700,000 and 1 million people", "number", 700_000, 1 * M, "people"],
  ["€5bn", "money", 4.5 * B, 5.5 * B, "EUR"],
  ["€5.25 bn", "money", 5.245 * B, 5.255 * B, "EUR"],
  ["£300m", "money", 299.5 * M, 300.5 * M, "GBP"],
  ["£300 million", "money", 299.5 * M, 300.5 * M, "GBP"],
  ["¥1.2 trillion", "money", 1.15e12, 1.25e12, "JPY"],
  ["USD 40 million", "money", 39.5 * M, 40.5 * M, "USD"],
  ["40 million dollars", "money", 39.5 * M, 40.5 * M, "USD"],
  ["EUR 2,500", "money", 2499.5, 2500.5, "EUR"],
  ["$1,250,000", "money", 1245000, 1255000, "USD"],
  ["$3.5k", "money", 3450, 3550, "USD"],
  ["US$2 billion", "money", 1.5 * B, 2.5 * B, "USD"],
  ["$2 bn", "money", 1.5 * B, 2.5 * B, "USD"],
  ["$2b", "money", 1.5 * B, 2.5 * B, "USD"],
  ["more than $50 million", "money", 50 * M, null, "USD"],
  ["at least $5 million", "money", 5 * M, null, "USD"],
  ["in excess of €1 billion", "money", 1 * B, null, "EUR"],
  ["less than $1 million", "money", 0, 1 * M, "USD"],
  ["about $30 billion", "money", 27 * B, 33 * B, "USD"],
  ["approximately $30 billion", "money", 27 * B, 33 * B, "USD"],
  ["nearly $61.5 billion", "money", 55.35 * B, 61.5 * B, "USD"],
  ["almost 2 trillion yen", "money", 1.8e12, 2e12, "JPY"],
  ["15%", "percentage", 14.5, 15.5, "%"],
  ["15.5 percent", "percentage", 15.45, 15.55, "%"],
  ["about 30 per cent", "percentage", 27, 33, "%"],
  ["up to 20%", "percentage", 0, 20, "%"],
  ["3 percentage points", "percentage", 2.5, 3.5, "percentage points"],
  // Central banks move rates by basis points; a rate "per dollar" counts nothing.
  ["25 basis points", "percentage", 24.5, 25.5, "basis points"],
  ["50bps", "percentage", 49.5, 50.5, "basis points"],
  ["129.25 per dollar", "number", 129.245, 129.255, null],
  // The oil company, not basis points: what it names is the refineries counted.
  ["3 BP refineries", "number", 2.5, 3.5, "refineries"],
  ["over 60", "number", 60, null, null],
  // A round figure is read with its significant figures, to at most 5% either way.
  ["5,000 employees", "number", 4750, 5250, "employees"],
  ["80,000", "number", 76000, 84000, null],
  ["80,900", "number", 80899.5, 80900.5, null],
  ["5,700", "number", 5699.5, 5700.5, null],
  ["nearly 1,000 employees", "number", 900, 1000, "employees"],
  ["more than 300 customers", "number", 300, null, "customers"],
  ["2 million users", "number", 1.5 * M, 2.5 * M, "users"],
  ["0.5", "number", 0.45, 0.55, null],
  ["12", "number", 11.5, 12.5, null],
  ["10–12 weeks", "number", 10, 12, "week"],
  ["12 kilometres", "number", 11.5, 12.5, "km"],
  ["about seven miles", "number", 6.3, 7.7, "mi"],
  ["up 12%", "percentage", 11.5, 12.5, "%"],
  ["fell 11%", "percentage", -11.5, -10.5, "%"],
  ["11% drop", "percentage", -11.5, -10.5, "%"],
  // The move's word after the figure: "closed 0.8 per cent lower" is down 0.8%.
  ["0.8 per cent lower", "percentage", -0.85, -0.75, "%"],
  ["2% higher", "percentage", 1.5, 2.5, "%"],
  ["down as much as 25%", "percentage", -25, 0, "%"],
];

const absoluteDates: DateRow[] = [
  ["2021", "2021-01-01", "2021-12-31", "year"],
  ["in 2021", "2021-01-01", "2021-12-31", "year"],
  // A span of whole years (model years, a term of office) is no range of a count.
  ["2016 to 2019", "2016-01-01", "2019-12-31", "year"],
  ["1998-2004", "1998-01-01", "2004-12-31", "year"],
  ["late 2023", "2023-07-01", "2023-12-31", "part"],
  ["late 2024", "2024-07-01", "2024-12-31", "part"],
  ["December 2025", "2025-12-01", "2025-12-31", "month"],
  ["in December 2025", "2025-12-01", "2025-12-31", "month"],
  ["Dec. 2025", "2025-12-01", "2025-12-31", "month"],
  ["2024", "2024-01-01", "2024-12-31", "year"],
  ["mid-2025", "2025-04-01", "2025-09-30", "part"],
  ["mid 2025", "2025-04-01", "2025-09-30", "part"],
  ["early 2024", "2024-01-01", "2024-06-30", "part"],
  ["the end of 2023", "2023-10-01", "2023-12-31", "part"],
  ["the beginning of 2024", "2024-01-01", "2024-03-31", "part"],
  ["summer 2025", "2025-06-01", "2025-08-31", "part"],
  ["Q3 2024", "2024-07-01", "2024-09-30", "quarter"],
  ["Q1 2026", "2026-01-01", "2026-03-31", "quarter"],
  ["the third quarter of 2024", "2024-07-01", "2024-09-30", "quarter"],
  ["2025-12-03", "2025-12-03", "2025-12-03", "day"],
  ["2025-12", "2025-12-01", "2025-12-31", "month"],
  ["December 3, 2025", "2025-12-03", "2025-12-03", "day"],
  ["3 December 2025", "2025-12-03", "2025-12-03", "day"],
  ["Wednesday, December 3, 2025", "2025-12-03", "2025-12-03", "day"],
  ["Feb 29, 2024", "2024-02-29", "2024-02-29", "day"],
];

const relativeDates: DateRow[] = [
  ["Last July", "2025-07-01", "2025-07-31", "month"],
  ["last December", "2025-12-01", "2025-12-31", "month"],
  ["next March", "2026-03-01", "2026-03-31", "month"],
  ["on Tuesday", "2026-02-24", "2026-02-24", "day"],
  ["Tuesday", "2026-02-24", "2026-02-24", "day"],
  ["Monday", "2026-02-23", "2026-02-23", "day"],
  // A bare weekday is the latest such day up to publication (Thu 26 Feb): reports tell what happened.
  ["Friday evening", "2026-02-20", "2026-02-20", "day"],
  ["on Sunday", "2026-02-22", "2026-02-22", "day"],
  ["Sunday night", "2026-02-22", "2026-02-22", "day"],
  ["Thursday", "2026-02-26", "2026-02-26", "day"],
  ["last Thursday", "2026-02-19", "2026-02-19", "day"],
  // Words around a weekday chrono finds change nothing: the same day as the weekday alone.
  ["launched on Sunday", "2026-02-22", "2026-02-22", "day"],
  ["Sunday to", "2026-02-22", "2026-02-22", "day"],
  // Deadlines and plans look ahead.
  ["by Friday evening", "2026-02-27", "2026-02-27", "day"],
  ["until Sunday", "2026-03-01", "2026-03-01", "day"],
  ["next Thursday", "2026-03-05", "2026-03-05", "day"],
  ["this coming Monday", "2026-03-02", "2026-03-02", "day"],
  ["this week", "2026-02-23", "2026-03-01", "week"],
  ["last week", "2026-02-16", "2026-02-22", "week"],
  ["next week", "2026-03-02", "2026-03-08", "week"],
  ["this year", "2026-01-01", "2026-12-31", "year"],
  ["last year", "2025-01-01", "2025-12-31", "year"],
  ["last month", "2026-01-01", "2026-01-31", "month"],
  ["earlier this year", "2026-01-01", "2026-02-26", "part"],
  ["the beginning of the year", "2026-01-01", "2026-03-31", "part"],
  ["today", "2026-02-26", "2026-02-26", "day"],
  ["yesterday", "2026-02-25", "2026-02-25", "day"],
];

describe("numbers and money become intervals with the precision written", () => {
  test.each(numbers)("%s → %s [%d, %d] %s", (text, kind, low, high, unit) => {
    expect(detectValueKind(text)).toBe(kind);
    const parsed = parseValue(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value).toMatchObject({ kind, unit });
    const value = parsed.value as { low: number | null; high: number | null };
    if (low === null) expect(value.low).toBeNull();
    else expect(value.low).toBeCloseTo(low, 6);
    if (high === null) expect(value.high).toBeNull();
    else expect(value.high).toBeCloseTo(high, 6);
  });
});

describe("numbers in words and vague quantities", () => {
  test.each([
    ["nine", 8.5, 9.5, null],
    ["nine people", 8.5, 9.5, "people"],
    ["twenty-five injured", 24.5, 25.5, "injured"],
    ["one hundred and fourteen dead", 113.5, 114.5, "dead"],
    ["a dozen homes", 11.5, 12.5, "homes"],
    ["two million residents", 1.5e6, 2.5e6, "residents"],
    ["more than a million people", 1e6, null, "people"],
    ["dozens of people", 24, 119, "people"],
    ["hundreds of homes", 200, 999, "homes"],
    ["thousands", 2000, 9999, null],
    ["tens of thousands of residents", 20_000, 99_999, "residents"],
    ["hundreds of thousands", 200_000, 999_999, null],
  ] as const)("%s → [%d, %s] %s", (text, low, high, unit) => {
    expect(detectValueKind(text)).toBe("number");
    expect(parseValue(text)).toMatchObject({ ok: true, value: { kind: "number", low, high, unit } });
  });

  test.each([
    ["two million dollars", 1.5e6, 2.5e6, "USD"],
    ["ten euros", 9.5, 10.5, "EUR"],
    ["one billion yuan", 0.5e9, 1.5e9, "CNY"],
  ] as const)("money in words: %s → [%d, %d] %s", (text, low, high, unit) => {
    expect(parseValue(text)).toMatchObject({ ok: true, value: { kind: "money", low, high, unit } });
  });

  test("a vague quantity agrees with a figure inside it and disagrees with one outside", () => {
    const hundreds = parseValue("hundreds of homes");
    const inside = parseValue("480 homes");
    const outside = parseValue("1,200 homes");
    if (!hundreds.ok || !inside.ok || !outside.ok) throw new Error("unread");
    const h = hundreds.value as { low: number; high: number };
    const within = (v: typeof inside.value) => "point" in v && v.point !== null && v.point >= h.low && v.point <= h.high;
    expect(within(inside.value)).toBe(true);
    expect(within(outside.value)).toBe(false);
  });

  test("a word after a number is never read as a scale because an object has it: ten constructor teams are ten", () => {
    for (const text of ["ten constructor teams", "two constructor titles"]) {
      const read = parseValue(text);
      expect(read).toMatchObject({ ok: true, value: { kind: "number", point: text.startsWith("ten") ? 10 : 2 } });
      expect(read.ok && read.reading).not.toMatch(/NaN/);
    }
  });

  test("a range of figures written with “to” is no clock time and no date", () => {
    expect(parseValue("12 to 15 billion")).toMatchObject({ ok: true, value: { kind: "number", low: 12 * B, high: 15 * B } });
    expect(detectValueKind("8 to 11")).toBe("number");
    expect(parseValue("12 to 15 billion", undefined, { referenceDate: REF })).toMatchObject({ value: { kind: "number" } });
    // A real span of days is still a date.
    expect(parseValue("12 to 14 June", undefined, { referenceDate: REF })).toMatchObject({
      ok: true,
      value: { kind: "date", start: "2026-06-12" },
    });
  });

  test("a range with its unit written at both ends is one range, not its first figure", () => {
    expect(parseValue("3% to 5%")).toMatchObject({ ok: true, value: { kind: "percentage", low: 3, high: 5, qualifier: "range" } });
    expect(parseValue("between 3% and 5%")).toMatchObject({ ok: true, value: { kind: "percentage", low: 3, high: 5 } });
    expect(parseValue("3 km to 5 km", "number")).toMatchObject({
      ok: true,
      value: { low: 3, high: 5, unit: "km", measure: { dimension: "length", low: 3000, high: 5000 } },
    });
    expect(parseValue("30C–35C", "number")).toMatchObject({ ok: true, value: { low: 30, high: 35, unit: "tempC" } });
    // Units that differ make no range of one: the second figure is not read into the first.
    expect(parseValue("3 km to 5 miles", "number")).toMatchObject({ ok: true, value: { point: 3, unit: "km" } });
  });

  test("a measure's reading in millions never abbreviates them to “m”, which reads as metres", () => {
    const read = parseValue("22.5 million cubic metres", "number");
    expect(read.ok && read.reading).toBe("22.5 million m³ (22.45–22.55 million)");
  });

  test("counts the plural noun a name qualifies, not the name: “58.7 million Tesla shares”", () => {
    expect(parseValue("58.7 million Tesla shares", "number")).toMatchObject({ ok: true, value: { point: 58_700_000, unit: "shares" } });
    expect(parseValue("1,000 Spanish troops", "number")).toMatchObject({ ok: true, value: { point: 1000, unit: "troops" } });
    expect(parseValue("2 Labour MPs", "number")).toMatchObject({ ok: true, value: { unit: "mps" } });
    // A plural name is what is counted, whatever follows it.
    expect(parseValue("20 Democrats voted", "number")).toMatchObject({ ok: true, value: { unit: "democrats" } });
  });

  test("a noun starting with “to” is counted, not read as the start of a range", () => {
    expect(parseValue("2,000 tourists", "number")).toMatchObject({ ok: true, value: { point: 2000, unit: "tourists" } });
    expect(parseValue("200,000 tonnes", "number")).toMatchObject({
      ok: true,
      value: { point: 200000, unit: "tonne", measure: { dimension: "mass" } },
    });
    // A ton unqualified is the short ton, as US copy converts it.
    expect(parseValue("5 tonnes (5.5 tons)", "number")).toMatchObject({ value: { measure: { conversion: { consistent: true } } } });
  });

  test("a decade is its years, or the first, middle or last of them", () => {
    expect(parseValue("the 1990s", "date")).toMatchObject({ value: { start: "1990-01-01", end: "1999-12-31", precision: "year" } });
    expect(parseValue("the late 1980s", "date")).toMatchObject({ value: { start: "1986-01-01", end: "1989-12-31" } });
    expect(detectValueKind("1990s")).toBe("date");
  });

  test("the 1800s and the 1900s are centuries, not their first decades", () => {
    expect(parseValue("the 1800s", "date")).toMatchObject({ value: { start: "1800-01-01", end: "1899-12-31" } });
    expect(parseValue("the late 1800s", "date")).toMatchObject({ value: { start: "1866-01-01", end: "1899-12-31" } });
    expect(parseValue("the early 1900s", "date")).toMatchObject({ value: { start: "1900-01-01", end: "1933-12-31" } });
    expect(parseValue("the 2000s", "date")).toMatchObject({ value: { start: "2000-01-01", end: "2009-12-31" } });
  });

  test("a span of days is every day of it, not its first", () => {
    expect(parseValue("9 to 11 April 2026")).toMatchObject({ value: { kind: "date", start: "2026-04-09", end: "2026-04-11" } });
    expect(parseValue("30 April to 2 May 2026")).toMatchObject({ value: { kind: "date", start: "2026-04-30", end: "2026-05-02" } });
    expect(parseValue("9 April 2026")).toMatchObject({ value: { kind: "date", start: "2026-04-09", end: "2026-04-09" } });
  });

  test("an as-of in words or a clock time is still a date: the day it names", () => {
    for (const text of ["this morning", "tonight", "4:17 a.m.", "9pm"]) {
      expect(parseValue(text, "date", { referenceDate: REF }), text).toMatchObject({ ok: true, value: { kind: "date", precision: "day" } });
    }
  });

  test("days listed one after another in a month are their span; days with a gap are not", () => {
    expect(parseValue("21 and 22 June 2026")).toMatchObject({ value: { kind: "date", start: "2026-06-21", end: "2026-06-22" } });
    expect(parseValue("8, 9 and 10 July 2026")).toMatchObject({ value: { kind: "date", start: "2026-07-08", end: "2026-07-10" } });
    expect(parseValue("June 21 and 22, 2026")).toMatchObject({ value: { kind: "date", start: "2026-06-21", end: "2026-06-22" } });
    expect(parseValue("3 and 9 June 2026")).not.toMatchObject({ value: { start: "2026-06-03", end: "2026-06-09" } });
  });

  test("a unit joined to its figure by a hyphen is the figure's unit, and no range", () => {
    expect(parseValue("22-mile")).toMatchObject({ value: { kind: "number", point: 22, unit: "mi" } });
    expect(parseValue("a 300-metre")).toMatchObject({ ok: true });
    expect(parseValue("15-km")).toMatchObject({ value: { kind: "number", point: 15, unit: "km" } });
    expect(parseValue("4-2")).toMatchObject({ value: { kind: "text" } });
    expect(parseValue("10-20 km")).toMatchObject({ value: { kind: "number", low: 10, high: 20 } });
  });

  test("a span of time after “in” is no share: three goals in 10 minutes are not 30%", () => {
    const read = parseValue("3 in 10 minutes", "number");
    expect(read).toMatchObject({ ok: true, value: { kind: "number", point: 3 } });
    expect(read.ok && read.reading).not.toMatch(/%/);
  });

  test("a number word before a capitalised word is a name, not a count", () => {
    expect(detectValueKind("One Medical")).toBe("text");
    expect(detectValueKind("Nine Network")).toBe("text");
    expect(detectValueKind("a lot of people")).toBe("text");
  });
});

describe("a running tally passing a mark is read as a lower bound", () => {
  test.each([
    ["topped 20,000", 20000, null],
    ["passed 5,000 people", 5000, "people"],
    ["past 22,000", 22000, null],
    ["climbed past 22,000", 22000, null],
    ["rose above 300 deaths", 300, "deaths"],
    ["surpassed 10,000", 10000, null],
    ["exceeded $2 billion", 2e9, "USD"],
    ["crossed 3,000", 3000, null],
    ["well over 5,000", 5000, null],
    ["upwards of 5,000", 5000, null],
    ["north of 5,000", 5000, null],
    ["above 39,000", 39000, null],
  ])("%s → at least %d %s", (text, low, unit) => {
    const parsed = parseValue(text);
    expect(parsed).toMatchObject({ ok: true, value: { low, high: null, qualifier: "over", unit } });
    if (parsed.ok) expect(parsed.reading).toMatch(/or more/);
  });

  test("“past” before a span of time is no bound", () => {
    expect(detectValueKind("past three years")).not.toBe("number");
    expect(detectValueKind("the past 24 hours")).toBe("text");
    expect(parseValue("past 24 hours", "number").ok).toBe(false);
  });

  test("a move is still a move, and “rose to” is no lower bound", () => {
    expect(parseValue("up 12%")).toMatchObject({ ok: true, value: { qualifier: "exact", low: 11.5, high: 12.5 } });
    expect(parseValue("fell 11%")).toMatchObject({ ok: true, value: { low: -11.5, high: -10.5 } });
    // A count moved is signed as a share moved is; a sum "lost" is as often the loss itself.
    expect(parseValue("rose 300", "number")).toMatchObject({ ok: true, value: { point: 300 } });
    expect(parseValue("down 251")).toMatchObject({ ok: true, value: { kind: "number", point: -251, low: -251.5, high: -250.5 } });
    expect(parseValue("a net loss of 12")).toMatchObject({ ok: true, value: { kind: "number", point: -12 } });
    expect(parseValue("lost $5 billion")).toMatchObject({ ok: true, value: { kind: "text" } });
  });

  test("a sign written before a figure is read: an analyst notes a change as “-251” or “+4.2%”", () => {
    expect(parseValue("-251")).toMatchObject({ ok: true, value: { kind: "number", point: -251, low: -251.5, high: -250.5 } });
    expect(parseValue("−3%")).toMatchObject({ ok: true, value: { kind: "percentage", point: -3 } });
    expect(parseValue("+4.2%")).toMatchObject({ ok: true, value: { kind: "percentage", point: 4.2 } });
    expect(parseValue("-$5m")).toMatchObject({ ok: true, value: { kind: "money", point: -5_000_000, unit: "USD" } });
    expect(parseValue("-5°C")).toMatchObject({ ok: true, value: { kind: "number", point: -5, measure: { dimension: "temperature" } } });
    // Which end of "-3 to 5" the sign is of is not said: no range is made up.
    expect(parseValue("-3 to 5")).toMatchObject({ ok: true, value: { kind: "text" } });
  });
});

describe("an earthquake's magnitude, however written", () => {
  test.each([
    ["magnitude 7.8"],
    ["a magnitude 7.8"],
    ["magnitude-7.8"],
    ["a 7.8-magnitude quake"],
    ["7.8 magnitude"],
    ["7.8 on the Richter scale"],
    ["M7.8"],
    ["Mw 7.8"],
  ])("%s → 7.8 on the magnitude scale", (text) => {
    expect(detectValueKind(text)).toBe("number");
    expect(parseValue(text)).toMatchObject({
      ok: true,
      value: { kind: "number", point: 7.8, low: 7.75, high: 7.85, unit: "magnitude" },
      reading: "7.8 magnitude (7.75–7.85)",
    });
  });

  test("a range of magnitudes, and what is not a magnitude", () => {
    expect(parseValue("magnitude 7.5-7.8")).toMatchObject({ ok: true, value: { low: 7.5, high: 7.8, unit: "magnitude" } });
    // A road ("the M5"), a plain count and a measure keep their readings.
    expect(detectValueKind("the M5")).toBe("text");
    expect(parseValue("M5", "number").ok).toBe(false);
    expect(parseValue("78 aftershocks")).toMatchObject({ ok: true, value: { unit: "aftershocks" } });
    expect(parseValue("17.9 km")).toMatchObject({ ok: true, value: { unit: "km" } });
  });
});

describe("a quarter or half of a year", () => {
  const read = (text: string, published: string) => {
    const r = parseValue(text, "date", { referenceDate: new Date(published) });
    return r.ok && r.value.kind === "date" ? [r.value.start, r.value.end, r.value.precision] : r;
  };

  test("without its year, is the latest begun by the day it was written", () => {
    // An earnings report in late April tells of the first quarter just ended, and of last year's fourth.
    expect(read("the first quarter", "2022-04-28")).toEqual(["2022-01-01", "2022-03-31", "quarter"]);
    expect(read("the fourth quarter", "2022-04-28")).toEqual(["2021-10-01", "2021-12-31", "quarter"]);
    expect(read("Q3", "2022-04-28")).toEqual(["2021-07-01", "2021-09-30", "quarter"]);
    expect(read("the second half", "2022-04-28")).toEqual(["2021-07-01", "2021-12-31", "part"]);
    expect(read("the fourth quarter of last year", "2023-11-02")).toEqual(["2022-10-01", "2022-12-31", "quarter"]);
  });

  test("last, this and next quarter are whole quarters around the day written", () => {
    expect(read("last quarter", "2022-04-28")).toEqual(["2022-01-01", "2022-03-31", "quarter"]);
    expect(read("this quarter", "2022-04-28")).toEqual(["2022-04-01", "2022-06-30", "quarter"]);
    expect(read("next quarter", "2022-11-15")).toEqual(["2023-01-01", "2023-03-31", "quarter"]);
    expect(read("the previous quarter", "2022-02-01")).toEqual(["2021-10-01", "2021-12-31", "quarter"]);
  });

  test("with its year, is that year's", () => {
    expect(read("fourth quarter of 2021", "2022-04-28")).toEqual(["2021-10-01", "2021-12-31", "quarter"]);
    expect(read("the first half of 2022", "2023-01-10")).toEqual(["2022-01-01", "2022-06-30", "part"]);
  });

  test("a fiscal quarter, on a company's own calendar, is not read as the calendar's", () => {
    expect(parseValue("the fiscal first quarter", "date", { referenceDate: new Date("2022-04-28") }).ok).toBe(false);
  });
});

describe("a span of months", () => {
  test("runs from the first month to the last: “the January-March quarter”, “April to June 2024”", () => {
    const ref = { referenceDate: new Date("2024-04-26T12:00:00Z") };
    expect(parseValue("the January-March quarter", "date", ref)).toMatchObject({
      ok: true,
      value: { start: "2024-01-01", end: "2024-03-31" },
    });
    expect(parseValue("April to June 2024", "date", ref)).toMatchObject({ ok: true, value: { start: "2024-04-01", end: "2024-06-30" } });
    // Not yet begun by the day written: last year's.
    expect(parseValue("July-September", "date", ref)).toMatchObject({ ok: true, value: { start: "2023-07-01", end: "2023-09-30" } });
  });
});

describe("cents and pence", () => {
  test("are hundredths of their currency: 61 cents is $0.61, and agrees with it", () => {
    expect(parseValue("61 cents", undefined, {})).toMatchObject({ ok: true, value: { kind: "money", unit: "USD", point: 0.61 } });
    expect(parseValue("about 45 pence", undefined, {})).toMatchObject({ ok: true, value: { kind: "money", unit: "GBP", point: 0.45 } });
    expect(parseValue("50 euro cents", undefined, {})).toMatchObject({ ok: true, value: { kind: "money", unit: "EUR", point: 0.5 } });
    // Not a percentage, nor a length.
    expect(parseValue("61 per cent", undefined, {})).toMatchObject({ ok: true, value: { kind: "percentage" } });
    expect(parseValue("12 centimetres", undefined, {})).toMatchObject({ ok: true, value: { kind: "number", unit: "cm" } });
  });

  test("may name their country, as wire copy writes them: 81 US cents is $0.81", () => {
    expect(parseValue("81 US cents", undefined, {})).toMatchObject({ ok: true, value: { kind: "money", unit: "USD", point: 0.81 } });
    expect(parseValue("81 U.S. cents", undefined, {})).toMatchObject({ ok: true, value: { kind: "money", unit: "USD", point: 0.81 } });
  });
});

describe("a weekday and a figure after its comma", () => {
  test("are no date: “Friday, 40” leaves the 40 unread, so it is not a day", () => {
    const ref = { referenceDate: new Date("2024-07-03T12:00:00Z") };
    expect(parseValue("Friday, 40", undefined, ref)).toMatchObject({ ok: true, value: { kind: "text" } });
    expect(parseValue("Monday, 40 people", undefined, ref)).toMatchObject({ ok: true, value: { kind: "text" } });
    // A day of the month with its ordinal is still the date's.
    expect(parseValue("Friday, 13th", "date", ref)).toMatchObject({ ok: true, value: { kind: "date" } });
    // A day of the month after the comma is the date written out.
    expect(parseValue("Tuesday, 29 October", "date", ref)).toMatchObject({ ok: true, value: { kind: "date", precision: "day" } });
  });
});

describe("dates become day ranges with a precision", () => {
  test.each(absoluteDates)("%s → %s … %s (%s)", (text, start, end, precision) => {
    expect(detectValueKind(text)).toBe("date");
    expect(parseValue(text, "date")).toMatchObject({ ok: true, value: { start, end, precision, resolved: true } });
  });

  test.each(relativeDates)("%s, published Thu 26 Feb 2026 → %s … %s (%s)", (text, start, end, precision) => {
    expect(parseValue(text, "date", { referenceDate: REF })).toMatchObject({
      ok: true,
      value: { start, end, precision, resolved: true },
    });
  });

  test.each(relativeDates.map(([text]) => text))("%s without a publication date stays unresolved, and says why", (text) => {
    const parsed = parseValue(text, "date");
    expect(parsed).toMatchObject({ ok: true, value: { resolved: false, start: null, end: null } });
    if (parsed.ok) expect(describeValue(parsed.value)).toMatch(/publication date, which is not known/);
  });
});

describe("text and lists", () => {
  test("a list of backers compares as a set, tickers and order aside", () => {
    const a = parseValue("Google (GOOGL), Amazon (AMZN), and Microsoft (MSFT)");
    const b = parseValue("Microsoft, Google and Amazon", "list");
    expect(a).toMatchObject({ ok: true, value: { kind: "list", items: ["Google (GOOGL)", "Amazon (AMZN)", "Microsoft (MSFT)"] } });
    if (a.ok && b.ok && a.value.kind === "list" && b.value.kind === "list") expect(a.value.folded).toEqual(b.value.folded);
  });

  test("a comma inside a number does not split a list", () => {
    expect(parseValue("2,000 tents, 3,000 beds and 1,250,000 litres of water", "list")).toMatchObject({
      ok: true,
      value: { items: ["2,000 tents", "3,000 beds", "1,250,000 litres of water"] },
    });
  });

  test.each([
    ["Emil Michael", "text"],
    ["Secretary of Defense", "text"],
    ["weeks-long", "text"],
    ["Claude Sonnet 4.6", "text"],
    ["supply chain risk", "text"],
  ] as const)("%s is %s", (text, kind) => {
    expect(detectValueKind(text)).toBe(kind);
  });

  test("text folds case, accents, quotes and spacing", () => {
    const a = parseValue("“Supply  chain risk”", "text");
    const b = parseValue('"supply chain RISK"', "text");
    expect(a.ok && b.ok && a.value.kind === "text" && b.value.kind === "text" && a.value.folded === b.value.folded).toBe(true);
  });
});

describe("readings shown to the analyst", () => {
  test.each([
    ["$18.4 billion", "18.4 billion USD (18.35–18.45 bn)"],
    ["up to $183 billion", "up to 183 billion USD (0–183 bn)"],
    ["over 60 papers", "60 papers or more (60–∞)"],
    ["$10–20 million", "10–20 m USD"],
    ["15%", "15% (14.5–15.5%)"],
    ["December 2025", "2025-12-01 – 2025-12-31 (month)"],
    ["2025-12-03", "2025-12-03 (day)"],
    ["nearly 1,000 employees", "nearly 1,000 employees (900–1,000)"],
  ])("%s → %s", (text, reading) => {
    expect(parseValue(text)).toMatchObject({ ok: true, reading });
  });
});

describe("refusals", () => {
  test.each([
    ["", undefined, /Enter a value/],
    ["Anthropic", "money", /not read as an amount of money/],
    ["soon", "date", /not read as a date/],
    ["a lot", "number", /not read as a number/],
    ["2025-02-30", "date", /not read as a date/],
    // A high end first is no range: a season or a score.
    ["2023-24 season", "number", /not read as a number/],
    ["3-1", "number", /not read as a number/],
  ] as const)("%j as %s", (text, kind, message) => {
    const parsed = parseValue(text, kind);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

test("database bounds: dates as the first and last millisecond of their range", () => {
  const parsed = parseValue("December 2025");
  if (!parsed.ok) throw new Error(parsed.error);
  expect(valueBounds(parsed.value)).toEqual({
    low: Date.UTC(2025, 11, 1),
    high: Date.UTC(2026, 0, 1) - 1,
    unit: null,
  });
});

describe("the value inside a selected passage", () => {
  test.each([
    ["valued at $18.4 billion", "$18.4 billion"],
    ["operates in an artificial intelligence industry valued at up to $183 billion", "up to $183 billion"],
    ["launching Agent Skills in December 2025", "December 2025"],
    ["documented in over 60 papers, positions it", "over 60 papers"],
    ["founded in 2021", "2021"],
    ["grow with $100 million in annual recurring revenue", "$100 million"],
    ["the death toll has topped 20,000", "topped 20,000"],
    ["A magnitude 7.8 earthquake struck", "magnitude 7.8"],
    ["Emil Michael", "Emil Michael"],
  ])("%s → %s", (passage, value) => {
    expect(extractValue(passage)).toBe(value);
  });
});
