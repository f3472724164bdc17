/**
 * The reconciled fact sheet (DESIGN.md): what the team hands on. Built here from plain data, with
 * no clock and no database, so the same data gives the same sheet — and the same bytes in every
 * format (lib/domain/factsheet-formats.ts). Nothing random reaches the output: sources, facts,
 * citations and conflicts are numbered in a fixed order, never named by database ids. What needs a
 * name that outlives the numbering (a claim, for links and JSON-LD) is named by content that a
 * backup restored under a new slug keeps: its article's text hash and where its quote sits.
 */
import { type ClaimStatus, type EntityKind, preferredLabel } from "@/lib/domain/claims.ts";
import type { ConflictKind } from "@/lib/domain/conflicts.ts";
import type { ResolutionKind } from "@/lib/domain/inputs.ts";
import { foldText } from "@/lib/domain/text.ts";
import { describeValue, type NormalizedValue } from "@/lib/domain/values.ts";

export const FACTSHEET_SCHEMA = "crosscheck.factsheet/v1";

// ---------------------------------------------------------------------------------------------
// Input: what the data layer reads

export type SheetArticle = {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedText: string | null;
  /** YYYY-MM-DD, when the publication date was understood. */
  publishedOn: string | null;
  /** SHA-256 (hex) of the article's text: the text the claims' positions count in. */
  contentHash: string;
};

export type SheetEntity = { id: string; name: string; kind: EntityKind; aliases: string[] };

export type SheetClaim = {
  id: string;
  articleId: string;
  subjectId: string;
  subjectText: string;
  attribute: string;
  attributeLabel: string;
  valueText: string;
  value: NormalizedValue;
  asOfText: string | null;
  /** YYYY-MM-DD first and last days of the as-of date, when it could be placed in time. */
  asOfStart: string | null;
  asOfEnd: string | null;
  status: ClaimStatus;
  statusReason: string | null;
  quote: string;
  prefix: string;
  suffix: string;
  /** Unicode code points of the article's text (W3C TextPositionSelector). */
  start: number;
  end: number;
};

export type SheetResolution = {
  kind: ResolutionKind;
  rationale: string;
  reviewer: string;
  /** YYYY-MM-DD */
  decidedOn: string;
  acceptedClaimId: string | null;
  valueText: string | null;
  value: NormalizedValue | null;
  /** Both valid: as-of dates by claim id. */
  asOf: Record<string, { text: string; start: string | null }>;
  scope: string | null;
};

export type SheetConflict = {
  id: string;
  kind: ConflictKind;
  status: "open" | "resolved" | "dismissed";
  summary: string;
  claimIds: string[];
  entityIds: string[];
  resolution: SheetResolution | null;
};

export type FactSheetInput = {
  /** `createdAt` (ISO 8601) survives a restore under a new slug, so it names the investigation in JSON-LD. */
  investigation: { slug: string; title: string; description: string; createdAt: string };
  /** The investigation's last change (ISO 8601): the sheet's time stamp. */
  lastChange: string;
  articles: SheetArticle[];
  entities: SheetEntity[];
  claims: SheetClaim[];
  conflicts: SheetConflict[];
};

// ---------------------------------------------------------------------------------------------
// Output

export type FactStatus = "confirmed" | "single_source" | "resolved" | "contested";
export const FACT_STATUSES: FactStatus[] = ["confirmed", "single_source", "resolved", "contested"];
export const FACT_STATUS_LABELS: Record<FactStatus, string> = {
  confirmed: "Confirmed",
  single_source: "Single source",
  resolved: "Resolved",
  contested: "Contested",
};

/**
 * What one decision says about one claim. The claim a reviewer accepts is `accepted`, the ones it
 * sets aside `rejected` (or `superseded`, by the article's own correction); a reconciled value makes
 * every claim in the conflict `reconciled`, "both valid" makes them `both_valid`, and "not a
 * conflict" or another claim's annotation mistake leaves them `not_contradicted`. Merging entities
 * says nothing about a claim's value, so it gives none.
 */
