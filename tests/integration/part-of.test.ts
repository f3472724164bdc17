import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { restoreBackup, writeBackup } from "@/lib/server/backup.ts";
import { db } from "@/lib/server/database.ts";
import { redetect } from "@/lib/server/detection.ts";
import { getEntity, mergeEntities, setPartOf, undoMerge } from "@/lib/server/entities.ts";
import { SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();
const dir = mkdtempSync(path.join(tmpdir(), "crosscheck-part-of-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOWN = "A 71-year-old British man who had been rescued in Alhaurín de la Torre, near Málaga, died on the way to hospital.";
const REGION = "Two women died in Castilla-La Mancha, and a British national was killed in Andalusia.";

/** A victim's place of death given as a town by one outlet and as its region by another. */
async function placeStory() {
  const story = await makeStory([TOWN, REGION]);
  const victim = await story.entity("British man", "person");
  const andalusia = await story.entity("Andalusia", "place");
  const province = await story.entity("Málaga province", "place");
  const town = await story.entity("Alhaurín de la Torre", "place");
  const place = (article: number, value: string) =>
    story.claim(article, value, { subjectId: victim.id, attribute: "Place of death", valueKind: "text", valueText: value });
  await place(0, "Alhaurín de la Torre, near Málaga");
  await place(1, "Andalusia");
  const conflict = () =>
    db().conflict.findFirstOrThrow({ where: { investigationId: story.inv.id, detectionKey: `claims:${victim.id}:place_of_death` } });
  const version = async (id: string) => (await db().entity.findUniqueOrThrow({ where: { id } })).version;
  const partOf = async (entityId: string, partOfId: string | null) =>
    setPartOf(story.analyst.ctx, { investigationId: story.inv.id, entityId, partOfId, version: await version(entityId) });
  return { ...story, victim, andalusia, province, town, conflict, partOf };
}

async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

describe(`part-of between entities, on ${testEngine}`, () => {
  test("a town against its region closes when the town is placed in it, and returns when that is cleared", async () => {
    const s = await placeStory();
    expect(await s.conflict()).toMatchObject({ kind: "value", status: "open" });
    await s.partOf(s.province.id, s.andalusia.id);
    expect((await s.conflict()).status).toBe("open");
    // Through the province: the town is in Andalusia, transitively.
    await s.partOf(s.town.id, s.province.id);
    expect(await s.conflict()).toMatchObject({ status: "dismissed", closedBy: "detection" });
    // A recomputation from scratch agrees with the change's own sync.
    expect(await redetect(SYSTEM, s.inv.id)).toMatchObject({ opened: 0, reopened: 0, closed: 0 });
    await s.partOf(s.town.id, null);
    expect(await s.conflict()).toMatchObject({ kind: "value", status: "open" });
    // Placing the whole chain again from the top closes it again.
    await s.partOf(s.town.id, s.andalusia.id);
    expect((await s.conflict()).status).toBe("dismissed");
  });

  test("every change is audited with what it was part of before and after; the page lists parts", async () => {
    const s = await placeStory();
    await s.partOf(s.town.id, s.province.id);
    await s.partOf(s.town.id, s.andalusia.id);
    const events = await db().auditEvent.findMany({
      where: { objectId: s.town.id, action: "entity.partOf" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [s.analyst.id, { partOf: null }, { partOf: { id: s.province.id, name: "Málaga province" } }],
      [s.analyst.id, { partOf: { id: s.province.id, name: "Málaga province" } }, { partOf: { id: s.andalusia.id, name: "Andalusia" } }],
    ]);
    const region = await getEntity(s.inv.id, s.andalusia.id);
    expect(region?.parts.map((p) => p.name)).toEqual(["Alhaurín de la Torre"]);
    expect((await getEntity(s.inv.id, s.town.id))?.partOf).toEqual({ id: s.andalusia.id, name: "Andalusia" });
  });

  test("cycles, other investigations' entities and stale versions are refused with a reason", async () => {
    const s = await placeStory();
    await s.partOf(s.province.id, s.andalusia.id);
    await s.partOf(s.town.id, s.province.id);
    const cycle = await refusal(s.partOf(s.andalusia.id, s.town.id));
    expect(cycle.code).toBe("invalid_input");
    expect(cycle.message).toBe("“Alhaurín de la Torre” is itself part of “Andalusia”, so “Andalusia” cannot be inside it.");
    expect((await refusal(s.partOf(s.town.id, s.town.id))).message).toMatch(/cannot be part of itself/);
    const elsewhere = await makeStory(["Elsewhere."]);
    const foreign = await elsewhere.entity("Spain", "place");
    expect((await refusal(s.partOf(s.andalusia.id, foreign.id))).code).toBe("not_found");
    const stale = setPartOf(s.analyst.ctx, { investigationId: s.inv.id, entityId: s.town.id, partOfId: null, version: 1 });
    expect((await refusal(stale)).code).toBe("stale");
    expect((await db().entity.findUniqueOrThrow({ where: { id: s.andalusia.id } })).partOfId).toBeNull();
    expect(await db().auditEvent.count({ where: { investigationId: s.inv.id, action: "entity.partOf" } })).toBe(2);
  });

  test("merging keeps parts on the canonical entity, and undoing the merge gives them back", async () => {
    const s = await placeStory();
    const spain = await s.entity("Spain", "place");
    const andalucia = await s.entity("Andalucía region", "place");
    await s.partOf(s.province.id, s.andalusia.id);
    await s.partOf(s.andalusia.id, spain.id);
    await s.partOf(s.town.id, s.province.id);
    // Merging a whole into what is inside it is refused: one entity cannot contain itself.
    const inner = await refusal(mergeEntities(s.analyst.ctx, { investigationId: s.inv.id, sourceId: s.andalusia.id, targetId: s.town.id }));
    expect(inner.message).toMatch(/“Alhaurín de la Torre” is part of “Andalusia”/);
    const { mergeId } = await mergeEntities(s.analyst.ctx, { investigationId: s.inv.id, sourceId: s.andalusia.id, targetId: andalucia.id });
    const placed = async (id: string) => (await db().entity.findUniqueOrThrow({ where: { id } })).partOfId;
    expect(await placed(s.province.id)).toBe(andalucia.id);
    expect(await placed(andalucia.id)).toBe(spain.id);
    // "Andalusia" now names the merged entity: the town is still inside it.
    expect((await s.conflict()).status).toBe("dismissed");
    await undoMerge(s.analyst.ctx, { investigationId: s.inv.id, mergeId });
    expect(await placed(s.province.id)).toBe(s.andalusia.id);
    expect(await placed(andalucia.id)).toBeNull();
    expect((await s.conflict()).status).toBe("dismissed");
  });

  test("a backup restored under a new slug keeps what is part of what, with new ids", async () => {
    const s = await placeStory();
    await s.partOf(s.province.id, s.andalusia.id);
    await s.partOf(s.town.id, s.province.id);
    const file = path.join(dir, "places.json");
    await writeBackup(s.inv.id, file);
    const copy = await restoreBackup(SYSTEM, file, { slug: `places-${Date.now()}` });
    const entities = await db().entity.findMany({ where: { investigationId: copy.investigationId }, include: { partOf: true } });
    const byName = new Map(entities.map((e) => [e.name, e]));
    expect(byName.get("Alhaurín de la Torre")?.partOf?.name).toBe("Málaga province");
    expect(byName.get("Málaga province")?.partOf?.name).toBe("Andalusia");
    expect(byName.get("Málaga province")?.partOfId).not.toBe(s.andalusia.id);
    expect(await redetect(SYSTEM, copy.investigationId)).toMatchObject({ opened: 0, reopened: 0, closed: 0 });
  });
});
