import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { Debug } from "@prisma/client/runtime/client";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { type ConflictKind, currentDetectionKey } from "@/lib/domain/conflicts.ts";
import { foldName } from "@/lib/domain/claims.ts";
import { slugSchema } from "@/lib/domain/inputs.ts";
import { audit, type AuditContext, type Tx } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { insertMembership } from "@/lib/server/memberships.ts";

/**
 * One investigation in one JSON file, and back: articles, entities, aliases, merges, claims,
 * attribute settings, conflicts, decisions, comments and the audit trail, with the accounts they
 * name (by email).
 *
 * Both ways stream, so an investigation of hundreds of 2 MB articles never sits in memory whole:
 * the file is written one row per line, in batches read from the database, and a restore reads it
 * line by line twice — first to check it (its layout, every row, and the checksum of its content,
 * so a damaged or hand-edited file is refused before anything is written), then to load it in one
 * transaction, so it lands whole or not at all. The load writes a few hundred rows (or about 1 MB)
 * at a time and keeps only what it must: the map of old ids to new ones.
 */
export const BACKUP_FORMAT = "crosscheck.backup/v1";

/** Tables in the order they are restored (each points only at tables before it, or at itself). */
const TABLES = [
  "articles",
  "entities",
  "aliases",
  "claims",
  "attributes",
  "merges",
  "conflicts",
  "conflictClaims",
  "conflictEntities",
  "resolutions",
  "comments",
  // Suggestions turned down (issue 14): restored, they are still not proposed again.
  "rejections",
  // Who works on it, in which role (issue 15), matched to accounts by email like every other user.
  "memberships",
  "audit",
] as const;
type Table = (typeof TABLES)[number];
/** Tables added to the layout after files were first written: a file from before may lack their list. */
const ADDED_LATER: ReadonlySet<Table> = new Set(["attributes", "rejections", "memberships"]);
type Row = Record<string, unknown>;
type BackupUser = { id: string; email: string; name: string; role: "analyst" | "reviewer" | "admin" };

/** Rows read from the database per query: few for articles (their bodies), more for the rest. */
const BATCH: Partial<Record<Table, number>> = { articles: 4 };
const DEFAULT_BATCH = 500;

/**
 * Rows written per insert when restoring, and the most characters of the file one insert carries
 * (past it the insert goes at once, so a 2 MB article goes alone).
 */
const RESTORE_BATCH = { rows: 200, chars: 1024 * 1024 };
/**
 * Prisma keeps the arguments of its last 100 debug calls, whether or not DEBUG is set, for its
 * error reports: one history in the client (query plans, rows and all) and one in each driver
 * adapter (the queries' parameters). Left alone they would hold the last batches of a restore, up
 * to a hundred 2 MB articles. The client's is pushed out after every insert by calls of its own
 * Debug; the adapter's, out of reach, by a hundred empty queries once this much has been written.
 */
const FORGET = { calls: 100, afterRows: 2000, afterChars: 8 * 1024 * 1024 };
const forgetfulDebug = Debug("crosscheck:restore");

const USER_FIELDS = [
  "createdById",
  "importedById",
  "mergedById",
  "undoneById",
  "decidedById",
  "authorId",
  "actorId",
  "updatedById",
  "rejectedById",
  "userId",
  "addedById",
];

