import "server-only";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { type EntityKind, foldName, type SubjectOption } from "@/lib/domain/claims.ts";
import { readValue } from "@/lib/domain/json-codecs.ts";
import { assertVersionedUpdate, audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { groupsNaming, mergeTouched, syncConflicts, type Touched, touchedByClaim } from "@/lib/server/detection.ts";

const entityDto = { id: true, name: true, kind: true, version: true, mergedIntoId: true, partOfId: true } as const;

export type EntitySummary = {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: { id: string; name: string }[];
  claimCount: number;
  /** The entity this one is part of, if any. */
  partOfId: string | null;
};

/** The investigation's canonical entities (merged ones live on in their target). */
export async function listEntities(investigationId: string): Promise<EntitySummary[]> {
  const rows = await db().entity.findMany({
    where: { investigationId, mergedIntoId: null },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      partOfId: true,
      aliases: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      _count: { select: { subjectOf: true } },
    },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, claimCount: _count.subjectOf }));
}

/** What the claim form's subject box searches: canonical names and their aliases. */
export async function subjectOptions(investigationId: string): Promise<SubjectOption[]> {
  const entities = await listEntities(investigationId);
  return entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases.map((a) => a.name) }));
}

/** The attributes used so far, most used first, for the claim form's attribute box. */
export async function attributeOptions(investigationId: string): Promise<{ key: string; label: string; count: number }[]> {
  const rows = await db().claim.groupBy({
    by: ["attribute", "attributeLabel"],
    where: { investigationId },
    _count: { _all: true },
  });
  const byKey = new Map<string, { key: string; label: string; count: number }>();
  for (const r of rows) {
    const seen = byKey.get(r.attribute);
    if (seen) seen.count += r._count._all;
    else byKey.set(r.attribute, { key: r.attribute, label: r.attributeLabel, count: r._count._all });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export async function createEntity(
  ctx: AuditContext,
  investigationId: string,
  input: { name: string; kind: EntityKind; aliases?: string[] },
): Promise<{ id: string; name: string; aliases: string[] }> {
  return db().$transaction(async (tx) => {
    const entity = await createEntityIn(tx, ctx, investigationId, input, { deferSync: true });
    const aliases = await addAliasesIn(tx, ctx, investigationId, entity.id, input.name, input.aliases ?? []);
    await syncConflicts(
      tx,
      ctx,
      investigationId,
      mergeTouched({ entities: [entity.id] }, await groupsNaming(tx, investigationId, aliases)),
    );
    return { id: entity.id, name: entity.name, aliases };
  });
}

/**
 * A new entity's other names, each audited as an alias added by hand: those that are not its own
 * name again and name no other entity (a name taken since it was proposed is left to its owner).
 */
async function addAliasesIn(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  entityId: string,
  name: string,
  aliases: string[],
): Promise<string[]> {
  const added: string[] = [];
  const seen = new Set([foldName(name)]);
  for (const alias of aliases) {
    const folded = foldName(alias);
    if (!folded || seen.has(folded) || (await findByName(tx, investigationId, alias))) continue;
    seen.add(folded);
    const row = await tx.entityAlias.create({
      data: { investigationId, entityId, name: alias, folded },
      select: { id: true, name: true, entityId: true },
    });
    await audit(tx, ctx, { action: "entity.alias.add", objectType: "Entity", objectId: entityId, investigationId, after: row });
    added.push(row.name);
  }
  return added;
}

/**
 * Inside a transaction (a claim's new subject is created with the claim). With `deferSync` the
 * caller re-examines naming itself, together with what else it changed (one sync, locks in order).
 */
export async function createEntityIn(
  tx: Tx,
  ctx: AuditContext,
  investigationId: string,
  input: { name: string; kind: EntityKind },
  options: { deferSync?: boolean } = {},
): Promise<{ id: string; name: string; kind: EntityKind }> {
  const existing = await findByName(tx, investigationId, input.name);
  if (existing) {
    throw new ExpectedError("duplicate", `“${existing.name}” already exists; choose it instead of creating another.`, {
      newSubjectName: [`“${existing.name}” already exists.`],
    });
  }
  const entity = await tx.entity.create({
    data: { investigationId, name: input.name, folded: foldName(input.name), kind: input.kind, createdById: ctx.actorId },
    select: entityDto,
  });
  await audit(tx, ctx, { action: "entity.create", objectType: "Entity", objectId: entity.id, investigationId, after: entity });
  if (!options.deferSync) await syncConflicts(tx, ctx, investigationId, { entities: [entity.id] });
  return entity;
}

/**
 * A canonical entity whose name or alias is this name, folded. By the folded-name index: the
 * only other rows read are entities older than the folded column with names beyond plain ASCII,
 * folded here as they always were.
 */
async function findByName(tx: Tx, investigationId: string, name: string) {
  const folded = foldName(name);
  const candidates = await tx.entity.findMany({
    where: { investigationId, mergedIntoId: null, OR: [{ folded }, { folded: null }] },
    select: { id: true, name: true, folded: true },
    orderBy: { id: "asc" },
  });
  const byName = candidates.find((c) => (c.folded ?? foldName(c.name)) === folded);
  if (byName) return { id: byName.id, name: byName.name };
  const alias = await tx.entityAlias.findFirst({
    where: { investigationId, folded, entity: { mergedIntoId: null } },
    select: { entity: { select: { id: true, name: true } } },
  });
  return alias?.entity ?? null;
}

async function requireEntity(tx: Tx, investigationId: string, id: string) {
  const entity = await tx.entity.findFirst({ where: { id, investigationId }, select: entityDto });
  if (!entity) throw new ExpectedError("not_found", "That entity no longer exists.");
  return entity;
}

export async function addAlias(
  ctx: AuditContext,
  input: { investigationId: string; entityId: string; name: string },
): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const entity = await requireEntity(tx, input.investigationId, input.entityId);
    if (entity.mergedIntoId) throw new ExpectedError("stale", "This entity was merged into another; add the alias there.");
    const folded = foldName(input.name);
    if (folded === foldName(entity.name)) {
      throw new ExpectedError("duplicate", "That is already the entity's name.", { name: ["That is the entity's own name."] });
    }
    const other = await findByName(tx, input.investigationId, input.name);
    if (other) {
      const message = other.id === entity.id ? "This entity already has that alias." : `“${input.name}” already names ${other.name}.`;
      throw new ExpectedError("duplicate", message, { name: [message] });
    }
    const alias = await tx.entityAlias.create({
      data: { investigationId: input.investigationId, entityId: entity.id, name: input.name, folded },
      select: { id: true, name: true, entityId: true },
    });
    await audit(tx, ctx, {
      action: "entity.alias.add",
      objectType: "Entity",
      objectId: entity.id,
      investigationId: input.investigationId,
      after: alias,
    });
    await syncConflicts(
      tx,
      ctx,
      input.investigationId,
      mergeTouched({ entities: [entity.id] }, await groupsNaming(tx, input.investigationId, [alias.name])),
    );
    return { id: alias.id };
  });
}

