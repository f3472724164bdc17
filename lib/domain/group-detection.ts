import type { AttributeSense } from "@/lib/domain/attribute-sense.ts";
import { lowerBound, upperBound } from "@/lib/domain/sorted.ts";
import {
  type ConflictKind,
  type DetectedConflict,
  type DetectionClaim,
  FAMILY_OF_KIND,
  GROUP_FAMILIES,
  groupKey,
  KIND_OF_RELATION,
  pairOrderKey,
  type PairVerdict,
  PRIORITY,
  readingsCompare,
  relate,
  runs,
  SUGGESTIONS,
  type ValueReading,
  valueReading,
  whenOf,
} from "@/lib/domain/conflicts.ts";
import { apart } from "@/lib/domain/moments.ts";

/**
 * What detection knows of one subject + attribute group, kept so that a claim added to a large
 * group is compared with each of the group's claims once, not every pair again.
 *
 * A group's conflicts follow from its disagreeing pairs: per family (value, correction, change
 * over time, measure, containment), the claims in any such pair, the most telling kind among
 * them, and the explanation of that kind's first pair in a fixed order (see `pairOrderKey`).
 * None of these needs the pairs themselves, only: the members, each kind's first pair, the first
 * decrease (it explains a change over time when there is one), and how many updates and
 * decreases there are. Adding a claim adds pairs, and each of these only grows or moves to an
 * earlier pair, so the state of the group with one more claim is the old state extended by the
 * new claim's pairs. Anything else (an edit, a retraction, a new name for an entity, the
 * attribute's sense) recomputes the group from its claims.
 */
export type PairRef = { a: string; b: string; why: string };

export type FamilyState = {
  ids: string[];
  first: Partial<Record<ConflictKind, PairRef>>;
  firstDecrease: PairRef | null;
  updates: number;
  decreases: number;
};

export type GroupState = {
  /** Changes when this code's idea of a state changes: older states are recomputed, never read. */
  version: number;
  sense: AttributeSense;
  /** The active claims the state covers: how many, and a sum of their ids' hashes. */
  count: number;
  fingerprint: number;
  families: Record<string, FamilyState>;
};

/** Raised whenever `relate` reads more of a claim or decides otherwise: a stored state of older rules is computed again. */
export const GROUP_STATE_VERSION = 6;

/** A 32-bit FNV-1a hash of a claim id; summed over a group (order does not matter). */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Which active claims a state covers, as stored beside it. */
export function fingerprintOf(claims: DetectionClaim[]): { count: number; fingerprint: number } {
  let count = 0;
  let fingerprint = 0;
  for (const c of claims) {
    if (c.status !== "active") continue;
    count++;
    fingerprint = (fingerprint + hashId(c.id)) >>> 0;
  }
  return { count, fingerprint };
}

const earlier = (x: Omit<PairRef, "why">, y: Omit<PairRef, "why">) => x.a < y.a || (x.a === y.a && x.b < y.b);

type Building = { ids: Set<string>; state: FamilyState };

/** The family a verdict counts in, or null when it says the two claims can both hold. */
const familyOf = (v: PairVerdict): string | null =>
  v.relation === "consistent" || v.fits ? null : FAMILY_OF_KIND[KIND_OF_RELATION[v.relation]]!;

/**
 * `count` disagreeing pairs of one verdict, the earliest of them `at`; members are the caller's.
 * The verdict's explanation is read only when its pair is the first of its kind so far.
 */
function addPairs(families: Map<string, Building>, family: string, v: PairVerdict, at: Omit<PairRef, "why">, count: number) {
  const kind = KIND_OF_RELATION[v.relation as keyof typeof KIND_OF_RELATION];
  let f = families.get(family);
  if (!f) {
    f = { ids: new Set(), state: { ids: [], first: {}, firstDecrease: null, updates: 0, decreases: 0 } };
    families.set(family, f);
  }
  let pair: PairRef | undefined;
  const first = f.state.first[kind];
  if (!first || earlier(at, first)) f.state.first[kind] = pair ??= { ...at, why: v.why };
  if (v.relation === "decrease") {
    if (!f.state.firstDecrease || earlier(at, f.state.firstDecrease)) f.state.firstDecrease = pair ?? { ...at, why: v.why };
    f.state.decreases += count;
  }
  if (v.relation === "update") f.state.updates += count;
}

function addPair(families: Map<string, Building>, a: DetectionClaim, b: DetectionClaim, ref: Omit<PairRef, "why">, v: PairVerdict) {
  const family = familyOf(v);
  if (family === null) return;
  addPairs(families, family, v, ref, 1);
  families.get(family)!.ids.add(a.id).add(b.id);
}

