import "server-only";
import { createHash, hash as digestOf } from "node:crypto";
import {
  type ConflictKind,
  type DetectedConflict,
  type DetectionClaim,
  byDetectionKey,
  detectGroupConflicts,
  detectMisattributions,
  detectNamingConflicts,
  FAMILY_OF_KIND,
  figureKey,
  FigureTally,
  GROUP_FAMILIES,
  groupKey,
  groupSense,
  groupKeys,
  type NamedEntity,
  type RelatedPair,
  relatePairs,
  whenOf,
} from "@/lib/domain/conflicts.ts";
import { type AttributeSense, type AttributeSetting, type InferredSense, inferSense, senseOf } from "@/lib/domain/attribute-sense.ts";
import {
  conflictsOfState,
  extendGroupState,
  extendGroupStateByKin,
  fingerprintOf,
  GroupKin,
  GROUP_STATE_VERSION,
  type GroupState,
  groupState,
  growTail,
  tailOf,
  tailTooLong,
  withTail,
} from "@/lib/domain/group-detection.ts";
import { jsonColumn } from "@/lib/server/json-column.ts";
import { publicationHasTime } from "@/lib/domain/article-import.ts";
import { describeMoment, type Moment, momentAt, momentInQuote, parseMoment } from "@/lib/domain/moments.ts";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { sourceOf } from "@/lib/domain/attribution.ts";
import { type ClaimStatus, foldName, leadingName } from "@/lib/domain/claims.ts";
import type { ConflictChange } from "@/lib/domain/conflict-changes.ts";
import { plan, type TrackedConflict, without } from "@/lib/domain/conflict-lifecycle.ts";
import {
  readAttributeSetting,
  readGroupState,
  readResolutionDetails,
  readValue,
  type SettledDecision,
  setAsideBy,
} from "@/lib/domain/json-codecs.ts";
import { keepRecent } from "@/lib/domain/memo.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { audit, type AuditContext, auditInsert, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { newId, sqlDate, sqlJson, UTC } from "@/lib/server/sql-values.ts";

/**
 * Keeping conflicts in step with claims and entities: the executor of the lifecycle in
 * lib/domain/conflict-lifecycle.ts. Every mutation of a claim or an entity calls `syncConflicts`
 * in its own transaction, for just what it touched: the subject + attribute groups (indexed
 * lookup), the figures (for misattribution) and the entities (for naming); `redetectInvestigation`
 * does the same from scratch. Each detects, asks `plan` what to do with the conflicts on record,
 * and carries out the operations here, auditing each.
 *
 * Locks, always in this order and none after them (so no two transactions can deadlock):
 *   1. the investigation's lock — shared by changes, exclusive for a recomputation from scratch;
 *   2. one lock per detection key the change may reach, in sorted order: the touched groups and
 *      figures, "naming" for entity changes, and the groups and figures of claims a withdrawn
 *      decision could make active again (read before locking, see `lockScope`).
 * A decision withdrawn because a claim entered its conflict gives back the claims it set aside;
 * their groups are examined again, inside the same locks, until nothing more changes.
 */

export type Touched = {
  groups?: { subjectId: string; attribute: string }[];
  /** Figure keys (see figureKey) whose misattribution must be re-examined. */
  figures?: string[];
  /** Entities whose naming pairs must be re-examined. */
  entities?: string[];
  /** Claims this change created: a large group they join is extended, not recomputed. */
  added?: string[];
};

/** What detection reads of a claim (and of its article), in the shape Prisma would give it. */
type DetectionClaimSelect = {
  id: true;
  articleId: true;
  subjectId: true;
  attribute: true;
  attributeLabel: true;
  status: true;
  valueText: true;
  valueNorm: true;
  asOfStart: true;
  asOfEnd: true;
  inCorrection: true;
  quoteExact: true;
  quotePrefix: true;
  quoteSuffix: true;
  accordingTo: true;
  note: true;
  method: true;
  appliesToPart: true;
  article: { select: { publishedAt: true; publishedText: true } };
};

type ClaimRow = Prisma.ClaimGetPayload<{ select: DetectionClaimSelect }>;

/** A claim row read by raw SQL (the article's columns beside it) in the shape Prisma would give. */
type RawClaimRow = Omit<ClaimRow, "article" | "asOfStart" | "asOfEnd" | "valueNorm"> & Record<string, unknown>;

function claimRow(r: RawClaimRow): ClaimRow {
  // Field by field: a rest-and-spread copy of tens of thousands of rows costs more than the read.
  return {
    id: r.id,
    articleId: r.articleId,
    subjectId: r.subjectId,
    attribute: r.attribute,
    attributeLabel: r.attributeLabel,
    status: r.status,
    valueText: r.valueText,
    valueNorm: sqlJson(r.valueNorm),
    asOfStart: sqlDate(r.asOfStart),
    asOfEnd: sqlDate(r.asOfEnd),
    inCorrection: r.inCorrection,
    quoteExact: r.quoteExact,
    quotePrefix: r.quotePrefix,
    quoteSuffix: r.quoteSuffix,
    accordingTo: r.accordingTo,
    note: r.note,
    method: r.method,
    appliesToPart: r.appliesToPart,
    article: { publishedAt: sqlDate(r.publishedAt), publishedText: (r.publishedText as string | null) ?? null },
  };
}

/** Folded names and aliases of canonical entities → entity id, to tell when two texts name one entity. */
type NameIndex = Map<string, string>;
/** Entity id → the entities it is part of, transitively (nearest first). */
type PartOfChains = Map<string, string[]>;

/** The entity a text value names: the whole text, else the name it leads with ("X, near Y"). */
function entityNamedBy(text: string, names: NameIndex): string | null {
  const lead = leadingName(text);
  return names.get(foldName(text)) ?? (lead ? names.get(foldName(lead)) : undefined) ?? null;
}

export function toDetectionClaim(
  row: ClaimRow,
  names: NameIndex = new Map(),
  timeZone = "UTC",
  chains: PartOfChains = new Map(),
): DetectionClaim {
  const value = readValue(row.valueNorm);
  const valueEntityId = value.kind === "text" || value.kind === "entity" ? entityNamedBy(value.text, names) : null;
  const publishedAt = row.article.publishedAt;
  const dated = value.kind === "date" || value.kind === "time";
  return {
    id: row.id,
    articleId: row.articleId,
    subjectId: row.subjectId,
    attribute: row.attribute,
    attributeLabel: row.attributeLabel,
    status: row.status,
    value,
    asOf: storedMoment(row.asOfStart, row.asOfEnd, timeZone),
    published: publishedAt ? publicationMoment(publishedAt, row.article.publishedText, timeZone) : null,
    quoteMoment: dated ? null : momentInQuote(row.quoteExact, row.valueText, { referenceDate: publishedAt, timeZone }),
    inCorrection: row.inCorrection,
    valueEntityId,
    valueEntityAncestors: valueEntityId ? (chains.get(valueEntityId) ?? []) : [],
    context: `${row.quotePrefix}${row.quoteExact}`,
    after: row.quoteSuffix,
    // The analyst's qualifier, else a source the note or the words after the quote name.
    accordingTo: sourceOf({ accordingTo: row.accordingTo, note: row.note, after: row.quoteSuffix }),
    method: row.method,
    appliesToPart: row.appliesToPart,
  };
}

/** An as-of as stored (inclusive bounds) → a moment [start, end). */
function storedMoment(start: Date | null, end: Date | null, zone: string): Moment | null {
  if (!start) return null;
  const to = (end ?? start).getTime() + 1;
  const span = to - start.getTime();
  return {
    start: start.getTime(),
    end: to,
    precision: span <= 60_000 ? "minute" : span <= 3_600_000 ? "hour" : span < 86_400_000 ? "part" : span <= 86_400_000 ? "day" : "span",
    zone,
    timed: span < 86_400_000,
  };
}

/** When each of an investigation's articles came out, by article id (claims refer to a few articles). */
type Publications = Map<string, ClaimRow["article"]>;

const PUBLICATION = { id: true, publishedAt: true, publishedText: true } as const;

async function publicationsOf(tx: Tx, investigationId: string): Promise<Publications> {
  const articles = await tx.article.findMany({ where: { investigationId }, select: PUBLICATION });
  return new Map(articles.map((a) => [a.id, { publishedAt: a.publishedAt, publishedText: a.publishedText }]));
}

/**
 * How many claims one read of a whole investigation's claims brings (a cursor's batch). Small
 * enough that what a batch holds dies young (at 5,000 the collector spent longer copying batches
 * than detection spent comparing), large enough that the next one is ready when asked for.
 */
const CLAIM_BATCH = 2_000;

/**
 * A claim as one JSON array, built by the database: the driver then reads one field per claim,
 * not eighteen (at 100,000 claims, reading the fields was most of the time). Timestamps travel
 * as milliseconds since 1970 (the columns hold UTC). The fields in `ClaimJson`'s order.
 */
const CLAIM_FIELDS = `c."id", c."articleId", c."subjectId", c."attribute", c."attributeLabel", c."status",
  c."valueText", c."valueNorm", round(extract(epoch FROM c."asOfStart") * 1000), round(extract(epoch FROM c."asOfEnd") * 1000),
  c."inCorrection", c."quoteExact", c."quotePrefix", c."quoteSuffix", c."accordingTo", c."note", c."method", c."appliesToPart",
  c."valuePoint"`;
const CLAIM_JSON = `json_build_array(${CLAIM_FIELDS})::text`;

/**
 * A claim as one text, its fields joined by a control character (`CLAIM_SEPARATOR`), for reading
 * every claim of an investigation: the database writes it several times faster than `CLAIM_JSON`
 * (building JSON costs it a type lookup per field and row), and it is split here with no
 * unescaping. The fields in `ClaimJson`'s order, the value as JSON text; a nullable field is
 * empty for NULL (no date or figure is written empty). A claim whose text holds the separator
 * splits into more fields than these, and is read again as `CLAIM_JSON` (see `claimOfText`).
 */
const CLAIM_SEPARATOR = "\x1f";
const CLAIM_TEXT = `concat_ws(E'\\x1f', c."id", c."articleId", c."subjectId", c."attribute", c."attributeLabel", c."status",
  c."valueText", c."valueNorm", coalesce(round(extract(epoch FROM c."asOfStart") * 1000)::text, ''),
  coalesce(round(extract(epoch FROM c."asOfEnd") * 1000)::text, ''), c."inCorrection", c."quoteExact", c."quotePrefix",
  c."quoteSuffix", c."accordingTo", c."note", c."method", c."appliesToPart", coalesce(c."valuePoint"::text, ''))`;
const CLAIM_FIELD_COUNT = 19;

const nullableNumber = (text: string) => (text === "" ? null : Number(text));

/** Where the separators of the claim text last cut by `cutClaimText` are. */
const cuts = new Int32Array(CLAIM_FIELD_COUNT - 1);

/**
 * Finds a claim text's separators (into `cuts`), to read a few fields without splitting it:
 * false when it has more than its fields need (one held the separator).
 */
function cutClaimText(text: string): boolean {
  let at = -1;
  for (let i = 0; i < CLAIM_FIELD_COUNT - 1; i++) {
    at = text.indexOf(CLAIM_SEPARATOR, at + 1);
    if (at < 0) return false;
    cuts[i] = at;
  }
  return text.indexOf(CLAIM_SEPARATOR, at + 1) < 0;
}

