import { beforeAll, describe, expect, test } from "vitest";
import { GET as sharedDownload } from "@/app/shared/[token]/download/route.ts";
import type { ActionName } from "@/lib/domain/permissions.ts";
import type { MemberRole } from "@/lib/domain/roles.ts";
import { db } from "@/lib/server/database.ts";
import { currentFactSheet } from "@/lib/server/factsheet.ts";
import { insertMembership } from "@/lib/server/memberships.ts";
import { createShareLink, hashShareToken, listShareLinks, resolveShareToken } from "@/lib/server/share-links.ts";
import type { Actor } from "@/lib/web/session.ts";
import { actionNamed, actorOf } from "@/tests/support/actions.ts";
import { makeUser, SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

const action = (name: ActionName) => actionNamed(name).run;

const tokenOf = (url: string) => new URL(url).pathname.replace(/^\/shared\//, "");
const download = (token: string, format = "md") =>
  sharedDownload(new Request(`http://localhost/shared/${token}/download?format=${format}`), { params: Promise.resolve({ token }) });

let story: Awaited<ReturnType<typeof makeStory>>;
const members = {} as Record<MemberRole, Actor>;

beforeAll(async () => {
  story = await makeStory(["Anthropic was valued at $18.4 billion 🚀, people familiar said.", "Anthropic was valued at $183 billion."]);
  const anthropic = await story.entity("Anthropic");
  await story.claim(0, "$18.4 billion", { subjectId: anthropic.id });
  for (const role of ["lead", "reviewer", "analyst", "viewer"] as const) {
    const user = await makeUser(role === "reviewer" ? "reviewer" : "analyst");
    await db().$transaction((tx) => insertMembership(tx, SYSTEM, { investigationId: story.inv.id, userId: user.id, role }));
    members[role] = actorOf(user);
  }
}, 60_000);

describe(`shared read-only links on ${testEngine}`, () => {
  test("a lead creates a link: its token opens the fact sheet and its downloads; only its hash is stored", async () => {
    const result = await action("share.create")(members.lead, { investigationId: story.inv.id, label: "Legal desk", expiresInDays: "" });
    expect(result).toMatchObject({ ok: true, expiresAt: null });
    if (!result.ok) return;
    expect(result.url).toMatch(/^http:\/\/localhost:\d+\/shared\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(result.url);
    expect(await resolveShareToken(token)).toEqual({ id: story.inv.id, title: story.inv.title });

    const row = await db().shareLink.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({
      investigationId: story.inv.id,
      tokenHash: hashShareToken(token),
      label: "Legal desk",
      createdById: members.lead.id,
    });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await listShareLinks(story.inv.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: result.id, label: "Legal desk" })]),
    );

    const md = await download(token);
    expect(md.status).toBe(200);
    expect(md.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.md"$/);
    expect(md.headers.get("cache-control")).toBe("private, no-cache");
    expect(await md.text()).toContain("$18.4 billion");
    const etag = md.headers.get("etag")!;
    const again = await sharedDownload(
      new Request(`http://localhost/shared/${token}/download?format=md`, { headers: { "If-None-Match": etag } }),
      { params: Promise.resolve({ token }) },
    );
    expect(again.status).toBe(304);
    expect((await download(token, "exe")).status).toBe(400);
  });

  test("revoked: from the next request it opens nothing, and the 404 says nothing", async () => {
    const created = await action("share.create")(members.lead, { investigationId: story.inv.id });
    if (!created.ok) throw new Error(created.message);
    const token = tokenOf(created.url);
    expect(await resolveShareToken(token)).not.toBeNull();
    const revoked = await action("share.revoke")(members.lead, { investigationId: story.inv.id, id: created.id });
    expect(revoked).toMatchObject({ ok: true });
    expect(await resolveShareToken(token)).toBeNull();
    const gone = await download(token);
    expect(gone.status).toBe(404);
    const unknown = await download("A".repeat(43));
    expect(await gone.text()).toBe(await unknown.text());
    expect(await db().shareLink.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ revokedById: members.lead.id });
    expect((await listShareLinks(story.inv.id)).map((l) => l.id)).not.toContain(created.id);
    // Twice is refused, and changes nothing.
    expect(await action("share.revoke")(members.lead, { investigationId: story.inv.id, id: created.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  test("expired: works until its expiry, not after", async () => {
    const now = new Date();
    const { token } = await createShareLink(
      SYSTEM,
      { investigationId: story.inv.id, expiresInDays: 2 },
      new Date(now.getTime() - 3 * 86_400_000),
    );
    expect(await resolveShareToken(token)).toBeNull();
    expect(await resolveShareToken(token, new Date(now.getTime() - 2 * 86_400_000))).not.toBeNull();
    expect((await download(token)).status).toBe(404);
    const live = await createShareLink(SYSTEM, { investigationId: story.inv.id, expiresInDays: 7 });
    expect(await resolveShareToken(live.token)).not.toBeNull();
    expect(live.expiresAt!.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  });

  test("tokens of the wrong shape, unknown ones, and links of an archived investigation open nothing", async () => {
    for (const token of ["", "x", "A".repeat(42), `${"A".repeat(42)}!`, "A".repeat(44), "../../api/health"]) {
      expect(await resolveShareToken(token)).toBeNull();
    }
    const { token } = await createShareLink(SYSTEM, { investigationId: story.inv.id });
    // A hash of a live token is not itself a token.
    expect(await resolveShareToken(hashShareToken(token))).toBeNull();
    await db().investigation.update({ where: { id: story.inv.id }, data: { archivedAt: new Date() } });
    try {
      expect(await resolveShareToken(token)).toBeNull();
    } finally {
      await db().investigation.update({ where: { id: story.inv.id }, data: { archivedAt: null } });
    }
    expect(await resolveShareToken(token)).not.toBeNull();
  });

  test("reviewers, analysts and viewers can neither create nor revoke a link; nothing is written", async () => {
    const created = await action("share.create")(members.lead, { investigationId: story.inv.id });
    if (!created.ok) throw new Error(created.message);
    const count = () => db().shareLink.count({ where: { investigationId: story.inv.id } });
    const before = await count();
    for (const role of ["reviewer", "analyst", "viewer"] as const) {
      expect(await action("share.create")(members[role], { investigationId: story.inv.id })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await action("share.revoke")(members[role], { investigationId: story.inv.id, id: created.id })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    expect(await count()).toBe(before);
    expect(await resolveShareToken(tokenOf(created.url))).not.toBeNull();
  });

  test("bad input is refused with a message by the field", async () => {
    for (const expiresInDays of ["0", "-1", "1.5", "soon", "366"]) {
      const result = await action("share.create")(members.lead, { investigationId: story.inv.id, expiresInDays });
      expect(result, expiresInDays).toMatchObject({
        ok: false,
        code: "invalid_input",
        fieldErrors: { expiresInDays: [expect.any(String)] },
      });
    }
  });

  test("the audit trail records who shared and revoked, never a token or its hash", async () => {
    const dated = (await currentFactSheet(story.inv.id)).sheet!.generatedAt;
    const created = await action("share.create")(members.lead, {
      investigationId: story.inv.id,
      label: "For the 🚀 desk",
      expiresInDays: "30",
    });
    if (!created.ok) throw new Error(created.message);
    await action("share.revoke")(members.lead, { investigationId: story.inv.id, id: created.id });
    const token = tokenOf(created.url);
    const events = await db().auditEvent.findMany({ where: { objectType: "ShareLink", objectId: created.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId, e.investigationId])).toEqual([
      ["share.create", members.lead.id, story.inv.id],
      ["share.revoke", members.lead.id, story.inv.id],
    ]);
    expect(events[0]!.after).toMatchObject({ label: "For the 🚀 desk" });
    const all = JSON.stringify(await db().auditEvent.findMany({ where: { objectType: "ShareLink" } }), (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(all).not.toContain(token);
    expect(all).not.toContain(hashShareToken(token));
    // Who may read the sheet is not what it says: its time stamp (and so its bytes) stay.
    expect((await currentFactSheet(story.inv.id)).sheet!.generatedAt).toBe(dated);
  });
});
