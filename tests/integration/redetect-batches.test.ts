import { describe, expect, test } from "vitest";
import { parseValue } from "@/lib/domain/values.ts";
import { db } from "@/lib/server/database.ts";
import { detectFromScratch, redetect } from "@/lib/server/detection.ts";
import { SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

const TEXTS = ["The agency said 100 people were affected.", "The agency said 110 people were affected."];

/**
 * An investigation whose detection opens more conflicts than one statement writes (they are put
 * on record in batches): a value conflict per subject, and one misattribution holding a claim of
 * every subject (a conflict with members by the thousand). Claims are written straight to the
 * database, past the saves that would detect them: the re-detection opens every conflict.
 */
async function manyConflicts(subjects: number) {
  const s = await makeStory(TEXTS);
  await db().entity.createMany({
    data: Array.from({ length: subjects }, (_, e) => ({
      investigationId: s.inv.id,
      name: `Authority ${e}`,
      kind: "organization" as const,
    })),
  });
  const entities = await db().entity.findMany({ where: { investigationId: s.inv.id }, select: { id: true }, orderBy: { id: "asc" } });
  const claim = (subjectId: string, article: number, figure: string) => {
    const parsed = parseValue(figure, "number");
    if (!parsed.ok || parsed.value.kind !== "number") throw new Error(figure);
    const start = TEXTS[article]!.indexOf(figure);
    return {
      investigationId: s.inv.id,
      articleId: s.articleIds[article]!,
      subjectId,
      subjectText: "the agency",
      attribute: "people_affected",
      attributeLabel: "people affected",
      valueKind: "number" as const,
      valueText: figure,
      valueNorm: parsed.value,
      valueLow: parsed.value.low,
      valueHigh: parsed.value.high,
      valueUnit: parsed.value.unit,
      valuePoint: parsed.value.point,
      quoteExact: figure,
      quotePrefix: TEXTS[article]!.slice(0, start),
      quoteSuffix: TEXTS[article]!.slice(start + figure.length),
      positionStart: start,
      positionEnd: start + figure.length,
      createdById: s.analyst.id,
    };
  };
  // Each subject: 100 in one article and 110 in the other, which article alternating.
  await db().claim.createMany({
    data: entities.flatMap((e, i) => [claim(e.id, i % 2, "100"), claim(e.id, (i + 1) % 2, "110")]),
  });
  return s;
}

describe(`conflicts opened by the thousand, on ${testEngine}`, () => {
  test("each is on record with its members, and audited as found, in detection's order, across batches", async () => {
    const s = await manyConflicts(1_200);
    const found = await db().$transaction((tx) => detectFromScratch(tx, s.inv.id));
    // More than two batches' worth, and one conflict holding thousands of members.
    expect(found.length).toBeGreaterThan(1_200);
    expect(Math.max(...found.map((d) => d.claimIds.length))).toBeGreaterThanOrEqual(1_200);

    const progress: number[] = [];
    const report = await redetect(SYSTEM, s.inv.id, (p) => {
      if (p.phase === "Updating conflicts") progress.push(p.done);
    });
    expect(report).toMatchObject({ found: found.length, opened: found.length, updated: 0, closed: 0 });
    // Said as each batch is written: the last once all are.
    expect(progress.at(-1)).toBe(found.length);

    const conflicts = await db().conflict.findMany({
      where: { investigationId: s.inv.id },
      select: {
        id: true,
        detectionKey: true,
        kind: true,
        status: true,
        summary: true,
        suggestion: true,
        claims: { select: { claimId: true } },
        entities: { select: { entityId: true } },
      },
    });
    const sorted = (ids: string[]) => [...ids].sort();
    expect(
      conflicts
        .map((c) => ({
          key: c.detectionKey,
          kind: c.kind,
          status: c.status,
          summary: c.summary,
          suggestion: c.suggestion,
          claimIds: sorted(c.claims.map((m) => m.claimId)),
          entityIds: sorted(c.entities.map((m) => m.entityId)),
        }))
        .sort((a, b) => (a.key! < b.key! ? -1 : 1)),
    ).toEqual(
      found
        .map((d) => ({ ...d, status: "open", claimIds: sorted(d.claimIds), entityIds: sorted(d.entityIds) }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    );

    // One event per conflict, in the order detection found them, each holding the conflict exactly as found.
    const events = await db().auditEvent.findMany({
      where: { investigationId: s.inv.id, action: "conflict.detect" },
      orderBy: { id: "asc" },
      select: { objectType: true, objectId: true, before: true, after: true, requestId: true },
    });
    const keyOf = new Map(conflicts.map((c) => [c.id, c.detectionKey]));
    expect(events.map((e) => keyOf.get(e.objectId))).toEqual(found.map((d) => d.key));
    expect(events.map((e) => e.after)).toEqual(found);
    expect(new Set(events.map((e) => `${e.objectType} ${e.before} ${e.requestId}`))).toEqual(
      new Set([`Conflict null ${SYSTEM.requestId}`]),
    );
  });
});
