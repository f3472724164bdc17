import fc from "fast-check";
import { distance } from "fastest-levenshtein";
import { describe, expect, test } from "vitest";
import type { EntityKind } from "@/lib/domain/claims.ts";
import {
  COUNTRY_CODE,
  type DetectedConflict,
  describeNameMatch,
  detectNamingConflicts,
  detectNamingConflictsAllPairs,
  type NamedEntity,
  type NameMatch,
  namesLikelySame,
  SUGGESTIONS,
} from "@/lib/domain/conflicts.ts";
import { foldText } from "@/lib/domain/text.ts";

/**
 * Naming detection compares only entities that share a block (lib/domain/name-blocks.ts), and
 * compares names read once. Both must change nothing: on random sets of realistic names, the
 * blocked detection finds exactly what comparing every pair of entities with the rules as they
 * were before finds, in the same order, with the same reasons.
 */

// ---------------------------------------------------------------------------------------------
// The reference: `namesLikelySame` and `detectNamingConflicts` as they were before blocking
// (commit 7519f2f), word for word, reading every name afresh on every comparison.

const STOP = new Set(["the", "of", "and", "for", "a", "an"]);
const tokens = (name: string) =>
  foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t && !STOP.has(t));

/** "the Pentagon's Michael" → "Michael"; "Secretary of Defense Pete Hegseth" stays (a title is not a possessive). */
function stripPossessivePrefix(name: string): string {
  return name.replace(/^(?:the\s+)?[\p{L}.\s-]+[’']s\s+/iu, "").trim();
}

/** Initials with and without the small words: "Department of Defense" → "dod", "dd"; "U.S. Geological Survey" → "usgs". */
function initials(name: string): string[] {
  const words = foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const all = words.map((w) => w[0]!).join("");
  const content = words
    .filter((w) => !STOP.has(w))
    .map((w) => w[0]!)
    .join("");
  return [all, content];
}

/** The numbers a name carries: digits, and regnal numerals after a name ("Felipe VI"). */
function numbersIn(name: string): string {
  const digits = foldText(name).match(/\d+/g) ?? [];
  const roman = name
    .split(/[^\p{L}\p{N}]+/u)
    .slice(1)
    .filter((w) => /^(?=[IVXLC])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(w));
  return [...digits, ...roman].join(" ");
}

/** Short forms that are not a prefix or a contraction of their word. */
const SHORT_FORMS: Record<string, string[]> = {
  co: ["company"],
  cos: ["companies"],
  st: ["saint", "street"],
  mt: ["mount", "mountain"],
  ft: ["fort"],
  jr: ["junior"],
  sr: ["senior"],
  bros: ["brothers"],
};

/**
 * Whether `s` is a short form of `w`: a known one ("Co." / "Company"), a prefix of three letters
 * or more ("Univ" / "University", "Corp" / "Corporation"), or a contraction keeping the first and
 * last letters, at most half as long ("Dept" / "Department", "Govt" / "Government", "Intl" /
 * "International"; not "Dan" / "Dylan").
 * A single letter is an initial, a weaker hint.
 */
function shortFormOf(s: string, w: string): "short" | "initial" | null {
  if (s.length >= w.length || /\d/.test(s) || /\d/.test(w)) return null;
  if (SHORT_FORMS[s]?.includes(w)) return "short";
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

const round = (score: number) => Math.round(score * 100) / 100;

/**
 * Why two names probably name one thing, with a score from 0 to 1, or null. Names that carry
 * different numbers ("2019 final" / "2018 final", "Route 9" / "Route 19") are never the same.
 * The weakest hint (shared leading words, a last word with the same initial) is for organisations
 * only (`kind`): two people who share a first name are not one person.
 */
function legacyNamesLikelySame(a: string, b: string, kind?: EntityKind): NameMatch | null {
  const fa = foldText(a);
  const fb = foldText(b);
  if (!fa || !fb) return null;
  if (a.trim() === b.trim()) return { why: "The names are the same.", score: 1 };
  if (fa === fb) return { why: "The names differ only in case or accents.", score: 0.95 };
  // "2019 final" and "2018 final", "Route 9" and "Route 19": names that differ in their numbers are different things.
  if (numbersIn(a) !== numbersIn(b)) return null;
  let ta = tokens(a);
  let tb = tokens(b);
  if (ta.length && ta.join(" ") === tb.join(" "))
    return { why: "The names differ only in hyphens, punctuation or small words.", score: 0.9 };
  if (ta.length && ta.join("") === tb.join("")) return { why: "One name joins words that the other writes apart.", score: 0.9 };
  const pa = foldText(stripPossessivePrefix(a));
  const pb = foldText(stripPossessivePrefix(b));
  if ((pa !== fa || pb !== fb) && pa && pb && (pa === pb || pa === fb || pb === fa))
    return { why: "One name is the other with a possessive prefix.", score: 0.85 };
  const compactA = a.replace(/[^\p{L}]/gu, "");
  const compactB = b.replace(/[^\p{L}]/gu, "");
  const [acronym, full] = compactA.length <= compactB.length ? [compactA, b] : [compactB, a];
  if (acronym.length >= 2 && acronym.length <= 6 && !/\s/.test(acronym) && initials(full).includes(acronym.toLowerCase())) {
    return { why: "One name is the acronym of the other.", score: 0.8 };
  }
  // "Mr. Amodei" / "Dario Amodei": a title on one side only is no part of the name.
  const titledA = HONORIFICS.has(ta[0] ?? "");
  const titledB = HONORIFICS.has(tb[0] ?? "");
  if (titledA !== titledB) {
    if (titledA && ta.length > 1) ta = ta.slice(1);
    if (titledB && tb.length > 1) tb = tb.slice(1);
    if (ta.join(" ") === tb.join(" ")) return { why: "The names differ only in a title.", score: 0.85 };
  }
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  // Since: a code at the head of a longer name ("US" / "US government") names whose it is, not it.
  const shortName = (ta.length <= tb.length ? a : b).trim();
  if (
    kind !== "person" &&
    short.length > 0 &&
    short.length < long.length &&
    short.every((t, i) => long[i] === t) &&
    COUNTRY_CODE.test(shortName)
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
  if (Math.min(fa.length, fb.length) >= 6) {
    const d = distance(fa, fb);
    if (d <= Math.max(1, Math.floor(Math.min(fa.length, fb.length) / 8)))
      return { why: "The names differ by a letter or two.", score: d === 1 ? 0.75 : 0.65 };
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
  const inner =
    pa !== fa
      ? legacyNamesLikelySame(stripPossessivePrefix(a), b, kind)
      : pb !== fb
        ? legacyNamesLikelySame(a, stripPossessivePrefix(b), kind)
        : null;
  if (inner) return { why: "One name, without its possessive prefix, matches the other.", score: round(inner.score * 0.9) };
  return null;
}

function legacyDetectNamingConflicts(entities: NamedEntity[], decidedDifferent: Set<string> = new Set(), focus?: Set<string>) {
  const found: DetectedConflict[] = [];
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      const a = entities[i]!;
      const b = entities[j]!;
      if (a.kind !== b.kind || (focus && !focus.has(a.id) && !focus.has(b.id))) continue;
      const pair = [a.id, b.id].sort();
      const key = `naming:${pair.join(":")}`;
      if (decidedDifferent.has(key)) continue;
      let best: NameMatch | null = null;
      for (const x of [a.name, ...a.aliases]) {
        for (const y of [b.name, ...b.aliases]) {
          const match = legacyNamesLikelySame(x, y, a.kind);
          if (match && (!best || match.score > best.score)) best = match;
        }
      }
      if (!best) continue;
      found.push({
        key,
        kind: "naming",
        claimIds: [],
        entityIds: pair,
        summary: describeNameMatch(best),
        suggestion: SUGGESTIONS.naming,
      });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Names as articles write them, and what another article makes of them.

/** Words from a line of words. */
const wordList = (line: string) => line.split(" ");

const WORDS = [
  // people
  ...wordList("John Jon Jonathan Joan Mary Emil Michael Dario Óscar Oscar Felipe Jean-Luc Al Alwaleed Waleed bin Talal Dan"),
  ...wordList("Dylan Smith Smyth Amodei Mueller Puente Hegseth O'Brien"),
  // organisations
  ...wordList("National International Intl Federal United U.S. North South Department Dept Ministry University Univ"),
  ...wordList("Government Govt Acme Geological Meteorological Security Monetary Defense Survey Service Agency Fund Company"),
  ...wordList("Co. Corp Corporation Brothers Bros Association of the and for Hong Kong Korea Carolina"),
  // places
  ...wordList("Kowloon City KowloonCity Saint St. Louis Mount Mt Fuji Fort Ft. Worth Xinxian Township New York Junior Jr."),
];
const TITLES = ["Mr.", "Mrs", "Ms", "Dr.", "Prof.", "Sir", "Dame", "Miss", "King", "Secretary"];
const OWNERS = ["the Pentagon's", "the Pentagon’s", "Reuters’s", "Acme's", "the ministry's", "O'Brien's", "U.S.'s"];
const NUMBERS = ["", "", "", "", " 2019", " 2018", " 9", " 19", " VI", " V", " III", " 3.5", " 4.5"];
const SHORT: Record<string, string[]> = {
  company: ["Co.", "Co"],
  saint: ["St.", "St"],
  street: ["St."],
  mount: ["Mt", "Mt."],
  fort: ["Ft."],
  junior: ["Jr."],
  brothers: ["Bros", "Bros."],
  department: ["Dept", "Dept.", "Dep"],
  government: ["Govt", "Gov"],
  international: ["Intl", "Int'l", "Internat"],
  university: ["Univ", "Univ.", "Uni"],
  corporation: ["Corp", "Corp."],
  association: ["Assn", "Assoc."],
};
const ACCENTS: Record<string, string> = { a: "á", e: "é", o: "ó", u: "ü", n: "ñ", s: "ß", O: "Ó" };

const baseName = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .record({
        prefix: fc.constantFrom("", "", "", "", "Mr. ", "Dr ", "Sir ", "the Pentagon's ", "Reuters’s ", "the ", "King "),
        words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }),
        number: fc.constantFrom(...NUMBERS),
      })
      .map(({ prefix, words, number }) => `${prefix}${words.join(" ")}${number}`),
  },
  // Whatever someone might type.
  { weight: 1, arbitrary: fc.string({ maxLength: 14 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "The", "the of", "—", "A.", "DoD", "NSA", "USGS", "IMF", "S. Korea", "N. Korea") },
);

const OPS = [
  "delete",
  "insert",
  "substitute",
  "transpose",
  "upper",
  "lower",
  "accent",
  "initial",
  "dropWord",
  "addWord",
  "acronym",
  "shorten",
  "join",
  "hyphen",
  "possessive",
  "strip",
  "title",
  "number",
  "lastWord",
  "spaces",
  "swapWords",
] as const;
type Op = { op: (typeof OPS)[number]; at: number; pick: number };
const op: fc.Arbitrary<Op> = fc.record({ op: fc.constantFrom(...OPS), at: fc.nat(), pick: fc.nat() });

/** What another article might write for `name`: a typo, an initial, an acronym, a short form, a title... */
function rewrite(name: string, { op, at, pick }: Op): string {
  const words = name.split(" ");
  const w = at % words.length;
  const i = name.length ? at % name.length : 0;
  const letter = "abcdefghijklmnopqrstuvwxyz"[pick % 26]!;
  const small = ["the", "of", "and", "for", "a", "an"];
  switch (op) {
    case "delete":
      return name.slice(0, i) + name.slice(i + 1);
    case "insert":
      return name.slice(0, i) + letter + name.slice(i);
    case "substitute":
      return name.slice(0, i) + letter + name.slice(i + 1);
    case "transpose":
      return i + 1 < name.length ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name;
    case "upper":
      return name.toUpperCase();
    case "lower":
      return name.toLowerCase();
    case "accent": {
      const j = [...name].findIndex((ch, k) => k >= i && ACCENTS[ch]);
      return j < 0 ? name : [...name].map((ch, k) => (k === j ? ACCENTS[ch]! : ch)).join("");
    }
    case "initial":
      words[w] = `${words[w]!.slice(0, 1)}${pick % 2 ? "." : ""}`;
      return words.join(" ");
    case "dropWord":
      return words.length > 1 ? words.filter((_, k) => k !== w).join(" ") : name;
    case "addWord":
      words.splice(w + (pick % 2), 0, WORDS[pick % WORDS.length]!);
      return words.join(" ");
    case "acronym": {
      const kept = pick % 2 ? words.filter((x) => !small.includes(x.toLowerCase())) : words;
      return kept.map((x) => x.slice(0, 1).toUpperCase()).join(pick % 3 ? "" : ".");
    }
    case "shorten": {
      const word = words[w]!;
      const known = SHORT[word.toLowerCase()];
      words[w] = known ? known[pick % known.length]! : word.slice(0, 3 + (pick % 3));
      return words.join(" ");
    }
    case "join":
      return words.length > 1 ? [...words.slice(0, w), words[w]! + (words[w + 1] ?? ""), ...words.slice(w + 2)].join(" ") : name;
    case "hyphen":
      return words.length > 1 ? words.slice(0, w + 1).join(" ") + "-" + words.slice(w + 1).join(" ") : name;
    case "possessive":
      return `${OWNERS[pick % OWNERS.length]} ${name}`;
    case "strip":
      return name.replace(/^.*?[’']s\s+/u, "");
    case "title":
      return `${TITLES[pick % TITLES.length]} ${name}`;
    case "number":
      return name.replace(/\s+(?:\d[\d.]*|[IVX]+)$/u, "") + NUMBERS[pick % NUMBERS.length];
    case "lastWord": {
      const last = words.at(-1)!.toLowerCase();
      const same = WORDS.filter((x) => x[0]?.toLowerCase() === last[0] && x.toLowerCase() !== last);
      words[words.length - 1] = same.length ? same[pick % same.length]! : WORDS[pick % WORDS.length]!;
      return words.join(" ");
    }
    case "spaces":
      return pick % 2 ? ` ${name}  ` : words.join("  ");
    case "swapWords":
      if (words.length < 2 || w + 1 >= words.length) return name;
      [words[w], words[w + 1]] = [words[w + 1]!, words[w]!];
      return words.join(" ");
  }
}

/** A pool of names: some written afresh, the rest rewritten from earlier ones (mostly once, up to four times). */
const rewrites = fc.oneof(
  { weight: 3, arbitrary: fc.array(op, { minLength: 1, maxLength: 1 }) },
  fc.array(op, { minLength: 2, maxLength: 4 }),
);
const namePool = fc
  .tuple(fc.array(baseName, { minLength: 1, maxLength: 8 }), fc.array(fc.record({ from: fc.nat(), ops: rewrites }), { maxLength: 20 }))
  .map(([bases, derived]) => {
    const pool = [...bases];
    for (const d of derived) pool.push(d.ops.reduce(rewrite, pool[d.from % pool.length]!));
    return pool;
  });

const KINDS: EntityKind[] = ["organization", "person", "organization", "place"];

/**
 * Entities of a few kinds, with ids not in the order they come in, named from one pool: mostly
 * each its own name, sometimes one another's; a few with aliases.
 */
const entitySet = fc
  .tuple(
    namePool,
    fc.array(
      fc.record({
        kind: fc.nat(),
        name: fc.option(fc.nat(), { freq: 5 }),
        aliases: fc.oneof({ weight: 3, arbitrary: fc.constant<number[]>([]) }, fc.array(fc.nat(), { minLength: 1, maxLength: 3 })),
      }),
      { maxLength: 24 },
    ),
  )
  .map(([pool, specs]) =>
    specs.map((s, i): NamedEntity => ({
      id: `id${(i * 37) % 101}`,
      kind: KINDS[s.kind % KINDS.length]!,
      name: pool[(s.name ?? i) % pool.length]!,
      aliases: s.aliases.map((a) => pool[a % pool.length]!),
    })),
  );

/** Two entities: a name, and what another article makes of it (or of a name made from it). */
const relatedPair = fc
  .tuple(baseName, rewrites, rewrites, fc.constantFrom(...KINDS), fc.boolean())
  .map(([base, ops, more, kind, both]): NamedEntity[] => {
    const other = ops.reduce(rewrite, base);
    return [
      { id: "b", kind, name: both ? more.reduce(rewrite, base) : base, aliases: [] },
      { id: "a", kind, name: other, aliases: [] },
    ];
  });

/** Two entities: a long name, and the same with a few letters wrong (the edit-distance rule allows more on longer names). */
const typoPair = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 7 }),
    fc.array(fc.record({ op: fc.constantFrom<Op["op"]>("delete", "insert", "substitute"), at: fc.nat(), pick: fc.nat() }), {
      minLength: 1,
      maxLength: 5,
    }),
  )
  .map(([words, ops]): NamedEntity[] => [
    { id: "x", kind: "organization", name: words.join(" "), aliases: [] },
    { id: "y", kind: "organization", name: ops.reduce(rewrite, words.join(" ")), aliases: [] },
  ]);

const decisions = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 });
const keysOf = (entities: NamedEntity[], picks: [number, number][]) =>
  new Set(
    entities.length
      ? picks.map(([x, y]) => `naming:${[entities[x % entities.length]!.id, entities[y % entities.length]!.id].sort().join(":")}`)
      : [],
  );

