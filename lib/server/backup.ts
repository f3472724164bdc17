import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { slugSchema } from "@/lib/domain/inputs.ts";
import { audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";

/**
 * One investigation in one JSON file, and back: articles, entities, aliases, merges, claims,
 * conflicts, decisions, comments and the audit trail, with the accounts they name (by email).
 * The file carries a checksum of its content, so a damaged or hand-edited file is refused
 * before anything is written; a restore is one transaction, so it lands whole or not at all.
 */
export const BACKUP_FORMAT = "crosscheck.backup/v1";

/** Tables in the order they are restored (each only points at tables before it, or at itself). */
const TABLES = [
  "articles",
  "entities",
  "aliases",
  "claims",
  "merges",
  "conflicts",
  "conflictClaims",
  "conflictEntities",
  "resolutions",
  "comments",
  "audit",
] as const;
type Table = (typeof TABLES)[number];

const row = z.record(z.string(), z.unknown());
const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT, { error: `Not a Crosscheck backup (expected "format": "${BACKUP_FORMAT}").` }),
    createdAt: z.string(),
    checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, "The checksum is missing or malformed."),
    investigation: row,
    users: z.array(z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(["analyst", "reviewer", "admin"]) })),
    ...Object.fromEntries(TABLES.map((t) => [t, z.array(row)])),
  })
  .strict();

export type Backup = { format: string; createdAt: string; checksum: string; investigation: Record<string, unknown>; users: BackupUser[] } & Record<Table, Record<string, unknown>[]>;
type BackupUser = { id: string; email: string; name: string; role: "analyst" | "reviewer" | "admin" };

/** The checksum covers everything but itself and the time of the backup, in a canonical form. */
function checksumOf(backup: Omit<Backup, "checksum" | "createdAt"> & { checksum?: string; createdAt?: string }): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  const { format, investigation, users } = backup;
  const tables = Object.fromEntries(TABLES.map((t) => [t, backup[t]]));
  const content = JSON.stringify(canonical({ format, investigation, users, ...tables }));
  return `sha256:${createHash("sha256").update(content).digest("hex")}`;
}

/** Dates become ISO strings and the audit trail's big integers plain strings: JSON-safe, and read back by `revive`. */
const plain = <T>(rows: T[]) =>
  JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Record<string, unknown>[];

export async function backupInvestigation(investigationId: string, now = new Date()): Promise<Backup> {
  const investigation = await db().investigation.findUnique({ where: { id: investigationId } });
  if (!investigation) throw new ExpectedError("not_found", "No such investigation.");
  const where = { investigationId };
  const [articles, entities, aliases, claims, merges, conflicts, resolutions, comments, auditRows] = await Promise.all([
    db().article.findMany({ where, orderBy: { id: "asc" } }),
    db().entity.findMany({ where, orderBy: { id: "asc" } }),
    db().entityAlias.findMany({ where, orderBy: { id: "asc" } }),
    db().claim.findMany({ where, orderBy: { id: "asc" } }),
    db().entityMerge.findMany({ where, orderBy: { id: "asc" } }),
    db().conflict.findMany({ where, orderBy: { id: "asc" } }),
    db().resolution.findMany({ where: { conflict: where }, orderBy: { id: "asc" } }),
    db().comment.findMany({ where, orderBy: { id: "asc" } }),
    db().auditEvent.findMany({ where, orderBy: { id: "asc" } }),
  ]);
  const conflictIds = conflicts.map((c) => c.id);
  const [conflictClaims, conflictEntities] = await Promise.all([
    db().conflictClaim.findMany({ where: { conflictId: { in: conflictIds } }, orderBy: [{ conflictId: "asc" }, { claimId: "asc" }] }),
    db().conflictEntity.findMany({ where: { conflictId: { in: conflictIds } }, orderBy: [{ conflictId: "asc" }, { entityId: "asc" }] }),
  ]);
  // Claims point at entities, and entities at themselves (merges): restore needs a safe order.
  const userIds = new Set<string>();
  const note = (id: unknown) => typeof id === "string" && userIds.add(id);
  note(investigation.createdById);
  articles.forEach((a) => note(a.importedById));
  entities.forEach((e) => note(e.createdById));
  claims.forEach((c) => note(c.createdById));
  merges.forEach((m) => (note(m.mergedById), note(m.undoneById)));
  conflicts.forEach((c) => note(c.createdById));
  resolutions.forEach((r) => note(r.decidedById));
  comments.forEach((c) => note(c.authorId));
  auditRows.forEach((e) => note(e.actorId));
  const users = await db().user.findMany({
    where: { id: { in: [...userIds] } },
    orderBy: { id: "asc" },
    select: { id: true, email: true, name: true, role: true },
  });
  const content = {
    format: BACKUP_FORMAT,
    investigation: plain([investigation])[0]!,
    users,
    articles: plain(articles),
    entities: plain(entities),
    aliases: plain(aliases),
    claims: plain(claims),
    merges: plain(merges),
    conflicts: plain(conflicts),
    conflictClaims: plain(conflictClaims),
    conflictEntities: plain(conflictEntities),
    resolutions: plain(resolutions),
    comments: plain(comments),
    // The trail's own numbering is the target database's: events are restored in order, numbered afresh.
    audit: plain(auditRows).map((event) => Object.fromEntries(Object.entries(event).filter(([k]) => k !== "id"))),
  };
  return { ...content, createdAt: now.toISOString(), checksum: checksumOf(content) } as Backup;
}

