/**
 * Finding where claims disagree. Claims are compared pair by pair within one canonical subject
 * and attribute; each pair gets a relation (a contradiction, an update over time, a decrease, a
 * scale slip, a different measure, a part against the whole, a correction — or consistent, after
 * conversion or rounding), read in the light of how the attribute behaves (lib/domain/
 * attribute-sense.ts). A group's conflicts follow from its pairs: one conflict per family of
 * relation, each with a stable key, so re-running detection updates a conflict instead of adding
 * another. Names are compared across entities. Pure.
 */
import { distance } from "fastest-levenshtein";
import { type AttributeSense, type AttributeSetting, inferSense, listIsPartial, senseOf } from "@/lib/domain/attribute-sense.ts";
import { sameSource } from "@/lib/domain/attribution.ts";
import type { ClaimStatus, EntityKind } from "@/lib/domain/claims.ts";
import { apart, describeMoment, type Moment } from "@/lib/domain/moments.ts";
import { candidatePairs, EDIT_MIN_LENGTH, editBudget, type NameForm } from "@/lib/domain/name-blocks.ts";
import { conflictsOfState, groupState } from "@/lib/domain/group-detection.ts";
import { memoized } from "@/lib/domain/memo.ts";
import { foldText } from "@/lib/domain/text.ts";
import type { ResolutionKind } from "@/lib/domain/inputs.ts";
import { fromBase, unitLabel } from "@/lib/domain/units.ts";
import { type NormalizedValue, type NumericValue, overlapping } from "@/lib/domain/values.ts";

export type ConflictKind =
  "value" | "scale" | "temporal" | "set" | "naming" | "misattribution" | "correction" | "manual" | "measure" | "containment";

export type DetectionClaim = {
  id: string;
  articleId: string;
  subjectId: string;
  attribute: string;
  /** The attribute as first typed ("Death toll"), for inferring how it behaves. */
  attributeLabel?: string;
  status: ClaimStatus;
  value: NormalizedValue;
  /** The as-of the analyst wrote, read as a moment (a day, or finer). */
  asOf: Moment | null;
  /** When the claim's article was published: a claim holds "as reported" then, when nothing finer says otherwise. */
  published?: Moment | null;
  /** A moment the quote itself gives, apart from the value ("climbed to 158 on Thursday evening"). */
  quoteMoment?: Moment | null;
  /** The quote sits in a passage where the article corrects itself ("Correction: ..."). */
  inCorrection?: boolean;
  /** For text values: the canonical entity the text names (by name or alias), when it names one. */
  valueEntityId?: string | null;
  /** The entities that entity is part of, transitively (a town's province, then its region). */
  valueEntityAncestors?: string[];
  /** The words leading to the value: the text just before the quote, and the quote. */
  context?: string;
  /** The text just after the quote. */
  after?: string;
  /** Qualifiers: who gives the figure, how it was measured, the part of the subject it covers. */
  accordingTo?: string;
  method?: string;
  appliesToPart?: string;
};

export type DetectedConflict = {
  key: string;
  kind: ConflictKind;
  claimIds: string[];
  entityIds: string[];
  summary: string;
  suggestion: string | null;
};

/** How two claims of one subject and attribute relate. */
export type PairRelation =
  "contradiction" | "scale" | "set" | "update" | "decrease" | "correction" | "measure" | "containment" | "consistent";

export const RELATION_LABELS: Record<PairRelation, string> = {
  contradiction: "Cannot both be true",
  scale: "Scale slip",
  set: "Lists differ",
  update: "Update over time",
  decrease: "Decrease worth a look",
  correction: "Correction",
  measure: "Different measures",
  containment: "Part and whole",
  consistent: "Consistent",
};

/** `fits`: both can be true as written (a town and its region): shown among a conflict's pairs, never raising one. */
export type PairVerdict = { relation: PairRelation; why: string; fits?: true };

const isNumeric = (v: NormalizedValue): v is NumericValue => v.kind === "money" || v.kind === "number" || v.kind === "percentage";

type Interval = { low: number | null; high: number | null };

/**
 * Whether two intervals share a point. Intervals from rounding are half-open: "9.1%" (9.05–9.15)
 * and "9.2%" (9.15–9.25) touch but do not agree; an open bound ("at least 62") includes its figure.
 */
function overlaps(a: Interval, b: Interval, exactA = false, exactB = false): boolean {
  const shrink = (i: Interval, exact: boolean): Interval => {
    if (!exact || i.low === null || i.high === null) return i;
    const e = (i.high - i.low) * 1e-6;
    return { low: i.low + e, high: i.high - e };
  };
  return overlapping(shrink(a, exactA), shrink(b, exactB));
}

/** 183 / 18.4 ≈ 9.95: within 5% of a power of ten, a likely million/billion or decimal slip. */
export function looksLikeScaleSlip(a: number, b: number): boolean {
  if (a <= 0 || b <= 0) return false;
  const ratio = Math.max(a, b) / Math.min(a, b);
  if (ratio < 5) return false;
  const power = 10 ** Math.round(Math.log10(ratio));
  return Math.abs(ratio - power) / power <= 0.05;
}

const midpoint = (v: Interval & { point?: number | null }) =>
  v.point ?? (v.low !== null && v.high !== null ? (v.low + v.high) / 2 : (v.low ?? v.high ?? 0));

/** Spaces and hyphens aside: "north-west", "north west" and "northwest" are one text. */
const compact = (folded: string) => folded.replace(/[\s\u002d\u2010-\u2015]+/g, "");

/**
 * A qualifier folded for comparison. Read for every disagreeing pair of a group (six per pair), so
 * remembered by text: a group has few distinct qualifiers. Bounded, cleared when full.
 */
const qualifier = (s: string | undefined): string => {
  if (!s) return "";
  let folded = foldedQualifiers.get(s);
  if (folded === undefined) {
    if (foldedQualifiers.size >= 10_000) foldedQualifiers.clear();
    foldedQualifiers.set(s, (folded = compact(foldText(s))));
  }
  return folded;
};
const foldedQualifiers = new Map<string, string>();

/** Words that say what kind of place a name is: "Xinxian Township" and "Xinxian town" are one place. */
const PLACE_TYPE =
  /\b(?:the|town|township|city|village|hamlet|municipality|county|district|province|prefecture|region|state|commune|borough|parish|county seat)\b/g;

/** A place name without its type words, or null when nothing else is left ("the county"). */
const untyped = (folded: string): string | null => {
  const rest = compact(folded.replace(PLACE_TYPE, " "));
  return rest || null;
};

// One formatter for every call.
const NUMBER = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const fmt = (n: number) => NUMBER.format(n);

/** How far apart two figures are, in words: "by 20%", "about 10× apart". */
function gap(x: number, y: number): string {
  const [lo, hi] = x <= y ? [x, y] : [y, x];
  if (lo > 0 && hi / lo >= 5) return `about ${fmt(hi / lo)}× apart`;
  const base = Math.max(Math.abs(x), Math.abs(y));
  return base ? `they differ by ${fmt((100 * Math.abs(x - y)) / base)}%` : "they differ";
}

