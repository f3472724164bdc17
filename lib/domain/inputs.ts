import { z } from "zod";
import { parsePublicationDate, UPLOAD_BATCH_FILES } from "@/lib/domain/article-import.ts";
import { CARDINALITIES, CHANGES, LIST_MODES } from "@/lib/domain/attribute-sense.ts";
import { attributeKey, ENTITY_KINDS } from "@/lib/domain/claims.ts";
import { MEMBER_ROLES, ROLES } from "@/lib/domain/roles.ts";
import { isTimeZone } from "@/lib/domain/moments.ts";
import { VALUE_KINDS } from "@/lib/domain/values.ts";

/** Input schemas shared by forms, server actions and the command line. */

export const NUL_MESSAGE = "Remove the NUL character (\\0): text cannot hold one.";

/**
 * The top-level fields of an input whose text (at any depth) holds a NUL character, which
 * PostgreSQL cannot store: refused with a field error before any schema or query sees them.
 */
export function fieldsWithNul(input: unknown): string[] {
  const holds = (v: unknown, depth = 0): boolean =>
    typeof v === "string"
      ? v.includes("\u0000")
      : depth < 8 && typeof v === "object" && v !== null && !(v instanceof Blob) && Object.values(v).some((x) => holds(x, depth + 1));
  if (typeof input === "string") return holds(input) ? ["input"] : [];
  if (typeof input !== "object" || input === null) return [];
  return Object.entries(input)
    .filter(([, v]) => holds(v))
    .map(([k]) => k);
}

