import { describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { parseArticleText } from "@/lib/domain/article-import.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import {
  type ClaimFields,
  claimHistory,
  createClaim,
  deleteClaim,
  listArticleClaims,
  retractClaim,
  updateClaim,
} from "@/lib/server/claims.ts";
import { db } from "@/lib/server/database.ts";
import { addAlias, createEntity, getEntity, listEntities, mergeEntities, removeAlias, undoMerge } from "@/lib/server/entities.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { createClaim as createClaimAction, readClaimHistory, retractClaim as retractClaimAction } from "@/lib/features/claims/actions.ts";
import { insertMembership } from "@/lib/server/memberships.ts";
import { actionRegistry } from "@/lib/web/action.ts";
import { makeUser, SYSTEM } from "@/tests/support/actors.ts";
import { actorOf } from "@/tests/support/actions.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

const BODY =
  "Anthropic, valued at $18.4 billion, continues to grow. The Pentagon's Michael extended the offers last week. Emil Michael said so.";

async function story() {
  const analyst = await makeUser("analyst");
  const inv = await createInvestigation(analyst.ctx, { title: `Claims ${Math.random()}` });
  const [outcome] = await importParsedArticles(analyst.ctx, inv.id, [
    { name: "a.txt", result: parseArticleText("a.txt", `Title: Valuation\nPublished: 2026-02-26\n\n${BODY}`) },
  ]);
  if (outcome?.status !== "imported") throw new Error("import failed");
  const anthropic = await createEntity(analyst.ctx, inv.id, { name: "Anthropic", kind: "organization" });
  return { analyst, inv, articleId: outcome.articleId, anthropic };
}

const fields = (over: Partial<ClaimFields> = {}): ClaimFields => ({
  subjectId: "",
  newSubjectName: "",
  newSubjectKind: "other",
  subjectText: "Anthropic",
  attribute: "Valuation",
  valueKind: "money",
  valueText: "$18.4 billion",
  asOf: "",
  note: "",
  ...over,
});

const at = (quote: string) => ({ start: BODY.indexOf(quote), end: BODY.indexOf(quote) + quote.length });