/**
 * Two numeric readings side by side, with numbers: "12 km = 7.46 mi; the other source says about
 * 6 mi (5.4–6.6): they differ by 20%".
 */
function explainNumbers(x: NumericValue, y: NumericValue): string {
  if (x.measure && y.measure && x.unit && y.unit && x.unit !== y.unit) {
    const converted = fromBase(midpoint(x.measure), y.unit);
    const range = y.low !== null && y.high !== null && y.low !== y.high ? ` (${fmt(y.low)}–${fmt(y.high)} ${unitLabel(y.unit)})` : "";
    return `${x.text} = ${fmt(converted)} ${unitLabel(y.unit)}; the other source says ${y.text}${range}: ${gap(converted, midpoint(y))}`;
  }
  return `${x.text} against ${y.text}: ${gap(midpoint(x), midpoint(y))}`;
}

/** Whether two values agree, when they can be compared at all (null: not comparable as written). */
function agreement(a: DetectionClaim, b: DetectionClaim): { agree: boolean; note?: string } | null {
  const x = a.value;
  const y = b.value;
  if (isNumeric(x) && isNumeric(y)) {
    if (x.kind !== y.kind) return null;
    if (x.measure && y.measure) {
      if (x.measure.dimension !== y.measure.dimension) return null;
      const agree = overlaps(x.measure, y.measure, x.qualifier === "exact", y.qualifier === "exact");
      return { agree, note: x.unit !== y.unit && agree ? `consistent after conversion: ${explainNumbers(x, y)}` : undefined };
    }
    // A count written without its noun ("5,400") compares with one that names it ("2,500 vehicles").
    if (x.measure || y.measure || (x.unit && y.unit && x.unit !== y.unit)) return null;
    return { agree: overlaps(x, y, x.qualifier === "exact", y.qualifier === "exact") };
  }
  if (x.kind === "date" && y.kind === "date") {
    if (!x.resolved || !y.resolved) return null;
    return {
      agree: overlaps({ low: Date.parse(x.start!), high: Date.parse(x.end!) }, { low: Date.parse(y.start!), high: Date.parse(y.end!) }),
    };
  }
  if (x.kind === "time" && y.kind === "time") {
    const mx = { start: Date.parse(x.start), end: Date.parse(x.end) };
    const my = { start: Date.parse(y.start), end: Date.parse(y.end) };
    const agree = !(mx.end <= my.start || my.end <= mx.start);
    return { agree, note: agree && x.zone !== y.zone ? "the same moment written in two zones" : undefined };
  }
  if (x.kind === "list" && y.kind === "list") {
    return { agree: x.folded.length === y.folded.length && x.folded.every((item) => y.folded.includes(item)) };
  }
  if ((x.kind === "text" || x.kind === "entity") && (y.kind === "text" || y.kind === "entity")) {
    // "the Pentagon" and "U.S. Department of Defense" agree when both name one entity.
    return {
      agree:
        compact(x.folded) === compact(y.folded) ||
        (untyped(x.folded) ?? "\u0000") === untyped(y.folded) ||
        Boolean(a.valueEntityId && a.valueEntityId === b.valueEntityId),
    };
  }
  return null;
}

/**
 * What `agreement` reads of a claim's value, for finding among a large group the pairs that may
 * agree without comparing every pair (lib/domain/group-detection.ts). An interval: two values
 * agree only if their closed intervals [low, high] meet (an open end is infinite), and a figure's
 * `mid` is what a scale slip compares. A text: two agree only if they share one of `keys`.
 * `none`: compares with no value. `pairwise`: to be compared pair by pair (lists, times).
 * `within` says which readings are compared at all (`agreement` is null otherwise).
 */
export type ValueReading =
  | {
      sweep: "interval";
      kind: string;
      dimension: string | null;
      unit: string | null;
      low: number;
      high: number;
      mid: number | null;
      /** The interval is not as written (an end not a number, or the ends reversed). */
      odd: boolean;
    }
  | { sweep: "text"; keys: string[] }
  | { sweep: "none" }
  | { sweep: "pairwise"; kind: string };

/** [low, high] as a closed interval holding every point `overlaps` may find (open ends, and odd ones, infinite). */
function closed(low: number | null, high: number | null): { low: number; high: number; odd: boolean } {
  const lo = low === null ? -Infinity : low;
  const hi = high === null ? Infinity : high;
  return lo <= hi ? { low: lo, high: hi, odd: false } : { low: -Infinity, high: Infinity, odd: true };
}

export function valueReading(c: DetectionClaim): ValueReading {
  const v = c.value;
  if (isNumeric(v)) {
    const bounds = v.measure ?? v;
    return {
      sweep: "interval",
      kind: v.kind,
      dimension: v.measure ? v.measure.dimension : null,
      unit: v.measure ? null : v.unit || null,
      ...closed(bounds.low, bounds.high),
      mid: midpoint(bounds),
    };
  }
  if (v.kind === "date") {
    if (!v.resolved) return { sweep: "none" };
    return { sweep: "interval", kind: "date", dimension: null, unit: null, ...closed(Date.parse(v.start!), Date.parse(v.end!)), mid: null };
  }
  if (v.kind === "text" || v.kind === "entity") {
    const keys = [`c${compact(v.folded)}`, `u${untyped(v.folded) ?? "\u0000"}`];
    if (c.valueEntityId) keys.push(`e${c.valueEntityId}`);
    return { sweep: "text", keys };
  }
  return { sweep: "pairwise", kind: v.kind };
}

/** Whether `agreement` compares values so read at all (see `valueReading`). */
export function readingsCompare(x: ValueReading, y: ValueReading): boolean {
  if (x.sweep === "text" || y.sweep === "text") return x.sweep === y.sweep;
  if (x.sweep === "none" || y.sweep === "none") return false;
  if (x.sweep === "pairwise" || y.sweep === "pairwise") return x.sweep === y.sweep && x.kind === y.kind;
  if (x.kind !== y.kind) return false;
  if (x.dimension !== null || y.dimension !== null) return x.dimension === y.dimension;
  return x.unit === y.unit || x.unit === null || y.unit === null;
}

/** When a claim holds: what the analyst wrote, else what its quote says, else when it was reported. */
/**
 * When a claim holds: what the analyst wrote, else a time its quote names, else when its article
 * was published. For a running tally (`toTheMinute`), a day that holds the publication is read
 * as the publication's minute: "as of 30 October" in a report out at 23:15 that day is its 23:15
 * count. Other attributes keep the day: two readings of one trading session the same day are
 * one moment, whenever each report went out.
 */
