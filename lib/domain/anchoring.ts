/**
 * Where a claim sits in its article. A claim keeps both a W3C TextQuoteSelector (the exact words
 * with some words either side) and a TextPositionSelector. Everything here works on JavaScript
 * strings, so offsets are UTF-16 units; the data layer stores code points and converts at the
 * boundary (lib/domain/offsets.ts).
 * Finding it again tries the position, then the exact words (choosing among repeats by context
 * and nearness), then an approximate match scored on quote, context and nearness. What cannot be
 * found is reported as orphaned: never a highlight on the wrong words.
 */
import search from "approx-string-match";
import { distance } from "fastest-levenshtein";

export type TextQuoteSelector = { exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { start: number; end: number };
export type TextAnchor = { quote: TextQuoteSelector; position: TextPositionSelector };

export type AnchorMatch = { start: number; end: number; method: "position" | "quote" | "fuzzy"; score: number };

export const CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isMark = (ch: string) => /\p{M}/u.test(ch);

/**
 * A selection made in the browser, made safe to store: surrounding white space dropped, and
 * never starting or ending inside an emoji (a surrogate pair) or between a letter and its accent.
 */
export function tidySelection(body: string, start: number, end: number): TextPositionSelector | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(body.length, Math.max(start, end));
  while (s < e && /\s/.test(body[s]!)) s++;
  while (e > s && /\s/.test(body[e - 1]!)) e--;
  if (s > 0 && isLowSurrogate(body.charCodeAt(s)) && isHighSurrogate(body.charCodeAt(s - 1))) s--;
  while (s > 0 && isMark(body[s]!)) s--;
  if (e < body.length && isLowSurrogate(body.charCodeAt(e)) && isHighSurrogate(body.charCodeAt(e - 1))) e++;
  while (e < body.length && isMark(body[e]!)) e++;
  return e > s ? { start: s, end: e } : null;
}

/** Both selectors for the text between start and end of the body. */
export function describeSelection(body: string, start: number, end: number, context = CONTEXT_LENGTH): TextAnchor {
  return {
    quote: {
      exact: body.slice(start, end),
      prefix: body.slice(Math.max(0, start - context), start),
      suffix: body.slice(end, Math.min(body.length, end + context)),
    },
    position: { start, end },
  };
}

/** Finds the anchor's words in the body, or null when they are no longer there (orphaned). */
export function anchorInText(body: string, anchor: TextAnchor): AnchorMatch | null {
  const { exact } = anchor.quote;
  if (!exact) return null;
  const { start, end } = anchor.position;
  if (start >= 0 && end <= body.length && body.slice(start, end) === exact) {
    return { start, end, method: "position", score: 1 };
  }
  return findExact(body, anchor) ?? findApproximate(body, anchor);
}

function findExact(body: string, anchor: TextAnchor): AnchorMatch | null {
  const { exact } = anchor.quote;
  let best: AnchorMatch | null = null;
  for (let i = body.indexOf(exact); i !== -1; i = body.indexOf(exact, i + 1)) {
    const score = 0.5 + 0.5 * contextScore(body, anchor, i, i + exact.length);
    if (!best || score > best.score) best = { start: i, end: i + exact.length, method: "quote", score };
  }
  return best;
}

function findApproximate(body: string, anchor: TextAnchor): AnchorMatch | null {
  const { exact } = anchor.quote;
  const maxErrors = Math.min(256, Math.floor(exact.length / 4));
  if (maxErrors === 0) return null;
  let best: AnchorMatch | null = null;
  for (const candidate of search(body, exact, maxErrors)) {
    const quoteScore = 1 - candidate.errors / exact.length;
    const score = 0.5 * quoteScore + 0.5 * contextScore(body, anchor, candidate.start, candidate.end);
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, method: "fuzzy", score };
  }
  // Close wording alone is not enough when the surroundings no longer agree.
  return best && best.score >= 0.6 ? best : null;
}

/** 0–1: how well the text around a candidate matches the stored prefix and suffix, and how near it is. */
function contextScore(body: string, anchor: TextAnchor, start: number, end: number): number {
  const { prefix, suffix } = anchor.quote;
  const similarity = (expected: string, actual: string) =>
    expected.length === 0 ? 1 : 1 - distance(expected, actual) / Math.max(expected.length, actual.length);
  const prefixScore = similarity(prefix, body.slice(Math.max(0, start - prefix.length), start));
  const suffixScore = similarity(suffix, body.slice(end, end + suffix.length));
  const nearness = 1 - Math.min(1, Math.abs(start - anchor.position.start) / Math.max(body.length, 1));
  return 0.4 * prefixScore + 0.4 * suffixScore + 0.2 * nearness;
}

export type Highlight<T> = { start: number; end: number; items: T[] };

/**
 * Splits a block of text into runs, each covered by the same set of anchored items, so that
 * overlapping and adjacent claims all show: [{start, end, items: []}, {…, items: [a]}, {…, items: [a, b]}].
 */
export function segmentText<T extends { start: number; end: number }>(from: number, to: number, items: T[]): Highlight<T>[] {
  const inside = items.filter((i) => i.end > from && i.start < to);
  const cuts = new Set<number>([from, to]);
  for (const i of inside) {
    cuts.add(Math.max(from, i.start));
    cuts.add(Math.min(to, i.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Highlight<T>[] = [];
  for (let k = 0; k < points.length - 1; k++) {
    const start = points[k]!;
    const end = points[k + 1]!;
    runs.push({ start, end, items: inside.filter((i) => i.start <= start && i.end >= end) });
  }
  return runs;
}

/**
 * The sentence holding [start, end) of a text, split around the quote so a screen can mark it:
 * from the last sentence end (or line break) before, to the next one after, at most `max` either side.
 */
export function sentenceAround(text: string, start: number, end: number, max = 240): { before: string; quote: string; after: string } {
  const head = text.slice(Math.max(0, start - max), start);
  const tail = text.slice(end, end + max);
  const cut = Math.max(
    head.lastIndexOf("\n"),
    ...[...head.matchAll(/[.!?]["”’)]?\s+(?=["“‘(]?\p{Lu})/gu)].map((m) => m.index! + m[0].length - 1),
  );
  const before = (cut >= 0 ? head.slice(cut + 1) : start > max ? `…${head}` : head).trimStart();
  const stop = tail.search(/[.!?](?=["”’)]?(\s|$))|\n/);
  const after = stop >= 0 ? tail.slice(0, stop + (tail[stop] === "\n" ? 0 : 1)) : end + max < text.length ? `${tail}…` : tail;
  return { before, quote: text.slice(start, end), after: after.replace(/\s+$/, "") };
}