function finish(families: Map<string, Building>, sense: AttributeSense, claims: DetectionClaim[]): GroupState {
  const out: Record<string, FamilyState> = {};
  for (const [family, f] of families) out[family] = { ...f.state, ids: [...f.ids].sort() };
  return { version: GROUP_STATE_VERSION, sense, ...fingerprintOf(claims), families: out };
}

const sorted = (claims: DetectionClaim[]) =>
  claims
    .filter((c) => c.status === "active")
    .map((c) => [pairOrderKey(c), c] as const)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));

/** Up to this many active claims, a group's pairs are compared one by one. */
const SMALL_GROUP = 12;
/** From this many kin (claims alike: see `likeness`), a group is first tried by sweep (`groupStateBySweep`). */
const SWEEP_FROM = 64;
/** At most this many pairs compared one by one in a sweep (each held in a set until compared). */
const SWEEP_MOST = 8_000_000;

function everyPair(active: (readonly [string, DetectionClaim])[], claims: DetectionClaim[], sense: AttributeSense): GroupState {
  const families = new Map<string, Building>();
  for (let i = 0; i < active.length; i++) {
    const [ka, a] = active[i]!;
    for (let j = i + 1; j < active.length; j++) {
      const [kb, b] = active[j]!;
      const verdict = relate(a, b, sense);
      if (verdict) addPair(families, a, b, { a: ka, b: kb }, verdict);
    }
  }
  return finish(families, sense, claims);
}

/**
 * What `relate` reads of a claim: two claims alike in all of it relate to every other claim, and
 * to each other, the same way (ids and the status are not read; the words around the quote only
 * for whether they write a count still running).
 */
const likeness = (c: DetectionClaim) => JSON.stringify([c.value, ...readAround(c, true, true)]);

/** Claims alike (see `likeness`), in pair order: `keys` ascending, `claims` beside them. */
type Kin = { keys: string[]; claims: DetectionClaim[] };

/** How many pairs (x, y) with x from `xs`, y from `ys` and x before y; both lists ascending. */
function pairsBefore(xs: string[], ys: string[]): number {
  let count = 0;
  let j = 0;
  for (const x of xs) {
    while (j < ys.length && ys[j]! <= x) j++;
    count += ys.length - j;
  }
  return count;
}

