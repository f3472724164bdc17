import "server-only";
import type { ClaimStatus } from "@/lib/domain/claims.ts";
import type { ConflictKind } from "@/lib/domain/conflicts.ts";
import {
  buildFactSheet,
  type FactSheet,
  type FactSheetInput,
  type SheetClaim,
  type SheetConflict,
  type SheetResolution,
} from "@/lib/domain/factsheet.ts";
import type { ResolutionKind } from "@/lib/domain/inputs.ts";
import { readOptionalValue, readResolutionDetails, readValue } from "@/lib/domain/json-codecs.ts";
import type { NormalizedValue } from "@/lib/domain/values.ts";
import { db, getDatabase } from "@/lib/server/database.ts";

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A claim as `claimRows` gives it, its columns in this order (dates as YYYY-MM-DD, its value as JSON text). */
type ClaimRow = [
  id: string,
  articleId: string,
  subjectId: string,
  subjectText: string,
  attribute: string,
  attributeLabel: string,
  valueText: string,
  /** The column's JSON text: claims that say the same share one value (see the loader). */
  valueNorm: string,
  asOfText: string | null,
  asOfStart: string | null,
  asOfEnd: string | null,
  status: ClaimStatus,
  statusReason: string | null,
  quote: string,
  prefix: string,
  suffix: string,
  start: number,
  end: number,
];

/** A conflict as the conflicts query gives it, with its claims, its entities and the decision that holds. */
type ConflictRow = [
  id: string,
  kind: ConflictKind,
  status: SheetConflict["status"],
  summary: string,
  claimIds: string[],
  entityIds: string[],
  resolution:
    | [
        kind: ResolutionKind,
        rationale: string,
        decidedOn: string,
        acceptedClaimId: string | null,
        valueText: string | null,
        valueNorm: unknown,
        details: unknown,
        reviewer: string,
      ]
    | null,
];

/**
 * What the fact sheet is built from, in seven queries whatever its size: the investigation, its
 * last audited change, its articles (without their bodies), canonical entities and their aliases,
 * claims, and conflicts with their claims, entities and the decision that holds. The time stamp is
 * the investigation's last audited change, so the same data gives the same sheet whenever it is
 * exported.
 *
 * Conflicts come as one JSON array built by the database, claims as `claimRows` reads them. Their
 * order is left to the builder, which sorts them by keys it works out once.
 */
/**
 * Audited changes to who may read an investigation, or to what the machine suggests, not to what
 * it says: they leave the sheet's time stamp alone (a restore led by `--as` gives the same bytes
 * as the original).
 */
const BESIDE_THE_SHEET = ["Membership", "ShareLink", "ProposalRejection"] as const;