describe(`claims on ${testEngine}`, () => {
  test("a claim records its anchor, its folded attribute and its value's reading, and is audited", async () => {
    const { analyst, inv, articleId, anthropic } = await story();
    const { id } = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("valued at $18.4 billion"),
      ...fields({ subjectId: anthropic.id }),
    });
    const claim = await db().claim.findUniqueOrThrow({ where: { id } });
    expect(claim).toMatchObject({
      attribute: "valuation",
      attributeLabel: "Valuation",
      quoteExact: "valued at $18.4 billion",
      quotePrefix: "Anthropic, ",
      valueLow: 18.35e9,
      valueHigh: 18.45e9,
      valueUnit: "USD",
      status: "active",
    });
    const [view] = await listArticleClaims(inv.id, articleId, `${BODY}`);
    expect(view).toMatchObject({ reading: "18.4 billion USD (18.35–18.45 bn)", anchor: { method: "position" } });
    const history = await claimHistory(inv.id, id);
    expect(history.map((h) => h.action)).toEqual(["claim.create"]);
  });

  test("a claim saved without saying how the text names its subject takes the words the text uses", async () => {
    const { analyst, inv, articleId, anthropic } = await story();
    const { id } = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("$18.4 billion"),
      ...fields({ subjectId: anthropic.id, subjectText: "" }),
    });
    // "Anthropic" stands before the quote in the sentence.
    expect((await db().claim.findUniqueOrThrow({ where: { id } })).subjectText).toBe("Anthropic");
    const michael = await createEntity(analyst.ctx, inv.id, { name: "Pentagon", kind: "organization" });
    const other = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("extended the offers"),
      ...fields({ subjectId: michael.id, subjectText: "", attribute: "Action", valueKind: "text", valueText: "extended the offers" }),
    });
    // The text names it "The Pentagon's"… as "Pentagon": the words as written.
    expect((await db().claim.findUniqueOrThrow({ where: { id: other.id } })).subjectText).toBe("Pentagon");
  });

  test("relative dates resolve against the article's publication date", async () => {
    const { analyst, inv, articleId } = await story();
    const { id } = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("extended the offers last week"),
      ...fields({
        newSubjectName: "Emil Michael",
        newSubjectKind: "person",
        subjectText: "The Pentagon's Michael",
        attribute: "offered talks",
        valueKind: "date",
        valueText: "last week",
      }),
    });
    const claim = await db().claim.findUniqueOrThrow({ where: { id }, include: { subject: true } });
    expect(claim.subject).toMatchObject({ name: "Emil Michael", kind: "person" });
    expect(claim.valueNorm).toMatchObject({ start: "2026-02-16", end: "2026-02-22", precision: "week" });
  });

  test("an unreadable value is refused with the field named, and nothing is saved", async () => {
    const { analyst, inv, articleId, anthropic } = await story();
    const error = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("continues to grow"),
      ...fields({ subjectId: anthropic.id, valueKind: "money", valueText: "continues to grow" }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpectedError);
    expect((error as ExpectedError).fieldErrors?.valueText?.[0]).toMatch(/not read as an amount of money/);
    expect(await db().claim.count({ where: { investigationId: inv.id } })).toBe(0);
  });

  test("edits carry a version: a stale edit is refused naming who changed it, and the newer edit stands", async () => {
    const { analyst, inv, articleId, anthropic } = await story();
    const reviewer = await makeUser("reviewer");
    const { id } = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("$18.4 billion"),
      ...fields({ subjectId: anthropic.id }),
    });
    await updateClaim(reviewer.ctx, {
      investigationId: inv.id,
      id,
      version: 1,
      ...fields({ subjectId: anthropic.id, valueText: "$18.5 billion" }),
    });
    const stale = await updateClaim(analyst.ctx, {
      investigationId: inv.id,
      id,
      version: 1,
      ...fields({ subjectId: anthropic.id, valueText: "$19 billion" }),
    }).catch((e: unknown) => e as ExpectedError);
    expect(stale).toMatchObject({ code: "stale" });
    expect((stale as Error).message).toContain(reviewer.email);
    expect((await db().claim.findUniqueOrThrow({ where: { id } })).valueText).toBe("$18.5 billion");
  });

  test("retracting keeps the claim with its reason; deleting removes it; both audited", async () => {
    const { analyst, inv, articleId, anthropic } = await story();
    const a = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("$18.4 billion"),
      ...fields({ subjectId: anthropic.id }),
    });
    await retractClaim(analyst.ctx, { investigationId: inv.id, id: a.id, version: 1, reason: "Misread the figure" });
    expect(await db().claim.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "retracted",
      statusReason: "Misread the figure",
    });
    await deleteClaim(analyst.ctx, { investigationId: inv.id, id: a.id, version: 2 });
    expect(await db().claim.count({ where: { id: a.id } })).toBe(0);
    expect((await claimHistory(inv.id, a.id)).map((h) => h.action)).toEqual(["claim.delete", "claim.retract", "claim.create"]);
  });

  test("a claim in a conflict cannot be deleted, only retracted", async () => {
    const { analyst, inv, articleId, anthropic } = await story();
    const a = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("$18.4 billion"),
      ...fields({ subjectId: anthropic.id }),
    });
    await db().conflict.create({
      data: { investigationId: inv.id, kind: "manual", summary: "test", claims: { create: { claimId: a.id } } },
    });
    await expect(deleteClaim(analyst.ctx, { investigationId: inv.id, id: a.id, version: 1 })).rejects.toThrow(/Retract it instead/);
  });

  test("a save answers with the claim as the reader shows it and the conflicts it opened", async () => {
    const { analyst, inv, articleId, anthropic } = await story();
    const first = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      // A selection with a space before it is trimmed to the words.
      ...{ start: at("$18.4 billion").start - 1, end: at("$18.4 billion").end },
      ...fields({ subjectId: anthropic.id }),
    });
    expect(first).toMatchObject({
      anchor: at("$18.4 billion"),
      claim: { subject: { id: anthropic.id, name: "Anthropic" }, quote: "$18.4 billion", reading: "18.4 billion USD (18.35–18.45 bn)" },
      event: { action: "claim.create" },
      conflicts: [],
      newSubject: null,
    });
    // The same words read as ten times more, about a subject created on the way.
    const second = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("$18.4 billion"),
      ...fields({ subjectId: anthropic.id, valueText: "$184 billion" }),
    });
    expect(second.conflicts).toEqual([expect.objectContaining({ kind: "scale", status: "open", claimIds: [first.id, second.id].sort() })]);
    const other = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("Emil Michael"),
      ...fields({ newSubjectName: "Emil Michael", newSubjectKind: "person", attribute: "Role", valueKind: "text", valueText: "official" }),
    });
    expect(other.newSubject).toMatchObject({ name: "Emil Michael", kind: "person" });
    // Retracting one side closes the conflict, and says so.
    const retracted = await retractClaim(analyst.ctx, { investigationId: inv.id, id: second.id, version: 1, reason: "typo" });
    expect(retracted).toMatchObject({ version: 2, claim: { status: "retracted" }, event: { action: "claim.retract" } });
    expect(retracted.conflicts).toEqual([expect.objectContaining({ kind: "scale", status: "dismissed" })]);
  });

  test("a save tells the navigation how many conflicts are open when it opened or closed one", async () => {
    const { analyst, inv, articleId, anthropic } = await story();
    const actor = { id: analyst.id, email: analyst.email, name: analyst.name, role: analyst.role };
    const save = (valueText: string) =>
      actionRegistry.get(createClaimAction)!.run(actor, {
        investigationId: inv.id,
        articleId,
        ...at("$18.4 billion"),
        ...fields({ subjectId: anthropic.id, valueText }),
      });
    const first = await save("$18.4 billion");
    expect(first).toMatchObject({ ok: true, conflicts: [] });
    expect(first).not.toHaveProperty("openConflicts");
    const second = await save("$184 billion");
    expect(second).toMatchObject({ ok: true, conflicts: [expect.objectContaining({ status: "open" })], openConflicts: 1 });
    // A third figure joins the open conflict: it changed, but as many are open as before.
    const third = await save("$184 billion");
    expect(third).toMatchObject({ ok: true, conflicts: [expect.objectContaining({ status: "open" })] });
    expect(third).not.toHaveProperty("openConflicts");
    // Retracting the lone low figure closes it: none open.
    if (!first.ok) throw new Error("first save failed");
    const retracted = await actionRegistry
      .get(retractClaimAction)!
      .run(actor, { investigationId: inv.id, id: first.id, version: 1, reason: "misread" });
    expect(retracted).toMatchObject({ ok: true, conflicts: [expect.objectContaining({ status: "dismissed" })], openConflicts: 0 });
  });

  test("in a long article, a claim near either end is read from the words around it", async () => {
    const analyst = await makeUser("analyst");
    const inv = await createInvestigation(analyst.ctx, { title: `Long ${Math.random()}` });
    const filler = "Paragraph of background that says nothing in particular about the figures at hand.\n\n".repeat(3000);
    const body = `Anthropic opened with $1 billion.\n\n${filler}Correction: an earlier version misstated the total, which is $9 billion.`;
    const [outcome] = await importParsedArticles(analyst.ctx, inv.id, [
      { name: "long.txt", result: parseArticleText("long.txt", `Title: Long\nPublished: 2026-02-26\n\n${body}`) },
    ]);
    if (outcome?.status !== "imported") throw new Error("import failed");
    const anthropic = await createEntity(analyst.ctx, inv.id, { name: "Anthropic", kind: "organization" });
    const stored = await db().article.findUniqueOrThrow({ where: { id: outcome.articleId }, select: { body: true } });
    const where = (quote: string) => ({ start: stored.body.indexOf(quote), end: stored.body.indexOf(quote) + quote.length });
    const save = (quote: string, valueText: string) =>
      createClaim(analyst.ctx, {
        investigationId: inv.id,
        articleId: outcome.articleId,
        ...where(quote),
        ...fields({ subjectId: anthropic.id, attribute: "Total", valueText }),
      });
    const early = await save("$1 billion", "$1 billion");
    const late = await save("$9 billion", "$9 billion");
    const rows = await db().claim.findMany({ where: { id: { in: [early.id, late.id] } }, orderBy: { positionStart: "asc" } });
    expect(rows.map((r) => [r.quoteExact, r.quotePrefix, r.quoteSuffix, r.positionStart, r.inCorrection])).toEqual([
      ["$1 billion", "Anthropic opened with ", ".\n\nParagraph of background that ", where("$1 billion").start, false],
      ["$9 billion", "n misstated the total, which is ", ".", where("$9 billion").start, true],
    ]);
    // Past the end of the text: refused, nothing saved.
    await expect(
      createClaim(analyst.ctx, {
        investigationId: inv.id,
        articleId: outcome.articleId,
        start: stored.body.length - 3,
        end: stored.body.length + 5,
        ...fields({ subjectId: anthropic.id }),
      }),
    ).rejects.toThrow(/not part of this article/);
    expect(await db().claim.count({ where: { investigationId: inv.id } })).toBe(2);
  });

  test("claims of another investigation are not found", async () => {
    const { analyst, inv, articleId, anthropic } = await story();
    const other = await createInvestigation(analyst.ctx, { title: `Other ${Math.random()}` });
    const a = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("$18.4 billion"),
      ...fields({ subjectId: anthropic.id }),
    });
    await expect(retractClaim(analyst.ctx, { investigationId: other.id, id: a.id, version: 1, reason: "cross" })).rejects.toThrow(
      /no longer exists/,
    );
  });
});