/** A claim as read: its text (split when needed), or the claim read again as JSON (see claimAsJson). */
type ClaimRead = string | ClaimJson;

const claimRead = (claim: ClaimRead): ClaimJson => (typeof claim === "string" ? claimOfText(claim)! : claim);

/**
 * A `CLAIM_TEXT` as the `ClaimJson` its fields make, the value left as its JSON text (parsed only
 * for the claims that are compared or tallied); null when a field held the separator.
 */
function claimOfText(text: string): ClaimJson | null {
  const f = text.split(CLAIM_SEPARATOR);
  if (f.length !== CLAIM_FIELD_COUNT) return null;
  return [
    f[0]!,
    f[1]!,
    f[2]!,
    f[3]!,
    f[4]!,
    f[5] as ClaimStatus,
    f[6]!,
    f[7]!,
    nullableNumber(f[8]!),
    nullableNumber(f[9]!),
    f[10] === "t",
    f[11]!,
    f[12]!,
    f[13]!,
    f[14]!,
    f[15]!,
    f[16]!,
    f[17]!,
    nullableNumber(f[18]!),
  ];
}

type ClaimJson = [
  id: string,
  articleId: string,
  subjectId: string,
  attribute: string,
  attributeLabel: string,
  status: ClaimStatus,
  valueText: string,
  valueNorm: unknown,
  asOfStart: number | null,
  asOfEnd: number | null,
  inCorrection: boolean,
  quoteExact: string,
  quotePrefix: string,
  quoteSuffix: string,
  accordingTo: string,
  note: string,
  method: string,
  appliesToPart: string,
  /** Set when the value has a figure: only those are tallied for misattribution. */
  valuePoint: number | null,
];

/**
 * Misattribution over claims read one by one, in a pass that reads every claim anyway: each active
 * claim is kept by its figure's point (`valuePoint`), and only the points given for two subjects
 * or more in two articles or more are read as figures and tallied, as `detectMisattributions` does.
 */
class FigurePoints {
  private readonly byPoint = new Map<
    number,
    { subject: string; article: string; subjects: boolean; articles: boolean; claims: ClaimRead[] }
  >();

  /** A claim giving `point`: as read, parsed only should its point turn out shared. */
  add(point: number, subjectId: string, articleId: string, claim: ClaimRead): void {
    const at = this.byPoint.get(point);
    if (!at) {
      this.byPoint.set(point, { subject: subjectId, article: articleId, subjects: false, articles: false, claims: [claim] });
      return;
    }
    at.subjects ||= at.subject !== subjectId;
    at.articles ||= at.article !== articleId;
    at.claims.push(claim);
  }

  misattributions(): DetectedConflict[] {
    const tally = new FigureTally();
    for (const at of this.byPoint.values()) {
      if (!at.subjects || !at.articles) continue;
      for (const claim of at.claims) {
        const f = claimRead(claim);
        const figure = figureKey(readValue(sqlJson(f[7])));
        if (figure) tally.add(figure, f[0], f[2], f[1]);
      }
    }
    return tally.misattributions();
  }
}

/**
 * Claims of one investigation as detection reads them, for one pass over all of them: what
 * `toDetectionClaim` gives for a row, with each article's publication read once.
 */
class ClaimReader {
  private readonly published = new Map<string, Moment | null>();

  constructor(
    private readonly publications: Publications,
    private readonly names: NameIndex,
    private readonly timeZone: string,
    private readonly chains: PartOfChains,
  ) {}

  article(articleId: string): ClaimRow["article"] {
    return this.publications.get(articleId) ?? { publishedAt: null, publishedText: null };
  }

  private publication(articleId: string): Moment | null {
    let moment = this.published.get(articleId);
    if (moment === undefined) {
      const { publishedAt, publishedText } = this.article(articleId);
      moment = publishedAt ? publicationMoment(publishedAt, publishedText, this.timeZone) : null;
      this.published.set(articleId, moment);
    }
    return moment;
  }

  claim(f: ClaimJson | GroupClaimJson): DetectionClaim {
    const value = readValue(f[7]);
    const valueEntityId = value.kind === "text" || value.kind === "entity" ? entityNamedBy(value.text, this.names) : null;
    const dated = value.kind === "date" || value.kind === "time";
    const asOfStart = f[8] === null ? null : new Date(f[8]);
    const asOfEnd = f[9] === null ? null : new Date(f[9]);
    return {
      id: f[0],
      articleId: f[1],
      subjectId: f[2],
      attribute: f[3],
      attributeLabel: f[4],
      status: f[5],
      value,
      asOf: storedMoment(asOfStart, asOfEnd, this.timeZone),
      published: this.publication(f[1]),
      quoteMoment: dated ? null : momentInQuote(f[11], f[6], { referenceDate: this.article(f[1]).publishedAt, timeZone: this.timeZone }),
      inCorrection: f[10],
      valueEntityId,
      valueEntityAncestors: valueEntityId ? (this.chains.get(valueEntityId) ?? []) : [],
      context: `${f[12]}${f[11]}`,
      after: f[13],
      accordingTo: sourceOf({ accordingTo: f[14], note: f[15], after: f[13] }),
      method: f[16],
      appliesToPart: f[17],
    };
  }
}

/**
 * Every claim of an investigation as its text (`CLAIM_TEXT`), group after group (by subject,
 * then attribute; a group's claims in the order they are stored, as `groupClaims` reads them), in
 * batches from a cursor.
 * The next batch is asked for before this one is handed over, so the database prepares it while
 * the caller compares: reading and comparing overlap instead of adding up.
 */
async function* claimBatches(tx: Tx, investigationId: string, size: number): AsyncGenerator<string[]> {
  await tx.$executeRawUnsafe(
    `DECLARE detection_claims NO SCROLL CURSOR FOR SELECT ${CLAIM_TEXT} AS "claim" FROM "Claim" c
    WHERE c."investigationId" = $1 ORDER BY c."subjectId", c."attribute", c.ctid`,
    investigationId,
  );
  let fetchFailed = false;
  const fetch = async () =>
    tx.$queryRawUnsafe<{ claim: string }[]>(`FETCH ${size} FROM detection_claims`).catch((error: unknown) => {
      fetchFailed = true;
      throw error;
    });
  let next: Promise<{ claim: string }[]> | null = fetch();
  try {
    while (next) {
      const rows: { claim: string }[] = await next;
      next = rows.length < size ? null : fetch();
      // Lets the next batch's request go out before the caller's comparing holds the event loop.
      await yieldToEventLoop();
      yield rows.map((r) => r.claim);
    }
  } finally {
    await next?.catch(() => undefined);
    // A failed FETCH (a timeout, a cancel) aborted the transaction: the cursor ends with it, and a
    // CLOSE would fail too, hiding the real error behind "current transaction is aborted".
    if (!fetchFailed) await tx.$executeRaw`CLOSE detection_claims`;
  }
}

/** One claim as `ClaimJson`, its value as JSON text like `claimOfText`'s: for a claim whose text held the separator. */
async function claimAsJson(tx: Tx, id: string): Promise<ClaimJson> {
  const [row] = await tx.$queryRawUnsafe<{ claim: string }[]>(`SELECT ${CLAIM_JSON} AS "claim" FROM "Claim" c WHERE c."id" = $1`, id);
  if (!row) throw new Error(`claim ${id} vanished during detection`);
  const claim = JSON.parse(row.claim) as ClaimJson;
  claim[7] = JSON.stringify(claim[7]);
  return claim;
}

/** A claim read by `claimOfText` with its value parsed. */
const withValue = (f: ClaimJson): ClaimJson => {
  f[7] = sqlJson(f[7]);
  return f;
};

/** Publications already read: an investigation's claims come from a few articles. */
const publications = new Map<string, Moment>();

/** When an article came out: to the minute when its header gives a time, else the whole day. */
function publicationMoment(publishedAt: Date, publishedText: string | null, zone: string): Moment {
  const key = `${publishedAt.getTime()}|${zone}|${publishedText ?? ""}`;
  let moment = publications.get(key);
  if (!moment) {
    if (publications.size >= 10_000) publications.clear();
    publications.set(key, (moment = readPublication(publishedAt, publishedText, zone)));
  }
  return moment;
}

function readPublication(publishedAt: Date, publishedText: string | null, zone: string): Moment {
  if (publishedText && publicationHasTime(publishedText)) return momentAt(publishedAt, zone);
  // A date alone is that day where the investigation's sources are, like any other day it reads.
  const day = publishedAt.toISOString().slice(0, 10);
  return parseMoment(day, { timeZone: zone }) ?? momentAt(publishedAt, zone);
}

/** The investigation's zone, for times written as "local time" or with no zone. */
async function zoneOf(tx: Tx, investigationId: string): Promise<string> {
  const row = await tx.investigation.findUnique({ where: { id: investigationId }, select: { timeZone: true } });
  return row?.timeZone ?? "UTC";
}

/** What someone set on attributes of the investigation (all, or these keys), by key. */
async function attributeSettings(tx: Tx, investigationId: string, keys?: string[]): Promise<Map<string, AttributeSetting>> {
  const rows = await tx.attribute.findMany({
    where: { investigationId, ...(keys && { key: { in: keys } }) },
    select: { key: true, cardinality: true, change: true, lists: true },
  });
  return new Map(rows.map((r) => [r.key, readAttributeSetting(r)]));
}

const textsOf = (values: unknown[]) =>
  values.flatMap((json) => {
    const v = readValue(json);
    const lead = v.kind === "text" || v.kind === "entity" ? leadingName(v.text) : null;
    return v.kind === "text" || v.kind === "entity" ? [v.text, ...(lead ? [lead] : [])] : [];
  });

/** Bounds a walk along part-of links (never cycles: setPartOf refuses them; this guards against a bad row). */
const PART_OF_DEPTH = 64;

/** What each of these entities is part of, transitively, read level by level. */
async function partOfChains(tx: Tx, investigationId: string, entityIds: Iterable<string>): Promise<PartOfChains> {
  const parent = new Map<string, string | null>();
  const wanted = [...new Set(entityIds)];
  let frontier = wanted;
  for (let depth = 0; frontier.length && depth < PART_OF_DEPTH; depth++) {
    const rows = await tx.entity.findMany({ where: { investigationId, id: { in: frontier } }, select: { id: true, partOfId: true } });
    for (const r of rows) parent.set(r.id, r.partOfId);
    frontier = [...new Set(rows.flatMap((r) => (r.partOfId && !parent.has(r.partOfId) ? [r.partOfId] : [])))];
  }
  return chainsFrom(parent, wanted);
}

function chainsFrom(parent: Map<string, string | null>, entityIds: Iterable<string>): PartOfChains {
  const chains: PartOfChains = new Map();
  for (const id of entityIds) {
    const chain: string[] = [];
    for (let at = parent.get(id); at && at !== id && !chain.includes(at) && chain.length < PART_OF_DEPTH; at = parent.get(at)) {
      chain.push(at);
    }
    chains.set(id, chain);
  }
  return chains;
}

