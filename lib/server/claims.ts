import "server-only";
import type { z } from "zod";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { anchorInText, type AnchorMatch, describeSelection, tidySelection } from "@/lib/domain/anchoring.ts";
import { attributeKey, mentionOf, type ClaimStatus, type EntityKind } from "@/lib/domain/claims.ts";
import { type Sparse, withoutEmptyFields } from "@/lib/domain/sparse-claim.ts";
import type { ClaimConflict, ConflictChange } from "@/lib/domain/conflict-changes.ts";
import { readAttributeSetting, readSettledDecisions, readValue, writeValue } from "@/lib/domain/json-codecs.ts";
import { parseMoment } from "@/lib/domain/moments.ts";
import { offsetConverter } from "@/lib/domain/offsets.ts";
import type { createClaimInput } from "@/lib/domain/inputs.ts";
import { describeValue, parseValue, valueBounds, type ValueKind } from "@/lib/domain/values.ts";
import { assertVersionedUpdate, audit, type AuditContext, auditInsert, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { saveTransaction } from "@/lib/server/transaction.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { jsonColumn } from "@/lib/server/json-column.ts";
import { mergeTouched, SETTLED_DECISIONS_SQL, settledKeysFor, syncConflicts, touchedByClaim } from "@/lib/server/detection.ts";
import { newId, sqlDate, sqlJson, sqlTimestamp, UTC } from "@/lib/server/sql-values.ts";
import { createEntityIn } from "@/lib/server/entities.ts";
import { isCorrectionPassage } from "@/lib/domain/conflicts.ts";

/** What a person fills in for a claim, as the shared input schema reads it. */
type Qualifiers = "accordingTo" | "method" | "appliesToPart";
/** A claim's fields as the form sends them; qualifiers may be left out (none). */
export type ClaimFields = Omit<
  z.output<typeof createClaimInput>,
  "investigationId" | "articleId" | "start" | "end" | "proposedConfidence" | Qualifiers
> &
  Partial<Pick<z.output<typeof createClaimInput>, Qualifiers>>;

const claimSnapshot = {
  id: true,
  version: true,
  articleId: true,
  subjectId: true,
  subjectText: true,
  attribute: true,
  attributeLabel: true,
  valueKind: true,
  valueText: true,
  asOfText: true,
  note: true,
  accordingTo: true,
  method: true,
  appliesToPart: true,
  proposedConfidence: true,
  status: true,
  statusReason: true,
  quoteExact: true,
  positionStart: true,
  positionEnd: true,
} as const;

/**
 * Reads the value and the as-of against the article's publication date and the investigation's
 * zone; refuses what cannot be read. An as-of may be finer than a day ("30 October 2024, late
 * evening", "9:37 a.m. New York time").
 */
function readValues(fields: ClaimFields, publishedAt: Date | null, timeZone: string, quote: string) {
  const context = { referenceDate: publishedAt, timeZone, quote };
  const value = parseValue(fields.valueText, fields.valueKind, context);
  if (!value.ok) throw new ExpectedError("invalid_input", value.error, { valueText: [value.error] });
  let asOfBounds: { low: number; high: number } | null = null;
  if (fields.asOf) {
    const moment = parseMoment(fields.asOf, context);
    if (moment) asOfBounds = { low: moment.start, high: moment.end - 1 };
    // Read as a date that cannot be placed yet ("last July" with no publication date): kept as written.
    else if (!parseValue(fields.asOf, "date", context).ok) {
      const error = `“${fields.asOf}” is not read as a date or time (e.g. 30 October 2024, Thursday evening, 16:30 local time).`;
      throw new ExpectedError("invalid_input", error, { asOf: [error] });
    }
  }
  const key = attributeKey(fields.attribute);
  if (!key)
    throw new ExpectedError("invalid_input", "Name the attribute with letters or digits.", { attribute: ["Use letters or digits."] });
  const bounds = valueBounds(value.value);
  return {
    attribute: key,
    valueKind: fields.valueKind,
    valueText: fields.valueText,
    valueNorm: jsonColumn(writeValue(value.value)),
    valueLow: bounds.low,
    valueHigh: bounds.high,
    valueUnit: bounds.unit,
    valuePoint: "point" in value.value ? value.value.point : null,
    asOfText: fields.asOf || null,
    asOfStart: asOfBounds ? new Date(asOfBounds.low) : null,
    asOfEnd: asOfBounds ? new Date(asOfBounds.high) : null,
    subjectText: fields.subjectText,
    note: fields.note,
    accordingTo: fields.accordingTo ?? "",
    method: fields.method ?? "",
    appliesToPart: fields.appliesToPart ?? "",
  };
}

type Subject = { id: string; name: string; kind: EntityKind };

/** The claim's subject (the canonical entity when the one chosen was merged), or a new entity. */
async function resolveSubject(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  fields: ClaimFields,
): Promise<{ subject: Subject; created: boolean }> {
  if (fields.subjectId) {
    const select = { id: true, name: true, kind: true, mergedIntoId: true } as const;
    const chosen = await tx.entity.findFirst({ where: { id: fields.subjectId, investigationId }, select });
    if (!chosen) throw new ExpectedError("not_found", "That subject no longer exists.", { subjectId: ["Choose the subject again."] });
    // Merged since the form was opened (rare): the claim goes to the entity it was merged into.
    const { id, name, kind } = chosen.mergedIntoId
      ? await tx.entity.findUniqueOrThrow({ where: { id: chosen.mergedIntoId }, select })
      : chosen;
    return { subject: { id, name, kind }, created: false };
  }
  const entity = await createEntityIn(
    tx,
    ctx,
    investigationId,
    { name: fields.newSubjectName, kind: fields.newSubjectKind },
    { deferSync: true },
  );
  return { subject: entity, created: true };
}

/** Words read around a selection: before it for a correction's opening, after it for the context. */
const WINDOW_BEFORE = 640;
const WINDOW_AFTER = 96;

/**
 * What saving a claim needs, in one query: of its article the publication date, the zone, the
 * length in UTF-16 units, and the text around the selection; the attribute's setting; the subject. When the body has no character
 * beyond the BMP, offsets in UTF-16 units and in code points are the same, and only a window is
 * read (SQL's substring counts code points); otherwise the whole body, converted in JavaScript.
 */
async function saveContext(
  tx: Tx,
  input: { investigationId: string; articleId: string; start: number; end: number; subjectId: string },
  attribute: string,
) {
  const { investigationId, articleId, start, end } = input;
  const from = Math.max(0, Math.min(start, end) - WINDOW_BEFORE);
  const length = Math.max(start, end) + WINDOW_AFTER - from;
  // With what is set on the claim's attribute, which detection needs next.
  const rows = await tx.$queryRaw<
    {
      publishedAt: Date | string | null;
      units: number;
      chars: number;
      timeZone: string;
      text: string;
      cardinality: string | null;
      change: string | null;
      lists: string | null;
      hasSetting: boolean;
      subjectId: string | null;
      subjectName: string | null;
      subjectKind: EntityKind | null;
      subjectAliases: unknown;
    }[]
  >`SELECT a."publishedAt", a."bodyUnits" AS units, a."bodyChars" AS chars, i."timeZone",
      CASE WHEN a."bodyUnits" = a."bodyChars" THEN substring(a."body" FROM ${from + 1}::int FOR ${length}::int) ELSE a."body" END AS text,
      s."cardinality", s."change", s."lists", s."id" IS NOT NULL AS "hasSetting",
      coalesce(m."id", e."id") AS "subjectId", coalesce(m."name", e."name") AS "subjectName",
      coalesce(m."kind", e."kind")::text AS "subjectKind",
      (SELECT coalesce(json_agg(al."name"), '[]'::json) FROM "EntityAlias" al WHERE al."entityId" = coalesce(m."id", e."id")) AS "subjectAliases"
    FROM "Article" a JOIN "Investigation" i ON i."id" = a."investigationId"
      LEFT JOIN "Attribute" s ON s."investigationId" = a."investigationId" AND s."key" = ${attribute}
      LEFT JOIN "Entity" e ON e."id" = ${input.subjectId} AND e."investigationId" = a."investigationId"
      LEFT JOIN "Entity" m ON m."id" = e."mergedIntoId"
    WHERE a."id" = ${articleId} AND a."investigationId" = ${investigationId}`;
  const row = rows[0];
  if (!row) throw new ExpectedError("not_found", "That article no longer exists.");
  const whole = row.units !== row.chars;
  return {
    publishedAt: sqlDate(row.publishedAt),
    timeZone: row.timeZone,
    /** The subject chosen (the entity it was merged into, if it was merged since), when it exists. */
    subject:
      row.subjectId && row.subjectName !== null && row.subjectKind
        ? { id: row.subjectId, name: row.subjectName, kind: row.subjectKind }
        : null,
    /** The subject's aliases, for finding how the text names it. */
    subjectAliases: row.subjectId ? sqlJson<string[]>(row.subjectAliases) : [],
    setting: row.hasSetting ? readAttributeSetting(row) : null,
    units: Number(row.units),
    text: row.text,
    /** Where `text` starts in the body, in UTF-16 units. */
    from: whole ? 0 : from,
    /** UTF-16 offset in the body → code points, as stored. */
    toCodePoints: whole ? offsetConverter(row.text).toCodePoints : (offset: number) => offset,
  };
}

export type SavedClaim = ReturnType<typeof claimCore<Subject>> & { quote: string };
export type ClaimEventSummary = { id: string; action: string; at: Date };

/** What a save returns: the claim as pages show it, its audit event, and the conflicts it changed. */
export type ClaimSave = {
  id: string;
  version: number;
  claim: SavedClaim;
  event: ClaimEventSummary;
  conflicts: ConflictChange[];
  newSubject: Subject | null;
};

/** A save as the browser receives it: the action names who made it. */
export type ClaimSaved = ClaimSave & {
  anchor?: { start: number; end: number };
  event: ClaimEventSummary & { actor: string | null };
  /** Open conflicts in the investigation now, when the save changed any. */
  openConflicts?: number;
};

export async function createClaim(
  ctx: AuditContext,
  input: ClaimFields & { investigationId: string; articleId: string; start: number; end: number; proposedConfidence?: number },
): Promise<ClaimSave & { anchor: { start: number; end: number } }> {
  return saveTransaction(ctx, { label: "claim", objectType: "Claim", investigationId: input.investigationId }, async (tx) => {
    const attribute = attributeKey(input.attribute);
    const context = await saveContext(tx, input, attribute);
    const local = input.end <= context.units ? tidySelection(context.text, input.start - context.from, input.end - context.from) : null;
    if (!local) {
      throw new ExpectedError("invalid_input", "The selection is not part of this article's text; select the words again.");
    }
    const anchor = describeSelection(context.text, local.start, local.end);
    const start = context.from + local.start;
    const end = context.from + local.end;
    if (input.subjectId && !context.subject) {
      throw new ExpectedError("not_found", "That subject no longer exists.", { subjectId: ["Choose the subject again."] });
    }
    const subject =
      context.subject ??
      (await createEntityIn(
        tx,
        ctx,
        input.investigationId,
        { name: input.newSubjectName, kind: input.newSubjectKind },
        { deferSync: true },
      ));
    const created = !context.subject;
    const claim = {
      id: newId(),
      version: 1,
      investigationId: input.investigationId,
      articleId: input.articleId,
      subjectId: subject.id,
      ...readValues(input, context.publishedAt, context.timeZone, anchor.quote.exact),
      // Left empty, the words naming the subject in the quote (else just before it), or its name.
      subjectText:
        input.subjectText ||
        mentionOf(
          [subject.name, ...context.subjectAliases],
          anchor.quote.exact,
          context.text.slice(Math.max(0, local.start - 300), local.start),
        ),
      attributeLabel: input.attribute,
      // Accepted from a suggestion: machine-proposed, accepted by the person saving (createdBy).
      proposedConfidence: input.proposedConfidence ?? null,
      status: "active" as const,
      statusReason: null,
      quoteExact: anchor.quote.exact,
      quotePrefix: anchor.quote.prefix,
      quoteSuffix: anchor.quote.suffix,
      // The browser counts UTF-16 units; what is stored counts code points (see lib/domain/offsets.ts).
      positionStart: context.toCodePoints(start),
      positionEnd: context.toCodePoints(end),
      inCorrection: isCorrectionPassage(context.text.slice(Math.max(0, local.start - 600), local.start), anchor.quote.exact),
    };
    const touched = mergeTouched(touchedByClaim(claim), { added: [claim.id] }, created ? { entities: [subject.id] } : {});
    const { event, settled } = await insertClaim(tx, ctx, claim, settledKeysFor(touched));
    const conflicts = await syncConflicts(tx, ctx, input.investigationId, touched, {
      timeZone: context.timeZone,
      settings: new Map([[attribute, context.setting]]),
      settled,
    });
    return {
      id: claim.id,
      version: claim.version,
      claim: { ...claimCore({ ...claim, subject }), quote: claim.quoteExact },
      anchor: { start, end },
      event: { ...event, action: "claim.create" },
      conflicts,
      newSubject: created ? subject : null,
    };
  });
}

type NewClaim = ReturnType<typeof readValues> &
  Pick<SavedClaim, "id" | "version" | "status" | "statusReason" | "attributeLabel"> & {
    investigationId: string;
    articleId: string;
    subjectId: string;
    quoteExact: string;
    quotePrefix: string;
    quoteSuffix: string;
    positionStart: number;
    positionEnd: number;
    inCorrection: boolean;
    proposedConfidence: number | null;
  };

/**
 * Writes a new claim and its audit event in one statement, and reads in it the decisions that
 * detection's lock scope starts from (see SETTLED_DECISIONS_SQL): a save's hot path, so one round
 * trip instead of three.
 */
async function insertClaim(tx: Tx, ctx: AuditContext, claim: NewClaim, settledKeys: string[]) {
  const now = new Date().toISOString();
  const columns = {
    id: claim.id,
    investigationId: claim.investigationId,
    articleId: claim.articleId,
    subjectId: claim.subjectId,
    subjectText: claim.subjectText,
    attribute: claim.attribute,
    attributeLabel: claim.attributeLabel,
    valueKind: [claim.valueKind, `::"ValueKind"`],
    valueText: claim.valueText,
    valueNorm: [JSON.stringify(claim.valueNorm), "::jsonb"],
    valueLow: [claim.valueLow, "::float8"],
    valueHigh: [claim.valueHigh, "::float8"],
    valueUnit: claim.valueUnit,
    valuePoint: [claim.valuePoint, "::float8"],
    asOfText: claim.asOfText,
    asOfStart: [sqlTimestamp(claim.asOfStart), UTC],
    asOfEnd: [sqlTimestamp(claim.asOfEnd), UTC],
    note: claim.note,
    inCorrection: [claim.inCorrection, "::boolean"],
    accordingTo: claim.accordingTo,
    method: claim.method,
    appliesToPart: claim.appliesToPart,
    proposedConfidence: [claim.proposedConfidence, "::float8"],
    quoteExact: claim.quoteExact,
    quotePrefix: claim.quotePrefix,
    quoteSuffix: claim.quoteSuffix,
    positionStart: [claim.positionStart, "::int"],
    positionEnd: [claim.positionEnd, "::int"],
    createdById: ctx.actorId,
    createdAt: [now, UTC],
    updatedAt: [now, UTC],
  } satisfies Record<string, unknown>;
  const names = Object.keys(columns);
  const params: unknown[] = Object.values(columns).map((v) => (Array.isArray(v) ? v[0] : v));
  const values = Object.values(columns).map((v, i) => `$${i + 1}${Array.isArray(v) ? v[1] : ""}`);
  const event = auditInsert(
    ctx,
    {
      action: "claim.create",
      objectType: "Claim",
      objectId: claim.id,
      investigationId: claim.investigationId,
      after: pick(claim, claimSnapshot),
    },
    params.length + 1,
  );
  params.push(...event.params, settledKeys);
  const rows = await tx.$queryRawUnsafe<{ eventId: string; at: unknown; settled: unknown }[]>(
    `WITH c AS (INSERT INTO "Claim" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${values.join(", ")})),
    e AS (${event.sql} RETURNING "id", "createdAt")
    SELECT e."id"::text AS "eventId", e."createdAt" AS "at", ${SETTLED_DECISIONS_SQL(`$${names.indexOf("investigationId") + 1}`, `$${params.length}`)} AS "settled" FROM e`,
    ...params,
  );
  const row = rows[0];
  if (!row) throw new Error("the claim's insert returned no row");
  return { event: { id: row.eventId, at: sqlDate(row.at)! }, settled: readSettledDecisions(row.settled) };
}

async function requireClaim(tx: Tx, investigationId: string, id: string) {
  const claim = await tx.claim.findFirst({
    where: { id, investigationId },
    select: {
      ...claimSnapshot,
      valueNorm: true,
      subject: { select: { id: true, name: true, kind: true } },
      article: { select: { publishedAt: true, investigation: { select: { timeZone: true } } } },
    },
  });
  if (!claim) throw new ExpectedError("not_found", "That claim no longer exists.");
  const { article, valueNorm, subject, ...before } = claim;
  return {
    before,
    subject,
    valueNorm,
    publishedAt: article.publishedAt,
    timeZone: article.investigation.timeZone,
    touched: touchedByClaim({ ...before, valueNorm }),
  };
}

/** Saves an edit made on the version the person saw; a newer change by someone else wins and is named. */
export async function updateClaim(
  ctx: AuditContext,
  input: ClaimFields & { investigationId: string; id: string; version: number },
): Promise<ClaimSave> {
  return saveTransaction(
    ctx,
    { label: "claim", objectType: "Claim", objectId: input.id, investigationId: input.investigationId },
    async (tx) => {
      const { before, publishedAt, timeZone, touched } = await requireClaim(tx, input.investigationId, input.id);
      const { subject, created } = await resolveSubject(tx, ctx, input.investigationId, input);
      const values = {
        ...readValues(input, publishedAt, timeZone, before.quoteExact),
        subjectText: input.subjectText || (subject.id === before.subjectId ? before.subjectText : subject.name),
      };
      const { count } = await tx.claim.updateMany({
        where: { id: input.id, investigationId: input.investigationId, version: input.version },
        data: {
          ...values,
          subjectId: subject.id,
          attributeLabel: values.attribute === before.attribute ? before.attributeLabel : input.attribute,
          version: { increment: 1 },
        },
      });
      await assertVersionedUpdate(tx, count, { type: "Claim", id: input.id, label: "claim" });
      // What was written, without reading it back: the update set these and bumped the version.
      const after = {
        ...before,
        ...values,
        subjectId: subject.id,
        attributeLabel: values.attribute === before.attribute ? before.attributeLabel : input.attribute,
        version: before.version + 1,
      };
      const snapshot = pick(after, claimSnapshot);
      const event = await audit(tx, ctx, {
        action: "claim.update",
        objectType: "Claim",
        objectId: input.id,
        investigationId: input.investigationId,
        before,
        after: snapshot,
      });
      const conflicts = await syncConflicts(
        tx,
        ctx,
        input.investigationId,
        mergeTouched(touched, touchedByClaim(after), created ? { entities: [subject.id] } : {}),
        { timeZone },
      );
      return {
        id: after.id,
        version: after.version,
        claim: { ...claimCore({ ...after, subject }), quote: after.quoteExact },
        event: { ...event, action: "claim.update" },
        conflicts,
        newSubject: created ? subject : null,
      };
    },
  );
}

/** The fields of `row` named by a Prisma select of scalars, in its order (for audit snapshots). */
function pick<T extends Record<string, unknown>, S extends Record<string, true>>(row: T, select: S): { [K in keyof S & keyof T]: T[K] } {
  return Object.fromEntries(Object.keys(select).map((k) => [k, row[k]])) as { [K in keyof S & keyof T]: T[K] };
}

/** A retracted claim stays on record, with its reason, but no longer counts. */
export async function retractClaim(
  ctx: AuditContext,
  input: { investigationId: string; id: string; version: number; reason: string },
): Promise<ClaimSave> {
  return setStatus(ctx, input, "retracted", input.reason, "claim.retract");
}

export async function restoreClaim(ctx: AuditContext, input: { investigationId: string; id: string; version: number }) {
  return setStatus(ctx, input, "active", null, "claim.restore");
}

async function setStatus(
  ctx: AuditContext,
  input: { investigationId: string; id: string; version: number },
  status: ClaimStatus,
  reason: string | null,
  action: "claim.retract" | "claim.restore",
): Promise<ClaimSave> {
  return saveTransaction(
    ctx,
    { label: "claim", objectType: "Claim", objectId: input.id, investigationId: input.investigationId },
    async (tx) => {
      const { before, subject, valueNorm, touched, timeZone } = await requireClaim(tx, input.investigationId, input.id);
      const { count } = await tx.claim.updateMany({
        where: { id: input.id, investigationId: input.investigationId, version: input.version },
        data: { status, statusReason: reason, version: { increment: 1 } },
      });
      await assertVersionedUpdate(tx, count, { type: "Claim", id: input.id, label: "claim" });
      const after = { ...before, status, statusReason: reason, version: before.version + 1 };
      const event = await audit(tx, ctx, {
        action,
        objectType: "Claim",
        objectId: input.id,
        investigationId: input.investigationId,
        before,
        after,
      });
      const conflicts = await syncConflicts(tx, ctx, input.investigationId, touched, { timeZone });
      return {
        id: after.id,
        version: after.version,
        claim: { ...claimCore({ ...after, valueNorm, subject }), quote: after.quoteExact },
        event: { ...event, action },
        conflicts,
        newSubject: null,
      };
    },
  );
}

/** Deleting is for mistakes nobody has built on: once a conflict involves a claim, it can only be retracted. */
export async function deleteClaim(
  ctx: AuditContext,
  input: { investigationId: string; id: string; version: number },
): Promise<{ conflicts: ConflictChange[] }> {
  return saveTransaction(
    ctx,
    { label: "claim", objectType: "Claim", objectId: input.id, investigationId: input.investigationId },
    async (tx) => {
      const { before, touched, timeZone } = await requireClaim(tx, input.investigationId, input.id);
      if (await tx.conflictClaim.count({ where: { claimId: input.id } })) {
        throw new ExpectedError("forbidden", "A conflict involves this claim, so it stays on record. Retract it instead.");
      }
      const { count } = await tx.claim.deleteMany({ where: { id: input.id, version: input.version } });
      await assertVersionedUpdate(tx, count, { type: "Claim", id: input.id, label: "claim" });
      await audit(tx, ctx, {
        action: "claim.delete",
        objectType: "Claim",
        objectId: input.id,
        investigationId: input.investigationId,
        before,
      });
      return { conflicts: await syncConflicts(tx, ctx, input.investigationId, touched, { timeZone }) };
    },
  );
}

type ClaimCoreRow<S> = {
  id: string;
  version: number;
  status: ClaimStatus;
  statusReason: string | null;
  subject: S;
  subjectText: string;
  attribute: string;
  attributeLabel: string;
  valueKind: ValueKind;
  valueText: string;
  valueNorm: unknown;
  asOfText: string | null;
  note: string;
  accordingTo: string;
  method: string;
  appliesToPart: string;
  proposedConfidence: number | null;
};

/** What every view of a claim shows, from a row that selected it, with its value's reading. */
export function claimCore<S>(r: ClaimCoreRow<S>) {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    statusReason: r.statusReason,
    subject: r.subject,
    subjectText: r.subjectText,
    attribute: r.attribute,
    attributeLabel: r.attributeLabel,
    valueKind: r.valueKind,
    valueText: r.valueText,
    reading: describeValue(readValue(r.valueNorm)),
    asOfText: r.asOfText,
    note: r.note,
    accordingTo: r.accordingTo,
    method: r.method,
    appliesToPart: r.appliesToPart,
    /** Accepted from a suggestion with this confidence; null when recorded by hand. */
    proposedConfidence: r.proposedConfidence,
  };
}