/** Reads a backup file's text, refusing anything damaged, edited or not a backup, with the reason. */
export function readBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ExpectedError("invalid_input", `The file is not valid JSON (${(error as Error).message}); it may be truncated or damaged. Nothing was restored.`);
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new ExpectedError("invalid_input", `The file is not a Crosscheck backup this version can read — ${first.join("; ")}. Nothing was restored.`);
  }
  const backup = parsed.data as unknown as Backup;
  if (checksumOf(backup) !== backup.checksum) {
    throw new ExpectedError(
      "invalid_input",
      "The file's content does not match its checksum: it was changed or damaged after it was written. Nothing was restored.",
    );
  }
  return backup;
}

const DATE_FIELDS = new Set(["createdAt", "updatedAt", "archivedAt", "publishedAt", "asOfStart", "asOfEnd", "addedAt", "settledAt", "withdrawnAt", "undoneAt", "editedAt", "deletedAt"]);

const JSON_FIELDS = new Set(["valueNorm", "details", "before", "after"]);

/** Back to what the database takes: ISO strings in date fields become dates; an empty JSON field is left out (NULL). */
function revive(rows: Record<string, unknown>[]) {
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r)
        .filter(([k, v]) => !(v === null && JSON_FIELDS.has(k)))
        .map(([k, v]) => [k, DATE_FIELDS.has(k) && typeof v === "string" ? new Date(v) : v]),
    ),
  );
}

/** Every occurrence of an old id (a whole string, an object key, or a segment of a detection key) replaced. */
function remapIds<T>(value: T, ids: Map<string, string>): T {
  const one = (s: string) => ids.get(s) ?? (s.includes(":") ? s.split(":").map((p) => ids.get(p) ?? p).join(":") : s);
  const walk = (v: unknown): unknown =>
    typeof v === "string"
      ? one(v)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === "object" && !(v instanceof Date)
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [ids.get(k) ?? k, walk(x)]))
          : v;
  return walk(value) as T;
}

export type RestoreReport = { investigationId: string; slug: string; counts: Record<Table, number>; usersCreated: string[] };

/**
 * Loads a backup: as it was (the slug must be free), or as a copy under a new slug (every id made
 * new). Accounts are matched by email; one that does not exist here is created disabled (it keeps
 * its name in the record, and an admin can enable it). Everything in one transaction.
 */
