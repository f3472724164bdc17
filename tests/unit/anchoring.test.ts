import { describe, expect, test } from "vitest";
import { anchorInText, describeSelection, segmentText, sentenceAround, tidySelection } from "@/lib/domain/anchoring.ts";

const body = "Anthropic, valued at $18.4 billion, continues to grow. Rivals say Anthropic, valued at $18.4 billion, is overvalued.";

function select(text: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  return describeSelection(text, at, at + quote.length);
}

describe("re-finding a claim's words", () => {
  test("by position when the text is unchanged", () => {
    const anchor = select(body, "valued at $18.4 billion", 1);
    expect(anchorInText(body, anchor)).toMatchObject({ method: "position", start: anchor.position.start });
  });

  test("by the exact words, choosing the repeat whose context matches, when the position moved", () => {
    const anchor = select(body, "valued at $18.4 billion", 1);
    const edited = `Update: ${body}`;
    const found = anchorInText(edited, anchor)!;
    expect(found.method).toBe("quote");
    expect(found.start).toBe(anchor.position.start + "Update: ".length);
  });

  test("approximately, when the words were lightly edited", () => {
    const anchor = select(body, "continues to grow", 0);
    const edited = body.replace("continues to grow", "continue to grow");
    const found = anchorInText(edited, anchor)!;
    expect(found.method).toBe("fuzzy");
    expect(edited.slice(found.start, found.end)).toMatch(/continues? to grow/);
  });

  test("not at all when the words are gone: the claim is orphaned, not moved onto other words", () => {
    const anchor = select(body, "is overvalued", 0);
    expect(anchorInText("Anthropic, valued at $18.4 billion, continues to grow.", anchor)).toBeNull();
  });
});

describe("hard Unicode", () => {
  const cases: [string, string, string][] = [
    ["emoji before the quote", "Launch 🎉🎉 day: valued at $183 billion.", "valued at $183 billion"],
    ["combining accents", "Le cafe\u0301 de Ame\u0301lie a été vendu 3 millions d'euros.", "3 millions d'euros"],
    ["curly quotes", "The company called it a “supply chain risk” on Friday.", "“supply chain risk”"],
    ["right-to-left script", "قال المتحدث إن الشركة Anthropic تقدر بـ 183 مليار دولار.", "183 مليار دولار"],
    ["emoji inside the quote", "The team 👩‍💻 shipped Claude 3.5 in 2024.", "👩‍💻 shipped Claude 3.5"],
  ];
  test.each(cases)("%s", (_name, text, quote) => {
    const anchor = select(text, quote);
    expect(anchor.position.end - anchor.position.start).toBe(quote.length);
    const moved = `Prefix ✓ ${text}`;
    const found = anchorInText(moved, anchor)!;
    expect(moved.slice(found.start, found.end)).toBe(quote);
  });

  test("a selection never splits an emoji or separates an accent from its letter", () => {
    const text = "Go 🎉 cafe\u0301 now";
    const emoji = text.indexOf("🎉");
    // Starting inside the surrogate pair moves back to include the whole emoji.
    expect(tidySelection(text, emoji + 1, emoji + 2)).toEqual({ start: emoji, end: emoji + 2 });
    const accent = text.indexOf("\u0301");
    // Ending between "e" and its accent takes the accent too.
    expect(tidySelection(text, text.indexOf("cafe"), accent)).toEqual({ start: text.indexOf("cafe"), end: accent + 1 });
  });

  test("white space around a selection is dropped", () => {
    expect(tidySelection("  word  ", 0, 8)).toEqual({ start: 2, end: 6 });
    expect(tidySelection("   ", 0, 3)).toBeNull();
  });
});

describe("overlapping and adjacent highlights", () => {
  test("each run of text knows every claim covering it", () => {
    const a = { id: "a", start: 0, end: 10 };
    const b = { id: "b", start: 5, end: 15 };
    const c = { id: "c", start: 15, end: 20 };
    const runs = segmentText(0, 25, [a, b, c]).map((r) => [r.start, r.end, r.items.map((i) => i.id).join("")]);
    expect(runs).toEqual([
      [0, 5, "a"],
      [5, 10, "ab"],
      [10, 15, "b"],
      [15, 20, "c"],
      [20, 25, ""],
    ]);
  });
});

describe("the sentence around a quote", () => {
  const text = "First one. The company was valued at $18.4 billion in 2024. Then more.\nNext paragraph.";
  const at = (quote: string) => [text.indexOf(quote), text.indexOf(quote) + quote.length] as const;

  test("runs from the previous sentence end to the next", () => {
    expect(sentenceAround(text, ...at("valued at $18.4 billion"))).toEqual({
      before: "The company was ",
      quote: "valued at $18.4 billion",
      after: " in 2024.",
    });
  });

  test("stops at a line break, and marks cut text with an ellipsis only when the text goes on", () => {
    expect(sentenceAround(text, ...at("Next"))).toEqual({ before: "", quote: "Next", after: " paragraph." });
    const long = `${"word ".repeat(100)}target ${"more ".repeat(100)}`;
    const s = sentenceAround(long, long.indexOf("target"), long.indexOf("target") + 6, 40);
    expect(s.before.startsWith("…")).toBe(true);
    expect(s.after.endsWith("…")).toBe(true);
  });
});
