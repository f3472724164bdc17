import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { sentenceAround } from "@/lib/domain/anchoring.ts";
import { offsetConverter } from "@/lib/domain/offsets.ts";
import { type ClaimStatus, type EntityKind, preferredLabel } from "@/lib/domain/claims.ts";
import { type ConflictKind, RESOLUTION_LABELS, SUGGESTIONS, QUEUE_KIND_WEIGHT } from "@/lib/domain/conflicts.ts";
import { formatMoment } from "@/lib/domain/format.ts";
import type { ConflictStatus } from "@/lib/domain/conflict-lifecycle.ts";
import { decide, decisionOf } from "@/lib/domain/decisions.ts";
import type { ResolutionKind, ResolveConflictInput } from "@/lib/domain/inputs.ts";
import {
  readAuditPayload,
  readOptionalValue,
  readResolutionDetails,
  writeResolutionDetails,
  writeValue,
} from "@/lib/domain/json-codecs.ts";
import type { ValueKind } from "@/lib/domain/values.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { mergeTouched, setClaimStatusIn, syncConflicts, touchedByClaim, touchedByKey, withdrawDecision } from "@/lib/server/detection.ts";
import { claimCore } from "@/lib/server/claims.ts";
import { mergeEntitiesIn } from "@/lib/server/entities.ts";
import { nullableJsonColumn } from "@/lib/server/json-column.ts";

// ---------------------------------------------------------------------------------------------
// The queue

export type QueueFilters = {
  status?: ConflictStatus | "all";
  kind?: ConflictKind;
  entityId?: string;
  attribute?: string;
  articleId?: string;
  /** 1-based. */
  page?: number;
  /** QUEUE_PAGE_SIZE unless given (tests, scripts). */
  pageSize?: number;
};

export const QUEUE_PAGE_SIZE = 50;

export type QueueItem = {
  id: string;
  kind: ConflictKind;
  status: ConflictStatus;
  title: string;
  summary: string;
  values: string[];
  sources: number;
  reopenReason: string | null;
  updatedAt: Date;
  resolution: { kind: ResolutionKind; by: string } | null;
};

export type Queue = {
  /** One page of the conflicts that match, in the queue's order. */
  items: QueueItem[];
  /** How many match the filters, over every page. */
  matching: number;
  page: number;
  pageSize: number;
  pages: number;
  counts: Record<ConflictStatus, number>;
  kinds: { kind: ConflictKind; count: number }[];
  entities: { id: string; name: string }[];
  attributes: { key: string; label: string }[];
  articles: { id: string; title: string }[];
};

const queueSelect = {
  id: true,
  kind: true,
  status: true,
  summary: true,
  reopenReason: true,
  updatedAt: true,
  entities: { select: { entity: { select: { id: true, name: true } } } },
  claims: {
    select: {
      claim: {
        select: {
          valueText: true,
          attribute: true,
          attributeLabel: true,
          articleId: true,
          subject: { select: { id: true, name: true } },
          article: { select: { title: true } },
        },
      },
    },
  },
  resolutions: {
    where: { withdrawnAt: null },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { kind: true, decidedByName: true },
  },
} as const satisfies Prisma.ConflictSelect;

type QueueRow = Prisma.ConflictGetPayload<{ select: typeof queueSelect }>;

function conflictTitle(row: Pick<QueueRow, "kind" | "entities" | "claims">): string {
  const claims = row.claims.map((c) => c.claim);
  if (row.kind === "naming") return row.entities.map((e) => `“${e.entity.name}”`).join(" or ");
  if (row.kind === "misattribution") {
    const figure = claims.map((c) => c.valueText).sort((a, b) => a.length - b.length)[0] ?? "One figure";
    return `${figure}: ${row.entities.map((e) => e.entity.name).join(" or ")}?`;
  }
  const subjects = [...new Set(claims.map((c) => c.subject.name))];
  // One label per attribute key, the one most claims use ("Valuation", not "Valuation, valuation").
  const labels = new Map<string, string[]>();
  for (const c of claims) labels.set(c.attribute, [...(labels.get(c.attribute) ?? []), c.attributeLabel]);
  const attributes = [...labels.values()].map(preferredLabel);
  return `${subjects.join(", ")} · ${attributes.join(", ")}`;
}

