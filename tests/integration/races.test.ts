import { describe, expect, test } from "vitest";
import { parseArticleText } from "@/lib/domain/article-import.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { db } from "@/lib/server/database.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { updateUser } from "@/lib/server/users.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

// Real races need real concurrent connections: PostgreSQL only (PGlite is one connection).
describe.runIf(testEngine === "postgres")("races on PostgreSQL", () => {
  test("the same article imported by two people at once is saved once; the other is told it is there", async () => {
    const a = await makeUser("analyst");
    const b = await makeUser("analyst");
    const inv = await createInvestigation(a.ctx, { title: "Race story" });
    const item = () => [{ name: "wire.txt", result: parseArticleText("wire.txt", "Title: Wire\n\nThe same wire copy.") }];
    const results = await Promise.all([
      importParsedArticles(a.ctx, inv.id, item()),
      importParsedArticles(b.ctx, inv.id, item()),
      importParsedArticles(a.ctx, inv.id, item()),
    ]);
    expect(results.map((r) => r[0]!.status).sort()).toEqual(["duplicate", "duplicate", "imported"]);
    expect(await db().article.count({ where: { investigationId: inv.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { investigationId: inv.id, action: "article.import" } })).toBe(1);
  });

  test("two admins editing the same account at once: exactly one edit lands, the other is refused as stale", async () => {
    const [one, two] = [await makeUser("admin"), await makeUser("admin")];
    const target = await makeUser("analyst");
    const outcomes = await Promise.allSettled([
      updateUser(one.ctx, { id: target.id, version: target.version, name: "From one", role: "reviewer" }),
      updateUser(two.ctx, { id: target.id, version: target.version, name: "From two", role: "admin" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as { code: string }).code).toBe("stale");
    const after = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.version).toBe(target.version + 1);
    expect(await db().auditEvent.count({ where: { objectId: target.id, action: "user.update" } })).toBe(1);
  });
});

describe.runIf(testEngine === "postgres")("conflict races on PostgreSQL", () => {
  test("two disagreeing claims saved at once: both are kept, in one conflict", async () => {
    const { makeStory } = await import("@/tests/support/story.ts");
    const s = await makeStory(["Valued at $18.4 billion.", "Valued at $183 billion.", "Valued at $61.5 billion."]);
    const anthropic = await s.entity("Anthropic");
    const results = await Promise.allSettled([
      s.claim(0, "$18.4 billion", { subjectId: anthropic.id }),
      s.claim(1, "$183 billion", { subjectId: anthropic.id }),
      s.claim(2, "$61.5 billion", { subjectId: anthropic.id }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    const conflicts = await db().conflict.findMany({ where: { investigationId: s.inv.id }, include: { claims: true } });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.claims).toHaveLength(3);
  });
});
