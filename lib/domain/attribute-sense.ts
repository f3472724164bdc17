/**
 * How an attribute behaves, which decides what a difference between two of its claims means:
 *
 * - cardinality: "single" (one value at a time: a valuation, a date) or "multi" (several hold at
 *   once: roles, titles, products mentioned), where different values never contradict;
 * - change: "fixed" (should not change as reporting goes on: a date, a car park's size), "changes"
 *   (a share price, a loan: a later figure is an update) or "tally" (a count that grows as reports
 *   come in: a death toll, where a later lower figure is a decrease worth a look);
 * - lists: "exhaustive" (the whole membership) or "partial" (a selection: "among them").
 *
 * Inferred from the attribute's name and the words around its claims, and editable per
 * investigation: what someone set wins over what is inferred. Pure.
 */
import { memoized } from "@/lib/domain/memo.ts";
import { foldText } from "@/lib/domain/text.ts";

export const CARDINALITIES = ["single", "multi"] as const;
export const CHANGES = ["fixed", "changes", "tally"] as const;
export const LIST_MODES = ["exhaustive", "partial"] as const;
export type Cardinality = (typeof CARDINALITIES)[number];
export type Change = (typeof CHANGES)[number];
export type ListMode = (typeof LIST_MODES)[number];

export type AttributeSense = { cardinality: Cardinality; change: Change; lists: ListMode };
/** What someone set on the attribute; null where detection infers. */
export type AttributeSetting = { cardinality: Cardinality | null; change: Change | null; lists: ListMode | null };
export type InferredSense = AttributeSense & { why: Record<keyof AttributeSense, string> };

export const SENSE_LABELS = {
  cardinality: { single: "One value at a time", multi: "Several values hold at once" },
  change: { fixed: "Does not change", changes: "Changes over time", tally: "Running tally (grows as reports come in)" },
  lists: { exhaustive: "Lists are complete", partial: "Lists are partial" },
} as const satisfies { [K in keyof AttributeSense]: Record<AttributeSense[K], string> };

/** A count that grows as reporting goes on. */
const TALLY =
  /\b(?:toll|deaths?|dead|killed|fatalities|casualties|victims|injured|injuries|wounded|hurt|missing|evacuated|evacuees|evacuations|displaced|homeless|rescued|arrests?|arrested|detained|cases|infections|infected|hospitali[sz](?:ed|ations)|sold|buried|damaged|destroyed)\b/;
/** Readings of something that moves: prices, levels, moves, rates. */
const CHANGING =
  /\b(?:price|prices|share move|stock move|move|level|rate|yield|index|temperature|poll|polls|polling|approval|turnout so far|outage|without power|financing|loan|funding|debt|cash|reserves?)\b/;
/** Several values hold at once. */
const MULTI =
  /\b(?:roles?|titles?|positions?|jobs?|products|models|brands|mentioned|mentions|aliases|also known as|nicknames?|(?:co-?)?founders?|former employers?|spokes(?:person|man|woman|people)|board members?)\b/;
/** Words of change leading to a figure: "rose to 310", "climbed to 158", "cut the loan to $6.25 billion". */
const CHANGE_WORDS =
  /\b(?:rose|rises?|risen|rising|climb(?:ed|s|ing)?|increas(?:ed|es|ing)|grew|grown|jump(?:ed|s)?|leap(?:ed|t|s)?|soar(?:ed|s)?|surg(?:ed|es)|fell|falls?|fallen|falling|drop(?:ped|s)?|declin(?:ed|es)|slump(?:ed|s)?|plung(?:ed|es)|tumbl(?:ed|es)|slid|cut|halved|doubled|slash(?:ed)?|reduc(?:ed|es)|lower(?:ed)|rais(?:ed|es)|reach(?:ed|es)|stood at|stands at|revised|up|down)\b[^.;]{0,60}?(?:\d|\bas much as\b)/;
/**
 * Whether a claim's words write its figure as a change. Remembered by text: every save into a
 * group asks it of each of the group's claims, whose words do not change between saves.
 */
const writesChange = memoized(20_000, (context: string) => CHANGE_WORDS.test(foldText(context)));
/** Measured sizes are not tallies, whatever words they carry ("Height of damaged bridge"). */
const MEASURED = /^(?:height|length|width|depth|age|year|date|time|cost|value|size|area|weight|price|speed|distance)\b/;
/** A list that names some members only. */
const PARTIAL_WORDS =
  /\b(?:[a-z]+s like|including|includes|include|among them|among others|and others|such as|also on the list|also include[sd]?|among (?:the )?(?:\d+|[a-z]+) (?:investors|backers|members|companies|firms|countries))\b/;