/**
 * The queue's order as SQL: open first, then the kind's weight, then how many sources disagree,
 * the latest change, and the id (so the order is total and pages never overlap).
 */
const queueWeight = Prisma.sql`(CASE WHEN c.status = 'open' THEN 100 ELSE 0 END)
  + 10 * (CASE c.kind ${Prisma.join(
    Object.entries(QUEUE_KIND_WEIGHT).map(([kind, w]) => Prisma.sql`WHEN ${kind}::"ConflictKind" THEN ${w}::int`),
    " ",
  )} ELSE 0 END)
  + (SELECT count(DISTINCT cl."articleId")::int FROM "ConflictClaim" cc JOIN "Claim" cl ON cl.id = cc."claimId" WHERE cc."conflictId" = c.id)`;

/** The conflicts of an investigation with this status (or any), for the queue and its facets. */
const inStatus = (investigationId: string, status: ConflictStatus | "all") =>
  status === "all"
    ? Prisma.sql`c."investigationId" = ${investigationId}`
    : Prisma.sql`c."investigationId" = ${investigationId} AND c.status = ${status}::"ConflictStatus"`;

function queueWhere(investigationId: string, filters: QueueFilters) {
  const conditions = [inStatus(investigationId, filters.status ?? "open")];
  if (filters.kind) conditions.push(Prisma.sql`c.kind = ${filters.kind}::"ConflictKind"`);
  if (filters.entityId) {
    conditions.push(Prisma.sql`(EXISTS (SELECT 1 FROM "ConflictEntity" ce WHERE ce."conflictId" = c.id AND ce."entityId" = ${filters.entityId})
      OR EXISTS (SELECT 1 FROM "ConflictClaim" cc JOIN "Claim" cl ON cl.id = cc."claimId" WHERE cc."conflictId" = c.id AND cl."subjectId" = ${filters.entityId}))`);
  }
  if (filters.attribute) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ConflictClaim" cc JOIN "Claim" cl ON cl.id = cc."claimId" WHERE cc."conflictId" = c.id AND cl.attribute = ${filters.attribute})`,
    );
  }
  if (filters.articleId) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ConflictClaim" cc JOIN "Claim" cl ON cl.id = cc."claimId" WHERE cc."conflictId" = c.id AND cl."articleId" = ${filters.articleId})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/**
 * The queue: filtered, ordered and paged in the database (the most consequential open conflicts
 * first), with the counts per status and the filters' choices for the status shown.
 */