export const VERDICTS = ["accepted", "rejected", "superseded", "reconciled", "both_valid", "not_contradicted"] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, string> = {
  accepted: "Accepted",
  rejected: "Rejected",
  superseded: "Superseded by the article's correction",
  reconciled: "Reconciled",
  both_valid: "Both valid",
  not_contradicted: "Not contradicted",
};

export type ClaimDecision = {
  verdict: Verdict;
  kind: ResolutionKind;
  rationale: string;
  reviewer: string;
  /** YYYY-MM-DD */
  date: string;
  /** Reconciled: the value the reviewer recorded. */
  value: string | null;
};

export type Citation = {
  /** 1-based, in order of first appearance in the sheet. */
  n: number;
  /**
   * The claim's stable name: the first 12 hex digits of its article's text hash and the quote's
   * code-point range (`3f2a…-1946-1985`), with `-2`, `-3`… for further claims on the same words.
   */
  id: string;
  /** The source's number (see `sources`). */
  source: number;
  quote: string;
  /** Words either side (W3C TextQuoteSelector), and the quote's position in the article's text in Unicode code points. */
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** The subject as the text names it, when that differs from the entity's name. */
  as: string | null;
  /** Every decision on this claim, newest first: who decided what, and why. */
  decisions: ClaimDecision[];
};

/** The days an as-of date covers, first and last (YYYY-MM-DD, inclusive). */
export type DayRange = { start: string; end: string };

export type CompetingValue = {
  value: string;
  reading: string;
  asOf: string | null;
  /** The days `asOf` covers; null without an as-of, or when it could not be placed in time ("this week" in an undated article). */
  asOfRange: DayRange | null;
  citations: Citation[];
};

export type Fact = {
  n: number;
  entity: string;
  attribute: string;
  value: string | null;
  reading: string | null;
  asOf: string | null;
  asOfRange: DayRange | null;
  status: FactStatus;
  citations: Citation[];
  /** Contested: every value a source gives (one, when the open question is not between its values). */
  competing: CompetingValue[];
  /** Contested: the numbers of the open conflicts it takes part in (see `conflicts`, which say what each asks). */
  conflicts: number[];
  /** Resolved: the decision. Contested: the latest decision on it, while another question stays open. */
  resolution: { kind: ResolutionKind; rationale: string; reviewer: string; date: string } | null;
  /** Values a reviewer set aside, kept with their reason so nobody re-enters them. */
  rejected: (CompetingValue & { status: ClaimStatus; reason: string | null })[];
};

export type Timeline = { entity: string; attribute: string; points: { date: string; value: string; citations: number[] }[] };

export type OpenConflict = {
  n: number;
  kind: ConflictKind;
  /** What it asks, in words: "asks whether $183 billion belongs to AI industry or Anthropic". */
  question: string;
  summary: string;
  entities: string[];
  values: CompetingValue[];
};

export type Source = {
  n: number;
  title: string;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD, when the publication date was understood. */
  published: string | null;
  /** The publication date as the article's header gives it. */
  publishedText: string | null;
  url: string | null;
  /** SHA-256 (hex) of the article's text, which the citations' positions count in. */
  sha256: string;
};

export type FactSheet = {
  schema: typeof FACTSHEET_SCHEMA;
  investigation: { slug: string; title: string; description: string; createdAt: string };
  generatedAt: string;
  entities: { name: string; kind: EntityKind; aliases: string[] }[];
  facts: Fact[];
  timelines: Timeline[];
  conflicts: OpenConflict[];
  sources: Source[];
};

// ---------------------------------------------------------------------------------------------

const raw = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Case-insensitive first ("AI industry" after "Agent Skills"), then exact: the same order everywhere, no locale. */
const compare = (a: string, b: string) => raw(a.toLowerCase(), b.toLowerCase()) || raw(a, b);

/**
 * Sorting in `compare`'s order with every key made once per item, never inside the comparator:
 * an item's keys are numbers (ascending) or texts, each given with its lower case.
 */
