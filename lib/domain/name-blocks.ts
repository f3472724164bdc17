import { distance } from "fastest-levenshtein";

/**
 * Which entities' names are worth comparing: a blocking index for naming detection
 * (`detectNamingConflicts` in lib/domain/conflicts.ts). Comparing every pair of entities is
 * quadratic; here every name and alias, read once (a `NameForm`), files a few keys, and only
 * entities of one kind that share a key are compared, each pair once. The keys follow the rules
 * of `namesLikelySame` so that every pair of names it can match shares at least one key:
 * blocking changes how much is compared, never what is found. Pure.
 *
 * How each rule is covered. `n` is the numbers a name carries: every rule after "the same name"
 * needs both names to carry the same numbers, so those keys include them. A title ("Mr.") comes
 * off one side only, which leaves a list of words inside the one written, in the same order.
 *
 * - The same name, up to case and accents; a possessive prefix off one or both (SAME_NAME): the
 *   folded name.
 * - The same words, apart or joined, or once a title comes off (SAME_WORDS): n + the words
 *   joined, with and without the title.
 * - An acronym (ACRONYM, one-sided): n + the letters of a name of 2 to 6 letters, looked up by
 *   n + each initials string of another name.
 * - One name part of the other, every word of the shorter one in the longer one (PART,
 *   one-sided): n + how many words the shorter name has + its rarest word (any of its words
 *   would do; the rarest keeps the block small), looked up by n + each smaller number of words +
 *   every word of a longer name.
 * - Words aligned in order, some shortened ("Intl Monetary Fund", "N. Korea") (ALIGNED): at
 *   least one word is the same on both sides, and the shorter name has another word, matched by
 *   a word with the same first letter (a short form, an initial or a contraction begins with its
 *   word's letter), on the same side of it. So n + a word + the first letter of another word +
 *   which side it is on, for every ordered pair of words. This covers an organisation's leading
 *   words with a last word of the same initial too (its first word, the last word's initial, after).
 * - A letter or two apart, an edit distance of at most k = max(1, ⌊l / 8⌋) between folded names
 *   of l ≥ 6 letters and more (EDIT, one-sided): a name of length l cut into k + 1 pieces keeps
 *   one piece untouched, with i edits before it and at most k − i after, so a longer (or as
 *   long) name holds that piece within i places of where it starts in the shorter one, and
 *   within k − i of where it would start counted from the end. Each name files n + its length +
 *   which piece + the piece, for each of its pieces, and looks up, for each shorter length l it
 *   is within the budget of, the substrings where such a piece could start.
 * - A possessive prefix off one name, then any rule: a name files the keys of the names left as
 *   its possessive prefixes come off, too.
 *
 * One-sided keys say only that a rule might hold: "Mary Karzel" and "John Karzel" share a piece
 * but are four edits apart; "Department of Transport" is not part of "National Transport
 * Agency". So before proposing a pair, the two names that met under such a key are checked
 * against the rule (an edit distance, a word inclusion), which is cheaper than comparing every
 * name of the two entities.
 *
 * Huge blocks. No key is a bare word, so a common word ("company", "john", "national") makes no
 * huge block by itself: the keys that come from words also carry what else the rule needs (the
 * numbers, another word's initial and side; the shorter name's length and rarest word). One-sided
 * keys cost a lookup, not a block. What can still be large is what the rules find large too:
 * many entities with one name, one set of words or one acronym are that many real matches, each
 * of which must be reported. Nothing is capped or dropped, since a cap would lose exactly the
 * matches only that key finds; names made to defeat the keys (thousands of "A… Company") cost
 * more comparisons, never a match.
 */

/** One name or alias, read once: what naming detection compares, computed by `prepareName` (conflicts.ts). */
export type NameForm = {
  /** The name as written, trimmed. */
  trimmed: string;
  /** Folded for comparison (lib/domain/text.ts). */
  folded: string;
  /** The numbers the name carries, digits and regnal numerals: names with different numbers are different things. */
  numbers: string;
  /** Its words, folded, without small words ("the", "of"). */
  tokens: string[];
  /** The words joined with spaces, and with nothing. */
  spaced: string;
  joined: string;
  /** The letters of the name as written, and lower-cased: a possible acronym. */
  letters: string;
  lettersLower: string;
  /** Initials, with and without the small words. */
  initials: string[];
  /** Whether the first word is a title ("Mr", "Dr"). */
  titled: boolean;
  /** The name without its possessive prefix, when that changes the folded name. */
  stripped: NameForm | null;
};

