/**
 * Who gives a figure, when the analyst did not fill "according to" but the words say it: a note
 * ("According to Aemet.") or the text right after the quote ("…7.8, according to the US
 * Geological Survey"). Detection reads a claim's source this way, so that two agencies' figures
 * are different measures even in annotations made before the qualifier existed. Pure.
 */

const ACCORDING =
  /\b(?:according to|as reported by|citing)\s+(?<who>(?:the\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{N}'’&.-]*){0,6})/u;

/** The words ACCORDING starts with: without them it cannot match (a cheap look first). */
const MAY_NAME_SOURCE = /according to|as reported by|citing/;

/** Words that name the text itself, not a source: "according to the article". */
const NOT_A_SOURCE = /^(?:the\s+)?(?:article|report|story|text|piece|reports?|sources?|this|that|it)$/i;

/** The source a note names ("According to the mayor, Maribel Albalat." → "the mayor"), or "". */
export function attributionInNote(note: string): string {
  const who = note.match(/\baccording to\s+(?<who>[^.;,()]+)/i)?.groups?.who?.trim() ?? "";
  return NOT_A_SOURCE.test(who) ? "" : who;
}

/** Letters of a source's name to compare: "the U.S. Geological Survey" → "usgeologicalsurvey". */
const letters = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/^the\s+/i, "")
    .replace(/[^\p{L}\p{N}]+/gu, "")
    .toLowerCase();

/** "US Geological Survey" → "usgs": capitals of each word, whole words in capitals kept. */
const initials = (name: string) =>
  name
    .replace(/\./g, "")
    .replace(/^the\s+/i, "")
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => (w === w.toUpperCase() ? w : w[0]!))
    .join("")
    .toLowerCase();

/** Whether two sources are one: the same name ("the Interior Ministry" / "Interior Ministry") or one the other's acronym ("USGS"). */
export function sameSource(a: string, b: string): boolean {
  const [x, y] = [letters(a), letters(b)];
  if (x === y) return true;
  return (x.length <= 6 && x === initials(b)) || (y.length <= 6 && y === initials(a));
}

/** The source named just after a quote (", according to Aemet"), or "". Only within the same clause. */
export function attributionAfter(after: string): string {
  // The first clause, cut out rather than split from the rest (this runs for every claim).
  const end = after.search(/[.;!?]/);
  const clause = end < 0 ? after : after.slice(0, end);
  if (clause.length > 60 || !MAY_NAME_SOURCE.test(clause)) return "";
  const m = clause.match(ACCORDING);
  return m?.groups?.who?.replace(/[.,]+$/, "").trim() ?? "";
}

/** A claim's source: what the analyst wrote, else what its note or the words after it say. */
export function sourceOf(claim: { accordingTo?: string; note?: string; after?: string }): string {
  return claim.accordingTo || attributionInNote(claim.note ?? "") || attributionAfter(claim.after ?? "");
}
