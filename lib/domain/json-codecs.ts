/**
 * The JSON columns, typed once: a zod schema per column, parsed where a row is read and checked
 * where one is written, so no code reads a JSON column through a cast. A row that does not fit
 * its schema is an error naming the column, never a value silently misread.
 *
 *   Claim.valueNorm, Resolution.valueNorm  → NormalizedValue
 *   Resolution.details                     → ResolutionDetails (its shape follows Resolution.kind)
 *   AuditEvent.before / after              → AuditPayload
 */
import { z } from "zod";
import { type AttributeSetting, CARDINALITIES, CHANGES, LIST_MODES } from "@/lib/domain/attribute-sense.ts";
import { KIND_LABELS } from "@/lib/domain/conflict-labels.ts";
import type { ConflictKind } from "@/lib/domain/conflicts.ts";
import type { GroupState } from "@/lib/domain/group-detection.ts";
import { RESOLUTION_KINDS, type ResolutionKind } from "@/lib/domain/inputs.ts";
import type { NormalizedValue } from "@/lib/domain/values.ts";

/** What a JSON column holds: what JSON.stringify keeps. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue | undefined };

const bound = z.number().nullable();

export const normalizedValueSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.enum(["money", "number", "percentage"]),
    text: z.string(),
    low: bound,
    high: bound,
    point: bound,
    qualifier: z.enum(["exact", "up to", "at least", "over", "under", "about", "nearly", "range"]),
    unit: z.string().nullable(),
    measure: z
      .object({
        dimension: z.string(),
        low: bound,
        high: bound,
        conversion: z.object({ text: z.string(), consistent: z.boolean() }).optional(),
      })
      .optional(),
  }),
  z.object({
    kind: z.literal("date"),
    text: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    precision: z.enum(["day", "week", "month", "quarter", "part", "year"]).nullable(),
    resolved: z.boolean(),
    reason: z.string().optional(),
  }),
  z.object({
    kind: z.literal("time"),
    text: z.string(),
    start: z.string(),
    end: z.string(),
    precision: z.enum(["minute", "hour", "part", "day", "span"]),
    zone: z.string(),
  }),
  z.object({ kind: z.enum(["text", "entity"]), text: z.string(), folded: z.string() }),
  z.object({ kind: z.literal("list"), text: z.string(), items: z.array(z.string()), folded: z.array(z.string()) }),
]);

// The schema and the type written by hand in values.ts must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const valueSchemaMatchesType: Same<z.output<typeof normalizedValueSchema>, NormalizedValue> = true;
void valueSchemaMatchesType;

export class JsonColumnError extends Error {
  constructor(column: string, error: z.ZodError) {
    super(`${column} does not hold what Crosscheck writes there: ${z.prettifyError(error)}`);
    this.name = "JsonColumnError";
  }
}

function reader<S extends z.ZodType>(column: string, schema: S) {
  return (json: unknown): z.output<S> => {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new JsonColumnError(column, parsed.error);
    return parsed.data;
  };
}

/** A claim's (or a reconciled decision's) normalised value, as read from its column. */
export const readValue = reader("valueNorm", normalizedValueSchema);
export const readOptionalValue = (json: unknown): NormalizedValue | null => (json === null || json === undefined ? null : readValue(json));
/** The value as its column stores it. */
export const writeValue = (value: NormalizedValue): JsonObject => value;

// --- Resolution.details ----------------------------------------------------------------------

const detailsSchemas = {
  accept_claim: z.object({ changedClaimIds: z.array(z.string()), to: z.enum(["rejected", "superseded"]) }),
  reconciled_value: z.null(),
  both_valid: z.object({
    asOf: z.record(z.string(), z.object({ text: z.string(), reading: z.string(), start: z.string().nullable() })),
    scope: z.string().nullable(),
  }),
  merge_entities: z.object({ sourceId: z.string(), targetId: z.string(), mergeId: z.string() }),
  annotation_mistake: z.object({ mistakenClaimId: z.string() }),
  not_a_conflict: z.null(),
} satisfies Record<ResolutionKind, z.ZodType>;

type DetailsOf<K extends ResolutionKind> = z.output<(typeof detailsSchemas)[K]>;