/** The first y in ascending `ys` after x (one exists: the caller checked). */
function firstAfter(ys: string[], x: string): string {
  let lo = 0;
  let hi = ys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ys[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return ys[lo]!;
}

/** A group's state comparing every pair of its active claims: the reference the faster ways must equal (tests, benchmarks). */
export function groupStateAllPairs(claims: DetectionClaim[], sense: AttributeSense): GroupState {
  return everyPair(sorted(claims), claims, sense);
}

/**
 * What `relate` reads of a claim but its value: claims alike in it (a block, with values read
 * alike) relate to the claims of another block the same way whatever their values, but for
 * whether the values agree and whether they look like a scale slip. The article counts only
 * when a claim of the group is in a correction; the reported and quoted moments only when the
 * attribute changes over time, a claim of the group is written as a running count, or one names its
 * source (one source's figures hours apart are its revisions); for a fixed one otherwise only the
 * as-of dates written can set claims apart.
 */
const contextOf = (c: DetectionClaim, articles: boolean, moments: boolean) => JSON.stringify(readAround(c, articles, moments));

/** What `relate` reads of a claim besides its value: its article and its reported and quoted moments only when asked. */
const readAround = (c: DetectionClaim, article: boolean, moments: boolean) => [
  article ? c.articleId : null,
  c.asOf,
  moments ? (c.published ?? null) : null,
  moments ? (c.quoteMoment ?? null) : null,
  c.inCorrection ?? false,
  c.valueEntityId ?? null,
  c.valueEntityAncestors ?? null,
  c.accordingTo ?? null,
  c.method ?? null,
  c.appliesToPart ?? null,
  runs(c),
];

/** Claims of one context whose values compare alike: their indexes in pair order, ascending. */
type Block = { members: number[]; reading: ValueReading; claim: DetectionClaim; odd: boolean };

/** Whether a running tally's claims of two contexts are apart in time: their verdicts then turn on which value is lower. */
function tallyOverTime(a: DetectionClaim, b: DetectionClaim, sense: AttributeSense): boolean {
  if (sense.change !== "tally") return false;
  const ma = whenOf(a, true);
  const mb = whenOf(b, true);
  return Boolean(ma && mb && apart(ma, mb));
}

type Interval = Extract<ValueReading, { sweep: "interval" }>;

/** A figure's reading (money, a number, a percentage), whose intervals were read as written. */
const isFigure = (r: ValueReading) => r.sweep === "interval" && r.kind !== "date";

/**
 * Of two blocks of a running tally apart in time, the earlier (as `relate` orders them), or false
 * when their moments start together (the order then follows the pair's) or a figure's interval
 * is not as written (`valueReading` widened it): such pairs are compared one by one.
 */
function earlierOf(P: Block, Q: Block): Block | false {
  const mp = whenOf(P.claim, true)!;
  const mq = whenOf(Q.claim, true)!;
  if (mp.start === mq.start || [P, Q].some((b) => b.odd)) return false;
  return mp.start < mq.start ? P : Q;
}

/**
 * For each of `qs` (claim indexes, ascending), how many of `items` lie beyond it in pair order
 * (after it when `after`, else before it) with `value(item)` at most `threshold(q)` (`atMost`)
 * or at least it: a sweep in pair order, counting in a Fenwick tree over the values sorted.
 */
function beyond(
  qs: number[],
  items: number[],
  after: boolean,
  threshold: (q: number) => number,
  value: (i: number) => number,
  atMost: boolean,
): Int32Array {
  const byValue = [...items].sort((x, y) => value(x) - value(y) || x - y);
  const values = byValue.map(value);
  const rank = new Map(byValue.map((i, r) => [i, r]));
  const tree = new Int32Array(items.length + 1);
  const insert = (r: number) => {
    for (let k = r + 1; k <= items.length; k += k & -k) tree[k]!++;
  };
  const prefix = (r: number) => {
    let sum = 0;
    for (let k = r; k > 0; k -= k & -k) sum += tree[k]!;
    return sum;
  };
  const out = new Int32Array(qs.length);
  let inserted = 0;
  let next = after ? items.length - 1 : 0;
  for (let t = after ? qs.length - 1 : 0; after ? t >= 0 : t < qs.length; t += after ? -1 : 1) {
    const q = qs[t]!;
    for (; after ? next >= 0 && items[next]! > q : next < items.length && items[next]! < q; next += after ? -1 : 1) {
      insert(rank.get(items[next]!)!);
      inserted++;
    }
    const limit = threshold(q);
    out[t] = atMost ? prefix(upperBound(values, limit)) : inserted - prefix(lowerBound(values, limit));
  }
  return out;
}

/**
 * A group's state, the same as comparing every pair (`groupStateAllPairs`), without comparing
 * every pair: claims are sorted into blocks (one context, values read alike: `contextOf`,
 * `valueReading`), and between two blocks every pair whose values cannot agree nor look like a
 * scale slip relates the same way (in each order). So the pairs that may (values whose
 * intervals meet, found by a sweep over the intervals sorted by their low ends; figures about a
 * power of ten apart, by binary search over the figures sorted; texts sharing a key) are
 * compared one by one, and of the others only the first in pair order, its verdict counted for
 * all of them. Lists, times and a running tally's readings apart in time are compared pair by
 * pair. Null when more than `budget` pairs would be compared one by one: the caller then
 * compares claims alike once instead (`groupState`).
 */
export function groupStateBySweep(claims: DetectionClaim[], sense: AttributeSense, budget = Infinity): GroupState | null {
  return sweep(sorted(claims), claims, sense, budget);
}

function sweep(
  active: (readonly [string, DetectionClaim])[],
  claims: DetectionClaim[],
  sense: AttributeSense,
  budget: number,
): GroupState | null {
  const n = active.length;
  const cs = active.map(([, c]) => c);
  const ks = active.map(([k]) => k);
  const articles = cs.some((c) => c.inCorrection);
  // And when a claim names its source: one source's figures hours apart are its revisions (see `relate`).
  const moments = sense.change !== "fixed" || cs.some(runs) || cs.some((c) => Boolean(c.accordingTo?.trim()));
  const readings = cs.map(valueReading);
  const byContext = new Map<string, Block>();
  const blocks: Block[] = [];
  for (let i = 0; i < n; i++) {
    const r = readings[i]!;
    if (r.sweep === "none") continue;
    const cls = r.sweep === "interval" ? `i${r.kind}|${r.dimension ?? ""}|${r.unit ?? ""}` : r.sweep === "text" ? "t" : `p${r.kind}`;
    const key = `${cls}\u0000${contextOf(cs[i]!, articles, moments)}`;
    let block = byContext.get(key);
    if (!block) {
      byContext.set(key, (block = { members: [], reading: r, claim: cs[i]!, odd: false }));
      blocks.push(block);
    }
    block.members.push(i);
    if (r.sweep === "interval" && r.odd) block.odd = true;
  }
  const families = new Map<string, Building>();
  let compared = 0;
  const compare = (i: number, j: number) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const v = relate(cs[a]!, cs[b]!, sense);
    if (v) addPair(families, cs[a]!, cs[b]!, { a: ks[a]!, b: ks[b]! }, v);
  };
  // Per claim, the pairs compared one by one within the blocks at hand: where it comes first, and where second.
  const first = new Int32Array(n);
  const second = new Int32Array(n);
  // The same, of the pairs whose figure went down over time (see `split`).
  const firstDown = new Int32Array(n);
  const secondDown = new Int32Array(n);
  /**
   * How two blocks' pairs are compared: not at all (values never compared), one by one
   * ("pairwise"), or by sweep, split (a running tally's figures apart in time: a later one below
   * an earlier one is a decrease, else an update; the earlier block given) or not (null).
   */
  const how = (P: Block, Q: Block): "none" | "pairwise" | Block | null => {
    if (!readingsCompare(P.reading, Q.reading)) return "none";
    if (P.reading.sweep === "pairwise") return "pairwise";
    if (P === Q || !isFigure(P.reading) || !tallyOverTime(P.claim, Q.claim, sense)) return null;
    return earlierOf(P, Q) || "pairwise";
  };
  const pairsOf = (P: Block, Q: Block) => (P === Q ? (P.members.length * (P.members.length - 1)) / 2 : P.members.length * Q.members.length);
  // Pairs to compare one by one counted first: past the budget, none is compared.
  for (let bi = 0; bi < blocks.length; bi++) {
    for (let bj = bi; bj < blocks.length; bj++) {
      if (how(blocks[bi]!, blocks[bj]!) === "pairwise") compared += pairsOf(blocks[bi]!, blocks[bj]!);
    }
  }
  if (compared > budget) return null;
  for (let bi = 0; bi < blocks.length; bi++) {
    for (let bj = bi; bj < blocks.length; bj++) {
      const P = blocks[bi]!;
      const Q = blocks[bj]!;
      const same = bi === bj;
      const mode = how(P, Q);
      if (mode === "none") continue;
      const split = mode === "pairwise" ? null : mode;
      if (mode === "pairwise") {
        for (let x = 0; x < P.members.length; x++)
          for (let y = same ? x + 1 : 0; y < Q.members.length; y++) compare(P.members[x]!, Q.members[y]!);
        continue;
      }
      let special: Set<number>;
      try {
        special = specialPairs(P, Q, same, readings, n, budget - compared);
      } catch (e) {
        if (e === TOO_MANY) return null;
        throw e;
      }
      compared += special.size;
      for (const code of special) {
        const i = Math.floor(code / n);
        const j = code - i * n;
        compare(i, j);
        first[i]!++;
        second[j]!++;
      }
      const isSpecial = (i: number, j: number) => special.has(i * n + j);
      if (split) {
        const E = split;
        const at = (i: number) => readings[i] as Interval;
        /** Whether a pair of an earlier and a later claim (in time) went down. */
        const down = (e: number, l: number) => at(l).high <= at(e).low;
        const earlier = new Set(E.members);
        const fell = (i: number, j: number) => (earlier.has(i) ? down(i, j) : down(j, i));
        for (const code of special) {
          const i = Math.floor(code / n);
          const j = code - i * n;
          if (fell(i, j)) {
            firstDown[i]!++;
            secondDown[j]!++;
          }
        }
        for (const [X, Y] of [
          [P, Q],
          [Q, P],
        ] as const) {
          const xEarlier = X === E;
          // For each claim of X, how many of Y after it fell from it (or it from them); for each of Y, how many of X before it.
          const xFell = beyond(
            X.members,
            Y.members,
            true,
            xEarlier ? (x) => at(x).low : (x) => at(x).high,
            xEarlier ? (y) => at(y).high : (y) => at(y).low,
            xEarlier,
          );
          const yFell = beyond(
            Y.members,
            X.members,
            false,
            xEarlier ? (y) => at(y).high : (y) => at(y).low,
            xEarlier ? (x) => at(x).low : (x) => at(x).high,
            !xEarlier,
          );
          for (const wentDown of [true, false]) {
            let total = 0;
            let ref: [number, number] | null = null;
            const members: number[] = [];
            X.members.forEach((x, t) => {
              const after = Y.members.length - lowerBound(Y.members, x);
              const own = wentDown ? xFell[t]! - firstDown[x]! : after - xFell[t]! - (first[x]! - firstDown[x]!);
              total += own;
              if (own <= 0) return;
              members.push(x);
              for (let y = Y.members.length - after; !ref && y < Y.members.length; y++) {
                const other = Y.members[y]!;
                if (fell(x, other) === wentDown && !isSpecial(x, other)) ref = [x, other];
              }
            });
            if (total === 0) continue;
            Y.members.forEach((y, t) => {
              const before = lowerBound(X.members, y);
              const own = wentDown ? yFell[t]! - secondDown[y]! : before - yFell[t]! - (second[y]! - secondDown[y]!);
              if (own > 0) members.push(y);
            });
            bulk(families, cs, ks, sense, ref!, total, members);
          }
        }
        for (const i of [...P.members, ...Q.members]) firstDown[i] = secondDown[i] = 0;
      } else if (same) {
        const m = P.members;
        const total = (m.length * (m.length - 1)) / 2 - special.size;
        if (total > 0) {
          let ref: [number, number] | null = null;
          for (let x = 0; x < m.length && !ref; x++) {
            if (m.length - 1 - x <= first[m[x]!]!) continue;
            for (let y = x + 1; y < m.length; y++) {
              if (!isSpecial(m[x]!, m[y]!)) {
                ref = [m[x]!, m[y]!];
                break;
              }
            }
          }
          const members = m.filter((i) => m.length - 1 - first[i]! - second[i]! > 0);
          bulk(families, cs, ks, sense, ref!, total, members);
        }
      } else {
        // Pairs whose earlier claim is P's, then those whose earlier claim is Q's.
        for (const [X, Y] of [
          [P, Q],
          [Q, P],
        ] as const) {
          let total = 0;
          let ref: [number, number] | null = null;
          const members: number[] = [];
          for (const x of X.members) {
            const after = Y.members.length - lowerBound(Y.members, x);
            const own = after - first[x]!;
            total += own;
            if (own > 0) members.push(x);
            if (own > 0 && !ref) {
              for (let y = Y.members.length - after; y < Y.members.length; y++) {
                if (!isSpecial(x, Y.members[y]!)) {
                  ref = [x, Y.members[y]!];
                  break;
                }
              }
            }
          }
          if (total === 0) continue;
          for (const y of Y.members) if (lowerBound(X.members, y) - second[y]! > 0) members.push(y);
          bulk(families, cs, ks, sense, ref!, total, members);
        }
      }
      for (const i of P.members) first[i] = second[i] = 0;
      for (const i of Q.members) first[i] = second[i] = 0;
    }
  }
  return finish(families, sense, claims);
}