export async function loadFactSheetInput(investigationId: string): Promise<FactSheetInput | null> {
  const investigation = await db().investigation.findUnique({
    where: { id: investigationId },
    select: { slug: true, title: true, description: true, createdAt: true, updatedAt: true, timeZone: true },
  });
  if (!investigation) return null;
  const [last, articles, entities, aliases, claimList, conflictRows] = await Promise.all([
    db().auditEvent.findFirst({
      where: { investigationId, objectType: { notIn: [...BESIDE_THE_SHEET] } },
      orderBy: { id: "desc" },
      select: { createdAt: true },
    }),
    db().article.findMany({
      where: { investigationId },
      select: { id: true, title: true, outlet: true, author: true, url: true, publishedText: true, publishedAt: true, contentHash: true },
    }),
    db().entity.findMany({ where: { investigationId, mergedIntoId: null }, select: { id: true, name: true, kind: true } }),
    db().entityAlias.findMany({ where: { entity: { investigationId, mergedIntoId: null } }, select: { entityId: true, name: true } }),
    claimRows(investigationId, investigation.timeZone),
    db().$queryRaw<{ conflicts: string | null }[]>`
      SELECT json_agg(json_build_array(
        c.id, c.kind, c.status, c.summary,
        (SELECT coalesce(json_agg(x."claimId"), '[]') FROM "ConflictClaim" x WHERE x."conflictId" = c.id),
        (SELECT coalesce(json_agg(x."entityId"), '[]') FROM "ConflictEntity" x WHERE x."conflictId" = c.id),
        (SELECT json_build_array(
            -- The day it was decided, in the investigation's zone as the as-of days are (the column holds UTC).
            r.kind, r.rationale, to_char((r."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${investigation.timeZone}, 'YYYY-MM-DD'),
            r."acceptedClaimId", r."valueText", r."valueNorm",
            r.details, r."decidedByName")
          FROM "Resolution" r WHERE r."conflictId" = c.id AND r."withdrawnAt" IS NULL
          ORDER BY r."createdAt" DESC, r.id DESC LIMIT 1)
      ))::text AS conflicts
      FROM "Conflict" c WHERE c."investigationId" = ${investigationId}`,
  ]);
  const aliasesOf = new Map<string, string[]>();
  for (const a of aliases) {
    const list = aliasesOf.get(a.entityId);
    if (list) list.push(a.name);
    else aliasesOf.set(a.entityId, [a.name]);
  }
  // Claims that say the same share one value, read once (most of 50,000 claims repeat a few
  // hundred values): fewer objects to make and collect, and the builder works out each one's
  // reading once (jsonb writes equal values as equal texts).
  // So do the texts the builder groups and sorts claims by: one string each, not one per claim as
  // the driver makes them (at 50,000 claims the build takes about a tenth less CPU; the loader a
  // little more).
  const values = new Map<string, NormalizedValue>();
  const texts = new Map<string, string>();
  const one = <T extends string | null>(text: T): T => (text === null ? text : ((texts.get(text) ?? texts.set(text, text).get(text)) as T));
  const claims: SheetClaim[] = [];
  for (const c of claimList) {
    claims.push({
      id: c[0],
      articleId: one(c[1]),
      subjectId: one(c[2]),
      subjectText: c[3],
      attribute: one(c[4]),
      attributeLabel: one(c[5]),
      valueText: one(c[6]),
      value: values.get(c[7]) ?? values.set(c[7], readValue(JSON.parse(c[7]))).get(c[7])!,
      asOfText: one(c[8]),
      asOfStart: c[9],
      asOfEnd: c[10],
      status: one(c[11]),
      statusReason: c[12],
      quote: c[13],
      prefix: c[14],
      suffix: c[15],
      start: c[16],
      end: c[17],
    });
  }
  const conflicts = (JSON.parse(conflictRows[0]?.conflicts ?? "[]") as ConflictRow[]).map(
    ([id, kind, status, summary, claimIds, entityIds, r]): SheetConflict => {
      let resolution: SheetResolution | null = null;
      if (r) {
        const [kind, rationale, decidedOn, acceptedClaimId, valueText, valueNorm, stored, reviewer] = r;
        const details = readResolutionDetails(kind, stored);
        const bothValid = details?.kind === "both_valid" ? details : null;
        resolution = {
          kind,
          rationale,
          reviewer,
          decidedOn,
          acceptedClaimId,
          valueText,
          value: readOptionalValue(valueNorm),
          asOf: Object.fromEntries(Object.entries(bothValid?.asOf ?? {}).map(([id, a]) => [id, { text: a.text, start: a.start }])),
          scope: bothValid?.scope ?? null,
        };
      }
      return { id, kind, status, summary, claimIds, entityIds, resolution };
    },
  );
  return {
    investigation: {
      slug: investigation.slug,
      title: investigation.title,
      description: investigation.description,
      createdAt: investigation.createdAt.toISOString(),
    },
    lastChange: (last?.createdAt ?? investigation.updatedAt).toISOString(),
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      outlet: a.outlet,
      author: a.author,
      url: a.url,
      publishedText: a.publishedText,
      publishedOn: a.publishedAt ? day(a.publishedAt) : null,
      contentHash: a.contentHash,
    })),
    entities: entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: aliasesOf.get(e.id) ?? [] })),
    claims,
    conflicts,
  };
}

