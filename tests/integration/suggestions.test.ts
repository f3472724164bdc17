import { describe, expect, test } from "vitest";
import { parseArticleText } from "@/lib/domain/article-import.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { createClaim, retractClaim } from "@/lib/server/claims.ts";
import { createEntity } from "@/lib/server/entities.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { suggestForInvestigation } from "@/lib/server/suggestions.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

// An emoji before the claim: stored positions count code points, proposals UTF-16 units.
const FIRST = "🌊🚨 The waters have drowned at least 51 residents, officials said. 40 boats were lost.";
const SECOND = "By Friday the waters had drowned 158 residents across the region.";

describe(`suggested claims on ${testEngine}`, () => {
  test("the investigation's claims teach their cue, and are not proposed again", async () => {
    const analyst = await makeUser("analyst");
    const inv = await createInvestigation(analyst.ctx, { title: `Suggest ${Math.random()}` });
    const outcomes = await importParsedArticles(analyst.ctx, inv.id, [
      { name: "a.txt", result: parseArticleText("a.txt", `Title: First\nPublished: 2024-10-30\n\n${FIRST}`) },
      { name: "b.txt", result: parseArticleText("b.txt", `Title: Second\nPublished: 2024-11-01\n\n${SECOND}`) },
    ]);
    const [a, b] = outcomes.map((o) => (o.status === "imported" ? o.articleId : ""));
    const flood = await createEntity(analyst.ctx, inv.id, { name: "Valencia flood of 2024", kind: "event" });
    const quote = "drowned at least 51 residents";
    await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId: a!,
      start: FIRST.indexOf(quote),
      end: FIRST.indexOf(quote) + quote.length,
      subjectId: flood.id,
      newSubjectName: "",
      newSubjectKind: "other",
      subjectText: "",
      attribute: "Death toll",
      valueKind: "number",
      valueText: "at least 51",
      asOf: "",
      note: "",
    });

    const all = await suggestForInvestigation(inv.id, "UTC");
    const first = all.find((x) => x.articleId === a)!;
    expect(first.proposals.map((p) => p.quote)).toEqual(["40 boats"]);
    expect(FIRST.slice(first.proposals[0]!.start, first.proposals[0]!.end)).toBe("40 boats");

    // A retracted claim teaches nothing, but its words stay dealt with: not proposed again.
    const boats = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId: a!,
      start: FIRST.indexOf("40 boats"),
      end: FIRST.indexOf("40 boats") + "40 boats".length,
      subjectId: flood.id,
      newSubjectName: "",
      newSubjectKind: "other",
      subjectText: "",
      attribute: "Boats lost",
      valueKind: "number",
      valueText: "40",
      asOf: "",
      note: "",
    });
    await retractClaim(analyst.ctx, { investigationId: inv.id, id: boats.id, version: 1, reason: "Not a figure we follow" });
    const [afterRetraction] = await suggestForInvestigation(inv.id, "UTC", a);
    expect(afterRetraction!.proposals).toEqual([]);

    const [second] = await suggestForInvestigation(inv.id, "UTC", b);
    expect(second!.proposals.map((p) => p.quote)).toEqual(["158 residents"]);
    expect(second!.proposals[0]).toMatchObject({
      quote: "158 residents",
      attribute: { label: "Death toll", how: "learned" },
      subject: { entityId: flood.id },
      asOf: { text: "Friday", reading: "2024-11-01 (day)", how: "sentence" },
    });
  });
});
