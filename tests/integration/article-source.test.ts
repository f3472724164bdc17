import { describe, expect, test } from "vitest";
import { updateArticleSource } from "@/lib/server/articles.ts";
import { conflictMemberships } from "@/lib/server/conflicts.ts";
import { db } from "@/lib/server/database.ts";
import { setupTestDatabase } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

const openKinds = async (investigationId: string) =>
  (await conflictMemberships(investigationId)).filter((c) => c.status === "open").map((c) => c.kind);

describe(`an article's source details, on ${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"}`, () => {
  test("an analyst corrects outlet, author and date; the change is audited and relative dates are read again", async () => {
    const { inv, articleIds, entity, claim, analyst } = await makeStory([
      "Last July the company had 100 staff.",
      "In July 2025 the company had 120 staff.",
    ]);
    const acme = await entity("Acme");
    const common = { subjectId: acme.id, attribute: "Staff", valueKind: "number" as const };
    const relative = await claim(0, "100 staff", { ...common, valueText: "100", asOf: "Last July" });
    await claim(1, "120 staff", { ...common, valueText: "120", asOf: "July 2025" });
    // Published 2026-02-20: "last July" is July 2025, the month the other article gives a different figure for.
    expect(await openKinds(inv.id)).toEqual(["value"]);
    const before = await db().claim.findUniqueOrThrow({ where: { id: relative.id }, select: { asOfStart: true } });
    expect(before.asOfStart?.toISOString().slice(0, 7)).toBe("2025-07");

    const article = await db().article.findUniqueOrThrow({ where: { id: articleIds[0]! }, select: { version: true } });
    const result = await updateArticleSource(analyst.ctx, {
      investigationId: inv.id,
      articleId: articleIds[0]!,
      version: article.version,
      title: "Acme grows",
      outlet: "The Ledger",
      author: "Ana Ruiz",
      url: "https://example.com/acme",
      published: "3 March 2027",
    });
    expect(result).toMatchObject({ version: article.version + 1, reread: 1 });
    expect(result.conflictsChanged).toBeGreaterThan(0);

    const after = await db().article.findUniqueOrThrow({ where: { id: articleIds[0]! } });
    expect(after).toMatchObject({ title: "Acme grows", outlet: "The Ledger", author: "Ana Ruiz", url: "https://example.com/acme" });
    expect(after.publishedAt?.toISOString()).toBe("2027-03-03T00:00:00.000Z");
    // Now "last July" is July 2026, a year after the other figure: no longer the same moment.
    const reread = await db().claim.findUniqueOrThrow({ where: { id: relative.id }, select: { asOfStart: true } });
    expect(reread.asOfStart?.toISOString().slice(0, 7)).toBe("2026-07");
    expect(await openKinds(inv.id)).not.toContain("value");

    const event = await db().auditEvent.findFirstOrThrow({ where: { investigationId: inv.id, action: "article.update" } });
    expect(event.actorId).toBe(analyst.id);
    expect(event.before).toMatchObject({ title: "Article 0", outlet: null, publishedText: "2026-02-20" });
    expect(event.after).toMatchObject({ title: "Acme grows", outlet: "The Ledger", publishedText: "3 March 2027" });
  });

  test("an edit made from a stale copy is refused and changes nothing", async () => {
    const { inv, articleIds, analyst } = await makeStory(["Acme has 100 staff."]);
    const edit = (version: number, outlet: string) =>
      updateArticleSource(analyst.ctx, {
        investigationId: inv.id,
        articleId: articleIds[0]!,
        version,
        title: "Article 0",
        outlet,
        author: "",
        url: "",
        published: "2026-02-20",
      });
    await edit(1, "First");
    await expect(edit(1, "Second")).rejects.toThrow(/changed/i);
    expect(await db().article.findUniqueOrThrow({ where: { id: articleIds[0]! } })).toMatchObject({ outlet: "First", version: 2 });
    expect(await db().auditEvent.count({ where: { investigationId: inv.id, action: "article.update" } })).toBe(1);
  });

  test("another investigation's article cannot be edited through this one", async () => {
    const one = await makeStory(["Acme has 100 staff."]);
    const other = await makeStory(["Beta has 5 staff."]);
    await expect(
      updateArticleSource(one.analyst.ctx, {
        investigationId: one.inv.id,
        articleId: other.articleIds[0]!,
        version: 1,
        title: "Taken",
        outlet: "",
        author: "",
        url: "",
        published: "",
      }),
    ).rejects.toThrow(/no longer exists/);
    expect(await db().article.findUniqueOrThrow({ where: { id: other.articleIds[0]! } })).toMatchObject({ title: "Article 0" });
  });
});