type SortKey = number | [lower: string, text: string];
const textKey = (text: string): SortKey => [text.toLowerCase(), text];
function sortedBy<T>(items: readonly T[], keys: (item: T) => SortKey[]): T[] {
  const keyed = items.map((item) => ({ item, keys: keys(item) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.keys.length; i++) {
      const x = a.keys[i]!;
      const y = b.keys[i]!;
      const d = typeof x === "number" ? x - (y as number) : raw(x[0], (y as [string, string])[0]) || raw(x[1], (y as [string, string])[1]);
      if (d) return d;
    }
    return 0;
  });
  return keyed.map((k) => k.item);
}

/** Each distinct text's place in `compare`'s order (equal texts, and only those, share one). */
function ranks(texts: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(texts)].map((text) => ({ text, lower: text.toLowerCase() }));
  distinct.sort((a, b) => raw(a.lower, b.lower) || raw(a.text, b.text));
  return new Map(distinct.map((d, i) => [d.text, i]));
}

/**
 * A usable claim as the builder works on it: its place in the sheet's order of claims (by source,
 * position, attribute and value, then id), with what is worked out about it once and kept here.
 */
type Item = {
  claim: SheetClaim;
  /** Its source's number, its subject's name. */
  source: number;
  subject: string;
  /** Its rank in the sheet's order of claims. */
  rank: number;
  /** Keys for the sort among claims at one position, made when first needed: its attribute's and value text's places in `compare`'s order, its id lower-cased. */
  attributeRank: number;
  valueRank: number;
  idKey: string;
  /** Its stable name (see `Citation.id`). */
  name: string;
  /**
   * Its as-of date as the sheet gives it: its own, or the one its article gives the same value
   * elsewhere (an undated mention of a dated figure says the same).
   */
  asOf: string | null;
  asOfRange: DayRange | null;
  /** What groups it with the claims saying the same (a number, see `said`), what its value alone says (see `valueKey`), and the entity its value names; worked out when first needed. */
  said: number;
  valueKey: number;
  entity: SheetEntity | undefined;
  /** How its value reads, when what it says was worked out from that. */
  reading: string | null;
  citation: Citation | null;
  /** The conflicts it is in, the decisions on it; made for the claims that have some. */
  conflicts: SheetConflict[] | null;
  decisions: ClaimDecision[] | null;
};
const byRank = (a: Item, b: Item) => a.rank - b.rank;
const none: readonly SheetConflict[] = [];
const samePlace = (a: Item, b: Item) =>
  a.source === b.source &&
  a.claim.start === b.claim.start &&
  a.claim.end === b.claim.end &&
  a.claim.attribute === b.claim.attribute &&
  a.claim.valueText === b.claim.valueText;

/**
 * Linear in claims, conflicts and decisions apart from the sorts, whose keys are made once per
 * item: the claims are sorted once, and each is read, grouped and cited once.
 */
