import { describe, expect, test } from "vitest";
import { apart, dayWordsIn, describeMoment, momentInQuote, parseMoment } from "@/lib/domain/moments.ts";
import { parseValue } from "@/lib/domain/values.ts";

// Wednesday 30 October 2024, 09:40 in Valencia (CET, UTC+1 after 27 October).
const ref = new Date("2024-10-30T09:40:00+01:00");
const madrid = { referenceDate: ref, timeZone: "Europe/Madrid" };
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("times of day in zones", () => {
  test.each([
    ["20:11 local time", "2024-10-30T19:11:00.000Z", "minute"],
    ["19:11 GMT", "2024-10-30T19:11:00.000Z", "minute"],
    ["1911 GMT", "2024-10-30T19:11:00.000Z", "minute"],
    ["0830 GMT", "2024-10-30T08:30:00.000Z", "minute"],
    ["8:12pm", "2024-10-30T19:12:00.000Z", "minute"],
    ["4:30 p.m. Beijing time", "2024-10-30T08:30:00.000Z", "minute"],
    ["9:37 a.m. New York time", "2024-10-30T13:37:00.000Z", "minute"],
    ["9:37 a.m. EDT", "2024-10-30T13:37:00.000Z", "minute"],
    ["16:30 UTC+2", "2024-10-30T14:30:00.000Z", "minute"],
    ["4 p.m.", "2024-10-30T15:00:00.000Z", "hour"],
    ["noon", "2024-10-30T11:00:00.000Z", "minute"],
  ])("%s → %s", (text, start, precision) => {
    const m = parseMoment(text, madrid);
    expect(iso(m?.start)).toBe(start);
    expect(m?.precision).toBe(precision);
    expect(m?.timed).toBe(true);
  });

  test("summer time is the zone's on that day: 20:11 in Madrid is 18:11 UTC in July", () => {
    expect(iso(parseMoment("20:11 local time, 10 July 2024", madrid)?.start)).toBe("2024-07-10T18:11:00.000Z");
  });

  test("the same instant written in two zones is one moment", () => {
    const local = parseMoment("20:11 local time last Tuesday", madrid)!;
    const gmt = parseMoment("1911 GMT on Tuesday", madrid)!;
    expect(local.start).toBe(gmt.start);
    expect(apart(local, gmt)).toBe(false);
  });

  test("a local time with its own conversion trusts the named zone, whatever the investigation's zone", () => {
    const m = parseMoment("20:11 local time (19:11 GMT) last Tuesday", { referenceDate: ref, timeZone: "UTC" });
    expect(iso(m?.start)).toBe("2024-10-29T19:11:00.000Z");
  });

  test("parts of the day are spans of local hours; two parts of one day are apart", () => {
    const afternoon = parseMoment("30 October 2024, mid-afternoon", madrid)!;
    const evening = parseMoment("30 October 2024, late evening", madrid)!;
    expect(iso(afternoon.start)).toBe("2024-10-30T13:00:00.000Z");
    expect(iso(evening.end)).toBe("2024-10-30T23:00:00.000Z");
    expect(apart(afternoon, evening)).toBe(true);
    expect(apart(afternoon, parseMoment("30 October 2024", madrid)!)).toBe(false);
  });

  test("a weekday resolves backwards from publication, in the zone", () => {
    expect(iso(parseMoment("Tuesday evening", madrid)?.start)).toBe("2024-10-29T17:00:00.000Z");
    expect(parseMoment("no time here", madrid)).toBeNull();
  });

  test("a quote's own time, apart from its value", () => {
    const thursday = { referenceDate: new Date("2024-10-31T21:05:00+01:00"), timeZone: "Europe/Madrid" };
    const m = momentInQuote("climbed to 158 on Thursday evening", "158", thursday)!;
    expect(iso(m.start)).toBe("2024-10-31T17:00:00.000Z");
    expect(momentInQuote("At least 51 people have died", "At least 51", thursday)).toBeNull();
    expect(dayWordsIn("20:11 local time (19:11 GMT) last Tuesday")).toBe("last Tuesday");
  });
});

describe("the time kind of value", () => {
  test("reads a time with its zone and precision", () => {
    const r = parseValue("1911 GMT on Tuesday", "time", madrid);
    expect(r).toMatchObject({ ok: true, value: { kind: "time", start: "2024-10-29T19:11:00.000Z", precision: "minute" } });
  });

  test("takes its day from the quote when the value names none", () => {
    const r = parseValue("20:11 local time", "time", { ...madrid, quote: "20:11 local time (19:11 GMT) last Tuesday" });
    expect(r).toMatchObject({ ok: true, value: { start: "2024-10-29T19:11:00.000Z" } });
  });

  test("is detected from the text, and refuses what has no time of day", () => {
    expect(parseValue("16:30 local time", undefined, madrid)).toMatchObject({ ok: true, value: { kind: "time" } });
    expect(parseValue("last Tuesday", "time", madrid)).toMatchObject({ ok: false });
  });
});

describe("what reviewers found", () => {
  const ny = { referenceDate: new Date("2024-10-30T09:40:00Z"), timeZone: "Europe/Madrid" };
  test("abbreviations keep their own offset, and describe without a crash", () => {
    for (const [text, start, shown] of [
      ["9:37 a.m. EDT", "2024-10-30T13:37:00.000Z", "09:37 EDT"],
      ["16:30 BST", "2024-10-30T15:30:00.000Z", "16:30 BST"],
      ["9am ET", "2024-10-30T13:00:00.000Z", "New York time"],
    ] as const) {
      const r = parseValue(text, "time", ny);
      expect(r).toMatchObject({ ok: true, value: { start } });
      expect(r.ok && r.reading).toContain(shown);
    }
  });

  test("abbreviations count only in capitals; last night is the night before", () => {
    expect(parseMoment("16:30 west of town", ny)).toBeNull();
    expect(iso(parseMoment("last night", ny)?.start)).toBe("2024-10-29T19:00:00.000Z");
  });

  test("a zoned time with its local time in brackets reads the zoned one", () => {
    expect(iso(parseMoment("19:11 GMT (20:11 local time)", { ...ny, timeZone: "UTC" })?.start)).toBe("2024-10-30T19:11:00.000Z");
  });
});

describe("zone labels read back from storage", () => {
  test("a label that is a word an object has, such as constructor, is an unknown zone, read as UTC", () => {
    const start = Date.parse("2024-10-30T19:11:00Z");
    for (const zone of ["constructor", "toString", "__proto__"]) {
      expect(describeMoment({ start, end: start + 60_000, precision: "minute", zone, timed: true })).toBe("Wed, 30 Oct 2024, 19:11 UTC");
    }
  });
});