/** Dates become ISO strings and the audit trail's big integers plain strings. */
const plain = (row: unknown): Row => JSON.parse(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Row;

export type BackupReport = { path: string; bytes: number; counts: Record<Table, number> };

export async function writeBackup(
  investigationId: string,
  path: string,
  options: { now?: Date; onProgress?: (table: Table, rows: number) => void } = {},
): Promise<BackupReport> {
  const investigation = await db().investigation.findUnique({ where: { id: investigationId } });
  if (!investigation) throw new ExpectedError("not_found", "No such investigation.");
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  const hash = createHash("sha256");
  let bytes = 0;
  const line = async (text: string, hashed = true) => {
    const data = `${text}\n`;
    if (hashed) hash.update(data);
    bytes += Buffer.byteLength(data);
    if (!out.write(data)) await Promise.race([once(out, "drain"), failed]);
  };
  const users = new Set<string>();
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<Table, number>;
  try {
    await line(`{"format":${JSON.stringify(BACKUP_FORMAT)},`);
    await line(`"createdAt":${JSON.stringify((options.now ?? new Date()).toISOString())},`, false);
    await line(`"investigation":${JSON.stringify(plain(investigation))},`);
    if (investigation.createdById) users.add(investigation.createdById);
    for (const table of TABLES) {
      await line(`${JSON.stringify(table)}:[`);
      for await (const row of rowsOf(table, investigationId)) {
        for (const field of USER_FIELDS) if (typeof row[field] === "string") users.add(row[field] as string);
        await line(`${counts[table] === 0 ? "" : ","}${JSON.stringify(row)}`);
        counts[table]++;
      }
      await line("],");
      options.onProgress?.(table, counts[table]);
    }
    const accounts = await db().user.findMany({
      where: { id: { in: [...users] } },
      orderBy: { id: "asc" },
      select: { id: true, email: true, name: true, role: true },
    });
    await line(`"users":${JSON.stringify(accounts)},`);
    await line(`"checksum":${JSON.stringify(`sha256:${hash.digest("hex")}`)}}`, false);
    out.end();
    await Promise.race([once(out, "finish"), failed]);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return { path, bytes, counts };
}

/** A table's rows, in id order, read in batches (keyset pagination: no offset scans). */
async function* rowsOf(table: Table, investigationId: string): AsyncGenerator<Row> {
  const take = BATCH[table] ?? DEFAULT_BATCH;
  const where = { investigationId };
  if (table === "conflictClaims" || table === "conflictEntities") {
    // Join rows have no id of their own: read them by conflict, one batch of conflicts at a time.
    let after: string | undefined;
    for (;;) {
      const conflicts = await db().conflict.findMany({
        where: { ...where, ...(after && { id: { gt: after } }) },
        orderBy: { id: "asc" },
        take,
        select: { id: true },
      });
      if (!conflicts.length) return;
      const ids = conflicts.map((c) => c.id);
      const rows =
        table === "conflictClaims"
          ? await db().conflictClaim.findMany({ where: { conflictId: { in: ids } }, orderBy: [{ conflictId: "asc" }, { claimId: "asc" }] })
          : await db().conflictEntity.findMany({
              where: { conflictId: { in: ids } },
              orderBy: [{ conflictId: "asc" }, { entityId: "asc" }],
            });
      for (const r of rows) yield plain(r);
      after = ids.at(-1);
    }
  }
  let after: string | bigint | undefined;
  for (;;) {
    const page = { orderBy: { id: "asc" as const }, take };
    const rows: { id: string | bigint }[] = await (() => {
      switch (table) {
        case "articles":
          // Lengths are generated by the database from the body: not written, not restored.
          return db().article.findMany({
            where: { ...where, ...(after !== undefined && { id: { gt: after as string } }) },
            omit: { bodyUnits: true, bodyChars: true },
            ...page,
          });
        case "entities":
          // The folded name is derived from the name: not written, made again on restore.
          return db().entity.findMany({
            where: { ...where, ...(after !== undefined && { id: { gt: after as string } }) },
            omit: { folded: true },
            ...page,
          });
        case "aliases":
          return db().entityAlias.findMany({ where: { ...where, ...(after !== undefined && { id: { gt: after as string } }) }, ...page });
        case "claims":
          return db().claim.findMany({ where: { ...where, ...(after !== undefined && { id: { gt: after as string } }) }, ...page });
        case "attributes":
          return db().attribute.findMany({ where: { ...where, ...(after !== undefined && { id: { gt: after as string } }) }, ...page });
        case "merges":
          return db().entityMerge.findMany({ where: { ...where, ...(after !== undefined && { id: { gt: after as string } }) }, ...page });
        case "conflicts":
          return db().conflict.findMany({ where: { ...where, ...(after !== undefined && { id: { gt: after as string } }) }, ...page });
        case "resolutions":
          return db().resolution.findMany({
            where: { conflict: where, ...(after !== undefined && { id: { gt: after as string } }) },
            ...page,
          });
        case "comments":
          return db().comment.findMany({ where: { ...where, ...(after !== undefined && { id: { gt: after as string } }) }, ...page });
        case "rejections":
          return db().proposalRejection.findMany({
            where: { ...where, ...(after !== undefined && { id: { gt: after as string } }) },
            ...page,
          });
        case "memberships":
          return db().membership.findMany({ where: { ...where, ...(after !== undefined && { id: { gt: after as string } }) }, ...page });
        default:
          return db().auditEvent.findMany({ where: { ...where, ...(after !== undefined && { id: { gt: after as bigint } }) }, ...page });
      }
    })();
    if (!rows.length) return;
    for (const r of rows) {
      const row = plain(r);
      // The trail's numbering belongs to the database it is in: restored events are numbered afresh, in order.
      if (table === "audit") delete row.id;
      yield row;
    }
    after = rows.at(-1)!.id;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

type BackupEvent =
  | { type: "investigation"; row: Row }
  | { type: "row"; table: Table; row: Row; chars: number }
  | { type: "end"; users: BackupUser[]; createdAt: string };

const refuse = (message: string): never => {
  throw new ExpectedError("invalid_input", `${message} Nothing was restored.`);
};

/**
 * The lines of a file (without their "\n" or "\r\n"), read a chunk at a time as they are asked
 * for. Not readline's iterator: it reads ahead up to a thousand lines whatever their size, so a
 * restore waiting on the database would hold most of a file of 2 MB articles.
 */
async function* linesOf(path: string): AsyncGenerator<string> {
  const input = createReadStream(path, { encoding: "utf8" });
  const line = (parts: string[]) => {
    const text = parts.length === 1 ? parts[0]! : parts.join("");
    return text.endsWith("\r") ? text.slice(0, -1) : text;
  };
  let parts: string[] = [];
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      let start = 0;
      for (let end = chunk.indexOf("\n"); end !== -1; end = chunk.indexOf("\n", start)) {
        parts.push(chunk.slice(start, end));
        const text = line(parts);
        parts = [];
        start = end + 1;
        yield text;
      }
      if (start < chunk.length) parts.push(chunk.slice(start));
    }
    if (parts.length) yield line(parts);
  } finally {
    input.destroy();
  }
}

/**
 * The events of a backup file, in order, checking as it goes that the file has exactly the layout
 * Crosscheck writes and, at the end, that its content matches its checksum.
 */
async function* readBackupFile(path: string): AsyncGenerator<BackupEvent> {
  const lines = linesOf(path);
  const hash = createHash("sha256");
  let n = 0;
  let createdAt = "";
  let users: BackupUser[] | null = null;
  let table = 0;
  let inTable = false;
  let rows = 0;
  const parse = (text: string, what: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return refuse(`Line ${n} (${what}) is not valid JSON: the file is damaged or was edited.`);
    }
  };
  const field = (text: string, name: string) => {
    const prefix = `"${name}":`;
    if (!text.startsWith(prefix) || !text.endsWith(","))
      refuse(`Line ${n} should hold "${name}": the file is not in the layout Crosscheck writes, or was edited.`);
    return parse(text.slice(prefix.length, -1), name);
  };
  try {
    for await (const text of lines) {
      n++;
      if (n === 1) {
        if (text !== `{"format":${JSON.stringify(BACKUP_FORMAT)},`)
          refuse(`Not a Crosscheck backup (it should start with "format": "${BACKUP_FORMAT}").`);
        hash.update(text).update("\n");
        continue;
      }
      if (n === 2) {
        const value = field(text, "createdAt");
        if (typeof value !== "string") refuse("The backup's date is missing.");
        createdAt = value as string;
        continue;
      }
      if (text.startsWith('"checksum":')) {
        if (!users || table !== TABLES.length || inTable) refuse(`The file ends early (line ${n}): it is truncated or damaged.`);
        const checksum = parse(text.slice('"checksum":'.length, -1), "checksum");
        if (!text.endsWith("}") || checksum !== `sha256:${hash.digest("hex")}`) {
          refuse("The file's content does not match its checksum: it was changed or damaged after it was written.");
        }
        yield { type: "end", users: users!, createdAt };
        return;
      }
      // In two parts: joined, a 2 MB line would be copied once more.
      hash.update(text).update("\n");
      if (n === 3) {
        const row = field(text, "investigation");
        if (!row || typeof row !== "object" || typeof (row as Row).id !== "string" || typeof (row as Row).slug !== "string")
          refuse("The investigation in the file is malformed.");
        yield { type: "investigation", row: row as Row };
      } else if (!inTable && table < TABLES.length) {
        const expected = TABLES[table]!;
        const opens = (t: Table | undefined) => text === `${JSON.stringify(t)}:[`;
        // A file written before a table was added has no list for it: go on to the next one, if that is what comes.
        while (ADDED_LATER.has(TABLES[table]!) && !opens(TABLES[table]) && table + 1 < TABLES.length) table++;
        if (!opens(TABLES[table]))
          refuse(`Line ${n} should open the "${expected}" list: the file is not in the layout Crosscheck writes, or was edited.`);
        inTable = true;
        rows = 0;
      } else if (inTable && text === "],") {
        inTable = false;
        table++;
      } else if (inTable) {
        const body = rows === 0 ? text : text.startsWith(",") ? text.slice(1) : refuse(`Line ${n}: rows must be separated by commas.`);
        const row = parse(body as string, `a row of "${TABLES[table]}"`);
        if (!row || typeof row !== "object" || Array.isArray(row)) refuse(`Line ${n}: a row of "${TABLES[table]}" must be an object.`);
        rows++;
        yield { type: "row", table: TABLES[table]!, row: row as Row, chars: text.length };
      } else {
        const list = field(text, "users");
        const valid =
          Array.isArray(list) &&
          list.every(
            (u) =>
              u &&
              typeof u.id === "string" &&
              typeof u.email === "string" &&
              typeof u.name === "string" &&
              ["analyst", "reviewer", "admin"].includes(u.role),
          );
        if (!valid) refuse("The accounts in the file are malformed.");
        users = list as BackupUser[];
      }
    }
  } finally {
    await lines.return(undefined);
  }
  refuse(n === 0 ? "The file is empty." : `The file ends early (after line ${n}): it is truncated or damaged.`);
}

export type BackupSummary = {
  slug: string;
  title: string;
  createdAt: string;
  counts: Record<Table, number>;
  ids: Set<string>;
  users: BackupUser[];
};

/** The first reading: checks the whole file (layout, rows, checksum) and gathers what the second needs. */
export async function checkBackup(path: string): Promise<BackupSummary> {
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<Table, number>;
  const ids = new Set<string>();
  let investigation: Row | null = null;
  try {
    for await (const event of readBackupFile(path)) {
      if (event.type === "investigation") {
        investigation = event.row;
        ids.add(String(event.row.id));
      } else if (event.type === "row") {
        counts[event.table]++;
        if (typeof event.row.id === "string") ids.add(event.row.id);
      } else {
        return {
          slug: String(investigation!.slug),
          title: String(investigation!.title ?? ""),
          createdAt: event.createdAt,
          counts,
          ids,
          users: event.users,
        };
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") refuse(`There is no file ${path}.`);
    throw error;
  }
  return refuse("The file ends early: it is truncated or damaged.");
}

// ---------------------------------------------------------------------------------------------
// Restoring

const DATE_FIELDS = new Set([
  "createdAt",
  "updatedAt",
  "archivedAt",
  "publishedAt",
  "asOfStart",
  "asOfEnd",
  "addedAt",
  "settledAt",
  "withdrawnAt",
  "undoneAt",
  "editedAt",
  "deletedAt",
]);
const JSON_FIELDS = new Set(["valueNorm", "details", "before", "after"]);

/** Back to what the database takes: ISO strings in date fields become dates; an empty JSON field is left out (NULL). */
function revive(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([k, v]) => !(v === null && JSON_FIELDS.has(k)))
      .map(([k, v]) => [k, DATE_FIELDS.has(k) && typeof v === "string" ? new Date(v) : v]),
  );
}

/** Every occurrence of an old id (a whole string, an object key, or a segment of a detection key) replaced. */
function remapIds<T>(value: T, ids: Map<string, string>): T {
  if (ids.size === 0) return value;
  const one = (s: string) =>
    ids.get(s) ??
    (s.includes(":")
      ? s
          .split(":")
          .map((p) => ids.get(p) ?? p)
          .join(":")
      : s);
  const walk = (v: unknown): unknown =>
    typeof v === "string"
      ? one(v)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [ids.get(k) ?? k, walk(x)]))
          : v;
  return walk(value) as T;
}