/** The entities a few texts name, by alias (indexed) or by name (case-insensitive). */
async function namesFor(tx: Tx, investigationId: string, texts: string[]): Promise<NameIndex> {
  const index: NameIndex = new Map();
  if (!texts.length) return index;
  const folded = [...new Set(texts.map(foldName))];
  const aliases = await tx.entityAlias.findMany({
    where: { investigationId, folded: { in: folded }, entity: { mergedIntoId: null } },
    select: { folded: true, entityId: true },
  });
  for (const a of aliases) index.set(a.folded, a.entityId);
  const named = await tx.entity.findMany({
    where: { investigationId, mergedIntoId: null, OR: texts.map((t) => ({ name: { equals: t.trim(), mode: "insensitive" as const } })) },
    select: { id: true, name: true },
  });
  for (const e of named) index.set(foldName(e.name), e.id);
  return index;
}

/** What a claim's row says it touches, for the sync after it changes (call with before and after). */
export function touchedByClaim(claim: {
  subjectId: string;
  attribute: string;
  valueNorm: unknown;
}): Required<Pick<Touched, "groups" | "figures">> {
  const figure = figureKey(readValue(claim.valueNorm));
  return { groups: [{ subjectId: claim.subjectId, attribute: claim.attribute }], figures: figure ? [figure] : [] };
}

/**
 * What a detected conflict's key names: its group (subject and attribute, without the family a
 * kind adds) or its figure. A conflict's claims may have moved since (a merge undone, an edit):
 * its key is examined as well, so that it is closed when nothing holds under it any more.
 */
export function touchedByKey(key: string, kind: ConflictKind): Touched {
  if (key.startsWith("misattribution:")) return { figures: [key.slice("misattribution:".length)] };
  if (!key.startsWith("claims:")) return {};
  const rest = key.slice("claims:".length);
  const colon = rest.indexOf(":");
  if (colon < 0) return {};
  const family = FAMILY_OF_KIND[kind] ?? "";
  const attribute = rest.slice(colon + 1);
  return {
    groups: [
      { subjectId: rest.slice(0, colon), attribute: family && attribute.endsWith(family) ? attribute.slice(0, -family.length) : attribute },
    ],
  };
}

export function mergeTouched(...all: Touched[]): Touched {
  return {
    groups: all.flatMap((t) => t.groups ?? []),
    figures: all.flatMap((t) => t.figures ?? []),
    entities: all.flatMap((t) => t.entities ?? []),
    added: all.flatMap((t) => t.added ?? []),
  };
}

/**
 * The groups holding a text value written as one of these names (case aside): when a name starts
 * or stops meaning an entity (an alias added or removed, a merge), those values may now agree or
 * disagree.
 */
export async function groupsNaming(tx: Tx, investigationId: string, names: string[]): Promise<Touched> {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (!wanted.length) return {};
  const rows = await tx.claim.findMany({
    where: {
      investigationId,
      valueKind: { in: ["text", "entity"] },
      // "Alhaurín de la Torre, near Málaga" names Alhaurín de la Torre (see leadingName).
      OR: wanted.flatMap((n) => [
        { valueText: { equals: n, mode: "insensitive" as const } },
        { valueText: { startsWith: `${n},`, mode: "insensitive" as const } },
      ]),
    },
    distinct: ["subjectId", "attribute"],
    select: { subjectId: true, attribute: true },
  });
  return { groups: rows };
}

const pointOf = (figure: string) => Number(figure.slice(figure.lastIndexOf(":") + 1));

const lockKeyOfGroup = (g: { subjectId: string; attribute: string }) => groupKey(g.subjectId, g.attribute);
const lockKeyOfFigure = (figure: string) => `misattribution:${figure}`;
const NAMING_LOCK = "naming";

/** A lock key → the detection keys of the conflicts it covers (a group's families share its lock). */
const familyKeys = (lockKey: string) => (lockKey.startsWith("claims:") ? GROUP_FAMILIES.map((f) => `${lockKey}${f}`) : [lockKey]);

function lockKeysOf(touched: Touched): Set<string> {
  return new Set([
    ...(touched.groups ?? []).map(lockKeyOfGroup),
    ...(touched.figures ?? []).map(lockKeyOfFigure),
    ...(touched.entities?.length ? [NAMING_LOCK] : []),
  ]);
}

/**
 * The detection keys whose settled conflicts a change touching `lockKeys` may reopen (a group's
 * families share its lock): what `lockScope` reads first.
 */
function settledKeysOf(lockKeys: Iterable<string>): string[] {
  return [...lockKeys].filter((k) => k !== NAMING_LOCK).flatMap(familyKeys);
}

/**
 * `lockScope`'s first read as one SQL expression (a JSON array of {kind, details}), for a caller
 * that folds it into a statement it sends anyway. Its arguments are the placeholders of the
 * investigation's id and of the keys (`settledKeysFor`), e.g. "$2" and "$33".
 */
export const SETTLED_DECISIONS_SQL = (investigation: string, keys: string) => `(
  SELECT coalesce(json_agg(json_build_object('kind', r."kind"::text, 'details', r."details")), '[]'::json)
  FROM "Resolution" r JOIN "Conflict" c ON c."id" = r."conflictId"
  WHERE r."withdrawnAt" IS NULL AND c."investigationId" = ${investigation}
    AND c."detectionKey" = ANY(${keys}::text[]) AND c."status" <> 'open')`;

/** The keys `SETTLED_DECISIONS_SQL` is given for a change that touched `touched`. */
export const settledKeysFor = (touched: Touched) => settledKeysOf(lockKeysOf(touched));

/**
 * The keys a change may reach: what it touched, and the groups and figures of claims that a
 * settled conflict among them set aside (rejected or superseded), since a claim entering that
 * conflict withdraws its decision and makes them active again. Reads only, before any lock.
 * `firstRead` is the first round's decisions when the caller has read them already.
 */
async function lockScope(tx: Tx, investigationId: string, touchedKeys: Set<string>, firstRead?: SettledDecision[]): Promise<Set<string>> {
  const keys = new Set(touchedKeys);
  let frontier = [...keys];
  let preread = firstRead;
  while (frontier.length) {
    const wanted = settledKeysOf(frontier);
    if (!wanted.length) break;
    const settled =
      preread ??
      (await tx.resolution.findMany({
        where: { withdrawnAt: null, conflict: { investigationId, detectionKey: { in: wanted }, status: { not: "open" } } },
        select: { kind: true, details: true },
      }));
    preread = undefined;
    const setAside = settled.flatMap((r) => setAsideBy(readResolutionDetails(r.kind, r.details)));
    if (!setAside.length) break;
    const claims = await tx.claim.findMany({
      where: { id: { in: setAside } },
      select: { subjectId: true, attribute: true, valueNorm: true },
    });
    frontier = [...lockKeysOf(mergeTouched(...claims.map(touchedByClaim)))].filter((k) => !keys.has(k));
    for (const k of frontier) keys.add(k);
  }
  return keys;
}

/**
 * What a caller already read, to save a query: the investigation's zone, and what is set on
 * attributes (by key; null when nothing is set on one).
 */
export type Known = {
  timeZone?: string;
  settings?: Map<string, AttributeSetting | null>;
  /** The decisions on settled conflicts under the touched keys (see SETTLED_DECISIONS_SQL). */
  settled?: SettledDecision[];
};

/**
 * A group's claims with their articles' publication, in one query (Prisma would read the
 * articles in a second one). Raw rows are brought to the shape Prisma gives.
 */
async function groupClaims(tx: Tx, investigationId: string, g: { subjectId: string; attribute: string }): Promise<ClaimRow[]> {
  const rows = await tx.$queryRaw<RawClaimRow[]>`${GROUP_CLAIM_COLUMNS}
    FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
    WHERE c."investigationId" = ${investigationId} AND c."subjectId" = ${g.subjectId} AND c."attribute" = ${g.attribute}`;
  return rows.map(claimRow);
}

/** What detection reads of a group's claims, as rows. */
const GROUP_CLAIM_COLUMNS = Prisma.sql`
    SELECT c."id", c."articleId", c."subjectId", c."attribute", c."attributeLabel", c."status"::text AS "status",
      c."valueText", c."valueNorm", c."asOfStart", c."asOfEnd", c."inCorrection", c."quoteExact", c."quotePrefix",
      c."quoteSuffix", c."accordingTo", c."note", c."method", c."appliesToPart",
      a."publishedAt" AS "publishedAt", a."publishedText" AS "publishedText"`;

/**
 * A group's claims as `ClaimJson` arrays with their article's publication after them (epoch
 * milliseconds, then its text): a group of ten thousand claims read as one value is parsed at
 * once, where as rows each of its 200,000 fields would pass through the driver one by one. Read
 * by a `ClaimReader`, as a recomputation reads every claim.
 */
const GROUP_CLAIM_JSON = Prisma.raw(
  `json_build_array(${CLAIM_FIELDS}, round(extract(epoch FROM a."publishedAt") * 1000), a."publishedText")`,
);

type GroupClaimJson = [...ClaimJson, publishedAt: number | null, publishedText: string | null];

/** The publications a group's claims carry, as a `ClaimReader` looks them up. */
const groupPublications = (claims: GroupClaimJson[]): Publications =>
  new Map(claims.map((f) => [f[1], { publishedAt: f[19] === null ? null : new Date(f[19]), publishedText: f[20] }]));

/** The active claims giving one of these figures: only what misattribution compares. */
const FIGURE_CLAIMS = (investigationId: string, figures: string[]) => Prisma.sql`
    SELECT c."id", c."articleId", c."subjectId", c."attribute", c."status"::text AS "status", c."valueNorm"
    FROM "Claim" c
    WHERE c."investigationId" = ${investigationId} AND c."status" = 'active' AND c."valuePoint" = ANY(${figures.map(pointOf)}::float8[])`;

type FigureRow = Omit<DetectionClaim, "value" | "asOf"> & { valueNorm: unknown };

/**
 * A touched group as `readTouched` reads it: `since` is the revision of the group's claims this
 * process keeps (see `keptGroups`), when the change only added claims to it.
 */
type GroupRead = { subjectId: string; attribute: string; since: string | null };

/**
 * What a change's re-examination reads once its locks are held, read in one statement (see
 * readTouched): each group's stored revision and claims (only the added ones when the revision
 * is still the one asked about).
 */
type TouchedRows = {
  groups: { revision: string | null; claims: GroupClaimJson[]; whole: boolean }[];
  figures: FigureRow[];
  conflicts: { keys: Set<string>; onRecord: TrackedConflict[] };
};

/** What `readTouched` reads: conflicts whose members the reader knows come without them. */
type TouchedRead = Omit<TouchedRows, "conflicts"> & { conflicts: { keys: Set<string>; onRecord: Versioned[] } };

/**
 * Everything a change's re-examination reads under its locks, in one round trip: each touched
 * group's claims (in order), the claims giving a touched figure, and the conflicts on record
 * under these keys. A save's hot path: three statements would cost three round trips.
 * A group asked `since` a revision that is still the stored one brings only the claims `added`:
 * the others are those this process kept at that revision.
 */
