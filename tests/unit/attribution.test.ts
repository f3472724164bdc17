import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { attributionAfter, attributionInNote, sameSource, sourceOf } from "@/lib/domain/attribution.ts";

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

  test("only the first clause is read, whatever the text after the quote", () => {
    // As first written: the text split at every clause's end, the pattern tried on the first.
    const ACCORDING =
      /\b(?:according to|as reported by|citing)\s+(?<who>(?:the\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{N}'’&.-]*){0,6})/u;
    const reference = (after: string) => {
      const clause = after.split(/[.;!?]/)[0] ?? "";
      if (clause.length > 60) return "";
      return (
        clause
          .match(ACCORDING)
          ?.groups?.who?.replace(/[.,]+$/, "")
          .trim() ?? ""
      );
    };
    const piece = fc.constantFrom(
      " ",
      ", ",
      "according to ",
      "As reported by ",
      "citing ",
      "the ",
      "US ",
      "Aemet",
      "survey",
      ".",
      ";",
      "!",
      "?",
      "x",
      "É",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const after = pieces.join("");
        expect(attributionAfter(after)).toBe(reference(after));
      }),
      { numRuns: 2000 },
    );
  });

  test("the analyst's own qualifier wins", () => {
    expect(sourceOf({ accordingTo: "AFAD", note: "According to USGS." })).toBe("AFAD");
    expect(sourceOf({ note: "", after: ", according to EMSC" })).toBe("EMSC");
  });
});

describe("one source under two names", () => {
  test.each([
    ["the US Geological Survey", "USGS", true],
    ["U.S. Geological Survey", "USGS", true],
    ["the Interior Ministry", "Interior Ministry", true],
    ["Aemet", "Avamet", false],
    ["USGS", "EMSC", false],
  ])("%s / %s → %s", (a, b, same) => {
    expect(sameSource(a, b)).toBe(same);
  });

  test("a note that names the article itself gives no source", () => {
    expect(attributionInNote("According to the article, the toll rose.")).toBe("");
  });
});
