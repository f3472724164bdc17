import "server-only";
import {
  type DetectedConflict,
  type DetectionClaim,
  detectAll,
  detectGroupConflicts,
  detectMisattributions,
  detectNamingConflicts,
  figureKey,
  groupKey,
  type NamedEntity,
} from "@/lib/domain/conflicts.ts";
import { type ClaimStatus, foldName } from "@/lib/domain/claims.ts";
import type { NormalizedValue } from "@/lib/domain/values.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";

/**
 * Keeping conflicts in step with claims and entities. Every mutation of a claim or an entity
 * calls one of the `sync…` functions in its own transaction, for just what it touched: the
 * subject + attribute groups (indexed lookup), the figures (for misattribution) and the
 * entities (for naming). `redetectInvestigation` does the same from scratch. Both go through
 * `reconcile`, so a conflict is found once, updated in place, and never duplicated:
 *
 * - an open conflict follows what detection finds (its claims, kind and summary);
 * - an open conflict that no longer holds is closed by detection itself, with `closedReason`;
 * - a conflict a person settled stays settled unless a new claim enters it: then it reopens,
 *   its decision is withdrawn (kept on record) and `reopenReason` says which claim came in;
 * - a conflict detection closed by itself reopens as soon as it holds again.
 */

export type Touched = {
  groups?: { subjectId: string; attribute: string }[];
  /** Figure keys (see figureKey) whose misattribution must be re-examined. */
  figures?: string[];
  /** Entities whose naming pairs must be re-examined. */
  entities?: string[];
};

const detectionClaimSelect = {
  id: true,
  articleId: true,
  subjectId: true,
  attribute: true,
  status: true,
  valueNorm: true,
  asOfStart: true,
  inCorrection: true,
} as const satisfies Prisma.ClaimSelect;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof detectionClaimSelect }>;

/** Folded names and aliases of canonical entities → entity id, to tell when two texts name one entity. */
type NameIndex = Map<string, string>;

export function toDetectionClaim(row: ClaimRow, names: NameIndex = new Map()): DetectionClaim {
  const value = row.valueNorm as unknown as NormalizedValue;
  return {
    id: row.id,
    articleId: row.articleId,
    subjectId: row.subjectId,
    attribute: row.attribute,
    status: row.status,
    value,
    asOf: row.asOfStart ? row.asOfStart.toISOString().slice(0, 10) : null,
    inCorrection: row.inCorrection,
    valueEntityId: value.kind === "text" || value.kind === "entity" ? (names.get(foldName(value.text)) ?? null) : null,
  };
}

const textsOf = (rows: ClaimRow[]) =>
  rows.flatMap((r) => {
    const v = r.valueNorm as unknown as NormalizedValue;
    return v.kind === "text" || v.kind === "entity" ? [v.text] : [];
  });

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
export function touchedByClaim(claim: { subjectId: string; attribute: string; valueNorm: unknown }): Required<Pick<Touched, "groups" | "figures">> {
  const figure = figureKey(claim.valueNorm as NormalizedValue);
  return { groups: [{ subjectId: claim.subjectId, attribute: claim.attribute }], figures: figure ? [figure] : [] };
}

export function mergeTouched(...all: Touched[]): Touched {
  return {
    groups: all.flatMap((t) => t.groups ?? []),
    figures: all.flatMap((t) => t.figures ?? []),
    entities: all.flatMap((t) => t.entities ?? []),
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
    where: { investigationId, valueKind: { in: ["text", "entity"] }, OR: wanted.map((n) => ({ valueText: { equals: n, mode: "insensitive" as const } })) },
    distinct: ["subjectId", "attribute"],
    select: { subjectId: true, attribute: true },
  });
  return { groups: rows };
}

const pointOf = (figure: string) => Number(figure.slice(figure.lastIndexOf(":") + 1));

/** Re-examines what a change touched, in the change's transaction. */
export async function syncConflicts(tx: Tx, ctx: AuditContext, investigationId: string, touched: Touched): Promise<void> {
  const scope = new Set<string>();
  const detected: DetectedConflict[] = [];

  const groups = new Map((touched.groups ?? []).map((g) => [groupKey(g.subjectId, g.attribute), g]));
  // Two changes to one group at once must not both create its conflict (nor miss each other's
  // claim): each waits for the other's transaction, in a fixed order so that none deadlock.
  // Changes run side by side otherwise, but not during a recomputation from scratch.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtextextended(${investigationId}, 0))`;
  const locks = [...groups.keys(), ...(touched.figures ?? []).map((f) => `misattribution:${f}`), ...(touched.entities?.length ? ["naming"] : [])];
  for (const key of [...new Set(locks)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${investigationId}:${key}`}, 0))`;
  }
  for (const [key, g] of groups) {
    scope.add(key);
    const rows = await tx.claim.findMany({
      where: { investigationId, subjectId: g.subjectId, attribute: g.attribute },
      select: detectionClaimSelect,
    });
    const names = await namesFor(tx, investigationId, textsOf(rows));
    detected.push(...detectGroupConflicts(rows.map((r) => toDetectionClaim(r, names))));
  }

  const figures = [...new Set(touched.figures ?? [])];
  if (figures.length) {
    for (const f of figures) scope.add(`misattribution:${f}`);
    const rows = await tx.claim.findMany({
      where: { investigationId, valuePoint: { in: figures.map(pointOf) } },
      select: detectionClaimSelect,
    });
    const wanted = new Set(figures);
    detected.push(...detectMisattributions(rows.map((r) => toDetectionClaim(r)).filter((c) => wanted.has(figureKey(c.value) ?? ""))));
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

  await reconcile(tx, ctx, investigationId, scope, detected);
}

async function canonicalEntities(tx: Tx, investigationId: string): Promise<NamedEntity[]> {
  const rows = await tx.entity.findMany({
    where: { investigationId, mergedIntoId: null },
    orderBy: { id: "asc" },
    select: { id: true, name: true, kind: true, aliases: { select: { name: true } } },
  });
  return rows.map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases.map((a) => a.name) }));
}