export async function restoreInvestigation(ctx: AuditContext, backup: Backup, options: { slug?: string } = {}): Promise<RestoreReport> {
  const slug = options.slug ?? String(backup.investigation.slug);
  const slugCheck = slugSchema.safeParse(slug);
  if (!slugCheck.success) throw new ExpectedError("invalid_input", `“${slug}” cannot be a slug: ${slugCheck.error.issues[0]?.message}`);
  return db().$transaction(
    async (tx) => {
      if (await tx.investigation.findUnique({ where: { slug }, select: { id: true } })) {
        throw new ExpectedError("duplicate", `An investigation with the slug “${slug}” already exists. Restore under another slug with --slug.`);
      }
      const ids = new Map<string, string>();
      if (options.slug) {
        const fresh = (rows: Record<string, unknown>[]) => rows.forEach((r) => typeof r.id === "string" && ids.set(r.id, randomUUID()));
        fresh([backup.investigation]);
        for (const t of TABLES) if (t !== "audit") fresh(backup[t]);
      }
      const usersCreated = await matchUsers(tx, backup.users, ids);
      const data = remapIds({ ...backup, investigation: { ...backup.investigation, slug } as Record<string, unknown> }, ids);
      await tx.investigation.create({ data: revive([data.investigation])[0] as never });
      // Entities point at the entity they were merged into: create them unmerged, then set it.
      const entities = revive(data.entities);
      await tx.entity.createMany({ data: entities.map((e) => ({ ...e, mergedIntoId: null })) as never });
      for (const e of entities.filter((x) => x.mergedIntoId)) {
        await tx.entity.update({ where: { id: String(e.id) }, data: { mergedIntoId: String(e.mergedIntoId) } });
      }
      await tx.article.createMany({ data: revive(data.articles) as never });
      await tx.entityAlias.createMany({ data: revive(data.aliases) as never });
      // Claims point at the claim that superseded them: the same two steps.
      const claims = revive(data.claims);
      await tx.claim.createMany({ data: claims.map((c) => ({ ...c, supersededById: null })) as never });
      for (const c of claims.filter((x) => x.supersededById)) {
        await tx.claim.update({ where: { id: String(c.id) }, data: { supersededById: String(c.supersededById) } });
      }
      await tx.entityMerge.createMany({ data: revive(data.merges) as never });
      // A naming conflict's key holds its two entity ids in sorted order; new ids may sort otherwise.
      const conflicts = revive(data.conflicts).map((c) =>
        typeof c.detectionKey === "string" && c.detectionKey.startsWith("naming:")
          ? { ...c, detectionKey: `naming:${c.detectionKey.slice(7).split(":").sort().join(":")}` }
          : c,
      );
      await tx.conflict.createMany({ data: conflicts as never });
      await tx.conflictClaim.createMany({ data: revive(data.conflictClaims) as never });
      await tx.conflictEntity.createMany({ data: revive(data.conflictEntities) as never });
      await tx.resolution.createMany({ data: revive(data.resolutions) as never });
      await tx.comment.createMany({ data: revive(data.comments) as never });
      await tx.auditEvent.createMany({ data: revive(data.audit) as never });
      const investigationId = String(data.investigation.id);
      const counts = Object.fromEntries(TABLES.map((t) => [t, backup[t].length])) as Record<Table, number>;
      // Recorded outside the investigation's own trail, so its fact sheet's time stamp (its last change) stays the same.
      await audit(tx, ctx, {
        action: "investigation.restore",
        objectType: "Investigation",
        objectId: investigationId,
        after: { slug, from: backup.investigation.slug, backupCreatedAt: backup.createdAt, counts, usersCreated },
      });
      return { investigationId, slug, counts, usersCreated };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

async function matchUsers(tx: Tx, users: BackupUser[], ids: Map<string, string>): Promise<string[]> {
  const created: string[] = [];
  for (const u of users) {
    const existing = await tx.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (existing) {
      if (existing.id !== u.id) ids.set(u.id, existing.id);
      continue;
    }
    const taken = await tx.user.findUnique({ where: { id: u.id }, select: { id: true } });
    const id = taken ? randomUUID() : u.id;
    if (taken) ids.set(u.id, id);
    await tx.user.create({ data: { id, email: u.email, name: u.name, role: u.role, disabled: true } });
    created.push(u.email);
  }
  return created;
}