export async function listConflicts(investigationId: string, filters: QueueFilters = {}): Promise<Queue> {
  const status = filters.status ?? "open";
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const size = Math.max(1, Math.floor(filters.pageSize ?? QUEUE_PAGE_SIZE));
  const [ranked, statusCounts, kinds, entities, attributes, articles] = await Promise.all([
    db().$queryRaw<{ id: string; matching: number }[]>`
      SELECT c.id, count(*) OVER ()::int AS matching FROM "Conflict" c
       WHERE ${queueWhere(investigationId, { ...filters, status })}
       ORDER BY ${queueWeight} DESC, c."updatedAt" DESC, c.id ASC
       LIMIT ${size} OFFSET ${(page - 1) * size}`,
    db().conflict.groupBy({ by: ["status"], where: { investigationId }, _count: { _all: true } }),
    db().$queryRaw<{ kind: ConflictKind; count: number }[]>`
      SELECT c.kind, count(*)::int AS count FROM "Conflict" c WHERE ${inStatus(investigationId, status)}
       GROUP BY c.kind ORDER BY count DESC, c.kind`,
    db().$queryRaw<{ id: string; name: string }[]>`
      SELECT e.id, e.name FROM "Entity" e WHERE e.id IN (
        SELECT ce."entityId" FROM "ConflictEntity" ce JOIN "Conflict" c ON c.id = ce."conflictId" WHERE ${inStatus(investigationId, status)}
        UNION SELECT cl."subjectId" FROM "ConflictClaim" cc JOIN "Conflict" c ON c.id = cc."conflictId" JOIN "Claim" cl ON cl.id = cc."claimId" WHERE ${inStatus(investigationId, status)})
`,
    db().$queryRaw<{ key: string; label: string }[]>`
      SELECT DISTINCT ON (cl.attribute) cl.attribute AS key, cl."attributeLabel" AS label
        FROM "ConflictClaim" cc JOIN "Conflict" c ON c.id = cc."conflictId" JOIN "Claim" cl ON cl.id = cc."claimId"
       WHERE ${inStatus(investigationId, status)} ORDER BY cl.attribute, cl."createdAt"`,
    db().$queryRaw<{ id: string; title: string }[]>`
      SELECT a.id, a.title FROM "Article" a WHERE a.id IN (
        SELECT cl."articleId" FROM "ConflictClaim" cc JOIN "Conflict" c ON c.id = cc."conflictId" JOIN "Claim" cl ON cl.id = cc."claimId" WHERE ${inStatus(investigationId, status)})
`,
  ]);
  const rows = await db().conflict.findMany({ where: { id: { in: ranked.map((r) => r.id) } }, select: queueSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const counts: Record<ConflictStatus, number> = { open: 0, resolved: 0, dismissed: 0 };
  for (const g of statusCounts) counts[g.status] = g._count._all;
  const matching = ranked[0]?.matching ?? 0;
  return {
    items: ranked.map((r) => queueItem(byId.get(r.id)!)),
    matching,
    page,
    pageSize: size,
    pages: Math.max(1, Math.ceil(matching / size)),
    counts,
    kinds,
    // Sorted here, not by the database's collation, so both engines list them alike.
    entities: entities.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    attributes: attributes.sort((a, b) => a.label.localeCompare(b.label)),
    articles: articles.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id)),
  };
}

function queueItem(r: QueueRow): QueueItem {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: conflictTitle(r),
    summary: r.summary,
    values: [...new Set(r.claims.map((c) => c.claim.valueText))],
    sources: new Set(r.claims.map((c) => c.claim.articleId)).size,
    reopenReason: r.reopenReason,
    updatedAt: r.updatedAt,
    resolution: r.resolutions[0] ? { kind: r.resolutions[0].kind, by: r.resolutions[0].decidedByName } : null,
  };
}

/**
 * The open conflict after this one in the queue's order (the first one when this is the last,
 * or not open any more), or null when no other is open. One query.
 */