export async function removeAlias(ctx: AuditContext, input: { investigationId: string; aliasId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const alias = await tx.entityAlias.findFirst({
      where: { id: input.aliasId, investigationId: input.investigationId },
      select: { id: true, name: true, entityId: true },
    });
    if (!alias) throw new ExpectedError("not_found", "That alias was already removed.");
    await tx.entityAlias.delete({ where: { id: alias.id } });
    await audit(tx, ctx, {
      action: "entity.alias.remove",
      objectType: "Entity",
      objectId: alias.entityId,
      investigationId: input.investigationId,
      before: alias,
    });
    await syncConflicts(
      tx,
      ctx,
      input.investigationId,
      mergeTouched({ entities: [alias.entityId] }, await groupsNaming(tx, input.investigationId, [alias.name])),
    );
  });
}

/**
 * Merges `source` into `target`: its claims and aliases move, its name becomes an alias of the
 * target, and what moved is recorded so that `undoMerge` can put everything back.
 */
export async function mergeEntities(
  ctx: AuditContext,
  input: { investigationId: string; sourceId: string; targetId: string },
): Promise<{ mergeId: string }> {
  return db().$transaction((tx) => mergeEntitiesIn(tx, ctx, input));
}

/** Inside a transaction (a naming conflict resolved as a merge merges in its own). */
export async function mergeEntitiesIn(
  tx: Tx,
  ctx: AuditContext,
  input: { investigationId: string; sourceId: string; targetId: string },
): Promise<{ mergeId: string }> {
  {
    const source = await requireEntity(tx, input.investigationId, input.sourceId);
    const target = await requireEntity(tx, input.investigationId, input.targetId);
    if (source.mergedIntoId || target.mergedIntoId) {
      throw new ExpectedError("stale", "One of these entities was already merged; reload to see where it went.");
    }
    if (source.id === target.id) throw new ExpectedError("invalid_input", "An entity cannot be merged into itself.");
    const [inner, outer] = (await chainAbove(tx, input.investigationId, target.id)).includes(source.id)
      ? [target, source]
      : (await chainAbove(tx, input.investigationId, source.id)).includes(target.id)
        ? [source, target]
        : [];
    if (inner && outer) {
      throw new ExpectedError(
        "invalid_input",
        `“${inner.name}” is part of “${outer.name}”, so they cannot be one entity. If they are, first clear what “${inner.name}” is part of.`,
      );
    }
    const claims = await tx.claim.findMany({
      where: { subjectId: source.id },
      select: { id: true, subjectId: true, attribute: true, valueNorm: true },
    });
    const targetAliases = new Set(
      (await tx.entityAlias.findMany({ where: { entityId: target.id }, select: { folded: true } })).map((a) => a.folded),
    );
    const movable = (await tx.entityAlias.findMany({ where: { entityId: source.id }, select: { id: true, folded: true } })).filter(
      (a) => !targetAliases.has(a.folded) && a.folded !== foldName(target.name),
    );
    await tx.claim.updateMany({
      where: { id: { in: claims.map((c) => c.id) } },
      data: { subjectId: target.id, version: { increment: 1 } },
    });
    await tx.entityAlias.updateMany({ where: { id: { in: movable.map((a) => a.id) } }, data: { entityId: target.id } });
    const sourceFolded = foldName(source.name);
    const added =
      targetAliases.has(sourceFolded) || sourceFolded === foldName(target.name)
        ? null
        : await tx.entityAlias.create({
            data: { investigationId: input.investigationId, entityId: target.id, name: source.name, folded: sourceFolded },
            select: { id: true },
          });
    // What was inside the source is inside the target; a target placed nowhere takes the source's place.
    const parts = await tx.entity.findMany({
      where: { investigationId: input.investigationId, partOfId: source.id },
      select: { id: true },
    });
    await tx.entity.updateMany({
      where: { id: { in: parts.map((p) => p.id) } },
      data: { partOfId: target.id, version: { increment: 1 } },
    });
    const addedPartOfId = source.partOfId && !target.partOfId ? source.partOfId : null;
    if (addedPartOfId) await tx.entity.update({ where: { id: target.id }, data: { partOfId: addedPartOfId, version: { increment: 1 } } });
    const { count } = await tx.entity.updateMany({
      where: { id: source.id, version: source.version, mergedIntoId: null },
      data: { mergedIntoId: target.id, version: { increment: 1 } },
    });
    await assertVersionedUpdate(tx, count, { type: "Entity", id: source.id, label: "entity" });
    const merge = await tx.entityMerge.create({
      data: {
        investigationId: input.investigationId,
        sourceId: source.id,
        targetId: target.id,
        movedClaimIds: claims.map((c) => c.id),
        movedAliasIds: movable.map((a) => a.id),
        addedAliasId: added?.id ?? null,
        movedPartIds: parts.map((p) => p.id),
        addedPartOfId,
        mergedById: ctx.actorId,
      },
      select: { id: true, movedClaimIds: true, movedAliasIds: true, addedAliasId: true, movedPartIds: true, addedPartOfId: true },
    });
    await audit(tx, ctx, {
      action: "entity.merge",
      objectType: "Entity",
      objectId: source.id,
      investigationId: input.investigationId,
      before: source,
      after: { mergedInto: { id: target.id, name: target.name }, ...merge },
    });
    const names = await namesOf(tx, await partOfFamily(tx, input.investigationId, [source.id, target.id]));
    await syncConflicts(
      tx,
      ctx,
      input.investigationId,
      mergeTouched(movedTouched(claims, source.id, target.id), await groupsNaming(tx, input.investigationId, names)),
    );
    return { mergeId: merge.id };
  }
}

