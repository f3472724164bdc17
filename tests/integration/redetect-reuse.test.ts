import { describe, expect, test } from "vitest";
import { foldName } from "@/lib/domain/claims.ts";
import { parseValue } from "@/lib/domain/values.ts";
import { db } from "@/lib/server/database.ts";
import { detectFromScratch, findingsKeptFor, redetect } from "@/lib/server/detection.ts";
import { SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

/**
 * Re-detection keeps what each group's comparison found and finds it again only while exactly
 * what the comparison reads is the same. Each change below is written straight to the database,
 * past the save that would re-examine it: only re-detection can reveal it, and it must.
 */
async function employerStory() {
  const s = await makeStory(["He works for the Pentagon.", "He works for the Department of Defense."]);
  const michael = await s.entity("Michael", "person");
  const dod = await s.entity("Department of Defense");
  const pentagon = await s.claim(0, "the Pentagon", { subjectId: michael.id, attribute: "Employer", valueKind: "text" });
  await s.claim(1, "the Department of Defense", {
    subjectId: michael.id,
    attribute: "Employer",
    valueKind: "text",
    valueText: "Department of Defense",
  });
  const employer = () => db().conflict.findFirstOrThrow({ where: { investigationId: s.inv.id, detectionKey: { startsWith: "claims:" } } });
  expect((await employer()).status).toBe("open");
  // A first re-detection keeps the group's findings.
  expect(await redetect(SYSTEM, s.inv.id)).toMatchObject({ opened: 0, closed: 0 });
  expect(findingsKeptFor(s.inv.id)).toBeGreaterThan(0);
  return { ...s, michael, dod, pentagon, employer };
}

describe(`re-detection reusing what groups found, on ${testEngine}`, () => {
  test("a claim changed in any field is compared again", async () => {
    const s = await employerStory();
    const parsed = parseValue("Department of Defense", "text");
    if (!parsed.ok) throw new Error("unreadable");
    await db().claim.update({ where: { id: s.pentagon.id }, data: { valueText: "Department of Defense", valueNorm: parsed.value } });
    expect(await redetect(SYSTEM, s.inv.id)).toMatchObject({ closed: 1 });
    expect((await s.employer()).status).toBe("dismissed");
  });

  test("a new alias, seen by no save, makes two texts name one entity at the next re-detection", async () => {
    const s = await employerStory();
    await db().entityAlias.create({
      data: { investigationId: s.inv.id, entityId: s.dod.id, name: "the Pentagon", folded: foldName("the Pentagon") },
    });
    expect(await redetect(SYSTEM, s.inv.id)).toMatchObject({ closed: 1 });
    expect((await s.employer()).status).toBe("dismissed");
  });

  test("an attribute set to hold many values settles the group at the next re-detection", async () => {
    const s = await employerStory();
    const { attribute: key } = await db().claim.findUniqueOrThrow({ where: { id: s.pentagon.id }, select: { attribute: true } });
    await db().attribute.upsert({
      where: { investigationId_key: { investigationId: s.inv.id, key } },
      create: { investigationId: s.inv.id, key, label: "Employer", cardinality: "multi" },
      update: { cardinality: "multi" },
    });
    expect(await redetect(SYSTEM, s.inv.id)).toMatchObject({ closed: 1 });
    expect((await s.employer()).status).toBe("dismissed");
  });
});

describe(`claims read whole for detection, on ${testEngine}`, () => {
  test("a claim whose text holds the character that separates fields is still read field by field", async () => {
    const s = await makeStory([
      "Anthropic was valued at $183 billion in September.",
      "Analysts put Anthropic at $61.5 billion. The AI industry could reach $183 billion.",
    ]);
    const anthropic = await s.entity("Anthropic");
    const industry = await s.entity("AI industry", "other");
    const one = await s.claim(0, "$183 billion", { subjectId: anthropic.id });
    await s.claim(1, "$61.5 billion", { subjectId: anthropic.id });
    await s.claim(1, "$183 billion", { subjectId: industry.id, attribute: "Market size" });
    const detect = (batch?: number) => db().$transaction((tx) => detectFromScratch(tx, s.inv.id, undefined, batch));
    const before = await detect();
    expect(before.map((d) => d.kind).sort()).toEqual(["misattribution", "value"]);
    // A control character in a note (an import may carry one): the fields after it stay in place.
    await db().claim.update({ where: { id: one.id }, data: { note: "from\u001fthe wire", attributeLabel: "Valuation\u001f" } });
    expect(await detect()).toEqual(before);
    expect(await detect(1)).toEqual(before);
    expect(await redetect(SYSTEM, s.inv.id)).toMatchObject({ opened: 0, updated: 0, reopened: 0, closed: 0 });
  });
});
