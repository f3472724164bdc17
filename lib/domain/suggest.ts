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
import winkNLP, { type ItemSentence, type ItemToken } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { EntityKind } from "@/lib/domain/claims.ts";
import { foldText } from "@/lib/domain/text.ts";
import { detectValueKind, type NormalizedValue, parseValue, type ValueKind } from "@/lib/domain/values.ts";

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
  | { how: "sentence"; name: string }
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

/** Sentences of a body with their tokens, each at its UTF-16 place in the body. */
export function sentencesOf(body: string): Sentence[] {
  nlp ??= winkNLP(model);
  const its = nlp.its;
  const doc = nlp.readDoc(body);
  const sentences: Sentence[] = [];
  let cursor = 0;
  let tokens: Token[] = [];
  const close = () => {
    if (tokens.length) sentences.push({ start: tokens[0]!.start, end: tokens.at(-1)!.end, tokens });
    tokens = [];
  };
  doc.sentences().each((s: ItemSentence) => {
    s.tokens().each((t: ItemToken) => {
      const text = t.out();
      // A line break ends a sentence too: a headline or a dateline has no full stop.
      if (!text.trim()) {
        if (text.includes("\n")) close();
        return;
      }
      const at = body.indexOf(text, cursor);
      // wink normalises nothing we use, but a token it rewrote is skipped rather than misplaced.
      if (at < 0 || at - cursor > 200) return;
      tokens.push({ start: at, end: at + text.length, text, pos: t.out(its.pos), type: t.out(its.type) });
      cursor = at + text.length;
    });
    close();
  });
  return sentences;
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
const isAnchor = (t: Token) => /\d/.test(t.text) || NUMBER_WORDS.test(t.text) || (DAY_WORDS.test(t.text) && !isMay(t));

/** Words a value does not run into: "$21 billion would", "under 120,000 had". */
const STOP_GROWTH = new Set(["VERB", "AUX", "ADV", "DET", "PRON", "CCONJ", "SCONJ", "PART"]);

type Read = { start: number; end: number; kind: ValueKind; reading: string; unit: string | null; measured: boolean };

function read(body: string, start: number, end: number, context: { referenceDate: Date | null; timeZone?: string }): Read | null {
  const text = body.slice(start, end);
  if (/[\n]/.test(text)) return null;
  const kind = detectValueKind(text, context);
  if (!NUMERIC_KINDS.includes(kind)) return null;
  const parsed = parseValue(text, kind, context);
  return parsed.ok
    ? {
        start,
        end,
        kind,
        reading: parsed.reading,
        unit: unitOf(parsed.value),
        measured: "measure" in parsed.value && Boolean(parsed.value.measure),
      }
    : null;
}

/**
 * The value around an anchor token: grown right while each added word changes the reading
 * ("nearly 500" → "nearly 500 litres … per square metre"), left over words that change it too
 * ("at least", "$"), so trailing words the parser ignores ("have died") stay out.
 */
function valueAt(
  body: string,
  tokens: Token[],
  i: number,
  from: number,
  context: { referenceDate: Date | null; timeZone?: string },
): Read | null {
  let best = read(body, tokens[i]!.start, tokens[i]!.end, context);
  let last = i;
  for (let j = i + 1; j < Math.min(tokens.length, i + 10); j++) {
    // Parentheses hold the source's own conversion: "12 kilometres (7.5 miles)", "20:11 local time (19:11 GMT)".
    if (tokens[j]!.pos === "PUNCT" ? !/^[%:.()]$/.test(tokens[j]!.text) : STOP_GROWTH.has(tokens[j]!.pos)) break;
    if (/^[:.(]$/.test(tokens[j]!.text)) continue; // inside "8:12 p.m.", never its end
    const r = read(body, tokens[i]!.start, tokens[j]!.end, context);
    if (!r) continue;
    const text = body.slice(r.start, r.end);
    if (text.split("(").length !== text.split(")").length) continue;
    // A bare figure may turn out a date or time ("29 October", "8 p.m."); a counted one stays a count.
    // "9.1" becomes "9.1%"; only a day of the month, a year or a clock reading becomes a date or a
    // time: "158 on Thursday" is a count.
    const bare = best && /^(?:[0-3]?\d|\d{4}|\d{1,2}[:.]\d\d)$/.test(body.slice(best.start, best.end));
    if (best && r.kind !== best.kind && !bare && !FIGURES.includes(r.kind)) continue;
    if (!best || r.reading !== best.reading || r.kind !== best.kind) {
      best = r;
      last = j;
    }
  }
  if (!best) return null;
  // Never back into the value before ("31 October to Saturday 2" then "November").
  for (let k = i - 1; k >= Math.max(0, i - 3) && tokens[k]!.start >= from; k--) {
    if (tokens[k]!.pos === "PUNCT") break;
    const r = read(body, tokens[k]!.start, tokens[last]!.end, context);
    // "$" before "44bn" makes a number money: a change of kind to the left is welcome.
    if (r && (r.kind === best.kind || r.kind === "money" || r.kind === "percentage") && r.reading !== best.reading) {
      best = r;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Cues

/** Built-in cue words and the attribute they suggest; a learned cue beats them. */
/** What a value must be for a built-in cue to name it: a count ("120 people"), a measure ("3 m"), money, a share, a date. */
type Shape = "count" | "measure" | "money" | "percentage" | "date";

const CUES: [RegExp, string, Shape[]][] = [
  [/\bvalu(?:ed|ing|ation)\b/, "Valuation", ["money"]],
  [/\b(?:killed|dead|died|deaths?|death toll|toll|fatalities|lives)\b/, "Death toll", ["count"]],
  [/\b(?:injured|wounded|hurt|injuries)\b/, "Injured", ["count"]],
  [/\bmissing\b/, "People missing", ["count"]],
  [/\b(?:evacuated|displaced|homeless)\b/, "People displaced", ["count"]],
  [/\bdepth\b/, "Depth", ["measure"]],
  [/\bmagnitude\b/, "Magnitude", ["count"]],
  [/\b(?:founded|established)\b/, "Founded", ["date"]],
  [/\b(?:revenue|sales|turnover)\b/, "Revenue", ["money"]],
  [/\b(?:profit|earnings|net income)\b/, "Profit", ["money"]],
  [/\b(?:rain|rainfall|precipitation)\b/, "Rainfall", ["measure"]],
  [/\b(?:offer|bid|deal|takeover|buy|acquire|acquisition)\b/, "Offer price", ["money"]],
  [/\b(?:shares?|stake)\b/, "Stake", ["percentage", "count"]],
  [/\b(?:employees|staff|workforce|jobs)\b/, "Employees", ["count"]],
  [/\b(?:users|subscribers|customers)\b/, "Users", ["count"]],
];

const shapeOf = (value: Read): Shape =>
  value.kind === "number" ? (value.measured ? "measure" : "count") : value.kind === "time" ? "date" : (value.kind as Shape);

/** The built-in cue nearest a value, from the folded text before and after it. */
function nearestCue(before: string, after: string, shape: Shape): { label: string; cue: string } | null {
  let best: { label: string; cue: string; distance: number } | null = null;
  for (const [re, label, shapes] of CUES) {
    if (!shapes.includes(shape)) continue;
    const global = new RegExp(re.source, "g");
    for (const m of before.matchAll(global)) {
      const distance = before.length - m.index - m[0].length;
      if (!best || distance < best.distance) best = { label, cue: m[0], distance };
    }
    const m = re.exec(after);
    // A word after the value ("120 people killed") counts a little farther than one before.
    if (m && (!best || 2 * m.index + 10 < best.distance)) best = { label, cue: m[0], distance: 2 * m.index + 10 };
  }
  return best && { label: best.label, cue: best.cue };
}

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

/** The cue of a span: up to five content words before it in its sentence, nearest last. */
function cueBefore(body: string, sentenceStart: number, start: number): string[] {
  return cueWords(body.slice(Math.max(sentenceStart, start - 80), start)).slice(-5);
}

type Learned = { words: string[]; attribute: string; subjectId: string; valueKind: ValueKind; unit: string | null };

/** The unit of measure or currency of a figure ("l/m²", "USD", "%"), to keep a rainfall cue off a duration. */
const unitOf = (value: NormalizedValue) =>
  "measure" in value && value.measure ? value.measure.dimension : "unit" in value ? value.unit : null;

function learn(claims: RecordedClaim[]): Learned[] {
  return claims.map((c) => {
    const quote = c.body.slice(c.start, c.end);
    const at = quote.indexOf(c.valueText);
    const valueStart = at >= 0 ? c.start + at : c.start;
    const valueEnd = at >= 0 ? valueStart + c.valueText.length : c.end;
    // The quote's words around the value, and up to five before the quote in its sentence.
    // The words nearest the value: a long quote's far words ("the King walked through the mud") are not its cue.
    const before = cueWords(c.body.slice(Math.max(0, c.start - 60), valueStart).replace(/^.*[.!?]\s/s, "")).slice(-4);
    // After it: the quote's next words, or the value's own nouns when the quote is the value ("500 litres of rain").
    const after = cueWords(c.body.slice(valueEnd === c.end ? valueStart : valueEnd, c.end))
      .filter((w) => !before.includes(w))
      .slice(0, 3);
    const parsed = parseValue(c.valueText, c.valueKind);
    const unit = parsed.ok ? unitOf(parsed.value) : null;
    // The analyst's own label is a cue too: "Stake in Twitter" for "a 9.1% stake in Twitter".
    // Its dates ("Rainfall on 29 October") are not: any date in a sentence would match them.
    const label = cueWords(c.attribute).filter((w) => !before.includes(w) && !after.includes(w) && !DAY_WORDS.test(w));
    return { words: [...before, ...after, ...label], attribute: c.attribute, subjectId: c.subjectId, valueKind: c.valueKind, unit };
  });
}

const FIGURES: ValueKind[] = ["money", "number", "percentage"];
/** A learned cue applies to a value of its kind (any figure for a figure) and, when both have one, its unit. */
const compatible = (cue: Learned, value: Read) =>
  (cue.valueKind === value.kind || (FIGURES.includes(cue.valueKind) && FIGURES.includes(value.kind))) &&
  (!cue.unit || !value.unit || cue.unit === value.unit || cue.valueKind !== value.kind);

/** The learned cue sharing most words with the span's context, nearer words weighing more. */
function bestLearned(context: string[], after: string[], value: Read, learned: Learned[]): { cue: Learned; score: number } | null {
  let best: { cue: Learned; score: number } | null = null;
  for (const cue of learned) {
    if (!compatible(cue, value)) continue;
    let score = 0;
    context.forEach((w, i) => {
      if (cue.words.includes(w)) score += 1 + i / context.length;
    });
    for (const w of after) if (cue.words.includes(w)) score += 1;
    // One far word in common ("people") is chance, not a cue.
    if (score >= 1.5 && (!best || score > best.score)) best = { cue, score };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Subjects

type Mention = { entity: SuggestEntity; at: number };

function mentionsIn(body: string, sentence: Sentence, entities: SuggestEntity[]): Mention[] {
  const text = body.slice(sentence.start, sentence.end);
  const folded = foldText(text);
  const found: Mention[] = [];
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      const n = foldText(name);
      if (n.length < 2) continue;
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u");
      const m = re.exec(folded);
      // Folding keeps lengths close enough for "nearest": the offset is approximate.
      if (m) found.push({ entity, at: sentence.start + Math.round((m.index * text.length) / Math.max(1, folded.length)) });
    }
  }
  return found;
}

/** The sentence's first run of proper nouns before the value: its subject, as far as the tagger sees. */
function sentenceSubject(sentence: Sentence, before: number): string | null {
  const run: Token[] = [];
  for (const t of sentence.tokens) {
    if (t.start >= before) break;
    if (t.pos === "PROPN" && !DAY_WORDS.test(t.text)) run.push(t);
    else if (run.length) break;
  }
  return run.length ? run.map((t) => t.text).join(" ") : null;
}

// ---------------------------------------------------------------------------------------------

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Proposals for one article, in reading order. */
export function suggestClaims(input: SuggestInput): Proposal[] {
  const { article, entities } = input;
  const body = article.body;
  const context = { referenceDate: article.publishedAt, timeZone: input.timeZone };
  const recorded = input.claims.filter((c) => c.articleId === article.id);
  const learned = learn(input.claims.filter((c) => c.articleId !== article.id));
  const rejections = new Map<string, number>();
  const rejectedSpans: { start: number; end: number }[] = [];
  for (const r of input.rejected ?? []) {
    if (r.span?.articleId === article.id) rejectedSpans.push(r.span);
    const key = cueWords(r.cue).join(" ");
    if (key) rejections.set(key, (rejections.get(key) ?? 0) + 1);
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  const proposals: Proposal[] = [];
  for (const sentence of sentencesOf(body)) {
    // The importer keeps an article's licence line ("Licence: CC0 1.0"): its figures are no claims.
    if (/^(?:Licen[cs]e|Copyright|Photo|Image)\b/i.test(body.slice(sentence.start, sentence.start + 12))) continue;
    const { tokens } = sentence;
    let mentions: Mention[] | null = null;
    let covered = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.start < covered || !isAnchor(tokens[i]!)) continue;
      const value = valueAt(body, tokens, i, covered, context);
      if (!value) continue;
      covered = value.end;
      if (recorded.some((c) => overlaps(c, value)) || rejectedSpans.some((r) => overlaps(r, value))) continue;
      const text = body.slice(value.start, value.end);
      const cue = cueBefore(body, sentence.start, value.start);
      if ((rejections.get(cue.join(" ")) ?? 0) >= 2) continue;
      const after = [...cueWords(text), ...cueWords(body.slice(value.end, Math.min(sentence.end, value.end + 40))).slice(0, 3)];
      mentions ??= mentionsIn(body, sentence, entities);

      const match = bestLearned(cue, after, value, learned);
      let attribute: AttributeGuess;
      if (match) attribute = { label: match.cue.attribute, how: "learned", cue: match.cue.words.join(" ") };
      else {
        // "The death toll from the floods that struck eastern Spain … climbed to 158": the cue may be far
        // back, so the nearest cue word wins, before the value or just after it.
        const before = foldText(body.slice(Math.max(sentence.start, value.start - 150), value.start));
        const after = foldText(body.slice(value.end, Math.min(sentence.end, value.end + 30)));
        const builtIn = nearestCue(before, after, shapeOf(value));
        attribute = builtIn ? { label: builtIn.label, how: "cue", cue: builtIn.cue } : { label: null, how: "none", cue: cue.join(" ") };
      }

      let subject: SubjectGuess = { how: "none" };
      // A built-in cue naming an attribute already recorded ("Death toll") takes that claim's subject too.
      const sameLabel = attribute.label ? learned.find((l) => foldText(l.attribute) === foldText(attribute.label!)) : undefined;
      const learnedSubject = byId.get((match?.cue ?? sameLabel)?.subjectId ?? "");
      const nearest = [...mentions].sort((a, b) => Math.abs(a.at - value.start) - Math.abs(b.at - value.start))[0];
      // A learned event ("the flood's death toll") is seldom named beside its figures: it beats a place mentioned.
      if (learnedSubject && (learnedSubject.kind === "event" || mentions.some((m) => m.entity.id === learnedSubject.id)))
        subject = { how: "mention", entityId: learnedSubject.id, name: learnedSubject.name };
      else if (nearest && (!learnedSubject || nearest.entity.kind === learnedSubject.kind))
        subject = { how: "mention", entityId: nearest.entity.id, name: nearest.entity.name };
      else if (learnedSubject) subject = { how: "learned", entityId: learnedSubject.id, name: learnedSubject.name };
      else if (nearest) subject = { how: "mention", entityId: nearest.entity.id, name: nearest.entity.name };
      else {
        const name = sentenceSubject(sentence, value.start);
        if (name) subject = { how: "sentence", name };
      }

      const asOf = value.kind === "date" || value.kind === "time" ? null : asOfIn(body, sentence, value, context, article.publishedAt);
      const confidence =
        (value.kind === "number" && !/[a-z]{3,}$/i.test(text) ? 0.3 : 0.5) +
        (attribute.how === "learned" ? 0.3 : attribute.how === "cue" ? 0.2 : 0) +
        (subject.how === "mention" ? 0.2 : subject.how === "learned" ? 0.1 : 0);
      proposals.push({
        start: value.start,
        end: value.end,
        quote: text,
        valueKind: value.kind,
        valueText: text,
        reading: value.reading,
        subject,
        attribute,
        asOf,
        confidence: Math.min(1, Math.round(confidence * 100) / 100),
        cue: cue.join(" "),
      });
    }
  }
  return proposals;
}

/** A date in the value's sentence ("on Thursday"), else the article's publication date. */
function asOfIn(
  body: string,
  sentence: Sentence,
  value: { start: number; end: number },
  context: { referenceDate: Date | null; timeZone?: string },
  publishedAt: Date | null,
): Proposal["asOf"] {
  for (const t of sentence.tokens) {
    if (overlaps(t, value) || !DAY_WORDS.test(t.text) || isMay(t)) continue;
    const r = read(body, t.start, t.end, context);
    if (r?.kind === "date") return { text: t.text, reading: r.reading, how: "sentence" };
  }
  if (!publishedAt) return null;
  const day = publishedAt.toISOString().slice(0, 10);
  return { text: day, reading: `${day} (day)`, how: "published" };
}
