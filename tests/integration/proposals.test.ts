import { describe, expect, test } from "vitest";
import { parseArticleText } from "@/lib/domain/article-import.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { listArticleClaims } from "@/lib/server/claims.ts";
import { db } from "@/lib/server/database.ts";
import { createEntity } from "@/lib/server/entities.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { acceptAllProposals, rejectProposal } from "@/lib/server/proposals.ts";
import { articleProposals, suggestForInvestigation } from "@/lib/server/suggestions.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

// Emoji before the figures: stored positions count code points, the reader's offsets UTF-16 units.
const FIRST =
  "🌊🚨 Twitter employs 7,500 staff, officials said. Twitter was valued at $44 billion on Monday. The company employs 12 cleaners. Paiporta lost 40 boats.";
const SECOND = "🌊 The company employs 300 drivers in Paiporta.";

async function story() {
  const analyst = await makeUser("analyst");
  const inv = await createInvestigation(analyst.ctx, { title: `Proposals ${Math.random()}` });
  const outcomes = await importParsedArticles(analyst.ctx, inv.id, [
    { name: "a.txt", result: parseArticleText("a.txt", `Title: First\nPublished: 2024-10-30\n\n${FIRST}`) },
    { name: "b.txt", result: parseArticleText("b.txt", `Title: Second\nPublished: 2024-11-01\n\n${SECOND}`) },
  ]);
  const [a, b] = outcomes.map((o) => (o.status === "imported" ? o.articleId : ""));
  const twitter = await createEntity(analyst.ctx, inv.id, { name: "Twitter", kind: "organization" });
  return { analyst, inv, a: a!, b: b!, twitter };
}

const proposalsOf = async (investigationId: string, articleId: string) =>
  (await suggestForInvestigation(investigationId, "UTC", articleId))[0]!.proposals;

