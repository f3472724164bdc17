/**
 * Who gives a figure, when the analyst did not fill "according to" but the words say it: a note
 * ("According to Aemet.") or the text right after the quote ("…7.8, according to the US
 * Geological Survey"). Detection reads a claim's source this way, so that two agencies' figures
 * are different measures even in annotations made before the qualifier existed. Pure.
 */

const ACCORDING =
  /\b(?:according to|as reported by|citing)\s+(?<who>(?:the\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{N}'’&.-]*){0,6})/u;

/** The source a note names ("According to the mayor, Maribel Albalat." → "the mayor"), or "". */
export function attributionInNote(note: string): string {
  const m = note.match(/\baccording to\s+(?<who>[^.;,()]+)/i);
  return m?.groups?.who?.trim() ?? "";
}

/** The source named just after a quote (", according to Aemet"), or "". Only within the same clause. */
export function attributionAfter(after: string): string {
  const clause = after.split(/[.;!?]/)[0] ?? "";
  if (clause.length > 60) return "";
  const m = clause.match(ACCORDING);
  return m?.groups?.who?.replace(/[.,]+$/, "").trim() ?? "";
}

/** A claim's source: what the analyst wrote, else what its note or the words after it say. */
export function sourceOf(claim: { accordingTo?: string; note?: string; after?: string }): string {
  return claim.accordingTo || attributionInNote(claim.note ?? "") || attributionAfter(claim.after ?? "");
}