export function whenOf(c: DetectionClaim, toTheMinute = false): Moment | null {
  const given = c.asOf ?? c.quoteMoment ?? null;
  const published = c.published ?? null;
  if (
    toTheMinute &&
    given &&
    published?.timed &&
    !given.timed &&
    given.precision === "day" &&
    published.start >= given.start &&
    published.start < given.end
  )
    return published;
  return given ?? published;
}

/** Lists where one is partial: they disagree only when a partial one names a member a complete one lacks. */
function listsDisagree(a: DetectionClaim, b: DetectionClaim, sense: AttributeSense): boolean {
  if (a.value.kind !== "list" || b.value.kind !== "list") return true;
  const partialA = sense.lists === "partial" || listIsPartial(a);
  const partialB = sense.lists === "partial" || listIsPartial(b);
  if (partialA && partialB) return false;
  if (!partialA && !partialB) return true;
  const [partial, whole] = partialA ? [a.value, b.value] : [b.value, a.value];
  return partial.folded.some((item) => !whole.folded.includes(item));
}

/** Which of two claims is later, when their moments are apart. */
function ordered(a: DetectionClaim, b: DetectionClaim, toTheMinute: boolean): [DetectionClaim, DetectionClaim] {
  const ma = whenOf(a, toTheMinute)!;
  const mb = whenOf(b, toTheMinute)!;
  return ma.start <= mb.start ? [a, b] : [b, a];
}

/**
 * A part named as what lies outside the main one: "elsewhere in eastern Libya", "other storm-hit
 * areas", "outside the capital", "the rest of the country". Its figure is added to the figure
 * given without a part, not contained in it.
 */
const REST = /\b(?:elsewhere|other|others|outside|beyond|remaining|rest\s+of)\b/;
const namesTheRest = (part: string) => REST.test(foldText(part));

/** Words that make a figure an estimate rather than a count, in a claim's method ("exit poll projection"). */
const ESTIMATE =
  /\b(?:projections?|projected|projects?|forecasts?|forecasted|estimates?|estimated|polls?|polling|surveys?|surveyed|modell?ed|predictions?|predicted|consensus|expected|expectations?)\b/;
const estimates = (words: string | undefined) => Boolean(words && ESTIMATE.test(foldText(words)));
/**
 * An attribute's name that says its figures are compiled from others (a consensus of analysts, a
 * poll): "Revenue expected by analysts". Not a company's own forecast, which is one figure.
 */
const SURVEYED = /\b(?:consensus|expected by|expectations?|polls?|polling|surveys?|surveyed|analysts?)\b/;
/** Words of the same roots that name no estimate: "Polling day", "Polling stations", "Polls close", "Analysts covering". */
const NOT_SURVEYED =
  /\b(?:polling (?:day|date|stations?|places?|booths?|cards?|districts?|staff|officers?)|polls? (?:close|closed|closing|open|opened|opening)|analysts? (?:covering|following))\b/;
/** Figures only: a date or a name is not what a survey estimates. */
const FIGURE_KINDS = new Set(["number", "percentage", "money"]);
const surveyed = (c: DetectionClaim) => {
  const label = foldText(c.attributeLabel ?? c.attribute);
  return FIGURE_KINDS.has(c.value.kind) && SURVEYED.test(label) && !NOT_SURVEYED.test(label);
};
const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/**
 * Words that give a figure as a count still running, or a provisional reading: "so far", "with two
 * seats still to declare", "on course for", "provisional results". Read in the words around the quote.
 */
const RUNNING =
  /\b(?:so far|to date|as yet|by then|by that (?:time|point)|at that (?:time|point)|(?:still|yet) to (?:be )?(?:declare|declared|count|counted|report|reported)|provisional|preliminary|in prospect|on course|on track|with \d[\d,]* of (?:the )?\d[\d,]*)\b/;
/**
 * Words that do so only right before the figure: "had won 411 seats", "had 71", "the likely
 * majority of 170". Elsewhere in the sentence they say nothing of it: "Acme, which had 3,000 staff,
 * was founded in 1998" gives no founding year still running.
 */
const RUNNING_BEFORE =
  /\b(?:had (?:won|taken|secured|gained|reached|counted|recorded|confirmed)\s+(?:[\p{L}'’-]+\s+){0,2}?|had\s+(?:about |around |some |at least |more than )?|likely\s+(?:[\p{L}'’-]+\s+){0,3}?)\d[\d.,]*(?:\s*[\p{L}%]+){0,2}\s*$/u;
const runningWords = memoized(20_000, (text: string) => RUNNING.test(foldText(text)));
const runningBefore = memoized(20_000, (text: string) => RUNNING_BEFORE.test(foldText(text)));
export const runs = (c: DetectionClaim) => runningWords(`${c.context ?? ""} ${c.after ?? ""}`) || runningBefore(c.context ?? "");
/** Whether a claim gives a time of day of its own (its as-of or its words), apart from when it was published. */
const ownTime = (c: DetectionClaim) => Boolean((c.asOf ?? c.quoteMoment)?.timed);

/**
 * Two readings of a running tally at different moments whose figures differ though their hedges
 * overlap: "more than 40,000" displaced on Saturday, 46,000 on Monday; 10,100 missing, then
 * "more than 9,000". Both can be true, but the count moved: an update (or a decrease) to show on
 * the timeline, not an agreement. Null when they give one figure or one moment.
 */
function movedWithin(a: DetectionClaim, b: DetectionClaim): PairVerdict | null {
  const ma = whenOf(a, true);
  const mb = whenOf(b, true);
  if (!ma || !mb || !apart(ma, mb) || !isNumeric(a.value) || !isNumeric(b.value)) return null;
  const figure = (v: NumericValue) => (v.measure ? midpoint(v.measure) : midpoint(v));
  const [earlier, later] = ordered(a, b, true);
  const from = figure(earlier.value as NumericValue);
  const to = figure(later.value as NumericValue);
  if (from === to) return null;
  const when = () =>
    `${earlier.value.text} (${describeMoment(whenOf(earlier, true)!)}) → ${later.value.text} (${describeMoment(whenOf(later, true)!)})`;
  // "nearly 50" then 48, "up to 50" then 45, "dozens" then 30: a later figure inside an earlier
  // ceiling or range says what it hedged; the count is not shown to have gone down.
  const first = earlier.value as NumericValue;
  const bounds: Interval = first.measure ?? first;
  const hedgedBelow = (first.point === null || (bounds.high !== null && bounds.high <= from)) && bounds.low !== null && to >= bounds.low;
  return to < from && !hedgedBelow
    ? verdict("decrease", () => `A running count went down: ${when()}. Worth a look: a correction, or a different count?`)
    : verdict("update", () => `Changed over time: ${when()}.`);
}

/**
 * A tally of what cannot be undone, by the attribute's key: the dead, the buried, what was
 * destroyed. Such a count only grows as reports come in; one that falls (11,300 dead, then 3,958)
 * was wrong before or is wrong now. A count of people in a state (missing, displaced, in
 * hospital) goes down as well as up: a fall is worth a look, no more.
 */