/** `count` pairs relating as the pair `ref` (the first of them in pair order) does; `members` the claims in them. */
function bulk(
  families: Map<string, Building>,
  cs: DetectionClaim[],
  ks: string[],
  sense: AttributeSense,
  [i, j]: [number, number],
  count: number,
  members: number[],
) {
  const v = relate(cs[i]!, cs[j]!, sense);
  const family = v && familyOf(v);
  if (!v || family === null) return;
  addPairs(families, family, v, { a: ks[i]!, b: ks[j]! }, count);
  const ids = families.get(family)!.ids;
  for (const m of members) ids.add(cs[m]!.id);
}

/** Thrown when more than `limit` pairs would be compared one by one. */
const TOO_MANY = new Error("more pairs than the budget");

/**
 * The pairs of claims of blocks P and Q (of P alone when `same`) whose values may agree or look
 * like a scale slip, each as `i * n + j` with i before j in pair order; `TOO_MANY` is thrown past `limit`.
 */
function specialPairs(P: Block, Q: Block, same: boolean, readings: ValueReading[], n: number, limit: number): Set<number> {
  const found = new Set<number>();
  const add = (i: number, j: number) => {
    if (i !== j) found.add(i < j ? i * n + j : j * n + i);
    if (found.size > limit) throw TOO_MANY;
  };
  if (P.reading.sweep === "text") {
    const byKey = new Map<string, number[]>();
    for (const j of Q.members) {
      for (const key of (readings[j] as Extract<ValueReading, { sweep: "text" }>).keys) {
        const list = byKey.get(key);
        if (list) list.push(j);
        else byKey.set(key, [j]);
      }
    }
    for (const i of P.members) {
      for (const key of (readings[i] as Extract<ValueReading, { sweep: "text" }>).keys) for (const j of byKey.get(key) ?? []) add(i, j);
    }
    return found;
  }
  const at = (i: number) => readings[i] as Interval;
  // Intervals that meet: a sweep by low end, each interval meeting those of the other side still open.
  const events = (
    same ? P.members.map((i) => [i, 0] as const) : [...P.members.map((i) => [i, 0] as const), ...Q.members.map((i) => [i, 1] as const)]
  ).sort(([x], [y]) => at(x).low - at(y).low || x - y);
  const open: number[][] = [[], []];
  for (const [i, side] of events) {
    const low = at(i).low;
    const other = open[same ? 0 : 1 - side]!;
    let kept = 0;
    for (const j of other) {
      if (at(j).high < low) continue;
      other[kept++] = j;
      add(i, j);
    }
    other.length = kept;
    open[side]!.push(i);
  }
  // Figures about a power of ten apart (see looksLikeScaleSlip), a little wider for rounding.
  const figures = Q.members.filter((j) => (at(j).mid ?? 0) > 0).sort((x, y) => at(x).mid! - at(y).mid!);
  if (figures.length) {
    const mids = figures.map((j) => at(j).mid!);
    const largest = mids[mids.length - 1]!;
    const smallest = mids[0]!;
    const range = (i: number, lo: number, hi: number) => {
      for (let t = lowerBound(mids, lo * (1 - 1e-9)); t < mids.length && mids[t]! <= hi * (1 + 1e-9); t++) add(i, figures[t]!);
    };
    for (const i of P.members) {
      const m = at(i).mid;
      if (m === null || !(m > 0)) continue;
      for (let power = 10; power < Infinity; power *= 10) {
        const up = m * 0.95 * power <= largest * (1 + 1e-9);
        const down = m / (0.95 * power) >= smallest * (1 - 1e-9);
        if (!up && !down) break;
        if (up) range(i, m * 0.95 * power, m * 1.05 * power);
        if (down) range(i, m / (1.05 * power), m / (0.95 * power));
      }
    }
  }
  return found;
}