const trimmed = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter an email address such as name@example.com."));

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters.`);

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
  next: z.string().optional(),
});

export const slugSchema = z
  .string()
  .trim()
  .min(2, "At least 2 characters.")
  .max(60, "At most 60 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lowercase letters, digits and single hyphens, e.g. anthropic-pentagon.");

/** An IANA zone the runtime knows ("Europe/Madrid"), for times written as "local time". */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone.")
  .max(64)
  .refine(isTimeZone, "Use a zone name such as Europe/Madrid, America/New_York or UTC.");

export const createInvestigationInput = z.object({
  title: trimmed(200).min(3, "Give the story a title of at least 3 characters."),
  slug: z.union([z.literal(""), slugSchema]).optional(),
  description: trimmed(2000).optional().default(""),
  timeZone: timeZoneSchema.optional().default("UTC"),
});

/** Who published an article, where and when: asked at import, editable afterwards. */
const sourceFields = {
  outlet: trimmed(500).optional().default(""),
  author: trimmed(500).optional().default(""),
  url: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://." })])
    .optional()
    .default(""),
  published: trimmed(100).optional().default(""),
};

export const pasteArticleInput = z.object({
  investigationId: z.string().min(1),
  title: trimmed(300).optional().default(""),
  ...sourceFields,
  text: z.string().refine((t) => t.trim() !== "", "Paste the article's text."),
});

export const editArticleSourceInput = z.object({
  investigationId: z.string().min(1),
  articleId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  title: trimmed(300).min(1, "Give the article a title."),
  ...sourceFields,
  published: sourceFields.published.refine(
    (text) => text === "" || parsePublicationDate(text) !== null,
    "Write the date as 2026-02-24, 24 February 2026 or February 24, 2026.",
  ),
});

export const uploadArticlesInput = z.object({
  investigationId: z.string().min(1),
  // One file arrives from a form as a single value, several as a list.
  files: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.instanceof(File))
      .min(1, "Choose one or more .txt or .md files.")
      .max(UPLOAD_BATCH_FILES, `At most ${UPLOAD_BATCH_FILES} files at a time.`),
  ),
});

export const roleSchema = z.enum(ROLES);

export const createUserInput = z.object({
  email: emailSchema,
  name: trimmed(120).min(1, "Enter the person's name."),
  role: roleSchema,
  // Left empty, the person sets their own through a one-time link.
  password: z.union([z.literal("").transform(() => undefined), passwordSchema]).optional(),
});

export const passwordLinkInput = z.object({ id: z.string().min(1).max(200) });

export const setPasswordInput = z
  .object({
    token: z.string().min(20).max(200),
    password: passwordSchema,
    confirm: z.string().max(PASSWORD_MAX),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ.", path: ["confirm"] });

export const updateUserInput = z.object({
  id: z.string().min(1),
  version: z.coerce.number().int().positive(),
  name: trimmed(120).min(1, "Enter the person's name."),
  role: roleSchema,
});

export const setUserDisabledInput = z.object({
  id: z.string().min(1),
  version: z.coerce.number().int().positive(),
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});

// --- Claims and entities -------------------------------------------------------------------

const entityKind = z.enum(ENTITY_KINDS);
const valueKind = z.enum(VALUE_KINDS);
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).optional().default("");

/** The subject: an existing entity, or a new one named inline. */
const subjectFields = {
  subjectId: z.string().optional().default(""),
  newSubjectName: optionalText(200),
  newSubjectKind: entityKind.optional().default("other"),
  // How the text names the subject; when left empty the save finds it (see mentionOf).
  subjectText: optionalText(300),
  attribute: trimmed(80).min(1, "Name the attribute, e.g. valuation."),
  valueKind,
  valueText: trimmed(500).min(1, "Enter the value as the text gives it."),
  asOf: optionalText(100),
  note: optionalText(2000),
  // Qualifiers: who gives the figure, how it was measured or against what, the part it covers.
  accordingTo: optionalText(200),
  method: optionalText(200),
  appliesToPart: optionalText(200),
};

const needsSubject = (input: { subjectId: string; newSubjectName: string }) => Boolean(input.subjectId || input.newSubjectName);
const subjectMessage = { message: "Choose the subject, or create a new entity.", path: ["subjectId"] };

export const createClaimInput = z
  .object({
    investigationId: z.string().min(1),
    articleId: z.string().min(1),
    start: z.coerce.number().int().min(0),
    end: z.coerce.number().int().min(1),
    ...subjectFields,
    // Accepted from a suggestion: the machine's confidence in it, kept as the claim's provenance.
    proposedConfidence: z.union([z.literal("").transform(() => undefined), z.coerce.number().min(0).max(1)]).optional(),
  })
  .refine((i) => i.end > i.start, { message: "Select some text first.", path: ["start"] })
  .refine(needsSubject, subjectMessage);

// --- Suggested claims ------------------------------------------------------------------------

/** An article's suggestions, asked for by the reader once it is on screen. */
/** The claim form's subject names, for one investigation. */
export const subjectOptionsInput = z.object({ investigationId: z.string().min(1) });

export const listProposalsInput = z.object({ investigationId: z.string().min(1), articleId: z.string().min(1) });

/** Turning down a suggestion: its span (UTF-16 offsets, as the reader has them) and its cue. */
export const rejectProposalInput = z
  .object({
    investigationId: z.string().min(1),
    articleId: z.string().min(1),
    start: z.coerce.number().int().min(0),
    end: z.coerce.number().int().min(1),
    cue: z.string().trim().max(300),
  })
  .refine((i) => i.end > i.start, { message: "The suggestion's words are missing.", path: ["start"] });

/** Accepting every suggestion of an article at or above a confidence. */
export const acceptAllProposalsInput = z.object({
  investigationId: z.string().min(1),
  articleId: z.string().min(1),
  minConfidence: z.coerce.number().min(0, "Between 0 and 1.").max(1, "Between 0 and 1."),
});

// --- Proposed names ----------------------------------------------------------------------------

/** An article's names: mentions of entities, and names proposed as entities. */
export const listNamesInput = z.object({ investigationId: z.string().min(1), articleId: z.string().min(1) });

/** Dismissing a proposed name: one place the article writes it (UTF-16 offsets, as the reader has them). */
export const dismissNameInput = z
  .object({
    investigationId: z.string().min(1),
    articleId: z.string().min(1),
    start: z.coerce.number().int().min(0),
    end: z.coerce.number().int().min(1),
  })
  .refine((i) => i.end > i.start && i.end - i.start <= 200, { message: "The name's words are missing.", path: ["start"] });

export const updateClaimInput = z
  .object({ investigationId: z.string().min(1), id: z.string().min(1), version: z.coerce.number().int().positive(), ...subjectFields })
  .refine(needsSubject, subjectMessage);

export const retractClaimInput = z.object({
  investigationId: z.string().min(1),
  id: z.string().min(1),
  version: z.coerce.number().int().positive(),
  reason: trimmed(1000).min(3, "Say why the claim is retracted."),
});

/** A claim's history, asked for by the reader when the claim is opened. */
export const claimHistoryInput = z.object({ investigationId: z.string().min(1), id: z.string().min(1).max(200) });

export const deleteClaimInput = z.object({
  investigationId: z.string().min(1),
  id: z.string().min(1),
  version: z.coerce.number().int().positive(),
});

export const createEntityInput = z.object({
  investigationId: z.string().min(1),
  name: trimmed(200).min(1, "Name the entity."),
  kind: entityKind,
  /** Other names the text gives it, saved with it ("Amodei" beside "Dario Amodei" in the reader). */
  aliases: z.array(trimmed(200).min(1)).max(10).default([]),
});

export const addAliasInput = z.object({
  investigationId: z.string().min(1),
  entityId: z.string().min(1),
  name: trimmed(200).min(1, "Enter the alias as the text writes it."),
});

export const removeAliasInput = z.object({ investigationId: z.string().min(1), aliasId: z.string().min(1) });

export const mergeEntitiesInput = z
  .object({ investigationId: z.string().min(1), sourceId: z.string().min(1), targetId: z.string().min(1) })
  .refine((i) => i.sourceId !== i.targetId, { message: "Choose another entity to merge into.", path: ["targetId"] });

export const undoMergeInput = z.object({ investigationId: z.string().min(1), mergeId: z.string().min(1) });

/** What an entity is part of; "" (the select's "nothing") clears it. */
export const setPartOfInput = z
  .object({
    investigationId: z.string().min(1),
    entityId: z.string().min(1),
    partOfId: z
      .string()
      .optional()
      .default("")
      .transform((v) => v || null),
    version: z.coerce.number().int().positive().optional(),
  })
  .refine((i) => i.partOfId !== i.entityId, { message: "An entity cannot be part of itself.", path: ["partOfId"] });

// --- Conflicts -----------------------------------------------------------------------------

export const RESOLUTION_KINDS = [
  "accept_claim",
  "reconciled_value",
  "both_valid",
  "merge_entities",
  "annotation_mistake",
  "not_a_conflict",
] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

/** A form sends one value as a value and several as a list: read both as a list. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

const requiredId = (message: string) => z.string({ error: message }).trim().min(1, message).max(100);

/** The conflict and the reason: every way of settling it needs them. */
const decisionBase = {
  investigationId: z.string().min(1),
  id: z.string().min(1),
  version: z.coerce.number().int().positive(),
  rationale: trimmed(4000).min(10, "Explain the decision in a sentence or two (at least 10 characters)."),
};

/**
 * How a reviewer settles a conflict: one variant per kind, each with exactly its own fields (a
 * form's other fields are dropped). Read into a Decision (lib/domain/decisions.ts) by `decisionOf`.
 */
export const resolveConflictInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...decisionBase, kind: z.literal("accept_claim"), acceptedClaimId: requiredId("Choose the claim that is right.") }),
    z.object({
      ...decisionBase,
      kind: z.literal("reconciled_value"),
      valueText: z
        .string({ error: "Enter the reconciled value." })
        .trim()
        .min(1, "Enter the reconciled value.")
        .max(500, "At most 500 characters."),
      valueKind: valueKind.optional(),
    }),
    z
      .object({
        ...decisionBase,
        kind: z.literal("both_valid"),
        /** As-of dates, paired by position with the claims they date. */
        asOfClaimId: listOf(z.string().min(1)),
        asOf: listOf(trimmed(100)),
        scope: optionalText(500),
      })
      .superRefine((i, ctx) => {
        if (!i.scope && !i.asOf.some(Boolean))
          ctx.addIssue({ code: "custom", path: ["asOf"], message: "Give the as-of date of each value, or say in which scope each holds." });
        if (i.asOf.length !== i.asOfClaimId.length)
          ctx.addIssue({ code: "custom", path: ["asOf"], message: "Each as-of date must belong to one claim." });
      }),
    z.object({ ...decisionBase, kind: z.literal("merge_entities"), keepEntityId: requiredId("Choose the entity that stays.") }),
    z.object({
      ...decisionBase,
      kind: z.literal("annotation_mistake"),
      mistakenClaimId: requiredId("Choose the claim that mis-records its article."),
    }),
    z.object({ ...decisionBase, kind: z.literal("not_a_conflict") }),
  ],
  { error: (issue) => (issue.code === "invalid_union" ? "Choose how the conflict is settled." : undefined) },
);

export type ResolveConflictInput = z.output<typeof resolveConflictInput>;

export const reopenConflictInput = z.object({
  investigationId: z.string().min(1),
  id: z.string().min(1),
  version: z.coerce.number().int().positive(),
  reason: trimmed(2000).min(10, "Say why the decision no longer holds (at least 10 characters)."),
});

export const createManualConflictInput = z.object({
  investigationId: z.string().min(1),
  claimIds: listOf(z.string().min(1)).pipe(
    z
      .array(z.string())
      .min(2, "Select at least two claims that disagree.")
      .max(20, "At most 20 claims in one conflict.")
      .refine((ids) => new Set(ids).size === ids.length, "Each claim once."),
  ),
  note: trimmed(2000).min(10, "Say how these claims disagree (at least 10 characters)."),
});

export const commentInput = z.object({
  investigationId: z.string().min(1),
  conflictId: z.string().min(1),
  body: trimmed(4000).min(1, "Write something first."),
});

// --- How attributes behave; the investigation's zone -------------------------------------------

/** A select's value: "" for "as inferred". */
const inferredOr = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(""), z.enum(values)])
    .optional()
    .default("")
    .transform((v) => (v === "" ? null : (v as T[number])));

export const setAttributeSenseInput = z.object({
  investigationId: z.string().min(1),
  key: z.string().trim().min(1).max(80),
  cardinality: inferredOr(CARDINALITIES),
  change: inferredOr(CHANGES),
  lists: inferredOr(LIST_MODES),
});

/** A new name for an attribute; the key it folds to must have letters or digits ("Valuation" → valuation). */
export const renameAttributeInput = z.object({
  investigationId: z.string().min(1),
  key: z.string().trim().min(1).max(80),
  label: trimmed(80)
    .min(1, "Name the attribute, e.g. valuation.")
    .refine((label) => attributeKey(label) !== "", "Use letters or digits in the name."),
});

export const mergeAttributesInput = z
  .object({
    investigationId: z.string().min(1),
    key: z.string().trim().min(1).max(80),
    intoKey: z.string().trim().min(1, "Choose the attribute to merge into.").max(80),
  })
  .refine((i) => i.key !== i.intoKey, { message: "Choose another attribute to merge into.", path: ["intoKey"] });

export const setTimeZoneInput = z.object({
  investigationId: z.string().min(1),
  timeZone: timeZoneSchema,
  version: z.coerce.number().int().positive(),
});

export const memberRoleSchema = z.enum(MEMBER_ROLES, "Choose a role.");

export const addMemberInput = z.object({
  investigationId: z.string().min(1),
  who: trimmed(320).min(1, "Enter the person's e-mail address or name."),
  role: memberRoleSchema,
});

export const setMemberRoleInput = z.object({
  investigationId: z.string().min(1),
  userId: z.string().min(1),
  role: memberRoleSchema,
});

export const removeMemberInput = z.object({
  investigationId: z.string().min(1),
  userId: z.string().min(1),
});

export const MAX_SHARE_DAYS = 365;

/** A read-only link to the fact sheet: a label to tell links apart, and an expiry (blank: none). */
export const createShareLinkInput = z.object({
  investigationId: z.string().min(1),
  label: z.string().trim().max(120, "Keep the label under 120 characters.").optional(),
  expiresInDays: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce
      .number({ error: "Give a number of days, or leave it blank." })
      .int("Give a whole number of days.")
      .min(1, "At least 1 day, or leave it blank.")
      .max(MAX_SHARE_DAYS, `At most ${MAX_SHARE_DAYS} days.`)
      .optional(),
  ),
});

export const revokeShareLinkInput = z.object({ investigationId: z.string().min(1), id: z.string().min(1) });

export const joinInvestigationInput = z.object({ investigationId: z.string().min(1) });
