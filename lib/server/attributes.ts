import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import {
  type AttributeMove,
  type ConflictCounts,
  conflictKeyMoves,
  describeMove,
  mergedSetting,
  valueKindClash,
} from "@/lib/domain/attribute-moves.ts";
import type { AttributeSetting } from "@/lib/domain/attribute-sense.ts";
import { attributeKey, preferredLabel } from "@/lib/domain/claims.ts";
import { groupKey, groupKeys } from "@/lib/domain/conflicts.ts";
import { readAttributeSetting } from "@/lib/domain/json-codecs.ts";
import type { ValueKind } from "@/lib/domain/values.ts";
import { audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { syncConflicts, trackedConflicts } from "@/lib/server/detection.ts";
import { sqlJson } from "@/lib/server/sql-values.ts";

/**
 * Saying how an attribute behaves (one value or several, fixed or changing or a running tally,
 * lists complete or partial) where detection's inference is wrong. A null field goes back to
 * what detection infers. Every group of claims under the attribute is examined again in the
 * same transaction, so its conflicts follow at once; the change is audited.
 */
export async function setAttributeSense(
  ctx: AuditContext,
  input: { investigationId: string; key: string } & AttributeSetting,
): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { investigationId: input.investigationId, attribute: input.key },
      orderBy: { createdAt: "asc" },
      select: { attributeLabel: true },
    });
    if (!claim) throw new ExpectedError("not_found", "No claim uses that attribute any more.");
    const existing = await tx.attribute.findUnique({
      where: { investigationId_key: { investigationId: input.investigationId, key: input.key } },
    });
    const before = existing ? readAttributeSetting(existing) : { cardinality: null, change: null, lists: null };
    const after: AttributeSetting = { cardinality: input.cardinality, change: input.change, lists: input.lists };
    if (before.cardinality === after.cardinality && before.change === after.change && before.lists === after.lists) {
      return { changed: false };
    }
    const saved = await tx.attribute.upsert({
      where: { investigationId_key: { investigationId: input.investigationId, key: input.key } },
      create: { investigationId: input.investigationId, key: input.key, label: claim.attributeLabel, ...after, updatedById: ctx.actorId },
      update: { ...after, updatedById: ctx.actorId, version: { increment: 1 } },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "attribute.update",
      objectType: "Attribute",
      objectId: saved.id,
      investigationId: input.investigationId,
      before: { key: input.key, ...before },
      after: { key: input.key, ...after },
    });
    const groups = await tx.claim.findMany({
      where: { investigationId: input.investigationId, attribute: input.key },
      distinct: ["subjectId"],
      select: { subjectId: true, attribute: true },
    });
    await syncConflicts(tx, ctx, input.investigationId, { groups });
    return { changed: true };
  });
}

/** An attribute in use, as the attributes page lists it. */
export type AttributeSummary = {
  key: string;
  /** The label most of its claims carry. */
  label: string;
  /** Other ways its claims write it ("valuation" beside "Valuation"). */
  otherLabels: string[];
  claims: number;
  subjects: number;
  kinds: ValueKind[];
  openConflicts: number;
  setting: AttributeSetting | null;
};