/**
 * A group's state from all its claims, as if every pair of active claims were compared once.
 * Claims alike are compared as one (a big group repeats a few figures from a few articles many
 * times): each pair of kin is related once per order it occurs in, and its pairs are counted,
 * not walked. With no two claims alike this is every pair, once.
 */
export function groupState(claims: DetectionClaim[], sense: AttributeSense): GroupState {
  const active = sorted(claims);
  // A small group is cheaper to compare pair by pair than to sort into kin.
  if (active.length <= SMALL_GROUP) return everyPair(active, claims, sense);
  const byLikeness = new Map<string, Kin>();
  for (const [key, c] of active) {
    const like = likeness(c);
    let kin = byLikeness.get(like);
    if (!kin) byLikeness.set(like, (kin = { keys: [], claims: [] }));
    kin.keys.push(key);
    kin.claims.push(c);
  }
  const kins = [...byLikeness.values()];
  // Many different values (or reports): kin by kin would be nearly every pair. The sweep compares
  // those that may agree, unless they are many too (then it gives up before comparing any more
  // than half of what comparing kin by kin would).
  if (kins.length >= SWEEP_FROM) {
    const swept = sweep(active, claims, sense, Math.min((kins.length * kins.length) / 4, SWEEP_MOST));
    if (swept) return swept;
  }
  const families = new Map<string, Building>();
  const members = new Map<string, Set<Kin>>();
  const note = (v: PairVerdict, x: Kin, y: Kin, first: Omit<PairRef, "why">, count: number) => {
    const family = familyOf(v);
    if (family === null || count === 0) return;
    let set = members.get(family);
    if (!set) members.set(family, (set = new Set()));
    set.add(x).add(y);
    addPairs(families, family, v, first, count);
  };
  for (let i = 0; i < kins.length; i++) {
    const x = kins[i]!;
    const n = x.keys.length;
    if (n > 1) {
      const v = relate(x.claims[0]!, x.claims[1]!, sense);
      if (v) note(v, x, x, { a: x.keys[0]!, b: x.keys[1]! }, (n * (n - 1)) / 2);
    }
    for (let j = i + 1; j < kins.length; j++) {
      const y = kins[j]!;
      // Pairs are compared earlier claim first: x's before y's, then y's before x's.
      for (const [p, q] of [
        [x, y],
        [y, x],
      ] as const) {
        if (!(p.keys[0]! < q.keys[q.keys.length - 1]!)) continue;
        const v = relate(p.claims[0]!, q.claims[0]!, sense);
        if (!v || familyOf(v) === null) continue;
        note(v, p, q, { a: p.keys[0]!, b: firstAfter(q.keys, p.keys[0]!) }, pairsBefore(p.keys, q.keys));
      }
    }
  }
  for (const [family, kinSet] of members) {
    const f = families.get(family)!;
    for (const kin of kinSet) for (const c of kin.claims) f.ids.add(c.id);
  }
  return finish(families, sense, claims);
}

