import { describe, expect, test } from "vitest";
import type { ActionName } from "@/lib/domain/permissions.ts";
import type { MemberRole } from "@/lib/domain/roles.ts";
import { db } from "@/lib/server/database.ts";
import { createInvestigation, listInvestigations } from "@/lib/server/investigations.ts";
import {
  addMember,
  findMemberInvestigation,
  insertMembership,
  joinInvestigation,
  listAllInvestigations,
  listMembers,
  removeMember,
  setMemberRole,
} from "@/lib/server/memberships.ts";
import { setUserDisabled } from "@/lib/server/users.ts";
import {
  createClaimInput,
  createInvestigationInput,
  joinInvestigationInput,
  resolveConflictInput,
  slugSchema,
} from "@/lib/domain/inputs.ts";
import { createClaim } from "@/lib/server/claims.ts";
import { resolveConflict } from "@/lib/server/conflicts.ts";
import { executeAction } from "@/lib/web/action.ts";
import type { Actor } from "@/lib/web/session.ts";
import { actionNamed, actorOf } from "@/tests/support/actions.ts";
import { makeUser, SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

const action = (name: ActionName) => actionNamed(name).run;

async function withMember(investigationId: string, role: MemberRole, globalRole: "analyst" | "reviewer" | "admin" = "analyst") {
  const user = await makeUser(globalRole);
  await db().$transaction((tx) => insertMembership(tx, SYSTEM, { investigationId, userId: user.id, role }));
  return user;
}

const auditOf = (investigationId: string, action: string) => db().auditEvent.findMany({ where: { investigationId, action } });

describe(`membership on ${testEngine}`, () => {
  test("whoever creates an investigation leads it, recorded in the same transaction; others do not see it", async () => {
    const creator = await makeUser("analyst");
    const stranger = await makeUser("admin");
    const inv = await createInvestigation(creator.ctx, { title: "Embargoed story" });
    expect(await listMembers(inv.id)).toMatchObject([{ userId: creator.id, role: "lead" }]);
    expect(await auditOf(inv.id, "member.add")).toMatchObject([{ actorId: creator.id, after: { userId: creator.id, role: "lead" } }]);
    expect((await listInvestigations(creator.id)).map((i) => i.slug)).toContain(inv.slug);
    // A global admin is no exception: without a membership the investigation does not exist for them.
    expect((await listInvestigations(stranger.id)).map((i) => i.slug)).not.toContain(inv.slug);
    expect(await findMemberInvestigation(inv.slug, stranger.id)).toBeNull();
    expect(await findMemberInvestigation(inv.slug, creator.id)).toMatchObject({ id: inv.id, role: "lead" });
  });

  test("a lead adds people by e-mail address or name, changes roles and removes them; each step audited", async () => {
    const lead = await makeUser("analyst");
    const inv = await createInvestigation(lead.ctx, { title: "Members story" });
    const ana = await makeUser("analyst");
    const rev = await makeUser("reviewer");
    await db().user.update({ where: { id: rev.id }, data: { name: "Ruth Unique-Reviewer" } });
    await addMember(lead.ctx, { investigationId: inv.id, who: ana.email.toUpperCase(), role: "viewer" });
    await addMember(lead.ctx, { investigationId: inv.id, who: "ruth unique-reviewer", role: "reviewer" });
    expect((await listMembers(inv.id)).map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [lead.id, "lead"],
        [ana.id, "viewer"],
        [rev.id, "reviewer"],
      ].sort(),
    );
    await expect(addMember(lead.ctx, { investigationId: inv.id, who: ana.email, role: "analyst" })).rejects.toMatchObject({
      code: "duplicate",
    });
    await expect(addMember(lead.ctx, { investigationId: inv.id, who: "nobody@example.test", role: "analyst" })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { who: [expect.stringContaining("No account")] },
    });
    await setMemberRole(ana.ctx, { investigationId: inv.id, userId: ana.id, role: "analyst" });
    await removeMember(lead.ctx, { investigationId: inv.id, userId: rev.id });
    expect((await listMembers(inv.id)).map((m) => m.userId)).not.toContain(rev.id);
    expect((await auditOf(inv.id, "member.add")).length).toBe(3);
    expect(await auditOf(inv.id, "member.update")).toMatchObject([{ before: { role: "viewer" }, after: { role: "analyst" } }]);
    expect(await auditOf(inv.id, "member.remove")).toMatchObject([{ objectId: rev.id, before: { role: "reviewer" } }]);
  });

  test("a disabled account is not added; the last lead can be neither demoted nor removed", async () => {
    const lead = await makeUser("analyst");
    const admin = await makeUser("admin");
    const inv = await createInvestigation(lead.ctx, { title: "Last lead story" });
    const gone = await makeUser("analyst");
    await setUserDisabled(admin.ctx, { id: gone.id, version: gone.version, disabled: true });
    await expect(addMember(lead.ctx, { investigationId: inv.id, who: gone.email, role: "viewer" })).rejects.toMatchObject({
      fieldErrors: { who: [expect.stringContaining("disabled")] },
    });
    await expect(setMemberRole(lead.ctx, { investigationId: inv.id, userId: lead.id, role: "reviewer" })).rejects.toThrow(/only lead/);
    await expect(removeMember(lead.ctx, { investigationId: inv.id, userId: lead.id })).rejects.toThrow(/only lead/);
    // With a second lead, the first may step down.
    const second = await withMember(inv.id, "lead");
    await setMemberRole(lead.ctx, { investigationId: inv.id, userId: lead.id, role: "viewer" });
    await expect(removeMember(second.ctx, { investigationId: inv.id, userId: second.id })).rejects.toThrow(/only lead/);
    expect((await listMembers(inv.id)).filter((m) => m.role === "lead").map((m) => m.userId)).toEqual([second.id]);
  });

  test("an outsider asking for the address of an investigation they cannot see is told nothing of it", async () => {
    const owner = await makeUser("analyst");
    const hidden = await createInvestigation(owner.ctx, { title: "Embargoed merger", slug: "embargoed-merger" });
    const outsider = await makeUser("admin");
    // As the action runs it (its handler also refreshes pages, which needs a Next request).
    const create = (input: unknown) =>
      executeAction(
        "investigation.create",
        createInvestigationInput,
        async (i, ctx) => ({ slug: (await createInvestigation(ctx, i, { ownAddress: true })).slug }),
        actorOf(outsider),
        input,
      );
    const taken = await create({ title: "My merger story", slug: "embargoed-merger" });
    const free = await create({ title: "My other story", slug: "nobody-has-this" });
    // The same answer whether the address asked for is taken or free: an address of one's own.
    expect(taken).toEqual({ ok: true, slug: expect.stringMatching(/^embargoed-merger-[a-z0-9]{5}$/) });
    expect(free).toEqual({ ok: true, slug: expect.stringMatching(/^nobody-has-this-[a-z0-9]{5}$/) });
    expect(await findMemberInvestigation("embargoed-merger", outsider.id)).toBeNull();
    expect(await db().investigation.findUniqueOrThrow({ where: { id: hidden.id } })).toMatchObject({
      title: "Embargoed merger",
      slug: "embargoed-merger",
    });
    expect((await listMembers(hidden.id)).map((m) => m.userId)).toEqual([owner.id]);
    // Asking twice for one name gives two addresses; a long title still makes a valid address.
    const again = await create({ title: "My merger story", slug: "embargoed-merger" });
    expect(again).toMatchObject({ ok: true });
    expect(again.ok && again.slug).not.toBe(taken.ok && taken.slug);
    const long = await create({ title: "A very long title about the merger that nobody outside may know of, with more words" });
    expect(long.ok && slugSchema.safeParse(long.slug).success).toBe(true);
  });

  test("two leads demoting each other at once leave one lead", async () => {
    const a = await makeUser("analyst");
    const inv = await createInvestigation(a.ctx, { title: "Race story" });
    const b = await withMember(inv.id, "lead");
    const results = await Promise.allSettled([
      setMemberRole(a.ctx, { investigationId: inv.id, userId: b.id, role: "analyst" }),
      setMemberRole(b.ctx, { investigationId: inv.id, userId: a.id, role: "analyst" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listMembers(inv.id)).filter((m) => m.role === "lead")).toHaveLength(1);
  });

  test("an admin joins an investigation on purpose, as its lead, and the investigation's history says so", async () => {
    const owner = await makeUser("analyst");
    const inv = await createInvestigation(owner.ctx, { title: "Joined story" });
    const admin = await makeUser("admin");
    expect((await listAllInvestigations(admin.id)).find((i) => i.id === inv.id)).toMatchObject({ joined: null, members: 1 });
    const analyst = await makeUser("analyst");
    expect(await action("investigation.join")(actorOf(analyst), { investigationId: inv.id })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    // The action's handler also refreshes pages, which needs a Next request: its lib function, behind the same door.
    const join = (actor: Actor, input: unknown) =>
      executeAction(
        "investigation.join",
        joinInvestigationInput,
        (i, ctx) => joinInvestigation({ ...ctx, actorId: ctx.actor!.id }, i.investigationId),
        actor,
        input,
      );
    expect(await join(actorOf(admin), { investigationId: inv.id })).toMatchObject({ ok: true, slug: inv.slug });
    expect(await findMemberInvestigation(inv.slug, admin.id)).toMatchObject({ role: "lead" });
    expect(await auditOf(inv.id, "investigation.join")).toMatchObject([{ actorId: admin.id, objectId: admin.id, after: { role: "lead" } }]);
    expect(await joinInvestigation({ ...admin.ctx, actorId: admin.id }, inv.id)).toEqual({ slug: inv.slug });
    expect(await auditOf(inv.id, "investigation.join")).toHaveLength(1);
  });
});

describe(`what each role in an investigation may do, through the actions, on ${testEngine}`, () => {
  test("a viewer reads but records nothing; an analyst records but does not settle; a reviewer settles but does not manage members", async () => {
    const s = await makeStory(["Anthropic was valued at $18.4 billion.", "Anthropic was valued at $183 billion."]);
    const anthropic = await s.entity("Anthropic");
    await s.claim(0, "$18.4 billion", { subjectId: anthropic.id });
    await s.claim(1, "$183 billion", { subjectId: anthropic.id });
    const conflict = await db().conflict.findFirstOrThrow({ where: { investigationId: s.inv.id, status: "open" } });
    const viewer = await withMember(s.inv.id, "viewer");
    const before = await db().claim.count({ where: { investigationId: s.inv.id } });
    const claim = {
      investigationId: s.inv.id,
      articleId: s.articleIds[0],
      start: 0,
      end: 9,
      subjectId: anthropic.id,
      attribute: "Name",
      valueKind: "text",
      valueText: "Anthropic",
    };
    const asViewer = await action("claim.create")(actorOf(viewer), claim);
    expect(asViewer).toMatchObject({ ok: false, code: "forbidden", message: expect.stringContaining("You are a viewer here") });
    // A role read with the session for another investigation is not taken for this one's.
    const elsewhere = { investigationId: "another-investigation", role: "lead" } as const;
    expect(await action("claim.create")(actorOf(viewer), claim, "req-elsewhere", elsewhere)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await db().claim.count({ where: { investigationId: s.inv.id } })).toBe(before);
    expect(await action("job.status")(actorOf(viewer), { investigationId: s.inv.id, jobId: "none" })).toMatchObject({ code: "not_found" });

    const resolve = {
      investigationId: s.inv.id,
      id: conflict.id,
      version: conflict.version,
      kind: "not_a_conflict",
      rationale: "Two different rounds of funding.",
    };
    expect(await action("conflict.resolve")(actorOf(s.analyst), resolve)).toMatchObject({ ok: false, code: "forbidden" });
    // Allowed callers, through the same door to the actions' lib functions (the actions also refresh pages, which needs Next).
    const create = (actor: Actor) => executeAction("claim.create", createClaimInput, (i, ctx) => createClaim(ctx, i), actor, claim);
    expect(await create(actorOf(viewer))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await create(actorOf(s.analyst))).toMatchObject({ ok: true });

    const addViewer = { investigationId: s.inv.id, who: (await makeUser("analyst")).email, role: "viewer" };
    expect(await action("member.add")(actorOf(s.reviewer), addViewer)).toMatchObject({ ok: false, code: "forbidden" });
    const settle = (actor: Actor) =>
      executeAction(
        "conflict.resolve",
        resolveConflictInput,
        (i, ctx) => resolveConflict({ ...ctx, actorId: ctx.actor!.id }, i),
        actor,
        resolve,
      );
    expect(await settle(actorOf(s.analyst))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await settle(actorOf(s.reviewer))).toMatchObject({ ok: true });
    expect((await listMembers(s.inv.id)).length).toBe(3);
  });
});