/** The investigation's attributes in use, most used first, with what the page shows of each. */
export async function listAttributes(investigationId: string): Promise<AttributeSummary[]> {
  const rows = await db().$queryRaw<
    {
      key: string;
      claims: number;
      subjects: number;
      labels: unknown;
      kinds: unknown;
      openConflicts: number;
      settingId: string | null;
      cardinality: string | null;
      change: string | null;
      lists: string | null;
    }[]
  >`
    WITH labels AS (
      SELECT "attribute", "attributeLabel" AS label, count(*)::int AS n
      FROM "Claim" WHERE "investigationId" = ${investigationId} GROUP BY 1, 2
    ), open AS (
      SELECT x."attribute", count(DISTINCT k."id")::int AS n
      FROM "Conflict" k JOIN "ConflictClaim" m ON m."conflictId" = k."id" JOIN "Claim" x ON x."id" = m."claimId"
      WHERE k."investigationId" = ${investigationId} AND k."status" = 'open' GROUP BY 1
    )
    SELECT c."attribute" AS "key", count(*)::int AS "claims", count(DISTINCT c."subjectId")::int AS "subjects",
      (SELECT json_agg(json_build_object('label', l.label, 'n', l.n)) FROM labels l WHERE l."attribute" = c."attribute") AS "labels",
      json_agg(DISTINCT c."valueKind"::text) AS "kinds",
      coalesce((SELECT o.n FROM open o WHERE o."attribute" = c."attribute"), 0)::int AS "openConflicts",
      s."id" AS "settingId", s."cardinality", s."change", s."lists"
    FROM "Claim" c LEFT JOIN "Attribute" s ON s."investigationId" = c."investigationId" AND s."key" = c."attribute"
    WHERE c."investigationId" = ${investigationId}
    GROUP BY c."attribute", s."id"`;
  return rows
    .map((r) => {
      const labels = sqlJson<{ label: string; n: number }[]>(r.labels).flatMap((l) => Array<string>(l.n).fill(l.label));
      const label = preferredLabel(labels);
      const setting = r.settingId ? readAttributeSetting(r) : null;
      return {
        key: r.key,
        label,
        otherLabels: [...new Set(labels)].filter((l) => l !== label).sort(),
        claims: Number(r.claims),
        subjects: Number(r.subjects),
        kinds: sqlJson<ValueKind[]>(r.kinds).sort(),
        openConflicts: Number(r.openConflicts),
        // A row with nothing set (left by a rename) says no more than no row.
        setting: setting && (setting.cardinality || setting.change || setting.lists) ? setting : null,
      };
    })
    .sort((a, b) => b.claims - a.claims || a.label.localeCompare(b.label));
}

/** An attribute's claims as a rename or merge moves them. */
type InUse = {
  key: string;
  label: string;
  claims: { id: string; subjectId: string; attributeLabel: string; valueKind: ValueKind }[];
  row: { id: string; label: string; setting: AttributeSetting } | null;
};

async function attributeInUse(tx: Tx, investigationId: string, key: string, field: string): Promise<InUse> {
  const claims = await tx.claim.findMany({
    where: { investigationId, attribute: key },
    orderBy: { id: "asc" },
    select: { id: true, subjectId: true, attributeLabel: true, valueKind: true },
  });
  if (!claims.length) {
    throw new ExpectedError("not_found", "No claim uses that attribute any more; reload to see the attributes in use.", {
      [field]: ["No claim uses it any more."],
    });
  }
  const row = await tx.attribute.findUnique({
    where: { investigationId_key: { investigationId, key } },
    select: { id: true, label: true, cardinality: true, change: true, lists: true },
  });
  return {
    key,
    label: preferredLabel(claims.map((c) => c.attributeLabel)),
    claims,
    row: row && { id: row.id, label: row.label, setting: readAttributeSetting(row) },
  };
}

/** What a rename or merge did (the attribute's label before, the label its claims have now), and that in words. */
export type AttributeMoveResult = AttributeMove & { summary: string };

const NO_CONFLICT_CHANGE: ConflictCounts = { opened: 0, reopened: 0, closed: 0, updated: 0 };