export type ClaimView = {
  id: string;
  version: number;
  status: ClaimStatus;
  statusReason: string | null;
  subject: { id: string; name: string; kind: EntityKind };
  subjectText: string;
  attribute: string;
  attributeLabel: string;
  valueKind: ValueKind;
  valueText: string;
  reading: string;
  asOfText: string | null;
  note: string;
  /** Qualifiers: who gives the figure, how it was measured, the part of the subject it covers. */
  accordingTo: string;
  method: string;
  appliesToPart: string;
  /** Accepted from a suggestion with this confidence; null when recorded by hand. */
  proposedConfidence: number | null;
  quote: string;
  /** Where the words are now, or null when they cannot be found (orphaned). */
  anchor: AnchorMatch | null;
  createdBy: string | null;
  updatedAt: Date;
};

/** A claim row as the article's views read it: the core fields, its words and where they were, and who recorded it. */
type ArticleClaimRow = ClaimCoreRow<{ id: string; name: string; kind: EntityKind }> & {
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  positionStart: number;
  positionEnd: number;
  updatedAt: Date;
  createdBy: { name: string } | null;
};

/** The rows as views, each re-anchored in the body (UTF-16 offsets, for the page), in text order; orphans last. */
function articleClaimViews(rows: ArticleClaimRow[], body: string): ClaimView[] {
  const offsets = offsetConverter(body);
  const views = rows.map((r): ClaimView => ({
    ...claimCore(r),
    quote: r.quoteExact,
    anchor: anchorInText(body, {
      quote: { exact: r.quoteExact, prefix: r.quotePrefix, suffix: r.quoteSuffix },
      position: { start: offsets.toUtf16(r.positionStart), end: offsets.toUtf16(r.positionEnd) },
    }),
    createdBy: r.createdBy?.name ?? null,
    updatedAt: r.updatedAt,
  }));
  return views.sort((a, b) => (a.anchor?.start ?? Infinity) - (b.anchor?.start ?? Infinity));
}