/**
 * The state after `added` (active) joined the group whose other claims are `others`, when the
 * attribute's sense is the same with and without it: the new claim's pairs only.
 */
export function extendGroupState(state: GroupState, others: DetectionClaim[], added: DetectionClaim): GroupState {
  const families = new Map<string, Building>(
    Object.entries(state.families).map(([family, f]) => [family, { ids: new Set(f.ids), state: { ...f, first: { ...f.first }, ids: [] } }]),
  );
  const key = pairOrderKey(added);
  for (const other of others) {
    if (other.status !== "active" || other.id === added.id) continue;
    const otherKey = pairOrderKey(other);
    const [a, b, ref] = otherKey < key ? [other, added, { a: otherKey, b: key }] : [added, other, { a: key, b: otherKey }];
    const verdict = relate(a, b, state.sense);
    if (verdict) addPair(families, a, b, ref, verdict);
  }
  return finish(families, state.sense, [...others.filter((o) => o.id !== added.id), added]);
}

/**
 * A large group's active claims sorted into kin (claims alike, see `likeness`), each kin's pair
 * order keys ascending: what extending the group's state by one claim compares that claim with
 * (one representative per kin and side), kept between saves by whoever keeps the group's claims.
 */
export class GroupKin {
  private readonly byLikeness = new Map<string, Kin>();
  /** The active claims indexed: how many, and the sum of their ids' hashes (see `fingerprintOf`). */
  count = 0;
  fingerprint = 0;

