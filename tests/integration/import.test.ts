import { describe, expect, test } from "vitest";
import { parseArticleFile, parseArticleText } from "@/lib/domain/article-import.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { db } from "@/lib/server/database.ts";
import { importPaths } from "@/lib/server/file-import.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

const file = (name: string, text: string) => ({ name, result: parseArticleFile(name, new TextEncoder().encode(text)) });

describe(`import on ${testEngine}`, () => {
  test("a batch reports each file: imported, already there, refused — and only good files are saved", async () => {
    const analyst = await makeUser("analyst");
    const inv = await createInvestigation(analyst.ctx, { title: "Batch story" });
    const outcomes = await importParsedArticles(analyst.ctx, inv.id, [
      file("one.txt", "Title: One\nSource: Wire\n\nThe first article."),
      file("empty.txt", ""),
      file("two.md", "# Two\n\nThe second article."),
      file("one-again.txt", "Title: One\nSource: Wire\n\nThe first article."),
    ]);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ["one.txt", "imported"],
      ["empty.txt", "failed"],
      ["two.md", "imported"],
      ["one-again.txt", "duplicate"],
    ]);
    expect(await db().article.count({ where: { investigationId: inv.id } })).toBe(2);
    const article = await db().article.findFirstOrThrow({ where: { investigationId: inv.id, title: "One" } });
    expect(article).toMatchObject({ outlet: "Wire", body: "The first article.", sourceName: "one.txt", importedById: analyst.id });
  });

  test("a database fault on one file leaves the files saved before and after it reported as saved", async () => {
    const analyst = await makeUser("analyst");
    const inv = await createInvestigation(analyst.ctx, { title: "Fault story" });
    // A real fault from the database for one article only.
    await db().$executeRawUnsafe(`CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = 'Boom' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER fail_on_boom BEFORE INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION fail_on_boom()`);
    try {
      const outcomes = await importParsedArticles(analyst.ctx, inv.id, [
        file("one.txt", "Title: One\n\nThe first article."),
        file("two.txt", "Title: Two\n\nThe second article."),
        file("boom.txt", "Title: Boom\n\nThe third article."),
        file("four.txt", "Title: Four\n\nThe fourth article."),
      ]);
      expect(outcomes.map((o) => [o.name, o.status])).toEqual([
        ["one.txt", "imported"],
        ["two.txt", "imported"],
        ["boom.txt", "failed"],
        ["four.txt", "imported"],
      ]);
      expect(outcomes[2]).toMatchObject({ error: expect.stringMatching(/boom\.txt: could not be saved .*nothing of it was kept/) });
      expect((await db().article.findMany({ where: { investigationId: inv.id }, orderBy: { title: "asc" } })).map((a) => a.title)).toEqual([
        "Four",
        "One",
        "Two",
      ]);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER fail_on_boom ON "Article"`);
      await db().$executeRawUnsafe(`DROP FUNCTION fail_on_boom()`);
    }
  });

  test("the same text in another investigation is a new article there", async () => {
    const analyst = await makeUser("analyst");
    const a = await createInvestigation(analyst.ctx, { title: "Story A" });
    const b = await createInvestigation(analyst.ctx, { title: "Story B" });
    const item = () => [file("same.txt", "Shared wire copy.")];
    expect((await importParsedArticles(analyst.ctx, a.id, item()))[0]!.status).toBe("imported");
    expect((await importParsedArticles(analyst.ctx, b.id, item()))[0]!.status).toBe("imported");
  });

  test("every import is audited with who, what and the request", async () => {
    const analyst = await makeUser("analyst");
    const inv = await createInvestigation(analyst.ctx, { title: "Audited story" });
    const [outcome] = await importParsedArticles(analyst.ctx, inv.id, [
      { name: "Pasted text", result: parseArticleText("Pasted text", "Title: Pasted\n\nBody text.") },
    ]);
    if (outcome?.status !== "imported") throw new Error("not imported");
    const event = await db().auditEvent.findFirstOrThrow({ where: { objectType: "Article", objectId: outcome.articleId } });
    expect(event).toMatchObject({
      action: "article.import",
      actorId: analyst.id,
      investigationId: inv.id,
      requestId: analyst.ctx.requestId,
    });
    expect(event.after).toMatchObject({ title: "Pasted", sourceName: "Pasted text" });
  });

  test("the stored body is NFC and exactly what was imported", async () => {
    const analyst = await makeUser("analyst");
    const inv = await createInvestigation(analyst.ctx, { title: "Unicode story" });
    const text = "Title: Accents\n\nCafe\u0301 “quoted” — emoji 🎉 and עברית.";
    await importParsedArticles(analyst.ctx, inv.id, [file("u.txt", text)]);
    const article = await db().article.findFirstOrThrow({ where: { investigationId: inv.id } });
    expect(article.body).toBe("Café “quoted” — emoji 🎉 and עברית.");
  });

  test("a folder imports its articles in name order; importing it again adds nothing", async () => {
    const analyst = await makeUser("analyst");
    const inv = await createInvestigation(analyst.ctx, { title: "Folder story" });
    const first = await importPaths(analyst.ctx, inv.id, ["seed/articles", "no/such/file.txt"]);
    expect(first.filter((o) => o.status === "imported")).toHaveLength(5);
    expect(first.find((o) => o.status === "failed")).toMatchObject({ error: "no/such/file.txt: no such file or folder." });
    const again = await importPaths(analyst.ctx, inv.id, ["seed/articles"]);
    expect(again.every((o) => o.status === "duplicate")).toBe(true);
    expect(await db().article.count({ where: { investigationId: inv.id } })).toBe(5);
  });

  test("audit events cannot be edited or deleted", async () => {
    const analyst = await makeUser("analyst");
    await createInvestigation(analyst.ctx, { title: "Tamper story" });
    await expect(db().auditEvent.updateMany({ data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
