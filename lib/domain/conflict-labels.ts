import type { ConflictKind } from "@/lib/domain/conflicts.ts";

/**
 * How each kind of conflict is named on screen. Kept apart from lib/domain/conflicts.ts, whose
 * rules bring the value and date parsers along: the reader names kinds without loading those.
 */
export const KIND_LABELS: Record<ConflictKind, string> = {
  value: "Value",
  scale: "Scale slip",
  temporal: "Changed over time",
  set: "Lists differ",
  naming: "Naming",
  misattribution: "Misattribution",
  correction: "Correction",
  manual: "Marked by hand",
  measure: "Different measures",
  containment: "Part and whole",
};

/** Whether a word from a query string is a kind: own keys only, "constructor" is none. */
export const isConflictKind = (value: string): value is ConflictKind => Object.hasOwn(KIND_LABELS, value);