  /**
   * Each family's members as a set, beside the list of them it was made from: a state extended
   * save after save reuses it while its list is that same list (see `membersOf`).
   */
  private readonly members = new Map<string, { ids: string[]; set: Set<string> }>();

  constructor(claims: DetectionClaim[]) {
    for (const c of claims) if (c.status === "active") this.add(c);
  }

  /** A set of `ids` (a family's members, ascending), made once for the same list. */
  membersOf(family: string, ids: string[]): Set<string> {
    const known = this.members.get(family);
    if (known?.ids === ids) return known.set;
    const set = new Set(ids);
    this.members.set(family, { ids, set });
    return set;
  }

  /** `set`, made by `membersOf` for this family, now stands for `ids`. */
  membersNow(family: string, ids: string[], set: Set<string>): void {
    if (this.members.get(family)?.set === set) this.members.set(family, { ids, set });
  }

  /** Indexes one more active claim. */
  add(c: DetectionClaim): void {
    const like = likeness(c);
    let kin = this.byLikeness.get(like);
    if (!kin) this.byLikeness.set(like, (kin = { keys: [], claims: [] }));
    const key = pairOrderKey(c);
    const at = lowerBound(kin.keys, key);
    kin.keys.splice(at, 0, key);
    kin.claims.splice(at, 0, c);
    this.count++;
    this.fingerprint = (this.fingerprint + hashId(c.id)) >>> 0;
  }

  kins(): IterableIterator<Kin> {
    return this.byLikeness.values();
  }
}

/**
 * `extendGroupState` over a group's claims sorted into kin (`kin` holds exactly the active claims
 * `state` covers, not `added`): the new claim is related to one claim of each kin per side (the
 * kin's claims before it, and after it, in pair order), and each verdict counted for all of that
 * side's pairs, as `groupState` counts them. The same state as comparing it with every claim.
 */
