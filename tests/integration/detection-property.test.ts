import fc from "fast-check";
import { expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { plan } from "@/lib/domain/conflict-lifecycle.ts";
import { resolveConflictInput } from "@/lib/domain/inputs.ts";
import { deleteClaim, restoreClaim, retractClaim, updateClaim } from "@/lib/server/claims.ts";
import { createManualConflict, reopenConflict, resolveConflict } from "@/lib/server/conflicts.ts";
import { db } from "@/lib/server/database.ts";
import { detectFromScratch, trackedConflicts } from "@/lib/server/detection.ts";
import { addAlias, mergeEntities, removeAlias, undoMerge } from "@/lib/server/entities.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { keepGroupStatesFrom } from "@/tests/support/group-states.ts";
import { makeStory, openDetectedConflicts as openConflicts } from "@/tests/support/story.ts";

setupTestDatabase();

/**
 * Incremental detection (each claim change re-examines only what it touched) must leave the
 * same open conflicts as detection from scratch over the final claims, whatever the sequence.
 */
const TEXTS = [
  "The first report gives a figure. It adds a second figure later.",
  "Another outlet has its own figure here.\nCorrection: An earlier version gave the wrong figure; this is the figure.",
];
const QUOTES: [number, string][] = [
  [0, "a figure"],
  [0, "a second figure"],
  [1, "its own figure"],
  [1, "this is the figure"],
];
const VALUES = ["$18.4 billion", "$183 billion", "$61.5 billion", "$18,400 million", "up to $183 billion", "about $20 billion"];

const claimFields = fc.record({
  quote: fc.integer({ min: 0, max: QUOTES.length - 1 }),
  subject: fc.integer({ min: 0, max: 1 }),
  attribute: fc.constantFrom("Valuation", "Revenue"),
  value: fc.constantFrom(...VALUES),
  asOf: fc.constantFrom("", "", "2024", "2025"),
});

const command = fc.oneof(
  claimFields.map((f) => ({ op: "create" as const, ...f })),
  fc.record({ op: fc.constant("edit" as const), pick: fc.nat(), fields: claimFields }),
  fc.record({ op: fc.constantFrom("retract" as const, "restore" as const, "delete" as const), pick: fc.nat() }),
);

type Story = Awaited<ReturnType<typeof makeStory>>;
type ClaimCommand =
  | ({ op: "create" } & ClaimFields)
  | { op: "edit"; pick: number; fields: ClaimFields }
  | { op: "retract" | "restore" | "delete"; pick: number };
type ClaimFields = { quote: number; subject: number; attribute: string; value: string; asOf: string };

/** One claim command as an analyst would carry it out; `ids` are the claims made so far. */
async function runClaimCommand(s: Story, subjects: string[], ids: string[], c: ClaimCommand): Promise<void> {
  const fieldsOf = (f: ClaimFields) => ({ subjectId: subjects[f.subject]!, attribute: f.attribute, valueText: f.value, asOf: f.asOf });
  if (c.op === "create") {
    const [article, quote] = QUOTES[c.quote]!;
    ids.push((await s.claim(article, quote, { ...fieldsOf(c), valueKind: "money" })).id);
    return;
  }
  if (!ids.length) return;
  const id = ids[c.pick % ids.length]!;
  const { version } = await db().claim.findUniqueOrThrow({ where: { id }, select: { version: true } });
  const ref = { investigationId: s.inv.id, id, version };
  if (c.op === "edit") {
    await updateClaim(s.analyst.ctx, {
      ...ref,
      ...fieldsOf(c.fields),
      newSubjectName: "",
      newSubjectKind: "other",
      subjectText: "it",
      valueKind: "money",
      note: "",
    });
  } else if (c.op === "retract") await retractClaim(s.analyst.ctx, { ...ref, reason: "test" });
  else if (c.op === "restore") await restoreClaim(s.analyst.ctx, ref);
  else {
    await deleteClaim(s.analyst.ctx, ref);
    ids.splice(ids.indexOf(id), 1);
  }
}

// Every group keeps its detection state (as large groups do), or none does (the default for small ones).
test.each([
  ["states for large groups only", undefined],
  ["every group keeping its state", "0"],
])(
  `incremental detection equals detection from scratch after any sequence of claim edits, %s (${testEngine})`,
  async (_name, min) => {
    keepGroupStatesFrom(min);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        const s = await makeStory(TEXTS);
        const subjects = [(await s.entity("Anthropic")).id, (await s.entity("OpenAI")).id];
        const ids: string[] = [];
        for (const c of commands) {
          try {
            await runClaimCommand(s, subjects, ids, c);
          } catch (error) {
            // Refusals a person would get (deleting a claim a conflict involves) are part of the game.
            if (!(error instanceof ExpectedError)) throw error;
          }
        }
        const fromScratch = await db().$transaction((tx) => detectFromScratch(tx, s.inv.id));
        expect(await openConflicts(s.inv.id)).toEqual(
          fromScratch.map((d) => ({ key: d.key, kind: d.kind, claimIds: d.claimIds })).sort((a, b) => a.key.localeCompare(b.key)),
        );
        // Claims read a few at a time: batches end within groups, and each group is still compared whole.
        for (const batch of [1, 2, 3]) {
          expect(await db().$transaction((tx) => detectFromScratch(tx, s.inv.id, undefined, batch))).toEqual(fromScratch);
        }
      }),
      { numRuns: 25, ...(process.env.CI ? { seed: 20261123 } : {}) },
    );
  },
  240_000,
);