/** What a decision records beyond its kind, tagged with the kind (the column holds it untagged). */
export type ResolutionDetails = {
  [K in ResolutionKind]: DetailsOf<K> extends null ? never : { kind: K } & DetailsOf<K>;
}[ResolutionKind];

/** A resolution's details, read with its kind (a kind that records nothing reads as null). */
export function readResolutionDetails(kind: ResolutionKind, json: unknown): ResolutionDetails | null {
  const parsed = reader(`Resolution.details (${kind})`, detailsSchemas[kind])(json ?? null);
  return parsed === null ? null : ({ kind, ...parsed } as ResolutionDetails);
}

/** Decisions in force read as one JSON array (kind and details each) by raw SQL; details are read by kind after. */
export type SettledDecision = { kind: ResolutionKind; details: unknown };
const readSettledArray = reader("settled decisions", z.array(z.object({ kind: z.enum(RESOLUTION_KINDS), details: z.unknown() })));
export const readSettledDecisions = (json: unknown): SettledDecision[] =>
  readSettledArray(typeof json === "string" ? JSON.parse(json) : json);

/** The details as the column stores them: without the kind, which has a column of its own. */
export function writeResolutionDetails(details: ResolutionDetails | null): JsonValue {
  if (!details) return null;
  const { kind, ...stored } = details;
  return detailsSchemas[kind].parse(stored) as JsonValue;
}

/** The claims a decision set aside (rejected or superseded): what withdrawing it gives back. */
export const setAsideBy = (details: ResolutionDetails | null): string[] =>
  details?.kind === "accept_claim" ? details.changedClaimIds : [];

// --- AuditEvent.before / after ---------------------------------------------------------------

/** An audit event's before or after: a snapshot of fields, or nothing. */
export const auditPayloadSchema = z.record(z.string(), z.json()).nullable();
export type AuditPayload = z.output<typeof auditPayloadSchema>;
export const readAuditPayload = (json: unknown): AuditPayload => reader("AuditEvent payload", auditPayloadSchema)(json ?? null);

const attributeSettingSchema = z.object({
  cardinality: z.enum(CARDINALITIES).nullable(),
  change: z.enum(CHANGES).nullable(),
  lists: z.enum(LIST_MODES).nullable(),
});

/** Attribute's text columns (cardinality, change, lists) read as the setting they hold. */
export const readAttributeSetting = (row: { cardinality: string | null; change: string | null; lists: string | null }): AttributeSetting =>
  reader("Attribute", attributeSettingSchema)({ cardinality: row.cardinality, change: row.change, lists: row.lists });

// --- GroupDetection.state ----------------------------------------------------------------------

const conflictKindSchema = z.enum(Object.keys(KIND_LABELS) as [ConflictKind, ...ConflictKind[]]);
const pairRefSchema = z.object({ a: z.string(), b: z.string(), why: z.string() });
const groupStateSchema = z.object({
  version: z.number(),
  sense: z.object({ cardinality: z.enum(CARDINALITIES), change: z.enum(CHANGES), lists: z.enum(LIST_MODES) }),
  count: z.number(),
  fingerprint: z.number(),
  families: z.record(
    z.string(),
    z.object({
      ids: z.array(z.string()),
      first: z.partialRecord(conflictKindSchema, pairRefSchema),
      firstDecrease: pairRefSchema.nullable(),
      updates: z.number(),
      decreases: z.number(),
    }),
  ),
}) satisfies z.ZodType<GroupState>;

/** A large group's stored detection state, or null when it is not one (then it is recomputed). */
export const readGroupState = (json: unknown): GroupState | null => groupStateSchema.safeParse(json).data ?? null;

/** Job.progress: what long work says of itself as it goes (lib/server/jobs.ts). */
const jobProgressSchema = z.object({ phase: z.string(), done: z.number(), total: z.number().nullable() });
export type JobProgress = z.output<typeof jobProgressSchema>;
export const readJobProgress = (json: unknown): JobProgress | null =>
  json === null || json === undefined ? null : reader("Job.progress", jobProgressSchema)(json);
/** Job.result: what the work gave back, any JSON. */
export const readJobResult = (json: unknown): JsonValue => reader("Job.result", z.json())(json ?? null) as JsonValue;