export type SenseClaim = {
  value: { kind: string; measure?: unknown };
  /** The words leading to the claim's value: the text just before its quote, and the quote. */
  context?: string;
  /** The text just after the quote ("… are also on the list"). */
  after?: string;
};

/**
 * A count by its name: the tally word ends the name ("People missing", "Death toll", "Houses
 * destroyed"), or comes before what qualifies it ("Tesla stock sold after the deal (shares)"),
 * or the name says it counts ("Number of evacuees"). "Missing persons hotline" is not one.
 */
function isTallyName(name: string): boolean {
  const bare = name.replace(/\s*\([^)]*\)\s*$/, "").trim();
  if (/^(?:number|count|total) of\b/.test(bare) && TALLY.test(bare)) return true;
  const words = bare.split(/\s+/);
  const at = words.findLastIndex((w) => TALLY.test(w));
  return at >= 0 && (at === words.length - 1 || /^(?:after|since|so|to|in|on|by|from|during|as|at)$/.test(words[at + 1] ?? ""));
}

/** What an attribute's name says, by label: read once (detection infers the sense of every group). */
type NameSays = { tally: boolean; changing: boolean; multi: boolean };
const nameSays = new Map<string, NameSays>();

function readName(label: string): NameSays {
  let says = nameSays.get(label);
  if (!says) {
    const name = foldText(label);
    says = { tally: !MEASURED.test(name) && isTallyName(name), changing: CHANGING.test(name), multi: MULTI.test(name) };
    if (nameSays.size >= 10_000) nameSays.clear();
    nameSays.set(label, says);
  }
  return says;
}

/** What detection infers for an attribute from its name and the words around its claims. */
export function inferSense(label: string, claims: SenseClaim[]): InferredSense {
  const name = readName(label);
  const numeric = claims.length > 0 && claims.every((c) => ["number", "money", "percentage"].includes(c.value.kind));
  // Counts: plain numbers, not measures in units (a bridge's height in metres is no tally).
  const counts = claims.length > 0 && claims.every((c) => c.value.kind === "number" && !c.value.measure);
  const textual = claims.some((c) => ["text", "entity", "list"].includes(c.value.kind));
  let change: Change = "fixed";
  let changeWhy = "Nothing says it changes: a later source giving another value disagrees.";
  // Words of change count only around figures: "reached" a date or a name says nothing of change.
  // Looked for only when the name does not already say it is a count (each claim's words are folded).
  let moving: SenseClaim | undefined;
  if (counts && name.tally) {
    change = "tally";
    changeWhy = `“${label}” is a count that grows as reports come in.`;
  } else if (numeric && (moving = claims.find((c) => c.context && writesChange(c.context)))) {
    change = "changes";
    changeWhy = `A source writes it as a change (“${excerpt(moving.context!)}”).`;
  } else if (numeric && name.changing) {
    change = "changes";
    changeWhy = `“${label}” is a reading of something that moves.`;
  }

  const multi = textual && name.multi;
  return {
    cardinality: multi ? "multi" : "single",
    change,
    // Each list's own words say when it is partial ("including", "such as"); the attribute as a whole only when someone says so.
    lists: "exhaustive",
    why: {
      cardinality: multi ? `“${label}” can hold several values at once.` : "Two different values for one subject disagree.",
      change: changeWhy,
      lists: "Lists are read as complete, unless their own words say otherwise (“including”, “such as”, “among others”).",
    },
  };
}

/** What holds: what someone set, else what is inferred. */
export function senseOf(inferred: AttributeSense, setting: AttributeSetting | null | undefined): AttributeSense {
  return {
    cardinality: setting?.cardinality ?? inferred.cardinality,
    change: setting?.change ?? inferred.change,
    lists: setting?.lists ?? inferred.lists,
  };
}

/** Whether one list claim's words say it is partial ("including", "among others", "are also on the list"). */
export const listIsPartial = (c: { context?: string; after?: string }) =>
  PARTIAL_WORDS.test(foldText(`${c.context ?? ""} ${c.after ?? ""}`));

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 60 ? `…${t.slice(-60)}` : t;
}

/** How one aspect of an attribute reads ("Running tally (grows as reports come in)"). */
export function senseLabel<K extends keyof AttributeSense>(aspect: K, value: AttributeSense[K]): string {
  return (SENSE_LABELS[aspect] as Record<string, string>)[value]!;
}
