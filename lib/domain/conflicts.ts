/**
 * Finding where claims disagree (issue 4, first part: the rules, pure). Claims are compared
 * within one canonical subject and attribute; names are compared across entities. Each finding
 * carries a stable key, so re-running detection updates a conflict instead of adding another.
 */
import { distance } from "fastest-levenshtein";
import type { ClaimStatus, EntityKind } from "@/lib/domain/claims.ts";
import { foldText } from "@/lib/domain/text.ts";
import type { ResolutionKind } from "@/lib/domain/inputs.ts";
import type { NormalizedValue, NumericValue } from "@/lib/domain/values.ts";

export type ConflictKind = "value" | "scale" | "temporal" | "set" | "naming" | "misattribution" | "correction" | "manual";

export type DetectionClaim = {
  id: string;
  articleId: string;
  subjectId: string;
  attribute: string;
  status: ClaimStatus;
  value: NormalizedValue;
  /** Start of the as-of range (YYYY-MM-DD), when the claim has one. */
  asOf: string | null;
  /** The quote sits in a passage where the article corrects itself ("Correction: ..."). */
  inCorrection?: boolean;
  /** For text values: the canonical entity the text names (by name or alias), when it names one. */
  valueEntityId?: string | null;
};

export type DetectedConflict = {
  key: string;
  kind: ConflictKind;
  claimIds: string[];
  entityIds: string[];
  summary: string;
  suggestion: string | null;
};

type Verdict = { kind: ConflictKind; why: string } | null;

const isNumeric = (v: NormalizedValue): v is NumericValue => v.kind === "money" || v.kind === "number" || v.kind === "percentage";

/** Two intervals with a null bound open on that side: do they share any point? */
function overlaps(aLow: number | null, aHigh: number | null, bLow: number | null, bHigh: number | null): boolean {
  return (aHigh === null || bLow === null || bLow <= aHigh) && (bHigh === null || aLow === null || aLow <= bHigh);
}

/** 183 / 18.4 ≈ 9.95: within 5% of a power of ten, a likely million/billion or decimal slip. */
export function looksLikeScaleSlip(a: number, b: number): boolean {
  if (a <= 0 || b <= 0) return false;
  const ratio = Math.max(a, b) / Math.min(a, b);
  if (ratio < 5) return false;
  const power = 10 ** Math.round(Math.log10(ratio));
  return Math.abs(ratio - power) / power <= 0.05;
}

const midpoint = (v: NumericValue) => v.point ?? (v.low !== null && v.high !== null ? (v.low + v.high) / 2 : (v.low ?? v.high ?? 0));

/** Spaces and hyphens aside: "north-west", "north west" and "northwest" are one text. */
const compact = (folded: string) => folded.replace(/[\s\u002d\u2010-\u2015]+/g, "");

/** How two claims about the same subject and attribute disagree, if they do. */
export function compareClaims(a: DetectionClaim, b: DetectionClaim): Verdict {
  const x = a.value;
  const y = b.value;
  let differ = false;
  let slip = false;
  if (isNumeric(x) && isNumeric(y)) {
    if (x.kind !== y.kind || (x.unit ?? "") !== (y.unit ?? "")) return null; // not comparable as written
    differ = !overlaps(x.low, x.high, y.low, y.high);
    slip = differ && looksLikeScaleSlip(midpoint(x), midpoint(y));
  } else if (x.kind === "date" && y.kind === "date") {
    if (!x.resolved || !y.resolved) return null;
    differ = !overlaps(Date.parse(x.start!), Date.parse(x.end!), Date.parse(y.start!), Date.parse(y.end!));
  } else if (x.kind === "list" && y.kind === "list") {
    differ = !(x.folded.length === y.folded.length && x.folded.every((item) => y.folded.includes(item)));
  } else if ((x.kind === "text" || x.kind === "entity") && (y.kind === "text" || y.kind === "entity")) {
    // "the Pentagon" and "U.S. Department of Defense" agree when both name one entity.
    differ = compact(x.folded) !== compact(y.folded) && !(a.valueEntityId && a.valueEntityId === b.valueEntityId);
  } else {
    return null;
  }
  if (!differ) return null;
  if (a.articleId === b.articleId && (a.inCorrection || b.inCorrection)) {
    return { kind: "correction", why: "The article corrects itself: one of these values is the one it says was wrong." };
  }
  if (a.asOf && b.asOf && a.asOf !== b.asOf) {
    return { kind: "temporal", why: "The values differ but are given as of different dates: both may be right, at different times." };
  }
  if (x.kind === "list") return { kind: "set", why: "The lists name different members." };
  if (slip) return { kind: "scale", why: "The figures differ by about a power of ten: likely a unit or decimal slip." };
  return { kind: "value", why: "The values cannot both be true." };
}