export async function nextOpenConflict(investigationId: string, currentId: string): Promise<{ id: string } | null> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    WITH queue AS (
      SELECT c.id, row_number() OVER (ORDER BY ${queueWeight} DESC, c."updatedAt" DESC, c.id ASC) AS n
        FROM "Conflict" c WHERE c."investigationId" = ${investigationId} AND (c.status = 'open' OR c.id = ${currentId})
    ), here AS (SELECT n FROM queue WHERE id = ${currentId})
    SELECT q.id FROM queue q LEFT JOIN here h ON true
     WHERE q.id <> ${currentId}
     ORDER BY (q.n > coalesce(h.n, 0)) DESC, q.n
     LIMIT 1`;
  return rows[0] ?? null;
}

export type OpenConflictRef = { id: string; kind: ConflictKind; title: string; summary: string };

/**
 * The open conflicts an entity's page must not hide: its naming conflicts (is "Michael" "Emil
 * Michael"?) and, claim by claim, those holding its claims (so $18.4 billion and $183 billion
 * are not listed side by side as if both stood). One query.
 */
export async function entityOpenConflicts(
  investigationId: string,
  entityId: string,
): Promise<{ naming: OpenConflictRef[]; byClaim: Record<string, OpenConflictRef[]> }> {
  const rows = await db().conflict.findMany({
    where: {
      investigationId,
      status: "open",
      OR: [{ entities: { some: { entityId } } }, { claims: { some: { claim: { subjectId: entityId } } } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      summary: true,
      entities: queueSelect.entities,
      claims: {
        select: {
          claimId: true,
          claim: {
            select: {
              valueText: true,
              attribute: true,
              attributeLabel: true,
              articleId: true,
              subjectId: true,
              subject: { select: { id: true, name: true } },
              article: { select: { title: true } },
            },
          },
        },
      },
    },
  });
  const naming: OpenConflictRef[] = [];
  const byClaim: Record<string, OpenConflictRef[]> = {};
  for (const row of rows) {
    const ref = { id: row.id, kind: row.kind, title: conflictTitle(row), summary: row.summary };
    // Every detected conflict names its subjects; only a naming conflict is about the entity itself.
    if (row.kind === "naming" && row.entities.some((e) => e.entity.id === entityId)) naming.push(ref);
    for (const member of row.claims) {
      if (member.claim.subjectId === entityId) (byClaim[member.claimId] ??= []).push(ref);
    }
  }
  return { naming, byClaim };
}

// ---------------------------------------------------------------------------------------------
// One conflict

export type ConflictClaimView = {
  id: string;
  version: number;
  status: ClaimStatus;
  statusReason: string | null;
  subject: { id: string; name: string };
  subjectText: string;
  attribute: string;
  attributeLabel: string;
  valueKind: ValueKind;
  valueText: string;
  reading: string;
  asOfText: string | null;
  note: string;
  sentence: { before: string; quote: string; after: string };
  article: { id: string; title: string; outlet: string | null; author: string | null; publishedText: string | null; url: string | null };
};

export type ConflictDetail = NonNullable<Awaited<ReturnType<typeof getConflict>>>;

export async function getConflict(investigationId: string, id: string) {
  const conflict = await db().conflict.findFirst({
    where: { id, investigationId },
    select: {
      id: true,
      kind: true,
      status: true,
      version: true,
      summary: true,
      suggestion: true,
      reopenReason: true,
      closedReason: true,
      detectionKey: true,
      createdAt: true,
      settledAt: true,
      createdBy: { select: { name: true } },
      claims: { select: { claimId: true } },
      entities: {
        select: {
          entity: {
            select: {
              id: true,
              name: true,
              kind: true,
              mergedIntoId: true,
              aliases: { select: { name: true }, orderBy: { name: "asc" } },
              _count: { select: { subjectOf: true } },
              subjectOf: { take: 4, orderBy: { createdAt: "asc" }, select: { id: true, attributeLabel: true, valueText: true } },
            },
          },
        },
      },
      resolutions: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          kind: true,
          rationale: true,
          acceptedClaimId: true,
          valueText: true,
          valueNorm: true,
          details: true,
          createdAt: true,
          withdrawnAt: true,
          // The name as it was when the decision was made, not the account's name today.
          decidedByName: true,
        },
      },
      comments: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!conflict) return null;
  const claims = await conflictClaimViews(conflict.claims.map((c) => c.claimId));
  const entities = conflict.entities.map(({ entity }) => ({
    id: entity.id,
    name: entity.name,
    kind: entity.kind as EntityKind,
    merged: entity.mergedIntoId !== null,
    aliases: entity.aliases.map((a) => a.name),
    claimCount: entity._count.subjectOf,
    sampleClaims: entity.subjectOf,
  }));
  const history = await db().auditEvent.findMany({
    where: { investigationId, objectType: "Conflict", objectId: id },
    orderBy: { id: "desc" },
    select: { id: true, action: true, createdAt: true, after: true, actor: { select: { name: true } } },
  });
  return {
    ...conflict,
    title: conflictTitle({
      kind: conflict.kind,
      entities: conflict.entities,
      claims: claims.map((c) => ({
        claim: {
          valueText: c.valueText,
          attribute: c.attribute,
          attributeLabel: c.attributeLabel,
          subject: c.subject,
        } as QueueRow["claims"][number]["claim"],
      })),
    }),
    claims,
    entities,
    resolutions: conflict.resolutions.map((r) => ({
      ...r,
      valueNorm: readOptionalValue(r.valueNorm),
      details: readResolutionDetails(r.kind, r.details),
    })),
    suggestion: conflict.suggestion ?? SUGGESTIONS[conflict.kind],
    history: history.map((e) => ({
      id: String(e.id),
      action: e.action,
      at: e.createdAt,
      actor: e.actor?.name ?? "Crosscheck",
      after: readAuditPayload(e.after),
    })),
  };
}

/** Claims with the sentence each quote sits in (read from the article by SQL, not the whole body). */
async function conflictClaimViews(ids: string[]): Promise<ConflictClaimView[]> {
  if (!ids.length) return [];
  const rows = await db().claim.findMany({
    where: { id: { in: ids } },
    orderBy: [{ article: { publishedAt: "asc" } }, { createdAt: "asc" }],
    select: {
      id: true,
      version: true,
      status: true,
      statusReason: true,
      subjectText: true,
      attribute: true,
      attributeLabel: true,
      valueKind: true,
      valueText: true,
      valueNorm: true,
      asOfText: true,
      note: true,
      accordingTo: true,
      method: true,
      appliesToPart: true,
      proposedConfidence: true,
      positionStart: true,
      positionEnd: true,
      subject: { select: { id: true, name: true } },
      article: { select: { id: true, title: true, outlet: true, author: true, publishedText: true, url: true } },
    },
  });
  const WINDOW = 300;
  const windows = await db().$queryRawUnsafe<{ id: string; text: string; from: number }[]>(
    `SELECT c.id, substring(a.body FROM greatest(1, c."positionStart" + 1 - ${WINDOW}) FOR c."positionEnd" - c."positionStart" + ${2 * WINDOW}) AS text,
            greatest(0, c."positionStart" - ${WINDOW}) AS "from"
       FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" WHERE c.id = ANY($1::text[])`,
    ids,
  );
  const byId = new Map(windows.map((w) => [w.id, w]));
  return rows.map((r) => {
    const w = byId.get(r.id);
    const from = Number(w?.from ?? 0);
    // Positions and the window count code points; sentenceAround slices a JavaScript string.
    const offsets = w && offsetConverter(w.text);
    const sentence =
      w && offsets
        ? sentenceAround(w.text, offsets.toUtf16(r.positionStart - from), offsets.toUtf16(r.positionEnd - from), WINDOW)
        : { before: "", quote: r.valueText, after: "" };
    return { ...claimCore(r), sentence, article: r.article };
  });
}