const STAYS = /(?:^|[\s_-])(?:death|deaths|dead|killed|fatalities|buried|burials|destroyed)(?:$|[\s_-])/;
/** A count for each day, week or year ("daily deaths", "deaths per week"): a new count each time, that may fall. */
const PER_PERIOD = /(?:^|[\s_-])(?:daily|weekly|monthly|yearly|annual|new|per|each|every)(?:$|[\s_-])/;
const countsWhatStays = (attribute: string) => STAYS.test(foldText(attribute)) && !PER_PERIOD.test(foldText(attribute));

/** A part's words that say which it is: "the city of Derna" → city, derna. */
const partWords = (part: string) =>
  foldText(part)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !/^(?:the|of|in|and)$/.test(w));
/**
 * Whether two parts written apart are one, or one inside the other: "Derna" and "the city of
 * Derna", "Libya" and "eastern Libya". Their figures are to be checked against each other.
 */
function nestedParts(a: string, b: string): boolean {
  const [x, y] = [partWords(a), partWords(b)];
  const [few, many] = x.length <= y.length ? [x, y] : [y, x];
  return few.length > 0 && few.every((w) => many.includes(w));
}

/** Whether a claim's value names a place (or any entity) that is part of the one the other's names. */
const within = (part: DetectionClaim, whole: DetectionClaim) =>
  Boolean(part.valueEntityId && whole.valueEntityId && part.valueEntityAncestors?.includes(whole.valueEntityId));

/**
 * How two active claims about the same subject and attribute relate, given how the attribute
 * behaves; null when they cannot be compared (different units of count, kinds) or simply agree.
 */
/**
 * A verdict whose explanation is written when first read: a claim added to a large group is
 * related to thousands of others, and only the first pair of each kind is ever explained.
 */
function verdict(relation: PairRelation, explain: () => string, fits?: true): PairVerdict {
  let why: string | undefined;
  return {
    relation,
    get why() {
      return (why ??= explain());
    },
    ...(fits && { fits }),
  };
}

export function relate(a: DetectionClaim, b: DetectionClaim, sense: AttributeSense = DEFAULT_SENSE): PairVerdict | null {
  const compared = agreement(a, b);
  if (!compared) return null;
  if (compared.agree) {
    const moved = sense.change === "tally" && qualifier(a.appliesToPart) === qualifier(b.appliesToPart) ? movedWithin(a, b) : null;
    return moved ?? (compared.note ? { relation: "consistent", why: compared.note } : null);
  }
  const x = a.value;
  const y = b.value;
  const [inner, outer] = within(a, b) ? [a, b] : within(b, a) ? [b, a] : [];
  if (inner && outer) {
    return { relation: "containment", why: `One value is part of the other: ${inner.value.text} is in ${outer.value.text}.`, fits: true };
  }
  const numbers = () => (isNumeric(x) && isNumeric(y) ? explainNumbers(x, y) : `“${x.text}” against “${y.text}”`);

  const partA = qualifier(a.appliesToPart);
  const partB = qualifier(b.appliesToPart);
  if (partA !== partB) {
    // Two parts named apart ("Derna" / "other storm-hit areas") are figures for different things;
    // a part named as the rest ("elsewhere in the east") sits beside the unqualified figure, it
    // is not inside it. Both can be true as written: shown among the pairs, never raising.
    if (partA && partB && !nestedParts(a.appliesToPart!, b.appliesToPart!)) {
      return verdict("containment", () => `Figures for two parts (${a.appliesToPart}; ${b.appliesToPart}): ${numbers()}.`, true);
    }
    const part = (a.appliesToPart || b.appliesToPart)!;
    if (namesTheRest(part)) {
      return verdict("containment", () => `One figure covers the rest (${part}), beside the other: ${numbers()}.`, true);
    }
    return verdict(
      "containment",
      () => `One figure covers a part (${part}), the other ${partA && partB ? "another part" : "the whole"}: ${numbers()}.`,
    );
  }
  const sourceA = qualifier(a.accordingTo);
  const sourceB = qualifier(b.accordingTo);
  const methodA = qualifier(a.method);
  const methodB = qualifier(b.method);
  // A projection, poll or estimate against a figure not so qualified (a count, a declared result):
  // each is true as what it is, however far apart in time; the later count is not the projection
  // moving on.
  const estimateA = estimates(a.method);
  if (estimateA !== estimates(b.method)) {
    const [guess, other] = estimateA ? [a, b] : [b, a];
    const otherIs = other.method ? `measured as “${other.method}”` : "not recorded as an estimate (a count, a result)";
    return verdict("measure", () => `One figure is ${article(guess.method!)} ${guess.method}, the other ${otherIs}: ${numbers()}.`);
  }
  // Estimates compiled by others (a consensus of analysts, a poll): unless both name the one
  // source, differing figures may well come from different surveys, each true of its own.
  if (surveyed(a) && surveyed(b) && !(sourceA && sourceB)) {
    const named = a.accordingTo || b.accordingTo;
    const how = named ? `one compiled by ${named}, the other with no source named` : "neither naming who compiled it";
    return verdict("measure", () => `Two estimates, ${how}: each may come from its own survey: ${numbers()}.`);
  }
  const sourcesDiffer = Boolean(sourceA && sourceB && !sameSource(a.accordingTo!, b.accordingTo!));
  const tally = sense.change === "tally";
  const ma = whenOf(a, tally);
  const mb = whenOf(b, tally);
  // As-of dates the analyst wrote that are apart say the values changed, whatever the attribute;
  // so does a figure written as a count still running ("had won 411 seats", "so far").
  const writtenApart = Boolean(a.asOf && b.asOf && apart(a.asOf, b.asOf));
  const running = runs(a) || runs(b);
  // The same source giving another figure on another day has revised its own (a magnitude, a depth,
  // a count): a change over time, even of what does not change. Not a date or a name: a founding
  // year given two ways by one source is still wrong once.
  // Hours apart, not within the hour: two reports of one survey an hour apart are no revision; a
  // morning's figure and the evening's may be.
  const revised = Boolean(
    sourceA && sourceB && !sourcesDiffer && isNumeric(x) && isNumeric(y) && ma && mb && Math.abs(ma.start - mb.start) >= REVISION_GAP_MS,
  );
  const overTime = Boolean(ma && mb && apart(ma, mb) && (writtenApart || running || revised || sense.change !== "fixed"));
  // A running tally is counted by whoever is counting that day: a later count from another
  // source is the tally moving on, not another measure of the same moment.
  const laterCount = tally && overTime && !(methodA && methodB && methodA !== methodB);
  if (!laterCount && (sourcesDiffer || (methodA && methodB && methodA !== methodB))) {
    const how = sourcesDiffer ? `according to ${a.accordingTo} and to ${b.accordingTo}` : `measured as “${a.method}” and as “${b.method}”`;
    return verdict("measure", () => `Two measures of one thing, ${how}: ${numbers()}.`);
  }
  // A correction puts right a value for the same moment; a later value given as of another time is an update.
  if (a.articleId === b.articleId && (a.inCorrection || b.inCorrection) && !overTime) {
    return verdict("correction", () => `The article corrects itself: ${numbers()}. One of these is the value it says was wrong.`);
  }
  if (sense.cardinality === "multi" && x.kind !== "list") return null;
  if (x.kind === "list" && (sense.cardinality === "multi" || !listsDisagree(a, b, sense))) return null;

  if (overTime) {
    const [earlier, later] = ordered(a, b, tally);
    const when = () =>
      `${earlier.value.text} (${describeMoment(whenOf(earlier, tally)!)}) → ${later.value.text} (${describeMoment(whenOf(later, tally)!)})`;
    const ev = earlier.value;
    const lv = later.value;
    // Compared in base units when both have them: 900 metres then 1.2 km is no decrease.
    const lower = (x: Interval, y: Interval) => y.high !== null && x.low !== null && y.high <= x.low;
    const decreased =
      isNumeric(ev) &&
      isNumeric(lv) &&
      (ev.measure && lv.measure ? lower(ev.measure, lv.measure) : !ev.measure && !lv.measure && lower(ev, lv));
    if (sense.change === "tally" && decreased) {
      if (countsWhatStays(a.attribute)) {
        return verdict(
          "contradiction",
          () =>
            `A count of what cannot be undone went down: ${when()}. The later count is not the earlier one moving on: one of them is wrong.`,
        );
      }
      return verdict("decrease", () => `A running count went down: ${when()}. Worth a look: a correction, or a different count?`);
    }
    // Said so when only the source's own revision makes it a change: what it measures stays put.
    if (revised && sense.change === "fixed" && !writtenApart && !running)
      return verdict("update", () => `Revised by its source (${a.accordingTo}): ${when()}.`);
    return verdict("update", () => `Changed over time: ${when()}.`);
  }
  if (x.kind === "list") return verdict("set", () => `The lists name different members: ${numbers()}.`);
  if (isNumeric(x) && isNumeric(y)) {
    const [mx, my] = x.measure && y.measure ? [midpoint(x.measure), midpoint(y.measure)] : [midpoint(x), midpoint(y)];
    if (looksLikeScaleSlip(mx, my)) {
      return verdict("scale", () => `The figures differ by about a power of ten (${numbers()}): likely a unit or decimal slip.`);
    }
  }
  // Two readings the same day of a figure that moves (a price, a count still running) that cannot
  // be told apart by a time of day, yet are not of one moment: one article giving both (it tells
  // how the figure moved), or one reading timed and the other not. Two untimed readings from two
  // articles stay a disagreement: nothing says they are of different moments.
  const snapshots = a.articleId === b.articleId ? !(ownTime(a) && ownTime(b)) : ownTime(a) !== ownTime(b);
  if (ma && mb && !apart(ma, mb) && (running || sense.change === "changes") && snapshots) {
    const moving = running ? "a count still running" : "a figure that moves";
    const how = a.articleId === b.articleId ? "one article giving both" : "only one with a time of day";
    return verdict("update", () => `Two readings the same day of ${moving}, ${how}: ${numbers()}. Snapshots, not a contradiction.`);
  }
  if (x.kind === "time" && y.kind === "time") {
    const minutes = Math.round(Math.abs(Date.parse(x.start) - Date.parse(y.start)) / 60_000);
    return verdict(
      "contradiction",
      () => `${numbers()}: ${minutes} minute${minutes === 1 ? "" : "s"} apart, beyond the precision either was written with.`,
    );
  }
  return verdict("contradiction", () => `The values cannot both be true: ${numbers()}.`);
}

