import { expect, test } from "vitest";
import { readGroupState } from "@/lib/domain/json-codecs.ts";
import { db } from "@/lib/server/database.ts";
import { detectFromScratch, groupStateUse, redetect, swapKeptGroups } from "@/lib/server/detection.ts";
import { SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { keepGroupStatesFrom } from "@/tests/support/group-states.ts";
import { makeStory, openDetectedConflicts as openConflicts } from "@/tests/support/story.ts";

setupTestDatabase();

/**
 * Re-detection stores the states of large groups as it finds them: the next save into such a
 * group extends the stored state with the new claim's pairs, rather than comparing the whole
 * group again (which, for a group of ten thousand, could pass the save's time limit).
 */
const TEXT = [
  "The first report puts the value at $18.4 billion. A later line says $61.5 billion. Another gives $183 billion.",
  "The second outlet says $18.4 billion too. It also mentions $20 billion and $25 billion.",
];

// A group of three active claims counts as large: it keeps its state.
keepGroupStatesFrom("3", "file");

test(`a save into a large group after re-detection extends the state re-detection stored (${testEngine})`, async () => {
  const s = await makeStory(TEXT);
  const subject = (await s.entity("Anthropic")).id;
  const add = (article: number, quote: string) => s.claim(article, quote, { subjectId: subject, valueText: quote });
  await add(0, "$18.4 billion");
  await add(1, "$18.4 billion");
  await add(0, "$61.5 billion");
  await add(1, "$20 billion");
  const stored = async () => {
    const rows = await db().groupDetection.findMany({ where: { investigationId: s.inv.id } });
    return rows.map((r) => ({ key: r.groupKey, revision: r.revision, state: readGroupState(r.state), tail: r.tail }));
  };

  // Twice: the second re-detection finds the group's findings kept from the first, and its state with them.
  for (const run of [1, 2]) {
    const before = (await stored())[0]?.revision;
    await redetect(SYSTEM, s.inv.id);
    const [row, ...others] = await stored();
    expect(others, `run ${run}`).toEqual([]);
    expect(row!.key).toMatch(/^claims:/);
    expect(row!.revision).not.toBe(before);
    expect(row!.tail).toBeNull();
    expect(row!.state).toMatchObject({ count: 4 });
  }

  // As a process that kept nothing of the group (another instance, or after a restart), then as this one.
  for (const [quote, kept] of [
    ["$25 billion", new Map()],
    ["$183 billion", undefined],
  ] as const) {
    await redetect(SYSTEM, s.inv.id);
    const previous = kept ? swapKeptGroups(kept) : null;
    const use = { ...groupStateUse };
    try {
      await add(quote === "$25 billion" ? 1 : 0, quote);
    } finally {
      if (previous) swapKeptGroups(previous);
    }
    expect({ extended: groupStateUse.extended - use.extended, computed: groupStateUse.computed - use.computed }, quote).toEqual({
      extended: 1,
      computed: 0,
    });
  }
  expect((await stored())[0]!.state).toMatchObject({ count: 6 });
  const fromScratch = await db().$transaction((tx) => detectFromScratch(tx, s.inv.id));
  expect(await openConflicts(s.inv.id)).toEqual(
    fromScratch.map((d) => ({ key: d.key, kind: d.kind, claimIds: [...d.claimIds].sort() })).sort((a, b) => a.key.localeCompare(b.key)),
  );
});
