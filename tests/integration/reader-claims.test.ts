import { describe, expect, test } from "vitest";
import { withoutEmptyFields } from "@/lib/domain/sparse-claim.ts";
import { listArticleClaims, readerClaims, retractClaim } from "@/lib/server/claims.ts";
import { db } from "@/lib/server/database.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

/**
 * The reader's claims as they were read before the one query: the claims through Prisma's
 * relations, then their conflicts by the article, each claim given its own in the order they were
 * added. What the query must give, claim for claim and field for field.
 */
async function throughRelations(investigationId: string, articleId: string, body: string) {
  const [claims, memberships] = await Promise.all([
    listArticleClaims(investigationId, articleId, body),
    db().conflictClaim.findMany({
      where: { claim: { investigationId, articleId } },
      orderBy: { addedAt: "asc" },
      select: { claimId: true, conflict: { select: { id: true, kind: true, status: true } } },
    }),
  ]);
  return claims.map((c) => ({
    ...withoutEmptyFields(c),
    conflicts: memberships.filter((m) => m.claimId === c.id).map((m) => m.conflict),
  }));
}

// Our own wording: a harbour's tonnage reported three ways, a date, and a figure before a character beyond U+FFFF.
const TEXT =
  "The harbour 🚢 handled 4.2 million tonnes last year, its board said. A union leaflet put it at 42 million tonnes. " +
  "The port opened in 1911. Dredging cost $30 million.";

describe(`the reader's claims in one query, on ${testEngine}`, () => {
  test("give what the claims, subjects, authors and conflicts read one by one gave", async () => {
    const { inv, entity, claim, articleIds, analyst } = await makeStory([TEXT]);
    const harbour = await entity("Harbour of Testport", "place");
    const tonnage = { subjectId: harbour.id, attribute: "Cargo handled", valueKind: "number" as const };
    const low = await claim(0, "4.2 million tonnes", {
      ...tonnage,
      valueText: "4.2 million tonnes",
      asOf: "last year",
      accordingTo: "the board",
      note: "Annual report figure",
    });
    await claim(0, "42 million tonnes", { ...tonnage, valueText: "42 million tonnes" });
    // Inside another claim's words: same start, shorter.
    await claim(0, "4.2", { ...tonnage, attribute: "Cargo handled (millions)", valueKind: "number", valueText: "4.2" });
    const opened = await claim(0, "1911", { subjectId: harbour.id, attribute: "Opened", valueKind: "date", valueText: "1911" });
    await retractClaim(analyst.ctx, { investigationId: inv.id, id: opened.id, version: 1, reason: "Another port" });
    await claim(0, "$30 million", { subjectId: harbour.id, attribute: "Dredging cost", valueText: "$30 million" });
    // One claim in two conflicts: the one detection opened, and one a person opened later.
    const detected = await db().conflictClaim.findMany({ where: { claimId: low.id }, select: { conflictId: true } });
    expect(detected).toHaveLength(1);
    const manual = await db().conflict.create({
      data: {
        investigationId: inv.id,
        kind: "manual",
        status: "resolved",
        summary: "Checked against the port's own figure",
        claims: { create: { claimId: low.id, addedAt: new Date(Date.now() + 60_000) } },
      },
    });

    const articleId = articleIds[0]!;
    const claims = await readerClaims(inv.id, articleId, TEXT);
    expect(claims).toEqual(await throughRelations(inv.id, articleId, TEXT));
    // What the reader shows of them.
    expect(claims.map((c) => TEXT.slice(c.anchor!.start, c.anchor!.end))).toEqual([
      "4.2 million tonnes",
      "4.2",
      "42 million tonnes",
      "1911",
      "$30 million",
    ]);
    const first = claims[0]!;
    expect(first).toMatchObject({
      subject: { id: harbour.id, name: "Harbour of Testport", kind: "place" },
      createdBy: analyst.name,
      accordingTo: "the board",
      note: "Annual report figure",
      asOfText: "last year",
    });
    expect(first.updatedAt).toBeInstanceOf(Date);
    expect(first.conflicts).toEqual([
      { id: detected[0]!.conflictId, kind: "scale", status: "open" },
      { id: manual.id, kind: "manual", status: "resolved" },
    ]);
    expect(claims.find((c) => c.id === opened.id)).toMatchObject({ status: "retracted", statusReason: "Another port", conflicts: [] });
    // Empty fields are left out, as before.
    expect(claims.at(-1)).not.toHaveProperty("note");
  });

  test("list a claim whose words are gone last, with no anchor, and its conflicts", async () => {
    const { inv, entity, claim, articleIds } = await makeStory([TEXT]);
    const harbour = await entity("Harbour of Testport", "place");
    const tonnage = { subjectId: harbour.id, attribute: "Cargo handled", valueKind: "number" as const };
    await claim(0, "4.2 million tonnes", { ...tonnage, valueText: "4.2 million tonnes" });
    await claim(0, "42 million tonnes", { ...tonnage, valueText: "42 million tonnes" });
    // The text as it reads now: the union's figure is no longer in it.
    const edited = TEXT.replace("A union leaflet put it at 42 million tonnes. ", "");
    const claims = await readerClaims(inv.id, articleIds[0]!, edited);
    expect(claims).toEqual(await throughRelations(inv.id, articleIds[0]!, edited));
    expect(claims.at(-1)).toMatchObject({ valueText: "42 million tonnes", anchor: null });
    expect(claims.at(-1)!.conflicts.map((c) => c.status)).toEqual(["open"]);
  });

  test("hold no other article's or investigation's claims", async () => {
    const one = await makeStory([TEXT, "The harbour handled 5 million tonnes."]);
    const harbour = await one.entity("Harbour of Testport", "place");
    await one.claim(1, "5 million tonnes", { subjectId: harbour.id, valueKind: "number", valueText: "5 million tonnes" });
    expect(await readerClaims(one.inv.id, one.articleIds[0]!, TEXT)).toEqual([]);
    const other = await makeStory([TEXT]);
    expect(await readerClaims(other.inv.id, one.articleIds[1]!, "The harbour handled 5 million tonnes.")).toEqual([]);
  });
});