/** Every name and alias of these entities. */
async function namesOf(tx: Tx, entityIds: string[]): Promise<string[]> {
  const [entities, aliases] = await Promise.all([
    tx.entity.findMany({ where: { id: { in: entityIds } }, select: { name: true } }),
    tx.entityAlias.findMany({ where: { entityId: { in: entityIds } }, select: { name: true } }),
  ]);
  return [...entities, ...aliases].map((e) => e.name);
}

/** Claims moving between two subjects touch their groups under both, and their figures. */
function movedTouched(claims: { attribute: string; valueNorm: unknown }[], fromId: string, toId: string): Touched {
  return mergeTouched(
    { entities: [fromId, toId] },
    ...claims.flatMap((c) => [touchedByClaim({ ...c, subjectId: fromId }), touchedByClaim({ ...c, subjectId: toId })]),
  );
}

export async function undoMerge(ctx: AuditContext, input: { investigationId: string; mergeId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const merge = await tx.entityMerge.findFirst({ where: { id: input.mergeId, investigationId: input.investigationId } });
    if (!merge) throw new ExpectedError("not_found", "That merge no longer exists.");
    if (merge.undoneAt) throw new ExpectedError("stale", "This merge was already undone.");
    const source = await requireEntity(tx, input.investigationId, merge.sourceId);
    if (source.mergedIntoId !== merge.targetId) {
      throw new ExpectedError("stale", "The entity has changed since this merge; it cannot be undone automatically.");
    }
    // Claims made on the target since the merge stay there; only what moved goes back.
    const moving = await tx.claim.findMany({
      where: { id: { in: merge.movedClaimIds }, subjectId: merge.targetId },
      select: { attribute: true, valueNorm: true },
    });
    await tx.claim.updateMany({
      where: { id: { in: merge.movedClaimIds }, subjectId: merge.targetId },
      data: { subjectId: source.id, version: { increment: 1 } },
    });
    await tx.entityAlias.updateMany({
      where: { id: { in: merge.movedAliasIds }, entityId: merge.targetId },
      data: { entityId: source.id },
    });
    if (merge.addedAliasId) await tx.entityAlias.deleteMany({ where: { id: merge.addedAliasId } });
    // What was inside the source goes back, unless placed since so that it would now contain it.
    const aboveSource = new Set(await chainAbove(tx, input.investigationId, source.id));
    await tx.entity.updateMany({
      where: { id: { in: (merge.movedPartIds ?? []).filter((id) => !aboveSource.has(id)) }, partOfId: merge.targetId },
      data: { partOfId: source.id, version: { increment: 1 } },
    });
    if (merge.addedPartOfId) {
      await tx.entity.updateMany({
        where: { id: merge.targetId, partOfId: merge.addedPartOfId },
        data: { partOfId: null, version: { increment: 1 } },
      });
    }
    await tx.entity.update({ where: { id: source.id }, data: { mergedIntoId: null, version: { increment: 1 } } });
    const undone = await tx.entityMerge.updateMany({
      where: { id: merge.id, undoneAt: null },
      data: { undoneAt: new Date(), undoneById: ctx.actorId },
    });
    if (undone.count === 0) throw new ExpectedError("stale", "This merge was already undone.");
    await audit(tx, ctx, {
      action: "entity.unmerge",
      objectType: "Entity",
      objectId: source.id,
      investigationId: input.investigationId,
      before: { mergedIntoId: merge.targetId },
      after: { mergedIntoId: null, mergeId: merge.id },
    });
    const names = await namesOf(tx, await partOfFamily(tx, input.investigationId, [source.id, merge.targetId]));
    await syncConflicts(
      tx,
      ctx,
      input.investigationId,
      mergeTouched(movedTouched(moving, merge.targetId, source.id), await groupsNaming(tx, input.investigationId, names)),
    );
  });
}