// ---------------------------------------------------------------------------------------------
// Changes

async function requireConflict(tx: Tx, investigationId: string, id: string) {
  const conflict = await tx.conflict.findFirst({
    where: { id, investigationId },
    select: {
      id: true,
      kind: true,
      detectionKey: true,
      status: true,
      version: true,
      claims: {
        select: {
          claim: {
            select: { id: true, status: true, subjectId: true, attribute: true, valueNorm: true, valueKind: true, valueText: true },
          },
        },
      },
      entities: { select: { entityId: true } },
    },
  });
  if (!conflict) throw new ExpectedError("not_found", "That conflict no longer exists.");
  return conflict;
}

/** Someone settled it first: say who, when and how, so the second reviewer can read it. */
async function alreadySettled(tx: Tx, conflictId: string): Promise<never> {
  const last = await tx.resolution.findFirst({
    where: { conflictId, withdrawnAt: null },
    orderBy: { createdAt: "desc" },
    select: { kind: true, rationale: true, createdAt: true, decidedByName: true, decidedBy: { select: { email: true } } },
  });
  if (last) {
    throw new ExpectedError(
      "stale",
      `${last.decidedByName} (${last.decidedBy.email}) already settled this conflict at ${formatMoment(last.createdAt)}: ` +
        `${RESOLUTION_LABELS[last.kind]} — “${last.rationale}”. Your rationale was not saved; reload to see their decision.`,
    );
  }
  const current = await tx.conflict.findUnique({ where: { id: conflictId }, select: { status: true, closedReason: true } });
  throw new ExpectedError(
    "stale",
    current?.status === "open"
      ? "This conflict changed (a claim in it was edited) after you opened it. Reload to see it; your rationale was not saved."
      : `This conflict is no longer open${current?.closedReason ? `: ${current.closedReason}` : ""}. Reload to see it.`,
  );
}

/**
 * Settles a conflict with a recorded reason. Exactly one of two racing reviewers wins: the update
 * is conditioned on the conflict being open at the version they saw, and the loser is told who
 * decided and how. What the decision does is `decide`'s (lib/domain/decisions.ts); this carries it
 * out: claims set aside are never deleted, only marked (rejected, superseded or retracted) with
 * the reason, and every change is audited.
 */