export function buildFactSheet(input: FactSheetInput): FactSheet {
  // Sources in a fixed order: by publication date (undated last), then title, then id.
  const articles = sortedBy(input.articles, (a) => [textKey(a.publishedOn ?? "9999"), textKey(a.title), textKey(a.id)]);
  const sourceOf = new Map(articles.map((a, i) => [a.id, i + 1]));
  const entities = sortedBy(input.entities, (e) => [textKey(`${e.name}\u0000${e.id}`)]);
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  // Texts that name one entity say the same thing: "the Pentagon" and "U.S. Department of Defense".
  const named = new Map<string, SheetEntity>();
  for (const e of entities) for (const name of [...e.aliases, e.name]) named.set(foldText(name), e);
  // A reading depends on nothing but the value, the entity a text names on nothing but the text:
  // each is worked out once for the claims that share it. Claims that say the same share one value
  // object (the data layer reads each value once), so the reading is kept by object, never by
  // the value written as JSON (which cost more than reading it again).
  const readingOf = new Map<NormalizedValue, string>();
  const reading = (v: NormalizedValue) => {
    let text = readingOf.get(v);
    if (text === undefined) readingOf.set(v, (text = describeValue(v)));
    return text;
  };
  const namedBy = new Map<string, SheetEntity | null>();
  const entityNamed = (text: string) => {
    let entity = namedBy.get(text);
    if (entity === undefined) namedBy.set(text, (entity = named.get(foldText(text)) ?? null));
    return entity ?? undefined;
  };
  // What a claim says, as a number: what its value says and its as-of text, each numbered as first met.
  const valueNumber = new Map<string, number>();
  const asOfNumber = new Map<string | null, number>();
  const numbered = <K>(numbers: Map<K, number>, key: K) => {
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = numbers.size));
    return n;
  };
  /** Two values say the same when they read the same ("$18.4 billion", "$18,400 million") or name one entity. */
  const valueKey = (item: Item): number => {
    if (item.valueKey < 0) {
      const v = item.claim.value;
      const entity = v.kind === "text" || v.kind === "entity" ? entityNamed(v.text) : undefined;
      const key = entity
        ? `entity:${entity.id}`
        : v.kind === "text" || v.kind === "entity"
          ? `text:${v.folded}`
          : v.kind === "list"
            ? `list:${[...v.folded].sort().join("|")}`
            : (item.reading = reading(v));
      item.valueKey = numbered(valueNumber, key);
      item.entity = entity;
    }
    return item.valueKey;
  };
  /** Two claims say the same when their values do, as of the same. */
  const said = (item: Item): number => {
    // Both numbers are below the number of claims (each claim brings at most one new), so this is one number per pair.
    if (item.said < 0) item.said = valueKey(item) * (input.claims.length + 1) + numbered(asOfNumber, item.asOf);
    return item.said;
  };

  const items: Item[] = [];
  for (const claim of input.claims) {
    const source = sourceOf.get(claim.articleId);
    const subject = entityName.get(claim.subjectId);
    if (claim.status === "retracted" || subject === undefined || source === undefined) continue;
    items.push({
      claim,
      source,
      subject,
      rank: 0,
      attributeRank: -1,
      valueRank: -1,
      idKey: "",
      name: "",
      asOf: claim.asOfText,
      asOfRange: claim.asOfText && claim.asOfStart && claim.asOfEnd ? { start: claim.asOfStart, end: claim.asOfEnd } : null,
      said: -1,
      valueKey: -1,
      entity: undefined,
      reading: null,
      citation: null,
      conflicts: null,
      decisions: null,
    });
  }
  // Claims at one position are told apart by attribute, value and id. Attributes and values are
  // few (claims repeat them): each distinct one is ranked once, when two claims first share a
  // position, so the sort compares numbers and never lower-cases a text at each comparison.
  let attributeRank: Map<string, number> | null = null;
  let valueRank: Map<string, number> | null = null;
  const tieKeys = (item: Item) => {
    if (item.attributeRank < 0) {
      attributeRank ??= ranks(items.map((i) => i.claim.attribute));
      valueRank ??= ranks(items.map((i) => i.claim.valueText));
      item.attributeRank = attributeRank.get(item.claim.attribute)!;
      item.valueRank = valueRank.get(item.claim.valueText)!;
      item.idKey = item.claim.id.toLowerCase();
    }
    return item;
  };
  const tie = (a: Item, b: Item) => {
    tieKeys(a);
    tieKeys(b);
    return a.attributeRank - b.attributeRank || a.valueRank - b.valueRank || raw(a.idKey, b.idKey) || raw(a.claim.id, b.claim.id);
  };
  // Ids break ties last: they differ between databases, so every tie that real data can hold is broken before them.
  items.sort((a, b) => a.source - b.source || a.claim.start - b.claim.start || a.claim.end - b.claim.end || tie(a, b));
  const itemOf = new Map<string, Item>();
  for (let i = 0; i < items.length; i++) {
    items[i]!.rank = i;
    itemOf.set(items[i]!.claim.id, items[i]!);
  }

  // Stable names, given in an order that never falls back to database ids (they change on restore):
  // claims at one place (source, position, attribute, value) by how the text names their subject,
  // the subject's name, their status. The claims on one span of one text are neighbours in this
  // order, so a running count numbers them; only texts whose hashes share their first 12 digits
  // (which would share names) are counted by name.
  const prefixOf = articles.map((a) => a.contentHash.slice(0, 12));
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const prefix of prefixOf) (seen.has(prefix) ? shared : seen).add(prefix);
  const onSharedSpan = new Map<string, number>();
  let previous: Item | null = null;
  let k = 0;
  for (let i = 0; i < items.length;) {
    let j = i + 1;
    while (j < items.length && samePlace(items[i]!, items[j]!)) j++;
    const run =
      j - i > 1
        ? sortedBy(items.slice(i, j), ({ claim: c, subject }) => [
            textKey(c.subjectText),
            textKey(subject),
            textKey(c.status),
            textKey(c.id),
          ])
        : null;
    for (let n = 0; i < j; i++, n++) {
      const item = run ? run[n]! : items[i]!;
      const c = item.claim;
      const prefix = prefixOf[item.source - 1]!;
      const span = `${prefix}-${c.start}-${c.end}`;
      if (shared.has(prefix)) onSharedSpan.set(span, (k = (onSharedSpan.get(span) ?? 0) + 1));
      else k = previous?.source === item.source && previous.claim.start === c.start && previous.claim.end === c.end ? k + 1 : 1;
      item.name = k === 1 ? span : `${span}-${k}`;
      previous = item;
    }
  }

  for (const conflict of input.conflicts) {
    for (const id of conflict.claimIds) {
      const item = itemOf.get(id);
      if (item) (item.conflicts ??= []).push(conflict);
    }
    const r = conflict.resolution;
    if (conflict.status === "open" || !r || conflict.kind === "naming" || r.kind === "merge_entities") continue;
    for (const id of conflict.claimIds) {
      const item = itemOf.get(id);
      if (!item) continue;
      const claim = item.claim;
      const verdict: Verdict =
        r.kind === "accept_claim"
          ? id === r.acceptedClaimId
            ? "accepted"
            : claim.status === "superseded" || conflict.kind === "correction"
              ? "superseded"
              : "rejected"
          : r.kind === "reconciled_value"
            ? "reconciled"
            : r.kind === "both_valid"
              ? "both_valid"
              : "not_contradicted";
      const decision = {
        verdict,
        kind: r.kind,
        rationale: r.rationale,
        reviewer: r.reviewer,
        date: r.decidedOn,
        value: r.kind === "reconciled_value" ? r.valueText : null,
      };
      (item.decisions ??= []).push(decision);
    }
  }
  for (const { decisions: list } of items) {
    if (!list || list.length < 2) continue;
    list.sort(
      (a, b) =>
        compare(b.date, a.date) ||
        compare(a.kind, b.kind) ||
        compare(a.verdict, b.verdict) ||
        compare(a.reviewer, b.reviewer) ||
        compare(a.rationale, b.rationale),
    );
  }

  let citationCount = 0;
  const cite = (item: Item): Citation => {
    if (!item.citation) {
      const c = item.claim;
      item.citation = {
        n: ++citationCount,
        id: item.name,
        source: item.source,
        quote: c.quote,
        prefix: c.prefix,
        suffix: c.suffix,
        start: c.start,
        end: c.end,
        as: c.subjectText && c.subjectText !== item.subject ? c.subjectText : null,
        decisions: item.decisions ?? [],
      };
    }
    return item.citation;
  };
  /** Claims (in the sheet's order) grouped by what they say, each group cited; with the claims of each group. */
  const valuesOf = (claims: Item[]): { items: Item[]; value: CompetingValue }[] => {
    const groups = new Map<number, Item[]>();
    for (const item of claims) {
      const key = said(item);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    return [...groups.values()].map((g) => {
      const { claim: first, entity } = g[0]!;
      const sameText = g.every((item) => item.claim.valueText === first.valueText);
      return {
        items: g,
        value: {
          value: entity && !sameText ? entity.name : first.valueText,
          reading: entity ? `${entity.name} (${entity.kind})` : (g[0]!.reading ?? reading(first.value)),
          asOf: g[0]!.asOf,
          asOfRange: g[0]!.asOfRange,
          citations: g.map(cite),
        },
      };
    });
  };

  /**
   * One article giving one value twice, once with an as-of date and once without ("$100 million in
   * annual recurring revenue" in its summary, "$100 million as of late 2023" below), says one
   * thing: the undated mention takes the date, and the fact cites both.
   */
  const adoptAsOf = (active: Item[]) => {
    const byPlace = new Map<number, Item[]>();
    for (const item of active) {
      const key = item.source * (input.claims.length + 1) + valueKey(item);
      const list = byPlace.get(key);
      if (list) list.push(item);
      else byPlace.set(key, [item]);
    }
    for (const list of byPlace.values()) {
      const dated = list.filter((i) => i.asOf !== null);
      if (dated.length === 0 || dated.length === list.length || dated.some((i) => i.asOf !== dated[0]!.asOf)) continue;
      for (const i of list) if (i.asOf === null) [i.asOf, i.asOfRange] = [dated[0]!.asOf, dated[0]!.asOfRange];
    }
  };

  // Open conflicts are numbered first (facts refer to them); their values are cited after the facts.
  const open = sortedBy(
    input.conflicts
      .filter((c) => c.status === "open")
      .map((c) => {
        const claims: Item[] = [];
        for (const id of c.claimIds) {
          const item = itemOf.get(id);
          if (item?.claim.status === "active") claims.push(item);
        }
        claims.sort(byRank);
        const names = new Set<string>();
        for (const id of [...c.entityIds, ...claims.map((u) => u.claim.subjectId)]) {
          const name = entityName.get(id);
          if (name) names.add(name);
        }
        return {
          conflict: c,
          claims,
          names: sortedBy([...names], (n) => [textKey(n)]),
          about: sortedBy(
            claims.map(({ claim: u }) => `${u.attributeLabel}:${u.valueText}`),
            (a) => [textKey(a)],
          ).join("|"),
        };
      }),
    (o) => [textKey(o.names.join("|")), textKey(o.conflict.kind), textKey(o.about), textKey(o.conflict.summary), textKey(o.conflict.id)],
  );
  const openNumber = new Map(open.map((o, i) => [o.conflict, i + 1]));
  const laterFirst = (a: SheetConflict, b: SheetConflict) =>
    compare(b.resolution!.decidedOn, a.resolution!.decidedOn) || compare(a.id, b.id);

  // Facts: by entity name, then attribute label (the label most claims use).
  const groups = new Map<string, Map<string, Item[]>>();
  for (const item of items) {
    let bySubject = groups.get(item.claim.subjectId);
    if (!bySubject) groups.set(item.claim.subjectId, (bySubject = new Map()));
    const group = bySubject.get(item.claim.attribute);
    if (group) group.push(item);
    else bySubject.set(item.claim.attribute, [item]);
  }
  const labelled = sortedBy(
    [...groups.values()].flatMap((bySubject) =>
      [...bySubject.values()].map((claims) => ({ claims, label: preferredLabel(claims.map((c) => c.claim.attributeLabel)) })),
    ),
    ({ claims: [first], label }) => [textKey(first!.subject), textKey(label), textKey(first!.claim.attribute)],
  );
  const facts: Fact[] = [];
  const timelines: Timeline[] = [];
  for (const { claims, label: attribute } of labelled) {
    const entity = claims[0]!.subject;
    const active = claims.filter((c) => c.claim.status === "active");
    adoptAsOf(active);
    const setAside = claims.filter((c) => c.claim.status === "rejected" || c.claim.status === "superseded");
    // The open conflicts holding an active claim contest the fact; the latest decision (by date, then id) settles it.
    const contesting = new Set<SheetConflict>();
    for (const c of active) for (const conflict of c.conflicts ?? none) if (conflict.status === "open") contesting.add(conflict);
    let settled: SheetConflict | undefined;
    for (const c of claims) {
      for (const conflict of c.conflicts ?? none) {
        if (conflict.status === "open" || !conflict.resolution || conflict.kind === "naming") continue;
        if (!settled || laterFirst(conflict, settled) < 0) settled = conflict;
      }
    }
    // Cited after the values that stand, so the numbers follow the reading order.
    let rejectedValues: Fact["rejected"] | null = null;
    const rejected = () =>
      (rejectedValues ??= valuesOf(setAside).map(({ items: [first], value }) => ({
        ...value,
        status: first!.claim.status,
        reason: first!.claim.statusReason,
      })));
    // As-of dates a "both valid" decision gave, by claim id (looked up only when it gave some).
    const given = settled?.resolution?.asOf;
    const asOfGiven = given && Object.keys(given).length ? given : null;
    const decision = settled?.resolution
      ? {
          kind: settled.resolution.kind,
          rationale: settled.resolution.rationale,
          reviewer: settled.resolution.reviewer,
          date: settled.resolution.decidedOn,
        }
      : null;
    const base = {
      entity,
      attribute,
      asOfRange: null,
      competing: [] as CompetingValue[],
      conflicts: [] as number[],
      resolution: null,
      rejected: [] as Fact["rejected"],
    };

    if (contesting.size) {
      // The question may not be between this fact's values (a figure perhaps given for the wrong
      // subject): then the one value stands, contested, with the decision already taken on it.
      const competing = valuesOf(active).map((g) => g.value);
      const one = competing.length === 1 ? competing[0]! : null;
      facts.push({
        n: facts.length + 1,
        ...base,
        value: one?.value ?? null,
        reading: one?.reading ?? null,
        asOf: one?.asOf ?? null,
        asOfRange: one?.asOfRange ?? null,
        status: "contested",
        citations: one?.citations ?? [],
        competing,
        conflicts: [...contesting].map((c) => openNumber.get(c)!).sort((a, b) => a - b),
        resolution: decision,
        rejected: rejected(),
      });
    } else if (decision && settled?.resolution?.kind === "reconciled_value") {
      const r = settled.resolution;
      facts.push({
        n: facts.length + 1,
        ...base,
        value: r.valueText,
        reading: r.value ? describeValue(r.value) : null,
        asOf: null,
        status: "resolved",
        citations: active.map(cite),
        competing: valuesOf(active).map((g) => g.value),
        resolution: decision,
        rejected: rejected(),
      });
    } else if (active.length) {
      for (const { items: group, value: v } of valuesOf(active)) {
        const override = asOfGiven ? group.map((c) => asOfGiven[c.claim.id]).find(Boolean) : undefined;
        const twoSources = v.citations.some((c) => c.source !== v.citations[0]!.source);
        facts.push({
          n: facts.length + 1,
          ...base,
          value: v.value,
          reading: v.reading,
          asOf: override?.text ?? v.asOf,
          // A "both valid" decision gives the first day of the date it names.
          asOfRange: override ? (override.start ? { start: override.start, end: override.start } : null) : v.asOfRange,
          status: decision ? "resolved" : twoSources ? "confirmed" : "single_source",
          citations: v.citations,
          resolution: decision,
          rejected: rejected(),
        });
      }
    }

    // A timeline where two or more values carry dates (their own, or given by a "both valid" decision).
    const points: Timeline["points"] = [];
    for (const item of active) {
      const start = (asOfGiven ? asOfGiven[item.claim.id]?.start : undefined) ?? item.claim.asOfStart;
      if (start) points.push({ date: start, value: item.claim.valueText, citations: [cite(item).n] });
    }
    if (new Set(points.map((p) => p.date)).size >= 2) {
      timelines.push({ entity, attribute, points: sortedBy(points, (p) => [textKey(p.date), p.citations[0]!]) });
    }
  }

  const kindOf = new Map(entities.map((e) => [e.name, e.kind]));
  const openConflicts = open.map((o) => ({
    kind: o.conflict.kind,
    question: questionOf(o.conflict, o.claims, o.names, kindOf, valueKey),
    summary: o.conflict.summary,
    entities: o.names,
    values: valuesOf(o.claims).map((g) => g.value),
  }));

  return {
    schema: FACTSHEET_SCHEMA,
    investigation: input.investigation,
    generatedAt: input.lastChange,
    entities: entities.map((e) => ({ name: e.name, kind: e.kind, aliases: [...e.aliases].sort(compare) })),
    facts,
    timelines,
    conflicts: openConflicts.map((c, i) => ({ n: i + 1, ...c })),
    sources: articles.map((a, i) => ({
      n: i + 1,
      title: a.title,
      outlet: a.outlet,
      author: a.author,
      published: a.publishedOn,
      publishedText: a.publishedText,
      url: a.url,
      sha256: a.contentHash,
    })),
  };
}