describe(`entities on ${testEngine}`, () => {
  test("aliases are added once, refused when they name another entity, and removed", async () => {
    const { analyst, inv } = await story();
    const emil = await createEntity(analyst.ctx, inv.id, { name: "Emil Michael", kind: "person" });
    const alias = await addAlias(analyst.ctx, { investigationId: inv.id, entityId: emil.id, name: "the Pentagon’s Michael" });
    await expect(addAlias(analyst.ctx, { investigationId: inv.id, entityId: emil.id, name: "The Pentagon's Michael" })).rejects.toThrow(
      /already has that alias/,
    );
    const other = await createEntity(analyst.ctx, inv.id, { name: "Dario Amodei", kind: "person" });
    await expect(addAlias(analyst.ctx, { investigationId: inv.id, entityId: other.id, name: "Emil Michael" })).rejects.toThrow(
      /already names Emil Michael/,
    );
    await expect(createEntity(analyst.ctx, inv.id, { name: "THE PENTAGON'S MICHAEL", kind: "person" })).rejects.toThrow(/already exists/);
    await removeAlias(analyst.ctx, { investigationId: inv.id, aliasId: alias.id });
    expect((await listEntities(inv.id)).find((e) => e.id === emil.id)?.aliases).toEqual([]);
  });

  test("a name is found by its folded form, kept with the entity, and older entities without one are still found", async () => {
    const { analyst, inv } = await story();
    const puente = await createEntity(analyst.ctx, inv.id, { name: "Óscar  Puente", kind: "person" });
    expect(await db().entity.findUniqueOrThrow({ where: { id: puente.id }, select: { folded: true } })).toEqual({ folded: "oscar puente" });
    await expect(createEntity(analyst.ctx, inv.id, { name: "OSCAR PUENTE", kind: "person" })).rejects.toThrow(
      /“Óscar {2}Puente” already exists/,
    );
    // An entity from before the folded column, whose name SQL could not fold as JavaScript does.
    const old = await createEntity(analyst.ctx, inv.id, { name: "Straße Authority", kind: "organization" });
    await db().entity.update({ where: { id: old.id }, data: { folded: null } });
    await expect(createEntity(analyst.ctx, inv.id, { name: "strasse authority", kind: "organization" })).rejects.toThrow(
      /“Straße Authority” already exists/,
    );
    const other = await createEntity(analyst.ctx, inv.id, { name: "Strasse Council", kind: "organization" });
    await expect(addAlias(analyst.ctx, { investigationId: inv.id, entityId: other.id, name: "STRASSE AUTHORITY" })).rejects.toThrow(
      /already names Straße Authority/,
    );
  });

  test("merging moves claims and aliases and keeps the old name as an alias; undo puts everything back", async () => {
    const { analyst, inv, articleId } = await story();
    const michael = await createEntity(analyst.ctx, inv.id, { name: "Michael", kind: "person" });
    const emil = await createEntity(analyst.ctx, inv.id, { name: "Emil Michael", kind: "person" });
    await addAlias(analyst.ctx, { investigationId: inv.id, entityId: michael.id, name: "the Pentagon's Michael" });
    const claim = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("The Pentagon's Michael"),
      ...fields({
        subjectId: michael.id,
        subjectText: "The Pentagon's Michael",
        attribute: "role",
        valueKind: "text",
        valueText: "Pentagon official",
      }),
    });

    const { mergeId } = await mergeEntities(analyst.ctx, { investigationId: inv.id, sourceId: michael.id, targetId: emil.id });
    const merged = await getEntity(inv.id, emil.id);
    expect(merged?.aliases.map((a) => a.name).sort()).toEqual(["Michael", "the Pentagon's Michael"]);
    expect(merged?.subjectOf.map((c) => c.id)).toEqual([claim.id]);
    expect((await listEntities(inv.id)).map((e) => e.name)).not.toContain("Michael");

    await undoMerge(analyst.ctx, { investigationId: inv.id, mergeId });
    const restored = await getEntity(inv.id, michael.id);
    expect(restored?.mergedInto).toBeNull();
    expect(restored?.aliases.map((a) => a.name)).toEqual(["the Pentagon's Michael"]);
    expect(restored?.subjectOf.map((c) => c.id)).toEqual([claim.id]);
    expect((await getEntity(inv.id, emil.id))?.aliases).toEqual([]);
    await expect(undoMerge(analyst.ctx, { investigationId: inv.id, mergeId })).rejects.toThrow(/already undone/);
    const actions = await db().auditEvent.findMany({ where: { objectId: michael.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["entity.create", "entity.alias.add", "entity.merge", "entity.unmerge"]);
  });
});