/** Everything detection finds in an investigation's current claims and entities (from scratch). */
export async function detectFromScratch(tx: Tx, investigationId: string): Promise<DetectedConflict[]> {
  const claims = await tx.claim.findMany({ where: { investigationId }, select: detectionClaimSelect });
  const entities = await canonicalEntities(tx, investigationId);
  const names: NameIndex = new Map();
  for (const e of entities) for (const name of [...e.aliases, e.name]) names.set(foldName(name), e.id);
  return detectAll(
    claims.map((c) => toDetectionClaim(c, names)),
    entities,
  );
}

export type RedetectReport = { found: number; opened: number; updated: number; reopened: number; closed: number };

/** Recomputes every detected conflict of an investigation (the `crosscheck detect` command). */
export async function redetectInvestigation(tx: Tx, ctx: AuditContext, investigationId: string): Promise<RedetectReport> {
  // Alone: claim changes wait for the recomputation, and it waits for them.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${investigationId}, 0))`;
  const detected = await detectFromScratch(tx, investigationId);
  const existing = await tx.conflict.findMany({
    where: { investigationId, detectionKey: { not: null } },
    select: { detectionKey: true },
  });
  const scope = new Set(existing.map((c) => c.detectionKey!));
  const report = await reconcile(tx, ctx, investigationId, scope, detected);
  return { found: detected.length, ...report };
}

/** `redetectInvestigation` in its own transaction, with room for a large investigation. */
export async function redetect(ctx: AuditContext, investigationId: string): Promise<RedetectReport> {
  return db().$transaction((tx) => redetectInvestigation(tx, ctx, investigationId), { timeout: 10 * 60_000, maxWait: 30_000 });
}

/** A claim's status changed by a conflict's decision (or its withdrawal), audited with the conflict named. */
export async function setClaimStatusIn(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  conflictId: string,
  claim: { id: string; status: ClaimStatus },
  change: { action: string; status: ClaimStatus; reason: string | null; supersededById?: string | null; note?: string },
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
    after: { status: change.status, conflictId, ...(change.supersededById && { supersededById: change.supersededById }), ...(change.note && { reason: change.note }) },
  });
}

/**
 * Withdraws a conflict's decision (it stays on record) and makes active again the claims it
 * rejected or superseded, so the disagreement is looked at afresh with every value in it.
 */
export async function withdrawDecision(tx: Tx, ctx: AuditContext, investigationId: string, conflictId: string) {
  const current = await tx.resolution.findMany({ where: { conflictId, withdrawnAt: null }, orderBy: { createdAt: "desc" }, select: { id: true, details: true } });
  await tx.resolution.updateMany({ where: { conflictId, withdrawnAt: null }, data: { withdrawnAt: new Date() } });
  const changed = current.flatMap((r) => (r.details as { changedClaimIds?: string[] } | null)?.changedClaimIds ?? []);
  const restored = await tx.claim.findMany({
    where: { id: { in: changed }, status: { in: ["rejected", "superseded"] } },
    select: { id: true, status: true, subjectId: true, attribute: true, valueNorm: true },
  });
  for (const claim of restored) {
    await setClaimStatusIn(tx, ctx, investigationId, conflictId, claim, { action: "claim.restore", status: "active", reason: null, note: "conflict reopened" });
  }
  return { resolutionId: current[0]?.id ?? null, restored };
}

const AUTO_CLOSED = "The disagreement no longer holds: its claims were edited, retracted, rejected or merged.";

