import "server-only";
import type { z } from "zod";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { anchorInText, type AnchorMatch, describeSelection, tidySelection } from "@/lib/domain/anchoring.ts";
import { attributeKey, type ClaimStatus, type EntityKind } from "@/lib/domain/claims.ts";
import { readValue, writeValue } from "@/lib/domain/json-codecs.ts";
import { parseMoment } from "@/lib/domain/moments.ts";
import { offsetConverter } from "@/lib/domain/offsets.ts";
import type { createClaimInput } from "@/lib/domain/inputs.ts";
import { describeValue, parseValue, valueBounds, type ValueKind } from "@/lib/domain/values.ts";
import { assertVersionedUpdate, audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { jsonColumn } from "@/lib/server/json-column.ts";
import { syncConflicts, touchedByClaim, mergeTouched } from "@/lib/server/detection.ts";
import { createEntityIn } from "@/lib/server/entities.ts";
import { type ConflictKind, isCorrectionPassage } from "@/lib/domain/conflicts.ts";

/** What a person fills in for a claim, as the shared input schema reads it. */
type Qualifiers = "accordingTo" | "method" | "appliesToPart";
/** A claim's fields as the form sends them; qualifiers may be left out (none). */
export type ClaimFields = Omit<z.output<typeof createClaimInput>, "investigationId" | "articleId" | "start" | "end" | Qualifiers> &
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

async function resolveSubject(tx: Tx, ctx: AuditContext, investigationId: string, fields: ClaimFields): Promise<string> {
  if (fields.subjectId) {
    const subject = await tx.entity.findFirst({
      where: { id: fields.subjectId, investigationId },
      select: { id: true, mergedIntoId: true },
    });
    if (!subject) throw new ExpectedError("not_found", "That subject no longer exists.", { subjectId: ["Choose the subject again."] });
    return subject.mergedIntoId ?? subject.id;
  }
  return (await createEntityIn(tx, ctx, investigationId, { name: fields.newSubjectName, kind: fields.newSubjectKind })).id;
}

export async function createClaim(
  ctx: AuditContext,
  input: ClaimFields & { investigationId: string; articleId: string; start: number; end: number },
): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: input.articleId, investigationId: input.investigationId },
      select: { id: true, body: true, publishedAt: true, investigation: { select: { timeZone: true } } },
    });
    if (!article) throw new ExpectedError("not_found", "That article no longer exists.");
    const range = tidySelection(article.body, input.start, input.end);
    if (!range || input.end > article.body.length) {
      throw new ExpectedError("invalid_input", "The selection is not part of this article's text; select the words again.");
    }
    const anchor = describeSelection(article.body, range.start, range.end);
    // The browser counts UTF-16 units; what is stored counts code points (see lib/domain/offsets.ts).
    const offsets = offsetConverter(article.body);
    const subjectId = await resolveSubject(tx, ctx, input.investigationId, input);
    const claim = await tx.claim.create({
      data: {
        investigationId: input.investigationId,
        articleId: article.id,
        subjectId,
        ...readValues(input, article.publishedAt, article.investigation.timeZone, anchor.quote.exact),
        attributeLabel: input.attribute,
        quoteExact: anchor.quote.exact,
        quotePrefix: anchor.quote.prefix,
        quoteSuffix: anchor.quote.suffix,
        positionStart: offsets.toCodePoints(anchor.position.start),
        positionEnd: offsets.toCodePoints(anchor.position.end),
        inCorrection: isCorrectionPassage(
          article.body.slice(Math.max(0, anchor.position.start - 600), anchor.position.start),
          anchor.quote.exact,
        ),
        createdById: ctx.actorId,
      },
      select: { ...claimSnapshot, valueNorm: true },
    });
    const { valueNorm, ...snapshot } = claim;
    await audit(tx, ctx, {
      action: "claim.create",
      objectType: "Claim",
      objectId: claim.id,
      investigationId: input.investigationId,
      after: snapshot,
    });
    await syncConflicts(tx, ctx, input.investigationId, touchedByClaim({ ...claim, valueNorm }));
    return { id: claim.id };
  });
}

async function requireClaim(tx: Tx, investigationId: string, id: string) {
  const claim = await tx.claim.findFirst({
    where: { id, investigationId },
    select: {
      ...claimSnapshot,
      valueNorm: true,
      article: { select: { publishedAt: true, investigation: { select: { timeZone: true } } } },
    },
  });
  if (!claim) throw new ExpectedError("not_found", "That claim no longer exists.");
  const { article, valueNorm, ...before } = claim;
  return {
    before,
    publishedAt: article.publishedAt,
    timeZone: article.investigation.timeZone,
    touched: touchedByClaim({ ...before, valueNorm }),
  };
}