async function readTouched(
  tx: Tx,
  investigationId: string,
  groups: GroupRead[],
  added: string[],
  figures: string[],
  keys: string[],
  known: Recorded[],
): Promise<TouchedRead> {
  const [row] = await tx.$queryRaw<{ groups: unknown; figures: unknown; conflicts: unknown }[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_array(d."revision", coalesce(g."rows", '[]'::json), h."kept" IS NULL) ORDER BY t.n), '[]'::json)
        FROM unnest(${groups.map((g) => g.subjectId)}::text[], ${groups.map((g) => g.attribute)}::text[],
          ${groups.map((g) => g.since)}::text[], ${groups.map((g) => groupKey(g.subjectId, g.attribute))}::text[]) WITH ORDINALITY AS t(s, a, since, k, n)
        LEFT JOIN "GroupDetection" d ON d."investigationId" = ${investigationId} AND d."groupKey" = t.k
        LEFT JOIN LATERAL (SELECT true AS "kept" WHERE d."revision" = t.since) h ON true
        LEFT JOIN LATERAL (SELECT json_agg(x."claim") AS "rows" FROM (
            SELECT ${GROUP_CLAIM_JSON} AS "claim" FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
            WHERE h."kept" IS NULL AND c."investigationId" = ${investigationId} AND c."subjectId" = t.s AND c."attribute" = t.a
          UNION ALL
            SELECT ${GROUP_CLAIM_JSON} FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
            WHERE h."kept" AND c."id" = ANY(${added}::text[]) AND c."investigationId" = ${investigationId}
              AND c."subjectId" = t.s AND c."attribute" = t.a) x) g ON true)::text AS "groups",
      ${figures.length ? Prisma.sql`(SELECT coalesce(json_agg(x), '[]'::json) FROM (${FIGURE_CLAIMS(investigationId, figures)}) x)` : Prisma.sql`'[]'::json`} AS "figures",
      (SELECT coalesce(json_agg(x), '[]'::json) FROM (${TRACKED_CONFLICTS(investigationId, keys, known)}) x) AS "conflicts"`;
  const read = JSON.parse(row!.groups as string) as [string | null, GroupClaimJson[], boolean][];
  return {
    groups: read.map(([revision, claims, whole]) => ({ revision, claims, whole })),
    figures: sqlJson<FigureRow[]>(row!.figures),
    conflicts: { keys: new Set(keys), onRecord: sqlJson<Versioned[]>(row!.conflicts) },
  };
}

/**
 * A large group's claims as detection last read them in this process, with the state stored for
 * them and the stored revision they are current at. Every write of a group's state (under the
 * group's lock) gives it a new revision, and every change to what detection reads of a group
 * (its claims, the names and places their values name, the articles' times) re-examines the
 * group and so writes its state: while the stored revision is the one kept here, nothing of the
 * group changed but what this process saw. A save that only adds a claim then reads that claim
 * alone, and compares it with the kept claims kin by kin (see `GroupKin`).
 *
 * Taken out of the map while a transaction extends it, and put back under the revision that
 * transaction writes: should it roll back, the stored revision is the old one, which no kept
 * group carries any more, and the group is read whole again.
 */
type KeptGroup = {
  revision: string;
  timeZone: string;
  claims: DetectionClaim[];
  /** The active claims in kin, once a save extended the group's state. */
  kin: GroupKin | null;
  state: GroupState;
  /** The ids the stored state's tail holds at this revision, per family (see `tailOf`): none when written whole. */
  tail: Record<string, string[]>;
  /**
   * The group's open conflicts as the transaction writing this revision left them, by family: id
   * and version. Their members are then exactly the state's ids, for as long as the version is
   * the same (every change to a conflict's members or status counts up its version).
   */
  conflicts: Map<string, Recorded>;
};

/** A conflict on record as a change left it: which, and at what version. */
type Recorded = { id: string; version: number };

/**
 * How many claims this process keeps across its large groups, the least recently used going first
 * (`CROSSCHECK_KEPT_CLAIMS`, default 50,000: some 60 MB). A group larger than that is not kept:
 * its saves read it whole.
 */
const KEPT_CLAIMS = Math.max(0, Number(process.env.CROSSCHECK_KEPT_CLAIMS ?? 50_000) || 0);
export type KeptGroups = Map<string, KeptGroup>;
let keptGroups: KeptGroups = ((globalThis as { __crosscheckGroups?: KeptGroups }).__crosscheckGroups ??= new Map());

const keptKey = (investigationId: string, key: string) => `${investigationId}\u0000${key}`;

function keepGroup(investigationId: string, key: string, kept: KeptGroup): void {
  const at = keptKey(investigationId, key);
  keptGroups.delete(at);
  keptGroups.set(at, kept);
  let total = 0;
  for (const g of keptGroups.values()) total += g.claims.length;
  for (const [k, g] of keptGroups) {
    if (total <= KEPT_CLAIMS) break;
    keptGroups.delete(k);
    total -= g.claims.length;
  }
}

/**
 * For tests: makes `next` the groups this process keeps and returns those it kept, so that one
 * process can act as two app instances, each with what it keeps.
 */
export function swapKeptGroups(next: KeptGroups): KeptGroups {
  const was = keptGroups;
  keptGroups = next;
  return was;
}

/**
 * Takes, in one statement and in this order, the investigation's lock shared (changes run side
 * by side, but not during a recomputation from scratch, which holds it exclusively), then each
 * key's lock. `unnest … WITH ORDINALITY` yields the array's elements in order, and each row's
 * lock is taken as the row is produced.
 */
async function lockKeys(tx: Tx, investigationId: string, keys: Iterable<string>): Promise<void> {
  const names = [investigationId, ...[...keys].sort().map((k) => `${investigationId}:${k}`)];
  await tx.$queryRaw`SELECT count(*) FROM (
    SELECT (CASE WHEN t.n = 1 THEN pg_advisory_xact_lock_shared(hashtextextended(t.k, 0))
                 ELSE pg_advisory_xact_lock(hashtextextended(t.k, 0)) END)::text
    FROM unnest(${names}::text[]) WITH ORDINALITY AS t(k, n)) AS locks`;
}

/**
 * Re-examines what a change touched, in the change's transaction, and returns the conflicts
 * that changed. `known.timeZone` saves reading the investigation's zone when the caller has it.
 */
export async function syncConflicts(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  touched: Touched,
  known: Known = {},
): Promise<ConflictChange[]> {
  const touchedKeys = lockKeysOf(touched);
  if (!touchedKeys.size) return [];
  const locked = await lockScope(tx, investigationId, touchedKeys, known.settled);
  await lockKeys(tx, investigationId, locked);
  const changes: ConflictChange[] = [];
  let examine = touched;
  for (;;) {
    const { scope, detected, read } = await detectTouched(tx, investigationId, examine, known);
    const { revived, changed, left } = await carryOut(tx, ctx, investigationId, scope, detected, undefined, undefined, read);
    changes.push(...changed);
    for (const g of examine.groups ?? []) {
      // What this transaction left of the group's conflicts, beside the state it kept (see KeptGroup.conflicts).
      const kept = keptGroups.get(keptKey(investigationId, lockKeyOfGroup(g)));
      if (!kept) continue;
      kept.conflicts = new Map();
      for (const family of GROUP_FAMILIES) {
        const recorded = left.get(`${lockKeyOfGroup(g)}${family}`);
        if (recorded) kept.conflicts.set(family, recorded);
      }
    }
    if (!revived.length) return latestOf(changes);
    examine = mergeTouched(...revived.map(touchedByClaim));
    const outside = [...lockKeysOf(examine)].filter((k) => !locked.has(k));
    if (outside.length) {
      // Only when another change set claims aside between our look and our locks: refuse rather
      // than take a lock out of order.
      throw new ExpectedError("stale", "Someone else changed the same conflicts at this moment. Nothing was saved; try again.");
    }
  }
}

/** Each conflict once, as it was left; opened (or closed) on the way counts as such. */
function latestOf(changes: ConflictChange[]): ConflictChange[] {
  const latest = new Map<string, ConflictChange>();
  for (const change of changes) {
    const moved = change.movesCount ?? latest.get(change.id)?.movesCount;
    latest.set(change.id, moved ? { ...change, movesCount: moved } : change);
  }
  return [...latest.values()];
}

/** Detection over what was touched: the keys looked at, and what holds there now. */
async function detectTouched(
  tx: Tx,
  investigationId: string,
  touched: Touched,
  known: Known,
): Promise<{ scope: Set<string>; detected: DetectedConflict[]; read?: TouchedRows["conflicts"] }> {
  const scope = new Set<string>();
  const detected: DetectedConflict[] = [];
  const groups = new Map((touched.groups ?? []).map((g) => [lockKeyOfGroup(g), g]));
  const timeZone = groups.size ? (known.timeZone ?? (await zoneOf(tx, investigationId))) : "UTC";
  const attributes = [...new Set([...groups.values()].map((g) => g.attribute))];
  const settings =
    known.settings && attributes.every((a) => known.settings!.has(a))
      ? new Map([...known.settings].flatMap(([k, v]) => (v ? [[k, v] as const] : [])))
      : groups.size
        ? await attributeSettings(tx, investigationId, attributes)
        : new Map<string, AttributeSetting>();
  const figures = [...new Set(touched.figures ?? [])];
  for (const g of groups.values()) for (const key of groupKeys(g.subjectId, g.attribute)) scope.add(key);
  for (const f of figures) scope.add(lockKeyOfFigure(f));
  const added = touched.added ?? [];
  // A change that only added claims reads, of a large group this process keeps, just those claims.
  const reads = [...groups.entries()].map(([key, g]): GroupRead => {
    const kept = added.length ? keptGroups.get(keptKey(investigationId, key)) : undefined;
    return { ...g, since: kept?.timeZone === timeZone ? kept.revision : null };
  });
  // The members of a kept group's conflicts, unchanged since it kept them, are its state's ids: not read.
  const recorded = reads.flatMap((g) =>
    g.since === null ? [] : [...(keptGroups.get(keptKey(investigationId, lockKeyOfGroup(g)))?.conflicts.values() ?? [])],
  );
  const read = groups.size || figures.length ? await readTouched(tx, investigationId, reads, added, figures, [...scope], recorded) : null;
  /** The state each group's kept claims were at, for the groups read since it (see `recorded`). */
  const keptStates = new Map<string, GroupState>();
  let i = 0;
  for (const [key, g] of groups) {
    const { revision, claims, whole } = read!.groups[i++]!;
    let rows = claims;
    let kept: KeptGroup | undefined;
    if (!whole) {
      // Ours until this transaction puts it back (see KeptGroup); the locks keep others of this process out.
      kept = keptGroups.get(keptKey(investigationId, key));
      keptGroups.delete(keptKey(investigationId, key));
    }
    if (!whole && kept?.revision !== revision) {
      // Never while the group's lock is held; should it happen, the group is read whole.
      rows = await wholeGroup(tx, investigationId, g);
      kept = undefined;
    }
    if (kept) keptStates.set(key, kept.state);
    const names = await namesFor(tx, investigationId, textsOf(rows.map((f) => f[7])));
    const chains = await partOfChains(tx, investigationId, names.values());
    const reader = new ClaimReader(groupPublications(rows), names, timeZone, chains);
    const fresh = rows.map((f) => reader.claim(f));
    const all = kept ? [...kept.claims, ...fresh] : fresh;
    detected.push(
      ...(await groupConflicts(tx, investigationId, g, all, settings.get(g.attribute), new Set(added), { timeZone, revision, kept })),
    );
  }
  if (figures.length) {
    // A figure may be given by hundreds of claims: only what misattribution compares was read.
    const wanted = new Set(figures);
    const claims = read!.figures.map(({ valueNorm, ...r }): DetectionClaim => ({ ...r, value: readValue(valueNorm), asOf: null }));
    detected.push(...detectMisattributions(claims.filter((c) => wanted.has(figureKey(c.value) ?? ""))));
  }

  const focus = new Set(touched.entities ?? []);
  if (focus.size) {
    const involved = await tx.conflictEntity.findMany({
      where: { entityId: { in: [...focus] }, conflict: { investigationId, kind: "naming" } },
      select: { conflict: { select: { detectionKey: true } } },
    });
    for (const row of involved) if (row.conflict.detectionKey) scope.add(row.conflict.detectionKey);
    detected.push(...detectNamingConflicts(await canonicalEntities(tx, investigationId), new Set(), focus));
  }
  return { scope, detected, ...(read && { read: await withMembers(tx, investigationId, read.conflicts, keptStates) }) };
}

/**
 * The conflicts read without their members (see TRACKED_CONFLICTS) given them: a kept group's
 * conflict, open at the version that group's last change left it, holds exactly the ids of the
 * state that change kept. Should that state be gone, the members are read after all.
 */
async function withMembers(
  tx: Tx,
  investigationId: string,
  read: TouchedRead["conflicts"],
  keptStates: Map<string, GroupState>,
): Promise<TouchedRows["conflicts"]> {
  const known = new Map<string, string[]>();
  for (const [group, state] of keptStates) {
    for (const family of GROUP_FAMILIES) {
      const f = state.families[family];
      if (f) known.set(`${group}${family}`, f.ids);
    }
  }
  const unknown: string[] = [];
  const onRecord = read.onRecord.map((c): TrackedConflict => {
    const claimIds = c.claimIds ?? known.get(c.key);
    if (claimIds) return { ...c, claimIds };
    unknown.push(c.key);
    return { ...c, claimIds: [] };
  });
  if (!unknown.length) return { keys: read.keys, onRecord };
  const reread = new Map((await trackedConflicts(tx, investigationId, unknown)).map((c) => [c.key, c]));
  return { keys: read.keys, onRecord: onRecord.map((c) => reread.get(c.key) ?? c) };
}

async function canonicalEntities(tx: Tx, investigationId: string): Promise<NamedEntity[]> {
  const rows = await tx.entity.findMany({
    where: { investigationId, mergedIntoId: null },
    orderBy: { id: "asc" },
    select: { id: true, name: true, kind: true, aliases: { select: { name: true } } },
  });
  return rows.map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases.map((a) => a.name) }));
}

/**
 * How saves into large groups found their state, in this process: extended with the new claim's
 * pairs, or computed from the whole group (none stored, or not for these claims). For tests and
 * benchmarks.
 */
export const groupStateUse = { extended: 0, computed: 0 };

/** Groups with at least this many active claims keep their detection state (CROSSCHECK_GROUP_STATE_MIN). */
const groupStateMin = () => Number(process.env.CROSSCHECK_GROUP_STATE_MIN ?? 200);

const sameSense = (a: AttributeSense, b: AttributeSense) => a.cardinality === b.cardinality && a.change === b.change && a.lists === b.lists;

/** A group's claims as `readTouched` reads them, all of them. */
async function wholeGroup(tx: Tx, investigationId: string, g: { subjectId: string; attribute: string }): Promise<GroupClaimJson[]> {
  const [row] = await tx.$queryRaw<{ rows: string }[]>`
    SELECT coalesce(json_agg(${GROUP_CLAIM_JSON}), '[]'::json)::text AS "rows"
    FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
    WHERE c."investigationId" = ${investigationId} AND c."subjectId" = ${g.subjectId} AND c."attribute" = ${g.attribute}`;
  return JSON.parse(row!.rows) as GroupClaimJson[];
}

const activeCount = (claims: DetectionClaim[]) => {
  let n = 0;
  for (const c of claims) if (c.status === "active") n++;
  return n;
};

/**
 * A group's conflicts. Small groups are computed whole (every pair: cheap). A large one keeps its
 * state (lib/domain/group-detection.ts): when the change only added one active claim to exactly
 * the claims the state covers, and the attribute's sense is the same with and without it, the
 * state is extended with that claim's pairs; otherwise it is recomputed, and stored again, with
 * a new revision. This process keeps the group's claims at that revision (see `KeptGroup`):
 * `read.kept` when the claims are those kept and the ones added since.
 */
async function groupConflicts(
  tx: Tx,
  investigationId: string,
  g: { subjectId: string; attribute: string },
  claims: DetectionClaim[],
  setting: AttributeSetting | undefined,
  added: Set<string>,
  read: { timeZone: string; revision: string | null; kept?: KeptGroup },
): Promise<DetectedConflict[]> {
  const first = claims[0];
  const key = groupKey(g.subjectId, g.attribute);
  if (!first || activeCount(claims) < groupStateMin()) {
    // A stored state left behind would carry a revision some process keeps claims at, claims that are changing now.
    if (read.revision !== null) {
      await tx.$executeRaw`DELETE FROM "GroupDetection" WHERE "investigationId" = ${investigationId} AND "groupKey" = ${key}`;
    }
    if (!first) return [];
    return conflictsOfState(
      groupState(claims, groupSense(first.attributeLabel ?? first.attribute, claims, setting)),
      g.subjectId,
      g.attribute,
    );
  }
  const label = first.attributeLabel ?? first.attribute;
  const sense = groupSense(label, claims, setting);
  const { kept } = read;
  let previous: GroupState | null = kept?.state ?? null;
  if (!kept) {
    const [stored] = await tx.$queryRaw<{ state: string; tail: string | null }[]>`
      SELECT "state"::text AS "state", "tail"::text AS "tail"
      FROM "GroupDetection" WHERE "investigationId" = ${investigationId} AND "groupKey" = ${key}`;
    const base = stored ? readGroupState(JSON.parse(stored.state)) : null;
    const tail = stored?.tail ? readGroupState(JSON.parse(stored.tail)) : null;
    previous = base && stored?.tail ? tail && withTail(base, tail) : base;
  }
  const newcomers = claims.filter((c) => added.has(c.id) && c.status === "active");
  let state: GroupState | null = null;
  let extended: DetectionClaim | null = null;
  /** The ids the state gained, when extended over the kept claims in kin: only they are written. */
  let gained: Record<string, string[]> | null = null;
  if (previous && newcomers.length === 1) {
    const newcomer = newcomers[0]!;
    const others = kept ? kept.claims : claims.filter((c) => c.id !== newcomer.id);
    const covered = kept ? (kept.kin ??= new GroupKin(kept.claims)) : fingerprintOf(others);
    if (
      previous.version === GROUP_STATE_VERSION &&
      previous.count === covered.count &&
      previous.fingerprint === covered.fingerprint &&
      sameSense(previous.sense, sense) &&
      sameSense(groupSense(label, others, setting), sense)
    ) {
      if (kept?.kin) state = extendGroupStateByKin(previous, kept.kin, newcomer, (gained = {}));
      else state = extendGroupState(previous, others, newcomer);
      extended = newcomer;
    }
  }
  if (state) groupStateUse.extended++;
  else groupStateUse.computed++;
  state ??= groupState(claims, sense);
  const revision = newId();
  let tail = kept && gained ? growTail(kept.tail, gained) : null;
  if (tail) {
    let tailIds = 0;
    let allIds = 0;
    for (const ids of Object.values(tail)) tailIds += ids.length;
    for (const f of Object.values(state.families)) allIds += f.ids.length;
    if (tailTooLong(tailIds, allIds)) tail = null;
  }
  if (tail) {
    // The base is left as it is (PostgreSQL keeps a column not written where it was): only the tail is written.
    await tx.$executeRaw`UPDATE "GroupDetection"
      SET "tail" = ${JSON.stringify(jsonColumn(tailOf(state, tail)))}::jsonb, "revision" = ${revision}, "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE "investigationId" = ${investigationId} AND "groupKey" = ${key}`;
  } else {
    // As JSON text: a large group's state passed as an object would be walked field by field on its way.
    await tx.$executeRaw`INSERT INTO "GroupDetection" ("investigationId", "groupKey", "state", "tail", "revision", "updatedAt")
      VALUES (${investigationId}, ${key}, ${JSON.stringify(jsonColumn(state))}::jsonb, NULL, ${revision}, now() AT TIME ZONE 'UTC')
      ON CONFLICT ("investigationId", "groupKey") DO UPDATE
      SET "state" = EXCLUDED."state", "tail" = NULL, "revision" = EXCLUDED."revision", "updatedAt" = EXCLUDED."updatedAt"`;
  }
  if (kept?.kin && extended) {
    kept.kin.add(extended);
    keepGroup(investigationId, key, { ...kept, revision, claims, state, tail: tail ?? {}, conflicts: new Map() });
  } else {
    // Sorted into kin when a save first extends it: a group recomputed again and again never pays for it.
    keepGroup(investigationId, key, { revision, timeZone: read.timeZone, claims, kin: null, state, tail: {}, conflicts: new Map() });
  }
  return conflictsOfState(state, g.subjectId, g.attribute);
}