describe("naming detection with blocking finds what comparing every pair finds", () => {
  test("names read once compare as names read afresh", () => {
    fc.assert(
      fc.property(namePool, fc.nat(), fc.nat(), fc.constantFrom<EntityKind | undefined>(undefined, ...KINDS), (pool, x, y, kind) => {
        const [a, b] = [pool[x % pool.length]!, pool[y % pool.length]!];
        expect(namesLikelySame(a, b, kind)).toEqual(legacyNamesLikelySame(a, b, kind));
        expect(namesLikelySame(b, a, kind)).toEqual(legacyNamesLikelySame(b, a, kind));
      }),
      { numRuns: 3000 },
    );
  });

  test("a name and what another article makes of it", () => {
    fc.assert(
      fc.property(relatedPair, (entities) => {
        const expected = legacyDetectNamingConflicts(entities);
        expect(detectNamingConflicts(entities)).toEqual(expected);
        // After a change to either: only one of the two is focused.
        expect(detectNamingConflicts(entities, new Set(), new Set(["a"]))).toEqual(expected);
        expect(detectNamingConflicts(entities, new Set(), new Set(["b"]))).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  test("a long name with a few letters wrong", () => {
    fc.assert(
      fc.property(typoPair, (entities) => {
        const expected = legacyDetectNamingConflicts(entities);
        expect(detectNamingConflicts(entities)).toEqual(expected);
        expect(detectNamingConflicts(entities, new Set(), new Set(["y"]))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  test("from scratch: the same findings, in the same order, for the same reasons", () => {
    fc.assert(
      fc.property(entitySet, decisions, (entities, picks) => {
        const decided = keysOf(entities, picks);
        expect(detectNamingConflicts(entities, decided)).toEqual(legacyDetectNamingConflicts(entities, decided));
      }),
      { numRuns: 400 },
    );
  });

  test("after a change: the same findings for the focused entities", () => {
    fc.assert(
      fc.property(entitySet, decisions, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (entities, picks, focusPicks) => {
        const decided = keysOf(entities, picks);
        const focus = new Set(focusPicks.map((f) => (entities.length ? entities[f % entities.length]!.id : "none")));
        expect(detectNamingConflicts(entities, decided, focus)).toEqual(legacyDetectNamingConflicts(entities, decided, focus));
      }),
      { numRuns: 300 },
    );
  });

  test("the all-pairs reference exported for benchmarks is the reference", () => {
    fc.assert(
      fc.property(entitySet, (entities) => {
        expect(detectNamingConflictsAllPairs(entities)).toEqual(legacyDetectNamingConflicts(entities));
      }),
      { numRuns: 50 },
    );
  });
});
