import { expect, test } from "vitest";
import { createClaim, retractClaim, updateClaim } from "@/lib/server/claims.ts";
import { db } from "@/lib/server/database.ts";
import { detectFromScratch, type KeptGroups, swapKeptGroups } from "@/lib/server/detection.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { keepGroupStatesFrom } from "@/tests/support/group-states.ts";
import { makeStory, openDetectedConflicts as openConflicts } from "@/tests/support/story.ts";

setupTestDatabase();

/**
 * A save into a large group compares the new claim with the group's claims this process kept
 * from its last save, not read again. Two app instances share one database: what one changes in
 * the group, the other's kept claims must not hide. Played here by one process switching between
 * two sets of kept groups.
 */
const TEXT = [
  "The first report puts the value at $18.4 billion. A later line says $61.5 billion. Another gives $183 billion.",
  "The second outlet says $18.4 billion too. It also mentions $20 billion.",
];

// A group of three active claims counts as large: it keeps its state.
keepGroupStatesFrom("3", "file");

const instanceA: KeptGroups = new Map();
const instanceB: KeptGroups = new Map();

/** Runs `fn` as one instance: with the groups it keeps. */
async function as<T>(instance: KeptGroups, fn: () => Promise<T>): Promise<T> {
  const before = swapKeptGroups(instance);
  try {
    return await fn();
  } finally {
    swapKeptGroups(before);
  }
}

async function expectAsFromScratch(investigationId: string) {
  const fromScratch = await db().$transaction((tx) => detectFromScratch(tx, investigationId));
  expect(await openConflicts(investigationId)).toEqual(
    fromScratch.map((d) => ({ key: d.key, kind: d.kind, claimIds: [...d.claimIds].sort() })).sort((a, b) => a.key.localeCompare(b.key)),
  );
  return fromScratch;
}