describe(`a claim's history in the reader, on ${testEngine}`, () => {
  test("a claim's history is read when it is opened, by its investigation's members only", async () => {
    const { analyst, inv, articleId, anthropic } = await story();
    const { id } = await createClaim(analyst.ctx, {
      investigationId: inv.id,
      articleId,
      ...at("$18.4 billion"),
      ...fields({ subjectId: anthropic.id }),
    });
    await retractClaim(analyst.ctx, { investigationId: inv.id, id, version: 1, reason: "misread" });
    const viewer = await makeUser("analyst");
    await db().$transaction((tx) => insertMembership(tx, SYSTEM, { investigationId: inv.id, userId: viewer.id, role: "viewer" }));
    const read = actionRegistry.get(readClaimHistory)!.run;

    // A viewer opens the claim: newest first, with who did it.
    const seen = await read(actorOf(viewer), { investigationId: inv.id, id });
    expect(seen).toMatchObject({
      ok: true,
      history: [
        { action: "claim.retract", actor: analyst.name },
        { action: "claim.create", actor: analyst.name },
      ],
    });

    // The lead of another investigation, naming this claim from their own: not found, nothing told.
    const other = await makeUser("analyst");
    const theirs = await createInvestigation(other.ctx, { title: `Theirs ${Math.random()}` });
    const foreign = await read(actorOf(other), { investigationId: theirs.id, id });
    expect(foreign).toEqual({ ok: false, code: "not_found", message: "That claim no longer exists." });
    // ...or naming this investigation, which they are not in: as an investigation that never existed.
    const outside = await read(actorOf(other), { investigationId: inv.id, id });
    expect(outside).toMatchObject({ ok: false, code: "not_found" });
    expect(JSON.stringify([foreign, outside])).not.toContain("claim.retract");
  });
});
