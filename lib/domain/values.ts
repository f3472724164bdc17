/**
 * Reading a claim's value as written ("$18.4 billion", "over 60 papers", "late 2023") into a
 * comparable form: numbers become intervals with the precision they were written with, dates
 * become day ranges with a precision, text and lists fold for comparison. Pure; the data layer
 * stores the result beside the text, which is never changed.
 */
import { type DateValue, parseAbsoluteDate, parseDate } from "@/lib/domain/dates.ts";
import { dayWordsIn, describeMoment, hasTimeOfDay, type MomentPrecision, parseMoment } from "@/lib/domain/moments.ts";
import { foldText } from "@/lib/domain/text.ts";
import { readUnit, toBase, unitLabel } from "@/lib/domain/units.ts";

export type { DatePrecision, DateValue } from "@/lib/domain/dates.ts";

export const VALUE_KINDS = ["money", "number", "percentage", "date", "time", "text", "entity", "list"] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export type Qualifier = "exact" | "up to" | "at least" | "over" | "under" | "about" | "nearly" | "range";

/** A numeric interval; a null bound is unbounded. */
export type NumericValue = {
  kind: "money" | "number" | "percentage";
  text: string;
  low: number | null;
  high: number | null;
  /** The figure as written (the range's ends are low and high). */
  point: number | null;
  qualifier: Qualifier;
  /** ISO currency for money, "%" for percentages, the unit of measure ("km"), or the counted thing ("papers"). */
  unit: string | null;
  /** For a unit of measure: the interval in the dimension's base unit, to compare across units. */
  measure?: Measure;
};

export type Measure = {
  dimension: string;
  low: number | null;
  high: number | null;
  /** A conversion the source wrote beside the figure ("(7.5 miles)"), and whether it agrees. */
  conversion?: { text: string; consistent: boolean };
};

/** Two intervals (a null bound is open) share a point. */
export function overlapping(a: { low: number | null; high: number | null }, b: { low: number | null; high: number | null }): boolean {
  return (a.high === null || b.low === null || b.low <= a.high) && (b.high === null || a.low === null || a.low <= b.high);
}

export type TextValue = { kind: "text" | "entity"; text: string; folded: string };
export type ListValue = { kind: "list"; text: string; items: string[]; folded: string[] };

/** A moment to the minute, hour or part of a day, in UTC ("20:11 local time" in Valencia is 19:11 UTC). */
export type TimeValue = {
  kind: "time";
  text: string;
  /** ISO instants, UTC: [start, end). */
  start: string;
  end: string;
  precision: MomentPrecision;
  /** The zone the wall time was read in. */
  zone: string;
};

export type NormalizedValue = NumericValue | DateValue | TimeValue | TextValue | ListValue;

export type ParseContext = {
  /** IANA zone for "local time" and times written with no zone (the investigation's). */
  timeZone?: string;
  /** The quote the value comes from: a time of day takes its day from it when the value names none. */
  quote?: string;
  /** The article's publication date: relative dates ("last July", "on Tuesday") resolve against it. */
  referenceDate?: Date | null;
};

export type ValueParse = { ok: true; value: NormalizedValue; reading: string } | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// Numbers and money

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  t: 1e12,
};
const CURRENCY_SYMBOLS: Record<string, string> = {
  us$: "USD",
  $: "USD",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  a$: "AUD",
  c$: "CAD",
  hk$: "HKD",
};
const CURRENCY_CODES = ["USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "HKD", "KRW", "RUB"];
const CURRENCY_WORDS: Record<string, string> = {
  dollar: "USD",
  dollars: "USD",
  euro: "EUR",
  euros: "EUR",
  pound: "GBP",
  pounds: "GBP",
  yen: "JPY",
  yuan: "CNY",
  renminbi: "CNY",
};

/** A currency named after an amount: "5 euros", "2 million dollars", "300 CHF". */
const CURRENCY_AFTER = new RegExp(
  String.raw`^\s*(?<word>${Object.keys(CURRENCY_WORDS).join("|")}|${CURRENCY_CODES.join("|")})(?![a-z])`,
  "i",
);

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/^(?:up to|as much as|as many as|no more than|at most|a maximum of)\s+/i, "up to"],
  [/^(?:at least|a minimum of|no less than)\s+/i, "at least"],
  [/^(?:(?:just|well|far|way) (?:over|above|more than)|over|more than|above|in excess of|upwards of|north of|exceeding)\s+/i, "over"],
  [/^(?:under|less than|below|fewer than|just under)\s+/i, "under"],
  [/^(?:nearly|almost|close to)\s+/i, "nearly"],
  [/^(?:about|around|approximately|roughly|some|an estimated|estimated|circa|c\.|~)\s*/i, "about"],
];