export type RestoreReport = { investigationId: string; slug: string; counts: Record<Table, number>; usersCreated: string[] };
/** Rows of `table` written so far, of `total` in the file: reported after each insert. */
export type RestoreProgress = { table: Table; done: number; total: number };

/**
 * Loads a backup file: as it was (the slug must be free), or as a copy under a new slug (every id
 * made new). Accounts are matched by email; one this database lacks is created disabled (it keeps
 * its name on the record, and an admin can enable it). The file is checked whole first; the load
 * is one transaction, written in batches of `batchRows` rows (200) or about 1 MB of the file,
 * whichever comes first, so memory stays flat however large the file: the database holds the rows.
 * `leadId` becomes the restored investigation's lead (without it, it has no members until an
 * admin joins it).
 */
export async function restoreBackup(
  ctx: AuditContext,
  path: string,
  options: { slug?: string; onProgress?: (progress: RestoreProgress) => void; batchRows?: number; leadId?: string } = {},
): Promise<RestoreReport> {
  const summary = await checkBackup(path);
  const batchRows = Math.max(1, options.batchRows ?? RESTORE_BATCH.rows);
  const slug = options.slug ?? summary.slug;
  const slugCheck = slugSchema.safeParse(slug);
  if (!slugCheck.success) throw new ExpectedError("invalid_input", `“${slug}” cannot be a slug: ${slugCheck.error.issues[0]?.message}`);
  const report = await db().$transaction(
    async (tx) => {
      if (await tx.investigation.findUnique({ where: { slug }, select: { id: true } })) {
        throw new ExpectedError(
          "duplicate",
          `An investigation with the slug “${slug}” already exists. Restore under another slug with --slug.`,
        );
      }
      const ids = new Map<string, string>();
      if (options.slug) for (const id of summary.ids) ids.set(id, newCopyId());
      summary.ids.clear();
      const usersCreated = await matchUsers(tx, summary.users, ids);
      let investigationId = "";
      const pending: Row[] = [];
      let pendingChars = 0;
      let done = 0;
      const unforgotten = { rows: 0, chars: 0 };
      const later: { field: "mergedIntoId" | "partOfId" | "supersededById"; id: string; ref: string; updatedAt?: Date }[] = [];
      let current: Table | null = null;
      const forget = async () => {
        for (let i = 0; i < FORGET.calls; i++) await tx.$queryRaw`SELECT 1`;
        unforgotten.rows = unforgotten.chars = 0;
      };
      const flush = async () => {
        if (!current || !pending.length) return;
        const rows = pending.length;
        await insertRows(tx, current, pending.splice(0));
        for (let i = 0; i < FORGET.calls; i++) forgetfulDebug("inserted");
        done += rows;
        unforgotten.rows += rows;
        unforgotten.chars += pendingChars;
        pendingChars = 0;
        if (unforgotten.rows >= FORGET.afterRows || unforgotten.chars >= FORGET.afterChars) await forget();
        options.onProgress?.({ table: current, done, total: summary.counts[current] });
      };
      const finishTable = async () => {
        await flush();
        // Entities point at the entity they were merged into or are part of, claims at the claim that superseded them: set once all
        // exist, with the time of the row's last change as it was (left out, Prisma would make it now).
        for (const { field, id, ref, updatedAt } of later.splice(0)) {
          if (field === "supersededById") await tx.claim.update({ where: { id }, data: { supersededById: ref, updatedAt } });
          else await tx.entity.update({ where: { id }, data: { [field]: ref, updatedAt } });
        }
      };
      for await (const event of readBackupFile(path)) {
        if (event.type === "investigation") {
          const row = revive(remapIds({ ...event.row, slug }, ids));
          investigationId = String(row.id);
          await tx.investigation.create({ data: row as never });
          continue;
        }
        if (event.type === "end") break;
        if (event.table !== current) {
          await finishTable();
          current = event.table;
          done = 0;
        }
        let row = revive(remapIds(event.row, ids));
        if (current === "entities" && (row.mergedIntoId || row.partOfId)) {
          for (const field of ["mergedIntoId", "partOfId"] as const) {
            if (row[field])
              later.push({ field, id: String(row.id), ref: String(row[field]), updatedAt: row.updatedAt as Date | undefined });
          }
          row = { ...row, mergedIntoId: null, ...(row.partOfId ? { partOfId: null } : {}) };
        } else if (current === "claims" && row.supersededById) {
          later.push({
            field: "supersededById",
            id: String(row.id),
            ref: String(row.supersededById),
            updatedAt: row.updatedAt as Date | undefined,
          });
          row = { ...row, supersededById: null };
        } else if (current === "conflicts") {
          if (typeof row.detectionKey === "string" && row.detectionKey.startsWith("naming:")) {
            // A naming conflict's key holds its two entity ids in sorted order; new ids may sort otherwise.
            row = { ...row, detectionKey: `naming:${row.detectionKey.slice(7).split(":").sort().join(":")}` };
          }
          if (typeof row.detectionKey === "string" && typeof row.kind === "string") {
            row = { ...row, detectionKey: currentDetectionKey(row.detectionKey, row.kind as ConflictKind) };
          }
          if (row.closedBy === undefined && row.status !== "open") {
            // Backups from before closedBy: detection alone wrote closedReason.
            row = { ...row, closedBy: row.closedReason ? "detection" : "person" };
          }
        }
        pending.push(row);
        pendingChars += event.chars;
        if (pending.length >= batchRows || pendingChars >= RESTORE_BATCH.chars) await flush();
      }
      await finishTable();
      if (unforgotten.rows) await forget();
      // Recorded outside the investigation's own trail, so its fact sheet's time stamp (its last change) stays the same.
      await audit(tx, ctx, {
        action: "investigation.restore",
        objectType: "Investigation",
        objectId: investigationId,
        after: { slug, from: summary.slug, backupCreatedAt: summary.createdAt, counts: summary.counts, usersCreated },
      });
      // Nobody sees an investigation without a membership: the account restoring it leads it (a
      // member already, by the backup's memberships, it becomes lead).
      if (options.leadId) {
        const member = await tx.membership.findUnique({
          where: { investigationId_userId: { investigationId, userId: options.leadId } },
          select: { role: true },
        });
        if (!member) await insertMembership(tx, ctx, { investigationId, userId: options.leadId, role: "lead" });
        else if (member.role !== "lead") {
          await tx.membership.update({
            where: { investigationId_userId: { investigationId, userId: options.leadId } },
            data: { role: "lead" },
          });
          await audit(tx, ctx, {
            action: "member.update",
            objectType: "Membership",
            objectId: options.leadId,
            investigationId,
            before: { role: member.role },
            after: { role: "lead" },
          });
        }
      }
      return { investigationId, slug, counts: summary.counts, usersCreated };
    },
    { timeout: 30 * 60_000, maxWait: 30_000 },
  );
  // Tens of thousands of rows arrived at once: the tables saves read get fresh statistics now, not
  // a minute later from autovacuum, or the first saves read a group through the wrong index. The
  // restore is done whatever this says: a failure here is only logged.
  await db()
    .$executeRawUnsafe(`ANALYZE "Article", "Entity", "EntityAlias", "Claim", "Conflict", "ConflictClaim", "ConflictEntity"`)
    .catch((error: unknown) => console.warn(`[restore] statistics not refreshed: ${String(error)}`));
  return report;
}