/**
 * Says that an entity is part of another (a town in its county, a level of a car park), or
 * nothing (`partOfId: null`). Values naming the part and the whole are then granularity, not a
 * contradiction, so the groups holding either's names are examined again. Never a cycle.
 */
export async function setPartOf(
  ctx: AuditContext,
  input: { investigationId: string; entityId: string; partOfId: string | null; version?: number },
): Promise<void> {
  await db().$transaction(async (tx) => {
    const entity = await requireEntity(tx, input.investigationId, input.entityId);
    if (entity.mergedIntoId) throw new ExpectedError("stale", "This entity was merged into another; say what that one is part of.");
    const whole = input.partOfId ? await requireEntity(tx, input.investigationId, input.partOfId) : null;
    if (whole?.mergedIntoId) throw new ExpectedError("stale", `“${whole.name}” was merged into another entity; choose that one.`);
    if (whole?.id === entity.id) {
      throw new ExpectedError("invalid_input", "An entity cannot be part of itself.", { partOfId: ["Choose another entity."] });
    }
    const wholeChain = whole ? await chainAbove(tx, input.investigationId, whole.id) : [];
    if (whole && wholeChain.includes(entity.id)) {
      const message = `“${whole.name}” is itself part of “${entity.name}”, so “${entity.name}” cannot be inside it.`;
      throw new ExpectedError("invalid_input", message, { partOfId: [message] });
    }
    if ((whole?.id ?? null) === entity.partOfId) return;
    const { count } = await tx.entity.updateMany({
      where: { id: entity.id, version: input.version ?? entity.version },
      data: { partOfId: whole?.id ?? null, version: { increment: 1 } },
    });
    await assertVersionedUpdate(tx, count, { type: "Entity", id: entity.id, label: "entity" });
    const before = entity.partOfId
      ? await tx.entity.findUnique({ where: { id: entity.partOfId }, select: { id: true, name: true } })
      : null;
    await audit(tx, ctx, {
      action: "entity.partOf",
      objectType: "Entity",
      objectId: entity.id,
      investigationId: input.investigationId,
      before: { partOf: before },
      after: { partOf: whole && { id: whole.id, name: whole.name } },
    });
    // A value naming the entity, anything inside it, or anything above it (before or after) may now read otherwise.
    const reached = [
      ...(await partOfFamily(tx, input.investigationId, [entity.id])),
      ...(before ? [before.id, ...(await chainAbove(tx, input.investigationId, before.id))] : []),
    ];
    const names = await namesOf(tx, reached);
    await syncConflicts(tx, ctx, input.investigationId, await groupsNaming(tx, input.investigationId, names));
  });
}