export async function resolveConflict(
  ctx: AuditContext & { actorId: string },
  input: ResolveConflictInput,
): Promise<{ status: ConflictStatus }> {
  return db().$transaction(async (tx) => {
    const conflict = await requireConflict(tx, input.investigationId, input.id);
    // Someone settled or changed it since the reviewer opened it: say so before judging the decision.
    if (conflict.status !== "open" || conflict.version !== input.version) await alreadySettled(tx, conflict.id);
    const outcome = decide(
      {
        kind: conflict.kind,
        claims: conflict.claims.map((c) => c.claim),
        entityIds: conflict.entities.map((e) => e.entityId),
      },
      decisionOf(input),
    );
    const { count } = await tx.conflict.updateMany({
      where: { id: conflict.id, status: "open", version: input.version },
      data: {
        status: outcome.status,
        closedBy: "person",
        settledAt: new Date(),
        reopenReason: null,
        closedReason: null,
        version: { increment: 1 },
      },
    });
    if (count === 0) await alreadySettled(tx, conflict.id);

    const changed = conflict.claims.map((c) => c.claim).filter((c) => outcome.claimChanges.some((x) => x.claimId === c.id));
    for (const change of outcome.claimChanges) {
      await setClaimStatusIn(
        tx,
        ctx,
        input.investigationId,
        conflict.id,
        { id: change.claimId, status: change.from },
        {
          action: change.action,
          status: change.to,
          reason: change.reason,
          supersededById: change.supersededById,
          note: change.note,
        },
      );
    }
    if (outcome.leaving.length) await tx.conflictClaim.deleteMany({ where: { conflictId: conflict.id, claimId: { in: outcome.leaving } } });
    let details = outcome.resolution.details;
    if (outcome.merge) {
      const { mergeId } = await mergeEntitiesIn(tx, ctx, { investigationId: input.investigationId, ...outcome.merge });
      details = { kind: "merge_entities", ...outcome.merge, mergeId };
    }
    const { valueNorm, ...recorded } = outcome.resolution;
    const resolution = await tx.resolution.create({
      data: {
        conflictId: conflict.id,
        kind: input.kind,
        rationale: input.rationale,
        decidedById: ctx.actorId,
        ...recorded,
        valueNorm: nullableJsonColumn(valueNorm ? writeValue(valueNorm) : null),
        details: nullableJsonColumn(writeResolutionDetails(details)),
      },
      select: { id: true, kind: true },
    });
    await audit(tx, ctx, {
      action: "conflict.resolve",
      objectType: "Conflict",
      objectId: conflict.id,
      investigationId: input.investigationId,
      before: { status: "open" },
      after: { status: outcome.status, resolutionId: resolution.id, kind: input.kind, rationale: input.rationale },
    });
    // Claims whose status changed leave other conflicts (a misattribution, say) in step.
    await syncConflicts(tx, ctx, input.investigationId, mergeTouched(...changed.map(touchedByClaim)));
    return { status: outcome.status };
  });
}

/**
 * Reopens a settled conflict: its decision stays on record, withdrawn, and claims it rejected
 * or superseded become active again (a merge is undone from the entity page).
 */
