import { describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { resolveConflictInput } from "@/lib/domain/inputs.ts";
import { restoreClaim, retractClaim, updateClaim } from "@/lib/server/claims.ts";
import {
  addComment,
  createManualConflict,
  entityOpenConflicts,
  getConflict,
  listConflicts,
  reopenConflict,
  resolveConflict,
} from "@/lib/server/conflicts.ts";
import { db } from "@/lib/server/database.ts";
import { detectFromScratch, redetect } from "@/lib/server/detection.ts";
import { addAlias, mergeEntities } from "@/lib/server/entities.ts";
import { executeAction } from "@/lib/web/action.ts";
import { seedDemo } from "@/seed/demo.ts";
import { SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

const ONE = "Anthropic, valued at $18.4 billion, keeps growing. Its backers include Google and Amazon.";
const TWO = "Anthropic was valued at $183 billion in September. Backers: Google, Amazon and Microsoft.";
const THREE = "Analysts put Anthropic at $61.5 billion. The AI industry could reach $183 billion.";

async function valuationStory() {
  const story = await makeStory([ONE, TWO, THREE]);
  const anthropic = await story.entity("Anthropic");
  const small = await story.claim(0, "$18.4 billion", { subjectId: anthropic.id });
  const large = await story.claim(1, "$183 billion", { subjectId: anthropic.id });
  const conflictOf = () =>
    db().conflict.findFirstOrThrow({ where: { investigationId: story.inv.id, kind: { not: "naming" } }, include: { claims: true } });
  return { ...story, anthropic, small, large, conflictOf };
}

const resolve = (ctx: Parameters<typeof resolveConflict>[0], input: Record<string, unknown>) =>
  resolveConflict(ctx, resolveConflictInput.parse(input));

async function expectRefusal(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  expect((error as ExpectedError).code).toBe(code);
  if (message) expect((error as ExpectedError).message).toMatch(message);
}

describe(`detection kept in step with claims, on ${testEngine}`, () => {
  test("a disagreeing claim opens one conflict; more claims join it instead of duplicating it", async () => {
    const s = await valuationStory();
    const conflict = await s.conflictOf();
    expect(conflict).toMatchObject({ kind: "scale", status: "open", detectionKey: `claims:${s.anthropic.id}:valuation` });
    expect(conflict.claims.map((c) => c.claimId).sort()).toEqual([s.small.id, s.large.id].sort());
    const third = await s.claim(2, "$61.5 billion", { subjectId: s.anthropic.id });
    const all = await db().conflict.findMany({
      where: { investigationId: s.inv.id, detectionKey: { startsWith: "claims:" } },
      include: { claims: true },
    });
    expect(all).toHaveLength(1);
    expect(all[0]!.claims).toHaveLength(3);
    expect(await db().auditEvent.count({ where: { objectId: conflict.id, action: "conflict.detect" } })).toBe(1);
    // Its history says which claim joined (not every member again).
    const joined = await db().auditEvent.findFirstOrThrow({ where: { objectId: conflict.id, action: "conflict.update" } });
    expect(joined.after).toMatchObject({ claims: 3, addedClaimIds: [third.id], removedClaimIds: [] });
    expect(joined.before).toMatchObject({ claims: 2 });
  });

  test("editing a claim to agree closes the conflict with a reason; disagreeing again reopens it", async () => {
    const s = await valuationStory();
    const claim = await db().claim.findUniqueOrThrow({ where: { id: s.large.id } });
    const edit = (valueText: string, version: number) =>
      updateClaim(s.analyst.ctx, {
        investigationId: s.inv.id,
        id: claim.id,
        version,
        subjectId: s.anthropic.id,
        newSubjectName: "",
        newSubjectKind: "other",
        subjectText: "Anthropic",
        attribute: "Valuation",
        valueKind: "money",
        valueText,
        asOf: "",
        note: "",
      });
    const { version } = await edit("$18.4 billion", claim.version);
    let conflict = await s.conflictOf();
    expect(conflict).toMatchObject({ status: "dismissed", closedBy: "detection" });
    expect(conflict.closedReason).toMatch(/no longer holds/);
    await edit("$183 billion", version);
    conflict = await s.conflictOf();
    expect(conflict).toMatchObject({ status: "open", closedBy: null, closedReason: null });
    expect(await db().conflict.count({ where: { investigationId: s.inv.id, kind: { not: "naming" } } })).toBe(1);
  });

  test("retracting a claim closes the conflict it made; restoring it brings the conflict back", async () => {
    const s = await valuationStory();
    const { version } = await retractClaim(s.analyst.ctx, {
      investigationId: s.inv.id,
      id: s.large.id,
      version: 1,
      reason: "Misread figure",
    });
    expect((await s.conflictOf()).status).toBe("dismissed");
    await restoreClaim(s.analyst.ctx, { investigationId: s.inv.id, id: s.large.id, version });
    expect((await s.conflictOf()).status).toBe("open");
  });

  test("the same figure for two subjects in two articles is a misattribution", async () => {
    const s = await valuationStory();
    const industry = await s.entity("AI industry", "other");
    await s.claim(2, "$183 billion", { subjectId: industry.id, attribute: "Market size" });
    const found = await db().conflict.findFirstOrThrow({
      where: { investigationId: s.inv.id, kind: "misattribution" },
      include: { entities: true },
    });
    expect(found.entities.map((e) => e.entityId).sort()).toEqual([s.anthropic.id, industry.id].sort());
  });

  test("detection from scratch finds a figure given for two subjects only while both claims stand, and not twice in one group", async () => {
    const s = await valuationStory();
    const industry = await s.entity("AI industry", "other");
    // The same figure twice in one group, then for another subject in the article of neither.
    await s.claim(2, "$183 billion", { subjectId: s.anthropic.id });
    const fromScratch = () => db().$transaction((tx) => detectFromScratch(tx, s.inv.id));
    const figures = async () => (await fromScratch()).filter((d) => d.kind === "misattribution");
    expect(await figures()).toEqual([]);
    const other = await s.claim(2, "$183 billion", { subjectId: industry.id, attribute: "Market size" });
    const [found] = await figures();
    expect(found?.entityIds).toEqual([s.anthropic.id, industry.id].sort());
    expect(found?.claimIds).toHaveLength(3);
    const { version } = await retractClaim(s.analyst.ctx, { investigationId: s.inv.id, id: other.id, version: 1, reason: "Misread" });
    expect(await figures()).toEqual([]);
    await restoreClaim(s.analyst.ctx, { investigationId: s.inv.id, id: other.id, version });
    expect(await figures()).toEqual([found]);
    expect(await redetect(SYSTEM, s.inv.id)).toMatchObject({ opened: 0, updated: 0, reopened: 0, closed: 0 });
  });

  test("a name that is part of another's opens a naming conflict; adding an alias does not repeat it", async () => {
    const s = await makeStory([ONE]);
    const michael = await s.entity("Michael", "person");
    const emil = await s.entity("Emil Michael", "person");
    const naming = await db().conflict.findMany({ where: { investigationId: s.inv.id, kind: "naming" }, include: { entities: true } });
    expect(naming).toHaveLength(1);
    expect(naming[0]!.entities.map((e) => e.entityId).sort()).toEqual([michael.id, emil.id].sort());
    await addAlias(s.analyst.ctx, { investigationId: s.inv.id, entityId: michael.id, name: "the Pentagon's Michael" });
    expect(await db().conflict.count({ where: { investigationId: s.inv.id, kind: "naming" } })).toBe(1);
  });

  test("a naming conflict reopened after one of its names was merged away is closed again by detection", async () => {
    const s = await makeStory([ONE]);
    const michael = await s.entity("Michael", "person");
    await s.entity("Emil Michael", "person");
    const other = await s.entity("Someone Else", "person");
    let naming = await db().conflict.findFirstOrThrow({ where: { investigationId: s.inv.id, kind: "naming" } });
    await resolve(s.reviewer.ctx, {
      investigationId: s.inv.id,
      id: naming.id,
      version: naming.version,
      kind: "not_a_conflict",
      rationale: "Two different people, it turns out.",
    });
    await mergeEntities(s.analyst.ctx, { investigationId: s.inv.id, sourceId: michael.id, targetId: other.id });
    naming = await db().conflict.findUniqueOrThrow({ where: { id: naming.id } });
    await reopenConflict(s.reviewer.ctx, {
      investigationId: s.inv.id,
      id: naming.id,
      version: naming.version,
      reason: "Looking at it again after the merge.",
    });
    expect(await db().conflict.findUniqueOrThrow({ where: { id: naming.id } })).toMatchObject({
      status: "dismissed",
      closedBy: "detection",
    });
  });
});

describe(`resolving, on ${testEngine}`, () => {
  test("accepting one claim rejects the others with the reason; nothing is deleted; reopening restores them", async () => {
    const s = await valuationStory();
    const conflict = await s.conflictOf();
    await resolve(s.reviewer.ctx, {
      investigationId: s.inv.id,
      id: conflict.id,
      version: conflict.version,
      kind: "accept_claim",
      acceptedClaimId: s.large.id,
      rationale: "Later reporting and the company's own statement give $183 billion.",
    });
    const loser = await db().claim.findUniqueOrThrow({ where: { id: s.small.id } });
    expect(loser.status).toBe("rejected");
    expect(loser.statusReason).toMatch(/in favour of “\$183 billion”: Later reporting/);
    const settled = await getConflict(s.inv.id, conflict.id);
    expect(settled).toMatchObject({ status: "resolved" });
    expect(await s.conflictOf()).toMatchObject({ closedBy: "person" });
    expect(settled!.resolutions[0]).toMatchObject({ kind: "accept_claim", acceptedClaimId: s.large.id, withdrawnAt: null });
    expect(settled!.claims).toHaveLength(2);

    await reopenConflict(s.reviewer.ctx, {
      investigationId: s.inv.id,
      id: conflict.id,
      version: conflict.version + 1,
      reason: "The company disputes the later figure.",
    });
    const reopened = await getConflict(s.inv.id, conflict.id);
    expect(reopened).toMatchObject({ status: "open", reopenReason: "The company disputes the later figure." });
    expect(reopened!.resolutions[0]!.withdrawnAt).not.toBeNull();
    expect((await db().claim.findUniqueOrThrow({ where: { id: s.small.id } })).status).toBe("active");
    const actions = (await db().auditEvent.findMany({ where: { objectId: conflict.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["conflict.detect", "conflict.resolve", "conflict.reopen"]);
  });

  test("a settled conflict stays settled until a new claim enters it; then it reopens saying which", async () => {
    const s = await valuationStory();
    const conflict = await s.conflictOf();
    await resolve(s.reviewer.ctx, {
      investigationId: s.inv.id,
      id: conflict.id,
      version: conflict.version,
      kind: "both_valid",
      asOfClaimId: [s.small.id, s.large.id],
      asOf: ["2023", "September 2025"],
      rationale: "Two funding rounds two years apart.",
    });
    expect(await redetect(SYSTEM, s.inv.id)).toMatchObject({ opened: 0, updated: 0, reopened: 0 });
    expect((await s.conflictOf()).status).toBe("resolved");
    await s.claim(2, "$61.5 billion", { subjectId: s.anthropic.id });
    const reopened = await s.conflictOf();
    expect(reopened.status).toBe("open");
    expect(reopened.reopenReason).toMatch(/A new claim entered after it was settled: “\$61.5 billion” \(Article 2\)/);
    expect(reopened.claims).toHaveLength(3);
    const [withdrawn] = await db().resolution.findMany({ where: { conflictId: conflict.id } });
    expect(withdrawn).toMatchObject({ kind: "both_valid", details: { asOf: { [s.small.id]: { text: "2023" } } } });
    expect(withdrawn!.withdrawnAt).not.toBeNull();
  });

  test("when a new claim reopens a decision, the claims it set aside come back into the conflict", async () => {
    const s = await valuationStory();
    const conflict = await s.conflictOf();
    await resolve(s.reviewer.ctx, {
      investigationId: s.inv.id,
      id: conflict.id,
      version: conflict.version,
      kind: "accept_claim",
      acceptedClaimId: s.large.id,
      rationale: "The later figure is the company's own.",
    });
    expect((await db().claim.findUniqueOrThrow({ where: { id: s.small.id } })).status).toBe("rejected");
    const third = await s.claim(2, "$61.5 billion", { subjectId: s.anthropic.id });
    const reopened = await s.conflictOf();
    expect(reopened.status).toBe("open");
    expect(reopened.claims.map((c) => c.claimId).sort()).toEqual([s.small.id, s.large.id, third.id].sort());
    expect(await db().claim.findUniqueOrThrow({ where: { id: s.small.id } })).toMatchObject({ status: "active", statusReason: null });
    expect(await db().auditEvent.count({ where: { objectId: s.small.id, action: "claim.restore" } })).toBe(1);
  });

  test("an annotation mistake retracts the claim without blaming the source; corrected and still disagreeing, it reopens the conflict", async () => {
    const s = await valuationStory();
    const conflict = await s.conflictOf();
    await resolve(s.reviewer.ctx, {
      investigationId: s.inv.id,
      id: conflict.id,
      version: conflict.version,
      kind: "annotation_mistake",
      mistakenClaimId: s.small.id,
      rationale: "The claim was recorded on the wrong subject's figure.",
    });
    const mistaken = await db().claim.findUniqueOrThrow({ where: { id: s.small.id } });
    expect(mistaken.status).toBe("retracted");
    expect(mistaken.statusReason).toMatch(/source is not at fault/);
    expect((await s.conflictOf()).status).toBe("resolved");
    await restoreClaim(s.analyst.ctx, { investigationId: s.inv.id, id: s.small.id, version: mistaken.version });
    const again = await s.conflictOf();
    expect(again.status).toBe("open");
    expect(again.reopenReason).toMatch(/\$18.4 billion/);
  });

  test("merging the two names of a naming conflict moves the claims; 'not a conflict' is never proposed again", async () => {
    const s = await makeStory([ONE]);
    const michael = await s.entity("Michael", "person");
    const emil = await s.entity("Emil Michael", "person");
    await s.claim(0, "Anthropic", { subjectId: michael.id, attribute: "Employer", valueKind: "text" });
    const naming = await db().conflict.findFirstOrThrow({ where: { investigationId: s.inv.id, kind: "naming" } });
    await resolve(s.reviewer.ctx, {
      investigationId: s.inv.id,
      id: naming.id,
      version: naming.version,
      kind: "merge_entities",
      keepEntityId: emil.id,
      rationale: "Both name the Pentagon's chief technology officer.",
    });
    expect((await db().entity.findUniqueOrThrow({ where: { id: michael.id } })).mergedIntoId).toBe(emil.id);
    expect(await db().claim.count({ where: { subjectId: emil.id } })).toBe(1);

    const other = await makeStory([ONE]);
    const a = await other.entity("Michael", "person");
    await other.entity("Emil Michael", "person");
    const proposal = await db().conflict.findFirstOrThrow({ where: { investigationId: other.inv.id, kind: "naming" } });
    await resolve(other.reviewer.ctx, {
      investigationId: other.inv.id,
      id: proposal.id,
      version: proposal.version,
      kind: "not_a_conflict",
      rationale: "Two different people named Michael.",
    });
    await addAlias(other.analyst.ctx, { investigationId: other.inv.id, entityId: a.id, name: "Mike" });
    await redetect(SYSTEM, other.inv.id);
    const after = await db().conflict.findMany({ where: { investigationId: other.inv.id, kind: "naming" } });
    expect(after.map((c) => c.status)).toEqual(["dismissed"]);
  });

  test("a rationale is required and a reconciled value must read as a value", () => {
    const base = { investigationId: "i", id: "c", version: 1 };
    expect(resolveConflictInput.safeParse({ ...base, kind: "not_a_conflict", rationale: "" }).success).toBe(false);
    expect(resolveConflictInput.safeParse({ ...base, kind: "accept_claim", rationale: "A good reason." }).success).toBe(false);
    expect(resolveConflictInput.safeParse({ ...base, kind: "both_valid", rationale: "A good reason." }).success).toBe(false);
  });

  test("a reconciled value that cannot be read is refused and nothing is recorded", async () => {
    const s = await valuationStory();
    const conflict = await s.conflictOf();
    await expectRefusal(
      resolve(s.reviewer.ctx, {
        investigationId: s.inv.id,
        id: conflict.id,
        version: conflict.version,
        kind: "reconciled_value",
        valueText: "lots",
        rationale: "Split the difference.",
      }),
      "invalid_input",
    );
    expect((await s.conflictOf()).status).toBe("open");
    expect(await db().resolution.count({ where: { conflictId: conflict.id } })).toBe(0);
  });

  test("an article's own correction: accepting the corrected value supersedes the other", async () => {
    const text =
      "Agent Skills launched in December 2025.\nCorrection: An earlier version misstated the launch date; it was December 2025, not late 2024.";
    const s = await makeStory([text]);
    const skills = await s.entity("Agent Skills", "product");
    const right = await s.claim(0, "December 2025", { subjectId: skills.id, attribute: "Launch date", valueKind: "date" });
    const wrong = await s.claim(0, "it was December 2025, not late 2024", {
      subjectId: skills.id,
      attribute: "Launch date",
      valueKind: "date",
      valueText: "late 2024",
    });
    const conflict = await db().conflict.findFirstOrThrow({ where: { investigationId: s.inv.id } });
    expect(conflict.kind).toBe("correction");
    await resolve(s.reviewer.ctx, {
      investigationId: s.inv.id,
      id: conflict.id,
      version: conflict.version,
      kind: "accept_claim",
      acceptedClaimId: right.id,
      rationale: "The article's correction says so.",
    });
    expect(await db().claim.findUniqueOrThrow({ where: { id: wrong.id } })).toMatchObject({
      status: "superseded",
      supersededById: right.id,
    });
  });

  test("two reviewers at once: one decision is recorded, the other is told who decided and how", async () => {
    const s = await valuationStory();
    const conflict = await s.conflictOf();
    const second = s.reviewer; // the same role, another session: a second account
    const other = {
      ...second.ctx,
      actorId: (await db().user.create({ data: { email: `r2-${Math.random()}@example.test`, name: "Second Reviewer", role: "reviewer" } }))
        .id,
    };
    const outcomes = await Promise.allSettled([
      resolve(s.reviewer.ctx, {
        investigationId: s.inv.id,
        id: conflict.id,
        version: conflict.version,
        kind: "not_a_conflict",
        rationale: "Different scopes, both fine.",
      }),
      resolve(other, {
        investigationId: s.inv.id,
        id: conflict.id,
        version: conflict.version,
        kind: "accept_claim",
        acceptedClaimId: s.large.id,
        rationale: "The later figure is right.",
      }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ExpectedError);
    expect((lost.reason as ExpectedError).code).toBe("stale");
    expect((lost.reason as ExpectedError).message).toMatch(/already settled this conflict at .*(Not a conflict|Accepted one claim)/);
    expect(await db().resolution.count({ where: { conflictId: conflict.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { objectId: conflict.id, action: "conflict.resolve" } })).toBe(1);
  });
});

describe(`analysts' part, on ${testEngine}`, () => {
  test("an analyst marks claims as conflicting with a note, and anyone can discuss it", async () => {
    const s = await valuationStory();
    const gov = await s.entity("U.S. government");
    const offered = await s.claim(0, "keeps growing", { subjectId: gov.id, attribute: "Approach", valueKind: "text" });
    const ordered = await s.claim(1, "in September", { subjectId: gov.id, attribute: "Stance", valueKind: "text" });
    const { id } = await createManualConflict(s.analyst.ctx, {
      investigationId: s.inv.id,
      claimIds: [offered.id, ordered.id],
      note: "Offering concessions and ordering compliance cannot both describe the approach.",
    });
    await addComment(s.analyst.ctx, { investigationId: s.inv.id, conflictId: id, body: "Check the Reuters wording." });
    const conflict = await getConflict(s.inv.id, id);
    expect(conflict).toMatchObject({ kind: "manual", status: "open", summary: expect.stringMatching(/Offering concessions/) });
    expect(conflict!.comments.map((c) => c.body)).toEqual(["Check the Reuters wording."]);
    expect(conflict!.claims.map((c) => c.sentence.quote).sort()).toEqual(["in September", "keeps growing"]);
    // Detection leaves manual conflicts alone.
    await redetect(SYSTEM, s.inv.id);
    expect((await getConflict(s.inv.id, id))!.status).toBe("open");
  });

  test("claims of another investigation cannot be marked", async () => {
    const s = await valuationStory();
    const other = await valuationStory();
    await expectRefusal(
      createManualConflict(s.analyst.ctx, {
        investigationId: s.inv.id,
        claimIds: [s.small.id, other.small.id],
        note: "Mixing two stories here.",
      }),
      "not_found",
    );
  });
});

describe(`the demo story, on ${testEngine}`, () => {
  test("detection finds the disagreements the sources leave; the seed settles one; re-running changes nothing", async () => {
    await seedDemo();
    const inv = await db().investigation.findFirstOrThrow({ where: { slug: "anthropic-pentagon" } });
    const queue = await listConflicts(inv.id, { status: "all" });
    const titled = queue.items.map((i) => `${i.kind}: ${i.title} [${i.status}]`);
    expect(titled).toEqual(
      expect.arrayContaining([
        "scale: Anthropic · Valuation [open]",
        "naming: “Michael” or “Emil Michael” [open]",
        "set: Anthropic · Backers [open]",
        "correction: Agent Skills · Launch date [resolved]",
        expect.stringMatching(/^misattribution: \$183 billion: (Anthropic or AI industry|AI industry or Anthropic)\? \[open\]$/),
      ]),
    );
    expect(queue.counts.resolved).toBe(1);
    const valuation = queue.items.find((i) => i.title === "Anthropic · Valuation")!;
    expect(valuation.values.sort()).toEqual(["$18.4 billion", "$183 billion"]);
    expect((await getConflict(inv.id, valuation.id))!.suggestion).toMatch(/unit slip/);
    // "the Pentagon" and "U.S. Department of Defense" name one entity: not a conflict.
    expect(titled.some((t) => t.includes("Employer"))).toBe(false);
    expect(await redetect(SYSTEM, inv.id)).toMatchObject({ opened: 0, updated: 0, reopened: 0, closed: 0 });
    // The queue puts open conflicts first, the most consequential (a scale slip) at the top.
    expect(queue.items[0]!.kind).toBe("scale");
    expect(queue.items.at(-1)!.status).toBe("resolved");
  });

  test("claims read a few at a time: groups cut across batches are still compared whole", async () => {
    const s = await valuationStory();
    await s.claim(2, "$61.5 billion", { subjectId: s.anthropic.id });
    await seedDemo();
    const demo = await db().investigation.findFirstOrThrow({ where: { slug: "anthropic-pentagon" } });
    const detect = (investigationId: string, batch?: number) =>
      db().$transaction((tx) => detectFromScratch(tx, investigationId, undefined, batch));
    const valuation = await detect(s.inv.id);
    expect(valuation.find((d) => d.key.startsWith(`claims:${s.anthropic.id}:valuation`))?.claimIds).toHaveLength(3);
    for (const investigationId of [s.inv.id, demo.id]) {
      const whole = await detect(investigationId);
      for (const batch of [1, 2, 3, 7]) expect(await detect(investigationId, batch)).toEqual(whole);
    }
  });
});

describe(`names and values, on ${testEngine}`, () => {
  test("an alias that makes two texts name one entity settles their disagreement by itself; removing it brings it back", async () => {
    const s = await makeStory(["He works for the Pentagon.", "He works for the Department of Defense."]);
    const michael = await s.entity("Michael", "person");
    const dod = await s.entity("Department of Defense");
    await s.claim(0, "the Pentagon", { subjectId: michael.id, attribute: "Employer", valueKind: "text" });
    await s.claim(1, "the Department of Defense", {
      subjectId: michael.id,
      attribute: "Employer",
      valueKind: "text",
      valueText: "Department of Defense",
    });
    const employer = () =>
      db().conflict.findFirstOrThrow({ where: { investigationId: s.inv.id, detectionKey: { startsWith: "claims:" } } });
    expect((await employer()).status).toBe("open");
    const { id: aliasId } = await addAlias(s.analyst.ctx, { investigationId: s.inv.id, entityId: dod.id, name: "the Pentagon" });
    expect(await employer()).toMatchObject({ status: "dismissed", closedReason: expect.stringMatching(/no longer holds/) });
    const { removeAlias } = await import("@/lib/server/entities.ts");
    await removeAlias(s.analyst.ctx, { investigationId: s.inv.id, aliasId });
    expect((await employer()).status).toBe("open");
  });
});

describe(`conflicts where people read, on ${testEngine}`, () => {
  test("an entity's page learns the open conflicts of each of its claims", async () => {
    const s = await valuationStory();
    const industry = await s.entity("AI industry", "other");
    const market = await s.claim(2, "$183 billion", { subjectId: industry.id, attribute: "Market size" });
    const scale = await s.conflictOf();

    const anthropic = await entityOpenConflicts(s.inv.id, s.anthropic.id);
    const titles = (refs: { kind: string; title: string }[] = []) => refs.map((r) => `${r.kind}: ${r.title}`).sort();
    expect(titles(anthropic.byClaim[s.small.id])).toEqual(["scale: Anthropic · Valuation"]);
    expect(titles(anthropic.byClaim[s.large.id])).toEqual([
      expect.stringMatching(/^misattribution: \$183 billion: /),
      "scale: Anthropic · Valuation",
    ]);
    // The industry's claim is the industry's: it is not listed on Anthropic's page.
    expect(anthropic.byClaim[market.id]).toBeUndefined();
    // Anthropic's conflicts are about its figures, not its name.
    expect(anthropic.naming).toEqual([]);

    // Settled, a conflict no longer marks anything.
    await resolve(s.reviewer.ctx, {
      investigationId: s.inv.id,
      id: scale.id,
      version: scale.version,
      kind: "both_valid",
      asOfClaimId: [s.small.id, s.large.id],
      asOf: ["2024", "September 2025"],
      rationale: "Two funding rounds, a year apart.",
    });
    const after = await entityOpenConflicts(s.inv.id, s.anthropic.id);
    expect(after.byClaim[s.small.id]).toBeUndefined();
    expect(titles(after.byClaim[s.large.id])).toEqual([expect.stringMatching(/^misattribution: /)]);
  });

  test("a name's page learns its open naming conflict; another investigation's id finds nothing", async () => {
    const s = await makeStory([ONE]);
    const michael = await s.entity("Michael", "person");
    await s.entity("Emil Michael", "person");
    const { naming, byClaim } = await entityOpenConflicts(s.inv.id, michael.id);
    expect(naming.map((c) => `${c.kind}: ${c.title}`)).toEqual([expect.stringMatching(/^naming: “(Emil )?Michael” or “(Emil )?Michael”$/)]);
    expect(byClaim).toEqual({});
    const other = await makeStory([TWO]);
    expect(await entityOpenConflicts(other.inv.id, michael.id)).toEqual({ naming: [], byClaim: {} });
  });

  test("a decision without its kind, or accepting without the claim, is refused at that field and records nothing", async () => {
    const s = await valuationStory();
    const conflict = await s.conflictOf();
    const actor = { id: s.reviewer.id, email: s.reviewer.email, name: s.reviewer.name, role: s.reviewer.role };
    const submit = (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ investigationId: s.inv.id, id: conflict.id, version: String(conflict.version), ...fields }))
        form.append(k, v);
      return executeAction("conflict.resolve", resolveConflictInput, (input) => resolveConflict(s.reviewer.ctx, input), actor, form);
    };
    const noKind = await submit({ rationale: "The later figure is the company's own." });
    expect(noKind).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { kind: ["Choose how the conflict is settled."] } });
    const noClaim = await submit({ kind: "accept_claim", rationale: "The later figure is the company's own." });
    expect(noClaim).toMatchObject({ ok: false, fieldErrors: { acceptedClaimId: ["Choose the claim that is right."] } });
    expect(await db().resolution.count({ where: { conflictId: conflict.id } })).toBe(0);
    expect(await s.conflictOf()).toMatchObject({ status: "open", version: conflict.version });
    expect((await db().claim.findUniqueOrThrow({ where: { id: s.small.id } })).status).toBe("active");
  });
});
