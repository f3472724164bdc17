import "server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { MemberRole, Role } from "@/lib/domain/roles.ts";
import type { ImportOutcome } from "@/lib/domain/article-import.ts";
import type { AuditContext } from "@/lib/server/audit.ts";
import { importPaths } from "@/lib/server/file-import.ts";
import { createInvestigation, findInvestigation } from "@/lib/server/investigations.ts";
import { articlesFromFiles } from "@/lib/server/articles.ts";
import { createUser, userIdByEmail } from "@/lib/server/users.ts";
import { grantMembership, listMembers } from "@/lib/server/memberships.ts";
import { attributeKey, foldName } from "@/lib/domain/claims.ts";
import { detectValueKind } from "@/lib/domain/values.ts";
import { offsetConverter } from "@/lib/domain/offsets.ts";
import { createClaim } from "@/lib/server/claims.ts";
import { anyDecisionIn, openConflictAbout, resolveConflict } from "@/lib/server/conflicts.ts";
import { addAlias, createEntity, entitiesWithAliases, setPartOf } from "@/lib/server/entities.ts";
import { resolveConflictInput } from "@/lib/domain/inputs.ts";
import { DEMO_CLAIMS, DEMO_ENTITIES, type DemoClaim, type DemoEntity } from "@/seed/annotations.ts";

/** The demo story: five articles about Anthropic and the Pentagon, and three demo accounts. */
export const DEMO_INVESTIGATION = {
  slug: "anthropic-pentagon",
  title: "Anthropic and the Pentagon",
  description:
    "Five articles on the talks between Anthropic and the US Department of Defense. They disagree on " +
    "the company's valuation, on who the Pentagon official is, and on what was offered.",
};
export const DEMO_PASSWORD = "crosscheck-demo";
/** `member`: the account's role in the demo investigation (none: it does not see it at all). */
export const DEMO_USERS: { email: string; name: string; role: Role; member: MemberRole | null }[] = [
  { email: "analyst@example.com", name: "Dana Analyst", role: "analyst", member: "analyst" },
  { email: "reviewer@example.com", name: "Rafael Reviewer", role: "reviewer", member: "reviewer" },
  { email: "admin@example.com", name: "Ada Admin", role: "admin", member: "lead" },
  { email: "lead@example.com", name: "Lena Lead", role: "analyst", member: "lead" },
  { email: "viewer@example.com", name: "Vera Viewer", role: "analyst", member: "viewer" },
  { email: "outsider@example.com", name: "Otto Outsider", role: "analyst", member: null },
];
export const DEMO_ARTICLES_DIR = path.join(process.cwd(), "seed", "articles");

export type SeedReport = {
  investigationCreated: boolean;
  articles: ImportOutcome[];
  usersCreated: string[];
  claimsCreated: number;
  /** Whether the seed settled its one example conflict in this run. */
  decided: boolean;
};

export class DemoSeedRefused extends Error {}

/**
 * Loads the demo story. Running it again changes nothing. Demo accounts have a published
 * password, so this refuses to run in production unless asked for explicitly.
 */
export async function seedDemo(options: { allowProduction?: boolean } = {}): Promise<SeedReport> {
  if (process.env.NODE_ENV === "production" && !options.allowProduction) {
    throw new DemoSeedRefused(
      "Refusing to create the demo accounts (published password) with NODE_ENV=production. " +
        "Pass --allow-production if this really is a demo deployment.",
    );
  }
  const ctx: AuditContext = { actorId: null, requestId: `seed-${randomUUID()}` };
  const usersCreated: string[] = [];
  for (const user of DEMO_USERS) {
    if (await userIdByEmail(user.email)) continue;
    await createUser(ctx, { email: user.email, name: user.name, role: user.role, password: DEMO_PASSWORD });
    usersCreated.push(user.email);
  }
  let investigation = await findInvestigation(DEMO_INVESTIGATION.slug);
  const investigationCreated = !investigation;
  investigation ??= await createInvestigation(ctx, DEMO_INVESTIGATION);
  await seedMembers(ctx, investigation.id);
  const articles = await importPaths(ctx, investigation.id, [DEMO_ARTICLES_DIR]);
  const claimsCreated = await seedAnnotations(ctx, investigation.id);
  const decided = await seedDecision(investigation.id);
  return { investigationCreated, articles, usersCreated, claimsCreated, decided };
}

/** The demo accounts' roles in the demo investigation; a membership already there is left alone. */
async function seedMembers(ctx: AuditContext, investigationId: string): Promise<void> {
  const members = await listMembers(investigationId);
  for (const user of DEMO_USERS) {
    const userId = user.member && (await userIdByEmail(user.email));
    if (!userId || members.some((m) => m.userId === userId)) continue;
    await grantMembership(ctx, { investigationId, userId, role: user.member! });
  }
}

export class SeedAnnotationError extends Error {}

/** Finds a demo claim's quote in its article: exactly once, or the occurrence it names. */
export function locateQuote(body: string, claim: DemoClaim, file: string): { start: number; end: number } {
  const found: number[] = [];
  for (let i = body.indexOf(claim.quote); i !== -1; i = body.indexOf(claim.quote, i + 1)) found.push(i);
  const where = `${file}: “${claim.quote}”`;
  if (found.length === 0) throw new SeedAnnotationError(`${where} is not in the article.`);
  if (found.length > 1 && !claim.occurrence) {
    throw new SeedAnnotationError(`${where} appears ${found.length} times; say which with "occurrence".`);
  }
  const start = found[(claim.occurrence ?? 1) - 1];
  if (start === undefined) throw new SeedAnnotationError(`${where} has no occurrence ${claim.occurrence}.`);
  return { start, end: start + claim.quote.length };
}