const REVISION_GAP_MS = 6 * 60 * 60 * 1000;

/** Backwards-compatible reading of one pair as a conflict kind (tests and tools). */
export function compareClaims(a: DetectionClaim, b: DetectionClaim, sense?: AttributeSense): { kind: ConflictKind; why: string } | null {
  const verdict = relate(a, b, sense);
  return verdict && verdict.relation !== "consistent" && !verdict.fits
    ? { kind: KIND_OF_RELATION[verdict.relation]!, why: verdict.why }
    : null;
}

/** The pair relations that make up a conflict of each kind (its family), for showing a conflict's own pairs. */
export function relationsOf(kind: ConflictKind): PairRelation[] {
  const family = FAMILY_OF_KIND[kind];
  if (family === undefined) return [];
  return (Object.keys(KIND_OF_RELATION) as Exclude<PairRelation, "consistent">[]).filter(
    (r) => FAMILY_OF_KIND[KIND_OF_RELATION[r]] === family,
  );
}

const DEFAULT_SENSE: AttributeSense = { cardinality: "single", change: "fixed", lists: "exhaustive" };

export const KIND_OF_RELATION: Record<Exclude<PairRelation, "consistent">, ConflictKind> = {
  contradiction: "value",
  scale: "scale",
  set: "set",
  update: "temporal",
  decrease: "temporal",
  correction: "correction",
  measure: "measure",
  containment: "containment",
};

/**
 * Conflicts of one subject + attribute group fall in families, each its own conflict: what cannot
 * both be true (value, scale slip, lists), a correction, a change over time, different measures,
 * a part against the whole. The first family keeps the group's key.
 */
export const FAMILY_OF_KIND: Partial<Record<ConflictKind, string>> = {
  value: "",
  scale: "",
  set: "",
  correction: ":correction",
  temporal: ":temporal",
  measure: ":measure",
  containment: ":containment",
};
export const GROUP_FAMILIES = ["", ":correction", ":temporal", ":measure", ":containment"] as const;

/** How much an open conflict of each kind matters, for the queue's order: a likely slip first, a change over time last. */
export const QUEUE_KIND_WEIGHT: Record<ConflictKind, number> = {
  scale: 6,
  misattribution: 5,
  value: 5,
  correction: 4,
  naming: 4,
  manual: 4,
  set: 3,
  containment: 2,
  measure: 2,
  temporal: 2,
};

/** How each kind is named on screen (defined apart, so pages can name kinds without detection's code). */
export { KIND_LABELS } from "@/lib/domain/conflict-labels.ts";

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
  temporal: "Both valid, at different times: record the as-of dates. Look twice at any decrease.",
  naming: "Merge the two entities if they are the same.",
  misattribution: "Check which subject the figure belongs to.",
  manual: "Read the quotes side by side and decide.",
  measure: "Both may be right for what they measure: record each source or method (both valid), or pick the one the fact sheet uses.",
  containment: "A part against the whole: check the figures fit together, then record both as valid.",
};

/** Within a family, the most telling kind names the conflict. */
export const PRIORITY: ConflictKind[] = ["correction", "scale", "value", "set", "measure", "containment", "temporal"];