/** An entity as the index sees it: its kind (only entities of one kind are paired) and its names. */
export type BlockedEntity = { kind: string; names: NameForm[] };

/** The most edits two names may differ by and still be "a letter or two apart", by the shorter one's length. */
export const editBudget = (shorter: number) => Math.max(1, Math.floor(shorter / 8));

/** The shortest folded names the edit-distance rule compares. */
export const EDIT_MIN_LENGTH = 6;

/**
 * What a name files under a one-sided key, for checking the rule the key stands for before a pair
 * is proposed: the name (edit distance), the words of the shorter name (part of the other), or nothing.
 */
type Payload = NameForm | string[] | null;

/** The one-sided rules: one name part of the other, an acronym, a letter or two apart. */
const PART = 0;
const ACRONYM = 1;
const EDIT = 2;
type OneSided = typeof PART | typeof ACRONYM | typeof EDIT;

/**
 * Where the keys of a name go. Most keys pair each entity filed under them with each other one
 * (`each`). The rest are one-sided: a name files some (`one`: a possible acronym, the rarest word
 * of a possibly shorter name, its own pieces) and looks up others (`other`: its initials, its
 * words, the substrings where a piece of another name could start).
 */
type Sink = {
  each?: (key: number) => void;
  one?: (rule: OneSided, key: number, payload: Payload) => void;
  other?: (rule: OneSided, key: number, payload: Payload) => void;
};

// Keys are hashed to small integers as they are made (FNV-1a), with no string built for them.
// Equal keys hash alike, so no pair that shares a key is missed; two keys that happen to share a
// hash only add a pair to compare, and the rules decide it.
const FNV_PRIME = 16777619;
const FNV_BASIS = 2166136261 | 0;
/** `h` with the code units of text[start, end) folded in, then an end mark. */
function hashText(h: number, text: string, start = 0, end = text.length): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0x10000, FNV_PRIME);
}
/** `h` with a number folded in (a rule, a length, a letter): kept apart from code units. */
const mix = (h: number, n: number) => Math.imul(h ^ (n + 0x20000), FNV_PRIME);
/** A hash as a Map key: a small non-negative integer, cheap to look up. */
const key = (h: number) => h & 0x3fffffff;

/** The two-sided rules, as they start a key (the one-sided ones start theirs with PART, ACRONYM, EDIT), and word counts. */
const SAME_NAME = 10;
const SAME_WORDS = 11;
const ALIGNED = 12;
const WORD_COUNT = 13;

/**
 * Piece i of a string of length l cut into k + 1 pieces as even as they can be (the last
 * l mod (k + 1) one letter longer): its length and where it starts.
 */
const pieceLength = (l: number, k: number, i: number) => Math.floor(l / (k + 1)) + (i < k + 1 - (l % (k + 1)) ? 0 : 1);
const pieceStart = (l: number, k: number, i: number) => {
  const base = Math.floor(l / (k + 1));
  const shorter = k + 1 - (l % (k + 1));
  return i <= shorter ? i * base : shorter * base + (i - shorter) * (base + 1);
};

/**
 * The partition keys of a name for the edit-distance rule: its own pieces (`one`), and the
 * substrings where a piece of a name as long or shorter, within the edit budget, could start (`other`).
 * `tag`: the hash of the numbers the name carries.
 */
function editKeys(form: NameForm, tag: number, sink: Sink): void {
  const s = form.folded;
  const L = s.length;
  if (L < EDIT_MIN_LENGTH) return;
  const { one, other } = sink;
  const rule = mix(tag, EDIT);
  if (one) {
    for (let i = 0, k = editBudget(L), h = mix(rule, L); i <= k; i++) {
      const start = pieceStart(L, k, i);
      one(EDIT, key(hashText(mix(h, i), s, start, start + pieceLength(L, k, i))), form);
    }
  }
  if (!other) return;
  for (let l = L; l >= EDIT_MIN_LENGTH; l--) {
    const k = editBudget(l);
    const delta = L - l;
    // The budget only shrinks as l does, while the difference in length grows.
    if (delta > k) break;
    for (let i = 0, h = mix(rule, l); i <= k; i++) {
      const start = pieceStart(l, k, i);
      const length = pieceLength(l, k, i);
      const high = Math.min(L - length, start + i, start + delta + (k - i));
      for (let q = Math.max(0, start - i, start + delta - (k - i)); q <= high; q++) {
        other(EDIT, key(hashText(mix(h, i), s, q, q + length)), form);
      }
    }
  }
}