/**
 * How much an open conflict of each kind matters, for the queue's order (then how many sources
 * disagree): a likely slip or a misattributed figure first, a change over time last.
 */
export const QUEUE_KIND_WEIGHT: Record<ConflictKind, number> = {
  scale: 6,
  misattribution: 5,
  value: 5,
  correction: 4,
  naming: 4,
  manual: 4,
  set: 3,
  temporal: 2,
};

export const KIND_LABELS: Record<ConflictKind, string> = {
  value: "Value",
  scale: "Scale slip",
  temporal: "Different dates",
  set: "Lists differ",
  naming: "Naming",
  misattribution: "Misattribution",
  correction: "Correction",
  manual: "Marked by hand",
};

export const RESOLUTION_LABELS: Record<ResolutionKind, string> = {
  accept_claim: "Accepted one claim",
  reconciled_value: "Reconciled value",
  both_valid: "Both valid",
  merge_entities: "Merged entities",
  annotation_mistake: "Annotation mistake",
  not_a_conflict: "Not a conflict",
};

export const SUGGESTIONS: Record<ConflictKind, string> = {
  correction: "Accept the corrected value: the value the article withdrew becomes superseded.",
  scale: "Likely a unit slip (million/billion or a decimal point): check each source's figure.",
  value: "Accept the best-sourced value, or record a reconciled one.",
  set: "Compare the lists: one source may be incomplete rather than wrong.",
  temporal: "Both valid, at different times: record the as-of dates.",
  naming: "Merge the two entities if they are the same.",
  misattribution: "Check which subject the figure belongs to.",
  manual: "Read the quotes side by side and decide.",
};

/** When one group holds several kinds of disagreement, the conflict takes the most telling. */
const PRIORITY: ConflictKind[] = ["correction", "scale", "value", "set", "temporal"];

/** The detection key of a subject + attribute group: one conflict per group, whatever its kind. */
export const groupKey = (subjectId: string, attribute: string) => `claims:${subjectId}:${attribute}`;

/**
 * The conflict within one subject and attribute, if any. Only active claims count. The conflict
 * holds every claim that takes part in a disagreement, and takes the kind of the most telling
 * disagreement among them (a correction over a scale slip over a plain value conflict...).
 */
export function detectGroupConflicts(claims: DetectionClaim[]): DetectedConflict[] {
  const active = claims.filter((c) => c.status === "active");
  const ids = new Set<string>();
  const verdicts = new Map<ConflictKind, string>();
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const verdict = compareClaims(active[i]!, active[j]!);
      if (!verdict) continue;
      ids.add(active[i]!.id).add(active[j]!.id);
      verdicts.set(verdict.kind, verdict.why);
    }
  }
  const first = active[0];
  const kind = PRIORITY.find((k) => verdicts.has(k));
  if (!first || !kind) return [];
  return [
    {
      key: groupKey(first.subjectId, first.attribute),
      kind,
      claimIds: [...ids].sort(),
      entityIds: [first.subjectId],
      summary: verdicts.get(kind)!,
      suggestion: SUGGESTIONS[kind],
    },
  ];
}

/** The figure a claim gives, as misattribution compares it, or null when it gives none. */
export function figureKey(value: NormalizedValue): string | null {
  return isNumeric(value) && value.point !== null ? `${value.kind}:${value.unit ?? ""}:${value.point}` : null;
}

/**
 * The same figure (same kind, unit and interval) given for different subjects in different
 * articles: "$183 billion" as Anthropic's valuation and as the AI industry's size.
 */
