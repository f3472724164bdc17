import { describe, expect, test } from "vitest";
import type { ActionResult } from "@/lib/domain/action-result.ts";
import { parseArticleText } from "@/lib/domain/article-import.ts";
import { createEntityInput } from "@/lib/domain/inputs.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { db } from "@/lib/server/database.ts";
import { addAlias, createEntity } from "@/lib/server/entities.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { articleNames, type ReaderNames } from "@/lib/server/name-proposals.ts";
import { rejectProposal } from "@/lib/server/proposals.ts";
import { suggestForInvestigation } from "@/lib/server/suggestions.ts";
import { actionNamed, actorOf } from "@/tests/support/actions.ts";
import { makeUser } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

// An emoji first: the reader's offsets count UTF-16 units, stored positions code points.
const FIRST =
  "🌊 Secretary of Defense Pete Hegseth met Dario Amodei in Paiporta on Tuesday. Amodei said Anthropic would not yield. " +
  "Reuters Institute analysts said Amodei had 40 staff there.";
const SECOND = "Dario Amodei flew back from Paiporta. The Reuters Institute said nothing.";

async function story() {
  const analyst = await makeUser("analyst");
  const inv = await createInvestigation(analyst.ctx, { title: `Names ${Math.random()}` });
  const outcomes = await importParsedArticles(analyst.ctx, inv.id, [
    { name: "a.txt", result: parseArticleText("a.txt", `Title: First\nPublished: 2024-10-30\n\n${FIRST}`) },
    { name: "b.txt", result: parseArticleText("b.txt", `Title: Second\nPublished: 2024-11-01\n\n${SECOND}`) },
  ]);
  const [a, b] = outcomes.map((o) => (o.status === "imported" ? o.articleId : ""));
  const anthropic = await createEntity(analyst.ctx, inv.id, { name: "Anthropic", kind: "organization" });
  const hegseth = await createEntity(analyst.ctx, inv.id, { name: "Pete Hegseth", kind: "person" });
  const amodei = await createEntity(analyst.ctx, inv.id, { name: "D. Amodei", kind: "person" });
  return { analyst, actor: actorOf(analyst), inv, a: a!, b: b!, anthropic, hegseth, amodei };
}

const listNames = (actor: ReturnType<typeof actorOf>, investigationId: string, articleId: string): Promise<ActionResult<ReaderNames>> =>
  actionNamed("name.list").run(actor, { investigationId, articleId });

