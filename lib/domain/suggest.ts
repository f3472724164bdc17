/**
 * Suggested claims (issue 14): every value the parser reads in an article becomes a proposal
 * with a guessed subject, attribute and as-of, for the analyst to accept or reject. Pure: the
 * caller passes the article, the investigation's entities and the claims already recorded, with
 * offsets as JavaScript (UTF-16) indices into each article's body.
 *
 * Sentences and tokens come from wink-nlp with its English light model, a registry package
 * that loads offline with no install script; its tokens carry no offsets, so they are located
 * in the body in order. Values are read by lib/domain/values.ts, never by a second parser.
 */
import winkNLP from "wink-nlp";
import { z } from "zod";
import model from "wink-eng-lite-web-model";
import { CONTEXT_LENGTH } from "@/lib/domain/anchoring.ts";
import type { EntityKind } from "@/lib/domain/claims.ts";
import { ATTRIBUTE_FAMILIES, type AttributeFamily, familyOf, MOVE, type Shape } from "@/lib/domain/attribute-lexicon.ts";
import { memoized } from "@/lib/domain/memo.ts";
import { isTimeZone, zoneOffset } from "@/lib/domain/moments.ts";
import { opensWithGivenName } from "@/lib/domain/given-names.ts";
import { NAME, rolesIn, TITLE_ONLY, titleCaseByLine, trimName, withoutTitles } from "@/lib/domain/role-suggest.ts";
import { humanDay } from "@/lib/domain/factsheet-formats.ts";
import { DATELINE, foldText, lineStartOf } from "@/lib/domain/text.ts";
import {
  comparedWith,
  electionQualifier,
  hasElection,
  hasPeriod,
  periodOfFigure,
  qualifierFor,
  withPeriod,
} from "@/lib/domain/period-label.ts";
import { overlapIndex } from "@/lib/domain/sorted.ts";
import {
  DOWNWARD_WORDS,
  detectValueKind,
  TRANSITIVE_MOVES,
  type NormalizedValue,
  parseValue,
  SMALL_NUMBERS,
  type ValueKind,
} from "@/lib/domain/values.ts";

export type SuggestEntity = { id: string; name: string; kind: EntityKind; aliases: string[] };

/** A claim already recorded in the investigation, anchored in its article's body. */
export type RecordedClaim = {
  articleId: string;
  body: string;
  start: number;
  end: number;
  /** The value as written ("At least 51"); located inside the quote to find the cue before it. */
  valueText: string;
  valueKind: ValueKind;
  subjectId: string;
  attribute: string;
};

/**
 * A proposal the analyst rejected: its span (UTF-16 offsets in its article's body) is not proposed
 * again, and a cue (the proposal's `cue`) rejected twice is not proposed anywhere (issue 14),
 * whatever the figure, since it is the wording that misleads. A proposal with no cue words
 * teaches nothing by its cue: two of those rejected say nothing about a third.
 */
export type RejectedProposal = { cue: string; span?: { articleId: string; start: number; end: number } };

export type SubjectGuess =
  | { how: "mention"; entityId: string; name: string }
  | { how: "learned"; entityId: string; name: string }
  | { how: "sentence"; name: string; kind?: EntityKind }
  | { how: "none" };

export type AttributeGuess = { label: string; how: "learned" | "cue"; cue: string } | { label: null; how: "none"; cue: string };

export type Proposal = {
  start: number;
  end: number;
  quote: string;
  valueKind: ValueKind;
  valueText: string;
  reading: string;
  subject: SubjectGuess;
  attribute: AttributeGuess;
  /** `text` pre-fills the form's as-of as written ("Thursday", or the publication day); `reading` is what it means. */
  asOf: { text: string; reading: string; how: "published" | "sentence" } | null;
  confidence: number;
  /** The content words just before the value in its sentence: what a rejection is remembered by. */
  cue: string;
};

export type SuggestInput = {
  article: { id: string; body: string; publishedAt: Date | null };
  entities: SuggestEntity[];
  claims: RecordedClaim[];
  rejected?: RejectedProposal[];
  timeZone?: string;
};

// ---------------------------------------------------------------------------------------------
// Sentences and tokens

type Token = { start: number; end: number; text: string; pos: string; type: string };
type Sentence = { start: number; end: number; tokens: Token[] };

let nlp: ReturnType<typeof winkNLP> | null = null;

/** A line that may hold a value: a figure, a number word or a day. The others are not read at all. */
const MAY_HOLD_VALUE =
  /\d|\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|noon|midnight)\b/i;

/** Which sentences to read: those that may hold a value (claims), or every one (names). */
export type SentenceScope = "values" | "all";

type Chunk = { start: number; end: number; mayHoldValue: boolean; sentences?: Sentence[] };

/**
 * The last bodies read, with each piece's sentences once read: the reader asks for an article's
 * suggested claims and its names together, and wink reading the text is most of what either
 * costs. Few bodies, as a 2 MB body's tokens are tens of megabytes.
 */
const BODIES_KEPT = 2;
const readBodies = new Map<string, Chunk[]>();

/** The pieces wink reads a body in: each line cut where a sentence surely ends. */
function chunksOf(body: string): Chunk[] {
  let chunks = readBodies.get(body);
  if (chunks) {
    readBodies.delete(body);
    readBodies.set(body, chunks);
    return chunks;
  }
  chunks = [];
  for (let lineStart = 0; lineStart < body.length;) {
    const newline = body.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? body.length : newline;
    const line = body.slice(lineStart, lineEnd);
    const lineMayHoldValue = MAY_HOLD_VALUE.test(line);
    for (const [chunkStart, chunkEnd] of roughSentences(line)) {
      const start = lineStart + chunkStart;
      const end = lineStart + chunkEnd;
      chunks.push({ start, end, mayHoldValue: lineMayHoldValue && MAY_HOLD_VALUE.test(body.slice(start, end)) });
    }
    lineStart = lineEnd + 1;
  }
  readBodies.set(body, chunks);
  for (const kept of readBodies.keys()) if (readBodies.size > BODIES_KEPT) readBodies.delete(kept);
  return chunks;
}

/** What wink gives as each sentence's span: the indexes of its first and last tokens. */
const SPANS = z.array(z.tuple([z.number().int(), z.number().int()]));

/**
 * Sentences of a body with their tokens, each at its UTF-16 place in the body. A line break ends
 * a sentence (a headline or a dateline has no full stop), so each line is read on its own. Claims
 * read only the lines that may hold a value: a 2 MB article is mostly prose without figures, and
 * tagging is what costs. Names read every line. Each piece is read once per body (see `readBodies`),
 * whichever asks first. The sentences are shared: not to be changed.
 */
export function sentencesOf(body: string, scope: SentenceScope = "values"): Sentence[] {
  const sentences: Sentence[] = [];
  for (const chunk of chunksOf(body)) {
    if (scope === "values" && !chunk.mayHoldValue) continue;
    chunk.sentences ??= readChunk(body, chunk.start, chunk.end);
    for (const s of chunk.sentences) sentences.push(s);
  }
  return sentences;
}

/** One piece of a line read by wink: its sentences, tokens at their places in the body. */
function readChunk(body: string, chunkAt: number, chunkEnd: number): Sentence[] {
  // Sentences and parts of speech only: the light model's entities, negation and sentiment are
  // not used here, and its entity automaton would take most of the time.
  nlp ??= winkNLP(model, ["sbd", "pos"]);
  const its = nlp.its;
  const chunk = body.slice(chunkAt, chunkEnd);
  const sentences: Sentence[] = [];
  const doc = nlp.readDoc(chunk);
  const texts = doc.tokens().out();
  const pos = doc.tokens().out(its.pos);
  const types = doc.tokens().out(its.type);
  // Each token found in order; one wink rewrote is skipped rather than misplaced.
  const places: (number | null)[] = [];
  let cursor = 0;
  for (const text of texts) {
    const at = text.trim() ? chunk.indexOf(text, cursor) : -1;
    if (at < 0 || at - cursor > 200) places.push(null);
    else {
      places.push(chunkAt + at);
      cursor = at + text.length;
    }
  }
  const read: Token[][] = [];
  for (const [first, last] of SPANS.parse(doc.sentences().out(its.span))) {
    const tokens: Token[] = [];
    for (let k = first; k <= last; k++) {
      const at = places[k];
      if (at != null) tokens.push({ start: at, end: at + texts[k]!.length, text: texts[k]!, pos: pos[k]!, type: types[k]! });
    }
    // wink ends a sentence at the point of "M7.8": the sentence goes on after the decimal.
    const before = read.at(-1);
    if (before && tokens.length && (splitDecimalAt(before, before.length - 2, tokens[0]) || splitAddressAt(before, tokens[0])))
      before.push(...tokens);
    else read.push(tokens);
  }
  for (const tokens of read) {
    for (const part of boundedParts(joinDecimals(tokens))) sentences.push({ start: part[0]!.start, end: part.at(-1)!.end, tokens: part });
  }
  return sentences;
}

/** "Amazon" "." "com": whether tokens[k], a point against the word before, opens a web address's ending that is a name's. */
export const webEnding = (tokens: Token[], k: number) =>
  tokens[k]!.text === "." &&
  tokens[k]!.start === tokens[k - 1]?.end &&
  /^(?:com|net|org|io|ai|co)$/.test(tokens[k + 1]?.text ?? "") &&
  tokens[k + 1]!.start === tokens[k]!.end;

/**
 * "Moody's said", "Sales at McDonald's rose": whether tokens[k], an "'s" against a name written
 * from `nameStart`, is the name's own: a verb follows, not a noun, and the text never writes the
 * name without it ("Anthropic's growing role" beside "Anthropic said" is a possessive).
 */