/** Saves an edit made on the version the person saw; a newer change by someone else wins and is named. */
export async function updateClaim(
  ctx: AuditContext,
  input: ClaimFields & { investigationId: string; id: string; version: number },
): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const { before, publishedAt, timeZone, touched } = await requireClaim(tx, input.investigationId, input.id);
    const subjectId = await resolveSubject(tx, ctx, input.investigationId, input);
    const values = readValues(input, publishedAt, timeZone, before.quoteExact);
    const { count } = await tx.claim.updateMany({
      where: { id: input.id, investigationId: input.investigationId, version: input.version },
      data: {
        ...values,
        subjectId,
        attributeLabel: values.attribute === before.attribute ? before.attributeLabel : input.attribute,
        version: { increment: 1 },
      },
    });
    await assertVersionedUpdate(tx, count, { type: "Claim", id: input.id, label: "claim" });
    const after = await tx.claim.findUniqueOrThrow({ where: { id: input.id }, select: claimSnapshot });
    await audit(tx, ctx, {
      action: "claim.update",
      objectType: "Claim",
      objectId: input.id,
      investigationId: input.investigationId,
      before,
      after,
    });
    await syncConflicts(tx, ctx, input.investigationId, mergeTouched(touched, touchedByClaim({ ...after, valueNorm: values.valueNorm })));
    return { version: after.version };
  });
}

/** A retracted claim stays on record, with its reason, but no longer counts. */
export async function retractClaim(
  ctx: AuditContext,
  input: { investigationId: string; id: string; version: number; reason: string },
): Promise<{ version: number }> {
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
): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const { before, touched } = await requireClaim(tx, input.investigationId, input.id);
    const { count } = await tx.claim.updateMany({
      where: { id: input.id, investigationId: input.investigationId, version: input.version },
      data: { status, statusReason: reason, version: { increment: 1 } },
    });
    await assertVersionedUpdate(tx, count, { type: "Claim", id: input.id, label: "claim" });
    const after = await tx.claim.findUniqueOrThrow({ where: { id: input.id }, select: claimSnapshot });
    await audit(tx, ctx, { action, objectType: "Claim", objectId: input.id, investigationId: input.investigationId, before, after });
    await syncConflicts(tx, ctx, input.investigationId, touched);
    return { version: after.version };
  });
}

/** Deleting is for mistakes nobody has built on: once a conflict involves a claim, it can only be retracted. */
export async function deleteClaim(ctx: AuditContext, input: { investigationId: string; id: string; version: number }): Promise<void> {
  await db().$transaction(async (tx) => {
    const { before, touched } = await requireClaim(tx, input.investigationId, input.id);
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
    await syncConflicts(tx, ctx, input.investigationId, touched);
  });
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
  quote: string;
  /** Where the words are now, or null when they cannot be found (orphaned). */
  anchor: AnchorMatch | null;
  createdBy: string | null;
  updatedAt: Date;
};

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

export async function claimHistory(investigationId: string, claimId: string) {
  return db().auditEvent.findMany({
    where: { investigationId, objectType: "Claim", objectId: claimId },
    orderBy: { id: "desc" },
    select: { id: true, action: true, createdAt: true, before: true, after: true, actor: { select: { name: true } } },
  });
}

export type ClaimEvent = { id: string; action: string; at: Date; actor: string | null };
export type ClaimConflict = { id: string; kind: ConflictKind; status: "open" | "resolved" | "dismissed" };
export type ReaderClaim = ClaimView & { history: ClaimEvent[]; conflicts: ClaimConflict[] };

/** The reader's claims, each with its history (one query for all of them). */
export async function readerClaims(investigationId: string, articleId: string, body: string): Promise<ReaderClaim[]> {
  const claims = await listArticleClaims(investigationId, articleId, body);
  const events = await db().auditEvent.findMany({
    where: { investigationId, objectType: "Claim", objectId: { in: claims.map((c) => c.id) } },
    orderBy: { id: "desc" },
    select: { id: true, objectId: true, action: true, createdAt: true, actor: { select: { name: true } } },
  });
  const memberships = await db().conflictClaim.findMany({
    where: { claimId: { in: claims.map((c) => c.id) } },
    orderBy: { addedAt: "asc" },
    select: { claimId: true, conflict: { select: { id: true, kind: true, status: true } } },
  });
  // Grouped once by claim (each list keeps its query's order): linear in claims + events, not their product.
  const conflictsOf = groupBy(memberships, (m) => m.claimId);
  const eventsOf = groupBy(events, (e) => e.objectId);
  return claims.map((c) => ({
    ...c,
    conflicts: (conflictsOf.get(c.id) ?? []).map((m) => m.conflict),
    history: (eventsOf.get(c.id) ?? []).map((e) => ({ id: String(e.id), action: e.action, at: e.createdAt, actor: e.actor?.name ?? null })),
  }));
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
 * Reads again, in another zone, what depends on it: time-of-day values and as-of moments. Claims
 * whose reading does not change are left alone. Returns how many changed. Not audited one by
 * one: the zone change that causes it is.
 */
export async function rereadTimes(tx: Tx, investigationId: string, timeZone: string): Promise<number> {
  const rows = await tx.claim.findMany({
    where: { investigationId, OR: [{ valueKind: "time" }, { asOfText: { not: null } }] },
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

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
