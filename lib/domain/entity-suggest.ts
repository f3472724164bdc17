/**
 * Names in an article (issue 14, item 4): mentions of the investigation's entities are linked,
 * and the other proper names the text gives are proposed, either as an alias of an entity whose
 * name is close by the naming rules (`namesLikelySame`, the rules naming conflicts use), or as a
 * new entity of a guessed kind. Pure: offsets are JavaScript (UTF-16) indices into the body.
 *
 * Proper names are runs of proper nouns as wink-nlp tags them (`sentencesOf`, shared with the
 * claim suggestions), joined over "of", "de", "la"… ("Department of Defense", "Alhaurín de la
 * Torre"), without the titles before them ("CEO", "Secretary of Defense"), the days and months,
 * and the lines that name the writer or the outlet (bylines, datelines, licence lines).
 */
import { articleBlocks } from "@/lib/domain/article-blocks.ts";
import type { EntityKind } from "@/lib/domain/claims.ts";
import { namesLikelySame } from "@/lib/domain/conflicts.ts";
import { NAME_JOINERS, namesAnOrganization, titleCaseByLine, titlesBeforeNames, withoutTitles } from "@/lib/domain/role-suggest.ts";
import { opensWithGivenName } from "@/lib/domain/given-names.ts";
import { isCommonWord, lowerCaseWords, ownPossessive, sentencesOf, type SuggestEntity, webEnding } from "@/lib/domain/suggest.ts";
import { CITIES, COUNTRIES, REGIONS } from "@/lib/domain/countries.ts";
import { DATELINE, foldText, lineStartOf } from "@/lib/domain/text.ts";

export type EntityMention = { entityId: string; start: number; end: number };

/** An entity a proposed name may be another name of, with the naming rule that says so. */
export type AliasCandidate = { entityId: string; name: string; kind: EntityKind; why: string; score: number };

export type NameProposal = {
  /** The name as the text first writes it. */
  name: string;
  /** The name folded (lib/domain/text.ts): what one proposal per name, and a dismissal, go by. */
  folded: string;
  /** Every place the text writes it, in reading order. */
  spans: { start: number; end: number }[];
  /** The kind a new entity of this name would probably be. */
  kind: EntityKind;
  /** Entities whose names are close, best first (at most three): "add as an alias of …". */
  aliasOf: AliasCandidate[];
  /** The surname alone, where the text also writes it after the full name ("Amodei"): its places are among `spans`. */
  shortForms: string[];
};

export type NameSuggestions = { mentions: EntityMention[]; names: NameProposal[] };

export type NameSuggestInput = {
  body: string;
  entities: SuggestEntity[];
  /** Folded names dismissed in this investigation: not proposed again. */
  dismissed?: ReadonlySet<string>;
};

/** The weakest naming-rule match offered as an alias: weaker hints (shared leading words) are noise here. */
const ALIAS_MIN_SCORE = 0.5;
const ALIASES_OFFERED = 3;

// ---------------------------------------------------------------------------------------------
// Known names, found in the body folded

/** One character folded as `foldText` folds text, without trimming: its length may change. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : /\s/.test(c) ? " " : c;
  if (/\s/u.test(c)) return " ";
  return foldText(c) || (/\p{M}/u.test(c) ? "" : c);
}

/** A typed array copied into a larger one. */
function grown<T extends Uint16Array | Int32Array>(a: T, into: T): T {
  into.set(a);
  return into;
}

/** Non-ASCII characters folded so far: a body repeats few distinct ones. */
const foldedChars = new Map<string, string>();