/** A fraction written in words: "two-thirds", "three quarters", "a fifth". */
const FRACTION =
  /^(?<top>a|one|two|three|four|five|six|seven|eight|nine)[\s-](?<bottom>halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b/i;
const DENOMINATORS: Record<string, string> = {
  half: "two",
  halve: "two",
  third: "three",
  quarter: "four",
  fifth: "five",
  sixth: "six",
  seventh: "seven",
  eighth: "eight",
  ninth: "nine",
  tenth: "ten",
};

/**
 * A running tally passing a mark: "topped 20,000", "has passed 5,000", "climbed past 22,000",
 * "rose above 300", "surpassed", "exceeded", "crossed". Reporters write the mark, not the count:
 * the count is at least the mark, read like "more than". "past" before a span of time is not a
 * bound ("past three years", "past 24 hours").
 */
const PASSING = new RegExp(
  String.raw`^(?:(?:just|well|far)\s+)?(?:` +
    String.raw`(?:been\s+)?(?:climbed|climbing|rose|risen|rising|jumped|soared|surged|gone|went|edged|crept|pushed)\s+(?:past|above|over|beyond)` +
    String.raw`|topped|topping|tops|passed|passing|passes|past|surpassed|surpassing|surpasses|exceeded|exceeds|crossed|crossing|crosses` +
    String.raw`)\s+(?!(?:\S+\s+){0,2}(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?|seasons?|nights?)\b)`,
  "i",
);

/**
 * An earthquake's magnitude, however written: "magnitude 7.8", "magnitude-7.8", "a 7.8-magnitude
 * quake", "7.8 on the Richter scale", "M7.8", "Mw 7.8". Read as a figure whose unit is "magnitude".
 */
const MAGNITUDE_BEFORE =
  /^(?:(?:(?:a|an|the)\s+)?(?:(?:preliminary|revised|initial)\s+)?(?:[Mm]agnitude|MAGNITUDE)(?:\s+of)?[\s-]?(?=\d|\.\d)|M[wLs]?\s?(?=\d+\.\d))/;
const MAGNITUDE_AFTER = /^(?:[\s-]?magnitude\b|\s+on\s+the\s+richter(?:\s+scale)?\b|\s+richter\b)/i;
const ARTICLE_BEFORE_MAGNITUDE = /^(?:a|an)\s+(?=[\d.]+(?:[\s-]?magnitude\b|\s+on\s+the\s+richter\b))/i;

/**
 * Verbs of a move that also take an object: "contracted 40 buses", "expanded 20 stores", "grew 300
 * acres of corn" count what was hired or made. Before a count they are a move only with "by"; a
 * share ("contracted 0.3%", "grew 2.1%") is always a move.
 */
export const TRANSITIVE_MOVES = "grew|grows|grown|shrank|shrunk|shrinks|increased|decreased|expanded|contracted";
const TRANSITIVE_MOVE = new RegExp(
  String.raw`(?:${TRANSITIVE_MOVES})(?=\s+by\b|\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|more than\s+)?[\d.,]+\s*(?:%|per\s?cent\b|(?:percentage\s+)?points?\b))`,
);
const DIRECTION = new RegExp(
  String.raw`^(up|down|rose|rises|risen|fell|falls|fallen|gained|gains|lost|loses|jumped|jumps|leaped|leapt|soared|surged|climbed|dropped|drops|declined|slid|slipped|plunged|tumbled|sank|sunk|higher|lower|${TRANSITIVE_MOVE.source}|(?:an?\s+)?(?:net\s+)?(?:gain|loss|rise|fall|drop|increase|decrease|decline)\s+of)(?: by)?\s+(?!to\b)`,
  "i",
);
/** The words of a move down: "fell 11%" is −11%. */
export const DOWNWARD_WORDS =
  "down|fell|falls|fallen|lost|loses|dropped|drops|declined|slid|slipped|plunged|tumbled|sank|sunk|lower|shrank|shrunk|shrinks|decreased|contracted";
const DOWNWARD = new RegExp(`^(?:${DOWNWARD_WORDS}|(?:an?\\s+)?(?:net\\s+)?(?:loss|fall|drop|decrease|decline)\\s+of)$`, "i");
/** A sign written before the figure, as analysts note a change: "-251", "−3%", "+4.2%", "-5°C". */
const SIGN = /^([-−+])\s?(?=[\d.$€£¥]|(?:US|A|C|HK)\$)/;

const CUR_PRE = String.raw`(?<pre>US\$|A\$|C\$|HK\$|\$|€|£|¥|(?:${CURRENCY_CODES.join("|")})\s?)?`;
const NUM = String.raw`(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;
const SCALE = String.raw`(?:[\s-]?(?<scale>thousand|million|billion|trillion|mln|mn|bn|tn|[kmbt])(?![a-z]))?`;
const AMOUNT = new RegExp(`^${CUR_PRE}${NUM}${SCALE}`, "i");

/** Words after a figure that are never what it counts: prepositions, articles, verbs' helpers, pronouns. */
const NOT_COUNTED =
  /^(?:of|in|and|or|but|nor|to|for|by|on|at|the|a|an|per|from|with|into|onto|over|under|after|before|since|until|till|as|than|across|between|among|against|during|near|off|out|up|down|about|around|through|via|within|without|toward|towards|is|are|was|were|be|been|has|have|had|will|would|could|should|can|may|might|must|that|which|who|whom|whose|this|these|those|it|its|they|their|he|his|she|her|we|our|you|your|more|less|fewer|each|every|apiece|so|too|then|when|where|while|if|not|no)$/i;

type Amount = { value: number; halfStep: number; currency: string | null; scale: number; scaled: boolean; rest: string };

/** The numbers written as one word, each at its own index: "zero" … "nineteen". */
export const SMALL_NUMBERS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
/** A Map, not an object: the words come from articles, and "constructor" is no scale. */
const WORD_SCALES = new Map([
  ["thousand", 1e3],
  ["million", 1e6],
  ["billion", 1e9],
  ["trillion", 1e12],
]);

/**
 * A number written in words at the start of the input: "nine", "twenty-five", "one hundred and
 * fourteen", "two million", "a dozen". Its precision is its last word's: "two million" is as
 * precise as "2 million". A capitalised word after it ("One Medical") makes it a name, not a count.
 */
function readWordAmount(input: string): Amount | null {
  const token = /^[\s-]*([a-z]+)/i;
  let rest = input;
  let total = 0;
  let group = 0;
  let seen = false;
  let lastScale = 1;
  for (let m = rest.match(token); m; m = rest.match(token)) {
    const word = m[1]!.toLowerCase();
    const small = SMALL_NUMBERS.indexOf(word);
    const tens = TENS.indexOf(word);
    const next = rest.slice(m[0].length);
    if (small >= 0) group += small;
    else if (tens >= 2) group += tens * 10;
    else if (word === "a" && !seen && /^\s+(?:dozen|hundred|thousand|million|billion|trillion)\b/i.test(next)) group += 1;
    else if (word === "dozen" && seen) group *= 12;
    else if (word === "hundred" && seen) group *= 100;
    else if (WORD_SCALES.has(word) && seen) {
      total += group * WORD_SCALES.get(word)!;
      group = 0;
      lastScale = WORD_SCALES.get(word)!;
    } else if (word === "and" && seen && /^\s+[a-z]/i.test(next) && readWordAmount(next)) {
      // "one hundred and fourteen"
    } else break;
    if (word !== "and") {
      seen = true;
      if (!WORD_SCALES.has(word)) lastScale = 1;
    }
    rest = next;
  }
  if (!seen || /^\s+\p{Lu}/u.test(rest)) return null;
  const value = total + group;
  // "two million dollars", "ten euros": the currency named after the words, as after figures.
  const after = CURRENCY_AFTER.exec(rest);
  const currency = after ? currencyOf(after.groups!.word!) : null;
  if (after) rest = rest.slice(after[0].length);
  return { value, halfStep: lastScale / 2, currency, scale: lastScale, scaled: lastScale > 1, rest };
}

function readAmount(input: string): Amount | null {
  const m = input.match(AMOUNT);
  if (!m?.groups) return readWordAmount(input);
  const { pre, num = "", scale } = m.groups;
  const scaleValue = scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1;
  const digits = num.replace(/,/g, "");
  const decimals = digits.includes(".") ? digits.split(".")[1]!.length : 0;
  const value = Number(digits) * scaleValue;
  let halfStep = (10 ** -decimals * scaleValue) / 2;
  // A round figure ("80,000") is read with its significant figures, to at most 5% either way:
  // 80,900 written plainly is "80,000" rounded, not a different count.
  const zeros = decimals ? 0 : (digits.match(/0+$/)?.[0].length ?? 0);
  if (zeros >= 3 && value > 0) halfStep = Math.min((10 ** zeros * scaleValue) / 2, value * 0.05);
  let currency = pre ? currencyOf(pre.trim()) : null;
  let rest = input.slice(m[0].length);
  // "61 cents a share", "45 pence", "50 euro cents", "81 US cents": a hundredth of the currency.
  const hundredths =
    currency || scale ? null : /^\s*(?:(?<euro>euro)\s+|(?:US|U\.S\.)\s+(?=cents?\b))?(?<unit>cents?|pence|penny)(?![a-z])/i.exec(rest);
  if (hundredths?.groups) {
    const coin = hundredths.groups.unit!.toLowerCase();
    currency = hundredths.groups.euro ? "EUR" : coin === "pence" || coin === "penny" ? "GBP" : "USD";
    rest = rest.slice(hundredths[0].length);
    return { value: round(value / 100), halfStep: halfStep / 100, currency, scale: 0.01, scaled: false, rest };
  }
  const after = CURRENCY_AFTER.exec(rest);
  if (after?.groups?.word) {
    currency ??= currencyOf(after.groups.word);
    rest = rest.slice(after[0].length);
  }
  return { value: round(value), halfStep, currency, scale: scaleValue, scaled: Boolean(scale), rest };
}

function currencyOf(token: string): string | null {
  const lower = token.toLowerCase();
  if (CURRENCY_SYMBOLS[lower]) return CURRENCY_SYMBOLS[lower]!;
  if (CURRENCY_WORDS[lower]) return CURRENCY_WORDS[lower]!;
  const upper = token.toUpperCase();
  return CURRENCY_CODES.includes(upper) ? upper : null;
}

/** Floating-point noise off: 18.4e9 stays 18400000000. */
function round(n: number): number {
  return Number(n.toPrecision(12));
}

function parseNumeric(text: string, wanted: "money" | "number" | "percentage" | null): NumericValue | null {
  return readNumeric(text, wanted)?.value ?? null;
}

/** The numeric reading and whatever text followed it ("$100 million in revenue" leaves "in revenue"). */
function readNumeric(text: string, wanted: "money" | "number" | "percentage" | null): { value: NumericValue; rest: string } | null {
  let rest = text.trim().replace(/\s+/g, " ");
  let qualifier: Qualifier = "exact";
  const passing = rest.match(PASSING);
  if (passing) {
    qualifier = "over";
    rest = rest.slice(passing[0].length);
  }
  // "magnitude 7.8", "M7.8", "a 7.8-magnitude quake": the scale's name, before or after the figure.
  const magnitudeBefore = rest.match(MAGNITUDE_BEFORE) ?? rest.match(ARTICLE_BEFORE_MAGNITUDE);
  if (magnitudeBefore) rest = rest.slice(magnitudeBefore[0].length);
  // "-251", "+4.2%": a sign the analyst wrote.
  const written = passing || magnitudeBefore ? null : rest.match(SIGN);
  if (written) rest = rest.slice(written[0].length);
  // "up 12%", "fell 11%", "down 251", "a gain of 211": a move, signed (percentages and plain counts
  // only: "lost $5 billion" is as often the loss itself as a change).
  const direction = passing || written ? null : rest.match(DIRECTION);
  let sign = direction ? (DOWNWARD.test(direction[1]!) ? -1 : 1) : written?.[1] === "+" ? 1 : written ? -1 : 1;
  if (direction) rest = rest.slice(direction[0].length);
  for (const [pattern, q] of passing ? [] : QUALIFIERS) {
    const m = rest.match(pattern);
    if (m) {
      qualifier = q;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  // "dozens", "hundreds", "tens of thousands", "millions" of people: wide ranges, that only a clear mismatch contradicts.
  const many = rest.match(
    /^(?<times>tens of |hundreds of )?(?<scale>dozens|hundreds|thousands|millions|billions)(?!\s+of\s+(?:dollars|euros|pounds)\b)(?:\s+of\b)?/i,
  );
  if (many?.groups && qualifier === "exact") {
    // "thousands" is 2,000–9,999, "tens of thousands" 20,000–99,999: each the next tenfold up.
    const scale = { dozens: 12, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9 }[many.groups.scale!.toLowerCase()]!;
    const times = { "tens of ": 10, "hundreds of ": 100 }[(many.groups.times ?? "").toLowerCase()] ?? 1;
    const after = rest.slice(many[0].length).match(/^\s*(?<unit>[\p{L}][\p{L}'’-]*)/u);
    return {
      value: {
        kind: "number",
        text,
        low: 2 * scale * times,
        high: 10 * scale * times - 1,
        point: null,
        qualifier: "range",
        unit: after?.groups?.unit?.toLowerCase() ?? null,
      },
      rest: after ? rest.slice(many[0].length + after[0].length) : rest.slice(many[0].length),
    };
  }
  const vague = rest.match(/^(?<scale>thousands|millions|billions|trillions) of (?<cur>dollars|euros|pounds)\b/i);
  if (vague?.groups && qualifier === "exact") {
    const unit = SCALES[vague.groups.scale!.toLowerCase().slice(0, -1)]!;
    return {
      value: { kind: "money", text, low: unit, high: unit * 1000, point: null, qualifier: "range", unit: currencyOf(vague.groups.cur!) },
      rest: rest.slice(vague[0].length),
    };
  }
  // "two-thirds", "three quarters of", "a fifth of": a fraction in words is a share, read as "two
  // in three" is. "a quarter", "two quarters" or "three quarters in a row" may be a span of time
  // (of a year, of a match): only hyphenated ("one-fifth") or with "of", and "of" a year ("in
  // three quarters of 2023") is time too.
  const fraction = rest.match(FRACTION);
  if (fraction?.groups && wanted !== "money") {
    const { top = "", bottom = "" } = fraction.groups;
    const plural = /s$/i.test(bottom);
    const afterFraction = rest.slice(fraction[0].length);
    const hyphenated = fraction[0].includes("-");
    const ofWhole =
      /^\s+of\b/i.test(afterFraction) &&
      !/^\s+of\s+(?:\d{4}\b|fy\s*\d|fiscal\b|(?:the|this|last|next)\s+(?:fiscal\s+)?year\b)/i.test(afterFraction);
    // "two halves" is a match's, never a share; "one thirds" no fraction.
    const written = plural ? !/^(?:one|an?)$/i.test(top) && !/^halves$/i.test(bottom) : true;
    if (written && (hyphenated || ofWhole)) {
      const whole =
        DENOMINATORS[
          bottom
            .toLowerCase()
            .replace(/s$/, "")
            .replace(/^hal(?:f|ve)$/, "half")
        ]!;
      rest = `${/^an?$/i.test(top) ? "one" : top} in ${whole}${afterFraction}`;
    }
  }
  // "nine in 10", "one in five", "two out of three", "1 in 5,000": a share, as news gives
  // proportions. The whole is read whole ("5,000" is not 5), and a span of time is no whole: "3 in
  // 10 minutes" is three goals, not 30%.
  const ratio =
    wanted === "money"
      ? null
      : rest.match(
          /^(\S+)\s+(?:in|out of)\s+(\d{1,3}(?:,\d{3})+|\d{1,4}|[a-z]+)(?![\d.,]*\d)\b(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b)/i,
        );
  const [part, whole] = ratio ? [readAmount(ratio[1]!), readAmount(ratio[2]!)] : [null, null];
  if (ratio && part && whole && !part.rest.trim() && !whole.rest.trim()) {
    const [n, d] = [part.value, whole.value];
    // A whole past 1,000 only with its thousands marked: "1 in 2024" is no share.
    if (Number.isInteger(n) && Number.isInteger(d) && n > 0 && n < d && (d <= 1000 || ratio[2]!.includes(","))) {
      // Written as a rounded share: half a part either way ("nine in 10" is 85–95%), "about" or not.
      const spread = 0.5;
      const share = (parts: number) => Number(((parts / d) * 100).toPrecision(3));
      // A bound reads like one on any figure: "more than one in five" is 20% and up, "nearly 3 in
      // 10" just short of 30% (down to half a part under), "up to one in four" at most 25%.
      const bounds: Record<Qualifier, [number | null, number | null]> = {
        exact: [share(n - spread), share(n + spread)],
        about: [share(n - spread), share(n + spread)],
        range: [share(n - spread), share(n + spread)],
        nearly: [share(n - spread), share(n)],
        over: [share(n), null],
        "at least": [share(n), null],
        under: [0, share(n)],
        "up to": [0, share(n)],
      };
      const [low, high] = bounds[qualifier];
      return {
        value: {
          kind: wanted === "number" ? "number" : "percentage",
          text,
          low,
          high,
          point: share(n),
          qualifier,
          unit: "%",
        },
        rest: rest.slice(ratio[0].length),
      };
    }
  }
  const between = rest.match(/^between\s+(.+?)\s+and\s+(.+)$/i);
  let first: Amount | null;
  let second: Amount | null = null;
  if (between && qualifier === "exact") {
    first = readAmount(between[1]!);
    second = readAmount(between[2]!);
    // "between 3% and 5%", "between 3 km and 5 km": the unit of the low end is the high end's.
    if (!first || !second || (first.rest.trim() && unitOf(first.rest)?.unit !== unitOf(second.rest)?.unit)) return null;
    rest = second.rest;
  } else {
    first = readAmount(rest);
    // "4:17 a.m.": a clock reading is no count of four.
    if (!first || /^:\d/.test(first.rest)) return null;
    rest = first.rest;
    // "3% to 5%", "3 km to 5 km": a unit written at both ends is written once for the range.
    const echoed = unitOf(rest);
    if (echoed && qualifier === "exact") {
      const after = rest.slice(echoed.length).match(/^\s*(?:–|—|-|to(?!\p{L}))\s*/iu);
      const high = after && readAmount(rest.slice(echoed.length + after[0].length));
      if (high && unitOf(high.rest)?.unit === echoed.unit) rest = rest.slice(echoed.length);
    }
    // "17-mile" is a figure and its unit, not a range.
    // "5 tonnes" is no range "5 to nnes".
    const to = rest.match(/^\s*(?:–|—|-(?!\p{L})|to(?!\p{L}))\s*/iu);
    if (to && qualifier === "exact" && !MAGNITUDE_AFTER.test(rest)) {
      second = readAmount(rest.slice(to[0].length));
      if (!second) return null;
      rest = second.rest;
    }
  }
  if (second) {
    // "$10–20 million": the scale and currency written once apply to both ends; not to a figure
    // already past the other end: "500,000 to 1 million" is no 500 billion.
    if (!first.scaled && second.scaled && first.value * second.scale <= second.value)
      first = { ...first, value: round(first.value * second.scale), scale: second.scale };
    // A high end written first is no range: a score ("won 3-1") or a season ("the 2023-24 season").
    if (second.value < first.value) return null;
    first.currency ??= second.currency;
    second.currency ??= first.currency;
    qualifier = "range";
  }
  let kind: NumericValue["kind"] = first.currency ? "money" : "number";
  let measure: { dimension: string } | null = null;
  let unit: string | null = first.currency;
  // "bp" in lower case only: "3 BP refineries" are the oil company's.
  const percent = rest.match(/^\s*(?:%|per ?cent\b|percentage points?\b|pct\b|basis points?\b)/i) ?? rest.match(/^\s*bps?\b/);
  const magnitudeAfter = kind === "number" && !percent ? rest.match(MAGNITUDE_AFTER) : null;
  if (magnitudeBefore || magnitudeAfter) {
    if (kind !== "number" || percent) return null;
    unit = "magnitude";
    if (magnitudeAfter) rest = rest.slice(magnitudeAfter[0].length);
  } else if (percent) {
    kind = "percentage";
    // A basis point is a hundredth of a percentage point, as central banks move rates by.
    unit = /basis|bps?\b/i.test(percent[0]) ? "basis points" : /points?/i.test(percent[0]) ? "percentage points" : "%";
    rest = rest.slice(percent[0].length);
    // "an 11% drop" is the same move as "down 11%".
    if (!direction && /^\s*(?:drop|fall|decline|decrease|loss|slump|plunge|slide)\b/i.test(rest)) sign = -1;
    // So is "closed 0.8 per cent lower": the move's word after the figure.
    if (!direction && /^\s*lower\b/i.test(rest)) sign = -1;
  } else if (kind === "number" && (readUnit(rest) || (/^-\p{L}/u.test(rest) && readUnit(rest.slice(1))))) {
    // "a 17-mile pipeline", "a 40-metre wall": a unit joined to its figure by a hyphen.
    if (!readUnit(rest)) rest = rest.slice(1);
    const read = readUnit(rest)!;
    unit = read.unit;
    measure = { dimension: read.dimension };
    rest = rest.slice(read.length);
  } else if (kind === "number") {
    const counted = rest.match(/^\s*(?<unit>[\p{L}][\p{L}'’-]*)(?:\s+(?<more>[\p{L}][\p{L}-]*))?/u);
    // "129.25 per dollar": a rate, not a count of "per"; "forces 12,000 from homes": no count of "from".
    if (counted?.groups?.unit && !NOT_COUNTED.test(counted.groups.unit)) {
      // "58.7 million Tesla shares", "1,000 Spanish troops": a name qualifying the plural noun after
      // it is not what is counted. "20 Democrats voted": a plural name is.
      const { unit: word, more } = counted.groups;
      const qualifier =
        /^\p{Lu}[\p{L}'’-]*[^sS'’]$/u.test(word) && more && /^(?:\p{Ll}{3,}[^s]s|\p{Lu}{2,}s)$/u.test(more) && !NOT_COUNTED.test(more);
      const noun = qualifier ? more : word;
      unit = noun.replace(/[.]$/, "").toLowerCase();
      rest = rest.slice(counted.index! + (qualifier ? counted[0].length : word.length + 1));
    }
  }
  if (direction && (kind === "money" || measure || unit === "magnitude")) return null;
  // "-5 to 3" is no range read here: which end the sign is of is not said.
  if (written && second) return null;
  if (wanted && wanted !== kind) {
    if (wanted === "money" || wanted === "percentage") return null;
    kind = "number"; // money or a percentage read as a plain number, when asked to
  }
  const low = second ? first.value : first.value - first.halfStep;
  const high = second ? second.value : first.value + first.halfStep;
  const v = first.value;
  const bounds: Record<Qualifier, [number | null, number | null]> = {
    exact: [round(low), round(high)],
    range: [round(Math.min(low, high)), round(Math.max(low, high))],
    "up to": [0, v],
    under: [0, v],
    "at least": [v, null],
    over: [v, null],
    about: [round(v * 0.9), round(v * 1.1)],
    nearly: [round(v * 0.9), v],
  };
  const [lo0, hi0] = bounds[qualifier];
  // A fall of 11% is −11%: the interval turns around zero.
  const [lo, hi] = sign < 0 ? [hi0 === null ? null : -hi0, lo0 === null ? null : -lo0] : [lo0, hi0];
  const point = second ? null : sign * v;
  const value: NumericValue = { kind, text, low: lo, high: hi, point, qualifier, unit };
  if (measure && unit) {
    value.measure = {
      dimension: measure.dimension,
      low: lo === null ? null : round(toBase(lo, unit)),
      high: hi === null ? null : round(toBase(hi, unit)),
    };
    // "12 kilometres (7.5 miles)", "491 millimetres, or more than 19 inches": the source's own conversion.
    const conversion = rest.match(/^\s*(?:\((?<inner>[^)]+)\)|,?\s*(?:or|about|roughly|some)\s+(?<or>.+))/i);
    const written = conversion?.groups?.inner ?? (conversion?.groups?.or ? conversion[0].replace(/^\s*,?\s*or\s+/i, "") : null);
    const other = written ? readNumeric(written, "number") : null;
    if (other?.value.measure?.dimension === measure.dimension) {
      const m = other.value.measure;
      value.measure.conversion = { text: written!.trim(), consistent: overlapping(value.measure, m) };
      rest = other.rest;
    }
  }
  return { value, rest };
}

// ---------------------------------------------------------------------------------------------
// Text, lists, entities

/**
 * "Google (GOOGL), Amazon (AMZN), and Microsoft" → Google, Amazon, Microsoft. A comma between
 * digit groups is part of a number: "2,000 tents, 3,000 beds" is two items.
 */
export function splitList(text: string): string[] {
  return text
    .split(/\s*(?:(?<!\d),|,(?!\d{3}(?!\d))|;|\band\b|&)\s*/i)
    .map((s) => s.replace(/^(?:and|or)\s+/i, "").trim())
    .filter(Boolean);
}

const foldItem = (item: string) => foldText(item.replace(/\s*\([^)]*\)/g, ""));

// ---------------------------------------------------------------------------------------------

/** The kind a value most probably is, for the form to pre-select (the analyst can change it). */
export function detectValueKind(text: string, context: ParseContext = {}): ValueKind {
  const t = text.trim();
  const numeric = parseNumeric(t, null);
  if (numeric && numeric.kind !== "number") return numeric.kind;
  if (hasTimeOfDay(t) && /\d|noon|midnight/i.test(t) && parseMoment(t, context)?.timed) return "time";
  if (parseDate(t, context)) return "date"; // before plain numbers: "2021" is a year
  if (numeric) return "number";
  const items = splitList(t);
  if (!/\d/.test(t) && items.length >= 2 && items.every((i) => i.split(" ").length <= 4)) return "list";
  return "text";
}

/**
 * The value inside a selected passage: "valued at $18.4 billion" → "$18.4 billion". Money and
 * percentages first, then dates, then counts; the whole passage when none is found.
 */
export function extractValue(passage: string): string {
  const words = passage.trim().split(/\s+/);
  if (words.length > 40) return passage.trim();
  const spans: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = words.length; j > i; j--)
      spans.push(
        words
          .slice(i, j)
          .join(" ")
          .replace(/[.,;:]+$/, ""),
      );
  }
  const whole = (text: string, kinds: NumericValue["kind"][]) => {
    const read = readNumeric(text, null);
    return Boolean(read && kinds.includes(read.value.kind) && read.rest.trim() === "");
  };
  const found =
    spans.find((t) => whole(t, ["money", "percentage"])) ??
    spans.find((t) => parseAbsoluteDate(t)) ??
    spans.find((t) => whole(t, ["number"]) && !/^\d+$/.test(t));
  return found ? found.replace(/^(?:in|on|by|during|from|since|as of)\s+/i, "") : passage.trim();
}

/**
 * The unit a figure's text goes on with, as written (folded, without space before it): a percent
 * sign or word, or a unit of measure; null for anything else ("3 people" has no unit here).
 */
function unitOf(rest: string): { unit: string; length: number } | null {
  const percent = rest.match(/^\s*(?:%|per ?cent\b|percentage points?\b)/i);
  const length = percent ? percent[0].length : (readUnit(rest)?.length ?? 0);
  return length ? { unit: rest.slice(0, length).trim().toLowerCase(), length } : null;
}

/** Reads a value as the given kind (or the detected one). */
export function parseValue(text: string, kind?: ValueKind, context: ParseContext = {}): ValueParse {
  const t = text.trim();
  if (!t) return { ok: false, error: "Enter a value." };
  const k = kind ?? detectValueKind(t, context);
  switch (k) {
    case "money":
    case "number":
    case "percentage": {
      const value = parseNumeric(t, k);
      if (!value) {
        const hint = { money: "e.g. $18.4 billion", number: "e.g. over 60 papers", percentage: "e.g. 15%" }[k];
        return { ok: false, error: `“${t}” is not read as ${k === "money" ? "an amount of money" : `a ${k}`} (${hint}).` };
      }
      return { ok: true, value, reading: describeValue(value) };
    }
    case "date": {
      const value = parseDate(t, context);
      if (!value) return { ok: false, error: `“${t}” is not read as a date (e.g. December 2025, late 2023, Q3 2024).` };
      return { ok: true, value, reading: describeValue(value) };
    }
    case "time": {
      // "20:11 local time" in a quote that says "last Tuesday": the day comes from the quote.
      const day = context.quote && !dayWordsIn(t) ? dayWordsIn(context.quote) : "";
      const moment = hasTimeOfDay(t) ? (day && parseMoment(`${t} ${day}`, context)) || parseMoment(t, context) : null;
      if (!moment?.timed) {
        const why = moment || !context.referenceDate ? "" : " Give the day too, or set the article's publication date.";
        return { ok: false, error: `“${t}” is not read as a time of day (e.g. 16:30 local time, 0830 GMT, 4:30 p.m. Beijing time).${why}` };
      }
      const value: TimeValue = {
        kind: "time",
        text: t,
        start: new Date(moment.start).toISOString(),
        end: new Date(moment.end).toISOString(),
        precision: moment.precision,
        zone: moment.zone,
      };
      return { ok: true, value, reading: describeValue(value) };
    }
    case "list": {
      const items = splitList(t);
      const value: ListValue = { kind: "list", text: t, items, folded: [...new Set(items.map(foldItem))].sort() };
      return { ok: true, value, reading: describeValue(value) };
    }
    case "text":
    case "entity": {
      const value: TextValue = { kind: k, text: t, folded: foldText(t) };
      return { ok: true, value, reading: describeValue(value) };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Showing a reading

const MAGNITUDES: [number, string, string][] = [
  [1e12, "trillion", "tn"],
  [1e9, "billion", "bn"],
  [1e6, "million", "m"],
];

/** The scale words for a figure: millions and up; smaller figures are written out. */
function magnitude(n: number): [number, string, string] {
  return MAGNITUDES.find(([size]) => Math.abs(n) >= size) ?? [1, "", ""];
}

// One formatter for every call: making one per call (toLocaleString with options) is slow.
const FIGURE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

function figure(n: number, size: number): string {
  return FIGURE.format(round(n / size));
}

/** "18.4 billion USD (18.35–18.45 bn)", "2025-12-01 – 2025-12-31 (month)". */
export function describeValue(value: NormalizedValue): string {
  switch (value.kind) {
    case "money":
    case "number":
    case "percentage": {
      const conversion = value.measure?.conversion;
      if (conversion) {
        const plain = describeValue({ ...value, measure: { ...value.measure!, conversion: undefined } });
        return `${plain}; the source's own conversion “${conversion.text}” ${conversion.consistent ? "agrees" : "does not agree"}`;
      }
      const unit = value.unit ? (value.unit === "%" ? "%" : ` ${value.measure ? unitLabel(value.unit) : value.unit}`) : "";
      const ref = value.qualifier === "range" ? (value.low ?? 0) : (value.point ?? value.high ?? value.low ?? 0);
      const [size, word, short] = magnitude(ref);
      // "(22.45–22.55 million)" for a measure: "m" would read as metres.
      const suffix = short ? ` ${value.measure ? word : short}` : value.unit === "%" ? "%" : "";
      const bound = (n: number | null, open: string) => (n === null ? open : figure(n, size));
      const interval = `${bound(value.low, "−∞")}–${bound(value.high, "∞")}${suffix}`;
      const main = value.point !== null ? `${figure(value.point, size)}${word ? ` ${word}` : ""}${unit}` : "";
      switch (value.qualifier) {
        case "exact":
          return `${main} (${interval})`;
        case "range":
          return `${interval}${value.unit && value.unit !== "%" ? unit : ""}`;
        case "up to":
        case "under":
        case "about":
        case "nearly":
          return `${value.qualifier === "up to" && (value.point ?? 0) < 0 ? "as much as" : value.qualifier} ${main} (${interval})`;
        case "at least":
        case "over":
          return `${main} or more (${interval})`;
      }
      return main;
    }
    case "date":
      if (!value.resolved) return `unresolved: ${value.reason ?? "not enough to place it in time"}`;
      return value.start === value.end ? `${value.start} (day)` : `${value.start} – ${value.end} (${value.precision})`;
    case "time":
      return `${describeMoment({ start: Date.parse(value.start), end: Date.parse(value.end), precision: value.precision, zone: value.zone, timed: true })} (${value.precision === "minute" ? "to the minute" : value.precision === "hour" ? "to the hour" : "part of the day"})`;
    case "list":
      return `${value.items.length} items: ${value.items.join(" · ")}`;
    case "text":
    case "entity":
      return `“${value.text}”`;
  }
}

/** Numeric bounds for the database's indexed interval (dates as epoch milliseconds). */
export function valueBounds(value: NormalizedValue): { low: number | null; high: number | null; unit: string | null } {
  switch (value.kind) {
    case "money":
    case "number":
    case "percentage":
      return { low: value.low, high: value.high, unit: value.unit };
    case "date":
      return {
        low: value.start ? Date.parse(`${value.start}T00:00:00Z`) : null,
        high: value.end ? Date.parse(`${value.end}T23:59:59.999Z`) : null,
        unit: null,
      };
    case "time":
      return { low: Date.parse(value.start), high: Date.parse(value.end) - 1, unit: null };
    default:
      return { low: null, high: null, unit: null };
  }
}