/** Alone, as a recomputation from scratch is: no claim can join either attribute while its claims move. */
async function lockInvestigation(tx: Tx, investigationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${investigationId}, 0))`;
}

/** Long enough for an attribute used across many subjects; the investigation waits meanwhile. */
const MOVE_TRANSACTION = { timeout: 10 * 60_000, maxWait: 30_000 };

/**
 * Renames an attribute: every claim under it takes the new label (and the key it folds to), and
 * its conflicts their new keys, so detection carries on from them. A name another attribute
 * already has is refused (that is a merge, and says so). A new spelling of the same key
 * ("Valuation" for "valuation") only relabels the claims.
 */
export async function renameAttribute(
  ctx: AuditContext,
  input: { investigationId: string; key: string; label: string },
): Promise<AttributeMoveResult> {
  return db().$transaction(async (tx) => {
    await lockInvestigation(tx, input.investigationId);
    const from = await attributeInUse(tx, input.investigationId, input.key, "label");
    const intoKey = attributeKey(input.label);
    if (!intoKey)
      throw new ExpectedError("invalid_input", "Use letters or digits in the name.", { label: ["Use letters or digits in the name."] });
    if (intoKey !== from.key) {
      const taken = await tx.claim.count({ where: { investigationId: input.investigationId, attribute: intoKey } });
      if (taken) {
        const message = `“${input.label}” is already an attribute (${taken} claim${taken === 1 ? "" : "s"}). To put these claims under it, use “Merge into…”.`;
        throw new ExpectedError("duplicate", message, { label: [message] });
      }
    }
    if (intoKey === from.key && from.claims.every((c) => c.attributeLabel === input.label)) {
      const unchanged = { changed: false, from: from.label, to: input.label, claims: 0, conflicts: NO_CONFLICT_CHANGE };
      return { ...unchanged, summary: describeMove("rename", unchanged) };
    }
    // What was set on an attribute of the new name that no claim uses any more was about other claims.
    const stale =
      intoKey === from.key
        ? null
        : await tx.attribute.findUnique({
            where: { investigationId_key: { investigationId: input.investigationId, key: intoKey } },
            select: { id: true, cardinality: true, change: true, lists: true },
          });
    if (stale) await tx.attribute.delete({ where: { id: stale.id } });
    const setting = from.row?.setting ?? { cardinality: null, change: null, lists: null };
    return moveClaims(tx, ctx, input.investigationId, "attribute.rename", from, {
      key: intoKey,
      label: input.label,
      setting,
      claims: 0,
      ...(stale && { dropped: readAttributeSetting(stale) }),
    });
  }, MOVE_TRANSACTION);
}

/**
 * Merges one attribute into another: the claims of `key` become claims of `intoKey` (with its
 * label), so each subject's claims under the two are compared as one group. Refused when no
 * value of one could be compared with a value of the other, or when people set the two to
 * behave differently. Settled decisions stay settled where their claims stay apart (see
 * `conflictKeyMoves`); conflicts that no longer hold are closed by detection.
 */
export async function mergeAttributes(
  ctx: AuditContext,
  input: { investigationId: string; key: string; intoKey: string },
): Promise<AttributeMoveResult> {
  if (input.key === input.intoKey) {
    throw new ExpectedError("invalid_input", "Choose another attribute to merge into.", { intoKey: ["Choose another attribute."] });
  }
  return db().$transaction(async (tx) => {
    await lockInvestigation(tx, input.investigationId);
    const from = await attributeInUse(tx, input.investigationId, input.key, "key");
    const into = await attributeInUse(tx, input.investigationId, input.intoKey, "intoKey");
    const clash = valueKindClash(
      { label: from.label, kinds: from.claims.map((c) => c.valueKind) },
      { label: into.label, kinds: into.claims.map((c) => c.valueKind) },
    );
    if (clash) throw new ExpectedError("invalid_input", clash, { intoKey: [clash] });
    const merged = mergedSetting(
      { label: from.label, setting: from.row?.setting ?? null },
      { label: into.label, setting: into.row?.setting ?? null },
    );
    if (!merged.ok) throw new ExpectedError("invalid_input", merged.message, { intoKey: [merged.message] });
    return moveClaims(tx, ctx, input.investigationId, "attribute.merge", from, {
      key: into.key,
      label: into.label,
      setting: merged.setting,
      claims: into.claims.length,
    });
  }, MOVE_TRANSACTION);
}

/**
 * Moves every claim of `from` under `to` (key and label), with the conflicts of the groups they
 * leave, and examines again, in this transaction, each subject's groups under both names. Writes
 * an audit event per claim and per conflict re-keyed, and one for the attribute with the counts.
 */
async function moveClaims(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  action: "attribute.rename" | "attribute.merge",
  from: InUse,
  to: {
    key: string;
    label: string;
    setting: AttributeSetting;
    claims: number;
    /** A setting left on the new name by claims long gone, removed (recorded in the audit event). */
    dropped?: AttributeSetting;
  },
): Promise<AttributeMoveResult> {
  const subjects = [...new Set(from.claims.map((c) => c.subjectId))].sort();
  const groups = [
    ...subjects.map((subjectId) => ({ subjectId, attribute: from.key })),
    ...(to.key === from.key ? [] : subjects.map((subjectId) => ({ subjectId, attribute: to.key }))),
  ];
  const keys = groups.flatMap((g) => groupKeys(g.subjectId, g.attribute));
  const onRecord = await trackedConflicts(tx, investigationId, keys);
  const moves = conflictKeyMoves(onRecord, from.key, to.key, subjects);
  if (moves.length) {
    // Through keys no detection writes, so that two conflicts can swap theirs under the unique index.
    const ids = moves.map((m) => m.id);
    await tx.$executeRaw`UPDATE "Conflict" SET "detectionKey" = 'moving:' || "id" WHERE "investigationId" = ${investigationId} AND "id" = ANY(${ids}::text[])`;
    await tx.$executeRaw`
      UPDATE "Conflict" c SET "detectionKey" = m.key, "version" = c."version" + 1, "updatedAt" = ${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'
      FROM unnest(${ids}::text[], ${moves.map((m) => m.to)}::text[]) AS m(id, key)
      WHERE c."id" = m.id AND c."investigationId" = ${investigationId}`;
    await tx.auditEvent.createMany({
      data: moves.map((m) => ({
        investigationId,
        actorId: ctx.actorId,
        requestId: ctx.requestId,
        action,
        objectType: "Conflict",
        objectId: m.id,
        before: { detectionKey: m.from },
        after: { detectionKey: m.to },
      })),
    });
  }
  // The groups' stored detection states describe claims that are moving: rebuilt when next needed.
  await tx.groupDetection.deleteMany({
    where: { investigationId, groupKey: { in: groups.map((g) => groupKey(g.subjectId, g.attribute)) } },
  });

  const moving = from.claims.filter((c) => to.key !== from.key || c.attributeLabel !== to.label);
  await tx.claim.updateMany({
    where: { investigationId, id: { in: moving.map((c) => c.id) }, attribute: from.key },
    data: { attribute: to.key, attributeLabel: to.label, version: { increment: 1 } },
  });
  await tx.auditEvent.createMany({
    data: moving.map((c) => ({
      investigationId,
      actorId: ctx.actorId,
      requestId: ctx.requestId,
      action,
      objectType: "Claim",
      objectId: c.id,
      before: { attribute: from.key, attributeLabel: c.attributeLabel },
      after: { attribute: to.key, attributeLabel: to.label },
    })),
  });

  // The attribute's row (its label and what is set on it) follows its claims; the merged one's goes.
  const renamed = action === "attribute.rename" && from.row;
  const saved = renamed
    ? await tx.attribute.update({
        where: { id: from.row!.id },
        data: { key: to.key, label: to.label, updatedById: ctx.actorId, version: { increment: 1 } },
        select: { id: true },
      })
    : await tx.attribute.upsert({
        where: { investigationId_key: { investigationId, key: to.key } },
        create: { investigationId, key: to.key, label: to.label, ...to.setting, updatedById: ctx.actorId },
        update: { label: to.label, ...to.setting, updatedById: ctx.actorId, version: { increment: 1 } },
        select: { id: true },
      });
  if (!renamed && from.row && to.key !== from.key) await tx.attribute.delete({ where: { id: from.row.id } });

  const before = new Map(onRecord.map((c) => [c.id, c.status]));
  const changes = await syncConflicts(tx, ctx, investigationId, { groups });
  const conflicts = { ...NO_CONFLICT_CHANGE };
  for (const change of changes) {
    const was = before.get(change.id);
    if (was === undefined) conflicts.opened++;
    else if (change.status === "open" && was !== "open") conflicts.reopened++;
    else if (change.status !== "open" && was === "open") conflicts.closed++;
    else conflicts.updated++;
  }
  await audit(tx, ctx, {
    action,
    objectType: "Attribute",
    objectId: saved.id,
    investigationId,
    before: {
      key: from.key,
      label: from.label,
      claims: from.claims.length,
      setting: from.row?.setting ?? null,
      ...(action === "attribute.merge" && { into: { key: to.key, label: to.label, claims: to.claims } }),
    },
    after: {
      key: to.key,
      label: to.label,
      setting: to.setting,
      claimsMoved: moving.length,
      conflictsRekeyed: moves.length,
      conflicts,
      ...(to.dropped && { droppedSetting: to.dropped }),
    },
  });
  const move = { changed: true, from: from.label, to: to.label, claims: moving.length, conflicts };
  return { ...move, summary: describeMove(action === "attribute.merge" ? "merge" : "rename", move) };
}
