import { describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { resolveConflictInput } from "@/lib/domain/inputs.ts";
import { mergeAttributes as mergeAction, renameAttribute as renameAction } from "@/lib/features/attributes/actions.ts";
import { listAttributes, mergeAttributes, renameAttribute, setAttributeSense } from "@/lib/server/attributes.ts";
import { resolveConflict } from "@/lib/server/conflicts.ts";
import { db } from "@/lib/server/database.ts";
import { redetect } from "@/lib/server/detection.ts";
import { actionRegistry } from "@/lib/web/action.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

const conflictsOf = (investigationId: string) =>
  db().conflict.findMany({
    where: { investigationId, kind: { notIn: ["naming", "misattribution"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, status: true, closedBy: true, detectionKey: true, claims: { select: { claimId: true } } },
  });

const members = (c: { claims: { claimId: string }[] }) => c.claims.map((m) => m.claimId).sort();

async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

/** What a full recomputation would still change: nothing, when the incremental path left things right. */
const fromScratch = async (s: Awaited<ReturnType<typeof makeStory>>) => redetect(s.reviewer.ctx, s.inv.id);

const VALUATIONS = [
  "Anthropic, valued at $18.4 billion, keeps growing.",
  "Anthropic was valued at $183 billion in September.",
  "Analysts put Anthropic at $61.5 billion, or even $150 billion.",
];

async function valuationStory() {
  const s = await makeStory(VALUATIONS);
  const anthropic = await s.entity("Anthropic");
  const small = await s.claim(0, "$18.4 billion", { subjectId: anthropic.id });
  const large = await s.claim(1, "$183 billion", { subjectId: anthropic.id });
  return { ...s, anthropic, small, large };
}

const settle = async (s: { reviewer: { ctx: { actorId: string; requestId: string } }; inv: { id: string } }, conflictId: string) => {
  const { version } = await db().conflict.findUniqueOrThrow({ where: { id: conflictId }, select: { version: true } });
  await resolveConflict(
    s.reviewer.ctx,
    resolveConflictInput.parse({
      investigationId: s.inv.id,
      id: conflictId,
      version,
      kind: "not_a_conflict",
      rationale: "Different rounds of funding, both reported correctly.",
    }),
  );
};

describe(`merging attributes, on ${testEngine}`, () => {
  test("claims recorded under two names for one measure are compared once merged: a new conflict, audited", async () => {
    const s = await makeStory([
      "The Department of Defense awarded AI contracts worth $200 million.",
      "The Pentagon has awarded contracts totalling $900 million.",
    ]);
    const dod = await s.entity("Department of Defense");
    const first = await s.claim(0, "$200 million", { subjectId: dod.id, attribute: "AI contracts awarded" });
    const drifted = await s.claim(1, "$900 million", { subjectId: dod.id, attribute: "Contracts awarded total" });
    expect(await conflictsOf(s.inv.id)).toEqual([]);
    expect((await listAttributes(s.inv.id)).map((a) => [a.label, a.claims])).toEqual([
      ["AI contracts awarded", 1],
      ["Contracts awarded total", 1],
    ]);

    const result = await mergeAttributes(s.reviewer.ctx, {
      investigationId: s.inv.id,
      key: "contracts_awarded_total",
      intoKey: "ai_contracts_awarded",
    });
    expect(result).toEqual({
      changed: true,
      from: "Contracts awarded total",
      to: "AI contracts awarded",
      claims: 1,
      conflicts: { opened: 1, reopened: 0, closed: 0, updated: 0 },
      summary: "Merged “Contracts awarded total” into “AI contracts awarded”: 1 claim moved, 1 new conflict.",
    });
    const moved = await db().claim.findUniqueOrThrow({ where: { id: drifted.id } });
    expect(moved).toMatchObject({ attribute: "ai_contracts_awarded", attributeLabel: "AI contracts awarded", version: 2 });
    const [conflict] = await conflictsOf(s.inv.id);
    expect(conflict).toMatchObject({ kind: "value", status: "open", detectionKey: `claims:${dod.id}:ai_contracts_awarded` });
    expect(members(conflict!)).toEqual([first.id, drifted.id].sort());
    expect(await listAttributes(s.inv.id)).toEqual([
      expect.objectContaining({ key: "ai_contracts_awarded", label: "AI contracts awarded", claims: 2, subjects: 1, openConflicts: 1 }),
    ]);

    // Audited: the attribute with before, after and counts; the claim that moved; the conflict found.
    const events = await db().auditEvent.findMany({
      where: { investigationId: s.inv.id, requestId: s.reviewer.ctx.requestId },
      orderBy: { id: "asc" },
      select: { action: true, objectType: true, objectId: true, before: true, after: true, actorId: true },
    });
    expect(events.map((e) => `${e.action} ${e.objectType}`)).toEqual([
      "attribute.merge Claim",
      "conflict.detect Conflict",
      "attribute.merge Attribute",
    ]);
    expect(events.every((e) => e.actorId === s.reviewer.id)).toBe(true);
    expect(events[0]).toMatchObject({
      objectId: drifted.id,
      before: { attribute: "contracts_awarded_total", attributeLabel: "Contracts awarded total" },
      after: { attribute: "ai_contracts_awarded", attributeLabel: "AI contracts awarded" },
    });
    expect(events[2]).toMatchObject({
      before: {
        key: "contracts_awarded_total",
        label: "Contracts awarded total",
        claims: 1,
        into: { key: "ai_contracts_awarded", claims: 1 },
      },
      after: { key: "ai_contracts_awarded", label: "AI contracts awarded", claimsMoved: 1, conflicts: { opened: 1 } },
    });
    expect(await fromScratch(s)).toMatchObject({ opened: 0, updated: 0, reopened: 0, closed: 0 });
  });

  test("two open conflicts of one subject become one: the target's takes the claims, the other is closed by detection", async () => {
    const s = await valuationStory();
    await s.claim(2, "$61.5 billion", { subjectId: s.anthropic.id, attribute: "Company value" });
    await s.claim(2, "$150 billion", { subjectId: s.anthropic.id, attribute: "Company value" });
    const [valuation, companyValue] = await conflictsOf(s.inv.id);
    expect([valuation!.status, companyValue!.status]).toEqual(["open", "open"]);

    const result = await mergeAttributes(s.reviewer.ctx, { investigationId: s.inv.id, key: "company_value", intoKey: "valuation" });
    expect(result).toMatchObject({ claims: 2, conflicts: { opened: 0, reopened: 0, updated: 1, closed: 1 } });
    const after = new Map((await conflictsOf(s.inv.id)).map((c) => [c.id, c]));
    expect(after.get(valuation!.id)).toMatchObject({ status: "open", detectionKey: `claims:${s.anthropic.id}:valuation` });
    expect(after.get(valuation!.id)!.claims).toHaveLength(4);
    expect(after.get(companyValue!.id)).toMatchObject({ status: "dismissed", closedBy: "detection" });
    expect(await fromScratch(s)).toMatchObject({ opened: 0, updated: 0, reopened: 0, closed: 0 });
  });

  test("a settled conflict meets the claims joining it: reopened, its decision kept on record; nothing is lost", async () => {
    const s = await valuationStory();
    await s.claim(2, "$61.5 billion", { subjectId: s.anthropic.id, attribute: "Company value" });
    await s.claim(2, "$150 billion", { subjectId: s.anthropic.id, attribute: "Company value" });
    const [valuation, companyValue] = await conflictsOf(s.inv.id);
    await settle(s, companyValue!.id);

    const result = await mergeAttributes(s.reviewer.ctx, { investigationId: s.inv.id, key: "company_value", intoKey: "valuation" });
    expect(result.conflicts).toEqual({ opened: 0, reopened: 1, updated: 0, closed: 1 });
    const after = new Map((await conflictsOf(s.inv.id)).map((c) => [c.id, c]));
    // The decided conflict holds the group now; the one that was open moved aside and was closed.
    expect(after.get(companyValue!.id)).toMatchObject({ status: "open", detectionKey: `claims:${s.anthropic.id}:valuation` });
    expect(after.get(companyValue!.id)!.claims).toHaveLength(4);
    expect(after.get(valuation!.id)).toMatchObject({
      status: "dismissed",
      closedBy: "detection",
      detectionKey: `claims:${s.anthropic.id}:company_value`,
    });
    const decision = await db().resolution.findFirstOrThrow({ where: { conflictId: companyValue!.id } });
    expect(decision).toMatchObject({ kind: "not_a_conflict", withdrawnAt: expect.any(Date) });
    const reopened = await db().conflict.findUniqueOrThrow({ where: { id: companyValue!.id }, select: { reopenReason: true } });
    expect(reopened.reopenReason).toMatch(/\$18\.4 billion.*\$183 billion|\$183 billion.*\$18\.4 billion/);
    expect(await fromScratch(s)).toMatchObject({ opened: 0, updated: 0, reopened: 0, closed: 0 });
  });
});

describe(`renaming an attribute, on ${testEngine}`, () => {
  test("its conflicts follow under the new name, open or settled, and a decision stays in force", async () => {
    const s = await valuationStory();
    const [conflict] = await conflictsOf(s.inv.id);
    expect(conflict).toMatchObject({ kind: "scale", status: "open" });

    const renamed = await renameAttribute(s.reviewer.ctx, { investigationId: s.inv.id, key: "valuation", label: "Post-money valuation" });
    expect(renamed).toEqual({
      changed: true,
      from: "Valuation",
      to: "Post-money valuation",
      claims: 2,
      conflicts: { opened: 0, reopened: 0, closed: 0, updated: 0 },
      summary: "Renamed “Valuation” to “Post-money valuation”: 2 claims moved, no conflict changed.",
    });
    expect(await conflictsOf(s.inv.id)).toEqual([
      expect.objectContaining({ id: conflict!.id, status: "open", detectionKey: `claims:${s.anthropic.id}:post_money_valuation` }),
    ]);
    const rekeyed = await db().auditEvent.findFirstOrThrow({
      where: { objectType: "Conflict", objectId: conflict!.id, action: "attribute.rename" },
    });
    expect(rekeyed).toMatchObject({
      before: { detectionKey: `claims:${s.anthropic.id}:valuation` },
      after: { detectionKey: `claims:${s.anthropic.id}:post_money_valuation` },
    });

    await settle(s, conflict!.id);
    // Another spelling of the same name relabels the claims and touches no key.
    const respelt = await renameAttribute(s.reviewer.ctx, {
      investigationId: s.inv.id,
      key: "post_money_valuation",
      label: "Post-Money Valuation",
    });
    expect(respelt).toMatchObject({ changed: true, claims: 2 });
    await renameAttribute(s.reviewer.ctx, { investigationId: s.inv.id, key: "post_money_valuation", label: "Valuation after the round" });
    const [settled] = await conflictsOf(s.inv.id);
    expect(settled).toMatchObject({
      id: conflict!.id,
      status: "dismissed",
      closedBy: "person",
      detectionKey: `claims:${s.anthropic.id}:valuation_after_the_round`,
    });
    expect(await db().resolution.findFirstOrThrow({ where: { conflictId: conflict!.id } })).toMatchObject({ withdrawnAt: null });
    expect(await db().claim.findMany({ where: { investigationId: s.inv.id }, select: { attributeLabel: true } })).toEqual([
      { attributeLabel: "Valuation after the round" },
      { attributeLabel: "Valuation after the round" },
    ]);
    expect(await fromScratch(s)).toMatchObject({ opened: 0, updated: 0, reopened: 0, closed: 0 });

    // Nothing to do says so.
    await expect(
      renameAttribute(s.reviewer.ctx, { investigationId: s.inv.id, key: "valuation_after_the_round", label: "Valuation after the round" }),
    ).resolves.toMatchObject({ changed: false, claims: 0 });
  });

  test("what is set on the attribute goes with it", async () => {
    const s = await valuationStory();
    await setAttributeSense(s.reviewer.ctx, {
      investigationId: s.inv.id,
      key: "valuation",
      cardinality: null,
      change: "changes",
      lists: null,
    });
    await renameAttribute(s.reviewer.ctx, { investigationId: s.inv.id, key: "valuation", label: "Company value" });
    expect(await listAttributes(s.inv.id)).toEqual([
      expect.objectContaining({ key: "company_value", setting: { cardinality: null, change: "changes", lists: null } }),
    ]);
    expect(await db().attribute.count({ where: { investigationId: s.inv.id } })).toBe(1);

    // A setting left on a name no claim uses any more was about other claims: it goes, on record.
    await db().attribute.create({ data: { investigationId: s.inv.id, key: "worth", label: "Worth", cardinality: "multi" } });
    await renameAttribute(s.reviewer.ctx, { investigationId: s.inv.id, key: "company_value", label: "Worth" });
    expect(await listAttributes(s.inv.id)).toEqual([
      expect.objectContaining({ key: "worth", setting: { cardinality: null, change: "changes", lists: null } }),
    ]);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { investigationId: s.inv.id, objectType: "Attribute", action: "attribute.rename" },
      orderBy: { id: "desc" },
    });
    expect(event.after).toMatchObject({ key: "worth", droppedSetting: { cardinality: "multi", change: null, lists: null } });
  });
});

describe(`what a rename or merge refuses, on ${testEngine}`, () => {
  test("a name in use, values that never compare, settings that disagree, an attribute gone", async () => {
    const s = await valuationStory();
    const founded = await s.claim(2, "$61.5 billion", {
      subjectId: s.anthropic.id,
      attribute: "Founded",
      valueKind: "date",
      valueText: "2021",
    });
    await s.claim(2, "$150 billion", { subjectId: s.anthropic.id, attribute: "Revenue" });

    const taken = await refusal(renameAttribute(s.reviewer.ctx, { investigationId: s.inv.id, key: "revenue", label: "valuation" }));
    expect(taken).toMatchObject({
      code: "duplicate",
      message: "“valuation” is already an attribute (2 claims). To put these claims under it, use “Merge into…”.",
    });

    const kinds = await refusal(mergeAttributes(s.reviewer.ctx, { investigationId: s.inv.id, key: "founded", intoKey: "valuation" }));
    expect(kinds.message).toBe(
      "“Founded” holds dates and “Valuation” money: no claim of one could be compared with a claim of the other, so they are not one attribute.",
    );
    expect(kinds.fieldErrors?.intoKey).toEqual([kinds.message]);

    await setAttributeSense(s.reviewer.ctx, {
      investigationId: s.inv.id,
      key: "revenue",
      cardinality: null,
      change: "changes",
      lists: null,
    });
    await setAttributeSense(s.reviewer.ctx, {
      investigationId: s.inv.id,
      key: "valuation",
      cardinality: null,
      change: "fixed",
      lists: null,
    });
    const settings = await refusal(mergeAttributes(s.reviewer.ctx, { investigationId: s.inv.id, key: "revenue", intoKey: "valuation" }));
    expect(settings.message).toMatch(/^“Revenue” is set to “Changes over time”, “Valuation” to “Does not change”\./);

    const gone = await refusal(mergeAttributes(s.reviewer.ctx, { investigationId: s.inv.id, key: "nothing_here", intoKey: "valuation" }));
    expect(gone.code).toBe("not_found");

    // Nothing moved, nothing was recorded.
    expect((await db().claim.findUniqueOrThrow({ where: { id: founded.id } })).attribute).toBe("founded");
    expect(
      await db().auditEvent.count({ where: { investigationId: s.inv.id, action: { in: ["attribute.rename", "attribute.merge"] } } }),
    ).toBe(0);
  });

  test("an analyst is refused by the actions, whatever the screen shows, and nothing moves", async () => {
    const s = await valuationStory();
    await s.claim(2, "$150 billion", { subjectId: s.anthropic.id, attribute: "Company value" });
    const analyst = { id: s.analyst.id, email: s.analyst.email, name: s.analyst.name, role: "analyst" as const };
    const merge = await actionRegistry
      .get(mergeAction)!
      .run(analyst, { investigationId: s.inv.id, key: "company_value", intoKey: "valuation" });
    expect(merge).toMatchObject({ ok: false, code: "forbidden" });
    const rename = await actionRegistry.get(renameAction)!.run(analyst, { investigationId: s.inv.id, key: "valuation", label: "Worth" });
    expect(rename).toMatchObject({ ok: false, code: "forbidden" });
    expect((await listAttributes(s.inv.id)).map((a) => a.key).sort()).toEqual(["company_value", "valuation"]);
    expect(
      await db().auditEvent.count({ where: { investigationId: s.inv.id, action: { in: ["attribute.rename", "attribute.merge"] } } }),
    ).toBe(0);
  });
});