/**
 * A new id for a row of a copy. randomUUID's string is a chain of a dozen linked pieces, and the map
 * of 50,000 ids would keep them all (30 MB); read once, V8 makes it one flat string (8 MB).
 */
function newCopyId(): string {
  const id = randomUUID();
  id.charCodeAt(0);
  return id;
}

async function insertRows(tx: Tx, table: Table, rows: Row[]): Promise<void> {
  const data = rows as never;
  switch (table) {
    case "articles":
      return void (await tx.article.createMany({ data }));
    case "entities":
      // The folded name is derived, never taken from the file: backups older than it have none.
      return void (await tx.entity.createMany({ data: rows.map((r) => ({ ...r, folded: foldName(String(r.name)) })) as never }));
    case "aliases":
      return void (await tx.entityAlias.createMany({ data }));
    case "claims":
      return void (await tx.claim.createMany({ data }));
    case "attributes":
      return void (await tx.attribute.createMany({ data }));
    case "merges":
      return void (await tx.entityMerge.createMany({ data }));
    case "conflicts":
      return void (await tx.conflict.createMany({ data }));
    case "conflictClaims":
      return void (await tx.conflictClaim.createMany({ data }));
    case "conflictEntities":
      return void (await tx.conflictEntity.createMany({ data }));
    case "resolutions":
      return void (await tx.resolution.createMany({ data }));
    case "comments":
      return void (await tx.comment.createMany({ data }));
    case "rejections":
      return void (await tx.proposalRejection.createMany({ data }));
    case "memberships":
      return void (await tx.membership.createMany({ data }));
    case "audit":
      return void (await tx.auditEvent.createMany({ data }));
  }
}

async function matchUsers(tx: Tx, users: BackupUser[], ids: Map<string, string>): Promise<string[]> {
  const created: string[] = [];
  for (const u of users) {
    const existing = await tx.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (existing) {
      if (existing.id !== u.id) ids.set(u.id, existing.id);
      else ids.delete(u.id);
      continue;
    }
    const taken = await tx.user.findUnique({ where: { id: u.id }, select: { id: true } });
    const id = taken ? randomUUID() : u.id;
    if (id !== u.id) ids.set(u.id, id);
    else ids.delete(u.id);
    await tx.user.create({ data: { id, email: u.email, name: u.name, role: u.role, disabled: true } });
    created.push(u.email);
  }
  return created;
}

/** A backup written for someone (the command line's `--as`), recorded outside the investigation's own trail: it changes nothing in it. */
export async function recordBackup(ctx: AuditContext, investigationId: string, what: { slug: string; file: string; bytes: number }) {
  await audit(db(), ctx, { action: "investigation.backup", objectType: "Investigation", objectId: investigationId, after: what });
}
