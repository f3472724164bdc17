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
import { describeValue, type NormalizedValue, type ValueKind } from "@/lib/domain/values.ts";

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
  valueKind: ValueKind;
  valueText: string;
  value: NormalizedValue;
  asOfText: string | null;
  /** YYYY-MM-DD start of the as-of date, when it has one. */
  asOfStart: string | null;
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

export type CompetingValue = { value: string; reading: string; asOf: string | null; citations: Citation[] };

export type Fact = {
  n: number;
  entity: string;
  attribute: string;
  value: string | null;
  reading: string | null;
  asOf: string | null;
  status: FactStatus;
  citations: Citation[];
  /** Contested: every value a source gives. */
  competing: CompetingValue[];
  /** Contested: the numbers of the open conflicts it takes part in (see `conflicts`). */
  conflicts: number[];
  /** Resolved: the decision. */
  resolution: { kind: ResolutionKind; rationale: string; reviewer: string; date: string } | null;
  /** Values a reviewer set aside, kept with their reason so nobody re-enters them. */
  rejected: (CompetingValue & { status: ClaimStatus; reason: string | null })[];
};

export type Timeline = { entity: string; attribute: string; points: { date: string; value: string; citations: number[] }[] };

export type OpenConflict = { n: number; kind: ConflictKind; summary: string; entities: string[]; values: CompetingValue[] };

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
const byText =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    compare(key(a), key(b));