/** The body folded, with where each folded unit came from, so a match maps back to exact offsets. */
function foldWithOrigins(body: string): { folded: string; from: Int32Array; to: Int32Array } {
  // One pass over UTF-16 units into typed arrays: a string piece and two array pushes per
  // character took over a second for a 2 MB body. ASCII, most of any body, is folded inline.
  let units = new Uint16Array(body.length + 16);
  let from = new Int32Array(units.length);
  let to = new Int32Array(units.length);
  let n = 0;
  let lastSpace = false;
  for (let i = 0; i < body.length;) {
    const code = body.charCodeAt(i);
    if (code < 128) {
      const space = code === 32 || (code >= 9 && code <= 13);
      // A run of spaces folds to one, as in a folded name.
      if (space && lastSpace) to[n - 1] = i + 1;
      else {
        units[n] = space ? 32 : code >= 65 && code <= 90 ? code + 32 : code;
        from[n] = i;
        to[n] = i + 1;
        n++;
        lastSpace = space;
      }
      i++;
      continue;
    }
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < body.length && (body.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const c = pair ? body.slice(i, i + 2) : body[i]!;
    let f = foldedChars.get(c);
    if (f === undefined) {
      f = foldChar(c);
      if (foldedChars.size < 10_000) foldedChars.set(c, f);
    }
    const end = i + c.length;
    if (f === " " && lastSpace) to[n - 1] = end;
    else if (f) {
      // Room for this character's units and one for each unit left, as ASCII is written unchecked.
      const needed = n + f.length + body.length - end;
      if (needed > units.length) {
        // No closure over the loop's variables here: V8 would allocate their scope on every character.
        const size = needed * 2 + 16;
        units = grown(units, new Uint16Array(size));
        from = grown(from, new Int32Array(size));
        to = grown(to, new Int32Array(size));
      }
      for (let k = 0; k < f.length; k++) {
        units[n] = f.charCodeAt(k);
        from[n] = i;
        to[n] = end;
        n++;
      }
      lastSpace = f === " ";
    }
    i = end;
  }
  const pieces: string[] = [];
  for (let k = 0; k < n; k += 8192) pieces.push(String.fromCharCode(...units.subarray(k, Math.min(n, k + 8192))));
  return { folded: pieces.join(""), from, to };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every place the body writes an entity's name or alias (folded), the longest name winning where names overlap. */
export function findMentions(body: string, entities: SuggestEntity[]): EntityMention[] {
  const byName = new Map<string, string>();
  for (const e of entities) {
    for (const name of [e.name, ...e.aliases]) {
      const folded = foldText(name);
      // One letter is no name to look for; the first entity with a name keeps it.
      if (folded.replace(/[^\p{L}\p{N}]/gu, "").length >= 2 && !byName.has(folded)) byName.set(folded, e.id);
    }
  }
  if (!byName.size) return [];
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(names.map(escape).join("|"), "g");
  const { folded, from, to } = foldWithOrigins(body);
  const found: EntityMention[] = [];
  const wordy = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  // Word edges checked by hand: a lookbehind at every place in a long body costs seconds.
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const end = m.index + m[0].length;
    if (wordy(folded[m.index - 1]) || wordy(folded[end])) {
      re.lastIndex = m.index + 1;
      continue;
    }
    found.push({ entityId: byName.get(m[0])!, start: from[m.index]!, end: to[end - 1]! });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Proper names

type Token = ReturnType<typeof sentencesOf>[number]["tokens"][number];

/** Small words inside a name: "Bank of America", "Alhaurín de la Torre", "Ludwig van Beethoven". */
/** Small words inside a name: "Bank of England", "Centers for Disease Control". */
const JOINERS = new Set([...NAME_JOINERS, "for"]);
/** Of those, the ones a name may start with ("Los Angeles", "Al Pacino") or join with a hyphen ("al-Assad"). */
const NAME_PARTICLES = new Set("de del la las los da di du van von der den al el bin ibn".split(" "));

/** Days, months and the holidays news dates things by ("a deal by Christmas"): no names of their own. */
const DAYS_AND_MONTHS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|christmas|easter|thanksgiving|ramadan|hanukkah|diwali)\.?$/i;

/** Words before a name that say what someone is, not who: "CEO Dario Amodei", "Secretary of Defense Pete Hegseth". */
const TITLES = new Set(
  (
    "mr mrs ms miss dr prof sir dame ceo cfo coo cto chief executive president vice prime minister secretary senator sen rep " +
    "representative governor gov mayor judge justice chairman chairwoman chair director general gen colonel col captain capt " +
    "lieutenant sergeant sgt king queen prince princess pope chancellor ambassador commissioner spokesman spokeswoman " +
    "spokesperson founder co-founder officer deputy acting former premier sheriff leader head under"
  ).split(" "),
);
const PERSON_TITLES = new Set(
  (
    "mr mrs ms miss dr prof sir dame ceo senator sen rep representative president secretary governor gov mayor judge " +
    "pope king queen prince princess chancellor ambassador premier sheriff colonel col captain capt sergeant sgt lieutenant"
  ).split(" "),
);

/** A title or occupation written after a name and a comma: "Emil Michael, the Under-Secretary", "Dana Ortiz, a spokeswoman". */
const PERSON_OFFICES =
  "secretary|minister|president|senator|governor|mayor|judge|ambassador|chancellor|commissioner|spokes(?:man|woman|person)|chief|ceo|cfo|founder|co-founder|chair(?:man|woman)?|director|leader|economist|analyst|professor|lawyer|attorney|researcher|scientist";
const PERSON_TITLES_AFTER = new RegExp(String.raw`^(?:under|vice|${PERSON_OFFICES})$`, "i");

/** Capitalised words that are no name of their own. */
const NOT_NAMES = new Set(
  // Measures and deals written in capitals ("90% of GDP", "the IPO") name nothing either.
  (
    "i ai tv gmt utc bst cet cest est edt cst cdt mst mdt pst pdt ist jst aest aedt pm am a.m. p.m. ok inc ltd co d.c. " +
    "gdp gnp gni cpi ppi pmi ipo eps ebitda ebit roi roe cagr yoy qoq arr aum apr apy vat gst fdi kpi"
  ).split(" "),
);
/** Of those, the ones that end a name: "Scale AI", "Apple TV". */
const NAME_ENDINGS = new Set(["ai", "tv", "inc", "ltd", "co"]);
const endsName = (word: string) => {
  const lower = word.toLowerCase();
  return !TITLES.has(lower) && (!NOT_NAMES.has(lower) || NAME_ENDINGS.has(lower));
};

const PLACE_WORDS =
  /\b(?:city|county|province|region|state|street|river|valley|island|islands|mountains?|lake|bay|coast|district|square|avenue|road)$/i;
const EVENT_WORDS =
  /\b(?:storm|hurricane|typhoon|cyclone|tornado|floods?|fire|wildfire|bushfire|blaze|tsunami|eruption|landslide|earthquake|quake|war|summit|election|olympics|cup|festival|conference|crisis|games)\b/i;
/** A grade or a step written as a word and its number: "Category 3", "Level 4", "Phase 2", "Stage 1". */
const GRADE = /^(?:Category|Cat|Level|Phase|Grade|Stage|Tier|Class|Type|Step|Round|Week|Day|Game|Section|Chapter|Article)\s+\d+[A-Z]?$/;
/** A noun after a name that makes it an organisation: "the Chega party", "the Wagner group". */
const ORGANIZATION_AFTER = /^(?:party|group|company|firm|bank|agency|ministry|union|movement|alliance|coalition|militia|network|fund)$/;
/**
 * What a company has and a person or a place does not, written after its name: "Twitter's shares",
 * "Acme's board", "Tesla stock", "Twitter said its board would …" (a person says "his" or "her").
 */
const ORGANIZATION_NEXT =
  /^(?:['’]s\s+(?:board|shareholders|stock|share price|shares|revenues?|sales|profits?|earnings|employees|workforce|headquarters|chief executive|ceo|chair(?:man|woman)?|subsidiar(?:y|ies)|parent company|annual report|quarterly)\b|\s+(?:shares|stock)\s+(?:rose|fell|jumped|climbed|dropped|slid|gained|lost|closed|were|traded|surged|tumbled|plunged|leaped|leapt|ended|opened)\b|\s+(?:has\s+|had\s+)?(?:said|says|announced|reported|confirmed|added)\s+(?:on\s+\p{L}+\s+)?(?:that\s+)?its\b)/iu;
/** An office held in a company, written before its name: "chief executive of Tesla", "the CEO of Acme". */
const ORGANIZATION_LEAD =
  /\b(?:chief (?:executive|financial|operating|technology) officer|chief executive|ceo|cfo|chair(?:man|woman)?|co-founder|founder|shareholders?|employees?|board) of\s+$/i;
/**
 * What a company is, written in lower case before its name (or before the names it lists):
 * "crypto exchange Binance", "venture firm Sequoia Capital", "asset managers Brookfield and Fidelity".
 */
const ORGANIZATION_NOUN =
  "(?:exchange|firm|company|bank|lender|insurer|carrier|airline|carmaker|automaker|chipmaker|drugmaker|maker|manufacturer|retailer|managers|brokerage|broker|startup|start-up|conglomerate|operator|publisher|newspaper|broadcaster|regulator|watchdog|giant|funds?|outlet)";
const ORGANIZATION_NOUN_LEAD = new RegExp(
  String.raw`\b${ORGANIZATION_NOUN}\s+(?:(?:\p{Lu}[\p{L}.&'’-]*\s+){1,3}(?:and|or)\s+|(?:\p{Lu}[\p{L}.&'’-]*\s+){1,3},\s+)?$`,
  "u",
);
/** "Crypto exchange Binance", "Digital bank Monzo": the sentence's first word describes the company named after it. */
const DESCRIBES_COMPANY = new RegExp(String.raw`^\s+(?:\p{Ll}+\s+)?${ORGANIZATION_NOUN}\s+\p{Lu}`, "u");
/** An office and a comma right before a name: "its chief executive, Satya Nadella". */
const PERSON_LEAD = new RegExp(String.raw`\b(?:chief executive|${PERSON_OFFICES})\s*,\s+$`, "i");
/** Whether the words around a name say it is a company's (see guessKind). */
const companyAround = (around: { lead: string; rest: string }) =>
  ORGANIZATION_NEXT.test(around.rest) || ORGANIZATION_LEAD.test(around.lead) || ORGANIZATION_NOUN_LEAD.test(around.lead);
/** Words before a name that put it on a map: "in Valencia", "near Paiporta". */
const PLACE_BEFORE = new Set(["in", "near", "across", "outside", "around"]);
/** Words after a name that make it someone: "Musk said", "Taylor told". */
const PERSON_AFTER = /^(?:said|says|told|added|wrote|tweeted|argued|explained|noted|who)$/i;
/** A person's occupation written before their name, in lower case: "said economist Razia Khan", "analyst Dan Ives". */
const PERSON_BEFORE =
  /^(?:leader|manager|economist|analyst|strategist|spokes(?:man|woman|person)|professor|lawyer|attorney|researcher|scientist|seismologist|meteorologist|editor|reporter|correspondent|novelist|actor|actress|singer|coach|striker|midfielder|defender|goalkeeper|captain|candidate|activist|executive|founder|co-founder|chairman|chairwoman|nurse|doctor|dr|survivor|resident|witness|mother|father|son|daughter|wife|husband|widow)$/;

const hasCapital = (t: Token) => /^[\p{Lu}\p{N}]/u.test(t.text) || /\p{Lu}/u.test(t.text.slice(1));

/** Lines that name who wrote the article or under which licence, not what it is about. */
const CREDIT_LINE = /^(?:By|Reporting by|Writing by|Editing by|Additional reporting|Licen[cs]e|Copyright|Photo|Image)\b/;
/** "MADRID (Reuters) -": the place and outlet a wire story opens with. */

type Run = { tokens: Token[]; sentenceStart: boolean };

/** Parts of speech wink gives a surname that is also a word ("Garland", "Bush", "Rice"). */
const WORD_TAGS = new Set(["NOUN", "VERB", "ADJ"]);

/** Words a sentence opens with before a name, no part of it: "Yesterday Acme said". */
const SENTENCE_OPENERS =
  /^(?:yesterday|today|tomorrow|tonight|meanwhile|earlier|later|now|then|also|however|still|separately|elsewhere|overnight)$/i;

/**
 * "Securities and Exchange Commission", "Disaster and Emergency Management Authority": an "and"
 * inside an organisation's name, after one ordinary word, where the capitalised words after it end
 * the way organisations' names end. "Google and Amazon" and "Brookfield and Fidelity Bank" stay two.
 */
function andInOrganization(tokens: Token[], i: number, run: Token[]): boolean {
  if (tokens[i]!.text !== "and") return false;
  let end = i + 1;
  while (end < tokens.length && end < i + 7 && /^\p{Lu}/u.test(tokens[end]!.text)) end++;
  if (end === i + 1) return false;
  const words = tokens.slice(i + 1, end).map((t) => t.text);
  // "Food and Drug Administration", "the U.S. Food and Drug Administration".
  if (isCommonWord(run.at(-1)!.text) && namesAnOrganization(words.join(" "))) return true;
  // "Centers for Disease Control and Prevention (CDC)": the short form in brackets after it spells
  // the first letters of the whole name.
  const short = tokens[end]?.text === "(" ? tokens[end + 1]?.text : undefined;
  if (!short || !/^\p{Lu}{2,}$/u.test(short)) return false;
  const initials = [...run.map((t) => t.text), ...words]
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
  return initials.length >= 3 && initials.startsWith(short);
}

/**
 * How a people's adjective ends: "Venezuelan", "Korean", "Mexican", "Cuban", "Kenyan", "Tibetan",
 * "German", "Chinese", "Spanish", "Dutch", "Ugandan", "Afghan", "Salvadoran". Not the places that
 * end alike: "Iran", "Japan", "Pakistan", "Michigan", "Taiwan", "Manhattan", "Bhutan", "Vatican",
 * "Oman" talks or officials.
 */
const DEMONYM = /(?:[ei]an|(?<!ti)can|[ylb]an|ndan|ghan|doran|(?<!s|hat|hu)tan|(?<!^O)man|ese|ish|ch)$/;

/** What two names joined by a hyphen have between them: "US-China talks", "the India-Pakistan border". */
const BETWEEN_TWO =
  /^(?:talks|war|wars|border|borders|ceasefire|truce|relations|ties|trade|summit|deal|accord|agreement|conflict|tensions|dispute|rivalry|alliance|partnership|pact|treaty|negotiations|clash|clashes|standoff|fixture|match|flights|pipeline|corridor)$/;

/**
 * "US-China talks", "the Israel-Hamas war": two names across a hyphen, when what follows passes
 * between two and one of them is a country. "The Coca-Cola deal", "Hewlett-Packard trade" stay one.
 */
const twoNamesAcross = (first: string, second: string, next: string) =>
  BETWEEN_TWO.test(next) && (COUNTRIES.has(foldText(first)) || COUNTRIES.has(foldText(second)));

/** The runs of proper nouns in a sentence, joined over small words, as candidates for names. */
function properNounRuns(tokens: Token[], body: string, skipUntil: number, titleCaseLine: boolean): Run[] {
  const runs: Run[] = [];
  let run: Token[] = [];
  // After a dateline ("NAIROBI, March 4 —") the sentence starts again.
  const firstWord = tokens.findIndex((t) => t.pos !== "PUNCT" && t.start >= skipUntil);
  let runStartsSentence = false;
  const close = () => {
    while (run.length && JOINERS.has(run.at(-1)!.text.toLowerCase())) run.pop();
    if (run.length) runs.push({ tokens: run, sentenceStart: runStartsSentence });
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start < skipUntil) continue;
    const gap = run.length ? body.slice(run.at(-1)!.end, t.start) : "";
    // A comma, a line break or a quotation mark between two names makes two names.
    if (run.length && !/^[ \t]*$/.test(gap)) close();
    // A capitalised word right after a name, in prose, goes on with it whatever its tag: wink reads
    // the "Garland" of "Merrick Garland" as a verb. In a headline every word has a capital.
    const misread = run.length > 0 && !titleCaseLine && /^\p{Lu}\p{Ll}/u.test(t.text) && WORD_TAGS.has(t.pos);
    // "Scale AI", "Constitutional AI", "Apple TV": a short form in capitals after an ordinary word
    // with a capital ends a name, whatever its tag; not after a name of its own ("U.S. AI policy",
    // "Anthropic AI models"), nor a title ("Anthropic CEO Dario Amodei") or a time zone.
    const acronym =
      run.length > 0 && /^\p{Lu}{2,5}$/u.test(t.text) && t.pos !== "PROPN" && isCommonWord(run.at(-1)!.text) && endsName(t.text);
    // "Highway 49", "Flight 370", "Reactor 4": an ordinary noun made a name by its number.
    // Not a plural ("the Conservatives 121") nor a count of what follows ("gave Labour 412 seats").
    const after = tokens[i + 1];
    const numbered =
      run.length > 0 &&
      /^\d{1,4}$/.test(t.text) &&
      isCommonWord(run.at(-1)!.text) &&
      /^\p{Lu}/u.test(run.at(-1)!.text) &&
      !/\p{Ll}s$/u.test(run.at(-1)!.text) &&
      !(after && after.start === t.end + 1 && /^\p{Ll}{2,}s$/u.test(after.text));
    // "the Office for National Statistics", "Ford Motor Co": a capitalised word wink tags as a common
    // one starts a name when a proper noun follows it, or "for"/"of" and one. At a sentence's start,
    // where a capital says nothing, only a proper noun right after it does, and never after a
    // plural or a verb form ("Officials Said", "Shares of Acme").
    const next = tokens[i + 1];
    const nextProper = (k: number) => tokens[k]?.pos === "PROPN" && hasCapital(tokens[k]!) && tokens[k]!.start === tokens[k - 1]!.end + 1;
    const opens =
      !run.length &&
      !titleCaseLine &&
      /^\p{Lu}\p{Ll}+$/u.test(t.text) &&
      WORD_TAGS.has(t.pos) &&
      next !== undefined &&
      (i === firstWord
        ? nextProper(i + 1) && !/\p{Ll}(?:s|ing|ed)$/u.test(t.text) && !SENTENCE_OPENERS.test(t.text) && !DAYS_AND_MONTHS.test(t.text)
        : nextProper(i + 1) || (JOINERS.has(next.text.toLowerCase()) && next.start === t.end + 1 && nextProper(i + 2)));
    // "Theresa May said": wink reads the month as the verb; after a given name it is a surname.
    const monthSurname =
      run.length === 1 &&
      /^\p{Lu}\p{Ll}+$/u.test(t.text) &&
      DAYS_AND_MONTHS.test(t.text) &&
      t.start === run[0]!.end + 1 &&
      opensWithGivenName(`${run[0]!.text} ${t.text}`);
    const proper = (t.pos === "PROPN" && hasCapital(t)) || misread || acronym || numbered || opens || monthSurname;
    // "the U.S. Department of the Army", "Bank of the West", "Friends of the Earth": an
    // organisation's name, or one capitalised word inside a sentence (not a title), goes on over "of the".
    const lead = body.slice(run[0]?.start ?? 0, run.at(-1)?.end ?? 0);
    if (
      run.length > 0 &&
      (t.text === "of" || (t.text === "for" && namesAnOrganization(body.slice(run[0]!.start, run.at(-1)!.end)))) &&
      tokens[i + 1]?.text === "the" &&
      nextProper(i + 2) &&
      (namesAnOrganization(lead) || (run.length === 1 && !runStartsSentence && !TITLES.has(lead.toLowerCase())))
    ) {
      run.push(t, tokens[++i]!);
      continue;
    }
    // "Bashar al-Assad", "Abdel Fattah el-Sisi": a particle and a hyphen against the next name.
    const hyphenated =
      NAME_PARTICLES.has(t.text) &&
      tokens[i + 1]?.text === "-" &&
      tokens[i + 1]!.start === t.end &&
      tokens[i + 2]?.pos === "PROPN" &&
      tokens[i + 2]!.start === tokens[i + 1]!.end;
    // "Ursula von der Leyen": two particles running on to the name.
    const joins = (k: number) =>
      tokens[k]?.pos === "PROPN" || (NAME_PARTICLES.has(tokens[k]?.text ?? "") && tokens[k + 1]?.pos === "PROPN");
    const joiner =
      run.length > 0 && (((JOINERS.has(t.text.toLowerCase()) || andInOrganization(tokens, i, run)) && joins(i + 1)) || hyphenated);
    // "Castilla-La Mancha": a hyphen with no space on either side, between two proper nouns.
    const hyphen = run.length > 0 && t.text === "-" && !gap && tokens[i + 1]?.pos === "PROPN" && tokens[i + 1]!.start === t.end;
    // "US-China talks", "the Israel-Hamas war": a hyphen between two names before what passes
    // between them joins two names, not one ("Rolls-Royce engines" stays one).
    if (hyphen && twoNamesAcross(body.slice(run[0]!.start, t.start), tokens[i + 1]!.text, tokens[i + 2]?.text ?? "")) {
      close();
      continue;
    }
    // "Amazon.com", "Booking.com": a web address's ending against a name is the name's.
    if (run.length && webEnding(tokens, i)) {
      run.push(t, tokens[++i]!);
      continue;
    }
    // "Moody's said", "Sales at McDonald's rose": a possessive with a verb and no noun after it is
    // the name's own "'s" (a name, not someone's thing: "Musk's takeover"), when the text never
    // writes the name without it ("Anthropic's growing role" beside "Anthropic said").
    if (run.length && ownPossessive(body, tokens, i, run[0]!.start)) {
      run.push(t);
      close();
      continue;
    }
    if (proper || joiner || hyphen) {
      if (!run.length) runStartsSentence = i === firstWord;
      run.push(t);
    } else close();
  }
  close();
  return runs;
}

/** A country, a state or province, or a city, by its folded name. */
const knownPlace = (folded: string) => COUNTRIES.has(folded) || REGIONS.has(folded) || CITIES.has(folded);

/** A run without the titles and days before it: what is left is the name, or nothing. */
function trimRun(run: Token[], atSentenceStart = false): { tokens: Token[]; titled: boolean } {
  let tokens = run;
  let titled = false;
  // "Striker Erling Haaland scored": an occupation capitalised only as the sentence's first word.
  if (atSentenceStart && tokens.length > 1 && PERSON_BEFORE.test(tokens[0]!.text.toLowerCase())) {
    tokens = tokens.slice(1);
    titled = true;
  }
  for (;;) {
    const first = tokens[0]?.text.toLowerCase().replace(/\.$/, "");
    if (first === undefined) break;
    // "General Electric Aerospace", "General Motors": a title word that starts a company's name.
    const company =
      TITLES.has(first) &&
      namesAnOrganization(
        tokens
          .slice(1)
          .map((t) => t.text)
          .join(" "),
      );
    // "Yesterday Acme said", "Meanwhile Bolt Ltd": a word a sentence opens with is none of the name.
    if (SENTENCE_OPENERS.test(first) && tokens.length > 1) {
      tokens = tokens.slice(1);
      continue;
    }
    if (!company && (TITLES.has(first) || DAYS_AND_MONTHS.test(first))) {
      // "Governor Gavin Newsom" is someone; "the Governor of California" names a place.
      titled ||= PERSON_TITLES.has(first) && tokens[1]?.text.toLowerCase() !== "of";
      tokens = tokens.slice(1);
      // "Secretary of Defense Pete Hegseth": the office goes with its title; "the Governor of
      // California" names a place.
      if (TITLES.has(first) && tokens[0]?.text.toLowerCase() === "of" && officeWord(tokens[1]?.text ?? "")) tokens = tokens.slice(2);
      continue;
    }
    // "Los Angeles", "Al Pacino", "Van Morrison", "De Bilt": a particle with a capital starts the name.
    const particle = NAME_PARTICLES.has(first) && /^\p{Lu}/u.test(tokens[0]!.text) && tokens.length > 1;
    if ((JOINERS.has(first) && !particle) || tokens[0]!.text === "-" || (first === "the" && tokens.length > 1)) {
      tokens = tokens.slice(1);
      continue;
    }
    break;
  }
  // "Theresa May", "Brian May": a month right after a given name is a surname.
  const surnamed = tokens.length === 2 && /^\p{Lu}/u.test(tokens[1]!.text) && opensWithGivenName(`${tokens[0]!.text} ${tokens[1]!.text}`);
  while (tokens.length && !surnamed && DAYS_AND_MONTHS.test(tokens.at(-1)!.text)) tokens = tokens.slice(0, -1);
  // "Fire Chief Dana Ortiz": a title inside the run, after words that go with it.
  const kept = withoutTitles(tokens.map((t) => t.text)).length;
  if (kept < tokens.length && kept >= 1) {
    tokens = tokens.slice(tokens.length - kept);
    titled = true;
  }
  return { tokens, titled };
}

/**
 * A name's kind as one place suggests it; "speaker" is one word alone that speaks ("Microsoft
 * said revenue rose"), decided once the whole text is read (see `speakerKind`).
 */
type GuessedKind = EntityKind | "speaker";

/** The kind a name probably is, from its words and the words around it. */
function guessKind(
  name: string,
  before: string | undefined,
  after: string | undefined,
  titled: boolean,
  /** The text right before and right after the name. */
  around: { lead: string; rest: string },
): GuessedKind {
  // "Moody's", "McDonald's": a name written with its "'s" (see properNounRuns) is a business's.
  if (/['’]s$/.test(name)) return "organization";
  // "National Hurricane Center", "Election Commission": an organisation's ending beats an event's word.
  if (namesAnOrganization(name) || (after && ORGANIZATION_AFTER.test(after))) return "organization";
  // "Greece said", "Kenya's economy": a country is a place, whatever follows it.
  // A state's name after a person's title is a first name: "Queen Victoria", "Ms Virginia".
  // A state is a place, unless a title or a "she said" makes it someone's first name ("Victoria said she …").
  // Also past whom it was told or when or where it was said: "Modi told reporters he …", "Merkel
  // said on Tuesday that she …", "said in a statement that he …" (not "said the man he hired").
  const someone =
    /^\s+(?:said|says|told|added|wrote)\s+(?:that\s+)?(?:she|he|her|his|him)\b/i.test(around.rest) ||
    /^\s+(?:said|says|added|wrote|(?:told|tells)\s+[\p{L}'’]+)(?:\s+(?:on|in|at|during|late|earlier|later|last|this)(?:\s+[\p{L}'’]+){1,2})?,?\s+(?:that\s+)?(?:she|he)\b/iu.test(
      around.rest,
    );
  if (COUNTRIES.has(foldText(name)) || (knownPlace(foldText(name)) && !titled && !someone)) return "place";
  if (!titled && companyAround(around)) return "organization";
  // "Palisades Fire", "Storm Daniel"; but one that speaks is a body named after what it fights ("Cal Fire said").
  // A name ending in a place word is the place, whatever event it is named after: "Fire Island", "Quake Lake", "Storm Lake".
  if (EVENT_WORDS.test(name) && !PLACE_WORDS.test(name)) return after && PERSON_AFTER.test(after) ? "organization" : "event";
  if (PLACE_WORDS.test(name)) return "place";
  // "Microsoft's chief, Satya Nadella,": a name set after an office and its comma is the office holder's.
  if (PERSON_LEAD.test(around.lead)) return "person";
  // "removed Sam Altman as chief executive", "signed by Maria Gonzalez": a given name opens it.
  if (titled || opensWithGivenName(name) || (before && PERSON_BEFORE.test(before))) return "person";
  // "The Pentagon said": a person's name takes no article. One word alone that speaks ("Microsoft
  // said revenue rose", "Pfizer said it would …") is a body more often than someone: news gives a
  // person's full name first, and a surname after it is folded into that name. Unless what it
  // said is said of a he or a she ("Macron said he would not resign").
  const article = before !== undefined && /^(?:the|a|an)$/i.test(before);
  if (after && PERSON_AFTER.test(after) && !article) return name.includes(" ") || someone ? "person" : "speaker";
  // "NSA", "FEMA": an acronym is most often an organisation.
  if (/^(?:[\p{Lu}]\.?){2,6}$/u.test(name.replace(/\s/g, ""))) return "organization";
  if (before && PLACE_BEFORE.has(before.toLowerCase())) return "place";
  return "other";
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Where a capital is the writing's, not the word's: the first word of a sentence, a line or a list
 * item (after a bullet), the first after a colon ("Security versus innovation: Companies must …"),
 * any word of a title-case line.
 */
function capitalSaysNothing(body: string, sentenceStart: number, at: number, titleCase: (lineStart: number) => boolean): boolean {
  // Only the sentence's first word and the few characters before this one are read: a run-on
  // "sentence" of a megabyte has thousands of capitals.
  LETTER_OR_DIGIT.lastIndex = sentenceStart;
  const first = LETTER_OR_DIGIT.exec(body);
  if (!first || first.index >= at || /:\s*["“'‘(]?$/u.test(body.slice(Math.max(sentenceStart, at - 24), at))) return true;
  return titleCase(lineStartOf(body, at));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** The linked mentions and the proposed names of one article. */
export function suggestNames(input: NameSuggestInput): NameSuggestions {
  const { body, entities } = input;
  const dismissed = input.dismissed ?? new Set<string>();
  const mentions = findMentions(body, entities);
  const byId = new Map(entities.map((e) => [e.id, e]));
  // One word the text also writes in lower case ("Defense officials" / "defense officials", "Research") is a common word.
  const lowerWords = lowerCaseWords(body);
  // Headings ("Key Takeaways", "Industry Context") are written in capitals throughout: their names recur in the text.
  const headings = articleBlocks(body).flatMap((b) => (b.kind === "heading" ? [b] : []));

  const capitalisedInside = new Set<string>();
  const sentences = sentencesOf(body, "all");
  for (const s of sentences) {
    // Inside: after the sentence's first word, and after its dateline's ("NAIROBI, March 4 — Rescuers …").
    const dateline = DATELINE.exec(body.slice(s.start, s.start + 120));
    const from = dateline ? s.start + dateline[0].length : s.start;
    const first = s.tokens.findIndex((t) => t.start >= from && t.pos !== "PUNCT");
    for (const t of s.tokens.slice(first + 1)) if (/^\p{Lu}/u.test(t.text)) capitalisedInside.add(t.text);
  }

  const knownNames = new Set(entities.flatMap((e) => [e.name, ...e.aliases].map(foldText)));
  const knownName = (name: string) => knownNames.has(foldText(name));

  // Which lines are in title case, asked of the lines where a lone capitalised word is found.
  const titleCase = titleCaseByLine(body);

  /** Names found, with whether one of their places is capitalised where a capital says it is a name. */
  const found = new Map<string, Omit<NameProposal, "kind"> & { kind: GuessedKind; kinds: GuessedKind[]; capitalSays: boolean }>();
  let mention = 0;
  let heading = 0;
  /** Proposed fuller names around known ones ("Emil Michael" around "Michael"): the known one is not linked there. */
  const absorbed: { start: number; end: number }[] = [];
  for (const sentence of sentences) {
    const text = body.slice(sentence.start, Math.min(sentence.end, sentence.start + 80));
    while (heading < headings.length && headings[heading]!.end < sentence.start) heading++;
    const inHeading = headings[heading] && headings[heading]!.start <= sentence.start && sentence.end <= headings[heading]!.end;
    if (CREDIT_LINE.test(text) || inHeading) continue;
    const dateline = DATELINE.exec(text);
    const skipUntil = dateline ? sentence.start + dateline[0].length : sentence.start;
    // "Under-Secretary of Defense for Research and Engineering Emil Michael": the title's words are no names.
    const titles = titlesIn(body, sentence, knownName);
    for (const run of properNounRuns(sentence.tokens, body, skipUntil, titleCase(lineStartOf(body, sentence.start)))) {
      // Known names inside the run: linked, and the run's other words are names of their own.
      while (mention < mentions.length && mentions[mention]!.end <= run.tokens[0]!.start) mention++;
      const inside: EntityMention[] = [];
      for (let k = mention; k < mentions.length && mentions[k]!.start < run.tokens.at(-1)!.end; k++) inside.push(mentions[k]!);
      for (const piece of piecesOf(run, inside, byId)) {
        let untitled = piece.tokens;
        while (untitled.length && titles.some((t) => t.start <= untitled[0]!.start && untitled[0]!.end <= t.end))
          untitled = untitled.slice(1);
        const afterTitle = untitled !== piece.tokens;
        const trimmed = trimRun(untitled, piece.sentenceStart && untitled[0] === piece.tokens[0]);
        const titled = trimmed.titled;
        let tokens = trimmed.tokens;
        // "the Under-Secretary of Defense for Research": what is left of a title's office is none of a name.
        while (tokens.length && titles.some((t) => t.start <= tokens[0]!.start && tokens[0]!.end <= t.end)) tokens = tokens.slice(1);
        // "the Minister of Foreign Affairs of Japan": the "of" after the office is no part of "Japan".
        if (tokens !== trimmed.tokens) while (tokens.length && /^(?:of|for|and|the)$/i.test(tokens[0]!.text)) tokens = tokens.slice(1);
        // "Shares of Alphabet", "Residents of Paiporta": a plural common noun capitalised only as the
        // sentence's first word says what of the name; the name is what follows "of".
        const [lead, joiner] = tokens;
        if (
          piece.sentenceStart &&
          lead &&
          lead === piece.tokens[0] &&
          tokens.length >= 3 &&
          joiner?.text.toLowerCase() === "of" &&
          /\p{Ll}s$/u.test(lead.text) &&
          isCommonWord(lead.text)
        )
          tokens = tokens.slice(2);
        if (!tokens.length) continue;
        const start = tokens[0]!.start;
        const end = tokens.at(-1)!.end;
        const name = body.slice(start, end);
        const folded = foldText(name);
        if (folded.replace(/[^\p{L}]/gu, "").length < 2 || NOT_NAMES.has(folded) || dismissed.has(folded)) continue;
        if (tokens.every((t) => TITLES.has(t.text.toLowerCase().replace(/\.$/, "")))) continue;
        if (tokens.length === 1 && lowerWords.has(name.toLowerCase())) continue;
        // "Reporters said…": a plural or a verb form capitalised only where a sentence starts.
        // Not a place known by name ("Paris", "Athens", "Texas").
        if (piece.sentenceStart && tokens.length === 1 && tokens[0] === piece.tokens[0] && /\p{Ll}(?:s|ing|ed)$/u.test(name)) {
          if (!capitalisedInside.has(name) && !knownPlace(folded)) continue;
        }
        // "pro-Trump", "anti-Musk": a word made from a name. "D-Mass.", "R-Texas": a party and a state.
        if (/^\p{Ll}+-/u.test(name) || /^[DRI]-\p{Lu}[\p{L}.]*$/u.test(name)) continue;
        // "Long-term", "Trump-era": a word before a hyphen is part of a compound, not a name; before
        // a second name and what passes between them ("US-China talks") it is a name.
        const across = body.slice(end).match(/^-(\p{Lu}[\p{L}.]*)\s+(\p{Ll}+)/u);
        if (body[end] === "-" && !(across && twoNamesAcross(name, across[1]!, across[2]!))) continue;
        if (
          piece.sentenceStart &&
          tokens.length === 1 &&
          start === piece.tokens[0]!.start &&
          DESCRIBES_COMPANY.test(body.slice(end, end + 40))
        )
          continue;
        if (piece.absorbs) absorbed.push({ start, end });
        const index = sentence.tokens.indexOf(tokens[0]!);
        const before = index > 0 ? sentence.tokens[index - 1]!.text : undefined;
        const after = sentence.tokens[sentence.tokens.indexOf(tokens.at(-1)!) + 1]?.text;
        // "Venezuelan leader", "Spanish officials": a people's adjective, not a name.
        if (tokens.length === 1 && DEMONYM.test(name) && ["NOUN", "ADJ"].includes(sentence.tokens[index + 1]?.pos ?? "")) continue;
        // "Emil Michael, the Under-Secretary of Defense", "Dana Ortiz, a spokeswoman": a title after a comma.
        const last = sentence.tokens.indexOf(tokens.at(-1)!);
        const [comma, det, word] = sentence.tokens.slice(last + 1, last + 4);
        const titleWord = det && /^(?:the|a|an)$/i.test(det.text) ? word : det;
        const entitled = comma?.text === "," && titleWord !== undefined && PERSON_TITLES_AFTER.test(titleWord.text);
        const around = {
          lead: body.slice(Math.max(sentence.start, start - 40), start),
          rest: body.slice(end, Math.min(sentence.end, end + 48)),
        };
        const kind = guessKind(name, before, after, titled || piece.titled || afterTitle || entitled, around);
        // Only a lone word written with a capital and then small letters can owe it to its place: "NSA" cannot.
        // "Google (GOOGL) rose": a short form in brackets after the word says it is a name too.
        const capitalSays =
          tokens.length > 1 ||
          !/^\p{Lu}\p{Ll}/u.test(name) ||
          (BRACKETED.test(body.slice(end, end + 16)) && !AGENCY_CREDIT.test(body.slice(end, end + 8))) ||
          !capitalSaysNothing(body, sentence.start, start, titleCase) ||
          // So do the words a company is written with ("Apple said its revenue rose"), as a "said" makes someone.
          (kind === "organization" && companyAround(around)) ||
          // And a country, a state or a city the sentence opens with ("Paris, France, hosted …").
          (kind === "place" && knownPlace(folded));
        const seen = found.get(folded);
        if (seen) {
          seen.spans.push({ start, end });
          seen.kinds.push(kind);
          seen.capitalSays ||= capitalSays;
        } else found.set(folded, { name, folded, spans: [{ start, end }], kind, kinds: [kind], capitalSays, aliasOf: [], shortForms: [] });
      }
    }
  }

  const names: NameProposal[] = [];
  const index = nameIndex(entities);
  // A person's surname alone elsewhere in the text ("Donald Trump" … "Trump") says the fuller name is someone.
  const single = new Set([...found.keys()].filter((k) => !k.includes(" ")));
  for (const { kinds, capitalSays, ...proposal } of found.values()) {
    // "Picture: Anthropic", "Claude Sonnet 4.6", "Regulatory priorities: …": an ordinary word
    // capitalised only where any word would be is no name; one the model does not know
    // ("Valencia", "Pentagon"), or one a title or a "said" makes someone, may be.
    // Written so twice or more, it is the text's name for something ("Apple shares fell. Apple sales rose.").
    const speaks = kinds.includes("speaker");
    if (!capitalSays && !speaks && !kinds.includes("person") && proposal.spans.length < 2 && isCommonWord(proposal.name)) continue;
    // "a Category 3 storm", "Level 4 alert", "Phase 2": a grade on a scale, no one's name.
    if (GRADE.test(proposal.name)) continue;
    // "Qatar Holdings" is no other name of the place Qatar, nor "Musk Foundation" of the man.
    proposal.aliasOf = closeEntities(proposal.name, index).filter(
      (a) => !(namesAnOrganization(proposal.name) && (a.kind === "place" || a.kind === "person")),
    );
    const words = proposal.folded.split(" ");
    // Not an organisation's last word ("the European Commission" … "the Commission").
    if (
      words.length >= 2 &&
      words.length <= 3 &&
      single.has(words.at(-1)!) &&
      /^\p{Lu}/u.test(proposal.name) &&
      !namesAnOrganization(proposal.name)
    )
      kinds.push("person", "person");
    // One word alone that speaks is someone's surname when a fuller name in the text ends with it
    // ("Donald Trump" … "Trump said"); else a body that speaks (news gives a person's full name first).
    const speaker = speaks && [...found.keys()].some((k) => k.endsWith(` ${proposal.folded}`)) ? "person" : "organization";
    const settled = kinds.map((k) => (k === "speaker" ? speaker : k));
    // The kind most of its places suggest, a guess other than "other" winning a tie; an alias's entity's kind first.
    names.push({ ...proposal, kind: proposal.aliasOf[0]?.kind ?? mostCommon(settled) });
  }
  names.sort((a, b) => a.spans[0]!.start - b.spans[0]!.start);
  // A known name inside a proposed fuller one ("Michael" in "Emil Michael") is drawn as the proposal.
  return {
    mentions: absorbed.length ? mentions.filter((m) => !absorbed.some((s) => overlaps(s, m))) : mentions,
    names: withCompanyForms(withBracketedForms(body, withShortForms(names), mentions, byId)),
  };
}

/** A shorter way the text writes a proposed name, folded into it: its places, and itself as an alias to offer. */
function absorb(long: NameProposal, short: NameProposal): void {
  long.spans = [...long.spans, ...short.spans].sort((a, b) => a.start - b.start);
  long.shortForms.push(short.name, ...short.shortForms);
}

/** What a company's legal name ends with: "Helix Pharma Inc", "Northwind AG". */
const LEGAL_FORM = /\s+(?:inc|corp|corporation|ltd|llc|plc|ag|sa|se|nv|gmbh|co|company)\.?$/;

/** "Helix Pharma Inc" and "Helix Pharma" in one text are one company: the shorter is offered as its alias. */
function withCompanyForms(names: NameProposal[]): NameProposal[] {
  const byFolded = new Map(names.map((n) => [n.folded, n]));
  const merged = new Set<NameProposal>();
  for (const long of names) {
    const form = LEGAL_FORM.exec(long.folded);
    const short = form && byFolded.get(long.folded.slice(0, form.index));
    if (!short || merged.has(long) || short.aliasOf.length || long.aliasOf.length) continue;
    absorb(long, short);
    long.kind = "organization";
    merged.add(short);
  }
  // "The Bank of England raised rates. The Bank said…": an ordinary word that heads or ends the
  // one organisation's name in the text, written after it, is that organisation named short.
  for (const short of names) {
    if (merged.has(short) || short.folded.includes(" ") || short.aliasOf.length || !isCommonWord(short.name)) continue;
    const longs = names.filter(
      (n) =>
        n !== short &&
        !merged.has(n) &&
        n.kind === "organization" &&
        !n.aliasOf.length &&
        n.spans[0]!.start < short.spans[0]!.start &&
        (n.folded.startsWith(`${short.folded} `) || n.folded.endsWith(` ${short.folded}`)),
    );
    if (longs.length !== 1) continue;
    absorb(longs[0]!, short);
    merged.add(short);
  }
  return merged.size ? names.filter((n) => !merged.has(n)) : names;
}

/** A news agency credited in brackets ("Picture (AP)", "LONDON (AFP) —"): no short form of the word before. */
const AGENCY_CREDIT = /^\s?\(\s*(?:AP|AFP|PA|UPI|CNN|BBC|DPA|EFE|ANSA|IANS|PTI|ANI)\s*\)/;

/** An abbreviation or ticker in brackets right after a name: "Emergency Management Authority (AFAD)", "Google (GOOGL)". */
const BRACKETED = /^\s?\(\s*(\p{Lu}[\p{Lu}\p{N}.&-]{1,9})\s*\)/u;

/**
 * A name's short form given in brackets after it is the same thing: "Disaster and Emergency
 * Management Authority (AFAD)" is one proposal, with "AFAD" offered as its alias; "(GOOGL)" after
 * a known "Google" is offered as Google's alias, and a new name before a known "(AFAD)" as AFAD's.
 */
function withBracketedForms(
  body: string,
  names: NameProposal[],
  mentions: EntityMention[],
  byId: Map<string, SuggestEntity>,
): NameProposal[] {
  const proposalAt = new Map<number, NameProposal>();
  for (const n of names) for (const span of n.spans) proposalAt.set(span.start, n);
  const mentionAt = new Map(mentions.map((m) => [m.start, m]));
  /** The bracketed form after `end`, where one is written: its place in the body. */
  const bracketAfter = (end: number) => {
    const m = BRACKETED.exec(body.slice(end, end + 16));
    return m ? end + m[0].indexOf(m[1]!) : null;
  };
  const offer = (short: NameProposal, entity: SuggestEntity, why: string) => {
    if (short.aliasOf.some((a) => a.entityId === entity.id)) return;
    short.aliasOf = [{ entityId: entity.id, name: entity.name, kind: entity.kind, why, score: 1 }, ...short.aliasOf].slice(
      0,
      ALIASES_OFFERED,
    );
    short.kind = entity.kind;
  };
  const merged = new Set<NameProposal>();
  for (const long of names) {
    if (merged.has(long)) continue;
    for (const span of long.spans) {
      const at = bracketAfter(span.end);
      if (at === null) continue;
      const short = proposalAt.get(at);
      const known = mentionAt.get(at);
      if (short && short !== long && !merged.has(short) && !short.aliasOf.length && !long.aliasOf.length) {
        absorb(long, short);
        if (long.kind === "other") long.kind = short.kind === "other" ? "organization" : short.kind;
        merged.add(short);
      } else if (known && byId.has(known.entityId))
        offer(long, byId.get(known.entityId)!, `its short form “${body.slice(at, known.end)}” follows in brackets`);
      break;
    }
  }
  for (const m of mentions) {
    const at = bracketAfter(m.end);
    const short = at === null ? undefined : proposalAt.get(at);
    if (short && !merged.has(short) && byId.has(m.entityId))
      offer(short, byId.get(m.entityId)!, `written in brackets after “${body.slice(m.start, m.end)}”`);
  }
  return merged.size ? names.filter((n) => !merged.has(n)) : names;
}

/**
 * Where a sentence writes a title before a name: the title's words, without the name's; and the
 * office a title names wherever it is written ("Emil Michael, the Under-Secretary of Defense for
 * Research and Engineering"): ordinary words with capitals after the title and "of" or "for",
 * joined by "and", "of" or "for", are its office, no names. An article ends the office ("the
 * Governor of the Bank of England"), and so does a word that is no ordinary one ("the Governor of
 * California").
 */
function titlesIn(
  body: string,
  sentence: { start: number; end: number; tokens: Token[] },
  known: (name: string) => boolean,
): { start: number; end: number }[] {
  const text = body.slice(sentence.start, sentence.end);
  const spans = titlesBeforeNames(text, known).map((f) => ({
    start: sentence.start + f.start,
    end: sentence.start + f.start + f.value.length,
  }));
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (!/^\p{Lu}/u.test(tokens[i]!.text) || !TITLES.has(tokens[i]!.text.toLowerCase())) continue;
    let end = -1;
    let k = i + 1;
    while (/^(?:of|for)$/.test(tokens[k]?.text ?? "") || (end >= 0 && /^(?:and|of|for)$/.test(tokens[k]?.text ?? ""))) {
      let last = k;
      while (last + 1 < tokens.length && /^\p{Lu}\p{Ll}+$/u.test(tokens[last + 1]!.text) && officeWord(tokens[last + 1]!.text)) last++;
      if (last === k) break;
      end = tokens[last]!.end;
      k = last + 1;
    }
    if (end >= 0) spans.push({ start: tokens[i + 1]!.start, end });
  }
  return spans;
}

/** A word an office is named with: an ordinary word ("Defense", "Research", "Foreign Affairs"), no country. */
const officeWord = (word: string) => isCommonWord(word) && !COUNTRIES.has(foldText(word));

/**
 * "Dario Amodei" … "Amodei": a person's surname alone after their full name is the same person,
 * one proposal with all the places. Not when two full names share the surname ("Donald Trump",
 * "Melania Trump"), nor when the surname alone is close to a known entity (that alias is offered).
 */
function withShortForms(names: NameProposal[]): NameProposal[] {
  const bySurname = new Map<string, NameProposal[]>();
  for (const n of names) {
    const words = n.folded.split(" ");
    if (n.kind !== "person" || words.length < 2 || words.length > 3) continue;
    const surname = words.at(-1)!;
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), n]);
  }
  return names.filter((short) => {
    const longs = bySurname.get(short.folded);
    const long = longs?.length === 1 ? longs[0]! : undefined;
    if (!long || short.aliasOf.length || long.spans[0]!.start > short.spans[0]!.start) return true;
    absorb(long, short);
    return false;
  });
}

/**
 * A run cut around the known names inside it: "Anthropic CEO Dario Amodei" leaves "CEO" (a title,
 * then dropped). One capitalised word before a person's known name is their fuller name ("Emil"
 * before "Michael"): the whole run is proposed, as an alias of that person.
 */
function piecesOf(run: Run, inside: EntityMention[], byId: Map<string, SuggestEntity>): (Run & { titled: boolean; absorbs?: true })[] {
  if (!inside.length) return [{ ...run, titled: false }];
  const first = inside[0]!;
  const head = run.tokens.filter((t) => t.end <= first.start);
  if (
    inside.length === 1 &&
    first.start === run.tokens.at(-1)!.start &&
    first.end === run.tokens.at(-1)!.end &&
    head.length === 1 &&
    byId.get(first.entityId)?.kind === "person" &&
    !TITLES.has(head[0]!.text.toLowerCase().replace(/\.$/, "")) &&
    /^\p{Lu}\p{Ll}+$/u.test(head[0]!.text)
  ) {
    return [{ ...run, titled: false, absorbs: true }];
  }
  // "Fidelity Management" around a known "Fidelity", "Qatar Investment Authority" around "Qatar":
  // a company's fuller name, not the known one followed by a name "Management".
  const words = run.tokens.map((t) => t.text).join(" ");
  if (
    inside.length === 1 &&
    first.start === run.tokens[0]!.start &&
    first.end < run.tokens.at(-1)!.end &&
    byId.get(first.entityId)?.kind !== "person" &&
    namesAnOrganization(words)
  ) {
    return [{ ...run, titled: false, absorbs: true }];
  }
  const pieces: (Run & { titled: boolean })[] = [];
  let piece: Token[] = [];
  let titled = false;
  for (const t of run.tokens) {
    if (inside.some((m) => overlaps(m, t))) {
      if (piece.length) pieces.push({ tokens: piece, sentenceStart: run.sentenceStart && piece[0] === run.tokens[0], titled });
      piece = [];
      // A known person before a name ("Musk's"): not a title. A known organisation before it ("Anthropic CEO …") is no title either.
      titled = false;
      continue;
    }
    piece.push(t);
  }
  if (piece.length) pieces.push({ tokens: piece, sentenceStart: run.sentenceStart && piece[0] === run.tokens[0], titled });
  return pieces;
}

const SMALL_WORDS = new Set(["the", "of", "and", "for", "a", "an"]);
const wordsOf = (name: string) =>
  foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Keys under which two names the naming rules may match meet: a shared word, initials as letters, a start or an end. */
function keysOf(name: string): string[] {
  const folded = foldText(name);
  const words = wordsOf(name);
  const content = words.filter((w) => !SMALL_WORDS.has(w));
  const letters = name.replace(/[^\p{L}]/gu, "").toLowerCase();
  const keys = content.map((w) => `w:${w}`);
  if (words.length > 1) keys.push(`i:${words.map((w) => w[0]).join("")}`, `i:${content.map((w) => w[0]).join("")}`);
  if (letters.length >= 2 && letters.length <= 6) keys.push(`i:${letters}`);
  // A letter or two apart ("Antropic" / "Anthropic"): the same first two letters, or last two.
  keys.push(`s:${folded.slice(0, 2)}`, `e:${folded.slice(-2)}`);
  return keys;
}

/**
 * The entities filed by those keys: comparing a name with every entity's every name would cost
 * names × entities rule checks, seconds for a long article in a large investigation.
 */
function nameIndex(entities: SuggestEntity[]): { entities: SuggestEntity[]; byKey: Map<string, number[]> } {
  const byKey = new Map<string, number[]>();
  entities.forEach((e, i) => {
    for (const name of [e.name, ...e.aliases]) {
      for (const key of keysOf(name)) {
        const filed = byKey.get(key);
        if (!filed) byKey.set(key, [i]);
        else if (filed.at(-1) !== i) filed.push(i);
      }
    }
  });
  return { entities, byKey };
}

/** Entities whose name or an alias is close to this name by the naming rules, best first. */
function closeEntities(name: string, index: ReturnType<typeof nameIndex>): AliasCandidate[] {
  const candidates: AliasCandidate[] = [];
  const near = new Set<number>();
  for (const key of keysOf(name)) for (const i of index.byKey.get(key) ?? []) near.add(i);
  for (const i of near) {
    const e = index.entities[i]!;
    let best: { why: string; score: number } | null = null;
    for (const other of [e.name, ...e.aliases]) {
      const match = namesLikelySame(name, other, e.kind);
      if (match && match.score >= ALIAS_MIN_SCORE && (!best || match.score > best.score)) best = match;
    }
    if (best) candidates.push({ entityId: e.id, name: e.name, kind: e.kind, why: best.why, score: best.score });
  }
  return candidates.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, ALIASES_OFFERED);
}

function mostCommon(kinds: EntityKind[]): EntityKind {
  const counts = new Map<EntityKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + (k === "other" ? 0.5 : 1));
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "other";
}