export function ownPossessive(body: string, tokens: Token[], k: number, nameStart: number): boolean {
  const [t, next] = [tokens[k]!, tokens[k + 1]];
  if (!/^['’]s$/.test(t.text) || t.start !== tokens[k - 1]?.end || !next || next.start === t.end) return false;
  if (!(next.pos === "VERB" || next.pos === "AUX") || /ing$/.test(next.text)) return false;
  // "Musk's been pushing", "Biden's got": the "'s" of "has", not of a name.
  if (/^(?:been|got|gotten|done|had)$/i.test(next.text)) return false;
  const name = body.slice(nameStart, t.start);
  for (let at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + 1)) {
    const after = body.slice(at + name.length, at + name.length + 2);
    if (/^[\p{L}\p{N}]/u.test(after) || /\p{L}/u.test(body[at - 1] ?? "")) continue;
    if (!/^['’]s/.test(after)) return false;
  }
  return true;
}

/**
 * Whether a sentence wink ended at a point inside a word goes on: nothing between the point and
 * either side ("Amazon" "." / "com Inc reported …", a ticker's "TSLA" "." / "O) shares fell").
 */
function splitAddressAt(tokens: Token[], next: Token | undefined): next is Token {
  const [word, dot] = [tokens.at(-2), tokens.at(-1)];
  return Boolean(word && dot?.text === "." && dot.start === word.end && next?.start === dot.end && /^[\p{L}\p{N}]/u.test(next.text));
}

/** Whether tokens[k], the point after it and `digits` are a decimal wink split: "M7" "." "8". */
function splitDecimalAt(tokens: Token[], k: number, digits: Token | undefined): digits is Token {
  const [t, dot] = [tokens[k], tokens[k + 1]];
  return Boolean(
    t &&
    /\p{L}[\p{L}\p{N}-]*\d$/u.test(t.text) &&
    dot?.text === "." &&
    dot.start === t.end &&
    digits?.start === dot.end &&
    /^\d+$/.test(digits.text),
  );
}

/**
 * A decimal written against a word is one figure: wink reads "M7.8" as "M7", ".", "8" and
 * "magnitude-7.5" as "magnitude-7", ".", "5". Joined again, a word and a hyphen before the number
 * are tokens of their own ("magnitude", "-", "7.5"); a name with its number stays one ("GPT-4.5").
 * Times too: "8.30pm" comes as "8.3", "0pm", and "8pm." keeps the sentence's full stop.
 */
function joinDecimals(tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    // "8.30pm" comes as "8.3" and "0pm": digits against digits are one token.
    const glued = tokens[k + 1];
    if (glued && glued.start === tokens[k]!.end && /\d$/.test(tokens[k]!.text) && /^\d/.test(glued.text)) {
      tokens[k + 1] = { ...glued, start: tokens[k]!.start, text: tokens[k]!.text + glued.text };
      continue;
    }
    const [t, digits] = [tokens[k]!, tokens[k + 2]];
    // wink keeps a sentence's full stop on "8pm.": the time is "8pm", the point ends the sentence.
    // So with a unit closing a sentence, glued or not ("reach 40C.", "to 35,000 ft."): the point
    // ends the sentence, and an abbreviation written with its own points ("8 a.m.") keeps them.
    const last = k === tokens.length - 1;
    const unitAtEnd =
      last &&
      (/^\d[\d,.]*\p{L}+\.$/u.test(t.text) ||
        // "120 km/h.": the unit's last letters after a slash end the sentence as well.
        (/^\p{L}+\.$/u.test(t.text) &&
          (/\d$/.test(tokens[k - 1]?.text ?? "") || (tokens[k - 1]?.text === "/" && /\d$/.test(tokens[k - 3]?.text ?? "")))));
    const stop = /^\d[\d:.]*[ap]m\.$/i.test(t.text) || unitAtEnd ? t.end - 1 : 0;
    if (stop) {
      joined.push(
        { ...t, text: t.text.slice(0, -1), end: stop },
        { start: stop, end: t.end, text: ".", pos: "PUNCT", type: "punctuation" },
      );
      continue;
    }
    if (!splitDecimalAt(tokens, k, digits)) {
      joined.push(t);
      continue;
    }
    const text = t.text + "." + digits.text;
    const end = digits.end;
    const hyphenated = /^(\p{L}+)-(\d+\.\d+)$/u.exec(text);
    if (hyphenated && !/\p{Lu}.*\p{Lu}/u.test(hyphenated[1]!)) {
      const word = hyphenated[1]!;
      joined.push(
        { ...t, text: word, end: t.start + word.length },
        { start: t.start + word.length, end: t.start + word.length + 1, text: "-", pos: "PUNCT", type: "punctuation" },
        { start: t.start + word.length + 1, end, text: hyphenated[2]!, pos: "NUM", type: "number" },
      );
    } else joined.push({ ...t, text, end });
    k += 2;
  }
  return joined;
}

/** Characters of a sentence read as one: prose stays well under it. */
const LONGEST_SENTENCE = 1_500;

/**
 * A sentence's tokens, in parts of at most LONGEST_SENTENCE characters: a "sentence" with no full
 * stop for pages (a table or a list run together, text without punctuation) is read clause by
 * clause, cut after a comma or semicolon once a part is long, else wherever the limit falls.
 * Every rule reads its value's sentence, so one megabyte-long sentence would cost the square.
 */
function boundedParts(tokens: Token[]): Token[][] {
  if (!tokens.length) return [];
  if (tokens.at(-1)!.end - tokens[0]!.start <= LONGEST_SENTENCE) return [tokens];
  const parts: Token[][] = [];
  let from = 0;
  for (let k = 0; k < tokens.length; k++) {
    const length = tokens[k]!.end - tokens[from]!.start;
    const clauseEnd = /^[,;:]$/.test(tokens[k]!.text) && length >= LONGEST_SENTENCE / 3;
    const full = k + 1 < tokens.length && tokens[k + 1]!.end - tokens[from]!.start > LONGEST_SENTENCE;
    if (clauseEnd || full) {
      parts.push(tokens.slice(from, k + 1));
      from = k + 1;
    }
  }
  if (from < tokens.length) parts.push(tokens.slice(from));
  return parts;
}

/** Words looked up in wink's lexicon so far: the one tag wink gives each alone, or null (see `lexiconTag`). */
const lexiconTags = new Map<string, string | null>();

/** The part of speech wink gives a word read alone in lower case, or null when it is not in the lexicon. */
function lexiconTag(word: string): string | null {
  const lower = word.toLowerCase();
  let tag = lexiconTags.get(lower);
  if (tag === undefined) {
    nlp ??= winkNLP(model, ["sbd", "pos"]);
    const doc = nlp.readDoc(lower);
    const pos = doc.tokens().out(nlp.its.pos);
    tag = pos.length === 1 && !doc.isOOV(lower) ? pos[0]! : null;
    if (lexiconTags.size < 20_000) lexiconTags.set(lower, tag);
  }
  return tag;
}

/** Whether a word, read alone in lower case, is a determiner or an adjective: "several", "older", "many". */
const qualifierWord = (word: string): boolean => ["ADJ", "DET"].includes(lexiconTag(word) ?? "");

/**
 * Whether a word is an ordinary English word: its lower-case form is in the light model's lexicon
 * ("sonnet", "picture", "regulatory", "companies") and wink, reading it alone, does not take it
 * for a proper noun ("washington", "ukraine" are). Names the model has never seen ("pentagon",
 * "valencia", "hegseth") are not. The lexicon holds some names as words ("anthropic" is an
 * adjective, "google" a verb), so this alone never makes a word no name: see its use in names.
 */
export function isCommonWord(word: string): boolean {
  const tag = lexiconTag(word);
  return tag !== null && tag !== "PROPN";
}

/**
 * A line cut where a sentence surely ends: a full stop, "!" or "?" and a space before a capital
 * or a quote, not after an initial or a short abbreviation ("U.S. officials", "Mr. Amodei").
 * Cautious on purpose: wink splits each piece again, so a missed end costs nothing but time.
 */
function roughSentences(line: string): [number, number][] {
  const pieces: [number, number][] = [];
  let from = 0;
  for (const m of line.matchAll(/[.!?]["'”’)]?\s+(?=["'“‘(]?\p{Lu})/gu)) {
    const before = line.slice(Math.max(from, m.index - 4), m.index + 1);
    if (/(?:^|[\s.(])(?:\p{L}|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Inc|Co|Corp|Ltd|vs|etc)\.$/u.test(before)) continue;
    pieces.push([from, m.index + m[0].length]);
    from = m.index + m[0].length;
  }
  if (from < line.length) pieces.push([from, line.length]);
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Values

const NUMBER_WORDS =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)$/i;
const DAY_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|noon|midnight)\.?$/i;
const NUMERIC_KINDS: ValueKind[] = ["money", "number", "percentage", "date", "time"];

/** "may" alone is the verb far more often than the month ("may be at odds"); "May 2025" is found by its figure. */
const isMay = (t: Token) => /^may$/i.test(t.text);
/** "May 2", "Monday, May 2": the month, capitalised, with its day right after it. */
const mayWithDay = (tokens: Token[], i: number) =>
  tokens[i]!.text === "May" &&
  /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/.test(tokens[i + 1]?.text ?? "") &&
  tokens[i + 1]!.start === tokens[i]!.end + 1;
/** What a month is a part of, before "of": "the end of May", "the first week of May". */
const PART_OF_TIME = /^(?:end|start|beginning|middle|month|week|weeks|days|half|part|rest|remainder|first|last|ides)$/i;
/**
 * When a figure held: "May" is the month with its day, with a year after it ("May 2024") or after
 * a word that only a time follows ("in May", "since May", "last May", "the end of May").
 */
const mayAsMonth = (tokens: Token[], i: number) =>
  mayWithDay(tokens, i) ||
  (tokens[i]!.text === "May" &&
    (/^(?:in|since|during|until|till|through|early|late|mid|last|next|this)$/i.test(tokens[i - 1]?.text ?? "") ||
      // "by May" but not "negotiated by May was rejected"; "the end of May" but not "the resignation of May".
      (/^by$/i.test(tokens[i - 1]?.text ?? "") && !["VERB", "AUX"].includes(tokens[i + 1]?.pos ?? "")) ||
      (/^of$/i.test(tokens[i - 1]?.text ?? "") && PART_OF_TIME.test(tokens[i - 2]?.text ?? "")) ||
      /^(?:19|20)\d\d$/.test(tokens[i + 1]?.text ?? "")));
const isAnchor = (t: Token) =>
  // "GPT-4.5", "F-35", "COVID-19": a name with its number is no figure; "Mid-2024" opening a
  // sentence is a date.
  (/\d/.test(t.text) && (!/^\p{Lu}[\p{L}\p{N}]*-[\d.]+$/u.test(t.text) || /^(?:mid|early|late|pre|post)-\d{4}$/i.test(t.text))) ||
  NUMBER_WORDS.test(t.text) ||
  (DAY_WORDS.test(t.text) && !isMay(t));

/** Words a value does not run into: "$21 billion would", "under 120,000 had". */
const STOP_GROWTH = new Set(["VERB", "AUX", "ADV", "DET", "PRON", "CCONJ", "SCONJ", "PART"]);

/**
 * Words a conversion opens with: the source's own conversion hedges as it rounds ("1.5 metres
 * (about 5 feet)", "491 millimetres, or more than 19 inches"), so inside one they do not end the value.
 */
const CONVERSION_HEDGE = /^(?:about|around|roughly|nearly|almost|approximately|some|just|over|under|more|less|fewer|than|or)$/i;

type Read = {
  start: number;
  end: number;
  kind: ValueKind;
  reading: string;
  unit: string | null;
  measured: boolean;
  /** A reading on the magnitude scale ("magnitude 7.8", "M7.8"): the value names its own measure. */
  magnitude: boolean;
  /** The figure as written, for money, counts and shares. */
  point: number | null;
  /** A match score or a vote split ("won 3 to 1"): read so that no date or range is made of it, and not proposed. */
  score?: boolean;
  /** The value in words that read as `reading` where the quote alone reads otherwise ("August 2025", "fell 1.8%"): what accepting saves. */
  written?: string;
};

/** What `read` needs besides the text; `memo` keeps each text's reading for the rest of the article. */
type ReadContext = {
  referenceDate: Date | null;
  timeZone?: string;
  memo?: Map<string, Omit<Read, "start" | "end"> | null>;
  /** The day the article came out where it was written (see `inThePast`), once asked. */
  publishedDay?: string;
};

function read(body: string, start: number, end: number, context: ReadContext): Read | null {
  const text = body.slice(start, end);
  // A long article says "Tuesday" or "$44 billion" many times: the parser reads each text once.
  const known = context.memo?.get(text);
  if (known !== undefined) return known && placed(known, start, end);
  const reading = readText(text, context);
  context.memo?.set(text, reading);
  return reading && placed(reading, start, end);
}

/**
 * A reading at its place, its fields written out: `{ ...reading, start, end }` is about a hundred
 * times slower in V8, and a dense article places a remembered reading some 150,000 times.
 */
const placed = (r: Omit<Read, "start" | "end">, start: number, end: number): Read => ({
  kind: r.kind,
  reading: r.reading,
  unit: r.unit,
  measured: r.measured,
  magnitude: r.magnitude,
  point: r.point,
  start,
  end,
});

function readText(text: string, context: ReadContext): Omit<Read, "start" | "end"> | null {
  if (/[\n]/.test(text)) return null;
  const kind = detectValueKind(text, context);
  if (!NUMERIC_KINDS.includes(kind)) return null;
  const parsed = parseValue(text, kind, context);
  return parsed.ok
    ? {
        kind,
        reading: parsed.reading,
        unit: unitOf(parsed.value),
        measured: "measure" in parsed.value && Boolean(parsed.value.measure),
        magnitude: parsed.value.kind === "number" && parsed.value.unit === "magnitude",
        point: "point" in parsed.value ? parsed.value.point : null,
      }
    : null;
}

/** Whether a quote closes every parenthesis it opens: "12 kilometres (7.5 miles)", never "(7.5". */
function balanced(text: string): boolean {
  // Counted in one pass, without the arrays two splits would make for every reading tried.
  let open = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === 40) open++;
    else if (code === 41) open--;
  }
  return open === 0;
}

/** "a.m.", "pm", "P.M.": the half of the day a clock reading is in. */
const MERIDIEM = /^[ap]\.?m\.?$/i;

const LISTED_DAYS = String.raw`\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{1,2}(?:st|nd|rd|th)?)*,?\s+(?:and|&)\s+\d{1,2}(?:st|nd|rd|th)?`;
const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b`;
/** Days listed in one month from here: "13 and 14 October", "October 13 and 14". */
const DAY_LIST_AHEAD = new RegExp(String.raw`^(?:${LISTED_DAYS}\s+${MONTH_NAME}|${MONTH_NAME}\.?\s+${LISTED_DAYS}\b)`, "i");
const MONTH_IN = new RegExp(String.raw`\b${MONTH_NAME}`, "i");
const ONLY_WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;
/** Names a number is part of: indexes, aircraft, flights, models, routes ("Nikkei 225", "Flight 370"). */
const NUMBERED_NAME =
  /^(?:Nikkei|Nasdaq|Dow|Fortune|Russell|Stoxx|Sensex|Boeing|Airbus|Flight|Formula|Apollo|Artemis|Windows|iPhone|Galaxy|Pixel|Model|Category|Chapter|Article|Route|Highway|Interstate|Terminal|Gate|Phase|Reactor|Unit)$/;
/** What comes before the year a record is measured against: "the highest since", "the first time since". */
const SINCE_RECORD =
  /\b(?:highest|lowest|most|least|biggest|largest|smallest|worst|best|deadliest|strongest|weakest|fastest|slowest|first time|first|steepest|sharpest|hottest|coldest|wettest|driest|warmest|longest|shortest|busiest|richest|poorest|greatest|heaviest|fewest|costliest|bloodiest|highs?|lows?)\s+(?:\p{L}+\s+){0,5}?since\s+$/iu;
/** From a month to the next it runs to: "-March", " to June", " through September quarter". */
const MONTH_TO_AHEAD = new RegExp(String.raw`^\s*(?:-|–|—|to|through|until)\s*${MONTH_NAME}(?:\s+(?:quarter|period))?`, "i");
/** A month and its day at the end of a date read so far: "March 8", "Jan. 5", "Monday, May 2nd". */
const MONTH_DAY_END = new RegExp(String.raw`${MONTH_NAME}\.?\s+\d{1,2}(?:st|nd|rd|th)?$`, "i");
const DATE_AHEAD = new RegExp(String.raw`^\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_NAME}|${MONTH_NAME}\.?\s+\d{1,2}(?!\d))`, "i");

/** A fall by a figure, then its share after ", or" or in brackets: "dropped 473 points, or ". */
const RESTATED_FALL = new RegExp(
  String.raw`\b(${DOWNWARD_WORDS})\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+)?[$€£¥]?\d(?:[^,;()%]|,\d){0,40}(?:,\s*or\s+|\s*\(\s*)$`,
  "i",
);

/** Verbs a result or a vote is given after, the opponent's name between: "won 3 to 1", "beat Hillton 2-0", "voted 52 to 48". */
const SCORE_BEFORE =
  /\b(?:won|wins?|winning|lost|lose|loses|losing|beat|beats|beaten|defeated|defeats?|drew|draws?|tied|ties|led|leads?|leading|trailed|trails?|trailing|edged|thrashed|routed|voted|votes?|passed|approved|rejected|overturned)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}(?:by\s+)?(?:a\s+)?(?:score\s+of\s+)?$/iu;
/** What may follow a score in its clause: a day, an opponent, the end of the clause; no counted noun ("lost 3 to 5 jobs"). */
const SCORE_END = /^(?:\s*[,.;:)]|\s*$|\s+(?:on|in|at|to|against|with|for|after|before|and|as|over|away|at home|in favou?r|vote|votes)\b)/i;
/** Nouns that make a pair of figures a result: "a 3-1 win", "a 52-48 vote", "by a 5-4 margin". */
const SCORE_NOUN =
  /^[\s-]+(?:win|wins|victory|victories|defeat|defeats|loss|losses|draw|tie|vote|votes|decision|ruling|majority|margin|scoreline|result|lead|thrashing|rout)\b/i;

/**
 * A match score or a vote split ("won 3 to 1", "voted 52 to 48", "a 3-1 win"): two figures of one
 * result, neither a range of a count nor a day of the month. Read whole, so that neither figure is
 * proposed apart, and passed over (as "won 3-1" always was): the day after it stays a day.
 */
function scoreAt(body: string, tokens: Token[], i: number): Read | null {
  const at = tokens[i]!.start;
  const m = body.slice(at, at + 24).match(/^(\d{1,3})\s*(?:-|–|—|\s+to\s+)\s*(\d{1,3})(?![\d.,]*\d|\s*(?:%|-))/);
  if (!m) return null;
  const after = body.slice(at + m[0].length, at + m[0].length + 30);
  const before = body.slice(Math.max(tokens[0]!.start, at - 40), at);
  if (!SCORE_NOUN.test(after) && !(SCORE_BEFORE.test(before) && SCORE_END.test(after))) return null;
  return {
    start: at,
    end: at + m[0].length,
    kind: "text",
    reading: `${m[1]}–${m[2]}, a score or a vote`,
    unit: null,
    measured: false,
    magnitude: false,
    point: null,
    score: true,
  };
}

/** Past forms of verbs news gives a day with that do not end in "-ed". */
const IRREGULAR_PAST =
  /^(?:was|were|had|did|went|came|took|made|began|fell|rose|hit|struck|sold|bought|paid|said|told|left|won|lost|met|saw|got|gave|built|sent|spent|grew|flew|ran|shut|set|put|cut|led|held|brought|broke|wrote|chose|drove|froze|shook|swept|sank|sought|stood|became|kept|found|felt|began|beat|bid|let|quit|spoke)$/i;
/** Words before a verb that put it outside the past: "will be delivered", "is due to open", "are shipped". */
const NOT_PAST = /^(?:will|shall|would|'ll|to|is|are|am|be|being|can|may|might|must|should|could|expected|due|set|plans?|aims?)$/i;

/** What opens a clause cut short to its participle: "when sentenced", "once approved", "if elected". */
const REDUCED_CLAUSE = /^(?:when|whenever|once|if|unless|until|till|before|after|while|whether|though|although)$/i;
/** Words before a verb that put it ahead of the day written: "will open", "may cut", "plans to sell". */
const AHEAD = /^(?:will|shall|'ll|may|might)$/i;
/** What opens a comparison with an earlier figure: "up from", "down from", "compared with", "against". */
const COMPARED_AFTER = /^(?:(?:up|down) from|compared (?:with|to)|against\b|versus\b|from\b)/i;
const AHEAD_TO = /^(?:plans?|planned|aims?|expected|due|set|going|intends?|scheduled|poised|hopes?)$/i;

/**
 * Whether the clause a value stands in tells of the past ("delivered", "opened", "was", with no
 * "will", "is" or "to" before it) or of what is ahead ("will sell", "may cut", "plans to open"),
 * by its nearest verb before the value; null when it says neither.
 */
function clauseTense(tokens: Token[], i: number): "past" | "ahead" | null {
  const tenseOf = (k: number): "past" | "ahead" | null => {
    const t = tokens[k]!;
    for (let a = k - 1; a >= 0 && a >= k - 3; a--) {
      const w = tokens[a]!.text;
      // "when sentenced in October", "once approved in May": a participle right after its
      // subordinator is a clause cut short, of no tense of its own.
      if (a === k - 1 && REDUCED_CLAUSE.test(w)) return null;
      // "may have peaked in March", "is expected to have peaked in March": a guess about what is
      // over, told by its verb, not what is ahead.
      if (/^(?:may|might|to)$/i.test(w) && /^(?:have|'ve)$/i.test(tokens[a + 1]?.text ?? "")) break;
      // "plans to open", not "was expected to open" or "had planned to open": a plan since passed.
      const planned = /^to$/i.test(w) && AHEAD_TO.test(tokens[a - 1]?.text ?? "") && !/^(?:was|were|had)$/i.test(tokens[a - 2]?.text ?? "");
      if (AHEAD.test(w) || planned) return "ahead";
      if (NOT_PAST.test(w)) return null;
      if (!["AUX", "ADV", "PART", "VERB"].includes(tokens[a]!.pos)) break;
    }
    return /\p{L}ed$/iu.test(t.text) || IRREGULAR_PAST.test(t.text) ? "past" : null;
  };
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const t = tokens[k]!;
    // "rose to 4.1%, up from 3.9% in April": the earlier figure a comparison after a comma gives.
    // Only with a figure after it: "rise to £12.21, from April" says when, and compares nothing.
    if (
      t.text === "," &&
      COMPARED_AFTER.test(`${tokens[k + 1]?.text ?? ""} ${tokens[k + 2]?.text ?? ""}`) &&
      tokens.slice(k + 1, i).some((w) => /\d/.test(w.text))
    )
      return "past";
    if (t.pos === "PUNCT" && t.text !== "-") return null;
    if (t.pos !== "VERB" && t.pos !== "AUX") continue;
    return tenseOf(k);
  }
  // "By March, 2,000 homes had been rebuilt", "In August, sales fell": a month opening the
  // sentence, before its comma, is of the clause after it, whose first verb tells.
  if (i > 3) return null;
  let comma = i + 1;
  while (comma < tokens.length && comma <= i + 3 && tokens[comma]!.text !== ",") comma++;
  if (tokens[comma]?.text !== ",") return null;
  for (let k = comma + 1; k < tokens.length && k <= comma + 8; k++) {
    const t = tokens[k]!;
    if (t.pos === "PUNCT" && t.text !== "-") return null;
    // "In April, Apple will sell …": the first verb after the comma may be "will" itself.
    if (AHEAD.test(t.text)) return "ahead";
    if (t.pos === "VERB" || t.pos === "AUX") return tenseOf(k);
  }
  return null;
}

/**
 * A month with no year in a clause about the past is the last such month before the article's
 * date: "the first trucks were delivered in August", in an article of March, is last August; in
 * a clause about what is ahead, a month already over is next year's ("will open in April", in May).
 */
function inThePast(body: string, tokens: Token[], i: number, value: Read, context: ReadContext): Read {
  const ref = context.referenceDate;
  const text = body.slice(value.start, value.end);
  if (value.kind !== "date" || !ref || !MONTH_IN.test(text) || /\d{4}|['’]\d\d\b/.test(text)) return value;
  const start = /^(\d{4})-\d\d-\d\d/.exec(value.reading);
  // Later than the day the article came out where it was written: "hit on 3 March", in Tokyo on the
  // morning of 3 March (still the 2nd in UTC), is this year's.
  // Asked once per article, not per month read: the zone's offset is an Intl formatting.
  const published = (context.publishedDay ??= publishedDay(ref, context.timeZone));
  if (!start) return value;
  // "will open in April", in an article of May: next April. A past clause's month after the day
  // written is last year's.
  const shift =
    value.reading.slice(0, 7) < published.slice(0, 7)
      ? clauseTense(tokens, i) === "ahead"
        ? 1
        : 0
      : value.reading.slice(0, 10) > published && clauseTense(tokens, i) === "past"
        ? -1
        : 0;
  if (!shift) return value;
  const written = `${text} ${Number(start[1]) + shift}`;
  const earlier = readText(written, context);
  return earlier?.kind === "date" ? { ...value, ...earlier, start: value.start, end: value.end, written } : value;
}

/** The day (YYYY-MM-DD) of an instant in a zone, UTC when none or one unknown. */
function publishedDay(ref: Date, timeZone: string | undefined): string {
  const zone = timeZone && isTimeZone(timeZone) ? timeZone : "UTC";
  return new Date(ref.getTime() + zoneOffset(zone, ref.getTime()) * 60_000).toISOString().slice(0, 10);
}

/** Whether the adjective at `j` qualifies a noun after it: "new cases", "current and former customers". */
function qualifiesNoun(tokens: Token[], j: number): boolean {
  const next = tokens[j + 1];
  if (!next || next.start > tokens[j]!.end + 1) return false;
  if (next.pos === "NOUN") return true;
  const then = tokens[j + 2];
  return next.pos === "CCONJ" && Boolean(then && ["ADJ", "NOUN", "VERB"].includes(then.pos));
}

/**
 * The value around an anchor token: grown right while each added word changes the reading
 * ("nearly 500" → "nearly 500 litres … per square metre"), left over words that change it too
 * ("at least", "$"), so trailing words the parser ignores ("have died") stay out.
 */
function valueAt(body: string, tokens: Token[], i: number, from: number, context: ReadContext): Read | null {
  const score = scoreAt(body, tokens, i);
  if (score) return score;
  let best = read(body, tokens[i]!.start, tokens[i]!.end, context);
  let last = i;
  // Inside the source's own conversion of a measure: after "(" or ", or".
  let converting = false;
  // After "Tuesday," the date that follows is the same day written out: read to its end, even where
  // the weekday alone already gave that day.
  let weekdayDate = false;
  let wholeDay = -1;
  // "between 10 and 20 people", "between $3 million and $4 million" are one range: read from
  // "between", over its "and".
  let k = i - 1;
  while (k > 0 && tokens[k]!.pos === "SYM") k--;
  let between = k >= 0 && tokens[k]!.start >= from && /^between$/i.test(tokens[k]!.text) && best?.kind !== "date";
  const readFrom = between ? tokens[k]!.start : tokens[i]!.start;
  const fromBefore = k >= 0 && /^from$/i.test(tokens[k]!.text);
  // "shares fell 50 cents to $18.20", "oil rose $1.20 to $85.40": a sum moved by, then the level it
  // moved to, never one range.
  const ahead = body.slice(Math.max(0, readFrom - 60), readFrom);
  const coin = /(?:US|A|C|HK)?[$€£¥]\s*$/.exec(ahead);
  const movedBy = MOVE_BEFORE.test(coin ? ahead.slice(0, coin.index) : ahead);
  // "13 and 14 October", "October 13 and 14": days listed in one month are one value, read whole.
  const listing = DAY_LIST_AHEAD.test(body.slice(tokens[i]!.start, tokens[i]!.start + 60));
  for (let j = i + 1; j < Math.min(tokens.length, i + 12); j++) {
    const t = tokens[j]!;
    if (between && /^and$/i.test(t.text)) {
      between = false;
      continue;
    }
    if (listing && /^(?:and|&|,)$/i.test(t.text)) continue;
    // The listed days read as their span: a word after them ("14 in Riverside") takes nothing from it.
    if (listing && best?.kind === "date" && best.reading.includes(" – ") && best.reading.endsWith("(day)")) break;
    // "$15 billion to $26 billion", "10–15%": a range, unless it is a change "from" one "to" the other.
    const rangeTo =
      j === last + 1 &&
      /^(?:to|–|—)$/i.test(t.text) &&
      best &&
      FIGURES.includes(best.kind) &&
      /^[\d$€£¥]/.test(tokens[j + 1]?.text ?? "") &&
      !fromBefore;
    // So is a count: "the toll rose by 20 to 95"; "rose 5 to 7 percent" is a range of shares.
    const shareAhead = /^\s*[\d.,]+\s*(?:%|per ?cent\b|percentage\b)/i.test(body.slice(t.end, t.end + 24));
    if (rangeTo && movedBy && (coin || best?.kind === "money" || (best?.kind === "number" && !best.measured && !shareAhead))) break;
    if (rangeTo) continue;
    // "rose from 5,000 to 6,000 people": the figure before and the figure after, never one range;
    // "from 5 to 7 March" is a span of days.
    const change =
      fromBefore &&
      j === last + 1 &&
      /^(?:to|–|—)$/i.test(t.text) &&
      best?.kind !== "date" &&
      best?.kind !== "time" &&
      !DATE_AHEAD.test(body.slice(t.end, t.end + 24));
    if (change) break;
    // ", or" after a measure opens a conversion: "491 millimetres, or more than 19 inches".
    const orConversion = t.text === "," && /^or$/i.test(tokens[j + 1]?.text ?? "") && Boolean(best?.measured);
    if (orConversion || t.text === "(") converting = true;
    const hedge = converting && CONVERSION_HEDGE.test(t.text);
    // "Tuesday, 30 October", "Monday, May 2": a weekday and the date after its comma are one day.
    const weekdayComma =
      t.text === "," &&
      j === last + 1 &&
      best?.kind === "date" &&
      ONLY_WEEKDAY.test(body.slice(best.start, best.end)) &&
      DATE_AHEAD.test(body.slice(t.end, t.end + 24));
    if (weekdayComma) {
      weekdayDate = true;
      continue;
    }
    // "March 8, 2014": the year after a month and day's comma is the same date's.
    if (
      t.text === "," &&
      j === last + 1 &&
      (best?.kind === "date" || best?.kind === "time") &&
      MONTH_DAY_END.test(body.slice(best.start, best.end)) &&
      /^,\s*\d{4}(?!\d)/.test(body.slice(t.start, t.start + 8))
    )
      continue;
    // Parentheses hold the source's own conversion: "12 kilometres (7.5 miles)", "20:11 local time (19:11 GMT)".
    // A hyphen joining two words ("7.8-magnitude") is inside the value, never its end.
    const joining = t.text === "-" && t.start === tokens[j - 1]!.end && t.end === tokens[j + 1]?.start;
    if (!hedge && !orConversion && !joining && (t.pos === "PUNCT" ? !/^[%:.()]$/.test(t.text) : STOP_GROWTH.has(t.pos))) break;
    if (hedge || orConversion || joining || /^[:.(]$/.test(t.text)) continue; // inside "8:12 p.m.", never its end
    // "40 new cases", "9.7 million current and former customers": an adjective qualifying the noun
    // after it is no unit of the count; "13 square miles" is a measure, and "12 dead" names its count.
    if (t.pos === "ADJ" && best?.kind === "number" && !best.measured && qualifiesNoun(tokens, j)) {
      const through = read(body, readFrom, tokens[j + 1]!.end, context);
      if (!through?.measured) break;
    }
    const r = read(body, readFrom, t.end, context);
    if (!r) continue;
    // A figure read as nothing ("won 3-1") turns into no day a word farther on gives ("3-1 on Monday").
    if (!best && (r.kind === "date" || r.kind === "time") && j > i + 1) continue;
    if (!balanced(body.slice(r.start, r.end))) continue;
    // A bare figure may turn out a date or time ("29 October", "8 p.m."); a counted one stays a count.
    // "9.1" becomes "9.1%"; only a day of the month, a year or a clock reading becomes a date or a
    // time: "158 on Thursday" is a count. So may a span of days ("5 to 7 March", "12-14 June").
    // An ordinal is bare too: "the 3rd of March" is a day.
    const bare =
      best && /^(?:[0-3]?\d(?:st|nd|rd|th)?(?:\s*(?:to|–|—|-)\s*[0-3]?\d)?|\d{4}|\d{1,2}[:.]\d\d)$/.test(body.slice(best.start, best.end));
    // A time or a date read whole never turns back into a figure ("4:17 p.m. Officials" is no count),
    // and a time is never a day: "4:17 a.m. Rescuers" is read by the parser as today's date.
    const settled = !bare || (best?.kind === "time" && r.kind === "date");
    // A day of the month becomes a date only with its month: "won 3 to 1 on Monday" is a score and
    // a weekday, not the 3rd.
    const dayWithoutMonth =
      best?.kind === "number" &&
      r.kind === "date" &&
      !/^\d{4}$/.test(body.slice(best.start, best.end)) &&
      !MONTH_IN.test(body.slice(best.end, r.end));
    if (bare && dayWithoutMonth) continue;
    if (best && r.kind !== best.kind && settled && !(FIGURES.includes(r.kind) && FIGURES.includes(best.kind))) continue;
    // A year turns into a count only of what it counts: "1998 with" counts nothing ("founded in
    // 1998 with 3 staff"), and a capitalised word after it is no counted noun.
    if (best?.kind === "date" && r.kind === "number" && !r.measured && (r.unit === null || /^\p{Lu}/u.test(t.text))) continue;
    const next = j === last + 1 || (last === i && j === i + 2); // the word after the last read, or after "Tuesday,"
    if (weekdayDate && next && r.kind === "date" && best?.kind === "date") wholeDay = r.end;
    if (!best || r.reading !== best.reading || r.kind !== best.kind || r.end === wholeDay) {
      best = r;
      last = j;
    }
  }
  if (!best) return null;
  // "hit by Tuesday's floods": a day in the possessive names the floods' day; "by" there is no deadline.
  const possessiveDay = best.kind === "date" && /^['’]s\b/.test(body.slice(best.end, best.end + 3));
  // Never back into the value before ("31 October to Saturday 2" then "November").
  for (let k = i - 1; k >= Math.max(0, i - 3) && tokens[k]!.start >= from && !possessiveDay; k--) {
    // "magnitude-7.5": a hyphen joining a word to the figure is passed over, as on the right.
    const joining = tokens[k]!.text === "-" && tokens[k]!.end === tokens[k + 1]!.start && tokens[k - 1]?.end === tokens[k]!.start;
    if (joining) continue;
    if (tokens[k]!.pos === "PUNCT") break;
    // "shut down 300 plants", "set up 40 camps": a verb's particle is no move of a count; nor are
    // people lost ("lost 300 soldiers") a change: they died.
    if (
      best.kind === "number" &&
      /^(?:up|down)$/i.test(tokens[k]!.text) &&
      !/^to$/i.test(tokens[k + 1]!.text) &&
      tokens[k - 1]?.pos === "VERB"
    )
      break;
    if (best.kind === "number" && MOVE_VALUE.test(tokens[k]!.text) && PEOPLE.test(body.slice(best.start, best.end).toLowerCase())) break;
    // "won 3, lost 2": games lost in a record are a count of games, no move.
    if (best.kind === "number" && /^los/i.test(tokens[k]!.text) && recordOfGames(body, Math.max(0, best.start - 80), best.end + 40)) break;
    // "$15 billion to $26 billion": a currency sign against the figure is written with it, whatever the reading.
    if (/^[$€£¥]$/.test(tokens[k]!.text) && tokens[k]!.end === tokens[k + 1]!.start && best.kind === "money") {
      best = read(body, tokens[k]!.start, best.end, context) ?? best;
      continue;
    }
    // "fell 11%" is how a move is written; "hit at 13:24" is no way of writing a time.
    if (tokens[k]!.pos === "VERB" && (best.kind === "time" || best.kind === "date")) break;
    const r = read(body, tokens[k]!.start, tokens[last]!.end, context);
    // "$" before "44bn" makes a number money: a change of kind to the left is welcome.
    if (r && (r.kind === best.kind || r.kind === "money" || r.kind === "percentage") && r.reading !== best.reading) {
      best = r;
    }
  }
  // A word on the left may make a word on the right needless: "magnitude 7.8 earthquake" reads as
  // "magnitude 7.8"; the value stops where its reading is complete.
  for (let j = last - 1; j >= i && tokens[j]!.end > best.start && tokens[j]!.end >= wholeDay; j--) {
    const r = read(body, best.start, tokens[j]!.end, context);
    if (!r || !balanced(body.slice(r.start, r.end))) continue;
    if (r.reading !== best.reading || r.kind !== best.kind) break;
    best = r;
  }
  // "£85 million (€101m)": the source's own conversion into another currency goes with the figure.
  let open = i;
  while (open < tokens.length && tokens[open]!.start < best.end) open++;
  if (best.kind === "money" && tokens[open]?.text === "(" && tokens[open]!.start - best.end <= 1) {
    const close = tokens.findIndex((t, k) => k > open + 1 && k <= open + 8 && t.text === ")");
    const inner = close > 0 ? read(body, tokens[open + 1]!.start, tokens[close - 1]!.end, context) : null;
    if (inner?.kind === "money" && inner.unit !== best.unit) best = { ...best, end: tokens[close]!.end };
  }
  // So does one after ", or": "£5m, or about $6.3m"; "$5m, or $6m with bonuses" is two sums.
  if (best.kind === "money" && tokens[open]?.text === "," && /^or$/i.test(tokens[open + 1]?.text ?? "")) {
    let end = -1;
    let reading = "";
    for (let k = open + 2; k < Math.min(tokens.length, open + 9); k++) {
      if (tokens[k]!.pos === "PUNCT") break;
      const inner = read(body, tokens[open + 2]!.start, tokens[k]!.end, context);
      // Up to where its reading is whole: "about £4m in fees" stops at "£4m".
      if (inner?.kind !== "money" || inner.unit === best.unit || inner.reading === reading) continue;
      if (/\d/.test(body.slice(tokens[open + 2]!.start, tokens[k]!.end))) end = tokens[k]!.end;
      reading = inner.reading;
    }
    if (end > 0) best = { ...best, end };
  }
  // "the Dow fell 473 points, or 1.8%", "shares lost $2 (1.8%)": the share restates the move
  // before it, and takes its sign: a fall is −1.8%. "2% of its staff" is a share of a whole, no move.
  if (best.kind === "percentage" && (best.point ?? 0) > 0 && !/^\s*of\b/i.test(body.slice(best.end, best.end + 4))) {
    const move = body.slice(Math.max(tokens[0]!.start, best.start - 80), best.start).match(RESTATED_FALL);
    const written = move ? `${move[1]} ${body.slice(best.start, best.end)}` : "";
    const signed = move ? readText(written, context) : null;
    if (signed?.kind === "percentage" && (signed.point ?? 0) < 0) best = { ...best, ...signed, written };
  }
  // "a.m." after "4:17" says what the parser assumed: it changes no reading but is how the time is written.
  let n = i;
  while (n < tokens.length && tokens[n]!.start < best.end) n++;
  const next = tokens[n];
  if (best.kind === "time" && next && MERIDIEM.test(next.text) && next.start - best.end <= 1) {
    const r = read(body, best.start, next.end, context);
    if (r?.kind === "time") best = r;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Cues

const FIGURES: ValueKind[] = ["money", "number", "percentage"];

/** A span of time ("four hours") is a shape of its own: no measure's cue ("rain fell for …") names it. */
const shapeOf = (value: Read): Shape =>
  value.kind === "number"
    ? value.measured
      ? value.unit === "time"
        ? "duration"
        : "measure"
      : "count"
    : value.kind === "time"
      ? "time"
      : (value.kind as Shape);

/** A clause set inside a sentence after a figure, between commas: ", including 12,000 children, ". */
const INSERTED_CLAUSE =
  /^,\s+(?:including|among them|among whom|of whom|of which|many of them|most of them|mostly|mainly|half of them)\b(?:[^,;:.()]|[,.](?=\d))*?,(?!\d)\s*/i;

/** What a figure may yet become: "could reach", "is expected to top", "may rise to as many as". */
const PROJECTED_BEFORE =
  /\b(?:could|may|might|would|will|(?:is|are) (?:expected|likely|feared|set) to|threatens? to)\s+(?:(?:eventually|soon|still|well|easily|even)\s+)?(?:reach|rise to|climb to|top|exceed|surpass|hit|pass|be as high as|go as high as)(?:\s+(?:as (?:high|many|much) as|about|around|nearly|more than|over))?\s*$/;

/** "the number of people killed by …", "the count of those missing in …": a measure named before its verb. */
const NUMBER_OF =
  /\b(?:number|count|tally|total) of ((?:[a-z'-]+ ){0,3}?[a-z'-]+) (?:by|in|from|after|since|across|has|have|had|is|was|were|rose|stood|climbed|reached|passed|now|so)\b[^.;:]*$/;

const AUXILIARIES =
  /^\s*(?:\p{L}+\s+and \p{L}+\s+)?(?:(?:people|persons|others|bodies|more|were|was|are|is|have|has|had|been|being|be|reported|confirmed|feared|now|later|also|still|remain|remains|remained|slightly|seriously|critically|badly|fatally|severely)\s+)+$/u;

const globalCues = new Map<AttributeFamily, RegExp>();
const globalCue = (family: AttributeFamily) => {
  let re = globalCues.get(family);
  if (!re) globalCues.set(family, (re = new RegExp(family.cue.source, "g")));
  return re;
};

/**
 * Whether any family of a shape has its cue in a text: the families' patterns as alternatives of one
 * (all are written without flags, as `globalCue` reads them), so that a text with none is read once,
 * not once per family.
 */
const anyCues = new Map<Shape, RegExp>();
const anyCue = (shape: Shape) => {
  let re = anyCues.get(shape);
  if (!re) {
    const sources = ATTRIBUTE_FAMILIES.filter((f) => f.shapes.includes(shape)).map((f) => `(?:${f.cue.source})`);
    anyCues.set(shape, (re = new RegExp(sources.length ? sources.join("|") : "(?!)")));
  }
  return re;
};

/** Words around a value that make it another measure than the family's: "cut 2,800 jobs" is no headcount. */
const barred = (family: AttributeFamily, before: string, after: string) =>
  Boolean(family.unless?.test(before) || family.unlessAfter?.test(after));

/** The lexicon's cue nearest a value, from the folded text before and after it. */
function nearestCue(
  before: string,
  after: string,
  shape: Shape,
  value?: { noun: string | null; point: number | null; dimension?: string | null },
  /** A family the words around are known not to give. */
  skip?: AttributeFamily,
): { family: AttributeFamily; cue: string; distance: number } | null {
  let best: { family: AttributeFamily; cue: string; distance: number } | null = null;
  // Most text before a figure holds no cue of any family of its shape: one pass over it says so.
  const cueBefore = anyCue(shape).test(before);
  const cueAfter = anyCue(shape).test(after);
  // No family's cue before the value nor after it: none is found, and nothing else need be asked.
  if (!cueBefore && !cueAfter) return null;
  // The noun folded once, not once per family asking.
  const noun = value?.noun ? foldText(value.noun) : null;
  for (const family of ATTRIBUTE_FAMILIES) {
    if (!family.shapes.includes(shape) || family === skip) continue;
    // A family whose cue may be neither before the value nor after it is found nowhere.
    if (!cueBefore && (!cueAfter || family.cuedBefore)) continue;
    // A count of cars is no death toll, however near "bodies" is; an age is not 80 million.
    if (family.people && noun !== null && !PEOPLE.test(noun)) continue;
    if (family.max !== undefined && value?.point != null && value.point > family.max) continue;
    if (family.dimensions && value?.dimension && !family.dimensions.includes(value.dimension)) continue;
    if (barred(family, before, after)) continue;
    if (family.counts && noun !== null && !family.counts.test(noun)) continue;
    if (cueBefore) {
      // Each match in turn, as matchAll gives them, without the copy of the expression matchAll makes.
      const re = globalCue(family);
      re.lastIndex = 0;
      for (let m = re.exec(before); m; m = re.exec(before)) {
        if (m[0] === "") re.lastIndex++;
        const distance = before.length - m.index - m[0].length;
        if (!best || distance < best.distance) best = { family, cue: m[0], distance };
      }
    }
    const m = cueAfter && !family.cuedBefore ? family.cue.exec(after) : null;
    // A word after the value ("120 people killed") counts a little farther than one before.
    // A noun right after it names it ("a $1 billion termination fee").
    // So does a verb after its auxiliary: "639 were hurt", "237 people had died", and a noun after
    // "in": "earned $5 billion in revenue" is revenue, however near "earned" is.
    const distance =
      m && (m.index <= 1 || AUXILIARIES.test(after.slice(0, m.index)) || /^\s*in\s+$/.test(after.slice(0, m.index)) ? 0 : 2 * m.index + 10);
    if (m && distance !== null && (!best || distance < best.distance)) best = { family, cue: m[0], distance };
  }
  return best;
}

const MAGNITUDE_CUE = { family: familyOf("Magnitude", true)!, cue: "magnitude", distance: 0 };
const AGE_CUE = { family: familyOf("Age", true)!, cue: "age", distance: 0 };
const AREA_CUE = { family: familyOf("Area", true)!, cue: "area", distance: 0 };
const RAIN_CUE = { family: familyOf("Rainfall", true)!, cue: "fell", distance: 0 };
/** The units rain is given in: "414mm", "491 millimetres", "490 litres per square metre", "618 l/m²". */
const RAIN_UNIT = /\d\s*(?:mm|millimet(?:re|er)s?|(?:litres?|liters?|l) (?:per|a) square met(?:re|er)|l\/m[²2])\b/i;
const NOT_RAIN = /\b(?:levels?|rivers?|tides?|snow(?:fall)?|sea|lake|reservoir|ground|sank|subsided)\b/i;
/**
 * A fall by or to the figure that follows: "fell 300mm", "dropped to 2mm", "has fallen by 5mm"
 * ("the storm dropped 414mm on the town" is rain).
 */
const LEVEL_FELL = /\b(?:fell|fallen|falling|declined|sank)\s+(?:(?:by|to)\s+)?$|\b(?:dropped|dropping)\s+(?:by|to)\s+$/i;
/** Words that say a depth fell, or fell over a span: "fell", "recorded 240mm in 24 hours", "in a single day", "receives 270mm a year". */
const RAIN_FELL =
  /\b(?:fell|falling|fallen|fall|dropped|dumped|poured)\b|\bin (?:just |only |a single |one |the )?(?:\d+|a|an|one|two|three|four|six|eight|twelve|24|48) (?:hours?|days?)\b|\bin a (?:single )?day\b|\b(?:a|per|each|every|in an? (?:average|typical|normal)) year\b|\bannually\b/i;
/** The pay a person earns, and a company's profit: "earns" cues both. */
const SHARE_MOVE = ATTRIBUTE_FAMILIES.find((f) => f.label === "Share price change")!;
/** The plural word right before the move a figure gives: "Exports" in "Exports rose 12%". */
const MOVED_THING = new RegExp(
  String.raw`(?:^|[^\p{L}'’])(\p{L}+s)\s+${MOVE}\s+(?:by\s+)?(?:(?:about|around|nearly|almost|some|more than|less than)\s+)?$`,
  "iu",
);
/**
 * Plurals that name shares moving, not things counted: the shares themselves, or the companies of
 * a sector as market reports write them ("European banks fell 2.1%", "Airlines rose 3.4%").
 */
const SHARES_OF =
  /^(?:shares|stocks|futures|equities|banks|lenders|insurers|airlines|miners|utilities|retailers|brewers|refiners|telecoms|\p{L}*(?:makers|builders))$/iu;
/** Whether a word is the plural of a word of the language: "exports", "casualties", "losses"; not "Siemens", "Airbus". */
function pluralOfWord(word: string): boolean {
  const one = word
    .replace(/ies$/i, "y")
    .replace(/(ss|x|ch|sh)es$/i, "$1")
    .replace(/s$/i, "");
  return one !== word && isCommonWord(one) && isCommonWord(word);
}
const PAY_CUE = { family: ATTRIBUTE_FAMILIES.find((f) => f.label === "Pay" && f.cue.test("earns"))! };
const PROFIT_FAMILY = familyOf("Profit", true)!;

/** The last word of a company's name: "Globex Corp", "Hillton Holdings", "Acme Group". */
const CORPORATE_SUFFIX =
  /\b(?:Inc|Incorporated|Corp|Corporation|Co|Company|Group|Ltd|Limited|PLC|plc|LLC|LLP|AG|SA|SE|NV|BV|GmbH|SpA|Holdings?|Bank|Airlines?|Airways|Motors|Technologies|Systems|Industries|Partners|Capital|Energy|Pharmaceuticals|Labs|Enterprises|Brands|Foods|Media|Networks|Software|Semiconductor)\.?$/;

/**
 * Whether a name the sentence gives as its subject, no entity recorded, is an organisation's: a
 * company suffix ("Globex Corp"), an acronym ("IBM"), or one word the article never writes as a
 * person's surname (after a first name or a title: "Jane Roe", "Ms Roe"), in a sentence that calls
 * no one "his" or "her" ("Globex earned $400 million"). News names a person in full first.
 */
function looksLikeOrganisation(name: string, sentence: string, body: string): boolean {
  if (CORPORATE_SUFFIX.test(name) || /^\p{Lu}{2,5}$/u.test(name)) return true;
  if (/\s/.test(name) || /\b(?:he|she|his|her|him)\b/i.test(sentence)) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return !new RegExp(String.raw`\p{Lu}[\p{L}.'’-]*\s+${escaped}\b`, "u").test(body);
}

/**
 * "André Ventura, 41, a former commentator": a small whole number set off by commas right after a
 * person's name is their age, as news gives it. The person is the entity named there, or the name
 * as written (two words or more).
 */
function ageInApposition(body: string, value: { start: number; end: number }, mentions: Mention[]): SubjectGuess | null {
  const text = body.slice(value.start, value.end);
  if (!/^\d{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 120) return null;
  if (!/^\s*(?:[,)]|\.(?:\s|$)|\s+and\b)/.test(body.slice(value.end, value.end + 6))) return null;
  const name = AGE_APPOSITION.exec(body.slice(Math.max(0, value.start - 80), value.start));
  if (!name) return null;
  const nameEnd = value.start - name[0].length + name[1]!.length;
  const named = mentions.find((m) => m.end >= nameEnd - 1 && m.end <= nameEnd + 1);
  if (named) return named.entity.kind === "person" ? { how: "mention", entityId: named.entity.id, name: named.entity.name } : null;
  // "In Riverside, 12, …": a sentence's opening word is no part of a name.
  const written = trimName(name[1]!).name;
  return /\s/.test(written) ? { how: "sentence", name: written, kind: "person" } : null;
}

/** The name right before ", 41,": capitalised words, the last of them ending just before the comma. */
const AGE_APPOSITION = new RegExp(String.raw`(${NAME})\s*[,(]\s*$`, "u");

/** Nouns for people, what a casualty figure counts. */
const PEOPLE =
  /\b(?:people|persons?|residents?|victims?|child(?:ren)?|women|woman|men|man|adults?|students?|workers?|soldiers?|troops|civilians?|passengers?|tourists?|migrants?|bod(?:y|ies)|dead|deaths?|lives|fatalities|inhabitants|citizens?|patients?|pupils?|miners?|firefighters?|officers?|staff|employees|others|famil(?:y|ies)|households?|homes?|nationals?|britons?|americans?|spaniards?)\b/;

/** Nouns too general to name what a figure counts: "62 people", "three times". */
const GENERAL_NOUNS = new Set(
  (
    "people person persons times cases ones others years months weeks days hours minutes min mins percent per cent point points " +
    "tens dozens hundreds thousands millions billions cents quarter quarters decades centuries"
  ).split(" "),
);

/**
 * What a figure counts, when its own nouns say it: "5,700 parking spaces", "19 investors". A label
 * in the analyst's manner ("Parking spaces"), for a count with no cue word beside it.
 */
function countedNoun(tokens: Token[], value: Read): string | null {
  // A magnitude is a reading on a scale: the noun after it ("a 7.8 earthquake") is what was measured, not counted.
  if (value.kind !== "number" || value.measured || value.magnitude) return null;
  // From the figure's last word ("2,800" in "More than 2,800 buildings"), the nouns right after it.
  let k = -1;
  tokens.forEach((t, n) => {
    if (t.start >= value.start && t.start < value.end && (/\d/.test(t.text) || NUMBER_WORDS.test(t.text))) k = n;
  });
  if (k < 0) return null;
  const words: Token[] = [];
  for (let n = k + 1; n < tokens.length && words.length < 3; n++) {
    const t = tokens[n]!;
    const joined = t.start <= (words.at(-1) ?? tokens[k]!).end + 1;
    if (!joined || !/^\p{L}[\p{L}'-]*$/u.test(t.text) || !(t.pos === "NOUN" || t.pos === "ADJ") || NUMBER_WORDS.test(t.text)) break;
    // "closed 30 stores last year": when, not a kind of store.
    if (/^(?:last|this|next|past|previous)$/i.test(t.text)) break;
    words.push(t);
  }
  // An adjective alone ("more", "senior") is no noun; the last word must be one.
  while (words.length && words.at(-1)!.pos !== "NOUN") words.pop();
  // "three more decades", "200 additional troops": how many more is said of the noun, not a kind of it.
  while (words.length > 1 && /^(?:more|fewer|less|additional|extra|further|other)$/i.test(words[0]!.text)) words.shift();
  if (!words.length || GENERAL_NOUNS.has(foldText(words.at(-1)!.text))) return null;
  const label = words
    .map((t) => t.text)
    .join(" ")
    .toLowerCase();
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * What a sum is held in or spent on, written after it: "$209 billion in assets", "$75 billion in
 * capital spending", "$42 billion in deposits". Up to three words in lower case, the last a noun;
 * a place, a year or something named with an article ("in Texas", "in 2023", "in the company")
 * is where or when the sum went, not what it is.
 */
function sumNoun(body: string, tokens: Token[], value: Read): string | null {
  if (value.kind !== "money") return null;
  const k = tokens.findIndex((t) => t.start >= value.end);
  if (k < 0 || tokens[k]!.text !== "in" || tokens[k]!.start > value.end + 1) return null;
  // "lost $2 billion in trading", "cut $3 billion in costs", "wiped $40 billion in market value":
  // the verb says what the sum is (a loss, a cut), what it is in only what was lost or cut.
  let v = tokens.findIndex((t) => t.end > value.start) - 1;
  while (v >= 0 && SUM_HEDGES.test(tokens[v]!.text)) v--;
  if (v >= 0 && LOSS_VERBS.test(tokens[v]!.text)) return null;
  const words: Token[] = [];
  for (let n = k + 1; n < tokens.length && words.length < 3; n++) {
    const t = tokens[n]!;
    if (!/^\p{Ll}[\p{Ll}'-]*$/u.test(t.text) || !(t.pos === "NOUN" || t.pos === "ADJ") || WHEN_WORDS.test(t.text)) break;
    words.push(t);
  }
  while (words.length && words.at(-1)!.pos !== "NOUN") words.pop();
  while (words.length > 1 && /^(?:new|fresh|more|additional|extra|further|other)$/.test(words[0]!.text)) words.shift();
  if (!words.length || GENERAL_NOUNS.has(foldText(words.at(-1)!.text))) return null;
  // "$54.20 in cash for each share": how a price is paid, the price still a share's.
  if (PER_SHARE_AHEAD.test(body.slice(words.at(-1)!.end, words.at(-1)!.end + 24))) return null;
  const label = words.map((t) => t.text).join(" ");
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The end of a figure and up to one word after it, before a cue: "1,263 confirmed " of "1,263 confirmed cases". */
const ANOTHER_FIGURES_NOUN = /\d[\d,.]*(?:\s+(?:thousand|million|billion))?\s+(?:\p{L}+\s+)?$/u;

/** A sum's per-share cue after what it is paid in: " for each share", " a share", " per share". */
const PER_SHARE_AHEAD = /^\s+(?:for\s+each|for\s+every|a|per)\s+share\b/i;

/** Words between a verb and the sum it governs: "lost about $2 billion", "cut more than $1 billion". */
const SUM_HEDGES = /^(?:about|nearly|almost|roughly|around|some|over|more|less|than|at|least|an|estimated|up|to|a|further|another)$/i;
/** Verbs whose sum is what went: a loss, a cut or a saving, whatever it was in. */
const LOSS_VERBS =
  /^(?:los[et]|loses|losing|cut|cuts|cutting|slash(?:ed|es|ing)?|sav(?:ed|es|ing|e)|shed|sheds|shedding|wip(?:ed|es|ing|e)|eras(?:ed|es|ing|e)|forfeit(?:ed|s)?|squander(?:ed|s)?)$/i;

/** Words that say when a sum was, after what it is in: "in revenue last year", "in sales this quarter". */
const WHEN_WORDS = /^(?:last|next|this|each|every|per|years?|months?|weeks?|days?|quarters?|annually|alone)$/;

const STOP = new Set(
  (
    "a an the of at to in on by for from with and or but as is was were be been has have had it its this that which who than per up " +
    "thousand million billion trillion bn mn dollars euros pounds about nearly least more over under some"
  ).split(" "),
);

const cueWords = (text: string) =>
  foldText(text)
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w && !STOP.has(w) && !/\d/.test(w));

/** Irregular forms news writes figures with, to the word their regular forms stem to. */
const IRREGULAR = new Map<string, string>(
  Object.entries({
    died: "die",
    dies: "die",
    dying: "die",
    dead: "die",
    death: "die",
    deaths: "die",
    fell: "fall",
    fallen: "fall",
    rose: "rise",
    risen: "rise",
    sold: "sell",
    bought: "buy",
    paid: "pay",
    grew: "grow",
    grown: "grow",
    lost: "lose",
    spent: "spend",
    struck: "strike",
    leapt: "leap",
    sank: "sink",
    slid: "slide",
    took: "take",
    taken: "take",
    people: "person",
    men: "man",
    women: "woman",
    children: "child",
  }),
);

/**
 * A word's stem, so that a cue learned as "killed" applies to "kills" and "killing", "raised" to
 * "raising", "deaths" to "died": crude suffix stripping, the same on both sides of a comparison.
 */
export const stem = memoized(50_000, (word: string): string => {
  let w = word.toLowerCase().replace(/['’]s$/, "");
  // A Map, not an object: "constructor" is a word too.
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  if (w.length <= 4) return w;
  if (w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.endsWith("ation")) w = w.slice(0, -5) + "at";
  else if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("es") && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss)$/.test(w)) w = w.slice(0, -1);
  // British and American spellings stem alike: "centre" as "center", "litres" as "liters".
  if (/[b-df-hj-np-tv-z]re$/.test(w)) w = `${w.slice(0, -2)}er`;
  return w.replace(/e$/, "");
});

/** The cue of a span: up to five content words before it in its sentence, nearest last. */
function cueBefore(body: string, sentenceStart: number, start: number): string[] {
  return cueWords(body.slice(Math.max(sentenceStart, start - 80), start)).slice(-5);
}

type Learned = {
  articleId: string;
  /** Stems near the value, the quote's own weighing more, then the label's. */
  words: string[];
  quoteWords: string[];
  labelWords: string[];
  attribute: string;
  subjectId: string;
  valueKind: ValueKind;
  /** The unit of measure or currency, not the counted thing: "residents" teach "people". */
  unit: string | null;
  point: number | null;
  /** Taught by a move ("closed up 5.66%", "fell 11%"): no cue for a share of a whole ("two-thirds of it"). */
  move: boolean;
  /**
   * The part or basis the label names before its measure, as the claim's sentence wrote it
   * ("data center" of "Data-center revenue", "adjusted" of "Adjusted earnings per share"): stems.
   */
  part: string[];
};

/** How far back a claim's sentence is read for the part its label names. */
const PART_CONTEXT = 240;

/** The names of the lexicon's measures, folded, each after a word: what a label's part comes before. */
const MEASURE_NAMES = [...new Set(ATTRIBUTE_FAMILIES.flatMap((f) => [foldText(f.label), ...f.synonyms]))].map(
  (name) => new RegExp(`(?<=^|[\\s-])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`),
);

/** The words of a label before the measure it names: "Data-center revenue, third quarter" → data, center. */
function labelPart(label: string): string[] {
  const folded = foldText(label).split(/[,(:]/)[0]!;
  let at = -1;
  for (const name of MEASURE_NAMES) {
    const i = folded.search(name);
    // A label that opens with a measure ("Deal value", "Death toll in Paiporta") names no part.
    if (i === 0) return [];
    if (i > 0 && (at < 0 || i < at)) at = i;
  }
  return at > 0 ? cueWords(folded.slice(0, at).replace(WHOLE_WORDS, " ")).map(stem) : [];
}

/**
 * Words of a label that say how a whole measure was counted or over which span, no part of it:
 * "Official death toll" and "Total revenue" are the toll and the revenue a sentence gives plainly.
 */
const WHOLE_WORDS =
  /\b(?:total|overall|official|reported|headline|latest|current|provisional|preliminary|final|annual|quarterly|monthly|weekly|daily|yearly)\b/g;

/** Words of a move written right before its figure: "rose 4%", "were up 1.6%", "closed down 2%". */
const MOVE_WORDS = `up|down|rose|rises|risen|fell|falls|fallen|gained|gains|lost|loses|jumped|jumps|leaped|leapt|climbed|dropped|drops|declined|slid|slipped|plunged|tumbled|sank|soared|surged|higher|lower|${TRANSITIVE_MOVES}`;
const MOVE_BEFORE = new RegExp(
  String.raw`\b(?:${MOVE_WORDS})(?:\s+by)?(?:\s+(?:about|around|nearly|almost|more than|as much as|some))?\s*$`,
  "i",
);
/**
 * A move written right before a count: "gained 211 seats", "a gain of 211", ", up 64", "were down
 * 39"; not a verb's particle ("set up 40 camps"), nor "rose to" a level.
 */
const COUNT_MOVED_BEFORE = new RegExp(
  String.raw`(?:\b(?:${MOVE_WORDS.replace(/^up\|down\|/, "").replace(TRANSITIVE_MOVES, "")}(?:${TRANSITIVE_MOVES})(?=\s+by\b))(?:\s+by)?|\b(?:gain|loss|rise|fall|drop|increase|decrease|decline)\s+of|(?:^|[,;(]|\b(?:is|are|was|were|been|be|now)\s)\s*(?:up|down)(?:\s+by)?)\s*$`,
  "i",
);
const movedJustBefore = (body: string, from: number, at: number) => COUNT_MOVED_BEFORE.test(body.slice(Math.max(from, at - 40), at));

/** The noun of the last count before, in "412 seats, a gain of 211": what the change counts. */
function countNounBefore(text: string): string | null {
  let noun: string | null = null;
  for (const m of text.matchAll(/\b\d[\d,.]*\s+(\p{Ll}{3,}s)\b/gu)) noun = m[1]!;
  return noun;
}

/**
 * A win-loss record: "won 3, lost 2", "won 40 and lost 12", "lost two and drew one". Games won
 * or drawn are counted bare (or as games, matches…); seats won are counted with their noun.
 */
const RECORD_WORD = String.raw`(?:won|wins|drew|drawn|draws|tied|ties)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+(?:games?|matches|times|races|fights|bouts|sets|frames|tests|ties|contests))?`;
const RECORD = new RegExp(String.raw`\b${RECORD_WORD}(?=\s*(?:[,;.)]|and\b|but\b|of\b|$))`, "i");
const recordOfGames = (body: string, from: number, to: number) => RECORD.test(body.slice(from, to));

/** A clause joined to the one before: ", and", ", but", ", while", "; ". */
const JOINED_CLAUSE = String.raw`(?:[,;]\s*(?:and|but|while|whereas)\b|;)`;
/** A joined clause and all after it: what is read after a figure stops there. */
const JOINED_CLAUSE_ON = new RegExp(String.raw`${JOINED_CLAUSE}[\s\S]*$`, "i");
/** All up to the last joined clause: what is read before a figure starts after it. */
const UP_TO_JOINED_CLAUSE = new RegExp(String.raw`^[\s\S]*${JOINED_CLAUSE}`, "i");

/** "14% higher than", "5% lower": a share's move written after it. */
const MOVE_AFTER = /^\s*(?:%|per ?cent)?\s*(higher|lower)\b/i;

/**
 * The words before a share, with its move when written after it ("Gaming revenue of $3.3 billion was
 * 14% higher than …" reads as "… was up"), so that what moved is read as it is before a move.
 */
function movedBefore(before: string, text: string, lastDigit: number, after: string): string {
  const m = MOVE_AFTER.exec(text.slice(lastDigit + 1) + (text.length - 1 === lastDigit || text.endsWith("%") ? after : ""));
  return m ? `${before} ${m[1]!.toLowerCase() === "higher" ? "up" : "down"}` : before;
}

/** The move written in the value itself: "up 12%". */
const MOVE_VALUE = new RegExp(String.raw`^(?:${MOVE_WORDS})\b`, "i");
/** A share of something, written after the figure: "5% of its users", "two-thirds of it". */
const OF_WHOLE = /^\s*(?:%|per ?cent)?\s*of\b/i;

/** The unit of measure or currency of a figure ("l/m²", "USD", "%"), to keep a rainfall cue off a duration. */
const unitOf = (value: NormalizedValue) =>
  "measure" in value && value.measure ? value.measure.dimension : value.kind === "money" || value.kind === "percentage" ? value.unit : null;

/** What each recorded claim teaches: the stems of the words around its value, its attribute and subject. */
function learn(claims: RecordedClaim[]): Learned[] {
  return claims.map((c) => {
    const quote = c.body.slice(c.start, c.end);
    const at = quote.indexOf(c.valueText);
    const valueStart = at >= 0 ? c.start + at : c.start;
    const valueEnd = at >= 0 ? valueStart + c.valueText.length : c.end;
    // The quote's words around the value, and up to five before the quote in its sentence.
    // The words nearest the value: a long quote's far words ("the King walked through the mud") are not its cue.
    // Names are the claim's subject or setting, not its cue: "six people were reported missing" in
    // "the region of Castilla-La Mancha" teaches "reported missing", not "Castilla" or "Mancha".
    const names = namesIn(c.body.slice(Math.max(0, c.start - CONTEXT_LENGTH), c.end));
    const before = cueWords(c.body.slice(Math.max(0, c.start - CONTEXT_LENGTH), valueStart).replace(/^.*[.!?]\s/s, ""))
      .filter((w) => !names.has(w))
      .slice(-4)
      .map(stem);
    // After it: the quote's next words, or the value's own nouns when the quote is the value ("500 litres of rain").
    const after = cueWords(c.body.slice(valueEnd === c.end ? valueStart : valueEnd, c.end))
      .filter((w) => !names.has(w))
      .map(stem)
      .filter((w) => !before.includes(w))
      .slice(0, 3);
    const parsed = parseValue(c.valueText, c.valueKind);
    const unit = parsed.ok ? unitOf(parsed.value) : null;
    const point = parsed.ok && "point" in parsed.value ? parsed.value.point : null;
    const inQuote = cueWords(quote).map(stem);
    // The analyst's own label is a cue too: "Stake in Twitter" for "a 9.1% stake in Twitter".
    // Its dates ("Rainfall on 29 October") are not: any date in a sentence would match them.
    const label = cueWords(c.attribute)
      .filter((w) => !DAY_WORDS.test(w))
      .map(stem)
      .filter((w) => !before.includes(w) && !after.includes(w));
    return {
      articleId: c.articleId,
      words: [...before, ...after],
      quoteWords: [...before, ...after].filter((w) => inQuote.includes(w)),
      labelWords: label,
      attribute: c.attribute,
      subjectId: c.subjectId,
      valueKind: c.valueKind,
      unit,
      point,
      move: MOVE_VALUE.test(c.valueText) || MOVE_BEFORE.test(c.body.slice(Math.max(0, valueStart - 40), valueStart)),
      // Only a part the claim's own sentence names: a label's "After-hours" for "in extended trading" is the analyst's word.
      part: labelPart(c.attribute).filter((w) =>
        cueWords(c.body.slice(Math.max(0, c.start - PART_CONTEXT), c.end).replace(/^.*[.!?]\s/s, ""))
          .map(stem)
          .includes(w),
      ),
    };
  });
}

/** Words written with a capital inside a sentence, folded: the names in a passage. */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:'’)\]]\s+|[-–])\p{Lu}[\p{L}'’]*/gu)) names.add(foldText(m[0]));
  return names;
}

const SCALE_ONLY = /\b(?:thousands?|millions?|billions?|trillions?|bn|mn)$/i;

/**
 * What a claim teaches depends on nothing but its words near the value, its value, subject and
 * attribute: worked out once for all the requests that read the same claim (an investigation's
 * claims are read again for every article opened).
 */
const learnedFrom = memoized(50_000, (key) => {
  const [articleId, body, start, valueText, valueKind, subjectId, attribute] = JSON.parse(key) as [
    string,
    string,
    number,
    string,
    ValueKind,
    string,
    string,
  ];
  return learn([{ articleId, body, start, end: body.length, valueText, valueKind, subjectId, attribute }])[0]!;
});

function learnOnce(claims: RecordedClaim[]): Learned[] {
  return claims.map((c) => {
    // The words `learn` reads: the quote and what comes before it.
    const from = Math.max(0, c.start - PART_CONTEXT);
    return learnedFrom(
      JSON.stringify([c.articleId, c.body.slice(from, c.end), c.start - from, c.valueText, c.valueKind, c.subjectId, c.attribute]),
    );
  });
}

/**
 * A learned cue applies to a value of its kind, its unit of measure or currency (a count's noun
 * aside), and its order of size: a price of $54.20 a share teaches nothing about $44 billion.
 */
const compatible = (cue: Learned, value: Read, text: string, ofWhole: boolean) =>
  !(cue.move && ofWhole) &&
  (cue.valueKind === value.kind
    ? cue.unit === value.unit
    : // "Grew into the tens of billions": a scale with no currency and no noun may be money.
      cue.valueKind === "money" && value.kind === "number" && !value.measured && SCALE_ONLY.test(text)) &&
  !(cue.point && value.point && ratioOfSize(cue.point, value.point) >= 1000);

/** How many times larger one figure is than the other, whatever their signs: a fall of 3% and a rise of 2% are of one size. */
const ratioOfSize = (a: number, b: number) => Math.max(Math.abs(a), Math.abs(b)) / Math.max(1e-9, Math.min(Math.abs(a), Math.abs(b)));

/**
 * Claims that teach the same cue (its words, attribute, subject, kind and unit) but for their
 * figure, in the order first taught: a large investigation records the same kind of figure
 * thousands of times, and a value is scored against each cue once, not against every claim.
 */
type Lesson = {
  /** The first claim that taught it; the others differ only in their figure. */
  cue: Learned;
  family: AttributeFamily | null;
  /** Every claim that taught it, with its place among all learned claims (ascending). */
  claims: Learned[];
  order: number[];
};

function lessonsOf(learned: Learned[]): Lesson[] {
  const byKey = new Map<string, Lesson>();
  learned.forEach((l, i) => {
    const key = JSON.stringify([l.words, l.quoteWords, l.labelWords, l.attribute, l.subjectId, l.valueKind, l.unit, l.part]);
    const lesson = byKey.get(key);
    if (lesson) {
      lesson.claims.push(l);
      lesson.order.push(i);
    } else byKey.set(key, { cue: l, family: familyOf(l.attribute), claims: [l], order: [i] });
  });
  return [...byKey.values()];
}

/**
 * Words that make a figure what analysts expected rather than what was: before it in its clause
 * ("against estimates of $33.2bn", "the LSEG consensus was 75 cents", "analysts had forecast
 * earnings of 75 cents"), or right after it ("the $1.23 billion analysts had expected", "$29bn
 * expected by analysts"). What a company itself expects or forecasts is its guidance, not this.
 */
const EXPECTATION_BEFORE =
  /\b(?:ahead of|above|below|beat(?:ing|s)?|miss(?:ed|es|ing)?|top(?:ped|ping|s)?|short of|in line with|against|versus|vs)\s+(?:the\s+)?forecasts?\b/;
/** Who expects, or what they expected ("estimates", "expectations": these only right before the figure). */
const EXPECTATION_WORD = /\b(?:(analysts?|economists?|consensus|polled|wall street)|(estimates?|expectations?))\b/g;
/**
 * What tells that a source reports the figure rather than expects it: "Economists said unemployment
 * rose to 4.3%", "Wall Street cheered as revenue came to $22.4 billion".
 */
const REPORTED_BY =
  /\b(?:said|says|say|noted|notes|note|told|tells|reported|reports|wrote|writes|added|adds|warned|warns|cheered|welcomed|argued|argues)\b/;

/** Whether the clause before a figure gives it as an expectation: "against estimates of", "the consensus was". */
function expectationBefore(clause: string): boolean {
  if (EXPECTATION_BEFORE.test(clause)) return true;
  const last = [...clause.matchAll(EXPECTATION_WORD)].at(-1);
  if (!last) return false;
  const tail = clause.slice(last.index + last[0].length);
  // "Estimates now put the death toll at 230" is an estimate of a toll, no expected result.
  if (last[2] && tail.trim().split(/\s+/).filter(Boolean).length > 3) return false;
  return !REPORTED_BY.test(tail);
}
const EXPECTATION_AFTER =
  /^\s*(?:that\s+|which\s+)?(?:(?:the\s+)?(?:analysts?|economists?|wall street)\b|(?:had\s+been\s+|was\s+|were\s+)?(?:expected|forecast|estimated|predicted)\s+by\b)/;
/**
 * An analyst's label for an expectation: "Revenue expected by analysts", "Consensus estimate". It
 * names who expected: "Estimated damage" and "Expected turnout" are labels of actual figures.
 */
const EXPECTED_LABEL = /\b(?:consensus|analysts?'?|economists?'?|polled|wall street)\b|\b(?:expected|estimated|forecast|predicted)\s+by\b/;

/** The measure an expectation's label is of: "Revenue expected by analysts, third quarter" is of revenue. */
const measureExpected = (label: string) =>
  familyOf(
    label
      .replace(/\s+(?:expected|estimated|forecast|predicted)\s+by\s+(?:the\s+)?(?:analysts?|economists?|wall street)\b/i, "")
      .replace(/^(?:expected|estimated|consensus|analysts'?)\s+/i, "")
      .replace(/^./, (c) => c.toUpperCase()),
  );

/**
 * Whether a label names what a count's noun counts, in its head (before any qualifier): "Seats
 * won, 2024 general election" names "seats", "Parking spaces" names "spaces".
 */
function namesNoun(label: string, noun: string): boolean {
  const head = cueWords(label.split(/,|\s(?:in|of|on|at|for|from|since|by|during)\s/)[0]!).map(stem);
  const counted = cueWords(noun).map(stem).at(-1);
  return counted !== undefined && head.includes(counted);
}

/** The quarters a text names by their ordinal: "third quarter", "fourth-quarter", "Q4". */
function quartersIn(folded: string): Set<string> {
  const quarters = new Set<string>();
  for (const m of folded.matchAll(/\b(?:(first|second|third|fourth)[\s-]quarter|q([1-4]))\b/g))
    quarters.add(m[2] ?? String(["first", "second", "third", "fourth"].indexOf(m[1]!) + 1));
  return quarters;
}

/** Whether `text[at]` ends a clause: a semicolon or colon, or a comma that is no thousands separator. */
const endsClause = (text: string, at: number) => {
  const c = text[at];
  return c === ";" || c === ":" || (c === "," && !isDigit(text[at + 1]));
};
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** Whether a figure is given as what analysts expected, by the words of its own clause. */
function expectedByAnalysts(body: string, sentenceStart: number, value: { start: number; end: number }): boolean {
  const before = body.slice(sentenceStart, value.start);
  // The clause: from the last semicolon, colon or comma that is no thousands separator.
  let clauseStart = before.length;
  while (clauseStart > 0 && !endsClause(before, clauseStart - 1)) clauseStart--;
  return expectationBefore(foldText(before.slice(clauseStart))) || EXPECTATION_AFTER.test(foldText(body.slice(value.end, value.end + 60)));
}

/**
 * The learned cue sharing most stems with the span's context, nearer words weighing more; of
 * cues scoring alike, the one taught first whose figure fits. A figure analysts expected takes
 * only a label of an expectation, and an actual figure never takes one: "revenue of $35.1
 * billion against estimates of $33.2 billion" gives two measures however alike their words.
 */
function bestLearned(
  context: string[],
  after: string[],
  value: Read,
  text: string,
  lessons: Lesson[],
  /** The figure is a share of something ("two-thirds of it"), which no move teaches. */
  ofWhole = false,
  expected = false,
  /** The measure the lexicon reads near the figure, for an expected figure sharing no word with its label. */
  measure: AttributeFamily | null = null,
  /** The stems of the figure's sentence, for the part a label names. */
  sentenceStems: Set<string> = new Set(),
  /** The quarters the figure's sentence names by their ordinal. */
  quarters: Set<string> = new Set(),
): { cue: Learned; score: number } | null {
  let best: { cue: Learned; score: number; order: number } | null = null;
  for (const { cue, claims, order } of lessons) {
    if (EXPECTED_LABEL.test(foldText(cue.attribute)) !== expected) continue;
    // A label of one quarter ("Revenue, third quarter") is not of a figure whose sentence names
    // only others ("guided to fourth-quarter revenue of $37.5 billion").
    if (quarters.size) {
      const own = quartersIn(foldText(cue.attribute));
      if (own.size && ![...own].some((q) => quarters.has(q))) continue;
    }
    // A word of the analyst's quote counts more than one before it; a word of the label least.
    const weight = (w: string) => (cue.quoteWords.includes(w) ? 1.25 : cue.words.includes(w) ? 1 : cue.labelWords.includes(w) ? 0.5 : 0);
    let score = 0;
    context.forEach((w, i) => {
      const k = weight(w);
      if (k) score += k * (1 + i / context.length);
    });
    for (const w of after) score += weight(w);
    // One far word in common ("people") is chance, not a cue; for a figure analysts expected, the
    // expectation is the cue, and a word of the label says which measure it was.
    // A label naming a part ("Data-center revenue", "Adjusted earnings per share") is of a figure
    // whose sentence names it, and names it surely: gaming's revenue is not the data centers'.
    if (cue.part.length) {
      if (!cue.part.every((w) => sentenceStems.has(w))) continue;
      score += 1 + cue.part.length;
    }
    // An expectation of the measure the lexicon reads there ("a consensus of $37.09 billion" after
    // "revenue") is one too, whatever its words.
    if (expected && score < 0.5 && measure && measureExpected(cue.attribute) === measure) score = 0.5;
    if (score < (expected ? 0.5 : 1.5) || (best && score < best.score)) continue;
    const fits = claims.findIndex((c) => compatible(c, value, text, ofWhole));
    if (fits < 0) continue;
    if (!best || score > best.score || order[fits]! < best.order) best = { cue: claims[fits]!, score, order: order[fits]! };
  }
  return best && { cue: best.cue, score: best.score };
}

// ---------------------------------------------------------------------------------------------
// Subjects

/** How an entity is found in a sentence: its names whole, or most of a descriptive name's words. */
type Matcher = { entity: SuggestEntity; names: string[]; acronyms: string[]; words: string[] };

/** Runs of letters and digits: what the boundaries of a name's pattern fall between. */
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * Every entity's matcher, with an index from words to the matchers a sentence holding that word
 * may match: a name found whole starts with its first word, a description found by its words
 * holds one of them. A sentence tries only those (a few of thousands of entities), in order.
 */
/** `described`: whether some entity is found by the words of its name, which needs each sentence's stems. */
type Matchers = { all: Matcher[]; byWord: Map<string, number[]>; always: number[]; described: boolean };

function matchers(entities: SuggestEntity[]): Matchers {
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  const index = (key: string, i: number) => {
    const list = byWord.get(key);
    if (!list) byWord.set(key, [i]);
    else if (list.at(-1) !== i) list.push(i);
  };
  const all = entities.map((entity, i) => {
    const { names, acronyms, words } = entityPatterns(JSON.stringify([entity.name, ...entity.aliases]));
    for (const n of [...names, ...acronyms.map(foldText)]) {
      const first = /^[\p{L}\p{N}]+/u.exec(n);
      if (first) index(first[0], i);
      else always.push(i);
    }
    for (const w of words) index(`stem:${w}`, i);
    return { entity, names, acronyms, words };
  });
  return { all, byWord, always, described: all.some((m) => m.words.length > 0) };
}

/** An entity's names folded, and the words of its name; made once per set of names (JSON: name first). */
const entityPatterns = memoized(50_000, (key) => {
  const [name, ...aliases] = JSON.parse(key) as string[];
  // "WHO", "US", "IT": a name in capitals that is also a word is found in capitals only, never in
  // "Ali, who leads the teams" or "told us".
  const acronym = (n: string) => ACRONYM.test(n) && isCommonWord(n.toLowerCase());
  const names = [name!, ...aliases]
    .filter((n) => !acronym(n))
    .map(foldText)
    .filter((n) => n.length >= 2);
  const acronyms = [name!, ...aliases].filter(acronym);
  // "Woman swept away in Letur", "Valencia emergency phone alert": a description the text words
  // differently ("the woman … in Letur", "the mobile phone alert") is found by its words.
  const words = [...new Set(cueWords(name!).map(stem))].filter((w) => w.length >= 3);
  return { names, acronyms, words: words.length >= 2 ? words : [] };
});

/** A short name written in capitals: "WHO", "IT", "US". */
const ACRONYM = /^\p{Lu}{2,5}$/u;

const WORD_BEFORE = /[\p{L}\p{N}]$/u;
const WORD_AFTER = /^[\p{L}\p{N}]/u;

/** Where `name` first stands whole in `text` (no letter or digit either side), else -1. */
export function wholeNameAt(text: string, name: string): number {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const end = i + name.length;
    // Two code units either side: a letter outside the BMP is a pair.
    if (!WORD_BEFORE.test(text.slice(Math.max(0, i - 2), i)) && !WORD_AFTER.test(text.slice(end, end + 2))) return i;
  }
  return -1;
}

/** An entity found in a sentence: where (approximately), and how strongly (words of its name found). */
type Mention = { entity: SuggestEntity; at: number; end: number; strength: number; lead: boolean };

function mentionsIn(body: string, sentence: Sentence, found: Matchers): Mention[] {
  // No entity recorded yet (a new investigation): nothing to find, and folding each sentence costs.
  if (!found.all.length) return [];
  const text = body.slice(sentence.start, sentence.end);
  const folded = foldText(text);
  const scale = text.length / Math.max(1, folded.length);
  const stems = new Map<string, number>();
  // Stemming every word is for names found by their words: not done when no entity is.
  if (found.described)
    for (const m of folded.matchAll(/[\p{L}\p{N}']+/gu)) {
      const s = stem(m[0]);
      if (!stems.has(s)) stems.set(s, m.index);
    }
  const candidates = new Set(found.always);
  for (const [m] of folded.matchAll(WORD_RUN)) for (const i of found.byWord.get(m) ?? []) candidates.add(i);
  for (const s of stems.keys()) for (const i of found.byWord.get(`stem:${s}`) ?? []) candidates.add(i);
  const seen: { mention: Mention; index: number; last: number; whole: number }[] = [];
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const { entity, names, acronyms, words } = found.all[i]!;
    let best: { index: number; last: number; strength: number; whole: number } | null = null;
    for (const n of names) {
      const at = wholeNameAt(folded, n);
      // A name found whole is as strong as a description found word for word.
      if (at >= 0 && !best) best = { index: at, last: at, strength: 3, whole: n.length };
    }
    for (const n of acronyms) {
      const at = wholeNameAt(text, n);
      if (at >= 0 && !best) {
        const index = Math.round(at / scale);
        best = { index, last: index, strength: 3, whole: n.length };
      }
    }
    if (words.length) {
      const hits = words.map((w) => stems.get(w)).filter((i): i is number => i !== undefined);
      if (hits.length >= 2 && 2 * hits.length >= words.length && (!best || hits.length > best.strength))
        best = { index: Math.min(...hits), last: Math.max(...hits), strength: Math.min(3, hits.length), whole: 0 };
    }
    // Folding keeps lengths close enough for "nearest": the offset is approximate.
    if (best) {
      // The sentence is about it when it opens the sentence: "Paiporta, a suburb …", "In Paiporta, …".
      const lead = /^(?:(?:in|at|for|from)\s+)?(?:the\s+)?$/.test(folded.slice(0, best.index));
      const at = sentence.start + Math.round(best.index * scale);
      const mention = { entity, at, end: at + Math.round(best.whole * scale), strength: best.strength, lead };
      seen.push({ mention, index: best.index, last: best.last, whole: best.whole });
    }
  }
  // Words of a description inside a name written whole are that name's: "Southern Water Authority
  // 2041" names that authority, not "Southern Water Authority 1" by its words.
  const wholes = seen.filter((f) => f.whole);
  // Likewise a shorter name inside a longer one written whole: "Emil Michael" is not "Michael".
  const inside = (f: (typeof seen)[number], w: (typeof seen)[number]) =>
    w !== f && w.index <= f.index && f.last + Math.max(0, f.whole - 1) < w.index + w.whole && (!f.whole || w.whole > f.whole);
  return seen.filter((f) => !wholes.some((w) => inside(f, w))).map((f) => f.mention);
}

/** The entities the sentence before (in its paragraph) names, as if named at this one's start: its subject carries over. */
function mentionsBefore(body: string, sentence: Sentence, found: Matchers, acrossParagraphs = false): Mention[] {
  if (!found.all.length) return [];
  // Within its paragraph; a paragraph's first sentence, from the paragraph before when that is
  // prose (news often writes a sentence a paragraph: "Microsoft said revenue rose …" / "Net income
  // was …"). A headline, a caption or a list item above is another matter.
  const lineStart = lineStartOf(body, sentence.start);
  if (!body.slice(lineStart, sentence.start).trim()) {
    if (!acrossParagraphs) return [];
    let end = lineStart;
    while (end > 0 && /\s/.test(body[end - 1]!)) end--;
    const start = Math.max(body.lastIndexOf("\n", end - 1) + 1, end - 300);
    const last = body.slice(start, end);
    if (!/[.!?]["'”’)]?$/.test(last) || last.length < 40 || !/\s\p{Ll}/u.test(last)) return [];
    // Its last sentence only.
    const ends = [...last.slice(0, -1).matchAll(/[.!?]["'”’)]?\s+/g)];
    const from = start + (ends.length ? ends.at(-1)!.index + ends.at(-1)![0].length : 0);
    const previous: Sentence = { start: from, end, tokens: [] };
    // Not a person, unless this one goes on about him or her ("He has about $3 billion in cash").
    const aboutSomeone = /^\s*["“]?(?:He|She|His|Her)\b/.test(body.slice(sentence.start, sentence.start + 8));
    // Nor a source the paragraph cited ("according to LSEG data"): it gave the figures, it is not what they are about.
    return mentionsIn(body, previous, found)
      .filter((m) => (m.entity.kind !== "person" || aboutSomeone) && !CITED_BEFORE.test(body.slice(Math.max(from, m.at - 40), m.at)))
      .map((m) => ({ ...m, lead: false, at: sentence.start - 1, end: sentence.start - 1 }));
  }
  const from = Math.max(lineStart, sentence.start - 300);
  const text = body.slice(from, sentence.start);
  // The last sentence only: from the full stop before its own.
  const ends = [...text.matchAll(/[.!?]["'”’)]?\s+/g)];
  const start = ends.length >= 2 ? from + ends.at(-2)!.index + ends.at(-2)![0].length : from;
  const previous: Sentence = { start, end: sentence.start, tokens: [] };
  return mentionsIn(body, previous, found).map((m) => ({ ...m, lead: false, at: sentence.start - 1, end: sentence.start - 1 }));
}

/** Words that cite a source by the name after them: "according to LSEG data", "citing Refinitiv", "figures from the UN". */
const CITED_BEFORE =
  /\b(?:according to|as reported by|as estimated by|citing|quoting|(?:data|figures|numbers|estimates?|count|tally) (?:from|by|of)|per)\s+(?:the\s+)?$/i;

/** What `sentenceSubject` found in each sentence, by where its value is: a figure's subject is asked twice (leadName, guessSubject). */
const subjectsOf = new WeakMap<Sentence, Map<number, string | null>>();

/** The sentence's first run of proper nouns before the value: its subject, as far as the tagger sees. */
function sentenceSubject(body: string, sentence: Sentence, before: number): string | null {
  let found = subjectsOf.get(sentence);
  if (!found) subjectsOf.set(sentence, (found = new Map()));
  let subject = found.get(before);
  if (subject === undefined) found.set(before, (subject = readSentenceSubject(body, sentence, before)));
  return subject;
}

function readSentenceSubject(body: string, sentence: Sentence, before: number): string | null {
  const run: Token[] = [];
  // A dateline ("NAIROBI, March 4 —") is the report's: the sentence starts after it.
  const dateline = DATELINE.exec(body.slice(sentence.start, sentence.start + 120));
  const from = dateline ? sentence.start + dateline[0].length : sentence.start;
  const first = sentence.tokens.findIndex((t) => t.start >= from);
  for (const [k, t] of sentence.tokens.entries()) {
    if (t.start >= before) break;
    if (t.start < from) continue;
    // The tagger takes a sentence's capitalised first word for a name: "Lenders have been slow",
    // "Private-sector credit shrank". A plural or a verb form of an ordinary word, or the first half
    // of a compound, is none.
    // Nor is either half of a compound anywhere: "The Munich-based group", "US-China talks".
    const half = body[t.end] === "-" || (body[t.start - 1] === "-" && /\p{L}/u.test(body[t.start - 2] ?? ""));
    const firstWordOnly = half || (k === first && /\p{Ll}(?:s|ing|ed)$/u.test(t.text) && isCommonWord(t.text));
    // "Flight 370 vanished": an ordinary noun made a name by its number.
    const numbered = run.length > 0 && /^\d{1,4}$/.test(t.text) && run.at(-1)!.end + 1 === t.start && isCommonWord(run.at(-1)!.text);
    // "40C", "104F": a letter against a figure is its unit, no name.
    const unit = k > 0 && sentence.tokens[k - 1]!.end === t.start && /\d$/.test(sentence.tokens[k - 1]!.text);
    const next = sentence.tokens[k + 1];
    const nextIsName = next?.pos === "PROPN" && /^\p{Lu}/u.test(next.text) && next.start === t.end + 1;
    // "Transport minister Kostas Karamanlis": a title in lower case between a name's words and a
    // person goes with them, and is left out of the name with them.
    const title = run.length > 0 && /^\p{Ll}/u.test(t.text) && TITLE_ONLY.test(t.text) && nextIsName;
    // "Ford Motor Co": the tagger takes a name's ordinary first word for a verb or a noun.
    const opens =
      !run.length &&
      /^\p{Lu}\p{Ll}+$/u.test(t.text) &&
      ["NOUN", "VERB", "ADJ"].includes(t.pos) &&
      nextIsName &&
      !(k === first && (/\p{Ll}(?:s|ing|ed)$/u.test(t.text) || qualifierWord(t.text) || DAY_WORDS.test(t.text)));
    // "Amazon.com Inc", "Moody's said": a web address's ending and a name's own "'s" are the name's.
    const address =
      run.length > 0 && (webEnding(sentence.tokens, k) || (sentence.tokens[k - 1]?.text === "." && webEnding(sentence.tokens, k - 1)));
    const own = run.length > 0 && ownPossessive(body, sentence.tokens, k, run[0]!.start);
    if ((t.pos === "PROPN" && !DAY_WORDS.test(t.text) && !firstWordOnly && !unit) || numbered || title || opens || address || own)
      run.push(t);
    // A run before a colon labels what follows ("Dead: 4,300; injured: 20,000"): it names no one.
    else if (t.text === ":") run.length = 0;
    // "The IMF expects the economy to grow 5.4%", "Judge Ortiz sentenced Robert Hale to 12 years":
    // the figure is of what the verb acts on, not of who acts; a name there is the subject.
    else if (run.length && HANDS_ON.test(body.slice(run.at(-1)!.end, before))) run.length = 0;
    else if (run.length) break;
  }
  // "Court fines Acme $2bn": a sentence's first word, an ordinary one the text also writes in lower
  // case ("court filings"), is capitalised by its place only.
  const [only] = run;
  if (run.length === 1 && only === sentence.tokens[first] && isCommonWord(only!.text) && writesInLowerCase(body, only!.text)) return null;
  // "Several carriages derailed", "Older residents recalled": a sentence's first word that is a
  // determiner or an adjective before a noun in lower case says which ones, and names nothing.
  const next = sentence.tokens[first + 1];
  if (run.length === 1 && only === sentence.tokens[first] && next && /^\p{Ll}/u.test(next.text) && qualifierWord(only!.text)) return null;
  return run.length ? withoutTitles(wordsOf(body, run)).join(" ") : null;
}

/**
 * The name opening a sentence as the subject of the verb that gives the figure at `before`: "Alphabet
 * rose 2%", not "Police said 40 people died" (who tells), nor a measure's word ("Revenue rose 12%").
 */
function leadName(
  body: string,
  sentence: Sentence,
  before: number,
  /** Whether the sentence names only entities of another kind than the measure is of. */
  otherKindsOnly: boolean,
): string | null {
  const name = sentenceSubject(body, sentence, before);
  if (!name) return null;
  const dateline = DATELINE.exec(body.slice(sentence.start, sentence.start + 120));
  const from = dateline ? sentence.start + dateline[0].length : sentence.start;
  if (!body.startsWith(name, from)) return null;
  // "Data center revenue reached …, on demand for its Hopper chips": in a sentence naming only
  // things of another kind, a word of the language capitalised to open it, before the noun it
  // qualifies, is no name. Elsewhere it may be one: "Shell shares rose 2%" ("Alphabet rose 2%" is one).
  const next = sentence.tokens.find((t) => t.start > from + name.length);
  if (otherKindsOnly && !/\s/.test(name) && isCommonWord(name) && next?.pos === "NOUN" && /^\p{Ll}/u.test(next.text)) return null;
  const between = body.slice(from + name.length, before);
  if (!CLAUSE_VERB_TO.test(between) || SAYING.test(between)) return null;
  return MEASURE_SHAPES.some((s) => anyCue(s).test(foldText(name))) ? null : name;
}
/** Verbs of telling or expecting: who tells or forecasts a figure is not what it is about. */
const SAYING =
  /\b(?:said|says|say|told|tells|reported|reports|estimated|estimates|announced|announces|confirmed|confirms|put|puts|expected|expects|expect|forecast|forecasts|predicted|predicts|projected|projects|anticipated|anticipates)\b/i;

/** A run's words as written, those written against each other ("Amazon" "." "com", "Moody" "'s") as one. */
function wordsOf(body: string, run: Token[]): string[] {
  const words: string[] = [];
  run.forEach((t, k) => (k > 0 && run[k - 1]!.end === t.start ? (words[words.length - 1] += t.text) : words.push(t.text)));
  return words;
}

/**
 * After a name, a verb whose object the figure that follows is about: a forecast of what is to
 * grow ("expects the economy to grow", "Portugal's economy"; not "expects its revenue" or "expects
 * revenue to rise", which are the name's own), a sentence or fine on
 * someone ("sentenced Robert Hale to", "fined Acme", "ordered Acme to pay"). Up to two words may stand before the verb
 * ("a Riverside judge sentenced").
 */
const HANDS_ON = new RegExp(
  String.raw`^['’]?s?\s+(?:\p{Ll}+\s+){0,2}?(?:` +
    String.raw`(?:expects?|expected|forecasts?|forecast|predicts?|predicted|projects?|projected|sees|saw|estimates?|estimated)\s+(?:(?:the|a|an)\s+|\p{Lu}[\p{L}.-]*['’]s\s+)[^,;:.!?]{0,60}?\s+to\s+\p{L}+` +
    String.raw`|(?:sentenced|jailed|imprisoned|fined|banned|suspended|awarded)\s+\p{Lu}` +
    // "ordered Acme to pay": an order given someone, not goods bought ("ordered Boeing jets").
    String.raw`|ordered\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s+to\s` +
    String.raw`)`,
  "u",
);

/** The words a body writes in lower case, for the last bodies asked about (names and subjects both ask). */
export const lowerCaseWords = memoized(8, (body: string) => new Set(body.match(LOWER_CASE_WORDS) ?? []));
const LOWER_CASE_WORDS = /(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’]*/gu;
const LOWER_CASE_WORD = /^\p{Ll}[\p{L}'’]*$/u;
/** What `writesInLowerCase` answered for the last bodies, by word. */
const lowerCaseAnswers = memoized(8, () => new Map<string, boolean>());
/** Whether a character ends every word `lowerCaseWords` reads: a space or a line break. */
const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/**
 * Whether the body writes a word in lower case: `lowerCaseWords(body).has(word.toLowerCase())`,
 * looking only where the word is written. A subject asks of a few words, and reading every word of
 * a 2 MB body into a set costs more than all of them.
 */
function writesInLowerCase(body: string, word: string): boolean {
  const lower = word.toLowerCase();
  const answers = lowerCaseAnswers(body);
  let answer = answers.get(lower);
  if (answer !== undefined) return answer;
  answer = false;
  if (LOWER_CASE_WORD.test(lower)) {
    for (let at = body.indexOf(lower); at >= 0 && !answer; at = body.indexOf(lower, at + 1)) {
      // The words of the stretch between the spaces around it, read as in the whole body: no word runs over a space.
      let from = at;
      while (from > 0 && !isSpace(body.charCodeAt(from - 1))) from--;
      let to = at + lower.length;
      while (to < body.length && !isSpace(body.charCodeAt(to))) to++;
      // A stretch without spaces (a URL, a script without them) is read as the whole body is.
      answer =
        to - from > 1_000 ? lowerCaseWords(body).has(lower) : (body.slice(from, to).match(LOWER_CASE_WORDS) ?? []).some((w) => w === lower);
    }
  }
  answers.set(lower, answer);
  return answer;
}

/** Words that hand a figure to whoever follows: "according to AFAD", "said Erdoğan", "figures from the UN". */
const SOURCE_BEFORE =
  /(?:\b(?:according to|as reported by|as estimated by|citing|quoting|(?:data|figures|numbers|estimates?|statements?|count|tally) (?:from|by|of)|said|says|told|per)|^)\s+(?:the\s+)?$/i;
/** Verbs by which a person or body gives a figure: "Erdoğan said", "USGS measured", "the UN has estimated". */
const SOURCE_VERB =
  /^(?:said|says|say|told|tells|reported|reports|report|estimated|estimates|estimate|announced|announces|stated|states|confirmed|confirms|put|puts|gave|gives|measured|measures|recorded|records|registered|registers|warned|warns|added|adds|tweeted|wrote|writes|declared|declares|noted|notes|claimed|claims|counted|counts|calculated|calculates|tallied|updated|updates|cited|cites|revised|revises|raised|lowered|projected|projects|forecast|forecasts|predicted|predicts|believes|believed|thinks|thought)$/i;
/** What may stand between a name and its verb: an apposition, an auxiliary, an adverb ("Erdoğan, the president, has since said"). */
const BEFORE_SOURCE_VERB =
  /^[\p{L}\p{N}.'’-]*(?:['’]s)?\s*(?:,[^,.;:!?]{1,60},\s*|\([^)]{1,40}\)\s*)?(?:(?:has|have|had|also|later|then|since|earlier|previously|now|first|initially|separately|again|on\s+\p{L}+)\s+)*$/u;

/**
 * Whether a person or body named in the sentence gives the figure rather than is what it is about:
 * the subject of a reporting verb ("Erdoğan said the toll rose to 12,000", "USGS measured the quake
 * at 7.8") or the name after "according to", "said" or "figures from". The verb is the tagger's:
 * "AFAD reports" as a noun ("AFAD reports show") does not make AFAD a source. Places and events
 * are what figures are about, never their source here: "Turkey said" is read as Turkey.
 */
function givesFigure(body: string, sentence: Sentence, m: Mention): boolean {
  if (m.entity.kind !== "person" && m.entity.kind !== "organization") return false;
  if (SOURCE_BEFORE.test(body.slice(Math.max(sentence.start, m.at - 40), m.at)) && m.at > sentence.start) {
    const lead = body.slice(Math.max(sentence.start, m.at - 40), m.at);
    // "said" before a name is its verb only after a clause: ", said Erdoğan", not "Musk said Twitter …".
    if (
      !/^\s*$/.test(lead) &&
      (!/\b(?:said|says|told)\s+(?:the\s+)?$/i.test(lead) || /,\s*(?:\S+\s+)?(?:said|says|told)\s+(?:the\s+)?$/i.test(lead))
    )
      return true;
  }
  // The first verb after the name, over an apposition or auxiliaries, as the tagger reads it.
  for (const t of sentence.tokens) {
    if (t.start < m.end) continue;
    if (!BEFORE_SOURCE_VERB.test(body.slice(m.end, t.start))) return false;
    // "The World Bank said it would provide $1.78 billion": a speaker who speaks of itself is what the figure is about.
    if (t.pos === "VERB" && SOURCE_VERB.test(t.text))
      // So is one who tells someone of itself: "Musk told Reuters he had raised $46.5 billion".
      return !/^\s+(?:(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}'’.&-]*\s+){1,4})?(?:[Tt]hat\s+)?(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b/u.test(
        body.slice(t.end, t.end + 60),
      );
    if (t.pos === "VERB" || t.pos === "NUM") return false;
  }
  return false;
}

/**
 * Whether a name is whom a figure was told or filed to, not what it is about: "in a filing with
 * the Securities and Exchange Commission", "told Reuters", "in an interview with the BBC", "a
 * letter to shareholders". Whatever its kind, an addressee is no subject.
 */
function addressed(body: string, sentence: Sentence, m: Mention): boolean {
  return m.at > sentence.start && ADDRESSEE_BEFORE.test(body.slice(Math.max(sentence.start, m.at - 48), m.at));
}

const ADDRESSEE_BEFORE =
  /\b(?:(?:filings?|filed|submitted|submission|registered|lodged|complaint)\s+(?:\p{Ll}+\s+)?(?:with|to)|told|(?:letter|statement|remarks|testimony|interview|briefing)s?\s+(?:to|with|before)|in\s+an?\s+(?:interview|call|conversation)\s+with|testified\s+(?:to|before))\s+(?:the\s+)?$/iu;

/**
 * The subject of a figure: among the entities the sentence names, the one the attribute is
 * usually about (a death toll's event, a revenue's company), strongly named, leading the sentence,
 * or the learned claim's subject, nearer counting a little; else the learned subject, else the
 * sentence's grammatical subject.
 */
function guessSubject(
  mentions: Mention[],
  value: { start: number; end: number },
  family: AttributeFamily | null,
  learnedSubject: SuggestEntity | undefined,
  sentence: Sentence,
  body: string,
  /** The names the sentence before gives, for a sentence that names only who gives the figure. */
  carried?: () => Mention[],
  /** Where the words that may name the subject end (a label before the figure is none). */
  namesBefore = value.start,
  /** The place an event is named after, when its name holds exactly one ("Derna" of "Derna flood of 2023"). */
  groundOf: (event: SuggestEntity) => string | undefined = () => undefined,
): SubjectGuess {
  const at = value.start;
  const kinds = family?.subjects ?? [];
  const bracketed = /^\s*\)/.test(body.slice(value.end, value.end + 3));
  // "behind Enzo Fernández (£106.8m)": a figure in brackets right after a name is that name's.
  // So is one in the possessive right before it: "Harris won 48.3% to Trump's 49.9%".
  // "Dana Ortiz has scored 14 for Acme": a person doing the figure for a team or company, not its figure.
  const byPersonFor = (m: Mention) =>
    m.entity.kind !== "person" &&
    mentions.some(
      (o) =>
        o.entity.kind === "person" &&
        o.end <= value.start &&
        o.at >= sentence.start &&
        !/[,;:()]|\b(?:said|says|told|according)\b/i.test(body.slice(o.end, value.start)),
    );
  const attached = (m: Mention) =>
    placeOfFigure(body, value, m) ||
    // "412 for Labour and 121 for the Conservatives", "48% of the vote for Harris": a bare count or a
    // share given "for" a name is that name's (a sum paid "for" a company is its price, not its own).
    // A figure with a noun of its own ("hired 300 staff for Beta") says for whom only loosely.
    (/(?:\d|%|\bper ?cent)$/i.test(body.slice(value.start, value.end)) &&
      !/[$€£¥]/.test(body.slice(value.start, value.end)) &&
      m.at >= value.end &&
      GIVEN_FOR.test(body.slice(value.end, m.at)) &&
      !byPersonFor(m)) ||
    (m.end <= value.start && /^['’]s\s+$/.test(body.slice(m.end, value.start))) ||
    // And the name a relative clause holding the figure is about: "OpenAI, which is now valued at $157 billion".
    // Unless the clause names another first: "Dana Ortiz, who runs Orinda Labs with 3,000 staff" is the company's.
    (m.end <= value.start &&
      /^,\s+(?:which|who|whose)\b[^,;:.()]*$/.test(body.slice(m.end, value.start)) &&
      !mentions.some((o) => o.at >= m.end && o.end <= value.start)) ||
    (bracketed && m.end <= value.start && /^\s*\(\s*$/.test(body.slice(m.end, value.start)));
  const clauseSubject = (m: Mention) =>
    m.end <= value.start &&
    CLAUSE_OPENER_BEFORE.test(body.slice(Math.max(sentence.start, m.at - 12), m.at)) &&
    CLAUSE_VERB_TO.test(body.slice(m.end, value.start));
  // Who gives the figure is not what it is about, unless it is the kind the measure is of: a company
  // reporting its own revenue is both.
  // Cited as the source ("according to LSEG data") whatever its kind: never what the figure is about.
  const cited = (m: Mention) => m.at > sentence.start && CITED_BEFORE.test(body.slice(Math.max(sentence.start, m.at - 40), m.at));
  const sources = new Set(
    mentions.filter(
      // A company that says a figure may be giving its own.
      (m) => addressed(body, sentence, m) || cited(m) || (!kinds.includes(m.entity.kind) && givesFigure(body, sentence, m)),
    ),
  );
  // A sentence that names only its sources is about what the one before named, if that is of the measure's kind.
  const pool =
    sources.size && sources.size === mentions.length && carried
      ? [...mentions, ...carried().filter((m) => kinds.includes(m.entity.kind))]
      : mentions;
  const score = (m: Mention) =>
    (sources.has(m) ? -6 : 0) +
    m.strength +
    (kinds[0] === m.entity.kind ? 2.5 : kinds.includes(m.entity.kind) ? 1 : 0) +
    (m.entity.id === learnedSubject?.id ? 2 : 0) +
    (m.lead ? 1 : 0) +
    (attached(m) ? 3 : 0) +
    // "Microsoft rose 4%, while Alphabet gained 2%": a name opening the figure's own clause, right before its verb.
    (clauseSubject(m) ? 1.5 : 0) +
    // Figures follow what they are about: "the alert it sent at 8:12pm, 10 hours after Aemet …".
    (m.at < at ? 0.5 : 0) -
    Math.abs(m.at - at) / 300;
  // "About 900 buildings were destroyed, according to UN figures": no subject rather than the source,
  // unless it is of the measure's kind ("Revenue rose 12%, according to Acme": its own).
  const best = [...pool]
    .sort((a, b) => score(b) - score(a))
    .find(
      (m) =>
        (!cited(m) || m.entity.kind === "other" || kinds.includes(m.entity.kind)) &&
        !ownsTheSubject(body, m) &&
        // "Alphabet gained 2%, while Apple fell 1%": a name of a later clause has its own figures.
        !(m.at >= value.end && LATER_CLAUSE.test(body.slice(value.end, m.at))),
    );
  // A learned event ("the flood's death toll") is seldom named beside its figures: it beats a place
  // merely mentioned, not one the sentence is about ("In Paiporta, at least 62 people died") nor
  // the place the figure is given for ("the toll in Paiporta as 52", "over 17,600 in Turkey").
  // Unless that place is the one the event is named after: the toll "in Derna" of the "Derna flood"
  // is the flood's toll, not a part of it (an event named after two places, "the Turkey–Syria
  // earthquakes", has parts: a toll in Turkey is Turkey's).
  if (
    learnedSubject?.kind === "event" &&
    best &&
    best.entity.kind !== "event" &&
    (best.entity.id === groundOf(learnedSubject) || !((best.lead || attached(best)) && kinds.includes(best.entity.kind)))
  )
    return { how: "mention", entityId: learnedSubject.id, name: learnedSubject.name };
  // A source and nothing else: the learned subject, when there is one, before the source.
  if (best && sources.has(best) && learnedSubject) return { how: "learned", entityId: learnedSubject.id, name: learnedSubject.name };
  if (best) return { how: "mention", entityId: best.entity.id, name: best.entity.name };
  if (learnedSubject) return { how: "learned", entityId: learnedSubject.id, name: learnedSubject.name };
  // A toll is an event's: the event the sentence names, before the figure or after it ("At least 150
  // people were killed when Storm Daniel brought …", "the toll from the Kahramanmaras earthquake").
  if (kinds[0] === "event") {
    const event = eventNamedIn(body, sentence, value);
    if (event) return { how: "sentence", name: event, kind: "event" };
  }
  const from = Math.max(sentence.start, value.start - 80);
  const near = body.slice(from, value.start);
  const before = bracketed ? NAME_BEFORE_BRACKET.exec(near) : null;
  if (before && !isCommonWord(before[1]!)) return { how: "sentence", name: before[1]! };
  // A capital inside the sentence is a name's, even on a word of the dictionary ("Trump's 49.9%").
  const owner = bracketed || !possessiveAtEnd(near) ? null : NAME_POSSESSIVE_BEFORE.exec(near);
  // "after Friday's 500-point drop", "September's 3.7%": a day or month in the possessive dates the figure, owns nothing.
  if (
    owner &&
    from + owner.index > sentence.start &&
    !/^(?:The|This|That|Its|Their|His|Her)$/.test(owner[1]!) &&
    !DAY_WORDS.test(owner[1]!.split(/\s+/).at(-1)!)
  )
    return { how: "sentence", name: owner[1]! };
  const written = sentenceSubject(body, sentence, namesBefore);
  // "the Redmond, Washington-based company": where it is based is not what the figure is about.
  const name =
    written && !BASED_AFTER.test(afterName(body, sentence, written)) && !OWNED_BODY.test(afterName(body, sentence, written))
      ? written
      : null;
  // "Dana Ortiz, a spokeswoman for the agency, said 40 people died": who tells of people killed,
  // hurt or missing is not what the count is of.
  if (name && family?.people && SPEAKER_AFTER.test(body.slice(body.indexOf(name, sentence.start) + name.length, value.start)))
    return { how: "none" };
  // "Chief executive Sundar Pichai said the firm would invest $75 billion": someone who tells of
  // another's figure is not what it is about (unless they speak of themselves: "said he had raised").
  if (name && opensWithGivenName(name)) {
    const at = body.indexOf(name, sentence.start);
    const speaker: Mention = { entity: { id: "", name, kind: "person", aliases: [] }, at, end: at + name.length, strength: 1, lead: true };
    if (at >= 0 && speaker.end <= value.start && givesFigure(body, sentence, speaker)) return { how: "none" };
  }
  return name ? { how: "sentence", name } : { how: "none" };
}

/**
 * After a name, the office of someone telling what follows: ", a spokeswoman for the agency, told
 * reporters". A company or an agency saying so ("Northrail said 14 passengers were hurt") may be
 * what the count is of.
 */
const SPEAKER_AFTER =
  /^,[^,;:.]{0,60}\b(?:spokes(?:man|woman|person)|official|minister|director|chief|head|governor|mayor|president|commander|secretary|adviser|advisor|coordinator|manager)\b[^,;:.]{0,60},\s+(?:has |had )?(?:said|says|told|tells|reported|announced|confirmed|estimated|warned|added)\b/;

/** What opens a clause of its own right before a name: ", while", "; ", ", and", ", but", ", whereas". */
const CLAUSE_OPENER_BEFORE = /(?:[,;]\s+(?:while|whereas|and|but|as|with)|;|\bwhile|\bwhereas)\s+(?:the\s+)?$/i;
/** From a clause's subject to its figure: a verb and a few words, no break ("gained 2%", "rose to $5 billion"). */
const CLAUSE_VERB_TO = /^['’]?s?\s+(?:shares\s+)?(?:\p{Ll}+\s+){0,3}$/u;

/** After a place, what makes it where someone is based: "-based", ", Washington-based". */
const BASED_AFTER = /^(?:\s+\p{Lu}[\p{L}.'’]*)*(?:,\s*\p{Lu}[\p{L}.'’ -]{0,30})?-based\b/u;

/** Words that give what follows as an example of a larger set, over the names listed before it: "including Tobruk and ". */
const EXAMPLE_BEFORE =
  /\b(?:including|such as|among them|notably|for example)\s+(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*(?:,\s*|\s+and\s+))*(?:the\s+)?$/u;

/** Whether a name is given as an example of what a figure covers: "in other areas, including Benghazi". */
function namedAsExample(body: string, sentence: Sentence, m: Mention): boolean {
  return m.at > sentence.start && EXAMPLE_BEFORE.test(body.slice(Math.max(sentence.start, m.at - 80), m.at));
}

/**
 * An event's name as news writes one: a storm's given name ("Storm Daniel", "Hurricane Helene"),
 * or names before what befell them ("the Kahramanmaras earthquake", "the Camp Fire").
 */
const EVENT_NAME = new RegExp(
  String.raw`\b(?:(?:Storm|Hurricane|Typhoon|Cyclone|Tropical Storm|Super Typhoon|Winter Storm)\s+\p{Lu}[\p{L}'’-]+` +
    String.raw`|(?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:[Ee]arthquakes?|[Qq]uake|[Ff]loods?|[Ww]ildfires?|[Ff]ire|[Tt]sunami|[Ee]ruption|[Ll]andslide|[Bb]ombing|[Ss]hooting|[Aa]ttack|[Cc]rash|[Ee]xplosion|[Bb]last|[Dd]isaster))(?![\p{L}])`,
  "gu",
);
/** The event named in a sentence nearest a figure, without a sentence's first word ("The", "At"). */
function eventNamedIn(body: string, sentence: Sentence, value: { start: number; end: number }): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const { name, at } of eventNames(body, sentence)) {
    const distance = at >= value.end ? at - value.end : value.start - (at + name.length);
    if (distance >= 0 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

/** The events a sentence names, where: found once per sentence rather than once per figure in it. */
const eventNamesOf = new WeakMap<Sentence, { name: string; at: number }[]>();
function eventNames(body: string, sentence: Sentence): { name: string; at: number }[] {
  let found = eventNamesOf.get(sentence);
  if (found) return found;
  found = [];
  for (const m of body.slice(sentence.start, sentence.end).matchAll(EVENT_NAME)) {
    let name = m[0];
    let at = sentence.start + m.index;
    // "The Kahramanmaras earthquake": a capital a sentence's first word owes to its place is no part of a name.
    const lead = /^(?:The|A|An|In|At|On|After|Since|During|When|From)\s+/.exec(name);
    if (lead && at === sentence.start) [name, at] = [name.slice(lead[0].length), at + lead[0].length];
    // "Monday's crash", "Trump's attack": whose or when the event was, not its name; "Storm Daniel's".
    name = name.replace(/['’]s$/, "");
    const owner = /^.*['’]s\s+/.exec(name);
    if (owner) [name, at] = [name.slice(owner[0].length), at + owner[0].length];
    if (/\s/.test(name)) found.push({ name, at });
  }
  eventNamesOf.set(sentence, found);
  return found;
}

/** A name in the possessive right before a figure: "Trump's " of "Trump's 49.9%". */
const NAME_POSSESSIVE_BEFORE = new RegExp(String.raw`(${NAME})['’]s\s+$`, "u");
/**
 * Whether a text ends in "'s" and a space, as `NAME_POSSESSIVE_BEFORE` needs: asked first, as the
 * pattern is tried from every capital of the text (trimEnd removes exactly what \s matches).
 */
const possessiveAtEnd = (text: string) => {
  const trimmed = text.trimEnd();
  return trimmed.length < text.length && (trimmed.endsWith("'s") || trimmed.endsWith("’s"));
};
/** A name, then an opening bracket: the end of "Enzo Fernández (" before a figure. */
const NAME_BEFORE_BRACKET = new RegExp(String.raw`(${NAME})\s*\(\s*$`, "u");

/**
 * Whether a place is the one a figure is given for, written right beside it: after the figure
 * ("over 17,600 in Turkey", "62 people died in Paiporta") or after the measure's noun before it
 * ("the toll in Paiporta as 52", "rainfall at Turís of 618 litres"). A place farther off is only
 * mentioned.
 */
/** The 40 characters after a name the sentence writes: what they say of it ("-based", "'s party"). */
const afterName = (body: string, sentence: Sentence, name: string) => {
  const end = body.indexOf(name, sentence.start) + name.length;
  return body.slice(end, end + 40);
};

/**
 * "Sunak's party fell to 131 seats", "Musk's company lost $2bn": a name in the possessive before a
 * body it leads is not what the figure is about; the body is.
 */
const OWNED_BODY =
  /^['’]s\s+(?:[\p{L}-]+\s+)?(?:party|company|firm|government|administration|team|club|campaign|group|business|foundation|charity|ministry|department|agency|bank|fund|airline|union|coalition|side)\b/iu;
// Only a person leads a body so: "Tesla's China business sold 50,000 cars" is Tesla's own figure.
const ownsTheSubject = (body: string, m: Mention) => m.entity.kind === "person" && OWNED_BODY.test(body.slice(m.end, m.end + 40));

const MEASURE_SHAPES: Shape[] = ["money", "count", "measure", "percentage"];

/** What opens another clause after a figure: ", while", "; ", ", but", "whereas". */
const LATER_CLAUSE = /(?:[,;]\s*(?:while|whereas|but|although|though|and)\b|;|\b(?:while|whereas)\b)/i;

/** "was worth", "is now worth", "a trading day worth": what the subject itself is worth, not a thing it holds. */
const IS_WORTH =
  /\b(?:is|was|are|were|be|been|being|now|company|firm|business|day|session)\s+worth\s+(?:(?:about|around|roughly|some|nearly|almost|over|more than|less than|at least)\s+)?(?:US|A|C|HK)?$/i;

/** Between a figure and the name it is given for: "412 for", "48% of the vote for the". */
const GIVEN_FOR = /^(?:\s+[\p{L}'’-]+){0,4}?\s+for\s+(?:the\s+)?$/u;

function placeOfFigure(body: string, value: { start: number; end: number }, m: Mention): boolean {
  if (m.entity.kind !== "place") return false;
  if (m.at >= value.end) return /^(?:\s+[\p{L}'’-]+){0,2}?\s+(?:in|at)\s+(?:the\s+)?$/u.test(body.slice(value.end, m.at));
  if (m.end <= m.at) return false;
  return (
    /\b(?:in|at|for)\s+(?:the\s+)?$/.test(body.slice(Math.max(0, m.at - 8), m.at)) &&
    /^\s+(?:as|at|of|was|is|stood at|reached|rose to|to)\s+$/.test(body.slice(m.end, value.start))
  );
}

/** A short label and a colon right before a figure, at the start of its line or after a ";". */
const LABEL_BEFORE = /(?:^|[;|]\s*|[.!?]\s+)\s*(?:[-•*]\s*)?(?<label>\p{L}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,5})\s*:\s*$/u;
/** A line that is a label for the lines under it: "Deaths so far:". */
const LABEL_LINE = /^\s*(?:[-•*]\s*)?(?<label>\p{L}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,5})\s*:\s*$/u;

/**
 * The label a figure stands under in a fact box or a list: on its own line ("Death toll: 4,300",
 * "Dead: 4,300; injured: 20,000"), or on the line heading the block the figure opens a line of
 * ("Deaths so far:" above "1,200 in Turkey" and "800 in Syria"). Null when there is none.
 */
function labelOf(body: string, lineStart: number, value: { start: number }): { text: string; start: number; end: number } | null {
  // A label is a few words: the last 200 characters of a long line hold it (reading the whole line
  // for each of its figures would cost the square). Cut short, the head's start is no line's.
  const from = Math.max(lineStart, value.start - 200);
  const head = body.slice(from, value.start);
  // A label ends in its colon: without one, the pattern (tried from every place of the head) is not.
  const own = head.trimEnd().endsWith(":") ? LABEL_BEFORE.exec(head) : null;
  if (own?.groups?.label && (from === lineStart || /^[;|.!?]/.test(own[0]))) {
    const start = from + own.index + own[0].indexOf(own.groups.label);
    return { text: own.groups.label, start, end: start + own.groups.label.length };
  }
  if (!/^\s*(?:[-•*]\s*)?$/.test(head)) return null;
  // Up over the block's other items (short lines with a figure) to its label line; a blank line ends the block.
  let end = lineStart - 1;
  for (let n = 0; n < 12 && end > 0; n++) {
    const start = lineStartOf(body, end);
    const line = body.slice(start, end);
    const heading = LABEL_LINE.exec(line);
    if (heading?.groups?.label) {
      const at = start + line.indexOf(heading.groups.label);
      return { text: heading.groups.label, start: at, end: at + heading.groups.label.length };
    }
    if (!line.trim() || line.length > 80 || !/\d/.test(line)) return null;
    end = start - 1;
  }
  return null;
}

/** Nouns that name an event a figure may be of. */
const EVENT_NOUN = String.raw`(?:earthquakes?|quakes?|tremors?|tsunamis?|floods?|flooding|storms?|hurricanes?|typhoons?|cyclones?|tornado(?:e?s)?|fires?|wildfires?|blazes?|eruptions?|disasters?|catastrophes?|traged(?:y|ies)|attacks?|bombings?|explosions?|blasts?|crash(?:es)?|collapses?|landslides?|avalanches?|droughts?|famines?|heatwaves?|epidemics?|pandemics?|outbreaks?|wars?|massacres?|shootings?|riots?|derailments?|sinkings?|shipwrecks?)`;
/** "the 1999 İzmit quake", "a 2011 quake": a year naming an event, with up to three names between. */
const DATED_EVENT = new RegExp(
  String.raw`\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|\p{Lu}\p{L}*['’]s)\s+(?<year>1[5-9]\d\d|20\d\d)\s+(?:[\p{Lu}][\p{L}'’.-]*\s+){0,3}` +
    EVENT_NOUN +
    String.raw`\b`,
  "gu",
);
/** The year of `DATED_EVENT` and `YEAR_THEN_EVENT`, looked for first: most text has none. */
const EVENT_YEAR = /1[5-9]\d\d|20\d\d/;

const GENERIC_EVENT = new RegExp(String.raw`^(?:the\s+)?${EVENT_NOUN}$`, "i");
/** "In 2011, a quake in Van killed", "since 1939, when an earthquake struck": a past year, then an event. */
const YEAR_THEN_EVENT = new RegExp(
  String.raw`\b(?:in|during|since|of)\s+(?<year>1[5-9]\d\d|20\d\d)\s*,?\s+(?:when\s+)?[^,;:]{0,60}?\b` +
    EVENT_NOUN +
    String.raw`\b[^,;:]*$`,
  "iu",
);

/**
 * A past event, dated by a year before the article's, that the figure's clause is about: "The 1999
 * İzmit earthquake killed more than 17,000", "In 2011, a quake in Van killed 500", "the deadliest
 * since 1939, when an earthquake killed 33,000". Only before the figure and in its clause: "the
 * highest since the 1999 disaster" after a toll, or "the worst since 1999, killed" before one, date nothing.
 */
function otherDatedEvent(
  body: string,
  sentenceStart: number,
  value: { start: number; end: number },
  publishedYear: number,
): { start: number; end: number; year: number } | null {
  const head = body.slice(sentenceStart, value.start);
  // The figure's clause: after the last ";" or dash before it.
  const clauseAt = Math.max(head.lastIndexOf(";"), head.lastIndexOf(" – "), head.lastIndexOf(" — "));
  const clause = head.slice(clauseAt + 1);
  // Both ways of dating an event write its year: without one, neither long pattern is tried.
  if (!EVENT_YEAR.test(clause)) return null;
  const offset = sentenceStart + clauseAt + 1;
  let found: { start: number; end: number; year: number } | null = null;
  for (const m of clause.matchAll(DATED_EVENT)) {
    const year = Number(m.groups!.year);
    // After "since" or "after" the event only dates the clause ("since the 1999 quake, Turkey has
    // built …"), unless a relative clause about it holds the figure ("…the 1939 quake, which killed").
    const relative = /^,?\s+(?:which|that)\b[^,;]*$/.test(clause.slice(m.index + m[0].length));
    const after = /\b(?:since|after|before|until|following|from)\s+$/i.test(clause.slice(0, m.index));
    if (year < publishedYear && (!after || relative)) found = { start: offset + m.index, end: offset + m.index + m[0].length, year };
  }
  if (found) return found;
  const then = YEAR_THEN_EVENT.exec(clause);
  const year = Number(then?.groups?.year);
  return then && year < publishedYear ? { start: offset + then.index, end: value.start, year } : null;
}

/** The year a figure is given for, written right after it: "67.3% in 2019", "59.4% at the 2001 election". */
const YEAR_AFTER = /^\s*(?:[^,;.()\d]{0,50}?\s)?(?:in|of|at the|during)\s+(?:the\s+)?(1[89]\d\d|20\d\d)\b/i;
/** The year a figure is given for, written before it: "since 2001, when it was 59.4%". */
const YEAR_WHEN_BEFORE = /\b(1[89]\d\d|20\d\d),?\s+when\s+[^,;.\d]{0,40}$/i;
const YEAR_IN_NAME = /\b(1[89]\d\d|20\d\d)\b/;

/**
 * "Turnout was 59.8%, against 67.3% in 2019": a figure of another year is not that of an event named
 * by its own year ("UK general election of 2024"), but of the event of that name and year the
 * investigation records ("UK general election of 2019"), or of no one it records.
 */
function ofItsYear(
  guess: SubjectGuess & { entityId: string },
  entity: SuggestEntity | undefined,
  before: string,
  after: string,
  events: SuggestEntity[],
): SubjectGuess {
  const own = entity?.kind === "event" ? YEAR_IN_NAME.exec(entity.name)?.[1] : undefined;
  const year = own ? (YEAR_AFTER.exec(after)?.[1] ?? YEAR_WHEN_BEFORE.exec(before)?.[1]) : undefined;
  if (!entity || !own || !year || year === own) return guess;
  const words = new Set(cueWords(entity.name.replace(YEAR_IN_NAME, "")).map(stem));
  const namesake = events.find(
    (e) => YEAR_IN_NAME.exec(e.name)?.[1] === year && cueWords(e.name.replace(YEAR_IN_NAME, "")).some((w) => words.has(stem(w))),
  );
  return namesake ? { how: "mention", entityId: namesake.id, name: namesake.name } : { how: "none" };
}

/** Whether a value lies inside a year-named event ("the 1999 İzmit quake"). */
function inDatedEventName(body: string, sentence: Sentence, value: { start: number; end: number }): boolean {
  return datedEventNames(body, sentence).some(({ start, end }) => value.start >= start && value.start < end);
}

/** The year-named events of a sentence, found once per sentence rather than once per figure in it. */
const datedEventNamesOf = new WeakMap<Sentence, { start: number; end: number }[]>();
function datedEventNames(body: string, sentence: Sentence): { start: number; end: number }[] {
  let found = datedEventNamesOf.get(sentence);
  if (found) return found;
  const text = body.slice(sentence.start, sentence.end);
  found = [];
  if (EVENT_YEAR.test(text))
    for (const m of text.matchAll(DATED_EVENT))
      found.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  datedEventNamesOf.set(sentence, found);
  return found;
}

/** The recorded event a dated phrase names: one whose name holds the year, or one named inside the phrase. */
function datedEventEntity(
  body: string,
  dated: { start: number; end: number; year: number },
  mentions: Mention[],
  events: SuggestEntity[],
): SuggestEntity | null {
  // The longest name written inside the phrase ("İzmit earthquake"); a bare "earthquake" (another
  // event's alias) names no event in particular.
  const named = mentions
    .filter((m) => m.entity.kind === "event" && m.at >= dated.start && m.at < dated.end)
    .filter((m) => !GENERIC_EVENT.test(body.slice(m.at, m.end)))
    .sort((a, b) => b.end - b.at - (a.end - a.at))[0]?.entity;
  const byYear = events.filter((e) => [e.name, ...e.aliases].some((n) => wholeNameAt(n, String(dated.year)) >= 0));
  // A name the phrase writes wins; a year alone picks an event only when it is the only one of that year.
  return named && (byYear.length === 0 || byYear.includes(named)) ? named : byYear.length === 1 ? byYear[0]! : (named ?? null);
}

// ---------------------------------------------------------------------------------------------
// What an analyst never records

/** Page furniture: licence, credits, bylines, datelines of the page rather than of the story. */
const FURNITURE =
  /^(?:Licen[cs]e|Copyright|©|Photo|Image|Picture|Credit|Source|URL|Link|Published|Updated|Posted|Read more|Related|Follow|Share|Tel|Phone|Contact)\b/i;
/**
 * "By Jane Writer", "By Ana Ruiz, Reuters", "By June Lee, CNN": not "By Friday, 40 people had
 * died", "By Late Friday, …" or "By March, …" (words of time only, before the comma).
 */
const BYLINE_TIME =
  "(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|Noon|Midnight|Then|Now|Late|Early|Mid)";
const BYLINE = new RegExp(
  `^By\\s+(?!${BYLINE_TIME}(?:[\\s-]+${BYLINE_TIME})*\\s*(?:$|[|·•,–—-]))\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}\\s*(?:$|[|·•,–—-])`,
  "u",
);
/** URLs, and telephone numbers: "+34 912 345 678", "(555) 123-4567", "555-123-4567". */
const NOT_FIGURES = /\b(?:https?:\/\/|www\.)\S+|\+\d[\d\s().-]{6,}\d|\(\d{2,4}\)\s?\d{3,4}[\s.-]?\d{3,4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b/gu;

/** `furnitureSpans` of the line starting at each place asked for, read once per line as a walk in reading order asks. */
function furnitureByLine(body: string): (lineStart: number) => { start: number; end: number }[] {
  let line = -1;
  let spans: { start: number; end: number }[] = [];
  return (lineStart) => {
    if (lineStart !== line) {
      const newline = body.indexOf("\n", lineStart);
      spans = furnitureSpans(body, lineStart, newline < 0 ? body.length : newline);
      line = lineStart;
    }
    return spans;
  };
}

/** Spans of a line that hold no figure an analyst records. */
function furnitureSpans(body: string, lineStart: number, lineEnd: number): { start: number; end: number }[] {
  const line = body.slice(lineStart, lineEnd);
  if (FURNITURE.test(line.trimStart()) || (line.length < 100 && BYLINE.test(line.trimStart()))) return [{ start: lineStart, end: lineEnd }];
  return [...line.matchAll(NOT_FIGURES)].map((m) => ({ start: lineStart + m.index, end: lineStart + m.index + m[0].length }));
}

/**
 * A figure that is a name's part or the page's: a version or model number ("Claude Sonnet 4.6",
 * "GPT-4", "Boeing 737"), a reading time ("4 min read"), an age in brackets after a name
 * ("Musk (50)"), a list's number ("1." opening a line), "one" alone.
 */
/** A quantity by its order of size alone, no figure: "dozens of people", "tens of thousands", "billions of dollars". */
const INDEFINITE =
  /^(?:(?:some|several|many|more than|over|nearly|almost|about|around|at least)\s+)?(?:(?:tens|dozens|scores|hundreds|thousands|millions|billions|trillions)(?:\s+of)?\s*)+(?:\p{L}+)?$/iu;

/** A fraction's denominator, hyphenated to its numerator: "two-thirds", "three-quarters". */
const FRACTION_AFTER = /^-(?:halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b/i;

const RATIO_NUMBER = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)`;
/** A figure opening a ratio ("ten-for-one", "3-for-2", with a verb read into it: "lost 4-for-5") or closing one. */
const RATIO_AFTER = new RegExp(String.raw`^(?:\p{L}+\s+)?\S*?\b${RATIO_NUMBER}-for-${RATIO_NUMBER}\b`, "iu");
const RATIO_BEFORE = new RegExp(String.raw`\b${RATIO_NUMBER}-for-$`, "i");

function notAClaim(body: string, tokens: Token[], i: number, value: Read): boolean {
  const text = body.slice(value.start, value.end);
  if (/^one$/i.test(text)) return true;
  // "a ten-for-one stock split", "a 3-for-2 split": either side of a ratio counts nothing.
  if (
    value.kind === "number" &&
    (RATIO_AFTER.test(body.slice(value.start, value.end + 12)) || RATIO_BEFORE.test(body.slice(Math.max(0, value.start - 12), value.start)))
  )
    return true;
  // "the S&P 500", "FTSE 100", "Boeing 737", "Flight 370": a number written against a name is part of it.
  if (value.kind === "number" && tokens[i]!.start === value.start && /^\d{1,4}$/.test(tokens[i]!.text) && i > 0) {
    const name = tokens[i - 1]!;
    const glued = name.end + 1 === value.start && body[name.end] === " ";
    if (
      glued &&
      (name.text.includes("&") || NUMBERED_NAME.test(name.text) || (/^\p{Lu}{3,5}$/u.test(name.text) && !/^(?:UAE|USA)$/.test(name.text)))
    )
      return true;
  }
  // "the highest since 1992", "the first time since 2008": a year a record is measured against.
  if (value.kind === "date" && /^(?:1[89]|20)\d\d$/.test(text) && SINCE_RECORD.test(body.slice(Math.max(0, value.start - 60), value.start)))
    return true;
  // "the one due in 2021", "this one cost more", "the only one running": "one" after a determiner
  // stands for a thing named before, no count of one; "the one survivor" still counts.
  if (/^one$/i.test(tokens[i]!.text) && tokens[i]!.start === value.start) {
    const word = (k: number) => tokens[k]?.text.toLowerCase() ?? "";
    const w = word(i - 1) === "only" ? word(i - 2) : word(i - 1);
    const pronoun = /^(?:the|this|that|which|each|every|any|another|last|next|same|first)$/.test(w);
    if (pronoun && !(word(i - 1) === "the" && tokens[i + 1]?.pos === "NOUN")) return true;
  }
  // "The 3M company", "shares of 3M fell": a figure with a capital M or B, no currency and no
  // hedge is a name, unless a plural noun says what it counts ("3M users", "some 2M").
  const digit = text.search(/\d/);
  const counted = /^\d{1,3}[MB]\s+(\p{L}+)/u.exec(body.slice(value.start + digit, value.start + digit + 40));
  if (
    value.kind === "number" &&
    digit === 0 &&
    /^\d{1,3}[MB]\b/.test(text) &&
    !(counted && (/s$/.test(counted[1]!) || PEOPLE.test(counted[1]!.toLowerCase())))
  )
    return true;
  // "more than two-thirds of it", "three-quarters of the staff": the figure is a fraction's
  // numerator, no count; read alone ("more than two") it says nothing.
  if (value.kind === "number" && FRACTION_AFTER.test(body.slice(value.end, value.end + 12))) return true;
  // "a nod to "420"": a figure alone in quotation marks is the number named, no claim made with it.
  if (/^["“'‘]$/.test(body[value.start - 1] ?? "") && /^["”'’]/.test(body.slice(value.end, value.end + 1)) && /^\d[\d,.]*$/.test(text))
    return true;
  // "the 86th minute", "his 21st win", "the 3rd battalion": a rank in a series, whose suffix is no unit.
  if (value.kind === "number" && /^\d[\d,]*(?:st|nd|rd|th)\b/i.test(text)) return true;
  let lastDigit = text.length - 1;
  while (lastDigit >= 0 && !isDigit(text[lastDigit])) lastDigit--;
  const figureEnd = value.start + lastDigit + 1;
  if (/^\s*min(?:ute)?s?\.?\s+read\b/i.test(body.slice(figureEnd, figureEnd + 16))) return true;
  // A year before a noun names a thing ("the 2024 U.S. presidential election", "its 2021 revenue"), it is no date.
  const next = tokens[i + 1];
  if (
    /^(?:1[89]|20)\d\d$/.test(tokens[i]!.text) &&
    next &&
    next.start <= tokens[i]!.end + 1 &&
    ["NOUN", "PROPN", "ADJ"].includes(next.pos) &&
    !DAY_WORDS.test(next.text) &&
    // "1911 GMT" is a time of day.
    !/^(?:GMT|UTC|Z|[A-Z]{1,3}[SD]?T|hours?|hrs?|h)$/.test(next.text)
  )
    return true;
  const previous = tokens[i - 1];
  // The figure itself, whatever noun the value grew to ("737 flight").
  // A sum, a share or a figure in millions never numbers a name: "fined Google 2.42 billion euros".
  const quantity =
    value.kind === "money" ||
    value.kind === "percentage" ||
    /^\s*(?:thousand|million|billion|trillion|bn|mn)\b/i.test(body.slice(tokens[i]!.end, tokens[i]!.end + 12));
  const bare = /^\d+(?:\.\d+)*$/.test(tokens[i]!.text) && tokens[i]!.start === value.start && !quantity;
  if (bare && previous && previous.end === value.start - 1 && /^\p{Lu}[\p{L}\p{N}]*$/u.test(previous.text)) {
    // At a sentence's start only an ordinary word made a name by its number: "Flight 370 vanished".
    const named = i > 1 || isCommonWord(previous.text);
    // Unless a plural noun after it says what it counts: "gave Labour 412 seats", "Acme 300 jobs".
    const counts =
      tokens[i + 1]?.pos === "NOUN" && /^\p{Ll}{2,}s$/u.test(tokens[i + 1]!.text) && tokens[i + 1]!.start === tokens[i]!.end + 1;
    if (!counts && (previous.pos === "PROPN" || previous.pos === "NOUN" || previous.pos === "X") && !DAY_WORDS.test(previous.text) && named)
      return true;
  }
  // "seat 14C", "in flat 2C", "room 12F": a number and a letter after a noun name a place in a
  // series, however like a temperature they look; "a record 40C" is one, and so is "the square
  // read 38C", where the tagger takes the verb after a noun for a noun.
  if (
    /^\d{1,4}[A-Z]$/.test(text) &&
    previous &&
    previous.end === value.start - 1 &&
    (previous.pos === "NOUN" || previous.pos === "ADJ") &&
    !["DET", "NOUN", "ADJ", "PROPN"].includes(tokens[i - 2]?.pos ?? "")
  )
    return true;
  // "a 777F freighter", "the 767F jets": a figure with a capital F or C against it, naming the
  // noun after it, is a model's designation when no weather reaches it (past 60 °C or 140 °F);
  // "45C heat" and "110F temperatures" stay temperatures.
  const model = /^(\d{1,4})([CF])$/.exec(text);
  const after = tokens.find((t) => t.start >= value.end);
  if (
    model &&
    after?.start === value.end + 1 &&
    after.pos === "NOUN" &&
    /^\p{Ll}/u.test(after.text) &&
    Number(model[1]) > (model[2] === "C" ? 60 : 140)
  )
    return true;
  // "GPT-4", "COVID-19": a number joined to a name by a hyphen.
  if (bare && body[value.start - 1] === "-" && /\p{Lu}/u.test(body.slice(Math.max(0, value.start - 6), value.start - 1))) return true;
  if (bare && text === tokens[i]!.text && body[value.start - 1] === "(" && body[value.end] === ")" && tokens[i - 2]?.pos === "PROPN")
    return true;
  const lineStart = lineStartOf(body, value.start);
  if (
    value.start - lineStart <= 40 &&
    /^\s*[-•*]?\s*$/.test(body.slice(lineStart, value.start)) &&
    /^\d{1,2}$/.test(text) &&
    /^[.)]\s/.test(body.slice(value.end, value.end + 2))
  )
    return true;
  return false;
}

const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
const LIST_AFTER = new RegExp(String.raw`^(?:,\s*|\s+(?:and|or|&)\s+)${WEEKDAY}\b`, "i");
const ENDS_IN_WEEKDAY = new RegExp(String.raw`\b${WEEKDAY}$`, "i");
const LIST_BEFORE = new RegExp(String.raw`\b${WEEKDAY}(?:,\s*|\s+(?:and|or|&)\s+)$`, "i");

/** "on Tuesday, Wednesday and Thursday": a day written in a list of days. */
const inListOfDays = (body: string, day: { start: number; end: number }) =>
  ENDS_IN_WEEKDAY.test(body.slice(day.start, day.end)) &&
  (LIST_AFTER.test(body.slice(day.end, day.end + 16)) || LIST_BEFORE.test(body.slice(Math.max(0, day.start - 16), day.start)));

/** "Wednesday, 29 October": two days written as one, read apart. */
const joinedDays = (body: string, a: { start: number; end: number }, b: { start: number; end: number }) => {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return first.end <= second.start && /^,?\s*$/.test(body.slice(first.end, second.start));
};

/** Verbs that report what someone said: a day right after them (and their audience) dates the report. */
const REPORTING_VERB =
  /^(?:said|says|say|told|tells|announced|announces|reported|tweeted|wrote|posted|stated|disclosed|declared|added|warned)$/i;
/** Documents that say it: a day after them (and a name they are addressed to) dates the document. */
const REPORTING_NOUN =
  /^(?:filings?|statements?|commentary|report|release|interview|briefing|conference|tweet|post|letter|memo|bulletin|data|figures|statistics|estimates)$/i;
/** How a document is dated after its noun: "filings made on", "a statement released late on". */
const DATED_BY = /^(?:made|published|filed|released|issued|dated|sent|posted|late|early|on|of|,)$/i;
/** A page's own label of time: "Update, 5 November:", "Correction, 1 November:". */
const PAGE_LABEL = /^\s*(?:update[sd]?|correction|editor['’]s note|clarification)\s*[,:]?\s*$/i;

/**
 * A day that dates a report rather than the story: "the company said on Monday", "Musk tweeted
 * late on Thursday", "a filing with the Securities and Exchange Commission on Thursday",
 * "Wednesday's filing", "Update, 5 November:". The report's day is the as-of of the figures it
 * gives, which the form fills in; as a claim of its own no analyst records it.
 */
function datesAReport(body: string, tokens: Token[], i: number, value: Read): boolean {
  if (value.kind !== "date") return false;
  const lineStart = lineStartOf(body, value.start);
  if (value.start - lineStart <= 80 && PAGE_LABEL.test(body.slice(lineStart, value.start))) return true;
  // "NAIROBI, March 4 —": the day the report was filed.
  const dateline = value.start - lineStart <= 80 ? DATELINE.exec(body.slice(lineStart, lineStart + 120)) : null;
  if (dateline && value.end <= lineStart + dateline[0].length) return true;
  if (/^['’]s\s+(?:filing|statement|report|commentary|announcement|release|tweet|letter)s?\b/i.test(body.slice(value.end, value.end + 20)))
    return true;
  let k = i - 1;
  // "filings made on Thursday and on Friday": back over another day of the same report too.
  const dating = (t: Token) => DATED_BY.test(t.text) || /^and$/i.test(t.text) || (DAY_WORDS.test(t.text) && !isMay(t));
  while (k >= 0 && dating(tokens[k]!) && tokens[k]!.end > tokens[i]!.start - 40) {
    if (REPORTING_VERB.test(tokens[k]!.text) || REPORTING_NOUN.test(tokens[k]!.text)) return true;
    k--;
  }
  if (k === i - 1) return false; // the day must follow "on", "of" or a dating word: "said Thursday" is rare, "filings Thursday" rarer
  // Back over a name or a noun phrase ("with the Securities and Exchange Commission"), never over a
  // verb or a figure. After a verb, only over its audience ("told national broadcaster RTVE on
  // Monday"): "said the visit to Paiporta on Sunday" dates the visit.
  for (let n = 0; n < 7 && k >= 0; n++, k--) {
    const t = tokens[k]!;
    if (REPORTING_NOUN.test(t.text)) return true;
    if (REPORTING_VERB.test(t.text)) return n <= 3;
    if (["VERB", "AUX", "NUM", "PUNCT", "PRON", "SCONJ"].includes(t.pos) || /\d/.test(t.text)) return false;
  }
  return false;
}

const isDuration = (value: Read, text: string) =>
  value.kind === "number" &&
  (value.unit === "time" || /\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies))$/i.test(text));

/** The entity of a kind most claims are about, if any. */
function mostRecorded(learned: Learned[], byId: Map<string, SuggestEntity>, kind: EntityKind): SuggestEntity | undefined {
  const counts = new Map<string, number>();
  for (const l of learned) if (byId.get(l.subjectId)?.kind === kind) counts.set(l.subjectId, (counts.get(l.subjectId) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return top && byId.get(top[0]);
}

/**
 * Names that hold a figure ("Valencia flood of 1957", "Vision 2030"), wherever a text writes
 * them, in any case: where each is in the text, looked for only when the text holds its first word.
 */
function namedFigures(entities: SuggestEntity[]): (text: string) => { start: number; end: number }[] {
  const names = [...new Set(entities.flatMap((e) => [e.name, ...e.aliases]).filter((n) => /\d/.test(n)))];
  const byWord = new Map<string, string[]>();
  const always: string[] = [];
  for (const n of names) {
    const lower = n.toLowerCase();
    const first = /^[\p{L}\p{N}]+/u.exec(lower);
    if (first) byWord.set(first[0], [...(byWord.get(first[0]) ?? []), lower]);
    else always.push(lower);
  }
  return (text) => {
    if (!names.length) return [];
    // Lower case letter by letter, keeping a letter whose lower case is longer ("İ"): offsets hold.
    const lower = text.toLowerCase();
    const search =
      lower.length === text.length
        ? lower
        : [...text].map((ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join("");
    const spans: { start: number; end: number }[] = [];
    const tried = new Set(always);
    for (const [w] of search.matchAll(WORD_RUN)) for (const n of byWord.get(w) ?? []) tried.add(n);
    for (const n of tried)
      for (let i = search.indexOf(n); i >= 0; i = search.indexOf(n, i + 1)) spans.push({ start: i, end: i + n.length });
    return spans;
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * The place each event is named after, when its names hold exactly one of the places recorded:
 * "Derna" for "Derna flood of 2023", none for "Turkey–Syria earthquakes of 2023" (two places) or
 * "Storm Boris" (none).
 */
function eventGrounds(entities: SuggestEntity[]): (event: SuggestEntity) => string | undefined {
  const places = entities.filter((e) => e.kind === "place");
  const grounds = new Map<string, string | undefined>();
  return (event) => {
    if (!grounds.has(event.id)) {
      const names = [event.name, ...event.aliases];
      const named = places.filter((p) => [p.name, ...p.aliases].some((n) => names.some((e) => wholeNameAt(e, n) >= 0)));
      grounds.set(event.id, named.length === 1 ? named[0]!.id : undefined);
    }
    return grounds.get(event.id);
  };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Proposals for one article, in reading order. */
export function suggestClaims(input: SuggestInput): Proposal[] {
  const { article, entities } = input;
  const body = article.body;
  const context: ReadContext = { referenceDate: article.publishedAt, timeZone: input.timeZone, memo: new Map() };
  const recorded = input.claims.filter((c) => c.articleId === article.id);
  const lessons = lessonsOf(learnOnce(input.claims).filter((l) => l.articleId !== article.id));
  const rejections = new Map<string, number>();
  const rejectedSpans: { start: number; end: number }[] = [];
  for (const r of input.rejected ?? []) {
    if (r.span?.articleId === article.id) rejectedSpans.push(r.span);
    const key = cueWords(r.cue).join(" ");
    if (key) rejections.set(key, (rejections.get(key) ?? 0) + 1);
  }
  /** Whether the analyst has decided on the text there: a claim recorded, or a proposal rejected. */
  const decided = overlapIndex([...recorded, ...rejectedSpans]);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const found = matchers(entities);
  const events = entities.filter((e) => e.kind === "event");
  // The event the investigation records most, or its only one, or the only one named with the year the
  // article was published ("UK general election of 2024" beside those of 2019 and 2001).
  // Only where every event is told from the others by its year: beside "Storm Boris", "2024 Paris
  // Olympics" is no story's main event for being of the year.
  const ofYear =
    article.publishedAt && events.every((e) => /\b(?:19|20)\d\d\b/.test(e.name))
      ? events.filter((e) => e.name.includes(String(article.publishedAt!.getUTCFullYear())))
      : [];
  const mainEvent =
    mostRecorded(learnOnce(input.claims), byId, "event") ?? (events.length === 1 ? events[0] : ofYear.length === 1 ? ofYear[0] : undefined);
  const figureNames = namedFigures(entities);
  const groundOf = eventGrounds(entities);
  const proposals: Proposal[] = [];
  const furnitureOf = furnitureByLine(body);
  /** Where a day was guessed the date of the event its sentence names, for want of any cue. */
  const eventDated = new Set<number>();
  /** The period each measure of the article's results was given, null where it was given two. */
  const articlePeriods = new Map<AttributeFamily, string | null>();
  for (const sentence of sentencesOf(body)) {
    const lineStart = lineStartOf(body, sentence.start);
    const furniture = furnitureOf(lineStart);
    const named = figureNames(body.slice(sentence.start, sentence.end)).map((n) => ({
      start: sentence.start + n.start,
      end: sentence.start + n.end,
    }));
    const { tokens } = sentence;
    let mentions: Mention[] | null = null;
    let covered = -1;
    let carried: Mention[] | null = null;
    let sourcesCarried: Mention[] | null = null;
    let sentenceStems: Set<string> | null = null;
    let sentenceQuarters: Set<string> | null = null;
    const firstOfSentence = proposals.length;
    /** The days the sentence's figures are given as of in their own clause: "fell 12% on Tuesday". */
    const asOfDays: { start: number; end: number }[] = [];
    /** The things the sentence's last count counted: "891" in "of its 6,142 buildings: 891 were destroyed". */
    let sentenceThing: string | null = null;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.start < covered || !(isAnchor(tokens[i]!) || mayWithDay(tokens, i))) continue;
      const found0 = valueAt(body, tokens, i, covered, context);
      if (!found0) continue;
      const value = inThePast(body, tokens, i, found0, context);
      covered = value.end;
      // A score or a vote split is passed over whole: neither figure is a count, nor the day after it the 3rd.
      if (value.score) continue;
      // A quarter or half of a year is when figures held ("user numbers from the first quarter of
      // 2019 to the fourth quarter of 2021"), not a claim of its own.
      if (value.kind === "date" && PERIOD_WHOLE.test(body.slice(value.start, value.end))) continue;
      if (decided(value)) continue;
      if (furniture.some((f) => overlaps(f, value)) || named.some((n) => overlaps(n, value)) || notAClaim(body, tokens, i, value)) continue;
      if (datesAReport(body, tokens, i, value)) continue;
      // The year of "the 1999 İzmit quake" names the event, as "1957" does in "the flood of 1957".
      if (inDatedEventName(body, sentence, value)) continue;
      const text = body.slice(value.start, value.end);
      const cue = cueBefore(body, sentence.start, value.start);
      if ((rejections.get(cue.join(" ")) ?? 0) >= 2) continue;
      mentions ??= mentionsIn(body, sentence, found);
      const shape = shapeOf(value);

      // "The death toll from the floods that struck eastern Spain … climbed to 158": the cue may be far
      // back, so the nearest cue word wins, before the value or just after it; failing one in the
      // sentence, the sentence before may name what it counts ("The number killed rose … it stood at 95").
      // The value's own words before its figure count as before it: "Revenue [slipped 4%]".
      const lead = text.slice(0, Math.max(0, text.search(/[\d$€£¥]/)));
      const before = foldText(body.slice(Math.max(sentence.start, value.start - 150), value.start) + lead);
      // After the figure: the value's own trailing words too ("$1 billion termination" + "fee").
      // A figure in words ("six") has no digit: what follows it starts after the whole word.
      let lastDigit = text.length - 1;
      while (lastDigit >= 0 && !isDigit(text[lastDigit])) lastDigit--;
      if (lastDigit < 0) lastDigit = text.length - 1;
      // "Some 40,000 people, including 12,000 children, have fled": what befell them comes after the
      // clause set inside the sentence.
      const inserted = INSERTED_CLAUSE.exec(body.slice(value.end, sentence.end));
      const tailFrom = inserted ? value.end + inserted[0].length : value.start + lastDigit + 1;
      const tail = body
        .slice(tailFrom, Math.min(sentence.end, tailFrom + (inserted ? 30 : value.end + 30 - tailFrom)))
        .replace(/^(?:[\d.]|,\d)*\s*(?:thousand|million|billion|trillion|bn|mn|(?:(?:US|U\.S\.)\s+)?cents?|pence)?\b/i, "")
        // "300 people, and possibly more, were killed": an aside closed by a comma joins no clause.
        .replace(/,\s*(?:and|but|or)\s+[^,;\d]{1,30},/, "")
        // "a consensus of $0.74, and revenue topped …": a clause joined after the figure is another's.
        .replace(JOINED_CLAUSE_ON, "");
      // What a sum is in ("$209 billion in assets") says what it is more nearly than a verb before it ("invest").
      const heldIn = sumNoun(body, tokens, value);
      let noun = countedNoun(tokens, value) ?? heldIn;
      // "magnitude 7.8", "M7.8": the value's own words say what it measures, whatever is near it.
      const ageOf = ageInApposition(body, value, mentions);
      let builtIn = value.magnitude
        ? MAGNITUDE_CUE
        : ageOf
          ? AGE_CUE
          : (nearestCue(movedBefore(before, text, lastDigit, body.slice(value.end, value.end + 12)), foldText(tail), shape, {
              noun,
              point: value.point,
              dimension: value.measured ? value.unit : null,
            }) ??
            // A measure of area is an area, whatever no cue word says: "covers 13 square miles (34 sq km)".
            (value.measured && value.unit === "area" ? AREA_CUE : null));
      // "Exports rose 12%", "Cases fell 20%": what moved is a thing counted, named by a plural
      // word of the language, no company's shares ("Nvidia rose 5%", "Siemens fell 2%", "Its shares rose").
      if (builtIn?.family === SHARE_MOVE) {
        // The figure's own words before its digits count too: "fell 12%", "about 14%".
        const lead = /^[^\d]*/.exec(text)![0].replace(/[$€£¥]/g, "");
        const mover = MOVED_THING.exec(body.slice(sentence.start, value.start) + lead)?.[1];
        if (mover && pluralOfWord(mover) && !SHARES_OF.test(mover)) builtIn = null;
        // "Unemployment fell 0.2 points to 4.1%": the figure after "to" is the level of what moved, no
        // move itself; what moved says its measure, if any word of the sentence does.
        else if (/\bto\s+$/i.test(body.slice(Math.max(sentence.start, value.start - 6), value.start) + lead))
          builtIn = nearestCue(before, foldText(tail), shape, { noun, point: value.point, dimension: null }, SHARE_MOVE);
      }
      // In a fact box or a list the label says what the figure is: "Homes destroyed: 5,600", or
      // "Deaths so far:" on the line above "1,200 in Turkey". A label that names an entity
      // ("Turkey: 1,200") is the subject's, not the measure's.
      const label = labelOf(body, lineStart, value);
      const labelNamesEntity = label !== null && mentions.some((m) => m.at < label.end && m.end > label.start);
      if (label && !labelNamesEntity) {
        builtIn ??= nearestCue(foldText(label.text), "", shape, {
          noun,
          point: value.point,
          dimension: value.measured ? value.unit : null,
        });
        if (!builtIn && !noun) noun = label.text.charAt(0).toUpperCase() + label.text.slice(1).toLowerCase();
      }
      // "The number of people killed … has passed 2,000": the sentence names the measure it gives,
      // however far back; as sure as a cue right beside the figure.
      const numberOf = NUMBER_OF.exec(before);
      if (numberOf) {
        const named = nearestCue(numberOf[1]!, "", shape, { noun, point: value.point, dimension: value.measured ? value.unit : null });
        if (named?.family.people) builtIn = { ...named, distance: 0 };
      }
      // "1,263 cases of mpox in 12 countries", "30,000 workers at 15 plants": a cue that is another
      // figure's noun is that figure's; this one, with a noun of its own, counts what its noun says.
      if (builtIn && builtIn.distance > 0 && noun && !heldIn && familyOf(noun, true) !== builtIn.family) {
        const cueAt = before.length - builtIn.distance - builtIn.cue.length;
        if (cueAt >= 0 && ANOTHER_FIGURES_NOUN.test(before.slice(Math.max(0, cueAt - 40), cueAt))) builtIn = null;
      }
      let fromPrevious = false;
      if (!builtIn && (shape === "count" || shape === "measure")) {
        const previous = body.slice(Math.max(lineStart, sentence.start - 200), sentence.start);
        builtIn = nearestCue(foldText(previous.replace(/^[^.!?]*[.!?]\s+(?=[^.!?]+[.!?]\s*$)/s, "")), "", shape, {
          noun,
          point: value.point,
          dimension: value.measured ? value.unit : null,
        });
        fromPrevious = builtIn !== null;
      }
      // "240mm in 24 hours", "more than 400 mm fell on Al-Bayda": millimetres or litres per square
      // metre that fell, or fell over a span of time, are rain, though no word says so.
      // A level that fell ("water levels fell by 300mm") or snow is no rain.
      const said = body.slice(sentence.start, sentence.end);
      // So is a depth something fell by or to ("the tread fell to 2mm"): rain is what falls, not how far.
      const fellBy = LEVEL_FELL.test(body.slice(sentence.start, value.start));
      if (!builtIn && RAIN_UNIT.test(text) && RAIN_FELL.test(said) && !NOT_RAIN.test(said) && !fellBy) builtIn = RAIN_CUE;
      const ofWhole = value.kind === "percentage" && OF_WHOLE.test(body.slice(value.end, value.end + 12));
      // With nothing learned (no claim recorded yet) no learned cue can match: the words a learned
      // cue would be weighed by, and whether analysts expected the figure, are not asked for.
      const expected = lessons.length > 0 && expectedByAnalysts(body, sentence.start, value);
      let match: ReturnType<typeof bestLearned> = null;
      if (lessons.length) {
        const after = [...cueWords(text), ...cueWords(body.slice(value.end, Math.min(sentence.end, value.end + 40))).slice(0, 3)].map(stem);
        sentenceStems ??= new Set(cueWords(body.slice(sentence.start, sentence.end)).map(stem));
        sentenceQuarters ??= quartersIn(foldText(body.slice(sentence.start, sentence.end)));
        match = bestLearned(
          cue.map(stem),
          after,
          value,
          text,
          lessons,
          ofWhole,
          expected,
          builtIn?.family ?? null,
          sentenceStems,
          sentenceQuarters,
        );
      }
      // Nearest first: a learned cue of two words or more, the lexicon's word beside the figure,
      // the figure's own noun, a lexicon word farther back, a learned cue of one word, the sentence before.
      let source: "learned" | "cue" | "noun" | null = null;
      // What befell the people counted, said right beside the figure ("92 people were killed", "three
      // deaths"), tells one casualty count from another more surely than words a learned claim of
      // another measure shares with the sentence around it. The noun counted ("158 residents") does
      // not: it says who, not what befell them. A learned label of no known measure ("Premarket
      // share move") may be the analyst's own name for this one: it keeps its place.
      const besideFigure = builtIn && !fromPrevious && builtIn.distance === 0 && builtIn.family.people;
      const learnedFamily = match ? familyOf(match.cue.attribute) : null;
      // A figure counting what an investigation's label names ("98 seats" after "Seats won") takes no
      // learned label of another thing counted for words they share ("exit poll": "Polling stations
      // sampled by the exit poll"): the noun beside the figure says what it counts.
      const namingNoun =
        noun && !heldIn
          ? lessons
              .filter(
                (l) =>
                  namesNoun(l.cue.attribute, noun!) &&
                  EXPECTED_LABEL.test(foldText(l.cue.attribute)) === expected &&
                  l.claims.some((c) => compatible(c, value, text, ofWhole)),
              )
              .map((l) => l.cue)
          : [];
      const otherNoun = match !== null && namingNoun.length > 0 && !namesNoun(match.cue.attribute, noun!);
      if (besideFigure && learnedFamily && learnedFamily !== builtIn!.family) source = "cue";
      // A figure analysts expected takes the investigation's label for such a figure, however few
      // words it shares with it: the lexicon knows only the measure, not that it was expected.
      // So does a figure whose sentence names the part the learned label names ("Cloud revenue").
      else if (match && !otherNoun && (match.score >= 2 || expected || match.cue.part.length > 0)) source = "learned";
      else if (heldIn) source = "noun";
      else if (builtIn && !fromPrevious && builtIn.distance <= 40) source = "cue";
      else if (noun) source = "noun";
      else if (builtIn && !fromPrevious) source = "cue";
      else if (match && !otherNoun) source = "learned";
      else if (builtIn) source = "cue";
      // The noun's family, as a cue's, unless the words around say another measure ("cut off 300 staff" is no headcount).
      const nounFamily = noun ? familyOf(noun, true) : null;
      const family =
        source === "learned"
          ? familyOf(match!.cue.attribute)
          : source === "cue"
            ? builtIn!.family
            : nounFamily && !barred(nounFamily, before, foldText(tail))
              ? nounFamily
              : null;
      // The investigation's own label for the family, when it has one: "Rainfall on 29 October", "Deaths".
      // Or, for a count of no known measure, its label naming what the figure counts: "Seats won" for
      // "Labour has 412 seats", where the figure's own noun would give only "Seats".
      const sameFamily = family
        ? lessons.filter((l) => l.family === family).map((l) => l.cue)
        : source === "noun" && noun
          ? namingNoun
          : [];
      // A figure of an event's (a toll, a fee) with no event named: the event the investigation records
      // most, or its only one.
      // "6,085 displaced in other areas, including Benghazi": a name given as an example of what the
      // figure covers is one of many, not what it is about.
      // Nor is where a company is based: "the Redmond, Washington-based company".
      const owners = mentions.filter((m) => !namedAsExample(body, sentence, m) && !BASED_AFTER.test(body.slice(m.end, m.end + 40)));
      // "891 were completely destroyed, 211 partly destroyed", "destroyed 3,000 homes and damaged
      // 12,000 more", "1,500 of its 6,142 buildings had been affected": a count of things no measure
      // names is of what befell them, the things named by the figure, its "of", or the figure before.
      let befallen: { label: string; cue: string; ruin: boolean } | null = null;
      if (value.kind === "number" && !value.measured && !value.magnitude && (source === null || source === "noun")) {
        const partitive = noun ? null : PARTITIVE_AFTER.exec(body.slice(value.end, sentence.end));
        const thing = noun ?? partitive?.[1] ?? sentenceThing;
        // "1,500 of Derna's 6,142 buildings had been affected": the whole a part is of is not what befell the part.
        const whole = WHOLE_BEFORE.test(body.slice(Math.max(sentence.start, value.start - 40), value.start));
        const befell = thing && !whole ? whatBefell(body, sentence, value, partitive?.[0].length ?? 0) : null;
        if (befell)
          befallen = {
            label: `${thing!.charAt(0).toUpperCase()}${thing!.slice(1).toLowerCase()} ${befell}`,
            cue: befell,
            ruin: !RUIN_BY_CHOICE.test(befell),
          };
        if (noun || partitive) sentenceThing = noun ?? partitive![1]!;
      }
      // A count of people of no known measure ("300 survivors", "5,000 families") is, like a toll, the
      // event's or a place's: never the agency or official who gives it ("…, the Red Crescent said").
      // So are things a disaster ruined ("891 buildings destroyed").
      const eventKinds: EntityKind[] =
        family?.subjects ??
        (befallen?.ruin || (noun !== null && PEOPLE.test(foldText(noun)) && !/^homes?$/i.test(noun)) ? ["event", "place"] : []);
      const learnedSubject =
        byId.get((source === "learned" ? match!.cue : sameFamily[0])?.subjectId ?? "") ??
        (eventKinds[0] === "event" &&
        // The place the event is named after is the event's ground, not another subject for it.
        !owners.some((m) => eventKinds.includes(m.entity.kind) && !(mainEvent && m.entity.id === groundOf(mainEvent)))
          ? mainEvent
          : undefined);
      // A sentence naming no entity is about what the one before named, from the paragraph before when
      // it opens its own: "Earlier filings had shown sales of …". Unless it opens on a name of its own,
      // the subject of the figure's verb: "Apple reported on Thursday. Alphabet rose 2%." is Alphabet's.
      // Nor is a sentence naming only things of another kind than the measure is of: "Data center
      // revenue reached $30.8 billion, on demand for its Hopper chips" is the company's before.
      // The kinds the measure is of: the lexicon's, or that of the subject the investigation gave the label.
      const subjectKinds = family?.subjects ?? (learnedSubject ? [learnedSubject.kind] : undefined);
      const otherKindsOnly = owners.length > 0 && subjectKinds !== undefined && !owners.some((m) => subjectKinds.includes(m.entity.kind));
      const carriedHere =
        owners.length && !otherKindsOnly
          ? []
          : !family?.people && leadName(body, sentence, value.start, otherKindsOnly)
            ? []
            : (carried ??= mentionsBefore(body, sentence, found, true));
      const previousNames = () => (sourcesCarried ??= mentionsBefore(body, sentence, found, true));
      // A label is no name: "Death toll: 4,300" is not about someone called "Death".
      // A figure of another, dated event the sentence names ("the 1999 İzmit quake killed 17,000")
      // is that event's, or no one's the analyst has recorded: never the story's own.
      const dated = article.publishedAt ? otherDatedEvent(body, sentence.start, value, article.publishedAt.getUTCFullYear()) : null;
      const datedEntity = dated && datedEventEntity(body, dated, mentions, events);
      const guessed: SubjectGuess = ageOf
        ? ageOf
        : datedEntity
          ? { how: "mention", entityId: datedEntity.id, name: datedEntity.name }
          : dated
            ? { how: "none" }
            : guessSubject(
                // What the sentence before named stands in only when of a kind the measure is of, if it says.
                (owners.length && !(otherKindsOnly && carriedHere.some((m) => subjectKinds!.includes(m.entity.kind)))) ||
                  (mentions.length && !carriedHere.length)
                  ? owners
                  : family?.subjects
                    ? carriedHere.filter((m) => family.subjects!.includes(m.entity.kind))
                    : carriedHere,
                value,
                family,
                learnedSubject,
                sentence,
                body,
                previousNames,
                label && !labelNamesEntity ? label.start : value.start,
                groundOf,
              );
      // "Turnout was 76.6%": the measure's own word opening the sentence is no one's name.
      const subject: SubjectGuess =
        guessed.how === "sentence" &&
        !guessed.name.includes(" ") &&
        // So is any measure's word: "Revenue rose 12% at Alphabet".
        ((family && family.cue.test(foldText(guessed.name))) || MEASURE_SHAPES.some((s) => anyCue(s).test(foldText(guessed.name))))
          ? { how: "none" }
          : "entityId" in guessed
            ? ofItsYear(
                guessed,
                byId.get(guessed.entityId),
                body.slice(Math.max(sentence.start, value.start - 60), value.start),
                body.slice(value.end, Math.min(sentence.end, value.end + 80)),
                events,
              )
            : guessed;
      // "Acme earned $400 million": what a company earns is its profit, however a person's pay is cued.
      const subjectKind = "entityId" in subject ? byId.get(subject.entityId)?.kind : subject.how === "sentence" ? subject.kind : undefined;
      const earnedByCompany =
        source === "cue" &&
        builtIn!.family === PAY_CUE.family &&
        /^earn/.test(builtIn!.cue) &&
        (subjectKind === "organization" ||
          (subject.how === "sentence" &&
            !subject.kind &&
            looksLikeOrganisation(subject.name, body.slice(sentence.start, sentence.end), body)));
      if (earnedByCompany) builtIn = { ...builtIn!, family: PROFIT_FAMILY };
      const ownLabels = earnedByCompany ? lessons.filter((l) => l.family === PROFIT_FAMILY).map((l) => l.cue) : sameFamily;
      let attribute: AttributeGuess;
      if (source === "learned")
        attribute = { label: match!.cue.attribute, how: "learned", cue: [...match!.cue.words, ...match!.cue.labelWords].join(" ") };
      else if (source === "cue" || source === "noun") {
        const subjectId = "entityId" in subject ? subject.entityId : null;
        const own =
          ownLabels.find((l) => l.subjectId === subjectId) ??
          ownLabels.find((l) => byId.get(l.subjectId)?.kind === byId.get(subjectId ?? "")?.kind);
        const label = own?.attribute ?? (source === "cue" ? builtIn!.family.label : (family?.label ?? noun!));
        attribute = { label, how: "cue", cue: source === "cue" ? builtIn!.cue : noun! };
      } else attribute = { label: null, how: "none", cue: cue.join(" ") };
      // A day in a sentence about a named event is most often that event's date: "the scenes of 29
      // October", "the flood of 1957, which swamped the city on 13 and 14 October".
      const subjectEntity = "entityId" in subject && subject.how === "mention" ? byId.get(subject.entityId) : undefined;
      if (attribute.how === "none" && value.kind === "date" && subjectEntity?.kind === "event" && mentions.length) {
        const dateFamily = familyOf("Date", true);
        const own = lessons.find((l) => l.cue.subjectId === subjectEntity.id && l.family === dateFamily)?.cue;
        attribute = { label: own?.attribute ?? "Date", how: "cue", cue: foldText(subjectEntity.name) };
        eventDated.add(value.start);
      }

      if (befallen) attribute = { label: befallen.label, how: "cue", cue: befallen.cue };

      // "down 251", "lost 250 seats", "Labour gained 211 seats", "a gain of 211": a count that moved
      // is the change, never the level: read as "Seats" it would contradict every count of seats held.
      const afterLoss = /\blos[est]+\s*$/i.test(body.slice(Math.max(sentence.start, value.start - 12), value.start));
      const lostPeople = afterLoss && PEOPLE.test(text.toLowerCase());
      if (
        value.kind === "number" &&
        !value.measured &&
        !value.magnitude &&
        !lostPeople &&
        !(afterLoss && recordOfGames(body, Math.max(sentence.start, value.start - 80), Math.min(sentence.end, value.end + 40))) &&
        // "had climbed past 22,000": a tally passing a mark is its level.
        !/^(?:past|above|over|beyond|more than)\b/i.test(text) &&
        // "up to 20 years" is a bound, no move.
        ((MOVE_VALUE.test(text) && !/^(?:up|down)\s+to\b/i.test(text)) || movedJustBefore(body, sentence.start, value.start))
      ) {
        const counted = noun ?? countNounBefore(body.slice(sentence.start, value.start));
        const own = lessons.find(
          (l) => l.cue.move && l.cue.valueKind === "number" && (!counted || namesNoun(l.cue.attribute, counted)),
        )?.cue;
        const what =
          counted?.toLowerCase() ??
          (attribute.label && !/\bchange\b/i.test(attribute.label) ? attribute.label.split(",")[0]!.toLowerCase() : null) ??
          // "Unemployment fell 0.2 points": points are of a rate, the one the words before name.
          (/\bpoints?$/i.test(text)
            ? (nearestCue(before, "", "percentage", undefined, SHARE_MOVE)?.family.label.toLowerCase() ?? null)
            : null);
        if (own) attribute = { label: own.attribute, how: "learned", cue: own.words.join(" ") };
        else if (!attribute.label || !/\bchange\b/i.test(attribute.label))
          attribute = { label: what ? `Change in ${what}` : "Change", how: "cue", cue: cue.join(" ") };
      }

      // "Nvidia was worth about $3.5 trillion", "Musk is worth $245 billion": what a company is worth
      // is its market value, a person's their fortune; "a stake worth $1.9 billion" is the stake's.
      if (
        attribute.how === "none" &&
        value.kind === "money" &&
        (subjectKind === "person" || subjectKind === "organization") &&
        IS_WORTH.test(body.slice(Math.max(sentence.start, value.start - 40), value.start) + lead)
      ) {
        const worthFamily = familyOf(subjectKind === "person" ? "Net worth" : "Valuation", true)!;
        const subjectId = "entityId" in subject ? subject.entityId : null;
        const taught = lessons.filter((l) => l.family === worthFamily).map((l) => l.cue);
        const own = taught.find((l) => l.subjectId === subjectId) ?? taught[0];
        attribute = { label: own?.attribute ?? worthFamily.label, how: "cue", cue: "worth" };
      }

      let yearBefore: { words: string; year: number } | null = null;
      // "first-quarter revenue of $1.2 billion", "net income of $9.24 billion a year earlier": a
      // company's result is of a quarter or half of a year, which belongs to what it measures: one
      // quarter's revenue neither updates nor contradicts another's.
      if (attribute.label && (value.kind === "money" || value.kind === "percentage") && !A_GAME.test(said)) {
        const labelFamily = familyOf(attribute.label);
        const ofResults =
          hasPeriod(attribute.label) ||
          (attribute.how === "cue" &&
            labelFamily !== null &&
            PERIODIC_RESULTS.has(labelFamily.label) &&
            // An investigation that labels such results without their period keeps its way.
            !lessons.some((l) => l.family === labelFamily && !hasPeriod(l.cue.attribute)));
        if (ofResults) {
          const own = periodOfFigure(
            said,
            { start: value.start - sentence.start, end: value.end - sentence.start, kind: value.kind },
            article.publishedAt,
          );
          const qualifier = own
            ? qualifierFor(own, [attribute.label, ...lessons.filter((l) => hasPeriod(l.cue.attribute)).map((l) => l.cue.attribute)])
            : null;
          // A sentence naming no period nor any other time is of the one the article gave the same measure.
          const period = qualifier ?? (labelFamily && !OTHER_TIME.test(said) ? articlePeriods.get(labelFamily) : null);
          if (own && labelFamily)
            articlePeriods.set(
              labelFamily,
              articlePeriods.has(labelFamily) && articlePeriods.get(labelFamily) !== qualifier ? null : qualifier,
            );
          if (period) attribute = { ...attribute, label: withPeriod(attribute.label, period) };
          if (own?.yearBefore && !own.fiscal) yearBefore = own;
        }
      }

      // "a vote share of 33.8 per cent", "from 43.6% in 2019": a party's result is of one election,
      // which the investigation's labels name when they name one ("Seats won, 2024 general election").
      if (
        attribute.label &&
        attribute.how === "cue" &&
        subjectKind !== "event" &&
        !attribute.label.includes(",") &&
        (familyOf(attribute.label)?.label === "Vote share" || ELECTION_RESULT.test(attribute.label))
      ) {
        const labelFamily = familyOf(attribute.label);
        const labels = lessons.map((l) => l.cue.attribute);
        const unqualified = lessons.some(
          (l) => (labelFamily ? l.family === labelFamily : l.cue.attribute === attribute.label) && !hasElection(l.cue.attribute),
        );
        const election = unqualified
          ? null
          : electionQualifier(said, { start: value.start - sentence.start, end: value.end - sentence.start }, labels, article.publishedAt);
        if (election) attribute = { ...attribute, label: `${attribute.label}, ${election}` };
      }

      // "In the 24 hours to 8am, 414mm fell", "270mm in an average year": rain is measured over a
      // time, which belongs to what is measured: a day's fall neither updates nor contradicts a year's.
      if (
        attribute.label === "Rainfall" &&
        attribute.how === "cue" &&
        !lessons.some((l) => l.family === familyOf("Rainfall") && l.cue.attribute !== "Rainfall")
      ) {
        const over = rainfallPeriod(body, sentence, value, proposals.slice(firstOfSentence));
        if (over) attribute = { ...attribute, label: over };
      }

      // "The toll could reach 18,000 to 20,000": what a figure may become is a projection of the
      // measure, not its value; read as the measure, it would contradict every count of the day.
      // Only for a count of people: an estimate of losses ("could reach $15 billion") is the figure
      // given, not a toll still being counted.
      if (
        attribute.label &&
        familyOf(attribute.label)?.people &&
        PROJECTED_BEFORE.test(foldText(body.slice(Math.max(sentence.start, value.start - 60), value.start + lead.length)))
      ) {
        const own = attribute.label;
        if (!/^projected\b/i.test(own))
          attribute = { ...attribute, label: `Projected ${/^\p{Lu}\p{Ll}/u.test(own) ? own.charAt(0).toLowerCase() + own.slice(1) : own}` };
      }

      // "hundreds of cars", "tens of thousands", "billions of dollars": a quantity given by its order
      // of size alone says how big, never how many. Only a measure the investigation records (a
      // learned cue) makes one worth a claim.
      if (INDEFINITE.test(text) && attribute.how !== "learned") continue;
      // A span of time ("in four hours", "for 28 years") or a year alone ("since 1973") is the
      // setting of a claim far more often than one: without a cue word it is not proposed.
      if (attribute.how === "none" && (isDuration(value, text) || (value.kind === "date" && /^\d{4}$/.test(text)))) continue;
      const held =
        value.kind === "date" || value.kind === "time" ? null : asOfWithSpan(body, sentence, value, context, article.publishedAt);
      // "$9.24 billion a year earlier": held in the period the sentence names, a year before.
      const earlier = yearBefore && held?.asOf?.how === "sentence" ? `${yearBefore.words} of ${yearBefore.year - 1}` : null;
      const earlierRead = earlier ? read(earlier, 0, earlier.length, context) : null;
      const asOf =
        earlier && earlierRead?.kind === "date"
          ? { text: earlier, reading: earlierRead.reading, how: "sentence" as const }
          : (held?.asOf ?? null);
      if (held?.span && sameClause(body, sentence, value, held.span)) asOfDays.push(held.span);
      const counted = value.kind !== "number" || /[a-z]{3,}$/i.test(text);
      // Sure enough to accept in a batch (≥ 0.8) only with a cue word and an entity named in the sentence.
      const cueWeight =
        source === "learned" ? 0.3 : source === "cue" ? (fromPrevious ? 0.15 : 0.25) : source === "noun" ? (family ? 0.2 : 0.1) : -0.1;
      const subjectWeight =
        subject.how === "mention"
          ? mentions.length
            ? 0.2
            : 0.05
          : subject.how === "learned"
            ? 0.1
            : subject.how === "sentence"
              ? 0.05
              : 0;
      const confidence = (counted ? 0.4 : 0.3) + cueWeight + subjectWeight;
      proposals.push({
        start: value.start,
        end: value.end,
        quote: text,
        valueKind: value.kind,
        // What accepting saves is read again from it: the words that read as the proposal does.
        valueText: value.written ?? text,
        reading: value.reading,
        subject,
        attribute,
        asOf,
        confidence: Math.max(0.05, Math.min(1, Math.round(confidence * 100) / 100)),
        cue: cue.join(" "),
      });
    }
    // "By 6pm, 120 people had been rescued", "In the 24 hours to 8am on Monday, 414mm fell": a time
    // or day the sentence opens with, before its comma, is when the sentence's figures held.
    for (let k = proposals.length - 1; k >= firstOfSentence; k--) {
      const when = proposals[k]!;
      if ((when.valueKind !== "time" && when.valueKind !== "date") || when.attribute.how !== "none") continue;
      if (!OPENING_WHEN.test(body.slice(sentence.start, when.start)) || !/^\s*,/.test(body.slice(when.end, when.end + 3))) continue;
      const figures = proposals
        .slice(firstOfSentence)
        .filter(
          (q) =>
            q.valueKind !== "date" &&
            q.valueKind !== "time" &&
            q.start > when.end &&
            (q.asOf?.how === "published" || (q.asOf && when.quote.includes(q.asOf.text))),
        );
      if (!figures.length) continue;
      for (const q of figures) q.asOf = { text: when.quote, reading: when.reading, how: "sentence" };
      proposals.splice(k, 1);
    }
    // A day that only says when a figure of the sentence held ("shares fell 12% on Tuesday",
    // "agreed on 25 April to sell for $54.20") is that figure's as-of, which its form fills in: no
    // claim of its own. A day with its own cue ("founded in"), or one of a list of days ("sold
    // shares on Tuesday and Wednesday"), stays.
    for (let k = proposals.length - 1; k >= firstOfSentence; k--) {
      const p = proposals[k]!;
      // A day guessed the event's date only for want of a cue is as much the figure's as-of, and so is
      // one written right after its figure, whatever cue word the sentence holds: "67.3% in 2019".
      const rightAfterFigure =
        p.valueKind === "date" &&
        p.attribute.how === "cue" &&
        proposals.slice(firstOfSentence).some(
          (q) =>
            q.valueKind !== "date" &&
            q.valueKind !== "time" &&
            q.end <= p.start &&
            (/^\s*(?:in|on|as of)\s+$/i.test(body.slice(q.end, p.start)) ||
              // "67.3% at the previous general election in 2019": a year, however far in its clause.
              (/^\d{4}$/.test(p.quote) && YEAR_AFTER.test(body.slice(q.end, p.end)))),
        );
      if (rightAfterFigure && !inListOfDays(body, p)) {
        proposals.splice(k, 1);
        continue;
      }
      if (p.valueKind !== "date" || (p.attribute.how !== "none" && !eventDated.has(p.start)) || inListOfDays(body, p)) continue;
      // "4,200 infected since January", "Since January, the fund has lost $2 billion": when a count
      // began, said of a figure of the sentence (before or after it), is no claim either.
      if (
        /\bsince\s+$/i.test(body.slice(Math.max(sentence.start, p.start - 8), p.start)) &&
        proposals.slice(firstOfSentence).some((q) => q.valueKind !== "date" && q.valueKind !== "time")
      ) {
        proposals.splice(k, 1);
        continue;
      }
      if (asOfDays.some((d) => overlaps(d, p) || joinedDays(body, d, p))) proposals.splice(k, 1);
    }
    const sentenceText = body.slice(sentence.start, sentence.end);
    for (const m of MAY_HOLD_AGE_BY_DECADE.test(sentenceText) ? sentenceText.matchAll(AGE_BY_DECADE) : []) {
      const span = { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length };
      if (decided(span)) continue;
      if (furniture.some((f) => overlaps(f, span))) continue;
      // "70s" read alone is the decade's figure: the age, as written, replaces it.
      // Only this sentence's proposals can overlap it: looking through all would cost the square.
      const inside = proposals.slice(firstOfSentence).filter((p) => overlaps(p, span));
      if (inside.some((p) => p.start < span.start || p.end > span.end)) continue;
      for (const p of inside) proposals.splice(proposals.indexOf(p), 1);
      mentions ??= mentionsIn(body, sentence, found);
      const family = familyOf("Age", true);
      const subject = guessSubject(mentions, span, family, undefined, sentence, body);
      const own = lessons.find((l) => l.family === family)?.cue;
      const cue = cueBefore(body, sentence.start, span.start);
      proposals.push({
        ...span,
        quote: m[0],
        valueKind: "text",
        valueText: m[0],
        reading: `“${m[0]}”`,
        subject,
        attribute: { label: own?.attribute ?? "Age", how: "cue", cue: m[1]! },
        asOf: asOfIn(body, sentence, span, context, article.publishedAt),
        confidence: subject.how === "mention" ? 0.75 : 0.5,
        cue: cue.join(" "),
      });
    }
  }
  const proposed = overlapIndex(proposals);
  proposals.push(
    ...roleProposals(
      body,
      entities,
      found,
      lessons,
      (span, cue) => {
        if (decided(span)) return "decided";
        if ((rejections.get(cueWords(cue).join(" ")) ?? 0) >= 2) return "decided";
        return proposed(span) ? "taken" : "open";
      },
      article.publishedAt,
      context,
      new Set(recorded.map((c) => roleKey(`id:${c.subjectId}`, c.attribute, c.valueText))),
    ),
  );
  return proposals.sort((a, b) => a.start - b.start);
}

/** What a title claim says, to know it said again: whose (an entity's id, or the name as written), which attribute, what. */
const roleKey = (subject: string, attribute: string, value: string) => `${foldText(subject)}|${foldText(attribute)}|${foldText(value)}`;

/**
 * People's titles and offices in every line (see role-suggest.ts): text claims, proposed where
 * `open` allows (no claim, rejection or other proposal there). The subject is the entity the
 * text names, else the name as written; an office with no organisation named is the nearest
 * organisation's in the sentence, a past employer the person's the sentence is about.
 */
function roleProposals(
  body: string,
  entities: SuggestEntity[],
  found: Matchers,
  lessons: Lesson[],
  /** Whether a place is open: "decided" when a claim or a rejection is there (or of its cue), "taken" by another proposal. */
  open: (span: { start: number; end: number }, cue: string) => "open" | "decided" | "taken",
  publishedAt: Date | null,
  context: ReadContext,
  /** `roleKey`s of what the article already says as claims: a title written again is no new claim. */
  said: Set<string>,
): Proposal[] {
  // Folded, "Oscar Puente" is "Óscar Puente"; where an investigation keeps both, the name as written picks.
  const named = new Map<string, SuggestEntity>();
  const asWritten = new Map<string, SuggestEntity>();
  for (const e of entities)
    for (const n of [e.name, ...e.aliases]) {
      if (!named.has(foldText(n))) named.set(foldText(n), e);
      if (!asWritten.has(n.toLowerCase())) asWritten.set(n.toLowerCase(), e);
    }
  const known = (name: string) => named.has(foldText(name));
  const proposals: Proposal[] = [];
  // Titles recorded or turned down at a later place than the one proposed: not proposed at all.
  const decided = new Set<string>();
  const keyOf = new Map<number, string>();
  const furnitureOf = furnitureByLine(body);
  const titleCase = titleCaseByLine(body);
  for (const chunk of chunksOf(body)) {
    const lineStart = lineStartOf(body, chunk.start);
    const furniture = furnitureOf(lineStart);
    // A headline's capitals say nothing ("Anthropic CEO Dario Amodei Meets Pentagon Officials"), and a
    // "sentence" of thousands of characters is no prose (a table, a list run together).
    if (chunk.end - chunk.start > 2_000 || titleCase(lineStart)) continue;
    const sentence: Sentence = { start: chunk.start, end: chunk.end, tokens: [] };
    for (const f of rolesIn(body.slice(chunk.start, chunk.end), known)) {
      const span = { start: chunk.start + f.start, end: chunk.start + f.end };
      // Turned down by what it says of whom: two "Turkish President" mistakes stop no other president.
      const cue = `${f.cue} ${f.subject ?? ""}`.trim();
      if (furniture.some((x) => overlaps(x, span))) continue;
      const entity = f.subject ? (asWritten.get(f.subject.toLowerCase()) ?? named.get(foldText(f.subject))) : undefined;
      let subject: SubjectGuess = entity
        ? { how: "mention", entityId: entity.id, name: entity.name }
        : f.subject
          ? { how: "sentence", name: f.subject, kind: f.subjectKind }
          : { how: "none" };
      if (!f.subject) {
        const here = mentionsIn(body, sentence, found).filter((m) => m.entity.kind === f.subjectKind);
        const candidates = here.length ? here : mentionsBefore(body, sentence, found).filter((m) => m.entity.kind === f.subjectKind);
        const nearest = candidates.sort((a, b) => Math.abs(a.at - span.start) - Math.abs(b.at - span.start))[0];
        if (nearest) subject = { how: "mention", entityId: nearest.entity.id, name: nearest.entity.name };
      }
      // The investigation's own label for it, when it records one alike ("Title", "role").
      const own = lessons.find((l) => foldText(l.cue.attribute) === foldText(f.attribute))?.cue.attribute;
      // "Anthropic CEO Dario Amodei" twice in an article is one claim: proposed once, and not at all
      // once recorded or turned down at any of its places, so that accepting all cites the article once.
      const key =
        subject.how === "none"
          ? null
          : roleKey(subject.how === "mention" ? `id:${subject.entityId}` : `name:${subject.name}`, own ?? f.attribute, f.value);
      const place = open(span, cue);
      if (place === "decided" && key) {
        said.add(key);
        decided.add(key);
      }
      if (place !== "open" || (key && said.has(key))) continue;
      if (key) {
        said.add(key);
        keyOf.set(span.start, key);
      }
      proposals.push({
        ...span,
        quote: body.slice(span.start, span.end),
        valueKind: "text",
        valueText: f.value,
        reading: `“${f.value}”`,
        subject,
        attribute: { label: own ?? f.attribute, how: "cue", cue: f.cue },
        asOf: asOfIn(body, sentence, span, context, publishedAt),
        // "Tim Cook's Apple" names a leader as often as "Elon Musk's xAI" an owner: never sure enough to accept in a batch.
        confidence: f.attribute === "Owner" ? 0.5 : subject.how === "mention" ? 0.8 : subject.how === "sentence" ? 0.6 : 0.4,
        cue,
      });
    }
  }
  return decided.size ? proposals.filter((p) => !decided.has(keyOf.get(p.start) ?? "")) : proposals;
}

/**
 * An age given by decade, as news gives the ages of victims and witnesses: "a woman in her
 * sixties", "a man in his early 70s", "in their twenties". Text, not a number: the decade is the
 * value as written.
 */
const AGE_BY_DECADE =
  /\bin (?:his|her|their) (?:(?:early|mid|late)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[2-9]0s|[2-9]0['’]s)\b/giu;

/** What every AGE_BY_DECADE holds, tried first: the full pattern is slow on each sentence ("ſ" folds to "s" there). */
const MAY_HOLD_AGE_BY_DECADE = /in (?:hi[sſ]|her|their) /i;

/** A date in the value's sentence ("on Thursday"), else the article's publication date. */
function asOfIn(
  body: string,
  sentence: Sentence,
  value: { start: number; end: number },
  context: ReadContext,
  publishedAt: Date | null,
): Proposal["asOf"] {
  return asOfWithSpan(body, sentence, value, context, publishedAt).asOf;
}

/** What ends a clause between two places of a sentence: a semicolon, a colon, a dash, a bracket, a comma before a word. */
const CLAUSE_BREAK = /[;:—–()]|\s-\s|,\s/;
/** What a sentence may open with before the time its figures held: "By", "At", "In the 24 hours to". */
const OPENING_WHEN =
  /^\s*(?:(?:by|at|as of|until|till|on|in)\s+|(?:in|over|during) the (?:[\w-]+\s+){0,2}(?:hours?|days?|weeks?|months?) (?:to|until|before|ending|ended)\s+)$/i;
/** A comma between two capitalised words: "Benghazi, Ajdabiya". */
const LIST_OF_NAMES_COMMA = /(\p{Lu}[\p{L}'’.-]*),\s(?=\p{Lu})/gu;
/** A day opening the sentence, before its comma, sets the whole sentence: "On Thursday, Acme …". */
const OPENING_DAY = /^\s*(?:(?:late|early)\s+)?(?:on|by|in|during|since|until|last|this)?\s*$/i;

/** Whether a day and a figure are of one clause of the sentence, the day's when it opens the sentence. */
function sameClause(body: string, sentence: Sentence, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  // The commas of a list of names ("in Benghazi, Ajdabiya, Tokra and Shahat by Monday") end no clause.
  if (!CLAUSE_BREAK.test(body.slice(first.end, second.start).replace(LIST_OF_NAMES_COMMA, "$1 "))) return true;
  const day = first === b ? b : null;
  return day !== null && OPENING_DAY.test(body.slice(sentence.start, day.start)) && /^,\s/.test(body.slice(day.end, day.end + 2));
}

/**
 * Words of a game, whose quarters and halves are its own: "65% possession in the first half",
 * "150 yards in the second quarter", "4 sacks in the first half".
 */
const A_GAME =
  /\b(?:possession|goals?|scored|scoring|points|rebounds|assists|shots?|shot|shooting|match|innings?|touchdowns?|half-?time|quarterback|penalt(?:y|ies)|free throws?|three-pointers?|field goals?|yards|sacks|interceptions|fumbles|turnovers|receptions|tackles|fouls|corner kicks|free kicks|home runs|wickets)\b/i;
/** Measures a company reports per quarter or half of a year. */
const PERIODIC_RESULTS = new Set([
  "Revenue",
  "Profit",
  "Loss",
  "Earnings per share",
  "Dividend",
  "Revenue growth",
  "Profit change",
  "Output change",
]);
/**
 * "in the 24 hours to 8am", "in just four hours", "in a single day", "over 48 hours", "in the past 24
 * hours": what a fall was measured over.
 */
const RAIN_HOURS =
  /\b(?:in|over|within|during)\s+(?:the\s+|a\s+|just\s+|only\s+|barely\s+|less\s+than\s+|under\s+|past\s+|last\s+|previous\s+)*(?:(single|one|\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?(hours?|days?)\b(?![-\s]+(?:ahead|later|before|after|earlier))/i;
/** "in an average year", "a year on average", "annually": a place's usual fall of a year. */
const RAIN_YEAR =
  /\b(?:(?:in\s+an?\s+)?(average|normal|typical|usual)\s+year|(?:a|per|each)\s+year(?:\s+on\s+average)?|annual(?:ly)?|yearly)\b/i;

/**
 * The time a rainfall figure was measured over, as its label: "Rainfall in 24 hours", "Rainfall
 * in 4 hours", "Average annual rainfall". Read in the figure's own stretch of the sentence (from
 * the figure proposed before to the next digit) or where the sentence opens ("In the 24 hours to 8am, 414mm
 * fell on Al-Bayda, and Marawa recorded 240mm"). Null when it says none.
 */
function rainfallPeriod(
  body: string,
  sentence: Sentence,
  value: { start: number; end: number },
  /** The figures proposed before it in the sentence. */
  before: readonly { start: number; end: number }[],
): string | null {
  // The next figure, not the length of time this one fell in ("240mm in 24 hours").
  const next = body.slice(value.end, sentence.end).search(/\d(?![\d.,]*\s+(?:hours?|days?)\b)/);
  // After a figure before it, its stretch starts after the last clause joined ("90mm in 3 hours; the
  // port got 20mm"): the words between belong to the figure before.
  const lead = body.slice(before.at(-1)?.end ?? sentence.start, value.start);
  const own =
    (before.length ? lead.replace(UP_TO_JOINED_CLAUSE, "") : lead) + body.slice(value.start, next < 0 ? sentence.end : value.end + next);
  const opening = body.slice(sentence.start, Math.min(value.start, sentence.start + 60));
  const year = RAIN_YEAR.exec(own);
  if (year) return year[1] || /\baverage\b/i.test(year[0]) ? "Average annual rainfall" : "Annual rainfall";
  const hours = RAIN_HOURS.exec(own) ?? (/^\s*(?:In|Over|Within|During)\b/.test(opening) ? RAIN_HOURS.exec(opening) : null);
  // "during the day" is the day's daylight as often as its 24 hours: a length is written.
  if (!hours?.[1]) return null;
  const n = /^single$/i.test(hours[1]) ? 1 : /^\d/.test(hours[1]) ? +hours[1] : SMALL_NUMBERS.indexOf(hours[1].toLowerCase());
  const inHours = /^day/i.test(hours[2]!) ? n * 24 : n;
  return `Rainfall in ${inHours} hour${inHours === 1 ? "" : "s"}`;
}

/** "of Derna's 6,142 buildings", "of the town's buildings": the things a bare count is part of. */
const PARTITIVE_AFTER = /^\s+of\s+(?:the\s+|its\s+|their\s+|(?:the\s+)?\p{L}[\p{L}'’-]*['’]s\s+)?(?:[\d,.]+\s+)?(\p{Ll}{3,}s)\b/u;
/** What people do to things by choice, not what a disaster does: "closed", "cancelled". */
const RUIN_BY_CHOICE = /^(?:closed|cancell?ed|suspended|grounded|cut off)$/;
/** "1,500 of the", "1,500 of Derna's": what comes before the whole a count is part of. */
const WHOLE_BEFORE = /\d[\d,.]*\s+of\s+(?:the\s+|its\s+|their\s+|(?:the\s+)?\p{L}[\p{L}'’-]*['’]s\s+)?$/u;
/** What befell things, as a label says it: "destroyed", "partly destroyed", "closed". */
const BEFELL = String.raw`(destroyed|damaged|affected|flooded|submerged|razed|levell?ed|collapsed|inundated|burn(?:ed|t)|demolished|(?:washed|swept)\s+away|cut\s+off|cancell?ed|closed|suspended|grounded)`;
const BEFELL_AFTER = new RegExp(
  // Where they are may come between: "150 roads in the province remain closed".
  String.raw`^(?:\s+(?:in|across|on|at|around|near)\s+(?:the\s+)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?(?=\s+(?:were|was|are|is|have|has|had|remain|stay)))?\s*(?:(?:were|was|are|is|have|has|had|remain(?:ed)?|stay(?:ed)?)\s+(?:been\s+)?(?:still\s+)?|being\s+)?(?:(partly|partially|badly|severely|heavily|completely|totally|fully|entirely)\s+)?${BEFELL}\b`,
  "iu",
);
const BEFELL_BEFORE = new RegExp(
  String.raw`\b(?:(partly|partially|badly|severely|heavily|completely|totally|fully|entirely)\s+)?${BEFELL}\s+(?:(?:about|some|nearly|almost|around|roughly|more\s+than|at\s+least|over|up\s+to)\s+)?$`,
  "i",
);

/**
 * What befell the things a count counts, said right after it ("891 were completely destroyed",
 * "211 partly destroyed", after `skip` characters of its "of" phrase) or right before it ("damaged
 * 12,000 more"): "destroyed", "partly destroyed". Wholly is the word alone; a part or a degree stays.
 */
function whatBefell(body: string, sentence: Sentence, value: { start: number; end: number }, skip: number): string | null {
  const m =
    BEFELL_AFTER.exec(body.slice(value.end + skip, Math.min(sentence.end, value.end + skip + 60))) ??
    BEFELL_BEFORE.exec(body.slice(Math.max(sentence.start, value.start - 50), value.start));
  if (!m) return null;
  const degree = m[1] && /^(?:partly|partially|badly|severely|heavily)$/i.test(m[1]) ? `${m[1].toLowerCase()} ` : "";
  return `${degree}${m[2]!.toLowerCase().replace(/\s+/g, " ")}`;
}

/** A count of an election's result, by the head of its label: "Seats", "Seats won", "Votes cast". */
const ELECTION_RESULT = /^(?:seats|votes)\b/i;
/** Words of a time other than a quarter or half: "annual revenue", "in 2021", "last month". */
const OTHER_TIME =
  /\b(?:years?|annual(?:ly)?|fiscal|months?|monthly|weeks?|weekly|daily|today|yesterday|since|quarters?|halves|half|(?:19|20)\d\d)\b/i;
/** A sum or a share: what a company's quarter or half is reported in. */
const MONEY_OR_SHARE = /[$€£¥%]|\b(?:per ?cent|percentage points?|(?:b|m|tr)illions?|bn|mn)\b/i;
/**
 * A quarter or half of a year from token `k` on, with its year when written ("the first quarter
 * of 2022", "Q3", "H1 2021"). Without a year only for a sum or a share (`ofMoney`): "12 points
 * in the first quarter" and "two goals in the first half" are a game's.
 */
const PERIOD_AHEAD =
  /^(?:[Tt]he\s+)?(?:(?:first|second|third|fourth)\s+quarter|(?:first|second)\s+half|[QH][1-4])\b(?:\s+of\s+(?:(?:last|this)\s+year|(?:19|20)\d\d\b)|\s+(?:19|20)\d\d\b)?/;
const PERIOD_WHOLE = new RegExp(`${PERIOD_AHEAD.source}$`);
function periodAt(body: string, tokens: Token[], k: number, ofMoney: () => boolean): { start: number; end: number } | null {
  const t = tokens[k]!;
  if (!/^(?:[Tt]he|first|second|third|fourth|[QH][1-4])$/.test(t.text) || /^the$/i.test(tokens[k - 1]?.text ?? "")) return null;
  if (/^(?:fiscal|financial)$/i.test(tokens[k - 1]?.text ?? "")) return null;
  const m = PERIOD_AHEAD.exec(body.slice(t.start, t.start + 40));
  if (!m || (m[0].startsWith("H") && !/^H[12]\b/.test(m[0]))) return null;
  // "the second half of March", "the first half of the season": a part of something else, no year's.
  if (/^\s+of\b/i.test(body.slice(t.start + m[0].length, t.start + m[0].length + 4))) return null;
  return /\d|year/.test(m[0]) || ofMoney() ? { start: t.start, end: t.start + m[0].length } : null;
}

/**
 * The tokens of a sentence that may say when its figures held (see `asOfWithSpan`): a year after
 * "in" or "during", a quarter or half of a year, a day word. What does not depend on the figure is
 * asked once per sentence, not once per figure of it: a sentence dense with figures has many.
 */
const whenTokensOf = new WeakMap<Sentence, number[]>();
/** The words a year, a decade or a period of the year is read from (see `periodAt`). */
const MAY_SAY_WHEN = /^(?:(?:19|20)\d\d|(?:19|20)\d0s|[Tt]he|first|second|third|fourth|[QH][1-4])$/;
function whenTokens(body: string, sentence: Sentence): number[] {
  let found = whenTokensOf.get(sentence);
  if (found) return found;
  found = [];
  const { tokens } = sentence;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    // Most words are none of a year, a decade, a period's first word or a day word: one test says so.
    if (!MAY_SAY_WHEN.test(t.text) && !DAY_WORDS.test(t.text)) continue;
    const decade = /^(?:19|20)\d0s$/.test(t.text) && /^the$/i.test(tokens[k - 1]?.text ?? "");
    const year = (/^(?:19|20)\d\d$/.test(t.text) || decade) && /^(?:in|during)$/i.test(tokens[k - (decade ? 2 : 1)]?.text ?? "");
    // A period read as if of money is found whatever the figure: which one it dates is asked per figure.
    const period = !year && periodAt(body, tokens, k, () => true) !== null;
    const day = DAY_WORDS.test(t.text) && !(isMay(t) && !mayAsMonth(tokens, k));
    if (year || period || day) found.push(k);
  }
  whenTokensOf.set(sentence, found);
  return found;
}

/**
 * A level moved from, set off after the figure, right before a day: ", down from 90,000 on ", "up
 * from 12% in ". Not the level a move started from: "rose to 300 from 250 on Monday" rose on Monday.
 */
const FROM_FIGURE_BEFORE =
  /(?:\b(?:up|down)\s+|,\s*)from\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|more than\s+)?(?:(?:US|A|C|HK)?[$€£¥])?\d[\d,.]*(?:\s*%|\s+[\p{L}-]+){0,2}\s+(?:on|at|in|by|as of|late on|early on)?\s*(?:the\s+)?$/iu;

/** `asOfIn`, with where in the text a day of the sentence it takes is written. */
function asOfWithSpan(
  body: string,
  sentence: Sentence,
  value: { start: number; end: number },
  context: ReadContext,
  publishedAt: Date | null,
): { asOf: Proposal["asOf"]; span: { start: number; end: number } | null } {
  // The day written nearest the value ("had burned 45,000 acres by Wednesday evening"), whole
  // ("Aug. 14", "29 October"); a dateline's day only when the sentence gives no other.
  const dateline = DATELINE.exec(body.slice(sentence.start, sentence.start + 120));
  const datelineEnd = dateline ? sentence.start + dateline[0].length : sentence.start;
  const { tokens } = sentence;
  type Candidate = { text: string; reading: string; distance: number; dateline: boolean; clause: boolean; start: number; end: number };
  let best: Candidate | null = null;
  // A dateline's day last, then a day of the figure's own clause ("which fell 12% on Tuesday, rose
  // 4.4% on Friday": Friday for the 4.4%), then the nearest.
  const better = (c: Candidate, b: Candidate | null) =>
    !b || (b.dateline !== c.dateline ? b.dateline : b.clause !== c.clause ? c.clause : c.distance < b.distance);
  // Whether the figure is a sum or a share, and the sentence a game's: what a quarter or half
  // without its year needs to date the figure, asked at most once per figure.
  let sum: boolean | undefined;
  let game: boolean | undefined;
  const moneyOrShare = () => (sum ??= MONEY_OR_SHARE.test(body.slice(value.start, value.end)));
  const ofAGame = () => (game ??= A_GAME.test(body.slice(sentence.start, sentence.end)));
  for (const k of whenTokens(body, sentence)) {
    const t = tokens[k]!;
    // "up from 72.4% in 2021": a year right after the figure ("in 2021") dates it, as does one
    // opening the sentence ("In 2021, turnout was …"); another figure's year does not.
    // So does a decade: "about 4,000 a year in the 1990s".
    const decade = /^(?:19|20)\d0s$/.test(t.text) && /^the$/i.test(tokens[k - 1]?.text ?? "");
    const lead = decade ? 2 : 1;
    const year =
      (/^(?:19|20)\d\d$/.test(t.text) || decade) &&
      /^(?:in|during)$/i.test(tokens[k - lead]?.text ?? "") &&
      (k === lead || /^[\s\p{L}]{0,30}\s(?:in|during)\s+(?:the\s+)?$/u.test(body.slice(value.end, t.start)));
    if (year) {
      const r = read(body, t.start, t.end, context);
      const distance = t.start < value.start ? value.start - t.end : t.start - value.end;
      const candidate = {
        text: t.text,
        reading: r?.reading ?? "",
        distance,
        dateline: false,
        clause: sameClause(body, sentence, value, t),
        start: t.start,
        end: t.end,
      };
      if (r?.kind === "date" && better(candidate, best)) best = candidate;
      continue;
    }
    // "revenue of $1.2 billion for the first quarter", "in the second half of 2021", "in Q3": a
    // period of the year dates the figure (a fiscal one, the company's own calendar, does not).
    // So it does a count it directly follows: "delivered 386,810 vehicles in the first quarter".
    const period = periodAt(
      body,
      tokens,
      k,
      () =>
        (moneyOrShare() || (t.start > value.end && /^\s+(?:in|during|for|over)\s+$/.test(body.slice(value.end, t.start)))) && !ofAGame(),
    );
    if (period && !overlaps(period, value)) {
      // "14% higher than in the second quarter", "rose 12% from the first quarter": the period a
      // figure is compared with is not when it held.
      if (comparedWith(body.slice(Math.max(sentence.start, period.start - 30), period.start))) continue;
      const r = read(body, period.start, period.end, context);
      if (r?.kind === "date") {
        const candidate = {
          text: body.slice(period.start, period.end),
          reading: r.reading,
          distance: period.start < value.start ? value.start - period.end : period.start - value.end,
          dateline: false,
          clause: sameClause(body, sentence, value, period),
          start: period.start,
          end: period.end,
        };
        if (better(candidate, best)) best = candidate;
      }
      continue;
    }
    if (overlaps(t, value) || !DAY_WORDS.test(t.text) || (isMay(t) && !mayAsMonth(tokens, k))) continue;
    // "40,000 remain in shelters, down from 90,000 on Sunday": the day of the level moved from is not the figure's.
    if (t.start > value.end && FROM_FIGURE_BEFORE.test(body.slice(value.end, t.start))) continue;
    // "$19.3 billion, once June's stock split is allowed for": a day in the possessive after the
    // figure dates what it qualifies, not the figure.
    if (t.start > value.end && /^['’]s\b/.test(body.slice(t.end, t.end + 3))) continue;
    // A month with its day: "Aug. 14", "29 October".
    const [before, after] = [tokens[k - 1], tokens[k + 1]];
    const start = before?.pos === "NUM" && !overlaps(before, value) && before.end + 1 >= t.start ? before.start : t.start;
    // "has infected 4,200 people since January": when the count began, not the day it held.
    if (/^since$/i.test(tokens[start === t.start ? k - 1 : k - 2]?.text ?? "")) continue;
    let end = after?.pos === "NUM" && !overlaps(after, value) && t.end + 1 >= after.start ? after.end : t.end;
    // "March 8, 2014": the year after the comma too.
    const ofYear = MONTH_DAY_END.test(body.slice(start, end)) ? /^,\s*(?:1[89]|20)\d\d(?!\d)/.exec(body.slice(end, end + 8)) : null;
    if (ofYear && !overlaps({ start: end, end: end + ofYear[0].length }, value)) end += ofYear[0].length;
    // "in the January-March quarter", "from April to June": the months from one to the other.
    const toMonth = start === t.start && end === t.end ? MONTH_TO_AHEAD.exec(body.slice(end, end + 40)) : null;
    if (toMonth && !overlaps({ start: end, end: end + toMonth[0].length }, value)) {
      end += toMonth[0].length;
      // "March-April 2023", "the January-March quarter of 2023": the year written after the span is its own.
      const spanYear = /^\s+(?:of\s+)?(?:1[89]|20)\d\d(?!\d)/.exec(body.slice(end, end + 12));
      if (spanYear && !overlaps({ start: end, end: end + spanYear[0].length }, value)) end += spanYear[0].length;
    }
    const found = read(body, start, end, context) ?? read(body, t.start, t.end, context);
    if (found?.kind !== "date") continue;
    // "delivered 1,200 trucks in August", in a March article: last August, written so.
    const r = inThePast(body, tokens, start === t.start ? k : k - 1, found, context);
    const distance = t.start < value.start ? value.start - t.end : t.start - value.end;
    const candidate = {
      text: r.written ?? body.slice(r.start, r.end),
      reading: r.reading,
      distance,
      dateline: t.start < datelineEnd,
      clause: sameClause(body, sentence, value, r),
      start: r.start,
      end: r.end,
    };
    if (better(candidate, best)) best = candidate;
  }
  if (best) return { asOf: { text: best.text, reading: best.reading, how: "sentence" }, span: { start: best.start, end: best.end } };
  if (!publishedAt) return { asOf: null, span: null };
  const { text, reading } = publicationDay(publishedAt);
  return { asOf: { text, reading, how: "published" }, span: null };
}

/** The last publication day written out: every figure without a day of its own is given it. */
let lastPublicationDay: { time: number; text: string; reading: string } | null = null;
/** A publication date as its day, written as people write one ("14 April 2022"), as the form, the claim and the fact sheet show it. */
function publicationDay(publishedAt: Date): { text: string; reading: string } {
  const time = publishedAt.getTime();
  if (lastPublicationDay?.time !== time) {
    const day = publishedAt.toISOString().slice(0, 10);
    lastPublicationDay = { time, text: humanDay(day), reading: `${day} (day)` };
  }
  return lastPublicationDay;
}