export function buildFactSheet(input: FactSheetInput): FactSheet {
  // Sources in a fixed order: by publication date (undated last), then title, then id.
  const articles = [...input.articles].sort(
    (a, b) => compare(a.publishedOn ?? "9999", b.publishedOn ?? "9999") || compare(a.title, b.title) || compare(a.id, b.id),
  );
  const sourceOf = new Map(articles.map((a, i) => [a.id, i + 1]));
  const entities = [...input.entities].sort(byText((e) => `${e.name}\u0000${e.id}`));
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  // Texts that name one entity say the same thing: "the Pentagon" and "U.S. Department of Defense".
  const named = new Map<string, SheetEntity>();
  for (const e of entities) for (const name of [...e.aliases, e.name]) named.set(foldText(name), e);
  const entityValue = (c: SheetClaim) =>
    c.value.kind === "text" || c.value.kind === "entity" ? named.get(foldText(c.value.text)) : undefined;
  /** Two claims say the same when they read the same ("$18.4 billion", "$18,400 million") or name one entity. */
  const valueKey = (c: SheetClaim) => {
    const entity = entityValue(c);
    const v = c.value;
    const said = entity
      ? `entity:${entity.id}`
      : v.kind === "text" || v.kind === "entity"
        ? `text:${v.folded}`
        : v.kind === "list"
          ? `list:${[...v.folded].sort().join("|")}`
          : describeValue(v);
    return `${said}\u0000${c.asOfText ?? ""}`;
  };
  const usable = input.claims.filter((c) => c.status !== "retracted" && entityName.has(c.subjectId) && sourceOf.has(c.articleId));
  const usableById = new Map(usable.map((c) => [c.id, c]));
  // Ids break ties last: they differ between databases, so every tie that real data can hold is broken before them.
  const claimPlace = (a: SheetClaim, b: SheetClaim) =>
    sourceOf.get(a.articleId)! - sourceOf.get(b.articleId)! ||
    a.start - b.start ||
    a.end - b.end ||
    compare(a.attribute, b.attribute) ||
    compare(a.valueText, b.valueText);
  const claimOrder = (a: SheetClaim, b: SheetClaim) => claimPlace(a, b) || compare(a.id, b.id);

  // Stable names, given in an order that never falls back to database ids (they change on restore).
  const hashOf = new Map(articles.map((a) => [a.id, a.contentHash]));
  const keyOf = new Map<string, string>();
  const onSpan = new Map<string, number>();
  const keyOrder = (a: SheetClaim, b: SheetClaim) =>
    claimPlace(a, b) ||
    compare(a.subjectText, b.subjectText) ||
    compare(entityName.get(a.subjectId)!, entityName.get(b.subjectId)!) ||
    compare(a.status, b.status) ||
    compare(a.id, b.id);
  for (const c of [...usable].sort(keyOrder)) {
    const span = `${hashOf.get(c.articleId)!.slice(0, 12)}-${c.start}-${c.end}`;
    const k = (onSpan.get(span) ?? 0) + 1;
    onSpan.set(span, k);
    keyOf.set(c.id, k === 1 ? span : `${span}-${k}`);
  }

  const decisionsOf = new Map<string, ClaimDecision[]>();
  for (const conflict of input.conflicts) {
    const r = conflict.resolution;
    if (conflict.status === "open" || !r || conflict.kind === "naming" || r.kind === "merge_entities") continue;
    for (const id of conflict.claimIds) {
      const claim = usableById.get(id);
      if (!claim) continue;
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
      decisionsOf.set(id, [...(decisionsOf.get(id) ?? []), decision]);
    }
  }
  for (const list of decisionsOf.values()) {
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
  const citationOf = new Map<string, Citation>();
  const cite = (c: SheetClaim): Citation => {
    let citation = citationOf.get(c.id);
    if (!citation) {
      citation = {
        n: ++citationCount,
        id: keyOf.get(c.id)!,
        source: sourceOf.get(c.articleId)!,
        quote: c.quote,
        prefix: c.prefix,
        suffix: c.suffix,
        start: c.start,
        end: c.end,
        as: c.subjectText && c.subjectText !== entityName.get(c.subjectId) ? c.subjectText : null,
        decisions: decisionsOf.get(c.id) ?? [],
      };
      citationOf.set(c.id, citation);
    }
    return citation;
  };
  /** Claims grouped by what they say, each group cited. */
  const valuesOf = (claims: SheetClaim[]): CompetingValue[] => {
    const groups = new Map<string, SheetClaim[]>();
    for (const c of [...claims].sort(claimOrder)) groups.set(valueKey(c), [...(groups.get(valueKey(c)) ?? []), c]);
    return [...groups.values()].map((g) => {
      const entity = entityValue(g[0]!);
      const sameText = g.every((c) => c.valueText === g[0]!.valueText);
      return {
        value: entity && !sameText ? entity.name : g[0]!.valueText,
        reading: entity ? `${entity.name} (${entity.kind})` : describeValue(g[0]!.value),
        asOf: g[0]!.asOfText,
        citations: g.map(cite),
      };
    });
  };

  const conflictsOf = new Map<string, SheetConflict[]>();
  for (const conflict of input.conflicts) {
    for (const id of conflict.claimIds) conflictsOf.set(id, [...(conflictsOf.get(id) ?? []), conflict]);
  }

  // Open conflicts are numbered first (facts refer to them); their values are cited after the facts.
  const open = input.conflicts
    .filter((c) => c.status === "open")
    .map((c) => {
      const claims = c.claimIds.map((id) => usableById.get(id)).filter((u): u is SheetClaim => u?.status === "active");
      const names = [
        ...new Set(
          [...c.entityIds, ...claims.map((u) => u.subjectId)].map((id) => entityName.get(id)).filter((n): n is string => Boolean(n)),
        ),
      ].sort(compare);
      const about = claims
        .map((u) => `${u.attributeLabel}:${u.valueText}`)
        .sort(compare)
        .join("|");
      return { conflict: c, claims, names, about };
    })
    .sort(
      (a, b) =>
        compare(a.names.join("|"), b.names.join("|")) ||
        compare(a.conflict.kind, b.conflict.kind) ||
        compare(a.about, b.about) ||
        compare(a.conflict.summary, b.conflict.summary) ||
        compare(a.conflict.id, b.conflict.id),
    );
  const openNumber = new Map(open.map((o, i) => [o.conflict.id, i + 1]));

  // Facts: by entity name, then attribute label.
  const groups = new Map<string, SheetClaim[]>();
  for (const c of usable) {
    const key = `${c.subjectId}\u0000${c.attribute}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      compare(entityName.get(a[0]!.subjectId)!, entityName.get(b[0]!.subjectId)!) ||
      compare(preferredLabel(a.map((c) => c.attributeLabel)), preferredLabel(b.map((c) => c.attributeLabel))) ||
      compare(a[0]!.attribute, b[0]!.attribute),
  );
  const facts: Omit<Fact, "n">[] = [];
  const timelines: Timeline[] = [];
  for (const claims of ordered) {
    const first = claims[0]!;
    const entity = entityName.get(first.subjectId)!;
    const attribute = preferredLabel(claims.map((c) => c.attributeLabel));
    const active = claims.filter((c) => c.status === "active");
    const setAside = claims.filter((c) => c.status === "rejected" || c.status === "superseded");
    const related = [...new Set(claims.flatMap((c) => conflictsOf.get(c.id) ?? []))];
    const contesting = related.filter((c) => c.status === "open" && c.claimIds.some((id) => active.some((a) => a.id === id)));
    const settled = related
      .filter((c) => c.status !== "open" && c.resolution && c.kind !== "naming")
      .sort((a, b) => compare(b.resolution!.decidedOn, a.resolution!.decidedOn) || compare(a.id, b.id))[0];
    // Cited after the values that stand, so the numbers follow the reading order.
    let rejectedValues: Fact["rejected"] | null = null;
    const rejected = () =>
      (rejectedValues ??= valuesOf(setAside).map((v) => {
        const claim = setAside.find((c) => citationOf.get(c.id) === v.citations[0])!;
        return { ...v, status: claim.status, reason: claim.statusReason };
      }));
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
      competing: [] as CompetingValue[],
      conflicts: [] as number[],
      resolution: null,
      rejected: [] as Fact["rejected"],
    };

    if (contesting.length) {
      facts.push({
        ...base,
        value: null,
        reading: null,
        asOf: null,
        status: "contested",
        citations: [],
        competing: valuesOf(active),
        conflicts: contesting.map((c) => openNumber.get(c.id)!).sort((a, b) => a - b),
        rejected: rejected(),
      });
    } else if (decision && settled?.resolution?.kind === "reconciled_value") {
      const r = settled.resolution;
      facts.push({
        ...base,
        value: r.valueText,
        reading: r.value ? describeValue(r.value) : null,
        asOf: null,
        status: "resolved",
        citations: [...active].sort(claimOrder).map(cite),
        competing: valuesOf(active),
        resolution: decision,
        rejected: rejected(),
      });
    } else if (active.length) {
      const asOfOverride = settled?.resolution?.asOf ?? {};
      for (const v of valuesOf(active)) {
        const claimIds = active.filter((c) => v.citations.includes(citationOf.get(c.id)!)).map((c) => c.id);
        const override = claimIds.map((id) => asOfOverride[id]).find(Boolean);
        const sources = new Set(v.citations.map((c) => c.source));
        facts.push({
          ...base,
          value: v.value,
          reading: v.reading,
          asOf: override?.text ?? v.asOf,
          status: decision ? "resolved" : sources.size >= 2 ? "confirmed" : "single_source",
          citations: v.citations,
          resolution: decision,
          rejected: rejected(),
        });
      }
    }

    // A timeline where two or more values carry dates (their own, or given by a "both valid" decision).
    const points = active
      .map((c) => {
        const start = settled?.resolution?.asOf[c.id]?.start ?? c.asOfStart;
        return start ? { date: start, value: c.valueText, citations: [cite(c).n] } : null;
      })
      .filter((p): p is NonNullable<typeof p> => p !== null)
      .sort((a, b) => compare(a.date, b.date) || a.citations[0]! - b.citations[0]!);
    if (new Set(points.map((p) => p.date)).size >= 2) timelines.push({ entity, attribute, points });
  }

  const openConflicts = open.map((o) => ({
    kind: o.conflict.kind,
    summary: o.conflict.summary,
    entities: o.names,
    values: valuesOf(o.claims),
  }));

  return {
    schema: FACTSHEET_SCHEMA,
    investigation: input.investigation,
    generatedAt: input.lastChange,
    entities: entities.map((e) => ({ name: e.name, kind: e.kind, aliases: [...e.aliases].sort(compare) })),
    facts: facts.map((f, i) => ({ n: i + 1, ...f })),
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
  const all = new Map<number, Citation>();
  const add = (list: Citation[]) => list.forEach((c) => all.set(c.n, c));
  for (const f of sheet.facts) {
    add(f.citations);
    f.competing.forEach((v) => add(v.citations));
    f.rejected.forEach((v) => add(v.citations));
  }
  sheet.conflicts.forEach((c) => c.values.forEach((v) => add(v.citations)));
  return [...all.values()].sort((a, b) => a.n - b.n);
}