async function reconcile(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  scope: Set<string>,
  detected: DetectedConflict[],
): Promise<Omit<RedetectReport, "found">> {
  const report = { opened: 0, updated: 0, reopened: 0, closed: 0 };
  /** Claims a withdrawn decision had set aside: active again, so their groups are looked at once more below. */
  const revived: { subjectId: string; attribute: string; valueNorm: unknown }[] = [];
  const found = new Map(detected.map((d) => [d.key, d]));
  const keys = [...new Set([...scope, ...found.keys()])];
  if (!keys.length) return report;
  const existing = await tx.conflict.findMany({
    where: { investigationId, detectionKey: { in: keys } },
    select: {
      id: true,
      kind: true,
      status: true,
      summary: true,
      detectionKey: true,
      closedReason: true,
      claims: { select: { claimId: true } },
      entities: { select: { entityId: true } },
    },
  });
  const byKey = new Map(existing.map((c) => [c.detectionKey!, c]));

  for (const d of found.values()) {
    const current = byKey.get(d.key);
    if (!current) {
      const created = await tx.conflict.create({
        data: {
          investigationId,
          kind: d.kind,
          detectionKey: d.key,
          summary: d.summary,
          suggestion: d.suggestion,
          claims: { create: d.claimIds.map((claimId) => ({ claimId })) },
          entities: { create: d.entityIds.map((entityId) => ({ entityId })) },
        },
        select: { id: true },
      });
      await audit(tx, ctx, { action: "conflict.detect", objectType: "Conflict", objectId: created.id, investigationId, after: d });
      report.opened++;
      continue;
    }
    const members = new Set(current.claims.map((c) => c.claimId));
    const sameMembers = members.size === d.claimIds.length && d.claimIds.every((id) => members.has(id));
    const entities = new Set(current.entities.map((e) => e.entityId));
    const sameEntities = entities.size === d.entityIds.length && d.entityIds.every((id) => entities.has(id));
    if (current.status === "open") {
      if (sameMembers && sameEntities && current.kind === d.kind && current.summary === d.summary) continue;
      await setMembers(tx, current.id, d);
      await tx.conflict.update({
        where: { id: current.id },
        data: { kind: d.kind, summary: d.summary, suggestion: d.suggestion, version: { increment: 1 } },
      });
      await audit(tx, ctx, {
        action: "conflict.update",
        objectType: "Conflict",
        objectId: current.id,
        investigationId,
        before: { kind: current.kind, claimIds: [...members].sort(), entityIds: [...entities].sort() },
        after: { kind: d.kind, claimIds: d.claimIds, entityIds: d.entityIds },
      });
      report.updated++;
      continue;
    }
    const entering = d.claimIds.filter((id) => !members.has(id));
    const closedByDetection = current.closedReason !== null;
    if (!closedByDetection && entering.length === 0) continue; // a person settled it; nothing new came in
    const reason = closedByDetection
      ? "The disagreement holds again after a change to its claims."
      : await enteringReason(tx, entering);
    await setMembers(tx, current.id, d);
    const { restored } = await withdrawDecision(tx, ctx, investigationId, current.id);
    revived.push(...restored);
    await tx.conflict.update({
      where: { id: current.id },
      data: {
        status: "open",
        kind: d.kind,
        summary: d.summary,
        suggestion: d.suggestion,
        reopenReason: closedByDetection ? null : reason,
        closedReason: null,
        settledAt: null,
        version: { increment: 1 },
      },
    });
    await audit(tx, ctx, {
      action: "conflict.reopen",
      objectType: "Conflict",
      objectId: current.id,
      investigationId,
      before: { status: current.status },
      after: { status: "open", reason, claimIds: d.claimIds },
    });
    report.reopened++;
  }

  for (const current of existing) {
    if (found.has(current.detectionKey!) || current.status !== "open") continue;
    await tx.conflict.update({
      where: { id: current.id },
      data: { status: "dismissed", closedReason: AUTO_CLOSED, settledAt: new Date(), version: { increment: 1 } },
    });
    await audit(tx, ctx, {
      action: "conflict.close",
      objectType: "Conflict",
      objectId: current.id,
      investigationId,
      before: { status: "open" },
      after: { status: "dismissed", reason: AUTO_CLOSED },
    });
    report.closed++;
  }
  if (revived.length) await syncConflicts(tx, ctx, investigationId, mergeTouched(...revived.map(touchedByClaim)));
  return report;
}

async function setMembers(tx: Tx, conflictId: string, d: DetectedConflict): Promise<void> {
  await tx.conflictClaim.deleteMany({ where: { conflictId, claimId: { notIn: d.claimIds } } });
  await tx.conflictClaim.createMany({ data: d.claimIds.map((claimId) => ({ conflictId, claimId })), skipDuplicates: true });
  await tx.conflictEntity.deleteMany({ where: { conflictId, entityId: { notIn: d.entityIds } } });
  await tx.conflictEntity.createMany({ data: d.entityIds.map((entityId) => ({ conflictId, entityId })), skipDuplicates: true });
}

async function enteringReason(tx: Tx, claimIds: string[]): Promise<string> {
  const claims = await tx.claim.findMany({
    where: { id: { in: claimIds } },
    select: { valueText: true, article: { select: { title: true } } },
  });
  const named = claims.map((c) => `“${c.valueText}” (${c.article.title})`).join(", ");
  return `A new claim entered after it was settled: ${named}.`;
}