describe(`names proposed as entities on ${testEngine}`, () => {
  test("an analyst sees an article's known names linked and the others proposed, at the reader's offsets", async () => {
    const { actor, inv, a, anthropic, hegseth, amodei } = await story();
    const result = await listNames(actor, inv.id, a);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const mentions = result.mentions.map((m) => [m.entityId, FIRST.slice(m.start, m.end)]);
    expect(mentions).toEqual([
      [hegseth.id, "Pete Hegseth"],
      [anthropic.id, "Anthropic"],
    ]);
    const byName = Object.fromEntries(result.names.map((n) => [n.name, n]));
    expect(Object.keys(byName).sort()).toEqual(["Amodei", "Dario Amodei", "Paiporta", "Reuters Institute"]);
    // "Dario Amodei" is close to "D. Amodei" by the naming rules: an alias is offered.
    expect(byName["Dario Amodei"]!.aliasOf).toEqual([expect.objectContaining({ entityId: amodei.id, name: "D. Amodei" })]);
    expect(byName["Amodei"]!.spans.map((s) => FIRST.slice(s.start, s.end))).toEqual(["Amodei", "Amodei"]);
    expect(byName["Paiporta"]).toMatchObject({ kind: "place", aliasOf: [] });
    expect(byName["Reuters Institute"]).toMatchObject({ kind: "organization" });
  });

  test("accepting a name as an alias or a new entity links it; a dismissed name is proposed nowhere again", async () => {
    const { analyst, actor, inv, a, b, amodei } = await story();
    const first = await articleNames(inv.id, a);
    expect(await articleNames(inv.id, a)).toBe(first); // kept until the investigation changes

    await addAlias(analyst.ctx, { investigationId: inv.id, entityId: amodei.id, name: "Dario Amodei" });
    const paiporta = await createEntity(analyst.ctx, inv.id, { name: "Paiporta", kind: "place" });
    const reuters = first.names.find((n) => n.name === "Reuters Institute")!;
    const dismissed = await actionNamed("name.dismiss").run(actor, { investigationId: inv.id, articleId: a, ...reuters.spans[0] });
    expect(dismissed).toMatchObject({ ok: true, name: "Reuters Institute" });

    const after = await articleNames(inv.id, a);
    expect(after.names.map((n) => n.name)).toEqual(["Amodei"]);
    expect(after.names[0]!.aliasOf[0]).toMatchObject({ entityId: amodei.id });
    expect(after.mentions.filter((m) => [amodei.id, paiporta.id].includes(m.entityId)).map((m) => FIRST.slice(m.start, m.end))).toEqual([
      "Dario Amodei",
      "Paiporta",
    ]);
    // The other article: the alias and the new entity link there too, the dismissal holds there too.
    const other = await articleNames(inv.id, b);
    expect(other.names).toEqual([]);
    expect(other.mentions.map((m) => m.entityId)).toEqual([amodei.id, paiporta.id]);

    const row = await db().proposalRejection.findUniqueOrThrow({ where: { id: dismissed.ok ? dismissed.id : "" } });
    // One astral character before: one code point fewer than UTF-16 units.
    expect(row).toMatchObject({
      kind: "name",
      cue: "reuters institute",
      positionStart: reuters.spans[0]!.start - 1,
      rejectedById: analyst.id,
    });
    const events = await db().auditEvent.findMany({ where: { investigationId: inv.id, action: "name.dismiss" } });
    expect(events).toMatchObject([{ actorId: analyst.id, objectType: "ProposalRejection", objectId: row.id }]);
  });

  test("a dismissed name and a turned-down claim suggestion do not count as each other", async () => {
    const { analyst, actor, inv, a } = await story();
    const staff = (await suggestForInvestigation(inv.id, "UTC", a))[0]!.proposals.find((p) => p.quote === "40 staff")!;
    await rejectProposal(analyst.ctx, { investigationId: inv.id, articleId: a, start: staff.start, end: staff.end, cue: staff.cue });
    expect((await articleNames(inv.id, a)).names.map((n) => n.name)).toContain("Reuters Institute");
    const paiporta = (await articleNames(inv.id, a)).names.find((n) => n.name === "Paiporta")!;
    await actionNamed("name.dismiss").run(actor, { investigationId: inv.id, articleId: a, ...paiporta.spans[0] });
    const second = await rejectProposal(analyst.ctx, { investigationId: inv.id, articleId: a, start: 0, end: 2, cue: staff.cue });
    // Two claim rejections with one cue retire it; the name dismissal was not a third.
    expect(second.cueRetired).toBe(true);
    expect(await db().proposalRejection.count({ where: { investigationId: inv.id, kind: "claim" } })).toBe(2);
  });

  test("a dismissal names words of the article, in the caller's investigation only", async () => {
    const { actor, inv, a } = await story();
    const dismiss = actionNamed("name.dismiss").run;
    expect(await dismiss(actor, { investigationId: inv.id, articleId: a, start: 5, end: 5000 })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    const other = await story();
    expect(await dismiss(other.actor, { investigationId: other.inv.id, articleId: a, start: 2, end: 11 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await listNames(other.actor, other.inv.id, a)).toMatchObject({ ok: false, code: "not_found" });
  });

  test("a full name made an entity takes the surname the text writes alone after it as an alias", async () => {
    const analyst = await makeUser("analyst");
    const inv = await createInvestigation(analyst.ctx, { title: `Short forms ${Math.random()}` });
    const body = "Dario Amodei met officials in Paiporta on Tuesday. Later, Amodei said the talks had stalled.";
    const [outcome] = await importParsedArticles(analyst.ctx, inv.id, [
      { name: "c.txt", result: parseArticleText("c.txt", `Title: Third\n\n${body}`) },
    ]);
    const articleId = outcome!.status === "imported" ? outcome!.articleId : "";
    const before = await articleNames(inv.id, articleId);
    const dario = before.names.find((n) => n.name === "Dario Amodei")!;
    expect(dario.shortForms).toEqual(["Amodei"]);
    expect(dario.spans.map((s) => body.slice(s.start, s.end))).toEqual(["Dario Amodei", "Amodei"]);

    // What the reader's "New entity" sends (entity.create): the name and its short forms.
    const input = createEntityInput.parse({ investigationId: inv.id, name: dario.name, kind: "person", aliases: dario.shortForms });
    const made = await createEntity(analyst.ctx, inv.id, input);
    expect(made).toMatchObject({ name: "Dario Amodei", aliases: ["Amodei"] });
    const id = made.id;

    // Both places link to the one person; "Amodei" is proposed no more, not even as an alias to add.
    const after = await articleNames(inv.id, articleId);
    expect(after.names.map((n) => n.name)).toEqual(["Paiporta"]);
    expect(after.mentions.map((m) => [m.entityId, body.slice(m.start, m.end)])).toEqual([
      [id, "Dario Amodei"],
      [id, "Amodei"],
    ]);
    const aliases = await db().entityAlias.findMany({ where: { entityId: id }, select: { name: true } });
    expect(aliases).toEqual([{ name: "Amodei" }]);
    const events = await db().auditEvent.findMany({ where: { investigationId: inv.id, objectId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["entity.create", "entity.alias.add"]);

    // A short form that already names another entity stays that entity's.
    const other = await createEntity(analyst.ctx, inv.id, { name: "Daniela Amodei", kind: "person", aliases: ["Amodei", "Daniela"] });
    expect(other.aliases).toEqual(["Daniela"]);
    // Typed on the entities page, a new entity has no other names.
    expect(createEntityInput.parse({ investigationId: inv.id, name: "Paiporta", kind: "place" }).aliases).toEqual([]);
  });
});