const attributeKeyOf = (claim: DemoClaim) => attributeKey(claim.attribute);

/** The demo entities and claims; what is already there is left alone. */
async function seedAnnotations(ctx: AuditContext, investigationId: string): Promise<number> {
  return (await loadAnnotations(ctx, investigationId, DEMO_ENTITIES, DEMO_CLAIMS)).created;
}

/** A claim's reference in a gold file: `<article file>#<quote>` (`#<n>` after it for occurrence n). */
export const claimRef = (file: string, claim: DemoClaim) => `${file}#${claim.quote}${claim.occurrence ? `#${claim.occurrence}` : ""}`;

/**
 * Entities and claims written as quotes (the demo story's, or an evaluation story's), recorded
 * through the data layer as an analyst would; what is already there is left alone. Returns how
 * many claims were created, the entities' ids by name and the created claims' ids by reference.
 */
export async function loadAnnotations(
  ctx: AuditContext,
  investigationId: string,
  entities: DemoEntity[],
  claimsByFile: Record<string, DemoClaim[]>,
): Promise<{ created: number; entityIds: Map<string, string>; claimIds: Map<string, string> }> {
  const entityIds = new Map<string, string>();
  const claimIds = new Map<string, string>();
  const existing = await entitiesWithAliases(investigationId);
  for (const demo of entities) {
    // A name that folds to one already there ("Óscar" / "Oscar") is that entity, as the form would say.
    const known = [...entityIds.entries()].find(([name]) => foldName(name) === foldName(demo.name));
    if (known) {
      entityIds.set(demo.name, known[1]);
      continue;
    }
    const found = existing.find((e) => foldName(e.name) === foldName(demo.name));
    const id = found
      ? (found.mergedIntoId ?? found.id)
      : (await createEntity(ctx, investigationId, { name: demo.name, kind: demo.kind })).id;
    entityIds.set(demo.name, id);
    for (const alias of demo.aliases ?? []) {
      if (found?.aliases.some((a) => a.folded === foldName(alias))) continue;
      if (!found) await addAlias(ctx, { investigationId, entityId: id, name: alias });
    }
  }
  for (const demo of entities) {
    if (!demo.partOf) continue;
    const partOfId = entityIds.get(demo.partOf);
    if (!partOfId) throw new SeedAnnotationError(`“${demo.name}” is part of “${demo.partOf}”, which is not among the entities.`);
    const entityId = entityIds.get(demo.name)!;
    if (existing.some((e) => e.id === entityId && e.partOfId)) continue;
    await setPartOf(ctx, { investigationId, entityId, partOfId });
  }
  const articles = await articlesFromFiles(investigationId, Object.keys(claimsByFile));
  let created = 0;
  for (const [file, claims] of Object.entries(claimsByFile)) {
    const article = articles.find((a) => a.sourceName === file);
    if (!article) throw new SeedAnnotationError(`${file}: the article is not in the investigation.`);
    // Check every quote before writing any claim of this article.
    const placed = claims.map((claim) => ({ claim, range: locateQuote(article.body, claim, file) }));
    const offsets = offsetConverter(article.body); // stored positions count code points
    for (const { claim, range } of placed) {
      const subjectId = entityIds.get(claim.subject);
      if (!subjectId) throw new SeedAnnotationError(`${file}: no demo entity “${claim.subject}”.`);
      const value = claim.value ?? claim.quote;
      if (article.claims.some((c) => c.positionStart === offsets.toCodePoints(range.start) && c.attribute === attributeKeyOf(claim)))
        continue;
      const { id } = await createClaim(ctx, {
        investigationId,
        articleId: article.id,
        ...range,
        subjectId,
        newSubjectName: "",
        newSubjectKind: "other",
        subjectText: claim.as ?? claim.subject,
        attribute: claim.attribute,
        valueKind: claim.kind ?? detectValueKind(value, { referenceDate: article.publishedAt }),
        valueText: value,
        asOf: claim.asOf ?? "",
        note: claim.note ?? "",
        accordingTo: claim.accordingTo ?? "",
        method: claim.method ?? "",
        appliesToPart: claim.appliesToPart ?? "",
      });
      claimIds.set(claimRef(file, claim), id);
      created++;
    }
  }
  return { created, entityIds, claimIds };
}

/**
 * One conflict settled, so a newcomer sees the whole flow: the demo reviewer accepts the launch
 * date Agent Skills' article gives in its own correction. The conflict itself is found by
 * detection (the seed only records claims); nothing is done if it is missing or already settled.
 */
async function seedDecision(investigationId: string): Promise<boolean> {
  if (await anyDecisionIn(investigationId)) return false;
  const reviewer = await userIdByEmail("reviewer@example.com");
  const conflict = await openConflictAbout(investigationId, "correction", "Agent Skills");
  const corrected = conflict?.claims.find((c) => c.claim.valueText === "December 2025");
  if (!reviewer || !conflict || !corrected) return false;
  await resolveConflict(
    { actorId: reviewer, requestId: `seed-${randomUUID()}` },
    resolveConflictInput.parse({
      investigationId,
      id: conflict.id,
      version: conflict.version,
      kind: "accept_claim",
      acceptedClaimId: corrected.claim.id,
      rationale:
        "The article corrects itself at the end: Agent Skills launched in December 2025, not late 2024. The earlier date is superseded.",
    }),
  );
  return true;
}