/** An article's claims in text order, each re-anchored in the body (UTF-16 offsets, for the page); orphans last. */
export async function listArticleClaims(investigationId: string, articleId: string, body: string): Promise<ClaimView[]> {
  const rows = await db().claim.findMany({
    where: { investigationId, articleId },
    orderBy: [{ positionStart: "asc" }, { positionEnd: "desc" }],
    select: {
      ...claimSnapshot,
      quotePrefix: true,
      quoteSuffix: true,
      valueNorm: true,
      updatedAt: true,
      subject: { select: { id: true, name: true, kind: true } },
      createdBy: { select: { name: true } },
    },
  });
  return articleClaimViews(rows, body);
}

/** A claim's audit events, newest first, whether or not the claim still exists (a deleted one keeps its history). */
export async function claimHistory(investigationId: string, claimId: string) {
  return db().auditEvent.findMany({
    where: { investigationId, objectType: "Claim", objectId: claimId },
    orderBy: { id: "desc" },
    select: { id: true, action: true, createdAt: true, before: true, after: true, actor: { select: { name: true } } },
  });
}

export type ClaimEvent = { id: string; action: string; at: Date; actor: string | null };
/** A claim as the reader has it: its empty fields left out (see withoutEmptyFields), with its conflicts. */
export type ReaderClaim = Sparse<ClaimView> & { conflicts: ClaimConflict[] };