/** The citations of a sheet in number order (for the formats' reference lists). */
export function citationsOf(sheet: FactSheet): Citation[] {
  const byNumber: Citation[] = [];
  const add = (list: Citation[]) => {
    for (const c of list) byNumber[c.n] = c;
  };
  for (const f of sheet.facts) {
    add(f.citations);
    f.competing.forEach((v) => add(v.citations));
    f.rejected.forEach((v) => add(v.citations));
  }
  sheet.conflicts.forEach((c) => c.values.forEach((v) => add(v.citations)));
  // `filter` passes over the numbers no citation has.
  return byNumber.filter(() => true);
}

// ---------------------------------------------------------------------------------------------
// What an open conflict asks, in words

/** "A", "A or B", "A, B or C". */
export function listJoin(items: string[], word: "and" | "or"): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}`;
}
const possessive = (name: string) => (/s$/i.test(name) ? `${name}’` : `${name}’s`);
/** An attribute label inside a sentence: "Valuation" → "valuation", "CEO" stays. */
const inSentence = (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);
const KIND_WORDS: Partial<Record<EntityKind, string>> = {
  person: "person",
  organization: "organization",
  place: "place",
  product: "product",
  event: "event",
};

/**
 * The question an open conflict puts, from what it holds: "asks whether Michael and Emil Michael
 * are the same person", "asks which is right for Anthropic’s valuation: “$18.4 billion” or
 * “$183 billion”". Written to follow "open conflict 2".
 */
function questionOf(
  conflict: SheetConflict,
  claims: Item[],
  names: string[],
  kindOf: Map<string, EntityKind>,
  valueKey: (item: Item) => number,
): string {
  if (conflict.kind === "manual") return `was marked by hand: ${conflict.summary}`;
  if (conflict.kind === "naming") {
    const kinds = new Set(names.map((n) => kindOf.get(n)));
    const word = kinds.size === 1 ? KIND_WORDS[[...kinds][0]!] : undefined;
    return `asks whether ${listJoin(names, "and")} are the same ${word ?? "entity"}`;
  }
  // Each value once, as its first claim writes it ("$18.4 billion" and "$18,400 million" say the same).
  const values: string[] = [];
  const seen = new Set<number>();
  for (const item of claims) {
    const key = valueKey(item);
    if (!seen.has(key) && seen.add(key)) values.push(item.claim.valueText);
  }
  const subjects = [...new Set(claims.map((c) => c.subject))];
  if (conflict.kind === "misattribution" && values.length && subjects.length > 1) {
    // The figure as most plainly written: "$183 billion" rather than "up to $183 billion".
    const figure = values.reduce((a, b) => (b.length < a.length ? b : a));
    return `asks whether ${figure} belongs to ${listJoin(subjects, "or")}`;
  }
  const labels = [...new Set(claims.map((c) => c.claim.attributeLabel))];
  const about = `${possessive(listJoin(subjects, "and"))} ${inSentence(preferredLabel(labels))}`;
  if (values.length < 2) return `asks about ${about}: ${conflict.summary}`;
  const quoted = values.map((v) => `“${v}”`);
  switch (conflict.kind) {
    case "temporal":
      return `asks whether ${about} changed between ${listJoin(quoted, "and")} or a source is wrong`;
    case "containment":
      return `asks whether ${listJoin(quoted, "and")} are a part and its whole of ${about}`;
    case "measure":
      return `asks whether ${listJoin(quoted, "and")} measure ${about} in different ways or disagree`;
    default:
      return `asks which is right for ${about}: ${listJoin(quoted, "or")}`;
  }
}
