import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { currentDetectionKey } from "@/lib/domain/conflicts.ts";
import { setAttributeSense } from "@/lib/server/attributes.ts";
import { readerClaimHistory, readerClaims, retractClaim } from "@/lib/server/claims.ts";
import { conflictMemberships } from "@/lib/server/conflicts.ts";
import { db } from "@/lib/server/database.ts";
import { conflictPairs, redetect } from "@/lib/server/detection.ts";
import { setTimeZone } from "@/lib/server/investigations.ts";
import { actionNamed, actorOf } from "@/tests/support/actions.ts";
import { setupTestDatabase } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

const open = async (investigationId: string) =>
  (await conflictMemberships(investigationId)).filter((c) => c.status === "open").map((c) => c.kind);

describe(`how attributes behave, on ${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"}`, () => {
  test("a rising count reported on different days is a change over time; saying it does not change makes it a contradiction", async () => {
    const { inv, entity, claim, reviewer } = await makeStory([
      "Officials said 120 people were killed.",
      "The count rose to 310 people killed.",
    ]);
    const quake = await entity("Flood of 2026", "event");
    const common = { subjectId: quake.id, attribute: "Death toll", valueKind: "number" as const };
    await claim(0, "120", { ...common, valueText: "120" });
    await claim(1, "310", { ...common, valueText: "310" });
    expect(await open(inv.id)).toEqual(["temporal"]);
    const [conflict] = await conflictMemberships(inv.id);
    const related = await conflictPairs(inv.id, conflict!.id);
    expect(related.pairs).toEqual([expect.objectContaining({ relation: "update" })]);
    expect(related.sense).toMatchObject({ change: "tally", setting: null, label: "Death toll" });
    expect(related.timeline.map((t) => t.source)).toEqual(["published", "published"]);

    await expect(
      setAttributeSense(reviewer.ctx, { investigationId: inv.id, key: "death_toll", cardinality: null, change: "fixed", lists: null }),
    ).resolves.toEqual({ changed: true });
    expect(await open(inv.id)).toEqual(["value"]);
    const audit = await db().auditEvent.findFirst({ where: { investigationId: inv.id, action: "attribute.update" } });
    expect(audit?.after).toMatchObject({ key: "death_toll", change: "fixed" });

    // Back to what detection infers: the change over time again, and nothing saved twice.
    await setAttributeSense(reviewer.ctx, { investigationId: inv.id, key: "death_toll", cardinality: null, change: null, lists: null });
    expect(await open(inv.id)).toEqual(["temporal"]);
    await expect(
      setAttributeSense(reviewer.ctx, { investigationId: inv.id, key: "death_toll", cardinality: null, change: null, lists: null }),
    ).resolves.toEqual({ changed: false });
  });

  test("an attribute no claim uses is refused", async () => {
    const { inv, reviewer } = await makeStory(["Nothing here."]);
    await expect(
      setAttributeSense(reviewer.ctx, { investigationId: inv.id, key: "nothing", cardinality: "multi", change: null, lists: null }),
    ).rejects.toThrow(/No claim uses that attribute/);
  });
});

describe(`the investigation's time zone, on ${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"}`, () => {
  test("local times are read in it: changing it reads them again and detection follows", async () => {
    const { inv, entity, claim, reviewer } = await makeStory([
      "The alert went out at 20:11 local time on Tuesday.",
      "The alert was sent at 1911 GMT on Tuesday.",
    ]);
    const alert = await entity("Emergency alert", "event");
    const common = { subjectId: alert.id, attribute: "Time sent", valueKind: "time" as const };
    const local = await claim(0, "20:11 local time on Tuesday", { ...common, valueText: "20:11 local time on Tuesday" });
    await claim(1, "1911 GMT on Tuesday", { ...common, valueText: "1911 GMT on Tuesday" });
    // In UTC, 20:11 local is an hour after 19:11 GMT.
    expect(await open(inv.id)).toEqual(["value"]);

    const { version } = await db().investigation.findUniqueOrThrow({ where: { id: inv.id }, select: { version: true } });
    await expect(setTimeZone(reviewer.ctx, { investigationId: inv.id, timeZone: "Europe/Madrid", version })).resolves.toEqual({
      reread: 1,
    });
    expect(await open(inv.id)).toEqual([]);
    const row = await db().claim.findUniqueOrThrow({ where: { id: local.id }, select: { valueLow: true } });
    expect(new Date(row.valueLow!).toISOString()).toMatch(/T19:11:00/);

    // A stale version is refused, naming who changed it.
    await expect(setTimeZone(reviewer.ctx, { investigationId: inv.id, timeZone: "UTC", version })).rejects.toThrow(/changed by/);
  });
});

