import { lowerBound } from "@/lib/domain/sorted.ts";

const PLAIN = /^[ -~\t\n\r]*$/;
/** In plain text: a space that folding would change (leading, trailing, doubled, not a space). */
const LOOSE_SPACE = /^ | $|  |[\t\n\r]/;

/** Folding for comparison and lookup: NFC, case folded, accents and surrounding space removed. */
export function foldText(text: string): string {
  // Printable ASCII has nothing to decompose, no accents, no typographic quotes: only case and
  // spaces fold. Most text is, and the full folding costs twice as much (detection folds every quote).
  // Spaces fold only when some are not single spaces between words: most text has none, and
  // detection folds every claim's words (one new string, not three).
  if (PLAIN.test(text)) {
    const lower = text.toLowerCase();
    return LOOSE_SPACE.test(lower) ? lower.replace(/\s+/g, " ").trim() : lower;
  }
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLocaleLowerCase("en")
    .replace(/ß/g, "ss")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/gu, " ")
    .trim()
    .normalize("NFC");
}

/** A URL-safe identifier from a title: "Anthropic and the Pentagon" → "anthropic-and-the-pentagon". */
export function slugify(text: string, maxLength = 60): string {
  const slug = foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "");
}

/** The line breaks of the last body asked about (see `lineStartOf`). */
let lines: { body: string; breaks: Int32Array } | null = null;

/**
 * Where the line holding place `at` starts (UTF-16): just after the last line break before it,
 * found by binary search over the body's line breaks, listed once per body: asked
 * for every figure of a body written as one long line, the scan back would cost the square.
 */
export function lineStartOf(body: string, at: number): number {
  if (lines?.body !== body) {
    const found: number[] = [];
    for (let i = body.indexOf("\n"); i >= 0; i = body.indexOf("\n", i + 1)) found.push(i);
    lines = { body, breaks: Int32Array.from(found) };
  } else {
    // The same text may come as another string (the body read again for the next request): held
    // as the one asked about, the next call's check is the engine's identity test, not a
    // comparison of megabytes character by character, for every figure.
    lines.body = body;
  }
  const { breaks } = lines;
  const low = lowerBound(breaks, at);
  return low ? breaks[low - 1]! + 1 : 0;
}

/**
 * A dateline opening a report: the place in capitals, perhaps its country or the day, perhaps the
 * agency (the group `agency`), then a dash: "NAIROBI, March 4 —", "NEW YORK, March 4 (Reuters) -",
 * "KAHRAMANMARAŞ, Turkey, Feb 7 (AP) —", "WASHINGTON D.C. (Reuters) —", "WASHINGTON —". Its words
 * are the report's, not the story's. A hyphen between two words joins them ("US-China talks"): a
 * dateline's hyphen has a space on at least one side ("NAIROBI- ", "KYIV, March 4- ").
 */
export const DATELINE =
  /^\s*\p{Lu}{2,}(?:[\s.'’-]+(?:\p{Lu}{2,}|\p{Lu}\.(?:\p{Lu}\.)+))*\.?(?:,\s*[\p{L}.]+(?:\s+[\p{L}\d.]+){0,3}){0,2}\s*(?:\((?<agency>[^)]{1,40})\)\s*)?(?:(?<=[\s)])-|-(?=\s)|[–—])\s*/u;