/** What long work says of itself as it goes: the step, and how far into it (total when known). */
export type Progress = (p: { phase: string; done: number; total: number | null }) => void;

/** Lets other work (requests, progress writes) run between a long computation's steps. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Everything detection finds in an investigation's current claims and entities (from scratch):
 * what `detectAll` finds, computed group by group, giving the event loop back every few
 * milliseconds (a server keeps answering while an investigation is recomputed) and saying how
 * far it got. `tx` must be a transaction: the claims are read through a cursor.
 */
export async function detectFromScratch(
  tx: Tx,
  investigationId: string,
  report?: Progress,
  /** Claims read per batch (tests make it small, so groups straddle batches). */
  batch = CLAIM_BATCH,
): Promise<DetectedConflict[]> {
  return (await detectAlongside(tx, investigationId, report, batch, async () => null, false)).found;
}

/** A promise whose failure waits for whoever awaits it (never unhandled in the meantime). */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * `detectFromScratch`, and `alongside`: more reading in the same transaction, sent to the
 * database once the claims are read, with the figures' query, so that the database answers
 * both while names are compared here.
 */
async function detectAlongside<T>(
  tx: Tx,
  investigationId: string,
  report: Progress | undefined,
  batch: number,
  alongside: () => Promise<T>,
  /**
   * Reuse what naming and each group's comparison found in the last run when exactly what they
   * read is the same (see keptNaming, keptFindings), and keep what this run finds.
   */
  reuse: boolean,
  /** Filled, when given, with the state of each group large enough to keep one (see `groupConflicts`), by group key. */
  states?: Map<string, GroupState>,
): Promise<{ found: DetectedConflict[]; alongside: T }> {
  report?.({ phase: "Reading claims", done: 0, total: null });
  const entities = await canonicalEntities(tx, investigationId);
  // Not in development: there the rules change under a running server.
  const reusing = reuse && process.env.NODE_ENV !== "development";
  const kept = reusing ? keptNaming.get(investigationId) : undefined;
  const names: NameIndex = new Map();
  for (const e of entities) for (const name of [...e.aliases, e.name]) names.set(foldName(name), e.id);
  const placed = await tx.entity.findMany({ where: { investigationId, partOfId: { not: null } }, select: { id: true, partOfId: true } });
  const chains = chainsFrom(
    new Map(placed.map((e) => [e.id, e.partOfId])),
    entities.map((e) => e.id),
  );
  const timeZone = await zoneOf(tx, investigationId);
  const settings = await attributeSettings(tx, investigationId);
  const publications = await publicationsOf(tx, investigationId);
  // Only for saying how far it got: not counted when no one is told.
  const total = report ? await tx.claim.count({ where: { investigationId } }) : 0;
  const reader = new ClaimReader(publications, names, timeZone, chains);
  const found: DetectedConflict[] = [];
  const context = reusing ? groupContext(entities, placed, timeZone, settings, publications) : null;
  const keptRun = context !== null && keptFindings.get(investigationId)?.context === context ? keptFindings.get(investigationId)! : null;
  const keptFound = keptRun?.found ?? null;
  const keeping = new Map<string, DetectedConflict[]>();
  const keepingStates = new Map<string, KeptState>();
  const large = groupStateMin();
  /** Articles read on the way (not the investigation's): their groups are neither reused nor kept. */
  const late = new Set<string>();
  // Claims come group after group; a batch may end within a group, which the next one completes.
  // A group is compared once it is whole, and only when two of its claims are active: fewer
  // compare no pair, so their claims are never read in full.
  let group: ClaimRead[] = [];
  /** The group's subject and attribute, as one text. */
  let groupOf: string | null = null;
  /** The group's claims as read, in order: what its comparison reads of them (see groupFingerprint). */
  let texts: string[] = [];
  /** Whether one of the group's claims is from an article read on the way. */
  let groupLate = false;
  let active = 0;
  // Every active claim's figure, gathered as it passes (no second read of the claims for misattribution).
  const points = new FigurePoints();
  const compare = () => {
    if (active >= 2) {
      const fingerprint = context !== null && !groupLate ? groupFingerprint(texts) : null;
      const again = fingerprint !== null ? keptFound?.get(fingerprint) : undefined;
      // A large group's state, kept with its findings: wanted again when re-detection stores it.
      const keptState = fingerprint !== null && active >= large ? keptRun?.states.get(fingerprint) : undefined;
      if (again && (!states || active < large || keptState)) {
        found.push(...again.map(copyConflict));
        if (states && keptState) states.set(keptState.key, keptState.state);
      } else {
        // The value as its JSON text (see claimOfText): read now that it is compared.
        const claims = group.map((f) => reader.claim(withValue(claimRead(f))));
        const first = claims[0]!;
        const setting = settings.get(first.attribute);
        let conflicts: DetectedConflict[];
        if (active >= large) {
          // As a save computes it (groupConflicts), to be stored and extended by the next save.
          const state = groupState(claims, groupSense(first.attributeLabel ?? first.attribute, claims, setting));
          conflicts = conflictsOfState(state, first.subjectId, first.attribute);
          const key = groupKey(first.subjectId, first.attribute);
          states?.set(key, state);
          if (fingerprint !== null) keepingStates.set(fingerprint, { key, state });
        } else conflicts = detectGroupConflicts(claims, { setting });
        found.push(...conflicts);
        if (fingerprint !== null) keeping.set(fingerprint, conflicts.map(copyConflict));
      }
      if (fingerprint !== null && again) {
        keeping.set(fingerprint, again);
        if (keptState) keepingStates.set(fingerprint, keptState);
      }
    }
    group = [];
    texts = [];
    groupLate = false;
    active = 0;
  };
  let read = 0;
  let paused = performance.now();
  for await (const rows of claimBatches(tx, investigationId, batch)) {
    // Each claim parsed as it is reached: a batch's claims are not all held at once.
    for (const text of rows) {
      // Only the fields that place the claim are read here; the rest when its group is compared.
      let row: ClaimRead = text;
      let exact = text;
      let articleId: string, subjectId: string, of: string, isActive: boolean, point: number | null;
      if (cutClaimText(text)) {
        articleId = text.slice(cuts[0]! + 1, cuts[1]);
        subjectId = text.slice(cuts[1]! + 1, cuts[2]);
        of = text.slice(cuts[1]! + 1, cuts[3]);
        isActive = cuts[5]! - cuts[4]! === 7 && text.startsWith("active", cuts[4]! + 1);
        point = nullableNumber(text.slice(cuts[17]! + 1));
      } else {
        const f = await claimAsJson(tx, text.slice(0, text.indexOf(CLAIM_SEPARATOR)));
        row = f;
        // Fields holding the separator make a text two different claims could share: not this one.
        exact = JSON.stringify(f);
        [articleId, subjectId, of, isActive, point] = [f[1], f[2], `${f[2]}${CLAIM_SEPARATOR}${f[3]}`, f[5] === "active", f[18]];
      }
      // A claim's article is the investigation's; should a row say otherwise, its article is read too.
      if (!publications.has(articleId)) {
        late.add(articleId);
        const article = await tx.article.findUnique({ where: { id: articleId }, select: PUBLICATION });
        publications.set(articleId, { publishedAt: article?.publishedAt ?? null, publishedText: article?.publishedText ?? null });
      }
      if (groupOf !== of) {
        compare();
        groupOf = of;
      }
      group.push(row);
      texts.push(exact);
      groupLate ||= late.has(articleId);
      read++;
      if (isActive) {
        active++;
        if (point !== null) points.add(point, subjectId, articleId, row);
      }
      if (performance.now() - paused > 25) {
        report?.({ phase: "Comparing claims, group by group", done: read, total: Math.max(total, read) });
        await yieldToEventLoop();
        paused = performance.now();
      }
    }
  }
  compare();
  report?.({ phase: "Checking figures and names", done: read, total: Math.max(total, read) });
  await yieldToEventLoop();
  const also = started(alongside());
  await yieldToEventLoop();
  if (context !== null) keepRecent(keptFindings, investigationId, { context, found: keeping, states: keepingStates }, GROUPS_KEPT);
  const fingerprint = reusing ? namingFingerprint(entities) : null;
  // Copies: what is kept is never changed by those who read it.
  const reused = kept && kept.fingerprint === fingerprint ? kept.conflicts.map((c) => ({ ...c, entityIds: [...c.entityIds] })) : null;
  const naming = reused ?? detectNamingConflicts(entities, new Set());
  found.push(...points.misattributions(), ...naming);
  const result = { found: found.sort(byDetectionKey), alongside: await also };
  if (fingerprint !== null && !reused) keepRecent(keptNaming, investigationId, { fingerprint, conflicts: naming }, NAMING_KEPT);
  return result;
}