export function extendGroupStateByKin(
  state: GroupState,
  kin: GroupKin,
  added: DetectionClaim,
  /** Filled, when given, with the ids each family gained (ascending). */
  gained?: Record<string, string[]>,
): GroupState {
  const families = new Map<string, Building>();
  const fresh = new Map<string, string[]>();
  const building = (family: string) => {
    let f = families.get(family);
    if (!f) {
      const was = state.families[family];
      f = {
        // The kin's own set of the members, added to here: the state this one extends is not read again.
        ids: was ? kin.membersOf(family, was.ids) : new Set(),
        state: was ? { ...was, first: { ...was.first } } : { ids: [], first: {}, firstDecrease: null, updates: 0, decreases: 0 },
      };
      families.set(family, f);
      fresh.set(family, []);
    }
    return f;
  };
  /** `count` pairs of `added` with the kin's claims `from` to `to` (in pair order), `ref` the first. */
  const note = (v: PairVerdict | null, ref: Omit<PairRef, "why">, count: number, k: Kin, from: number, to: number) => {
    const family = v && familyOf(v);
    if (!v || family === null || family === undefined) return;
    const f = building(family);
    addPairs(families, family, v, ref, count);
    const news = fresh.get(family)!;
    for (const c of [added, ...k.claims.slice(from, to)]) {
      if (f.ids.has(c.id)) continue;
      f.ids.add(c.id);
      news.push(c.id);
    }
  };
  const key = pairOrderKey(added);
  for (const k of kin.kins()) {
    const before = lowerBound(k.keys, key);
    const n = k.keys.length;
    if (before > 0) note(relate(k.claims[0]!, added, state.sense), { a: k.keys[0]!, b: key }, before, k, 0, before);
    if (before < n) note(relate(added, k.claims[0]!, state.sense), { a: key, b: k.keys[before]! }, n - before, k, before, n);
  }
  const out: Record<string, FamilyState> = { ...state.families };
  for (const [family, f] of families) {
    const news = fresh.get(family)!.sort();
    if (gained && news.length) gained[family] = news;
    const was = state.families[family]?.ids ?? [];
    out[family] = { ...f.state, ids: news.length ? merged(was, news) : was };
    kin.membersNow(family, out[family].ids, f.ids);
  }
  return {
    version: GROUP_STATE_VERSION,
    sense: state.sense,
    count: state.count + 1,
    fingerprint: (state.fingerprint + hashId(added.id)) >>> 0,
    families: out,
  };
}

/**
 * A large group's state is stored as a base and a tail: the tail is the whole state but for each
 * family's ids, of which it holds only those not in the base (a claim added to a group of ten
 * thousand then writes its own id, not ten thousand). `tail` is those ids per family, ascending;
 * `tailOf` gives what the tail stores, `withTail` the state again from both.
 */
export function tailOf(state: GroupState, tail: Record<string, string[]>): GroupState {
  const families: Record<string, FamilyState> = {};
  for (const [family, f] of Object.entries(state.families)) families[family] = { ...f, ids: tail[family] ?? [] };
  return { ...state, families };
}

export function withTail(base: GroupState, tail: GroupState): GroupState {
  const families: Record<string, FamilyState> = {};
  for (const [family, f] of Object.entries(tail.families))
    families[family] = { ...f, ids: merged(base.families[family]?.ids ?? [], f.ids) };
  return { ...tail, families };
}

/** The tail's ids per family with `gained` added: both ascending, and disjoint (ids are only gained once). */
export function growTail(tail: Record<string, string[]>, gained: Record<string, string[]>): Record<string, string[]> {
  const out = { ...tail };
  for (const [family, ids] of Object.entries(gained)) out[family] = merged(out[family] ?? [], ids);
  return out;
}

/**
 * Whether a tail of `tailIds` ids is better written into the base, for a state of `allIds` ids:
 * a tail is rewritten on every save, the base only now, so the tail is kept to about the square
 * root of what the base holds (each save then writes some √(2n) ids on average, not n).
 */
export const tailTooLong = (tailIds: number, allIds: number) => tailIds * tailIds > 2 * allIds;

/** Two ascending lists as one. */
function merged(xs: string[], ys: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < xs.length && j < ys.length) out.push(xs[i]! <= ys[j]! ? xs[i++]! : ys[j++]!);
  while (i < xs.length) out.push(xs[i++]!);
  while (j < ys.length) out.push(ys[j++]!);
  return out;
}

/** The conflicts a group's state stands for: one per family of disagreement. */
export function conflictsOfState(state: GroupState, subjectId: string, attribute: string): DetectedConflict[] {
  const found: DetectedConflict[] = [];
  for (const family of GROUP_FAMILIES) {
    const f = state.families[family];
    if (!f) continue;
    const kind = PRIORITY.find((k) => f.first[k])!;
    // A decrease explains a change over time better than any update.
    let summary = (kind === "temporal" && f.firstDecrease ? f.firstDecrease : f.first[kind]!).why;
    if (kind === "temporal" && f.decreases === 0)
      summary = `${summary} ${f.updates > 1 ? `${f.ids.length} reports over time, no decrease.` : ""}`.trim();
    found.push({
      key: `${groupKey(subjectId, attribute)}${family}`,
      kind,
      claimIds: f.ids,
      entityIds: [subjectId],
      summary,
      suggestion: SUGGESTIONS[kind],
    });
  }
  return found;
}