/** These entities with everything above and inside them: whose values a change of part-of may read otherwise. */
async function partOfFamily(tx: Tx, investigationId: string, entityIds: string[]): Promise<string[]> {
  const all = new Set(entityIds);
  for (const id of entityIds) {
    for (const other of await chainAbove(tx, investigationId, id)) all.add(other);
    for (const other of await chainBelow(tx, investigationId, id)) all.add(other);
  }
  return [...all];
}

/** Bounds a walk along part-of links (which are never cycles: this only guards against a bad row). */
const PART_OF_DEPTH = 64;

/** The entities this one is part of, nearest first, transitively. */
async function chainAbove(tx: Tx, investigationId: string, entityId: string): Promise<string[]> {
  const chain: string[] = [];
  let at: string | null = entityId;
  while (at && chain.length < PART_OF_DEPTH) {
    const row: { partOfId: string | null } | null = await tx.entity.findFirst({
      where: { id: at, investigationId },
      select: { partOfId: true },
    });
    at = row?.partOfId ?? null;
    if (!at || chain.includes(at) || at === entityId) break;
    chain.push(at);
  }
  return chain;
}

/** Every entity inside this one, transitively. */
async function chainBelow(tx: Tx, investigationId: string, entityId: string): Promise<string[]> {
  const found = new Set<string>();
  let frontier = [entityId];
  for (let depth = 0; frontier.length && depth < PART_OF_DEPTH; depth++) {
    const rows = await tx.entity.findMany({ where: { investigationId, partOfId: { in: frontier } }, select: { id: true } });
    frontier = rows.map((r) => r.id).filter((id) => id !== entityId && !found.has(id));
    for (const id of frontier) found.add(id);
  }
  return [...found];
}

/** An entity with everything said about it, for its page. */
/** An entity with its names, merges and the claims about it (each value read through its codec). */
export async function getEntity(investigationId: string, id: string) {
  const entity = await db().entity.findFirst({
    where: { id, investigationId },
    select: {
      id: true,
      name: true,
      kind: true,
      version: true,
      mergedInto: { select: { id: true, name: true } },
      partOf: { select: { id: true, name: true } },
      parts: { where: { mergedIntoId: null }, select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } },
      aliases: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      mergedAway: {
        where: { undoneAt: null },
        select: { id: true, target: { select: { id: true, name: true } } },
      },
      mergedIn: {
        where: { undoneAt: null },
        select: { id: true, createdAt: true, source: { select: { id: true, name: true } } },
        orderBy: { createdAt: "desc" },
      },
      subjectOf: {
        orderBy: [{ attribute: "asc" }, { asOfStart: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          attribute: true,
          attributeLabel: true,
          valueKind: true,
          valueText: true,
          valueNorm: true,
          asOfText: true,
          asOfStart: true,
          status: true,
          subjectText: true,
          quoteExact: true,
          article: { select: { id: true, title: true, outlet: true, publishedAt: true } },
        },
      },
    },
  });
  return entity && { ...entity, subjectOf: entity.subjectOf.map((c) => ({ ...c, valueNorm: readValue(c.valueNorm) })) };
}

export async function entityHistory(investigationId: string, entityId: string) {
  return db().auditEvent.findMany({
    where: { investigationId, objectType: "Entity", objectId: entityId },
    orderBy: { id: "desc" },
    take: 50,
    select: { id: true, action: true, createdAt: true, after: true, before: true, actor: { select: { name: true } } },
  });
}

/** Every entity of an investigation with its folded aliases (for loaders that match names). */
export async function entitiesWithAliases(investigationId: string) {
  return db().entity.findMany({
    where: { investigationId },
    select: { id: true, name: true, mergedIntoId: true, partOfId: true, aliases: { select: { folded: true } } },
  });
}