/** The detection key of a subject + attribute group (its first family's conflict; others add a suffix). */
export const groupKey = (subjectId: string, attribute: string) => `claims:${subjectId}:${attribute}`;

/**
 * A group conflict's key as this version writes it: before conflicts were split by family, a
 * group's change over time or correction had the group's bare key. Backups from then take
 * their family's suffix on restore (the migration 20261205140000 does the same in place).
 */
export function currentDetectionKey(key: string, kind: ConflictKind): string {
  const family = FAMILY_OF_KIND[kind];
  return key.startsWith("claims:") && family && !key.endsWith(family) ? `${key}${family}` : key;
}

/** Every key a group's conflicts may have. */
export const groupKeys = (subjectId: string, attribute: string) => GROUP_FAMILIES.map((f) => `${groupKey(subjectId, attribute)}${f}`);

export type RelatedPair = { a: string; b: string } & PairVerdict;

/** Every related pair of a group's active claims, in a stable order. */
/**
 * Where a claim stands when a group's pairs are taken in order: by what the claims say, not their
 * ids (last, to break ties), so a restored copy explains its conflicts the same way.
 */
export const pairOrderKey = (c: DetectionClaim) =>
  `${String(whenOf(c)?.start ?? 0).padStart(16, "0")}|${c.value.text}|${c.context ?? ""}|${c.id}`;

export function relatePairs(claims: DetectionClaim[], sense: AttributeSense): RelatedPair[] {
  const active = claims
    .filter((c) => c.status === "active")
    .map((c) => [pairOrderKey(c), c] as const)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([, c]) => c);
  const pairs: RelatedPair[] = [];
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const verdict = relate(active[i]!, active[j]!, sense);
      if (verdict) pairs.push({ a: active[i]!.id, b: active[j]!.id, ...verdict });
    }
  }
  return pairs;
}

/** How the group's attribute behaves: what someone set, else what its name and claims suggest. */
export function groupSense(label: string, claims: DetectionClaim[], setting?: AttributeSetting | null): AttributeSense {
  return senseOf(
    inferSense(
      label,
      claims.filter((c) => c.status === "active"),
    ),
    setting,
  );
}

/**
 * The conflicts within one subject and attribute: one per family of disagreement among its
 * active claims, holding the claims of that family's pairs, named by its most telling kind and
 * explained by that kind's first pair.
 */
export function detectGroupConflicts(
  claims: DetectionClaim[],
  options: { label?: string; setting?: AttributeSetting | null } = {},
): DetectedConflict[] {
  const first = claims[0];
  if (!first) return [];
  const sense = groupSense(options.label ?? first.attributeLabel ?? first.attribute, claims, options.setting);
  return conflictsOfState(groupState(claims, sense), first.subjectId, first.attribute);
}

/** The figure a claim gives, as misattribution compares it, or null when it gives none. */
export function figureKey(value: NormalizedValue): string | null {
  return isNumeric(value) && value.point !== null && significantDigits(value.point) >= 2
    ? `${value.kind}:${value.unit ?? ""}:${value.point}`
    : null;
}

/**
 * 183e9 → 3, 7.14e9 → 3, 1e9 → 1. A figure of one significant digit ("$1 billion", "10%") is too
 * common to mark as one subject's number given to another.
 */
export function significantDigits(n: number): number {
  // The digits of toPrecision(12) between the first and the last that is not 0 (without the
  // exponent and the point): read in place, as it runs for every claim's figure.
  const text = Math.abs(n).toPrecision(12);
  const exponent = text.indexOf("e");
  const end = exponent < 0 ? text.length : exponent;
  let first = -1;
  let last = -1;
  let point = -1;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 46) point = i;
    else if (ch !== 48) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return 0;
  return last - first + 1 - (point > first && point < last ? 1 : 0);
}

/**
 * The same figure (same kind, unit and interval) given for different subjects in different
 * articles: "$183 billion" as Anthropic's valuation and as the AI industry's size.
 */
export function detectMisattributions(claims: DetectionClaim[]): DetectedConflict[] {
  const figures = new FigureTally();
  for (const c of claims) {
    const key = c.status === "active" ? figureKey(c.value) : null;
    if (key) figures.add(key, c.id, c.subjectId, c.articleId);
  }
  return figures.misattributions();
}

/**
 * The active claims that give each figure (see `figureKey`), added one at a time: what
 * `detectMisattributions` compares, kept without the claims themselves (a whole investigation's
 * claims pass through it).
 */
export class FigureTally {
  private readonly byFigure = new Map<string, { ids: string[]; subjects: string[]; article: string; articles: boolean }>();

  add(figure: string, id: string, subjectId: string, articleId: string): void {
    const same = this.byFigure.get(figure);
    if (!same) {
      this.byFigure.set(figure, { ids: [id], subjects: [subjectId], article: articleId, articles: false });
      return;
    }
    same.ids.push(id);
    same.subjects.push(subjectId);
    if (articleId !== same.article) same.articles = true;
  }

  /** The figures given for two subjects or more, in two articles or more. */
  misattributions(): DetectedConflict[] {
    const found: DetectedConflict[] = [];
    for (const [figure, same] of this.byFigure) {
      if (!same.articles) continue;
      const subjects = new Set(same.subjects);
      if (subjects.size < 2) continue;
      found.push({
        key: `misattribution:${figure}`,
        kind: "misattribution",
        claimIds: same.ids.sort(),
        entityIds: [...subjects].sort(),
        summary: "The same figure is given for different subjects.",
        suggestion: SUGGESTIONS.misattribution,
      });
    }
    return found;
  }
}

// ---------------------------------------------------------------------------------------------
// Names

export type NamedEntity = { id: string; name: string; kind: EntityKind; aliases: string[] };

/** Why two names probably name one thing, and how sure that is: 1 for the same name, about 0.5 for a weak hint. */
export type NameMatch = { why: string; score: number };