describe(`conflicts recorded before families had keys of their own, on ${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"}`, () => {
  test("the migration gives a settled change over time its family's key, and detection finds it instead of opening another", async () => {
    const { inv, entity, claim, reviewer } = await makeStory([
      "Officials said 120 people were killed.",
      "The count rose to 310 people killed.",
    ]);
    const flood = await entity("Flood of 2025", "event");
    const common = { subjectId: flood.id, attribute: "Death toll", valueKind: "number" as const };
    await claim(0, "120", { ...common, valueText: "120" });
    await claim(1, "310", { ...common, valueText: "310" });
    const [found] = await conflictMemberships(inv.id);
    // As an older version recorded it: the group's bare key, settled by a person.
    const bare = `claims:${flood.id}:death_toll`;
    await db().conflict.update({ where: { id: found!.id }, data: { detectionKey: bare, status: "resolved", closedBy: "person" } });
    const sql = readFileSync("prisma/migrations/20261205140000_conflict_family_keys/migration.sql", "utf8");
    for (const statement of sql.split(/;\s*\n/).filter((s) => s.replace(/--.*$/gm, "").trim())) await db().$executeRawUnsafe(statement);
    const after = await db().conflict.findUniqueOrThrow({ where: { id: found!.id }, select: { detectionKey: true } });
    expect(after.detectionKey).toBe(`${bare}:temporal`);
    expect(await redetect(reviewer.ctx, inv.id)).toMatchObject({ opened: 0, reopened: 0 });
    expect(currentDetectionKey(bare, "temporal")).toBe(`${bare}:temporal`);
    expect(currentDetectionKey(`${bare}:temporal`, "temporal")).toBe(`${bare}:temporal`);
    expect(currentDetectionKey(bare, "value")).toBe(bare);
  });
});

describe(`the reader's claims, on ${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"}`, () => {
  test("each claim carries its own history and conflicts, whatever the others have", async () => {
    const text = "Estimates put the value at $18.4 billion. Others said $183 billion. Founded in 2021.";
    const { inv, entity, claim, articleIds, analyst } = await makeStory([text]);
    const co = await entity("Anthropic");
    const low = await claim(0, "$18.4 billion", { subjectId: co.id });
    const high = await claim(0, "$183 billion", { subjectId: co.id });
    const founded = await claim(0, "2021", { subjectId: co.id, attribute: "Founded", valueKind: "date", valueText: "2021" });
    await retractClaim(analyst.ctx, { investigationId: inv.id, id: founded.id, version: 1, reason: "Not needed here" });
    const claims = await readerClaims(inv.id, articleIds[0]!, text);
    const byId = new Map(claims.map((c) => [c.id, c]));
    expect(byId.get(low.id)!.conflicts.map((c) => c.kind)).toEqual(["scale"]);
    expect(byId.get(high.id)!.conflicts.map((c) => c.kind)).toEqual(["scale"]);
    expect(byId.get(founded.id)!.conflicts).toEqual([]);
    // Its history, read when the claim is opened, is its own.
    expect((await readerClaimHistory(inv.id, founded.id)).map((h) => h.action)).toEqual(["claim.retract", "claim.create"]);
    expect((await readerClaimHistory(inv.id, low.id)).map((h) => h.action)).toEqual(["claim.create"]);
  });

  test("the claim form's options, asked for once the page is drawn, hold the attributes in use with their counts", async () => {
    const text = "Estimates put the value at $18.4 billion. Others said $183 billion. Founded in 2021.";
    const { inv, entity, claim, analyst } = await makeStory([text]);
    const co = await entity("Anthropic");
    await claim(0, "$18.4 billion", { subjectId: co.id });
    await claim(0, "$183 billion", { subjectId: co.id });
    await claim(0, "2021", { subjectId: co.id, attribute: "Founded", valueKind: "date", valueText: "2021" });
    const answer = await actionNamed("entity.options").run(actorOf(analyst), { investigationId: inv.id });
    expect(answer).toMatchObject({ ok: true, subjects: [expect.objectContaining({ id: co.id, name: "Anthropic" })] });
    expect(answer.ok && answer.attributes).toEqual([
      { key: "valuation", label: "Valuation", count: 2 },
      { key: "founded", label: "Founded", count: 1 },
    ]);
  });
});
