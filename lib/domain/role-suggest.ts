/**
 * People's titles and offices, as news writes them (issue 14): claims analysts record in nearly
 * every story, and where sources disagree ("Under-Secretary of Defense" / "chief technology
 * officer"). Found in a line's words alone, by the four shapes English news uses:
 *
 * - an organisation's office before the holder: "Anthropic CEO Dario Amodei", "CEO Sam Altman"
 *   (the organisation's claim: CEO = Dario Amodei);
 * - a title before a name: "Secretary of Defense Pete Hegseth", "President Recep Tayyip Erdoğan"
 *   (the person's Role);
 * - an apposition after a name: "Emil Michael, the Pentagon's chief technology officer,"
 *   (the person's Role);
 * - a past employer: "a former Uber executive" (the Former employer of the person the sentence
 *   is about);
 * - founders: "founded by former OpenAI researchers" (the organisation's Founders).
 *
 * Pure text work, no tagger: capitalised words are names, and a name the investigation knows is
 * taken whole where the text's capitals run longer.
 */

import { CITIES, COUNTRIES, REGIONS } from "@/lib/domain/countries.ts";
import { opensWithGivenName } from "@/lib/domain/given-names.ts";
import { foldText } from "@/lib/domain/text.ts";

/** Small words inside names: "Valencia flood of 2024", "Alwaleed bin Talal". */
export const NAME_JOINERS = new Set("of de del la las los da do di du van von der den y al bin".split(" "));

/** Short words a title keeps in lower case: "Talks on the Future of AI" is still in title case. */
const TITLE_SMALL_WORDS = new Set([
  ..."a an the and or but nor of for to in on at by with from as via per vs into over".split(" "),
  ...NAME_JOINERS,
]);

/**
 * Whether a line is written in title case, as headlines, captions and credits are ("Claude Sonnet
 * 4.6", "Picture: Anthropic"): two or more words, each but the small ones capitalised. A capital
 * there says nothing about the word.
 */