/** The hash of a name's words written together, as `words.join("")` would give. */
function joinedHash(h: number, words: string[]): number {
  for (const w of words) for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0x10000, FNV_PRIME);
}

/** The hash of the numbers a name carries, which every key after "the same name" starts from. */
const tagOf = (f: NameForm) => hashText(FNV_BASIS, f.numbers);

/**
 * Every key of one name, and of the names left as its possessive prefixes come off. `rarest`
 * picks the word of a list that the fewest names carry.
 */
function nameKeys(form: NameForm, rarest: (words: string[], tag: number) => string, sink: Sink): void {
  const { each, one, other } = sink;
  for (let f: NameForm | null = form; f; f = f.stripped) {
    if (!f.folded) continue;
    const tag = tagOf(f);
    const words = f.tokens;
    if (each) each(key(hashText(mix(FNV_BASIS, SAME_NAME), f.folded)));
    // The words as written, and without a leading title (only one side's comes off).
    for (const list of f.titled && words.length > 1 ? [words, words.slice(1)] : [words]) {
      if (!list.length) continue;
      if (each) each(key(joinedHash(mix(tag, SAME_WORDS), list)));
      if (one) one(PART, key(hashText(mix(mix(tag, PART), list.length), rarest(list, tag))), list);
    }
    // Only a name with fewer words can be part of this one.
    if (other) {
      for (let m = 1; m < words.length; m++) for (const w of words) other(PART, key(hashText(mix(mix(tag, PART), m), w)), f);
    }
    if (each) {
      for (let i = 0; i < words.length; i++) {
        const h = hashText(mix(tag, ALIGNED), words[i]!);
        for (let j = 0; j < words.length; j++) if (i !== j) each(key(mix(mix(h, words[j]!.charCodeAt(0)), j < i ? 0 : 1)));
      }
    }
    if (one && f.letters.length >= 2 && f.letters.length <= 6) one(ACRONYM, key(hashText(mix(tag, ACRONYM), f.lettersLower)), null);
    if (other) for (const initials of new Set(f.initials)) other(ACRONYM, key(hashText(mix(tag, ACRONYM), initials)), null);
    editKeys(f, tag, sink);
  }
}

/**
 * Whether the rule a one-sided key stands for may hold between the two names that met under it.
 * The keys say only that it might: "Mary Karzel" and "John Karzel" share a piece but are four
 * edits apart; "Department of Transport" is not part of "National Transport Agency". Checking
 * here, on the two names, is cheaper than comparing the entities' every name.
 */
function mayHold(rule: OneSided, one: Payload, other: Payload): boolean {
  if (rule === EDIT) {
    const [x, y] = [(one as NameForm).folded, (other as NameForm).folded];
    const budget = editBudget(Math.min(x.length, y.length));
    return Math.abs(x.length - y.length) <= budget && distance(x, y) <= budget;
  }
  if (rule === PART) {
    const [short, long] = [one as string[], (other as NameForm).tokens];
    return short.length < long.length && short.every((w) => long.includes(w));
  }
  return true;
}

/** Entity, payload, entity, payload...: the names filed under a one-sided key. */
type Filed = (number | Payload)[];

/**
 * The pairs of entities worth comparing: entities of one kind that share a key, each pair once,
 * as [i, j] with i < j (indexes into `entities`), ordered by i then j, as a loop over all pairs
 * would meet them. With `focus` (indexes), only the pairs that involve a focused entity: only
 * the focused entities file their keys, and every other entity looks its keys up among them.
 */
