import { describe, expect, test } from "vitest";
import { db } from "@/lib/server/database.ts";
import { detectFromScratch, namingKeptFor, redetect } from "@/lib/server/detection.ts";
import { SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

/** The naming pairs open on record, as sorted entity ids. */
async function openNaming(investigationId: string): Promise<string[][]> {
  const rows = await db().conflict.findMany({
    where: { investigationId, kind: "naming", status: "open" },
    select: { entities: { select: { entityId: true } } },
  });
  return rows.map((r) => r.entities.map((e) => e.entityId).sort()).sort();
}

/** The naming pairs detection finds from scratch (computing naming, never reusing it). */
async function namingFromScratch(investigationId: string): Promise<string[][]> {
  const found = await db().$transaction((tx) => detectFromScratch(tx, investigationId));
  return found
    .filter((d) => d.kind === "naming")
    .map((d) => [...d.entityIds].sort())
    .sort();
}

/** Entity changes made behind detection's back: only a recomputation from scratch can see them. */
const quietly = {
  rename: (id: string, name: string) => db().entity.update({ where: { id }, data: { name } }),
  alias: async (investigationId: string, entityId: string, name: string) =>
    void (await db().entityAlias.create({ data: { investigationId, entityId, name, folded: name.toLowerCase() } })),
};

describe(`naming kept between recomputations, on ${testEngine}`, () => {
  test("a recomputation reuses naming's findings while the entities are the same, and only then", async () => {
    const s = await makeStory(["A short text about some people."]);
    const michael = await s.entity("Michael", "person");
    const emil = await s.entity("Emil Michael", "person");
    const other = await s.entity("Dana Rivers", "person");
    await redetect(SYSTEM, s.inv.id);
    expect(await openNaming(s.inv.id)).toEqual([[michael.id, emil.id].sort()]);

    // What the last recomputation found is kept: with the same entities it is what the next one
    // finds (here made to say "nothing", to tell reuse from computing again).
    expect(namingKeptFor(s.inv.id)?.conflicts).toHaveLength(1);
    const forget = () => void (namingKeptFor(s.inv.id)!.conflicts = []);
    forget();
    await redetect(SYSTEM, s.inv.id);
    expect(await openNaming(s.inv.id)).toEqual([]);

    // Any change to the entities is seen: a name, an alias, a merge, a deletion.
    await quietly.rename(other.id, "Emil Michael");
    await redetect(SYSTEM, s.inv.id);
    expect(await openNaming(s.inv.id)).toHaveLength(3);
    expect(await openNaming(s.inv.id)).toEqual(await namingFromScratch(s.inv.id));
    await quietly.rename(other.id, "Dana Rivers");
    await redetect(SYSTEM, s.inv.id);
    expect(await openNaming(s.inv.id)).toEqual([[michael.id, emil.id].sort()]);
    await forget();
    await quietly.alias(s.inv.id, other.id, "Michael");
    await redetect(SYSTEM, s.inv.id);
    expect(await openNaming(s.inv.id)).toHaveLength(3);
    expect(await openNaming(s.inv.id)).toEqual(await namingFromScratch(s.inv.id));
    await forget();
    await db().entity.update({ where: { id: emil.id }, data: { mergedIntoId: michael.id } });
    await redetect(SYSTEM, s.inv.id);
    expect(await openNaming(s.inv.id)).toEqual([[michael.id, other.id].sort()]);
    await forget();
    await db().entityAlias.deleteMany({ where: { entityId: other.id } });
    await db().entity.delete({ where: { id: other.id } });
    await db().entity.update({ where: { id: emil.id }, data: { mergedIntoId: null } });
    await redetect(SYSTEM, s.inv.id);
    expect(await openNaming(s.inv.id)).toEqual([[michael.id, emil.id].sort()]);
  });
});