export async function reopenConflict(
  ctx: AuditContext,
  input: { investigationId: string; id: string; version: number; reason: string },
): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const conflict = await requireConflict(tx, input.investigationId, input.id);
    if (conflict.status === "open") throw new ExpectedError("stale", "This conflict is already open; reload to see it.");
    const { count } = await tx.conflict.updateMany({
      where: { id: conflict.id, version: input.version, status: { not: "open" } },
      data: { status: "open", closedBy: null, settledAt: null, closedReason: null, reopenReason: input.reason, version: { increment: 1 } },
    });
    if (count === 0) throw new ExpectedError("stale", "Someone changed this conflict after you opened it. Reload to see it.");
    const { resolutionId, restored: restore } = await withdrawDecision(tx, ctx, input.investigationId, conflict.id);
    await audit(tx, ctx, {
      action: "conflict.reopen",
      objectType: "Conflict",
      objectId: conflict.id,
      investigationId: input.investigationId,
      before: { status: conflict.status, resolutionId },
      after: { status: "open", reason: input.reason, restoredClaimIds: restore.map((c) => c.id) },
    });
    // Examined afresh: the claims it gave back, its own claims, its own key (its claims may have
    // moved to another group since, a merge undone) and its entities (a naming conflict reopened
    // after one of its entities was merged away no longer holds).
    await syncConflicts(
      tx,
      ctx,
      input.investigationId,
      mergeTouched(
        ...restore.map(touchedByClaim),
        ...conflict.claims.map((c) => touchedByClaim(c.claim)),
        conflict.detectionKey ? touchedByKey(conflict.detectionKey, conflict.kind) : {},
        { entities: conflict.kind === "naming" ? conflict.entities.map((e) => e.entityId) : [] },
      ),
    );
    return { version: conflict.version + 1 };
  });
}

/** An analyst marks claims as conflicting, for a disagreement no rule can see. */
export async function createManualConflict(
  ctx: AuditContext,
  input: { investigationId: string; claimIds: string[]; note: string },
): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const claims = await tx.claim.findMany({
      where: { id: { in: input.claimIds }, investigationId: input.investigationId },
      select: { id: true, subjectId: true },
    });
    if (claims.length !== input.claimIds.length)
      throw new ExpectedError("not_found", "Some of those claims no longer exist; reload and select again.");
    const entityIds = [...new Set(claims.map((c) => c.subjectId))];
    const conflict = await tx.conflict.create({
      data: {
        investigationId: input.investigationId,
        kind: "manual",
        summary: input.note,
        suggestion: SUGGESTIONS.manual,
        createdById: ctx.actorId,
        claims: { create: input.claimIds.map((claimId) => ({ claimId })) },
        entities: { create: entityIds.map((entityId) => ({ entityId })) },
      },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "conflict.create",
      objectType: "Conflict",
      objectId: conflict.id,
      investigationId: input.investigationId,
      after: { kind: "manual", claimIds: input.claimIds, note: input.note },
    });
    return conflict;
  });
}

export async function addComment(
  ctx: AuditContext & { actorId: string },
  input: { investigationId: string; conflictId: string; body: string },
): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    await requireConflict(tx, input.investigationId, input.conflictId);
    const comment = await tx.comment.create({
      data: { investigationId: input.investigationId, conflictId: input.conflictId, authorId: ctx.actorId, body: input.body },
      select: { id: true, body: true },
    });
    await audit(tx, ctx, {
      action: "conflict.comment",
      objectType: "Conflict",
      objectId: input.conflictId,
      investigationId: input.investigationId,
      after: comment,
    });
    return { id: comment.id };
  });
}

/** How many conflicts are open (the navigation's badge). In SQL: asked after saves, so kept light. */
export async function openConflictCount(investigationId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Conflict" WHERE "investigationId" = ${investigationId} AND "status" = 'open'`;
  return row?.n ?? 0;
}

/** Whether any conflict of the investigation was ever decided. */
export async function anyDecisionIn(investigationId: string): Promise<boolean> {
  return (await db().resolution.count({ where: { conflict: { investigationId } } })) > 0;
}

/** The first open conflict of a kind about the entity with this name, with its claims' values. */
export async function openConflictAbout(investigationId: string, kind: ConflictKind, entityName: string) {
  return db().conflict.findFirst({
    where: { investigationId, kind, status: "open", entities: { some: { entity: { name: entityName } } } },
    select: { id: true, version: true, claims: { select: { claim: { select: { id: true, valueText: true } } } } },
  });
}

/** Every detected or manual conflict of an investigation with its claims and entities (evaluation, scripts). */
export async function conflictMemberships(investigationId: string) {
  const rows = await db().conflict.findMany({
    where: { investigationId },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, status: true, claims: { select: { claimId: true } }, entities: { select: { entityId: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind,
    status: c.status,
    claimIds: c.claims.map((m) => m.claimId),
    entityIds: c.entities.map((m) => m.entityId),
  }));
}