/**
 * One claim's history, newest first, as the reader shows it when the claim is opened (not sent
 * with every claim of the page: an article of hundreds of claims would carry them all). A claim
 * of another investigation is not found, as one that never existed.
 */
export async function readerClaimHistory(investigationId: string, claimId: string): Promise<ClaimEvent[]> {
  const [claim, events] = await Promise.all([
    db().claim.findFirst({ where: { id: claimId, investigationId }, select: { id: true } }),
    claimHistory(investigationId, claimId),
  ]);
  if (!claim) throw new ExpectedError("not_found", "That claim no longer exists.");
  return events.map((e) => ({ id: String(e.id), action: e.action, at: e.createdAt, actor: e.actor?.name ?? null }));
}

/**
 * The reader's claims, each with the conflicts it is in (its history is asked for when it is
 * opened): one query, its subject, author and conflicts joined in SQL. Read through Prisma's
 * relations it took four round trips (claims, subjects, authors, then the conflicts and their
 * rows), each waiting on the one before, on every visit of an article of hundreds of claims.
 */
export async function readerClaims(investigationId: string, articleId: string, body: string): Promise<ReaderClaim[]> {
  return readerClaimsIn(await readerClaimRows(investigationId, articleId), body);
}

/**
 * The rows of `readerClaims`, which need no article body: the reader asks for them beside the
 * article itself, not after it. Scoped to the investigation and the article as the page is.
 */
