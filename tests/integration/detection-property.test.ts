import fc from "fast-check";
import { expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { deleteClaim, restoreClaim, retractClaim, updateClaim } from "@/lib/server/claims.ts";
import { db } from "@/lib/server/database.ts";
import { detectFromScratch } from "@/lib/server/detection.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

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

async function openConflicts(investigationId: string) {
  const rows = await db().conflict.findMany({
    where: { investigationId, status: "open", detectionKey: { not: null } },
    select: { detectionKey: true, kind: true, claims: { select: { claimId: true } } },
  });
  return rows
    .map((r) => ({ key: r.detectionKey!, kind: r.kind, claimIds: r.claims.map((c) => c.claimId).sort() }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

test(`incremental detection equals detection from scratch after any sequence of claim edits (${testEngine})`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
      const s = await makeStory(TEXTS);
      const subjects = [(await s.entity("Anthropic")).id, (await s.entity("OpenAI")).id];
      const ids: string[] = [];
      const fieldsOf = (f: { subject: number; attribute: string; value: string; asOf: string }) => ({
        subjectId: subjects[f.subject]!,
        attribute: f.attribute,
        valueText: f.value,
        asOf: f.asOf,
      });
      for (const c of commands) {
        try {
          if (c.op === "create") {
            const [article, quote] = QUOTES[c.quote]!;
            ids.push((await s.claim(article, quote, { ...fieldsOf(c), valueKind: "money" })).id);
            continue;
          }
          if (!ids.length) continue;
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
        } catch (error) {
          // Refusals a person would get (deleting a claim a conflict involves) are part of the game.
          if (!(error instanceof ExpectedError)) throw error;
        }
      }
      const fromScratch = await db().$transaction((tx) => detectFromScratch(tx, s.inv.id));
      expect(await openConflicts(s.inv.id)).toEqual(
        fromScratch.map((d) => ({ key: d.key, kind: d.kind, claimIds: d.claimIds })).sort((a, b) => a.key.localeCompare(b.key)),
      );
    }),
    { numRuns: 25 },
  );
}, 240_000);