/**
 * Naming compares every entity's names with those of the entities that could share one: over
 * thousands of entities the largest part of a recomputation whose entities have not changed
 * since the last one. So this process keeps, per investigation, what naming last found with a
 * fingerprint of exactly what it read (the canonical entities in order, their kinds, names and
 * aliases): any change to an entity or an alias, a merge, an undone merge or a deletion changes
 * it, and naming is computed again. Kept in memory only, so new rules (a new build, a restart)
 * never meet findings of the old ones; a few investigations at a time.
 */
type NamingState = { fingerprint: string; conflicts: DetectedConflict[] };

const NAMING_KEPT = 16;
const keptNaming: Map<string, NamingState> = ((globalThis as { __crosscheckNaming?: Map<string, NamingState> }).__crosscheckNaming ??=
  new Map());

/** For tests: what this process keeps of an investigation's naming findings. */
export const namingKeptFor = (investigationId: string) => keptNaming.get(investigationId);

/**
 * A subject + attribute group's comparison (`detectGroupConflicts`) over tens of thousands of
 * groups is most of a recomputation's work, and over an investigation at rest it finds again
 * what it found last time. So this process keeps, per investigation, what each group's
 * comparison found under a fingerprint of exactly what it read: its claims as read, in order
 * (every field the comparison is given: `groupFingerprint`), within a context fingerprint of
 * all else it reads (`groupContext`: the entities, their names and aliases, which names the
 * values and what each is part of; the zone; what is set on attributes; the articles'
 * publication). A group whose claims changed in any field is compared again; any change to the
 * context compares every group again. Kept in memory only (new rules never meet findings of the
 * old ones), for the groups of the last run, for a few investigations at a time.
 */
type FindingsKept = { context: string; found: Map<string, DetectedConflict[]>; states: Map<string, KeptState> };
/** A large group's state (see `groupConflicts`), under its group key. */
type KeptState = { key: string; state: GroupState };

const GROUPS_KEPT = 4;
const keptFindings: Map<string, FindingsKept> = ((
  globalThis as { __crosscheckFindings?: Map<string, FindingsKept> }
).__crosscheckFindings ??= new Map());

/** For tests: how many groups' findings this process keeps for an investigation. */
export const findingsKeptFor = (investigationId: string) => keptFindings.get(investigationId)?.found.size ?? 0;