export function readerClaimRows(investigationId: string, articleId: string) {
  return db().$queryRaw<
    (Omit<ArticleClaimRow, "subject" | "createdBy" | "updatedAt"> & {
      subjectId: string;
      subjectName: string;
      subjectKind: EntityKind;
      createdByName: string | null;
      updatedAt: unknown;
      conflicts: unknown;
    })[]
  >`SELECT c."id", c."version", c."status"::text AS "status", c."statusReason", c."subjectText", c."attribute",
      c."attributeLabel", c."valueKind"::text AS "valueKind", c."valueText", c."valueNorm", c."asOfText", c."note",
      c."accordingTo", c."method", c."appliesToPart", c."proposedConfidence", c."quoteExact", c."quotePrefix",
      c."quoteSuffix", c."positionStart", c."positionEnd", c."updatedAt",
      e."id" AS "subjectId", e."name" AS "subjectName", e."kind"::text AS "subjectKind", u."name" AS "createdByName",
      (SELECT coalesce(json_agg(json_build_array(f."id", f."kind"::text, f."status"::text) ORDER BY cc."addedAt", cc."conflictId"), '[]'::json)
        FROM "ConflictClaim" cc JOIN "Conflict" f ON f."id" = cc."conflictId" WHERE cc."claimId" = c."id") AS "conflicts"
    FROM "Claim" c JOIN "Entity" e ON e."id" = c."subjectId" LEFT JOIN "User" u ON u."id" = c."createdById"
    WHERE c."investigationId" = ${investigationId} AND c."articleId" = ${articleId}
    ORDER BY c."positionStart" ASC, c."positionEnd" DESC, c."id" ASC`;
}