/**
 * The investigation's claims as `ClaimRow`s, read through the driver (Prisma's mapping of 50,000
 * rows costs more than the query). PostgreSQL hands them over as rows, cheaper for it than
 * writing each as JSON; the embedded PGlite spends far more on each row and column it hands over
 * than on their bytes, so it writes them as JSON arrays, one per article (50,000 claims: about
 * 2 s as rows and columns, under 0.5 s as JSON).
 */
async function claimRows(investigationId: string, timeZone: string): Promise<ClaimRow[]> {
  const database = getDatabase();
  const columns = `
    id, "articleId", "subjectId", "subjectText", attribute, "attributeLabel", "valueText", "valueNorm"::text,
    "asOfText",
    -- The days the as-of covers, in the zone its local dates were read in (the columns hold UTC).
    to_char(("asOfStart" AT TIME ZONE 'UTC') AT TIME ZONE $2, 'YYYY-MM-DD'),
    to_char(("asOfEnd" AT TIME ZONE 'UTC') AT TIME ZONE $2, 'YYYY-MM-DD'),
    status, "statusReason",
    "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd"`;
  const where = `FROM "Claim" WHERE "investigationId" = $1`;
  return database.withConnection(async (sql) => {
    if (database.engine === "postgres") return sql.rows<ClaimRow>(`SELECT ${columns} ${where}`, [investigationId, timeZone]);
    const pages = await sql.rows<[string]>(`SELECT json_agg(json_build_array(${columns}))::text ${where} GROUP BY "articleId"`, [
      investigationId,
      timeZone,
    ]);
    return pages.flatMap(([page]) => JSON.parse(page) as ClaimRow[]);
  });
}

export async function factSheetOf(investigationId: string): Promise<FactSheet | null> {
  const input = await loadFactSheetInput(investigationId);
  return input && buildFactSheet(input);
}

/** Sheets kept built, the most recently asked for (a 50,000-claim sheet holds some tens of MB). */
const SHEETS_KEPT = 2;
const built = new Map<string, { mark: string; sheet: Promise<FactSheet | null> }>();

/**
 * The fact sheet as it stands, built at most once per change: what people read and download
 * (the sheet page, the export API, a published link), where the same unchanged sheet is asked
 * for again and again, and concurrent requests share one build.
 *
 * What marks a change is the investigation's audit trail, written in the same transaction as
 * every change (the project's rule: every mutation is audited): its count of events and its
 * last event. The count is what makes this safe: an event committed late with a lower id
 * still raises it. The mark is read before the data, so a change landing in between makes the
 * next request build again; a sheet is never kept under a mark newer than its data.
 */
export async function currentFactSheet(investigationId: string): Promise<{ sheet: FactSheet | null; mark: string }> {
  const mark = await changeMark(investigationId);
  let entry = built.get(investigationId);
  if (entry?.mark !== mark) {
    const fresh = { mark, sheet: factSheetOf(investigationId) };
    fresh.sheet.catch(() => built.get(investigationId) === fresh && built.delete(investigationId));
    entry = fresh;
  }
  // Most recently asked for last; the oldest goes first.
  built.delete(investigationId);
  built.set(investigationId, entry);
  for (const id of built.keys()) if (built.size > SHEETS_KEPT) built.delete(id);
  return { sheet: await entry.sheet, mark };
}

/** The investigation's audit trail in one short text: how many events, and the last (an index lookup). */
export async function changeMark(investigationId: string): Promise<string> {
  const [row] = await db().$queryRaw<{ events: bigint; last: bigint | null }[]>`
    SELECT count(*) AS events, max(id) AS last FROM "AuditEvent" WHERE "investigationId" = ${investigationId}`;
  return `${row?.events ?? 0}.${row?.last ?? 0}`;
}