export function isTitleCaseLine(line: string): boolean {
  // Word by word, stopping at the first in lower case: a line of prose is told by its first few.
  let words = 0;
  for (const [w] of line.matchAll(/\p{L}[\p{L}\p{N}'’.-]*/gu)) {
    if (TITLE_SMALL_WORDS.has(w)) continue;
    if (!/^\p{Lu}/u.test(w)) return false;
    words++;
  }
  return words >= 2;
}

/** `isTitleCaseLine` of the line starting at each place asked for, each line read once. */
export function titleCaseByLine(body: string): (lineStart: number) => boolean {
  const lines = new Map<number, boolean>();
  return (lineStart) => {
    let titleCase = lines.get(lineStart);
    if (titleCase === undefined) {
      const lineEnd = body.indexOf("\n", lineStart);
      titleCase = isTitleCaseLine(body.slice(lineStart, lineEnd < 0 ? body.length : lineEnd));
      lines.set(lineStart, titleCase);
    }
    return titleCase;
  };
}

/** What a shape found: the words to quote, whose claim, which attribute, the value as written. */
export type RoleFound = {
  start: number;
  end: number;
  /** The claim's subject as written ("Anthropic", "Pete Hegseth"); null when the sentence must say (an office with no organisation named). */
  subject: string | null;
  /** Whose: an office's holder names an organisation's claim; a title or a past employer, a person's; a maker, a product's. */
  subjectKind: "organization" | "person" | "product";
  attribute: string;
  value: string;
  /** The word that gave it away, remembered when the analyst turns the proposal down. */
  cue: string;
};

/**
 * A capitalised word: "Puente", "O'Brien", "J.R.", "Jr."; a full stop ends it only after an initial
 * or an abbreviation, never the sentence's ("… said the minister, Óscar Puente.").
 */
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*(?:\.[\p{L}\p{M}'’-]+)*(?:(?<=(?:^|[^\p{L}])(?:\p{Lu}|Jr|Sr|St|Mt|Inc|Corp|Ltd|Co|Bros|Dr|Mr|Mrs|Ms))\.)?`;
/** Small words inside names: "Alwaleed bin Talal", "Ursula von der Leyen". */
const PARTICLE = String.raw`(?:bin|ibn|al|el|de|da|di|du|van|von|der|den|la|le|del|dos|y)`;
/** A name as news writes it: one to four capitalised words, small particles between ("Alwaleed bin Talal"). */
export const NAME = String.raw`${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD}){0,3}`;
/** A person written in full: two to four capitalised words. */
const PERSON = String.raw`${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD}){1,3}`;

/** An organisation's offices, as written before their holder, and the attribute each gives. */
const OFFICES: [RegExp, string][] = [
  [/^(?:ceo|chief executive(?: officer)?)$/i, "CEO"],
  [/^(?:cfo|chief financial officer)$/i, "CFO"],
  [/^(?:cto|chief technology officer)$/i, "CTO"],
  [/^(?:coo|chief operating officer)$/i, "COO"],
  [/^(?:chair|chairman|chairwoman|chairperson)$/i, "Chair"],
  [/^(?:co-?founder|founder)$/i, "Founder"],
  [/^president$/i, "President"],
  [/^spokes(?:person|man|woman)$/i, "Spokesperson"],
];
const OFFICE = String.raw`(?:CEO|CFO|CTO|COO|[Cc]hief (?:[Ee]xecutive|[Ff]inancial|[Tt]echnology|[Oo]perating)(?: [Oo]fficer)?|[Cc]hair(?:man|woman|person)?|[Cc]o-?founder|[Ff]ounder|[Pp]resident|[Ss]pokes(?:person|man|woman))`;

/** Titles written before a name (capitalised, as style guides have them there). */
const TITLE_NOUN = String.raw`(?:Secretary|Minister|Director|Governor|Senator|Representative|President|Chancellor|Mayor|General|Admiral|Colonel|Commissioner|Ambassador|Judge|Justice|Speaker|Administrator|Commander|Prosecutor|Premier|Sheikh|Prince|Princess|King|Queen)`;
const TITLE_HEAD = String.raw`(?:(?:Under|Deputy|Assistant|Vice|Acting|Associate|Lieutenant|Chief|Prime|Foreign|Defen[cs]e|Finance|Interior|Health|Attorney)[- ])*${TITLE_NOUN}`;
/**
 * What a title is of or for: "of Defense for Research and Engineering". Six words at most, never
 * the next title ("Secretary of Defense Pete Hegseth and Secretary of State Marco Rubio").
 */
const NOT_A_TITLE = String.raw`(?!${TITLE_HEAD}\b)`;
const TITLE_OF = String.raw`(?:\s+(?:of|for)\s+(?:the\s+)?${WORD}(?:\s+(?:(?:and|of|for|the)\s+){0,2}${NOT_A_TITLE}${WORD}){0,5})?`;

/** Nouns that make an apposition a role: "the Pentagon's chief technology officer", "a Department of Defense representative". */
const ROLE_NOUN =
  /\b(?:officer|executive|secretary|minister|representative|spokes(?:person|man|woman)|director|chief|head|founder|co-founder|president|chair(?:man|woman|person)?|official|adviser|advisor|analyst|researcher|professor|lawyer|attorney|economist|commander|ambassador|manager|editor|governor|mayor|senator|engineer|scientist|investor|ceo|cto|cfo|coo|leader|envoy|negotiator|general|admiral)s?\b/i;

/** Words that open a title rather than name an organisation. */
const TITLE_WORD = /^(?:Vice|Deputy|Acting|Assistant|Associate|Interim|Former|Executive|Co|Senior|Joint)$/;

/** Words a sentence starts with that are not a name's: "On Tuesday Anthropic CEO …". */
const NOT_A_NAME =
  /^(?:The|A|An|On|In|At|By|For|From|With|And|But|As|After|Before|When|While|Then|Now|Last|This|That|Its|Their|His|Her|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Former|Meanwhile|Earlier|Later|Today|Yesterday)$/;

/** The name ending a run of capitalised words, without the words that only open a sentence. */
export function trimName(run: string): { name: string; skipped: number } {
  const words = run.split(/\s+/);
  let k = 0;
  while (k < words.length - 1 && NOT_A_NAME.test(words[k]!)) k++;
  const name = words.slice(k).join(" ");
  // "OpenAI's chief executive": the organisation is OpenAI.
  return { name: name.replace(/['’]s$/u, ""), skipped: run.length - name.length };
}

/**
 * A run of capitalised words without the titles it opens with: "Fire Chief Dana Ortiz" is Dana
 * Ortiz, "Prime Minister Pedro Sánchez" Pedro Sánchez. A company's name keeps its words ("General
 * Motors").
 */
export function withoutTitles(words: string[]): string[] {
  if (namesAnOrganization(words.join(" "))) return words;
  let k = words.length - 2;
  while (k >= 0 && !TITLE_ONLY.test(words[k]!)) k--;
  return words.slice(k + 1);
}
export const TITLE_ONLY = new RegExp(String.raw`^(?:${TITLE_NOUN}|${ROLE_NOUN.source.replace(/\\b/g, "")})$`, "i");

const POSSESSIVE = /['’]s$/u;
/** A political party's name, or words of an election beside one: its leader in the possessive owns nothing. */
const PARTY_NAME = /\b(?:party|labour|tories|conservatives?|republicans?|democrats?|liberals?|greens|socialists?|reform)\b/i;
const ELECTION_WORDS = /\b(?:seats?|votes?|voters|elections?|elected|MPs|polls?|polling|ballots?|parliament|congress|senate)\b/i;
/** A name in the possessive right before another name: "Elon Musk's xAI". */
const OWNED_SHAPE = /(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})['’]s\s+(\p{L}[\p{L}\p{N}&.-]*(?:\s+\p{Lu}[\p{L}\p{N}&.-]*){0,3})/gu;

/** A nationality, not an organisation: "Turkish President …", "French Foreign Minister …". */
const NATIONALITY = /^\p{Lu}\p{Ll}+(?:ish|ese|ian|an|ch|i)$/u;

// The shapes rolesIn reads, and a cheap test for the word each cannot do without.
const OFFICE_SHAPE = new RegExp(String.raw`(?:(${NAME})(?:['’]s)?\s+)?(${OFFICE})\s+(${PERSON})`, "gu");
const OFFICE_HINT = /CEO|CFO|CTO|COO|[Cc]hief |[Cc]hair|[Ff]ounder|[Pp]resident|[Ss]pokes/;
const TITLE_SHAPE = new RegExp(String.raw`\b(${TITLE_HEAD}${TITLE_OF})\s+(${PERSON})`, "gu");
const TITLE_HINT = new RegExp(TITLE_NOUN);
const FORMER_SHAPE = new RegExp(
  String.raw`(?:(${NAME}),\s+(?:a|an|the)\s+)?\b[Ff]ormer\s+(${NAME})\s+(?:executive|official|employee|engineer|researcher|staffer|adviser|advisor|manager|director|lawyer)s?\b`,
  "gu",
);
const ROLE_WORDS = ROLE_NOUN.source.replace(/\\b/g, "");
const APPOSITION_SHAPE = new RegExp(
  // "Emil Michael, the Pentagon's chief technology officer", and without an article when the office
  // names whose it is: "Abdul Hamid Dbeibah, prime minister of the Government of National Unity".
  String.raw`(${NAME}),\s+((?:the|a|an)\s+[^,.;:()"“”]{3,90}?|(?:[\p{Ll}-]+\s+){0,2}?${ROLE_WORDS}\s+(?:of|for|at)\s+[^,.;:()"“”—–]{2,80}?)` +
    String.raw`(?=\s*[,.;:)—–]|\s+(?:said|says|told|who|which)\b|\s+and\s+(?:a|an|the|former)\s|$)`,
  "gu",
);
/** "the transport minister, Óscar Puente,": an office, its comma, then its holder. */
const OFFICE_THEN_NAME = new RegExp(
  String.raw`\b[Tt]he\s+((?:[\p{L}-]+\s+){0,3}?${ROLE_WORDS}(?:\s+(?:of|for|at)\s+[^,.;:()"“”]{2,60}?)?),\s+(${PERSON})(?=\s*[,.;:)]|\s+(?:said|says|told|has|had|was|is|will|who)\b|$)`,
  "gu",
);
const FOUNDED_SHAPE =
  /\b(?:co-?)?founded\s+(?:in\s+\d{4}\s+)?by\s+([^,.;:()"“”]{3,80}?)(?=\s*[,.;:)]|\s+(?:in|who|which|that)\b|\s+and\s+(?:is|was|has|had|now|\p{Ll}+ed)\b|$)/giu;

/** A name in a list, with its version ("Claude 3.5") or its short form or ticker in brackets ("Amazon (AMZN)"). */
const LISTED = String.raw`${NAME}(?:\s+\d+(?:\.\d+)*(?![\d.,]*\d))?(?:\s+\(\p{Lu}[\p{Lu}\p{N}.&-]{0,9}\))?`;
/** Two names or more: "A and B", "A, B, and C". */
const NAME_LIST = String.raw`${LISTED}(?:,\s+${LISTED})*,?\s+(?:and|&)\s+${LISTED}`;

/** A product named, then what it is and who makes it: "Mythos, a particularly powerful AI model from Anthropic". */
const MADE_BY_SHAPE = new RegExp(
  String.raw`(${NAME}),\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,4}?(?:model|product|chatbot|system|app|application|tool|drug|vaccine|jet|aircraft|car|phone|device|software|platform|service|game|robot|rocket|satellite)\s+(?:from|by|made by|developed by|built by|designed by)\s+(${NAME})`,
  "gu",
);

/** The name a sentence opens with, before a comma or its verb: "Anthropic, founded by …", "Acme said …". */
const SENTENCE_SUBJECT = new RegExp(
  String.raw`^\s*(${NAME})(?=,|['’]s\s|\s+(?:\p{Ll}+ed|\p{Ll}+s|is|was|has|had|will|won|made|said|got|took|drew)\b)`,
  "u",
);

/** Verbs of saying after a sentence's first name: the name is the speaker. */
const SAYS =
  /^\s+(?:said|says|told|tells|reported|reports|added|warned|claimed|claims|argued|argues|alleged|alleges|stated|announced|wrote)\b/;

/** A sentence opening with a pronoun names no one: "He said investors like …" is no organisation "He". */
const PRONOUN = /^(?:I|We|You|He|She|It|They)$/;
/** A name opening with a person's title: "Mr Lee", "Dr Ortiz". */
const PERSON_TITLE = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s/;

/**
 * Lists of names whose cue says what they are to the organisation the sentence is about:
 * "backing from Google (GOOGL) and Amazon (AMZN)", "investors including Binance and Sequoia",
 * "in partnership with companies like Atlassian and Stripe", "awarded to Google, Amazon and Oracle".
 */
const LIST_SHAPES: { attribute: string; cue: string; hint: RegExp; shape: RegExp }[] = [
  {
    attribute: "Backers",
    cue: "backing",
    hint: /back|fund|financ|invest/i,
    shape: new RegExp(
      String.raw`\b(?:backing|backed|funding|funded|financing|financed|investments?)\s+(?:from|by)\s+(?:(?:investors|companies|firms)\s+)?(?:(?:including|such as|like)\s+)?(${NAME_LIST})`,
      "gu",
    ),
  },
  {
    attribute: "Backers",
    cue: "investors",
    hint: /investor/i,
    shape: new RegExp(
      String.raw`\binvestors?(?:\s+base)?(?:\s*[,—–-]\s*which)?\s+(?:include|includes|including|such as|like)\s+(${NAME_LIST})`,
      "gu",
    ),
  },
  {
    attribute: "Partners",
    cue: "partnership",
    hint: /partner|alliance/i,
    shape: new RegExp(
      String.raw`\b(?:partnership|partnerships|partnering|partnered|alliance)\s+with\s+(?:(?:companies|firms|partners|groups)\s+)?(?:(?:including|such as|like)\s+)?(${NAME_LIST})`,
      "gu",
    ),
  },
  {
    attribute: "Products",
    cue: "products",
    hint: /models|products|brands|chatbots|drugs|vehicles/i,
    shape: new RegExp(
      String.raw`\b(?:models|products|brands|chatbots|drugs|vehicles)\b[^.;:]{0,40}?\b(?:including|such as|like)\s+(${NAME_LIST})`,
      "gu",
    ),
  },
  { attribute: "Awarded to", cue: "awarded", hint: /awarded/i, shape: new RegExp(String.raw`\bawarded\s+to\s+(${NAME_LIST})`, "gu") },
];

/**
 * Whether a name reads as an organisation's by its last word ("Wells Fargo Bank", "Acme Corp.")
 * or its first ("University of Valencia"). Industries count: a person is not called "Electric
 * Aerospace", so "General" before it is part of a company's name, not a general's rank.
 */
const ORGANIZATION_WORDS =
  /\b(?:inc|corp|corporation|ltd|llc|plc|ag|sa|gmbh|company|co|group|bank|university|agency|ministry|department|council|commission|party|association|society|organi[sz]ation|foundation|institute|league|federation|club|cent(?:er|re)|service|survey|union|court|police|army|navy|committee|authority|board|office|fund|administration|reuters|press|news|times|post|journal|holdings|management|investments|ventures|industries|technologies|systems|motors|electric|aerospace|dynamics|mills|airlines|airways|energy|capital|partners|pharmaceuticals|insurance|media|communications|entertainment|labs|semiconductor|steel|chemicals|foods|nations|guard|forces|corps|assembly|parliament|congress|senate|bureau|directorate|government|tribunal|exchange|reserve|united|brigades?|secretariat|hospital|college|academy|museum|pharma)\.?$|^(?:university|bank|ministry|department|council|institute|cent(?:er|re)s?|office)\b|^(?:bureau|agency|board|commission|committee|court|federation|league|administration|authority|organi[sz]ation|association|society|academy|museum|college|school|hospital|fund|corps)\s+(?:of|for|on)\b/i;
export const namesAnOrganization = (name: string) => ORGANIZATION_WORDS.test(name);

const officeLabel = (office: string) => OFFICES.find(([re]) => re.test(office))?.[1] ?? office;

/**
 * Titles written before a name, as the person's Role: "Secretary of Defense Pete Hegseth",
 * "Under-Secretary of Defense for Research and Engineering Emil Michael". The quote starts at the
 * title, which is the value.
 */
export function titlesBeforeNames(text: string, known: (name: string) => boolean): RoleFound[] {
  if (!TITLE_HINT.test(text)) return [];
  const found: RoleFound[] = [];
  for (const m of text.matchAll(TITLE_SHAPE)) {
    let role = m[1]!;
    let person = m[2]!;
    // A known name may start inside what the pattern took for the title: "Secretary of State Antony John Blinken".
    const words = `${role} ${person}`.split(/\s+/);
    for (let k = Math.max(1, words.length - 5); k < words.length - 1; k++) {
      const candidate = words.slice(k).join(" ");
      if (known(candidate) && candidate.length > person.length) {
        person = candidate;
        role = words.slice(0, k).join(" ");
        break;
      }
    }
    if (namesAnOrganization(person)) continue;
    const cue = role.split(/[\s-]+/)[0]!.toLowerCase();
    // "Prime Minister António Costa's successor": the person is António Costa.
    const owner = POSSESSIVE.exec(person)?.[0].length ?? 0;
    person = person.slice(0, person.length - owner);
    found.push({
      start: m.index,
      end: m.index + m[0].length - owner,
      subject: person,
      subjectKind: "person",
      attribute: "Role",
      value: role,
      cue,
    });
  }
  return found;
}

/**
 * Every title and office a line writes, in order, at their places in `text` (UTF-16). `known`
 * says whether a name is one the investigation knows (folded by the caller's rule), to take a
 * known name whole ("Emil Michael") and to accept a single word as a person ("Michael, a …").
 */
export function rolesIn(text: string, known: (name: string) => boolean): RoleFound[] {
  const found: RoleFound[] = [];
  const taken = (start: number, end: number) => found.some((f) => f.start < end && start < f.end);
  // Each shape is looked for only where its telling word is written: most sentences have none, and
  // the shapes' capitalised-word patterns are slow to try at every capital of a 2 MB text.
  const scan = (shape: RegExp, hint: RegExp) => (hint.test(text) ? text.matchAll(shape) : []);

  // "Anthropic CEO Dario Amodei", "OpenAI's chief executive Sam Altman", "CEO Sam Altman".
  for (const m of scan(OFFICE_SHAPE, OFFICE_HINT)) {
    // "Anthropic CEO Dario Amodei's memo": the holder is Dario Amodei.
    const owner = POSSESSIVE.exec(m[3]!)?.[0].length ?? 0;
    const holder = m[3]!.slice(0, m[3]!.length - owner);
    const org = m[1] ? trimName(m[1]) : null;
    // "President" before a name with no organisation is a head of state's title, read below.
    if (!org?.name && /^[Pp]resident$/.test(m[2]!)) continue;
    // "Vice President Fuat Oktay", "Former CEO …": a title's own first word, not an organisation.
    if (org && (NOT_A_NAME.test(org.name) || TITLE_WORD.test(org.name) || (NATIONALITY.test(org.name) && !known(org.name)))) continue;
    found.push({
      start: org ? m.index + org.skipped : m.index + m[0].indexOf(m[2]!),
      end: m.index + m[0].length - owner,
      subject: org?.name ?? null,
      subjectKind: "organization",
      attribute: officeLabel(m[2]!),
      value: holder,
      cue: m[2]!.toLowerCase(),
    });
  }

  for (const f of titlesBeforeNames(text, known)) if (!taken(f.start, f.end)) found.push(f);

  // "a former Uber executive", "former Google engineer": the employer, of the person the sentence is about.
  // Written as an apposition, it is that name's: "Michael, a former Uber executive".
  for (const m of scan(FORMER_SHAPE, /[Ff]ormer\s/)) {
    const holder = m[1] ? trimName(m[1]) : null;
    const person = holder && (holder.name.includes(" ") || known(holder.name)) && !NOT_A_NAME.test(holder.name) ? holder : null;
    // "founded by former OpenAI researchers": people unnamed, not one person's past.
    if (!person && /s$/.test(m[0])) continue;
    const start = person ? m.index + person.skipped : m.index + m[0].search(/[Ff]ormer/);
    const end = m.index + m[0].length;
    if (taken(start, end)) continue;
    found.push({
      start,
      end,
      subject: person?.name ?? null,
      subjectKind: "person",
      attribute: "Former employer",
      value: m[2]!,
      cue: "former",
    });
  }

  /** A person's office, written beside them from `start` to `end`, unless something else is proposed there. */
  const office = (start: number, end: number, name: string, phrase: string) => {
    if (taken(start, end)) return;
    found.push({
      start,
      end,
      subject: name,
      subjectKind: "person",
      attribute: "Role",
      value: phrase.replace(/^(?:a|an)\s+/i, ""),
      cue: ROLE_NOUN.exec(phrase)![0].toLowerCase(),
    });
  };

  // "Emil Michael, the Pentagon's chief technology officer," / "Michael, a Department of Defense representative".
  // Only a text with a role noun somewhere may hold one: most sentences have none, and the shape is slow to try.
  for (const m of ROLE_NOUN.test(text) ? scan(APPOSITION_SHAPE, /,\s+\p{Ll}/u) : []) {
    const { name, skipped } = trimName(m[1]!);
    const phrase = m[2]!;
    // The role heads the phrase: "New York, a city whose mayor resigned" is no mayor.
    if (!ROLE_NOUN.test(phrase.split(/\b(?:whose|who|that|which|where|when)\b/)[0]!)) continue;
    // One word is a person only when the investigation knows it ("Michael"); else two or more.
    if (!name.includes(" ") && !known(name)) continue;
    if (NOT_A_NAME.test(name)) continue;
    office(m.index + skipped, m.index + m[0].length, name, phrase);
  }

  // "the transport minister, Óscar Puente,": the office before its holder.
  for (const m of scan(OFFICE_THEN_NAME, /,\s+\p{Lu}/u)) {
    const { name } = trimName(m[2]!);
    // "the chief executive of the parent company, Alphabet Inc,", "the president of the country,
    // South Africa,": the name after the comma is the company's or the country's, not the office's holder.
    const placeOrBody = namesAnOrganization(name) || [COUNTRIES, REGIONS, CITIES].some((places) => places.has(foldText(name)));
    if (name.includes(" ") && !NOT_A_NAME.test(name) && !placeOrBody) office(m.index, m.index + m[0].length, name, m[1]!);
  }

  // "with backing from Google (GOOGL) and Amazon (AMZN)": a list of names, of the organisation the sentence is about.
  for (const { attribute, cue, hint, shape } of LIST_SHAPES) {
    for (const m of scan(shape, hint)) {
      // "… from Sequoia and Index.": the full stop ends the sentence, not a short form ("Acme Inc.").
      const value = /[\p{Ll}\p{N}]{2}\.$/u.test(m[1]!) && !/\b(?:Inc|Co|Corp|Ltd|Bros|Jr|Sr)\.$/.test(m[1]!) ? m[1]!.slice(0, -1) : m[1]!;
      const start = m.index + m[0].indexOf(m[1]!);
      const end = start + value.length;
      if (taken(start, end)) continue;
      // Whose: the name the sentence opens with ("Anthropic, founded by …, with backing from …"), else the nearest.
      const opening = SENTENCE_SUBJECT.exec(text.slice(0, m.index));
      // "Police said the attack was funded by …": who says it is not whose it is.
      const speaks = opening && SAYS.test(text.slice(opening.index + opening[0].length, opening.index + opening[0].length + 24));
      const owner = opening && !speaks ? trimName(opening[1]!).name : "";
      const subject = owner && !NOT_A_NAME.test(owner) && !TITLE_ONLY.test(owner) && !PRONOUN.test(owner) ? owner : null;
      // "Mr Lee, backed by …": a person's backers.
      found.push({
        start,
        end,
        subject,
        subjectKind: subject && PERSON_TITLE.test(subject) ? "person" : "organization",
        attribute,
        value,
        cue,
      });
    }
  }

  // "Elon Musk's xAI", "Rupert Murdoch's News Corp": a person's company, said of the company. Only a
  // company the investigation knows ("Sunak's party", "Musk's stake" name none), owned by a person
  // written in full or known: "Anthropic's Claude" is a product, no company owned.
  for (const m of scan(OWNED_SHAPE, /['’]s\s/u)) {
    const { name: owner, skipped } = trimName(m[1]!);
    const company = trimName(m[2]!.replace(/\.$/, "")).name;
    // A person by their given name ("Elon Musk", not "The Pentagon"), a company by none ("Emil Michael" is a person).
    if (!owner.includes(" ") || NOT_A_NAME.test(owner) || !opensWithGivenName(owner) || namesAnOrganization(owner)) continue;
    const known2 = [company, company.split(/\s+/)[0]!].find((n) => known(n) && !opensWithGivenName(n));
    if (!known2 || foldText(known2) === foldText(owner)) continue;
    // "Keir Starmer's Labour won 412 seats", "Donald Trump's Republicans": a party is led, not owned.
    if (PARTY_NAME.test(known2) || ELECTION_WORDS.test(text.slice(m.index, m.index + m[0].length + 80))) continue;
    const start = m.index + skipped;
    const end = m.index + m[0].indexOf(m[2]!) + known2.length;
    if (taken(start, end)) continue;
    found.push({ start, end, subject: known2, subjectKind: "organization", attribute: "Owner", value: owner, cue: "'s" });
  }

  // "Mythos, a particularly powerful AI model from Anthropic": who makes a product, said of the product.
  for (const m of scan(MADE_BY_SHAPE, /\b(?:from|by)\s+\p{Lu}/u)) {
    const { name, skipped } = trimName(m[1]!);
    if (!name || NOT_A_NAME.test(name)) continue;
    const start = m.index + skipped;
    const end = m.index + m[0].length;
    if (taken(start, end)) continue;
    found.push({ start, end, subject: name, subjectKind: "product", attribute: "Developer", value: m[2]!, cue: "made by" });
  }

  // "Anthropic, founded by former OpenAI researchers in 2021, …": the organisation's founders, as written.
  for (const m of scan(FOUNDED_SHAPE, /founded/i)) {
    const end = m.index + m[0].length;
    if (taken(m.index, end)) continue;
    found.push({ start: m.index, end, subject: null, subjectKind: "organization", attribute: "Founders", value: m[1]!, cue: "founded" });
  }
  return found.sort((a, b) => a.start - b.start);
}