/**
 * The whole lifecycle: besides claim edits, reviewers settle and reopen conflicts, analysts add
 * and remove aliases, merge and unmerge entities and mark conflicts by hand. After any sequence,
 * detection from scratch must find nothing to change: every conflict it finds is on record as
 * it should be (open and up to date, or settled by a person with no new claim in it), and every
 * open detected conflict on record is one it finds.
 */
// One attribute most of the time, so that claims meet in groups that get settled and then entered.
const lifecycleClaimFields = fc.record({
  quote: fc.integer({ min: 0, max: QUOTES.length - 1 }),
  subject: fc.constantFrom(0, 0, 1, 2),
  attribute: fc.constantFrom("Valuation", "Valuation", "Valuation", "Revenue"),
  value: fc.constantFrom(...VALUES),
  asOf: fc.constantFrom("", "", "2024", "2025"),
});

const lifecycleCommand = fc.oneof(
  { weight: 7, arbitrary: lifecycleClaimFields.map((f) => ({ op: "create" as const, ...f })) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("edit" as const), pick: fc.nat(), fields: lifecycleClaimFields }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom("retract" as const, "restore" as const, "delete" as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("resolve" as const),
      pick: fc.nat(),
      accept: fc.constantFrom(true, true, false),
      winner: fc.nat(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("reopen" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("alias" as const),
      entity: fc.integer({ min: 0, max: 2 }),
      name: fc.constantFrom("Anthropic PBC", "Open AI", "Anthropic", "the lab"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("unalias" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("merge" as const),
      source: fc.integer({ min: 0, max: 2 }),
      target: fc.integer({ min: 0, max: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("unmerge" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("manual" as const), a: fc.nat(), b: fc.nat() }) },
);

/** What detection from scratch would still change: nothing, when the incremental path kept up. */
async function changesFromScratch(investigationId: string) {
  const { detected, existing } = await db().$transaction(async (tx) => ({
    detected: await detectFromScratch(tx, investigationId),
    existing: await trackedConflicts(tx, investigationId),
  }));
  // Said without plan(), so that a rule broken there is caught here too.
  const problems: string[] = [];
  const byKey = new Map(existing.map((c) => [c.key, c]));
  const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
  for (const d of detected) {
    const c = byKey.get(d.key);
    if (!c) problems.push(`${d.key}: found but not on record`);
    else if (c.status === "open" && !(same(c.claimIds, d.claimIds) && c.kind === d.kind))
      problems.push(`${d.key}: open but not up to date`);
    else if (c.status !== "open" && c.closedBy === "detection") problems.push(`${d.key}: holds again but still closed by detection`);
    else if (c.status !== "open" && d.claimIds.some((id) => !c.claimIds.includes(id)))
      problems.push(`${d.key}: a claim entered but it stayed settled`);
  }
  const found = new Set(detected.map((d) => d.key));
  for (const c of existing) if (c.status === "open" && !found.has(c.key)) problems.push(`${c.key}: open but no longer holds`);
  // And the lifecycle's own plan agrees.
  const ops = plan(
    existing,
    detected,
    existing.map((c) => c.key),
  ).filter((o) => o.op !== "leave-settled");
  return [...problems, ...ops.map((o) => `plan: ${o.op}`)];
}

type LifecycleCommand = typeof lifecycleCommand extends fc.Arbitrary<infer T> ? T : never;

/** One sequence of the lifecycle property: after each command, detection from scratch changes nothing. */
async function runLifecycle(commands: LifecycleCommand[]): Promise<void> {
  const s = await makeStory(TEXTS);
  const entities = [(await s.entity("Anthropic")).id, (await s.entity("OpenAI")).id, (await s.entity("Anthropic Inc", "organization")).id];
  const ids: string[] = [];
  const pick = <T>(list: T[], n: number) => (list.length ? list[n % list.length]! : undefined);
  for (const c of commands) {
    try {
      switch (c.op) {
        case "create":
        case "edit":
        case "retract":
        case "restore":
        case "delete":
          await runClaimCommand(s, entities, ids, c);
          break;
        case "resolve": {
          const open = await db().conflict.findMany({
            where: { investigationId: s.inv.id, status: "open" },
            orderBy: { id: "asc" },
            include: { claims: { include: { claim: true } } },
          });
          const conflict = pick(open, c.pick);
          if (!conflict) break;
          const active = conflict.claims.map((m) => m.claim).filter((m) => m.status === "active");
          const winner = pick(active, c.winner);
          const base = {
            investigationId: s.inv.id,
            id: conflict.id,
            version: conflict.version,
            rationale: "Decided in the property test.",
          };
          const input =
            c.accept && winner ? { ...base, kind: "accept_claim", acceptedClaimId: winner.id } : { ...base, kind: "not_a_conflict" };
          await resolveConflict(s.reviewer.ctx, resolveConflictInput.parse(input));
          break;
        }
        case "reopen": {
          const settled = await db().conflict.findMany({
            where: { investigationId: s.inv.id, status: { not: "open" }, closedBy: "person" },
            orderBy: { id: "asc" },
          });
          const conflict = pick(settled, c.pick);
          if (conflict)
            await reopenConflict(s.reviewer.ctx, {
              investigationId: s.inv.id,
              id: conflict.id,
              version: conflict.version,
              reason: "Reopened in the property test.",
            });
          break;
        }
        case "alias":
          await addAlias(s.analyst.ctx, { investigationId: s.inv.id, entityId: entities[c.entity]!, name: c.name });
          break;
        case "unalias": {
          const aliases = await db().entityAlias.findMany({ where: { investigationId: s.inv.id }, orderBy: { id: "asc" } });
          const alias = pick(aliases, c.pick);
          if (alias) await removeAlias(s.analyst.ctx, { investigationId: s.inv.id, aliasId: alias.id });
          break;
        }
        case "merge":
          await mergeEntities(s.analyst.ctx, {
            investigationId: s.inv.id,
            sourceId: entities[c.source]!,
            targetId: entities[c.target]!,
          });
          break;
        case "unmerge": {
          const merges = await db().entityMerge.findMany({
            where: { investigationId: s.inv.id, undoneAt: null },
            orderBy: { createdAt: "desc" },
          });
          const merge = pick(merges, c.pick);
          if (merge) await undoMerge(s.analyst.ctx, { investigationId: s.inv.id, mergeId: merge.id });
          break;
        }
        case "manual": {
          const a = pick(ids, c.a);
          const b = pick(ids, c.b);
          if (a && b && a !== b)
            await createManualConflict(s.analyst.ctx, {
              investigationId: s.inv.id,
              claimIds: [a, b],
              note: "These disagree, by hand.",
            });
          break;
        }
      }
    } catch (error) {
      // Refusals a person would get (deleting a claim a conflict involves, merging an entity
      // into itself, an alias already taken) are part of the game.
      if (!(error instanceof ExpectedError)) throw error;
    }
    expect(await changesFromScratch(s.inv.id), `after ${JSON.stringify(c)}`).toEqual([]);
  }
}

// Also with every group keeping its state, and so its conflicts as a save left them: a decision,
// a reopening or another change to a conflict in between must not go unseen by the next save.
test.each([
  ["states for large groups only", undefined],
  ["every group keeping its state", "0"],
])(
  `after any sequence of edits, decisions, aliases, merges and manual conflicts, detection from scratch changes nothing, %s (${testEngine})`,
  async (_name, min) => {
    keepGroupStatesFrom(min);
    await fc.assert(
      fc.asyncProperty(fc.array(lifecycleCommand, { minLength: 8, maxLength: 20 }), runLifecycle),
      // FC_SEED and FC_PATH replay a failure fast-check reported; FC_RUNS explores further. CI runs
      // one fixed seed, so a submission is judged on the same sequences every time (a new
      // counterexample found locally is then fixed and kept as a test of its own).
      {
        numRuns: Number(process.env.FC_RUNS ?? 20),
        ...(process.env.FC_SEED
          ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH }
          : process.env.CI
            ? { seed: 20261123 }
            : {}),
      },
    );
  },
  600_000,
);

// Found by the property (seed -864422516): a conflict settled on the merged entity's group was
// reopened after the merge was undone; its claims had gone back, and it stayed open under a key
// where nothing held any more.
test(`a conflict reopened after its claims moved to another group is closed where it no longer holds (${testEngine})`, async () => {
  await runLifecycle([
    { op: "create", quote: 0, subject: 0, attribute: "Revenue", value: "$183 billion", asOf: "" },
    { op: "create", quote: 0, subject: 0, attribute: "Revenue", value: "$18.4 billion", asOf: "" },
    { op: "merge", source: 0, target: 1 },
    { op: "resolve", pick: 0, accept: true, winner: 0 },
    { op: "unmerge", pick: 0 },
    { op: "reopen", pick: 0 },
  ]);
}, 60_000);
