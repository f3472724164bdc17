import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { restoreBackup, writeBackup } from "@/lib/server/backup.ts";
import { readerClaims } from "@/lib/server/claims.ts";
import { getConflict } from "@/lib/server/conflicts.ts";
import { db } from "@/lib/server/database.ts";
import { factSheetOf } from "@/lib/server/factsheet.ts";
import { SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();
const dir = mkdtempSync(path.join(tmpdir(), "crosscheck-offsets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Characters beyond U+FFFF before the quotes (an emoji, a mathematical letter, a ZWJ sequence),
// some of them further back than the few hundred characters of context a conflict shows.
const EARLIER = "An earlier paragraph 🎈 about something else entirely. ".repeat(8);
const ONE = `🎉🎉 Launch day 𝔸. ${EARLIER}\n\nAnthropic, valued at $18.4 billion, keeps growing.`;
const TWO = `👩‍💻 Team news. ${EARLIER}Anthropic was valued at $183 billion in September 🚀.`;

/** The words between two code-point offsets, as PostgreSQL and the W3C selectors count them. */
const byCodePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join("");

async function emojiStory() {
  const story = await makeStory([ONE, TWO]);
  const anthropic = await story.entity("Anthropic");
  const small = await story.claim(0, "$18.4 billion", { subjectId: anthropic.id });
  const large = await story.claim(1, "$183 billion", { subjectId: anthropic.id });
  return { ...story, anthropic, small, large };
}

describe(`offsets in text with emoji, on ${testEngine}`, () => {
  test("stored positions count code points, so the database reads the quoted words", async () => {
    const s = await emojiStory();
    const rows = await db().$queryRaw<{ quote: string; exact: string }[]>`
      SELECT substring(a.body FROM c."positionStart" + 1 FOR c."positionEnd" - c."positionStart") AS quote, c."quoteExact" AS exact
        FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" WHERE c."investigationId" = ${s.inv.id}`;
    expect(rows.map((r) => r.quote).sort()).toEqual(["$18.4 billion", "$183 billion"]);
    for (const r of rows) expect(r.quote).toBe(r.exact);
  });

  test("the conflict page shows each quote in its sentence", async () => {
    const s = await emojiStory();
    const { id } = await db().conflict.findFirstOrThrow({ where: { investigationId: s.inv.id, kind: { not: "naming" } } });
    const conflict = (await getConflict(s.inv.id, id))!;
    const sentences = Object.fromEntries(conflict.claims.map((c) => [c.valueText, c.sentence]));
    expect(sentences["$18.4 billion"]).toEqual({ before: "Anthropic, valued at ", quote: "$18.4 billion", after: ", keeps growing." });
    expect(sentences["$183 billion"]).toEqual({ before: "Anthropic was valued at ", quote: "$183 billion", after: " in September 🚀." });
  });

  test("the reader highlights the quoted words where the stored position says", async () => {
    const s = await emojiStory();
    const article = await db().article.findUniqueOrThrow({ where: { id: s.articleIds[1]! } });
    const [claim] = await readerClaims(s.inv.id, article.id, article.body);
    expect(claim!.anchor).toMatchObject({ method: "position" });
    expect(article.body.slice(claim!.anchor!.start, claim!.anchor!.end)).toBe("$183 billion");
  });

  test("fact sheet citations count code points, as W3C position selectors must", async () => {
    const s = await emojiStory();
    const sheet = (await factSheetOf(s.inv.id))!;
    const bodies = await db().article.findMany({ where: { investigationId: s.inv.id }, select: { body: true } });
    const citations = sheet.facts.flatMap((f) => [...f.citations, ...(f.competing ?? []).flatMap((v) => v.citations)]);
    expect(citations.length).toBeGreaterThanOrEqual(2);
    for (const c of citations) {
      expect(bodies.some((b) => byCodePoints(b.body, c.start, c.end) === c.quote)).toBe(true);
    }
  });

  test("a backup restored under a new slug keeps the positions on the same words", async () => {
    const s = await emojiStory();
    const file = path.join(dir, `${s.inv.slug}.json`);
    await writeBackup(s.inv.id, file);
    const restored = await restoreBackup(SYSTEM, file, { slug: `${s.inv.slug}-copy` });
    const articles = await db().article.findMany({ where: { investigationId: restored.investigationId } });
    for (const article of articles) {
      for (const claim of await readerClaims(restored.investigationId, article.id, article.body)) {
        expect(claim.anchor?.method).toBe("position");
        expect(article.body.slice(claim.anchor!.start, claim.anchor!.end)).toBe(claim.quote);
      }
    }
  });
});