const STOP = new Set(["the", "of", "and", "for", "a", "an"]);
/** The words of a folded name, small words included. */
const wordsOf = (folded: string) => folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** "the Pentagon's Michael" → "Michael"; "Secretary of Defense Pete Hegseth" stays (a title is not a possessive). */
export function stripPossessivePrefix(name: string): string {
  return name.replace(/^(?:the\s+)?[\p{L}.\s-]+[’']s\s+/iu, "").trim();
}

/**
 * Initials with and without the small words, from a name's words (`wordsOf`) and its words without
 * the small ones: "Department of Defense" → "dod", "dd"; "U.S. Geological Survey" → "usgs".
 */
function initials(words: string[], content: string[]): string[] {
  return [words.map((w) => w[0]!).join(""), content.map((w) => w[0]!).join("")];
}

/** The numbers a name carries: digits, and regnal numerals after a name ("Felipe VI"). `folded`: the name folded. */
function numbersIn(name: string, folded: string): string {
  const digits = folded.match(/\d+/g) ?? [];
  const roman = name
    .split(/[^\p{L}\p{N}]+/u)
    .slice(1)
    .filter((w) => /^(?=[IVXLC])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(w));
  return [...digits, ...roman].join(" ");
}

/**
 * Short forms that are not a prefix or a contraction of their word. Each begins with its word's
 * first letter, as every short form `shortFormOf` accepts does: the blocking index
 * (lib/domain/name-blocks.ts) relies on it. A Map, not an object: the words come from names in
 * articles, and "Constructor" must not find Object's constructor.
 */
const SHORT_FORMS = new Map([
  ["co", ["company"]],
  ["cos", ["companies"]],
  ["st", ["saint", "street"]],
  ["mt", ["mount", "mountain"]],
  ["ft", ["fort"]],
  ["jr", ["junior"]],
  ["sr", ["senior"]],
  ["bros", ["brothers"]],
]);

/**
 * Whether `s` is a short form of `w`: a known one ("Co." / "Company"), a prefix of three letters
 * or more ("Univ" / "University", "Corp" / "Corporation"), or a contraction keeping the first and
 * last letters, at most half as long ("Dept" / "Department", "Govt" / "Government", "Intl" /
 * "International"; not "Dan" / "Dylan").
 * A single letter is an initial, a weaker hint.
 */
function shortFormOf(s: string, w: string): "short" | "initial" | null {
  if (s.length >= w.length || /\d/.test(s) || /\d/.test(w)) return null;
  if (SHORT_FORMS.get(s)?.includes(w)) return "short";
  if (s.length === 1) return w.startsWith(s) ? "initial" : null;
  if (s.length >= 3 && w.startsWith(s)) return "short";
  if (s.length >= 3 && 2 * s.length <= w.length && s[0] === w[0] && s.at(-1) === w.at(-1)) {
    let i = 0;
    for (const ch of w) if (ch === s[i]) i++;
    if (i === s.length) return "short";
  }
  return null;
}

/**
 * Matches the words of the shorter name, in order, to words of the longer one: the same word, or
 * a short form of it. At least one word must match as itself, so short forms alone never match.
 */
function alignTokens(short: string[], long: string[]): { exact: number; short: string[]; initials: number } | null {
  let j = 0;
  let exact = 0;
  let initialCount = 0;
  const shortened: string[] = [];
  for (const t of short) {
    let found = false;
    for (; j < long.length && !found; j++) {
      const w = long[j]!;
      if (t === w) {
        exact++;
        found = true;
        continue;
      }
      const [s, full] = t.length < w.length ? [t, w] : [w, t];
      const form = shortFormOf(s, full);
      if (form && (short.length === long.length || form === "short")) {
        if (form === "initial") initialCount++;
        else shortened.push(`“${s}” for “${full}”`);
        found = true;
      }
    }
    if (!found) return null;
  }
  return exact > 0 ? { exact, short: shortened, initials: initialCount } : null;
}

const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"]);
/**
 * A country's or a union of countries' code, as written: "US", "U.S.", "UK", "EU", "UN". Not any
 * initials: "IBM" / "IBM Corp" and "BBC" / "BBC News" name one organisation.
 */
export const COUNTRY_CODE = /^(?:U\.?S\.?(?:A\.?)?|U\.?K\.?|E\.?U\.?|U\.?N\.?|U\.?A\.?E\.?|P\.?R\.?C\.?|D\.?P\.?R\.?K\.?|R\.?O\.?K\.?)$/u;

const round = (score: number) => Math.round(score * 100) / 100;

/** A name read once for comparison: folded, split into words, its numbers, letters and initials. */
function prepareName(name: string): NameForm {
  const folded = foldText(name);
  const words = wordsOf(folded);
  const tokens = words.filter((t) => !STOP.has(t));
  const letters = name.replace(/[^\p{L}]/gu, "");
  const bare = stripPossessivePrefix(name);
  return {
    trimmed: name.trim(),
    folded,
    numbers: numbersIn(name, folded),
    tokens,
    spaced: tokens.join(" "),
    joined: tokens.join(""),
    letters,
    lettersLower: letters.toLowerCase(),
    initials: initials(words, tokens),
    titled: HONORIFICS.has(tokens[0] ?? ""),
    // When the prefix comes off, the name is shorter by it and its "'s ", so this ends.
    stripped: bare !== name && foldText(bare) !== folded ? prepareName(bare) : null,
  };
}

/**
 * Why two names probably name one thing, with a score from 0 to 1, or null. Names that carry
 * different numbers ("2019 final" / "2018 final", "Route 9" / "Route 19") are never the same.
 * The weakest hint (shared leading words, a last word with the same initial) is for organisations
 * only (`kind`): two people who share a first name are not one person.
 */
export function namesLikelySame(a: string, b: string, kind?: EntityKind): NameMatch | null {
  return formsLikelySame(prepareName(a), prepareName(b), kind);
}

/** `namesLikelySame` on names read once (`prepareName`). */
function formsLikelySame(a: NameForm, b: NameForm, kind?: EntityKind): NameMatch | null {
  const fa = a.folded;
  const fb = b.folded;
  if (!fa || !fb) return null;
  if (a.trimmed === b.trimmed) return { why: "The names are the same.", score: 1 };
  if (fa === fb) return { why: "The names differ only in case or accents.", score: 0.95 };
  // "2019 final" and "2018 final", "Route 9" and "Route 19": names that differ in their numbers are different things.
  if (a.numbers !== b.numbers) return null;
  let ta = a.tokens;
  let tb = b.tokens;
  if (ta.length && a.spaced === b.spaced) return { why: "The names differ only in hyphens, punctuation or small words.", score: 0.9 };
  if (ta.length && a.joined === b.joined) return { why: "One name joins words that the other writes apart.", score: 0.9 };
  const pa = a.stripped?.folded ?? fa;
  const pb = b.stripped?.folded ?? fb;
  if ((pa !== fa || pb !== fb) && pa && pb && (pa === pb || pa === fb || pb === fa))
    return { why: "One name is the other with a possessive prefix.", score: 0.85 };
  const [acronym, full] = a.letters.length <= b.letters.length ? [a, b] : [b, a];
  if (acronym.letters.length >= 2 && acronym.letters.length <= 6 && full.initials.includes(acronym.lettersLower)) {
    return { why: "One name is the acronym of the other.", score: 0.8 };
  }
  // "Mr. Amodei" / "Dario Amodei": a title on one side only is no part of the name.
  if (a.titled !== b.titled) {
    if (a.titled && ta.length > 1) ta = ta.slice(1);
    if (b.titled && tb.length > 1) tb = tb.slice(1);
    if (ta.join(" ") === tb.join(" ")) return { why: "The names differ only in a title.", score: 0.85 };
  }
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  // "US" / "US government", "U.S." / "U.S. Department of Defense", "UN" / "UN Security Council":
  // a code at the head of a longer name says whose the organisation is (a country, a larger
  // body); it names that, not the organisation. ("DoD" is the acronym of its name: above.)
  const shortName = ta.length <= tb.length ? a : b;
  if (
    kind !== "person" &&
    short.length > 0 &&
    short.length < long.length &&
    short.every((t, i) => long[i] === t) &&
    COUNTRY_CODE.test(shortName.trimmed)
  ) {
    return null;
  }
  if (short.length > 0 && short.length < long.length && short.every((t) => long.includes(t))) {
    return { why: "One name is part of the other.", score: round(0.5 + (0.4 * short.length) / long.length) };
  }
  const aligned = short.length > 0 ? alignTokens(short, long) : null;
  if (aligned) {
    const weaker = 0.05 * aligned.short.length + 0.1 * aligned.initials;
    if (short.length === long.length) {
      const what = aligned.short.length
        ? `One name shortens words of the other (${aligned.short.join(", ")}).`
        : "One name gives initials for words of the other.";
      return { why: what, score: round(0.85 - weaker) };
    }
    const what = aligned.short.length ? ` (${aligned.short.join(", ")})` : "";
    return {
      why: `One name is part of the other, with short forms${what}.`,
      score: round(0.5 + (0.4 * short.length) / long.length - weaker),
    };
  }
  if (Math.min(fa.length, fb.length) >= EDIT_MIN_LENGTH) {
    const budget = editBudget(Math.min(fa.length, fb.length));
    // Names further apart in length than the budget are further apart in edits too.
    const d = Math.abs(fa.length - fb.length) <= budget ? distance(fa, fb) : Infinity;
    if (d <= budget) return { why: "The names differ by a letter or two.", score: d === 1 ? 0.75 : 0.65 };
  }
  // "Geological Service" / "Geological Survey": an organisation's leading word, and its last word
  // with the same initial. Never a different leading word ("North Korea" / "South Korea").
  if (kind === "organization" && ta.length === tb.length && ta.length >= 2) {
    const differ = ta.flatMap((t, i) => (t === tb[i] ? [] : [i]));
    const i = differ[0];
    if (differ.length === 1 && i === ta.length - 1 && i > 0) {
      const [x, y] = [ta[i]!, tb[i]!];
      if (x[0] === y[0] && x.length >= 4 && y.length >= 4)
        return { why: `The names share their leading words and end in words with the same initial (“${x}” / “${y}”).`, score: 0.45 };
    }
  }
  // "the Pentagon's Michael" / "Emil Michael": compare what is left without the prefix.
  const inner = a.stripped ? formsLikelySame(a.stripped, b, kind) : b.stripped ? formsLikelySame(a, b.stripped, kind) : null;
  if (inner) return { why: "One name, without its possessive prefix, matches the other.", score: round(inner.score * 0.9) };
  return null;
}

/** "One name is part of the other." → "One name is part of the other (score 0.70)." */
export function describeNameMatch(match: NameMatch): string {
  return `${match.why.replace(/\.$/, "")} (score ${match.score.toFixed(2)}).`;
}

/**
 * Entities that are probably one, among entities of the same kind, comparing every name and
 * alias and keeping the best reason. Pairs already decided to be different are never proposed again.
 * Only entities that share a block (lib/domain/name-blocks.ts) are compared: the same findings,
 * in the same order, as comparing every pair, without comparing every pair.
 */
export function detectNamingConflicts(
  entities: NamedEntity[],
  decidedDifferent: Set<string> = new Set(),
  /** Only pairs involving one of these entities (after an entity or alias changed). */
  focus?: Set<string>,
): DetectedConflict[] {
  const forms = entities.map((e) => ({ kind: e.kind, names: [e.name, ...e.aliases].map(prepareName) }));
  const focused = focus && new Set(entities.flatMap((e, i) => (focus.has(e.id) ? [i] : [])));
  const found: DetectedConflict[] = [];
  for (const [i, j] of candidatePairs(forms, focused)) {
    const best = bestNameMatch(forms[i]!.names, forms[j]!.names, entities[i]!.kind);
    if (!best) continue;
    const pair = [entities[i]!.id, entities[j]!.id].sort();
    if (!decidedDifferent.has(namingKey(pair))) found.push(namingConflict(pair, best));
  }
  return found;
}

/** The best reason two entities' names give, the first met among equals (names, then aliases). */
function bestNameMatch(xs: NameForm[], ys: NameForm[], kind: EntityKind): NameMatch | null {
  let best: NameMatch | null = null;
  for (const x of xs) {
    for (const y of ys) {
      const match = formsLikelySame(x, y, kind);
      if (match && (!best || match.score > best.score)) best = match;
    }
  }
  return best;
}

const namingKey = (pair: string[]) => `naming:${pair.join(":")}`;

const namingConflict = (pair: string[], best: NameMatch): DetectedConflict => ({
  key: namingKey(pair),
  kind: "naming",
  claimIds: [],
  entityIds: pair,
  summary: describeNameMatch(best),
  suggestion: SUGGESTIONS.naming,
});

/**
 * Naming detection comparing every pair of entities of one kind, with no blocking: the reference
 * `detectNamingConflicts` must agree with, for tests and benchmarks only.
 */
export function detectNamingConflictsAllPairs(
  entities: NamedEntity[],
  decidedDifferent: Set<string> = new Set(),
  focus?: Set<string>,
): DetectedConflict[] {
  const found: DetectedConflict[] = [];
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      const a = entities[i]!;
      const b = entities[j]!;
      if (a.kind !== b.kind || (focus && !focus.has(a.id) && !focus.has(b.id))) continue;
      const pair = [a.id, b.id].sort();
      if (decidedDifferent.has(namingKey(pair))) continue;
      let best: NameMatch | null = null;
      for (const x of [a.name, ...a.aliases]) {
        for (const y of [b.name, ...b.aliases]) {
          const match = namesLikelySame(x, y, a.kind);
          if (match && (!best || match.score > best.score)) best = match;
        }
      }
      if (best) found.push(namingConflict(pair, best));
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
  /** What someone set on attributes, by attribute key. */
  settings: Map<string, AttributeSetting> = new Map(),
): DetectedConflict[] {
  return [
    ...claimGroups(claims).flatMap((group) => detectGroupConflicts(group, { setting: settings.get(group[0]!.attribute) })),
    ...detectMisattributions(claims),
    ...detectNamingConflicts(entities, decidedDifferent),
  ].sort(byDetectionKey);
}

/** Claims by subject + attribute group, in the order groups are first met. */
export function claimGroups(claims: DetectionClaim[]): DetectionClaim[][] {
  const groups = new Map<string, DetectionClaim[]>();
  for (const c of claims) {
    const key = groupKey(c.subjectId, c.attribute);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}

/** The order detection lists what it found in: by key. */
export const byDetectionKey = (a: DetectedConflict, b: DetectedConflict) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