test(`saves into a large group from two instances find what detection from scratch finds (${testEngine})`, async () => {
  const s = await makeStory(TEXT);
  const subject = (await s.entity("Anthropic")).id;
  const add = (article: number, quote: string) => s.claim(article, quote, { subjectId: subject, valueText: quote });
  const version = async (id: string) => (await db().claim.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  // Instance A builds the group and keeps it: two claims agree, one disagrees.
  const first = await as(instanceA, () => add(0, "$18.4 billion"));
  const second = await as(instanceA, () => add(1, "$18.4 billion"));
  const other = await as(instanceA, () => add(0, "$61.5 billion"));
  await as(instanceA, () => add(1, "$20 billion"));
  expect(instanceA.size).toBe(1);
  await expectAsFromScratch(s.inv.id);

  // Instance B changes a claim A keeps: the agreeing $18.4 billion becomes $183 billion.
  await as(instanceB, async () =>
    updateClaim(s.analyst.ctx, {
      investigationId: s.inv.id,
      id: second.id,
      version: await version(second.id),
      subjectId: subject,
      attribute: "Valuation",
      valueKind: "money",
      valueText: "$183 billion",
      asOf: "",
      newSubjectName: "",
      newSubjectKind: "other",
      subjectText: "it",
      note: "",
    }),
  );
  // A saves again: the new claim, the same figure as the first claim, disagrees with the edited one.
  const third = await as(instanceA, () =>
    createClaim(s.analyst.ctx, {
      investigationId: s.inv.id,
      articleId: s.articleIds[1]!,
      start: TEXT[1]!.indexOf("$18.4 billion"),
      end: TEXT[1]!.indexOf("$18.4 billion") + "$18.4 billion".length,
      subjectId: subject,
      newSubjectName: "",
      newSubjectKind: "other",
      subjectText: "it",
      attribute: "Valuation",
      valueKind: "money",
      valueText: "$18.4 billion",
      asOf: "",
      note: "",
    }),
  );
  const found = await expectAsFromScratch(s.inv.id);
  expect(found.some((d) => d.claimIds.includes(second.id) && d.claimIds.includes(third.id))).toBe(true);

  // B retracts claims until the group is small again (it keeps no state then); A adds one, which
  // makes it large again, and keeps it; B retracts another (small again), and A adds one more: the
  // claims A kept are no longer those of the group.
  const retract = (id: string) =>
    as(instanceB, async () => retractClaim(s.analyst.ctx, { investigationId: s.inv.id, id, version: await version(id), reason: "test" }));
  for (const id of [first.id, third.id, second.id]) await retract(id);
  await as(instanceA, () => add(0, "$183 billion"));
  await expectAsFromScratch(s.inv.id);
  await retract(other.id);
  await as(instanceA, () => add(0, "$18.4 billion"));
  const after = await expectAsFromScratch(s.inv.id);
  expect(after.length).toBeGreaterThan(0);
  for (const d of after) expect(d.claimIds).not.toContain(other.id);

  // And B, which kept the group since its changes, saves into it too.
  await as(instanceB, () => add(1, "$20 billion"));
  await expectAsFromScratch(s.inv.id);
});

test(`many saves into a large group, its state stored a tail at a time, find what detection from scratch finds (${testEngine})`, async () => {
  const texts = [
    "One report puts it at $18.4 billion. Another line says $61.5 billion.",
    "A second outlet says $18.4 billion. It also mentions $183 billion.",
  ];
  const s = await makeStory(texts);
  const subject = (await s.entity("Anthropic")).id;
  const add = (article: number, quote: string) => s.claim(article, quote, { subjectId: subject, valueText: quote });
  const tails: boolean[] = [];
  const stored = async () =>
    tails.push(
      (await db().groupDetection.findMany({ where: { investigationId: s.inv.id }, select: { tail: true } })).some((g) => g.tail !== null),
    );
  // The group agrees at first: the family of disagreement appears later, in a save that extends the state.
  for (let i = 0; i < 4; i++) await as(instanceA, () => add(i % 2, "$18.4 billion"));
  const quotes: [number, string][] = [
    [0, "$61.5 billion"],
    [1, "$18.4 billion"],
    [1, "$183 billion"],
    [0, "$18.4 billion"],
  ];
  for (let i = 0; i < 28; i++) {
    const [article, quote] = quotes[i % quotes.length]!;
    // Now and then the other instance saves: it reads the stored state, base and tail, not what A keeps.
    await as(i % 7 === 6 ? instanceB : instanceA, () => add(article, quote));
    await stored();
    await expectAsFromScratch(s.inv.id);
  }
  // Both ways of storing the state were taken: a tail beside the base, and the base written whole.
  expect(tails).toContain(true);
  expect(tails).toContain(false);
});

test(`a save into a large group reads again the members of a conflict changed since the group's last save (${testEngine})`, async () => {
  const s = await makeStory(TEXT);
  const subject = (await s.entity("Anthropic")).id;
  const add = (article: number, quote: string) => s.claim(article, quote, { subjectId: subject, valueText: quote });
  for (const [article, quote] of [
    [0, "$18.4 billion"],
    [1, "$18.4 billion"],
    [0, "$61.5 billion"],
    [1, "$20 billion"],
  ] as const)
    await as(instanceA, () => add(article, quote));
  // Written past detection, as another writer would: a member leaves the conflict and its version counts up.
  const conflict = await db().conflict.findFirstOrThrow({
    where: { investigationId: s.inv.id, status: "open" },
    include: { claims: { orderBy: { claimId: "asc" } } },
  });
  await db().conflictClaim.delete({ where: { conflictId_claimId: { conflictId: conflict.id, claimId: conflict.claims[0]!.claimId } } });
  await db().conflict.update({ where: { id: conflict.id }, data: { version: { increment: 1 } } });
  // The next save into the group (kept as it was) brings the conflict back to what holds.
  await as(instanceA, () => add(0, "$183 billion"));
  await expectAsFromScratch(s.inv.id);
});