/** `readerClaims` from its rows and the article's body, which anchors each claim. */
export function readerClaimsIn(rows: Awaited<ReturnType<typeof readerClaimRows>>, body: string): ReaderClaim[] {
  const conflictsOf = new Map<string, ClaimConflict[]>();
  const views = articleClaimViews(
    rows.map((r) => {
      const conflicts = sqlJson<[string, ClaimConflict["kind"], ClaimConflict["status"]][]>(r.conflicts);
      conflictsOf.set(
        r.id,
        conflicts.map(([id, kind, status]) => ({ id, kind, status })),
      );
      return {
        ...r,
        valueNorm: sqlJson(r.valueNorm),
        updatedAt: sqlDate(r.updatedAt)!,
        subject: { id: r.subjectId, name: r.subjectName, kind: r.subjectKind },
        createdBy: r.createdByName === null ? null : { name: r.createdByName },
      };
    }),
    body,
  );
  return views.map((c) => ({ ...withoutEmptyFields(c), conflicts: conflictsOf.get(c.id)! }));
}

export type ClaimHit = {
  id: string;
  status: ClaimStatus;
  subject: string;
  attributeLabel: string;
  valueText: string;
  quote: string;
  article: { id: string; title: string; outlet: string | null };
};

/** Claims whose subject, attribute, value or quote contains the words (for picking claims to compare). */
export async function searchClaims(investigationId: string, query: string, include: string[] = [], limit = 50): Promise<ClaimHit[]> {
  const q = query.trim();
  const contains = { contains: q, mode: "insensitive" as const };
  const select = {
    id: true,
    status: true,
    attributeLabel: true,
    valueText: true,
    quoteExact: true,
    subject: { select: { name: true } },
    article: { select: { id: true, title: true, outlet: true } },
  } as const;
  const [picked, found] = await Promise.all([
    include.length ? db().claim.findMany({ where: { investigationId, id: { in: include } }, select }) : [],
    db().claim.findMany({
      where: {
        investigationId,
        id: { notIn: include },
        ...(q && {
          OR: [
            { valueText: contains },
            { attributeLabel: contains },
            { quoteExact: contains },
            { subjectText: contains },
            { subject: { name: contains } },
          ],
        }),
      },
      orderBy: [{ subject: { name: "asc" } }, { attribute: "asc" }, { createdAt: "asc" }],
      take: limit,
      select,
    }),
  ]);
  return [...picked, ...found].map((c) => ({
    id: c.id,
    status: c.status,
    subject: c.subject.name,
    attributeLabel: c.attributeLabel,
    valueText: c.valueText,
    quote: c.quoteExact,
    article: c.article,
  }));
}