function groupContext(
  entities: NamedEntity[],
  placed: { id: string; partOfId: string | null }[],
  timeZone: string,
  settings: Map<string, AttributeSetting>,
  publications: Publications,
): string {
  const hash = createHash("sha256");
  hash.update(namingFingerprint(entities));
  const sorted = <V>(entries: Iterable<[string, V]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  hash.update(JSON.stringify([timeZone, sorted(placed.map((e) => [e.id, e.partOfId])), sorted(settings)]));
  for (const [id, p] of sorted(publications)) hash.update(JSON.stringify([id, p.publishedAt?.getTime() ?? null, p.publishedText]));
  return hash.digest("base64");
}

/** A group's claims as read (each claim's text whole, in order, its length before it). */
function groupFingerprint(texts: string[]): string {
  // Joined by NUL, which no text column holds (and JSON writes escaped).
  return digestOf("sha256", texts.join("\0"), "base64");
}

/** A found conflict others may change: what is kept is never handed out itself. */
const copyConflict = (c: DetectedConflict): DetectedConflict => ({ ...c, claimIds: [...c.claimIds], entityIds: [...c.entityIds] });

function namingFingerprint(entities: NamedEntity[]): string {
  const hash = createHash("sha256");
  for (const e of entities) hash.update(JSON.stringify([e.id, e.kind, e.name, e.aliases]));
  return hash.digest("base64");
}

export type RedetectReport = { found: number; opened: number; updated: number; reopened: number; closed: number };

/** Recomputes every detected conflict of an investigation (the `crosscheck detect` command). */
export async function redetectInvestigation(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  report?: Progress,
): Promise<RedetectReport> {
  // Alone: claim changes wait for the recomputation, and it waits for them.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${investigationId}, 0))`;
  // Large groups' states are written again below, from the claims as this recomputation leaves them.
  await tx.groupDetection.deleteMany({ where: { investigationId } });
  const outcome: RedetectReport = { found: 0, opened: 0, updated: 0, reopened: 0, closed: 0 };
  // Again after any decision withdrawn: the claims it gives back may change what holds.
  for (;;) {
    const states = new Map<string, GroupState>();
    // Everything on record is in scope: read once (while names are compared), with no list of keys to send.
    const { found: detected, alongside: existing } = await detectAlongside(
      tx,
      investigationId,
      report,
      CLAIM_BATCH,
      () => trackedConflicts(tx, investigationId),
      true,
      states,
    );
    const scope = new Set(existing.map((c) => c.key));
    const { revived, counts } = await carryOut(tx, ctx, investigationId, scope, detected, report, existing);
    outcome.found = detected.length;
    for (const k of ["opened", "updated", "reopened", "closed"] as const) outcome[k] += counts[k];
    if (!revived.length) {
      await storeGroupStates(tx, investigationId, states);
      return outcome;
    }
  }
}

/**
 * The states of an investigation's large groups as a recomputation found them, stored so that
 * the next save into such a group extends its state with the new claim's pairs (see
 * `groupConflicts`) instead of comparing the whole group again, inside the save's time limit.
 * Each with a new revision: no process's kept claims match it.
 */
async function storeGroupStates(tx: Tx, investigationId: string, states: Map<string, GroupState>): Promise<void> {
  for (const [key, state] of states) {
    await tx.$executeRaw`INSERT INTO "GroupDetection" ("investigationId", "groupKey", "state", "tail", "revision", "updatedAt")
      VALUES (${investigationId}, ${key}, ${JSON.stringify(jsonColumn(state))}::jsonb, NULL, ${newId()}, now() AT TIME ZONE 'UTC')
      ON CONFLICT ("investigationId", "groupKey") DO UPDATE
      SET "state" = EXCLUDED."state", "tail" = NULL, "revision" = EXCLUDED."revision", "updatedAt" = EXCLUDED."updatedAt"`;
  }
}

/** `redetectInvestigation` in its own transaction, with room for a large investigation. */
export async function redetect(ctx: AuditContext, investigationId: string, report?: Progress): Promise<RedetectReport> {
  return db().$transaction((tx) => redetectInvestigation(tx, ctx, investigationId, report), { timeout: 10 * 60_000, maxWait: 30_000 });
}

/** A claim's status changed by a conflict's decision (or its withdrawal), audited with the conflict named. */
export async function setClaimStatusIn(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  conflictId: string,
  claim: { id: string; status: ClaimStatus },
  change: {
    action: "claim.reject" | "claim.supersede" | "claim.retract" | "claim.restore";
    status: ClaimStatus;
    reason: string | null;
    supersededById?: string | null;
    note?: string;
  },
): Promise<void> {
  await tx.claim.update({
    where: { id: claim.id },
    data: { status: change.status, statusReason: change.reason, supersededById: change.supersededById ?? null, version: { increment: 1 } },
  });
  await audit(tx, ctx, {
    action: change.action,
    objectType: "Claim",
    objectId: claim.id,
    investigationId,
    before: { status: claim.status },
    after: {
      status: change.status,
      conflictId,
      ...(change.supersededById && { supersededById: change.supersededById }),
      ...(change.note && { reason: change.note }),
    },
  });
}

/**
 * Withdraws a conflict's decision (it stays on record) and makes active again the claims it
 * rejected or superseded, so the disagreement is looked at afresh with every value in it.
 */
export async function withdrawDecision(tx: Tx, ctx: AuditContext, investigationId: string, conflictId: string) {
  const current = await tx.resolution.findMany({
    where: { conflictId, withdrawnAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, details: true },
  });
  await tx.resolution.updateMany({ where: { conflictId, withdrawnAt: null }, data: { withdrawnAt: new Date() } });
  const changed = current.flatMap((r) => setAsideBy(readResolutionDetails(r.kind, r.details)));
  const restored = await tx.claim.findMany({
    where: { id: { in: changed }, status: { in: ["rejected", "superseded"] } },
    select: { id: true, status: true, subjectId: true, attribute: true, valueNorm: true },
  });
  for (const claim of restored) {
    await setClaimStatusIn(tx, ctx, investigationId, conflictId, claim, {
      action: "claim.restore",
      status: "active",
      reason: null,
      note: "conflict reopened",
    });
  }
  return { resolutionId: current[0]?.id ?? null, restored };
}

/**
 * The detected conflicts on record with these keys (all of them when `keys` is omitted), as plan()
 * reads them: one statement, members gathered by the database.
 */
export async function trackedConflicts(tx: Tx, investigationId: string, keys?: string[]): Promise<TrackedConflict[]> {
  if (keys === undefined) return allTrackedConflicts(tx, investigationId);
  const rows = await tx.$queryRaw<
    (Omit<TrackedConflict, "claimIds" | "entityIds"> & { claimIds: unknown; entityIds: unknown })[]
  >`${TRACKED_CONFLICTS(investigationId, keys)}`;
  return rows.map((r) => ({ ...r, claimIds: sqlJson<string[]>(r.claimIds), entityIds: sqlJson<string[]>(r.entityIds) }));
}

/** A conflict as TRACKED_CONFLICTS reads it: with its version, and its claims null when the reader knows them. */
type Versioned = Omit<TrackedConflict, "claimIds"> & { claimIds: string[] | null; version?: number };

/**
 * The detected conflicts on record under these keys, with their members and version; an open
 * one whose id and version are `known` comes without its claims (the reader has them: see
 * KeptGroup.conflicts), which spares reading ten thousand of them.
 */
const TRACKED_CONFLICTS = (investigationId: string, keys: string[], known: Recorded[] = []) => Prisma.sql`
    SELECT c."id", c."detectionKey" AS "key", c."kind"::text AS "kind", c."status"::text AS "status",
      c."closedBy"::text AS "closedBy", c."summary", c."version",
      CASE WHEN c."status" = 'open' AND (c."id", c."version") IN
          (SELECT * FROM unnest(${known.map((k) => k.id)}::text[], ${known.map((k) => k.version)}::int[])) THEN NULL
        ELSE coalesce((SELECT json_agg(m."claimId") FROM "ConflictClaim" m WHERE m."conflictId" = c."id"), '[]'::json) END AS "claimIds",
      coalesce((SELECT json_agg(m."entityId") FROM "ConflictEntity" m WHERE m."conflictId" = c."id"), '[]'::json) AS "entityIds"
    FROM "Conflict" c
    WHERE c."investigationId" = ${investigationId} AND c."detectionKey" = ANY(${keys}::text[])`;

/**
 * Every detected conflict on record: the members of all of them gathered in one pass each (not
 * looked up conflict by conflict), and each conflict as one JSON array (one field to read, not eight).
 */
async function allTrackedConflicts(tx: Tx, investigationId: string): Promise<TrackedConflict[]> {
  const rows = await tx.$queryRaw<{ conflict: string }[]>`
    SELECT json_build_array(c."id", c."detectionKey", c."kind", c."status", c."closedBy", c."summary",
      coalesce(mc."ids", '[]'::json), coalesce(me."ids", '[]'::json))::text AS "conflict"
    FROM "Conflict" c
    LEFT JOIN (SELECT m."conflictId", json_agg(m."claimId") AS "ids" FROM "ConflictClaim" m
      JOIN "Conflict" x ON x."id" = m."conflictId" AND x."investigationId" = ${investigationId} GROUP BY m."conflictId") mc
      ON mc."conflictId" = c."id"
    LEFT JOIN (SELECT m."conflictId", json_agg(m."entityId") AS "ids" FROM "ConflictEntity" m
      JOIN "Conflict" x ON x."id" = m."conflictId" AND x."investigationId" = ${investigationId} GROUP BY m."conflictId") me
      ON me."conflictId" = c."id"
    WHERE c."investigationId" = ${investigationId} AND c."detectionKey" IS NOT NULL`;
  return rows.map((r) => {
    const [id, key, kind, status, closedBy, summary, claimIds, entityIds] = JSON.parse(r.conflict) as [
      string,
      string,
      TrackedConflict["kind"],
      TrackedConflict["status"],
      TrackedConflict["closedBy"],
      string,
      string[],
      string[],
    ];
    return { id, key, kind, status, closedBy, summary, claimIds, entityIds };
  });
}

type Revived = { subjectId: string; attribute: string; valueNorm: unknown };

/**
 * Plans what detection's findings do to the conflicts on record within `scope`, and does it.
 * Returns the claims a withdrawn decision made active again (to be examined once more).
 */
async function carryOut(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  scope: Set<string>,
  detected: DetectedConflict[],
  report?: Progress,
  /** Every detected conflict on record, when the caller read them (its scope is all of them). */
  onRecord?: TrackedConflict[],
  /** The conflicts on record under some keys, when the caller read them (the rest are read here). */
  read?: TouchedRows["conflicts"],
): Promise<{
  revived: Revived[];
  counts: Omit<RedetectReport, "found">;
  changed: ConflictChange[];
  /** The open conflicts read with their version (see TRACKED_CONFLICTS), by key, as this left them. */
  left: Map<string, Recorded>;
}> {
  const counts = { opened: 0, updated: 0, reopened: 0, closed: 0 };
  const revived: Revived[] = [];
  const changed: ConflictChange[] = [];
  const left = new Map<string, Recorded>();
  let existing = onRecord;
  if (!existing) {
    const keys = [...new Set([...scope, ...detected.map((d) => d.key)])];
    if (!keys.length) return { revived, counts, changed, left };
    const unread = read ? keys.filter((k) => !read.keys.has(k)) : keys;
    existing = [...(read?.onRecord ?? []), ...(unread.length ? await trackedConflicts(tx, investigationId, unread) : [])];
  }
  const byId = new Map(existing.map((c) => [c.id, c]));
  for (const c of existing as Versioned[])
    if (c.status === "open" && c.version !== undefined) left.set(c.key, { id: c.id, version: c.version });
  const ops = plan(existing, detected, scope);
  // New conflicts are put on record together once the others are done: a few statements for thousands.
  const opening: { id: string; found: DetectedConflict }[] = [];
  let done = 0;
  for (const op of ops) {
    if (report && done++ % 50 === 0) report({ phase: "Updating conflicts", done: done - 1, total: ops.length });
    switch (op.op) {
      case "open": {
        const d = op.found;
        const id = newId();
        opening.push({ id, found: d });
        left.set(d.key, { id, version: 1 });
        changed.push({ id, kind: d.kind, status: "open", claimIds: d.claimIds, movesCount: true });
        counts.opened++;
        break;
      }
      case "update": {
        const d = op.found;
        await updateConflict(tx, ctx, investigationId, op.id, d, {
          kind: op.before.kind,
          claimIds: [...op.before.claimIds].sort(),
          entityIds: [...op.before.entityIds].sort(),
        });
        changed.push({ id: op.id, kind: d.kind, status: byId.get(op.id)?.status ?? "open", claimIds: d.claimIds });
        const was = left.get(d.key);
        if (was?.id === op.id) left.set(d.key, { id: op.id, version: was.version + 1 });
        counts.updated++;
        break;
      }
      case "reopen": {
        const d = op.found;
        left.delete(d.key);
        const entered = op.cause.kind === "claim-entered";
        const reason = entered
          ? await enteringReason(tx, op.cause.kind === "claim-entered" ? op.cause.claimIds : [])
          : "The disagreement holds again after a change to its claims.";
        await setMembers(tx, op.id, d);
        if (entered) revived.push(...(await withdrawDecision(tx, ctx, investigationId, op.id)).restored);
        await tx.conflict.update({
          where: { id: op.id },
          data: {
            status: "open",
            kind: d.kind,
            summary: d.summary,
            suggestion: d.suggestion,
            reopenReason: entered ? reason : null,
            closedBy: null,
            closedReason: null,
            settledAt: null,
            version: { increment: 1 },
          },
        });
        await audit(tx, ctx, {
          action: "conflict.reopen",
          objectType: "Conflict",
          objectId: op.id,
          investigationId,
          before: { status: op.from },
          after: { status: "open", reason, claimIds: d.claimIds },
        });
        changed.push({ id: op.id, kind: d.kind, status: "open", claimIds: d.claimIds, movesCount: true });
        counts.reopened++;
        break;
      }
      case "close": {
        await tx.conflict.update({
          where: { id: op.id },
          data: { status: "dismissed", closedBy: "detection", closedReason: op.reason, settledAt: new Date(), version: { increment: 1 } },
        });
        await audit(tx, ctx, {
          action: "conflict.close",
          objectType: "Conflict",
          objectId: op.id,
          investigationId,
          before: { status: "open" },
          after: { status: "dismissed", reason: op.reason },
        });
        const closed = byId.get(op.id);
        if (closed) left.delete(closed.key);
        if (closed) changed.push({ id: op.id, kind: closed.kind, status: "dismissed", claimIds: closed.claimIds, movesCount: true });
        counts.closed++;
        break;
      }
      case "leave-settled":
        break;
    }
  }
  // Each batch is sent without waiting for the one before to be written: the connection runs them
  // in order, and the next one is encoded here while the database writes this one.
  const writes: Promise<void>[] = [];
  for (let i = 0; i < opening.length; i += OPEN_BATCH) {
    const done = ops.length - opening.length + Math.min(i + OPEN_BATCH, opening.length);
    writes.push(
      started(
        openConflicts(tx, ctx, investigationId, opening.slice(i, i + OPEN_BATCH)).then(() =>
          report?.({ phase: "Updating conflicts", done, total: ops.length }),
        ),
      ),
    );
    // Lets this batch go out before the next one is encoded (encoding all first would hold them all back).
    if (i + OPEN_BATCH < opening.length) await yieldToEventLoop();
  }
  // One by one: a failure is thrown as soon as it comes, and those after it (failing with it) are handled by `started`.
  for (const write of writes) await write;
  return { revived, counts, changed, left };
}

/**
 * Statements that make a conflict's members exactly `d`'s ($1 the conflict, $2 its claims, $3 its
 * entities, $4 the time): parts of a WITH. They touch different rows (a member kept is neither
 * deleted nor inserted again), so running side by side in one statement is safe.
 */
const SET_MEMBERS = `
  dc AS (DELETE FROM "ConflictClaim" WHERE "conflictId" = $1 AND NOT ("claimId" = ANY($2::text[]))),
  ic AS (INSERT INTO "ConflictClaim" ("conflictId", "claimId", "addedAt")
    SELECT $1, m, $4${UTC} FROM unnest($2::text[]) AS m ON CONFLICT DO NOTHING),
  de AS (DELETE FROM "ConflictEntity" WHERE "conflictId" = $1 AND NOT ("entityId" = ANY($3::text[]))),
  ie AS (INSERT INTO "ConflictEntity" ("conflictId", "entityId")
    SELECT $1, m FROM unnest($3::text[]) AS m ON CONFLICT DO NOTHING)`;

async function setMembers(tx: Tx, conflictId: string, d: DetectedConflict): Promise<void> {
  await tx.$executeRawUnsafe(`WITH ${SET_MEMBERS} SELECT 1`, conflictId, d.claimIds, d.entityIds, new Date().toISOString());
}

/** How many new conflicts one statement puts on record. */
const OPEN_BATCH = 500;

/**
 * Detected conflicts put on record with their members and their audit events, in one statement:
 * the conflicts travel as one JSON array (each an array of its fields, in order), and their events
 * are written in that order. An event's `after` is the conflict as found, built from the same
 * fields (as JSON it is the same value: JSON keeps no order of keys), so they travel once.
 */
async function openConflicts(tx: Tx, ctx: AuditContext, investigationId: string, batch: { id: string; found: DetectedConflict }[]) {
  if (!batch.length) return;
  const rows = batch.map(({ id, found: d }) => [id, d.kind, d.key, d.summary, d.suggestion ?? null, d.claimIds, d.entityIds]);
  await tx.$executeRawUnsafe(
    `WITH d AS (
      SELECT e.j->>0 AS "id", e.j->>1 AS "kind", e.j->>2 AS "key", e.j->>3 AS "summary",
        e.j->>4 AS "suggestion", e.j->5 AS "claimIds", e.j->6 AS "entityIds", e.n
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(j, n)),
    c AS (INSERT INTO "Conflict" ("id", "investigationId", "kind", "detectionKey", "summary", "suggestion", "createdAt", "updatedAt")
      SELECT d."id", $2, d."kind"::"ConflictKind", d."key", d."summary", d."suggestion", $3${UTC}, $3${UTC} FROM d),
    ic AS (INSERT INTO "ConflictClaim" ("conflictId", "claimId", "addedAt")
      SELECT d."id", m, $3${UTC} FROM d, jsonb_array_elements_text(d."claimIds") AS m),
    ie AS (INSERT INTO "ConflictEntity" ("conflictId", "entityId")
      SELECT d."id", m FROM d, jsonb_array_elements_text(d."entityIds") AS m)
    INSERT INTO "AuditEvent" ("investigationId", "actorId", "action", "objectType", "objectId", "before", "after", "requestId", "createdAt")
      SELECT $2, $4, 'conflict.detect', 'Conflict', d."id", NULL,
        jsonb_build_object('key', d."key", 'kind', d."kind", 'claimIds', d."claimIds", 'entityIds', d."entityIds",
          'summary', d."summary", 'suggestion', d."suggestion"),
        $5, $3${UTC} FROM d ORDER BY d.n`,
    JSON.stringify(rows),
    investigationId,
    new Date().toISOString(),
    ctx.actorId,
    ctx.requestId,
  );
}

/** A conflict on record given what detection found now (members, kind, summary), audited, in one statement. */
async function updateConflict(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  id: string,
  d: DetectedConflict,
  before: { kind: string; claimIds: string[]; entityIds: string[] },
): Promise<void> {
  // Only what changed is written, and recorded: a conflict among ten thousand claims that gains one
  // inserts one member and audits one id, not ten thousand twice.
  const added = without;
  const change = {
    addedClaimIds: added(d.claimIds, before.claimIds),
    removedClaimIds: added(before.claimIds, d.claimIds),
    addedEntityIds: added(d.entityIds, before.entityIds),
    removedEntityIds: added(before.entityIds, d.entityIds),
  };
  const params = [
    id,
    change.addedClaimIds,
    change.removedClaimIds,
    change.addedEntityIds,
    change.removedEntityIds,
    new Date().toISOString(),
    d.kind,
    d.summary,
    d.suggestion ?? null,
  ];
  const event = auditInsert(
    ctx,
    {
      action: "conflict.update",
      objectType: "Conflict",
      objectId: id,
      investigationId,
      before: { kind: before.kind, claims: before.claimIds.length, entities: before.entityIds.length },
      after: { kind: d.kind, claims: d.claimIds.length, entities: d.entityIds.length, ...change },
    },
    params.length + 1,
  );
  await tx.$executeRawUnsafe(
    `WITH dc AS (DELETE FROM "ConflictClaim" WHERE "conflictId" = $1 AND "claimId" = ANY($3::text[])),
    ic AS (INSERT INTO "ConflictClaim" ("conflictId", "claimId", "addedAt")
      SELECT $1, m, $6${UTC} FROM unnest($2::text[]) AS m ON CONFLICT DO NOTHING),
    de AS (DELETE FROM "ConflictEntity" WHERE "conflictId" = $1 AND "entityId" = ANY($5::text[])),
    ie AS (INSERT INTO "ConflictEntity" ("conflictId", "entityId") SELECT $1, m FROM unnest($4::text[]) AS m ON CONFLICT DO NOTHING),
    u AS (UPDATE "Conflict" SET "kind" = $7::"ConflictKind", "summary" = $8, "suggestion" = $9, "version" = "version" + 1,
      "updatedAt" = $6${UTC} WHERE "id" = $1)
    ${event.sql}`,
    ...params,
    ...event.params,
  );
}

async function enteringReason(tx: Tx, claimIds: string[]): Promise<string> {
  const claims = await tx.claim.findMany({
    where: { id: { in: claimIds } },
    select: { valueText: true, article: { select: { title: true } } },
  });
  const named = claims.map((c) => `“${c.valueText}” (${c.article.title})`).join(", ");
  return `A new claim entered after it was settled: ${named}.`;
}

export type ConflictPairs = {
  pairs: RelatedPair[];
  /** When each claim of the conflict holds, earliest first, and where that comes from. */
  timeline: { claimId: string; start: number; label: string; source: "as of" | "quote" | "published" }[];
  /** How the attribute behaves for detection, and why (null for naming and misattribution). */
  sense:
    (AttributeSense & { inferred: InferredSense; setting: AttributeSetting | null; label: string; key: string; hasLists: boolean }) | null;
};

/**
 * How the claims of a subject + attribute conflict relate pair by pair, as detection sees them
 * now: what the conflict page shows ("update over time", "consistent after conversion"...).
 * Empty for conflicts that are not about one subject and attribute.
 */
export async function conflictPairs(investigationId: string, conflictId: string): Promise<ConflictPairs> {
  const tx: Tx = db();
  const conflict = await tx.conflict.findFirst({
    where: { id: conflictId, investigationId },
    select: { detectionKey: true, claims: { select: { claim: { select: { id: true, subjectId: true, attribute: true } } } } },
  });
  const first = conflict?.claims[0]?.claim;
  // Conflicts marked by hand may span attributes: no one attribute's behaviour to show.
  if (!conflict || !first || !conflict.detectionKey?.startsWith("claims:")) {
    return { pairs: [], timeline: [], sense: null };
  }
  const members = new Set(conflict.claims.map((m) => m.claim.id));
  const rows = await groupClaims(tx, investigationId, first);
  const names = await namesFor(tx, investigationId, textsOf(rows.map((r) => r.valueNorm)));
  const chains = await partOfChains(tx, investigationId, names.values());
  const timeZone = await zoneOf(tx, investigationId);
  const claims = rows.map((r) => toDetectionClaim(r, names, timeZone, chains));
  const setting = (await attributeSettings(tx, investigationId, [first.attribute])).get(first.attribute) ?? null;
  const label = rows[0]?.attributeLabel ?? first.attribute;
  const inferred = inferSense(
    label,
    claims.filter((c) => c.status === "active"),
  );
  const sense = senseOf(inferred, setting);
  const pairs = relatePairs(claims, sense).filter((p) => members.has(p.a) && members.has(p.b));
  const timeline = claims
    .filter((c) => members.has(c.id) && whenOf(c, sense.change === "tally"))
    .map((c) => {
      const when = whenOf(c, sense.change === "tally")!;
      const source = c.asOf ? ("as of" as const) : c.quoteMoment ? ("quote" as const) : ("published" as const);
      return { claimId: c.id, start: when.start, label: describeMoment(when), source };
    })
    .sort((x, y) => x.start - y.start);
  const hasLists = claims.some((c) => c.value.kind === "list");
  return { pairs, timeline, sense: { ...sense, inferred, setting, label, key: first.attribute, hasLists } };
}