export function detectMisattributions(claims: DetectionClaim[]): DetectedConflict[] {
  const byFigure = new Map<string, DetectionClaim[]>();
  for (const c of claims) {
    const key = c.status === "active" ? figureKey(c.value) : null;
    if (!key) continue;
    byFigure.set(key, [...(byFigure.get(key) ?? []), c]);
  }
  const found: DetectedConflict[] = [];
  for (const [figure, group] of byFigure) {
    const subjects = new Set(group.map((c) => c.subjectId));
    const articles = new Set(group.map((c) => c.articleId));
    if (subjects.size < 2 || articles.size < 2) continue;
    found.push({
      key: `misattribution:${figure}`,
      kind: "misattribution",
      claimIds: group.map((c) => c.id).sort(),
      entityIds: [...subjects].sort(),
      summary: "The same figure is given for different subjects.",
      suggestion: SUGGESTIONS.misattribution,
    });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Names

export type NamedEntity = { id: string; name: string; kind: EntityKind; aliases: string[] };

const STOP = new Set(["the", "of", "and", "for", "a", "an"]);
const tokens = (name: string) =>
  foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t && !STOP.has(t));

/** "the Pentagon's Michael" → "Michael"; "Secretary of Defense Pete Hegseth" stays (a title is not a possessive). */
export function stripPossessivePrefix(name: string): string {
  return name.replace(/^(?:the\s+)?[\p{L}.\s-]+[’']s\s+/iu, "").trim();
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!)
    .join("")
    .toLowerCase();
}

/** Why two names probably name one thing, or null. */
export function namesLikelySame(a: string, b: string): string | null {
  const fa = foldText(a);
  const fb = foldText(b);
  if (!fa || !fb || fa === fb) return fa === fb && fa ? "The names are the same." : null;
  // "2019 final" and "2018 final", "Route 9" and "Route 19": names that differ in their numbers are different things.
  if ((fa.match(/\d+/g) ?? []).join(" ") !== (fb.match(/\d+/g) ?? []).join(" ")) return null;
  const pa = foldText(stripPossessivePrefix(a));
  const pb = foldText(stripPossessivePrefix(b));
  if ((pa !== fa || pb !== fb) && pa && pb && (pa === pb || pa === fb || pb === fa))
    return "One name is the other with a possessive prefix.";
  const ta = tokens(a);
  const tb = tokens(b);
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length > 0 && short.length < long.length && short.every((t) => long.includes(t))) {
    return "One name is part of the other.";
  }
  const compactA = a.replace(/[^\p{L}]/gu, "");
  const compactB = b.replace(/[^\p{L}]/gu, "");
  const [acronym, full] = compactA.length <= compactB.length ? [compactA, b] : [compactB, a];
  if (acronym.length >= 2 && acronym.length <= 6 && !/\s/.test(acronym) && initials(full) === acronym.toLowerCase()) {
    return "One name is the acronym of the other.";
  }
  if (Math.min(fa.length, fb.length) >= 6 && distance(fa, fb) <= Math.max(1, Math.floor(Math.min(fa.length, fb.length) / 8))) {
    return "The names differ by a letter or two.";
  }
  // "the Pentagon's Michael" / "Emil Michael": compare what is left without the prefix.
  if (pa !== fa && namesLikelySame(stripPossessivePrefix(a), b)) return "One name, without its possessive prefix, matches the other.";
  if (pb !== fb && namesLikelySame(a, stripPossessivePrefix(b))) return "One name, without its possessive prefix, matches the other.";
  return null;
}

/**
 * Entities that are probably one, among entities of the same kind, comparing every name and
 * alias. Pairs already decided to be different are never proposed again.
 */
export function detectNamingConflicts(
  entities: NamedEntity[],
  decidedDifferent: Set<string> = new Set(),
  /** Only pairs involving one of these entities (after an entity or alias changed). */
  focus?: Set<string>,
): DetectedConflict[] {
  const found: DetectedConflict[] = [];
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      const a = entities[i]!;
      const b = entities[j]!;
      if (a.kind !== b.kind || (focus && !focus.has(a.id) && !focus.has(b.id))) continue;
      const pair = [a.id, b.id].sort();
      const key = `naming:${pair.join(":")}`;
      if (decidedDifferent.has(key)) continue;
      let why: string | null = null;
      outer: for (const x of [a.name, ...a.aliases]) {
        for (const y of [b.name, ...b.aliases]) {
          why = namesLikelySame(x, y);
          if (why) break outer;
        }
      }
      if (!why) continue;
      found.push({
        key,
        kind: "naming",
        claimIds: [],
        entityIds: pair,
        summary: why,
        suggestion: SUGGESTIONS.naming,
      });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Corrections and the whole picture

const CORRECTION_OPENING = /^\s*(?:correction|clarification|editor[’']s note|update)\b/i;
const CORRECTION_WORDS =
  /\b(?:an earlier version|previously (?:reported|stated)|misstated|misreported|incorrectly (?:stated|reported|said)|has been (?:corrected|updated))\b/i;

/**
 * Whether words sit where an article corrects itself: the paragraph holding them opens with
 * "Correction:" (or "Clarification", "Editor's note") or speaks of an earlier version.
 * `before` is the article's text before the quote (only its last paragraph matters).
 */
export function isCorrectionPassage(before: string, quote: string): boolean {
  const paragraph = (before.slice(-600).split(/\n/).at(-1) ?? "") + quote;
  return CORRECTION_OPENING.test(paragraph) || CORRECTION_WORDS.test(paragraph);
}

/** Everything detection finds in an investigation, from scratch. Keys are unique. */
export function detectAll(
  claims: DetectionClaim[],
  entities: NamedEntity[],
  decidedDifferent: Set<string> = new Set(),
): DetectedConflict[] {
  const groups = new Map<string, DetectionClaim[]>();
  for (const c of claims) {
    const key = groupKey(c.subjectId, c.attribute);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [
    ...[...groups.values()].flatMap(detectGroupConflicts),
    ...detectMisattributions(claims),
    ...detectNamingConflicts(entities, decidedDifferent),
  ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