/**
 * Reads again, in another zone or against another publication date (of one article, when
 * `articleId` is given), what depends on them: time-of-day values and as-of moments. Claims
 * whose reading does not change are left alone. Returns how many changed. Not audited one by
 * one: the zone change that causes it is.
 */
export async function rereadTimes(tx: Tx, investigationId: string, timeZone: string, articleId?: string): Promise<number> {
  const rows = await tx.claim.findMany({
    where: { investigationId, ...(articleId && { articleId }), OR: [{ valueKind: "time" }, { asOfText: { not: null } }] },
    select: {
      id: true,
      valueKind: true,
      valueText: true,
      valueNorm: true,
      asOfText: true,
      asOfStart: true,
      asOfEnd: true,
      quoteExact: true,
      article: { select: { publishedAt: true } },
    },
  });
  let changed = 0;
  for (const r of rows) {
    const context = { referenceDate: r.article.publishedAt, timeZone, quote: r.quoteExact };
    const data: Prisma.ClaimUpdateInput = {};
    if (r.valueKind === "time") {
      const parsed = parseValue(r.valueText, "time", context);
      const stored = readValue(r.valueNorm);
      // Compared field by field: a JSON column does not keep its keys' order.
      const same =
        parsed.ok &&
        stored.kind === "time" &&
        parsed.value.kind === "time" &&
        stored.start === parsed.value.start &&
        stored.end === parsed.value.end &&
        stored.zone === parsed.value.zone;
      if (parsed.ok && !same) {
        const bounds = valueBounds(parsed.value);
        Object.assign(data, { valueNorm: jsonColumn(writeValue(parsed.value)), valueLow: bounds.low, valueHigh: bounds.high });
      }
    }
    if (r.asOfText) {
      const moment = parseMoment(r.asOfText, context);
      if (moment && (moment.start !== r.asOfStart?.getTime() || moment.end - 1 !== r.asOfEnd?.getTime())) {
        Object.assign(data, { asOfStart: new Date(moment.start), asOfEnd: new Date(moment.end - 1) });
      }
    }
    if (Object.keys(data).length) {
      // A new version: an edit opened before the zone changed is refused rather than saved over it.
      await tx.claim.update({ where: { id: r.id }, data: { ...data, version: { increment: 1 } } });
      changed++;
    }
  }
  return changed;
}