describe(`suggestions turned down and accepted on ${testEngine}`, () => {
  test("the reader asks for an article's suggestions, in its offsets; another investigation's article is not found", async () => {
    const { inv, a } = await story();
    const listed = await articleProposals(inv.id, a);
    const staff = listed.find((p) => p.quote === "7,500 staff")!;
    expect(FIRST.slice(staff.start, staff.end)).toBe("7,500 staff"); // UTF-16, after the emoji
    const other = await story();
    await expect(articleProposals(other.inv.id, a)).rejects.toThrow("That article is not in this investigation.");
  });

  test("an article's suggestions are kept until the investigation changes; a rejection is seen at once", async () => {
    const { analyst, inv, a } = await story();
    const first = await articleProposals(inv.id, a);
    expect(await articleProposals(inv.id, a)).toBe(first); // kept: not worked out again
    const staff = first.find((p) => p.quote === "7,500 staff")!;
    await rejectProposal(analyst.ctx, { investigationId: inv.id, articleId: a, start: staff.start, end: staff.end, cue: staff.cue });
    const after = await articleProposals(inv.id, a);
    expect(after).not.toBe(first);
    expect(after.map((p) => p.quote)).not.toContain("7,500 staff");
  });

  test("a rejected span is not proposed again; a cue rejected twice is proposed nowhere; both audited", async () => {
    const { analyst, inv, a, b } = await story();
    const before = await proposalsOf(inv.id, a);
    const staff = before.find((p) => p.quote === "7,500 staff")!;
    expect(FIRST.slice(staff.start, staff.end)).toBe("7,500 staff");

    const first = await rejectProposal(analyst.ctx, { investigationId: inv.id, articleId: a, ...staff });
    expect(first.cueRetired).toBe(false);
    const row = await db().proposalRejection.findUniqueOrThrow({ where: { id: first.id } });
    // Two astral characters before: two code points fewer than UTF-16 units.
    expect(row).toMatchObject({
      positionStart: staff.start - 2,
      positionEnd: staff.end - 2,
      quote: "7,500 staff",
      rejectedById: analyst.id,
    });
    const after = await proposalsOf(inv.id, a);
    expect(after.map((p) => p.quote)).not.toContain("7,500 staff");
    expect(after.map((p) => p.quote)).toContain("12 cleaners");
    expect((await proposalsOf(inv.id, b)).map((p) => p.quote)).toContain("300 drivers");

    // "company employs" turned down here, then in the other article: retired everywhere.
    const cleaners = after.find((p) => p.quote === "12 cleaners")!;
    expect(cleaners.cue).toBe("company employs");
    await rejectProposal(analyst.ctx, { investigationId: inv.id, articleId: a, ...cleaners });
    const drivers = (await proposalsOf(inv.id, b)).find((p) => p.quote === "300 drivers")!;
    const second = await rejectProposal(analyst.ctx, { investigationId: inv.id, articleId: b, ...drivers });
    expect(second.cueRetired).toBe(true);
    expect((await proposalsOf(inv.id, b)).map((p) => p.quote)).not.toContain("300 drivers");

    const events = await db().auditEvent.findMany({ where: { investigationId: inv.id, action: "proposal.reject" } });
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ actorId: analyst.id, objectType: "ProposalRejection", objectId: first.id });
  });

  test("a rejection is scoped to its investigation: another's article is not found", async () => {
    const { analyst, a } = await story();
    const other = await createInvestigation(analyst.ctx, { title: `Other ${Math.random()}` });
    await expect(rejectProposal(analyst.ctx, { investigationId: other.id, articleId: a, start: 0, end: 4, cue: "" })).rejects.toMatchObject(
      {
        code: "not_found",
      },
    );
    await expect(
      rejectProposal(analyst.ctx, { investigationId: (await story()).inv.id, articleId: a, start: 0, end: 4, cue: "" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  test("accept all saves the confident ones with a known subject and attribute, marked machine-proposed", async () => {
    const { inv, a, twitter } = await story();
    const reviewer = await makeUser("reviewer");
    const proposals = await proposalsOf(inv.id, a);
    const valuation = proposals.find((p) => p.quote === "$44 billion")!;
    expect(valuation).toMatchObject({ attribute: { label: "Valuation" }, subject: { entityId: twitter.id } });
    // "Paiporta" is no entity: its figure has no subject to save under, whatever its confidence.
    const boats = proposals.find((p) => p.quote.endsWith("40 boats"))!;
    expect(boats.subject).not.toHaveProperty("entityId");
    const min = 0.5;
    const expected = proposals.filter((p) => p.confidence >= min && "entityId" in p.subject && p.attribute.label);
    expect(expected.length).toBeGreaterThan(0);

    const result = await acceptAllProposals(reviewer.ctx, { investigationId: inv.id, articleId: a, minConfidence: min });
    expect(result).toEqual({
      saved: expected.length,
      skipped: proposals.filter((p) => p.confidence >= min).length - expected.length,
      failed: 0,
    });

    const body = (await db().article.findUniqueOrThrow({ where: { id: a } })).body;
    const claims = await listArticleClaims(inv.id, a, body);
    expect(claims.map((c) => c.quote).sort()).toEqual(expected.map((p) => p.quote).sort());
    const saved = claims.find((c) => c.quote === "$44 billion")!;
    expect(saved).toMatchObject({
      subject: { id: twitter.id },
      attributeLabel: "Valuation",
      valueText: "$44 billion",
      proposedConfidence: valuation.confidence,
      createdBy: reviewer.name,
      anchor: { start: valuation.start, end: valuation.end },
    });
    // Each claim's own event carries its provenance; the batch has a summary event.
    const created = await db().auditEvent.findFirstOrThrow({ where: { objectType: "Claim", objectId: saved.id, action: "claim.create" } });
    expect(created.after).toMatchObject({ proposedConfidence: valuation.confidence });
    const batch = await db().auditEvent.findFirstOrThrow({ where: { investigationId: inv.id, action: "proposal.acceptAll" } });
    expect(batch).toMatchObject({ actorId: reviewer.id, objectType: "Article", objectId: a });
    expect(batch.after).toMatchObject({ minConfidence: min, saved: expected.length });

    // Saved claims are not proposed again, so a second run finds nothing new to save.
    const again = await acceptAllProposals(reviewer.ctx, { investigationId: inv.id, articleId: a, minConfidence: min });
    expect(again.saved).toBe(0);
  });

  test("accept all refuses an article of another investigation", async () => {
    const { a } = await story();
    const reviewer = await makeUser("reviewer");
    const other = await createInvestigation(reviewer.ctx, { title: `Other ${Math.random()}` });
    await expect(acceptAllProposals(reviewer.ctx, { investigationId: other.id, articleId: a, minConfidence: 0.5 })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
