import { describe, expect, test } from "vitest";
import { attributionAfter, attributionInNote, sourceOf } from "@/lib/domain/attribution.ts";

describe("who gives a figure", () => {
  test.each([
    ["According to Aemet.", "Aemet"],
    ["According to the mayor, Maribel Albalat.", "the mayor"],
    ["By mid-afternoon on Wednesday, according to a central government official.", "a central government official"],
    ["The article's correction: an earlier version said 52.", ""],
  ])("note %s → %s", (note, who) => {
    expect(attributionInNote(note)).toBe(who);
  });

  test.each([
    [", according to the US Geological Survey. It struck", "the US Geological Survey"],
    [" according to Aemet, fell in eight hours", "Aemet"],
    [" people, and officials said more", ""],
    [" per square metre fell in eight hours", ""],
    [", according to a local official", ""],
    [". According to Reuters, the next figure", ""],
  ])("after %s → %s", (after, who) => {
    expect(attributionAfter(after)).toBe(who);
  });

  test("the analyst's own qualifier wins", () => {
    expect(sourceOf({ accordingTo: "AFAD", note: "According to USGS." })).toBe("AFAD");
    expect(sourceOf({ note: "", after: ", according to EMSC" })).toBe("EMSC");
  });
});