export function candidatePairs(entities: BlockedEntity[], focus?: ReadonlySet<number>): [number, number][] {
  // Per kind: how many names carry each word; the entities under each two-sided key (one entity
  // as a number, more as a list: most keys have one); the names under each one-sided key, by
  // rule, of either side (the other side's only with a focus).
  type Index = {
    counts: Map<number, number>;
    each: Map<number, number | number[]>;
    ones: Map<number, Filed>[];
    others: Map<number, Filed>[];
  };
  const byKind = new Map<string, Index>();
  const indexOf = (kind: string) => {
    let index = byKind.get(kind);
    if (!index) {
      const maps = () => [new Map<number, Filed>(), new Map<number, Filed>(), new Map<number, Filed>()];
      byKind.set(kind, (index = { counts: new Map(), each: new Map(), ones: maps(), others: maps() }));
    }
    return index;
  };
  const countKey = (tag: number, word: string) => key(hashText(mix(tag, WORD_COUNT), word));
  for (const e of entities) {
    const { counts } = indexOf(e.kind);
    for (const name of e.names) {
      for (let f: NameForm | null = name; f; f = f.stripped) {
        const tag = tagOf(f);
        for (const w of new Set(f.tokens)) counts.set(countKey(tag, w), (counts.get(countKey(tag, w)) ?? 0) + 1);
      }
    }
  }
  const file = (map: Map<number, Filed>, k: number, entity: number, payload: Payload) => {
    const filed = map.get(k);
    if (!filed) map.set(k, [entity, payload]);
    else if (filed.at(-2) !== entity || filed.at(-1) !== payload) filed.push(entity, payload);
  };

  const n = entities.length;
  const seen = new Set<number>();
  const code = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  /** `entity`'s name (with `payload`) meets the names filed under a one-sided key, if the rule may hold. */
  const meet = (rule: OneSided, filed: Filed | undefined, entity: number, payload: Payload, filedOnOneSide: boolean) => {
    if (!filed) return;
    for (let x = 0; x < filed.length; x += 2) {
      const a = filed[x] as number;
      if (a === entity || seen.has(code(a, entity))) continue;
      const there = filed[x + 1] as Payload;
      if (filedOnOneSide ? mayHold(rule, there, payload) : mayHold(rule, payload, there)) seen.add(code(a, entity));
    }
  };

  // The entity whose keys are being made, and the index of its kind (both set by `keysOf`).
  let entity = -1;
  let index: Index = { counts: new Map(), each: new Map(), ones: [], others: [] };
  const rarest = (words: string[], tag: number) => {
    let best = words[0]!;
    let fewest = Infinity;
    for (const w of words) {
      const count = index.counts.get(countKey(tag, w)) ?? 0;
      if (count < fewest || (count === fewest && w < best)) [best, fewest] = [w, count];
    }
    return best;
  };
  const keysOf = (e: number, sink: Sink) => {
    entity = e;
    index = indexOf(entities[e]!.kind);
    for (const name of entities[e]!.names) nameKeys(name, rarest, sink);
  };

  // The entities that file their keys: all of them, or the focused ones.
  const filers = focus ? [...focus].filter((i) => i >= 0 && i < n).sort((a, b) => a - b) : [...entities.keys()];
  const filing: Sink = {
    each: (k) => {
      const filed = index.each.get(k);
      // An entity's keys come together: a key it files again ends the list.
      if (filed === undefined) index.each.set(k, entity);
      else if (typeof filed === "number") {
        if (filed !== entity) index.each.set(k, [filed, entity]);
      } else if (filed.at(-1) !== entity) filed.push(entity);
    },
    one: (rule, k, payload) => file(index.ones[rule]!, k, entity, payload),
    other: focus ? (rule, k, payload) => file(index.others[rule]!, k, entity, payload) : undefined,
  };
  for (const e of filers) keysOf(e, filing);
  for (const { each } of byKind.values()) {
    for (const list of each.values()) {
      if (typeof list === "number") continue;
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) seen.add(code(list[x]!, list[y]!));
    }
  }
  const lookingUp: Sink = { other: (rule, k, payload) => meet(rule, index.ones[rule]!.get(k), entity, payload, true) };
  for (const e of filers) keysOf(e, lookingUp);

  // With a focus, every other entity looks all its keys up among the focused entities'.
  if (focus) {
    const joining: Sink = {
      each: (k) => {
        const filed = index.each.get(k);
        if (filed !== undefined) for (const a of typeof filed === "number" ? [filed] : filed) seen.add(code(a, entity));
      },
      one: (rule, k, payload) => meet(rule, index.others[rule]!.get(k), entity, payload, false),
      other: (rule, k, payload) => meet(rule, index.ones[rule]!.get(k), entity, payload, true),
    };
    for (let e = 0; e < n; e++) if (!focus.has(e)) keysOf(e, joining);
  }
  return [...seen].sort((a, b) => a - b).map((c) => [Math.floor(c / n), c % n]);
}
