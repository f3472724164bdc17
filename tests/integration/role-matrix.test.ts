import { beforeAll, describe, expect, test } from "vitest";
import { ACTION_POLICY, type ActionName, type ActionPolicy } from "@/lib/domain/permissions.ts";
import { hasMemberRole, hasRole, MEMBER_ROLES, type MemberRole, ROLES, type Role } from "@/lib/domain/roles.ts";
import { addComment } from "@/lib/server/conflicts.ts";
import { db } from "@/lib/server/database.ts";
import { addAlias, mergeEntities } from "@/lib/server/entities.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { enqueueJob } from "@/lib/server/jobs.ts";
import { insertMembership } from "@/lib/server/memberships.ts";
import { createShareLink } from "@/lib/server/share-links.ts";
import { actionRegistry, type RegisteredAction } from "@/lib/web/action.ts";
import type { Actor } from "@/lib/web/session.ts";
import { actionModules, actorOf } from "@/tests/support/actions.ts";
import { makeUser, SYSTEM } from "@/tests/support/actors.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";
import { makeStory } from "@/tests/support/story.ts";

setupTestDatabase();

const exported = Object.entries(actionModules).flatMap(([file, mod]) =>
  Object.entries(mod).map(([exportName, value]) => ({ file, exportName, value })),
);
const registered = exported.map((e) => ({ ...e, ...actionRegistry.get(e.value)! }));
const policyOf = (name: ActionName): ActionPolicy => ACTION_POLICY[name];
const scopeOf = (name: ActionName) => {
  const policy = policyOf(name);
  return policy === "public" ? "public" : policy.scope;
};

describe("server actions", () => {
  test('every export of a "use server" file is an action built with defineAction', () => {
    expect(exported.length).toBeGreaterThan(0);
    const unregistered = exported.filter((e) => !actionRegistry.has(e.value)).map((e) => `${e.file}: ${e.exportName}`);
    expect(unregistered).toEqual([]);
  });

  test("the policy table has a row for every action and no row without one", () => {
    const used = new Set(registered.map((e) => e.name));
    expect([...used].sort()).toEqual(Object.keys(ACTION_POLICY).sort());
  });
});

/**
 * Two investigations. "Ours" has a member of each role and nothing else in it; "theirs" is a
 * full story (articles, claims, a conflict with a comment, an alias, a merge, a job, members)
 * that none of our callers belongs to.
 */
type World = {
  ours: { id: string };
  members: Record<MemberRole, Actor>;
  /** Global admin, lead of ours, not a member of theirs. */
  admin: Actor;
  /** A signed-in account that is a member of nothing. */
  outsider: Actor;
  globals: Record<Role, Actor>;
  theirs: { id: string; slug: string; title: string; names: string[] };
  inputs: Record<string, Record<string, unknown>>;
};
let world: World;

beforeAll(async () => {
  const b = await makeStory([
    "Anthropic was valued at $18.4 billion, people familiar said.",
    "Anthropic was valued at $183 billion after the round.",
  ]);
  const anthropic = await b.entity("Anthropic");
  const typo = await b.entity("Antropic");
  const pbc = await b.entity("Anthropic PBC");
  const small = await b.claim(0, "$18.4 billion", { subjectId: anthropic.id });
  await b.claim(1, "$183 billion", { subjectId: anthropic.id });
  const conflict = await db().conflict.findFirstOrThrow({ where: { investigationId: b.inv.id, status: "open" } });
  const alias = await addAlias(b.analyst.ctx, { investigationId: b.inv.id, entityId: anthropic.id, name: "the AI company" });
  const { mergeId } = await mergeEntities(b.analyst.ctx, { investigationId: b.inv.id, sourceId: pbc.id, targetId: anthropic.id });
  const job = await enqueueJob(b.reviewer.ctx, "redetect", b.inv.id);
  const shareLink = await createShareLink(SYSTEM, { investigationId: b.inv.id, label: "Their link" });
  await addComment(
    { ...b.reviewer.ctx, actorId: b.reviewer.id },
    { investigationId: b.inv.id, conflictId: conflict.id, body: "Which is it?" },
  );
  const theirs = await db().investigation.findUniqueOrThrow({ where: { id: b.inv.id } });
  const article = await db().article.findUniqueOrThrow({ where: { id: b.articleIds[0]! } });
  const claim = await db().claim.findUniqueOrThrow({ where: { id: small.id } });
  const second = await db().claim.findFirstOrThrow({ where: { investigationId: theirs.id, id: { not: small.id } } });

  const lead = await makeUser("reviewer");
  const ours = await createInvestigation(lead.ctx, { title: "Our own story" });
  const members = { lead: actorOf(lead) } as Record<MemberRole, Actor>;
  for (const role of MEMBER_ROLES.filter((r) => r !== "lead")) {
    const user = await makeUser(role === "reviewer" ? "reviewer" : "analyst");
    await db().$transaction((tx) => insertMembership(tx, SYSTEM, { investigationId: ours.id, userId: user.id, role }));
    members[role] = actorOf(user);
  }
  const admin = await makeUser("admin");
  await db().$transaction((tx) => insertMembership(tx, SYSTEM, { investigationId: ours.id, userId: admin.id, role: "lead" }));
  const outsider = await makeUser("analyst");
  const globals = {} as Record<Role, Actor>;
  for (const role of ROLES) globals[role] = actorOf(await makeUser(role));

  // A well-formed call of each action that names an investigation, with the ids of theirs: what
  // would succeed for a member of it, so that only membership (or scoping) can stop it.
  const file = new File(["Title: Planted\n\nWords planted in another investigation."], "planted.txt", { type: "text/plain" });
  const claimFields = { subjectId: anthropic.id, attribute: "Valuation", valueKind: "money", valueText: "$1 billion" };
  world = {
    ours: { id: ours.id },
    members,
    admin: actorOf(admin),
    outsider: actorOf(outsider),
    globals,
    theirs: { id: theirs.id, slug: theirs.slug, title: theirs.title, names: ["Antropic", "Anthropic PBC", "the AI company"] },
    inputs: {
      "investigation.join": {},
      "article.import": { files: [file] },
      "article.paste": { title: "Planted", text: "Words planted in another investigation." },
      "article.update": { articleId: article.id, version: article.version, title: "Renamed from outside" },
      "claim.create": { articleId: article.id, start: 0, end: 9, ...claimFields },
      "claim.update": { id: claim.id, version: claim.version, ...claimFields },
      "claim.retract": { id: claim.id, version: claim.version, reason: "Retracted from outside" },
      "claim.restore": { id: claim.id, version: claim.version },
      "claim.delete": { id: claim.id, version: claim.version },
      "claim.history": { id: claim.id },
      "proposal.list": { articleId: article.id },
      "proposal.reject": { articleId: article.id, start: 0, end: 9, cue: "planted cue" },
      "proposal.acceptAll": { articleId: article.id, minConfidence: 0 },
      "entity.options": {},
      "name.list": { articleId: article.id },
      "name.dismiss": { articleId: article.id, start: 0, end: 9 },
      "entity.create": { name: "Planted entity", kind: "person" },
      "entity.addAlias": { entityId: anthropic.id, name: "Planted alias" },
      "entity.removeAlias": { aliasId: alias.id },
      "entity.merge": { sourceId: typo.id, targetId: anthropic.id },
      "entity.unmerge": { mergeId },
      "entity.setPartOf": { entityId: typo.id, partOfId: anthropic.id },
      "conflict.createManual": { claimIds: [claim.id, second.id], note: "These two disagree, says an outsider." },
      "conflict.comment": { conflictId: conflict.id, body: "A comment from outside" },
      "conflict.resolve": { id: conflict.id, version: conflict.version, kind: "not_a_conflict", rationale: "Settled by someone outside." },
      "conflict.reopen": { id: conflict.id, version: conflict.version, reason: "Reopened by someone outside." },
      "conflict.redetect": {},
      "job.status": { jobId: job.id },
      "attribute.setSense": { key: "valuation", cardinality: "multi" },
      "attribute.rename": { key: "valuation", label: "Worth" },
      "attribute.merge": { key: "valuation", intoKey: "worth" },
      "investigation.setTimeZone": { timeZone: "Europe/Madrid", version: theirs.version },
      "member.add": { who: outsider.email, role: "viewer" },
      "member.setRole": { userId: b.reviewer.id, role: "viewer" },
      "member.remove": { userId: b.reviewer.id },
      "share.create": { label: "Planted link", expiresInDays: "3" },
      "share.revoke": { id: shareLink.id },
    },
  };
}, 60_000);

/** Everything in the database, as one fingerprint per table: any insert, update or delete shows. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_crosscheck_migrations' ORDER BY 1`,
  );
  const sql = tables
    .map((t) => `SELECT '${t.name}' AS name, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM "${t.name}" x`)
    .join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<{ name: string; sum: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

const runOf = (name: ActionName): RegisteredAction["run"] => registered.find((r) => r.name === name)!.run;

// Actions that name no investigation: their rows in the matrix below are global.
const NAMES_NO_INVESTIGATION = [
  "session.signIn",
  "session.signOut",
  "investigation.create",
  "user.create",
  "user.update",
  "user.setDisabled",
  "user.passwordLink",
  "password.set",
];
// Actions whose only id is the investigation's: called in one's own investigation they are simply allowed.
const ONLY_THE_INVESTIGATION = [
  "investigation.join",
  "article.import",
  "article.paste",
  "entity.options",
  "entity.create",
  "conflict.redetect",
  "investigation.setTimeZone",
  "member.add",
  "share.create",
];

describe(`another investigation's ids, on ${testEngine}`, () => {
  test("every action either names an investigation (and is below) or names none", () => {
    const covered = Object.keys(world.inputs);
    expect([...covered, ...NAMES_NO_INVESTIGATION].sort()).toEqual(Object.keys(ACTION_POLICY).sort());
    for (const name of NAMES_NO_INVESTIGATION) expect(scopeOf(name as ActionName), name).not.toBe("investigation");
  });

  const callers = ["lead of another", "admin, lead of another"] as const;
  const foreignCases = Object.keys(ACTION_POLICY)
    .filter((name) => !NAMES_NO_INVESTIGATION.includes(name))
    .flatMap((name) => callers.map((caller) => ({ name: name as ActionName, caller })));

  test.each(foreignCases)(
    "$name with their investigation's id, as $caller: not found, nothing written, nothing said",
    async ({ name, caller }) => {
      const actor = caller === "lead of another" ? world.members.lead : world.admin;
      // The one door an admin has: joining, on purpose and audited (tested below).
      if (name === "investigation.join" && actor === world.admin) return;
      const before = await fingerprint();
      const result = await runOf(name)(actor, { investigationId: world.theirs.id, ...world.inputs[name] });
      expect(result.ok).toBe(false);
      expect(await fingerprint()).toEqual(before);
      const madeUp = await runOf(name)(actor, { investigationId: "no-such-investigation", ...world.inputs[name] });
      // Word for word what an id that never existed gets: an outsider cannot tell the two apart.
      expect(result).toEqual(madeUp);
      expect(result).toMatchObject({ code: name === "investigation.join" ? "forbidden" : "not_found" });
      const said = JSON.stringify(result);
      for (const secret of [world.theirs.title, world.theirs.slug, ...world.theirs.names]) expect(said).not.toContain(secret);
    },
  );

  const objectCases = foreignCases.filter((c) => !ONLY_THE_INVESTIGATION.includes(c.name));

  test.each(objectCases)(
    "$name in our investigation with their objects' ids, as $caller: refused, nothing written",
    async ({ name, caller }) => {
      const actor = caller === "lead of another" ? world.members.lead : world.admin;
      const before = await fingerprint();
      const result = await runOf(name)(actor, { investigationId: world.ours.id, ...world.inputs[name] });
      expect(result.ok).toBe(false);
      expect(await fingerprint()).toEqual(before);
      const said = JSON.stringify(result);
      for (const secret of [world.theirs.title, world.theirs.slug, ...world.theirs.names]) expect(said).not.toContain(secret);
    },
  );
});

describe("roles", () => {
  // Input that no schema accepts: an allowed caller gets past the role check to validation.
  const globalCases = registered
    .filter((r) => scopeOf(r.name) !== "investigation")
    .flatMap(({ exportName, name, run }) => [...ROLES, null].map((role) => ({ exportName, name, run, role })));

  test.each(globalCases)("$name ($exportName) called as $role", async ({ name, run, role }) => {
    const policy = policyOf(name);
    const result = await run(role && world.globals[role], { __matrix: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (policy === "public") expect(result.code).not.toBe("forbidden");
    else if (!role) expect(result.code).toBe("unauthenticated");
    else if (policy.scope === "global" && hasRole(role, policy.role)) expect(result.code).toBe("invalid_input");
    else expect(result.code).toBe("forbidden");
  });

  const callers = [...MEMBER_ROLES, "admin (not a member)", "outsider", null] as const;
  const memberCases = registered
    .filter((r) => scopeOf(r.name) === "investigation")
    .flatMap(({ exportName, name, run }) => callers.map((caller) => ({ exportName, name, run, caller })));

  test.each(memberCases)("$name ($exportName) in an investigation, called by $caller", async ({ name, run, caller }) => {
    const policy = policyOf(name) as { scope: "investigation"; role: MemberRole };
    const actor =
      caller === null
        ? null
        : caller === "outsider"
          ? world.outsider
          : caller === "admin (not a member)"
            ? world.globals.admin
            : world.members[caller];
    const before = await fingerprint();
    const result = await run(actor, { investigationId: world.ours.id, __matrix: true });
    if (caller === null) expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    else if (caller === "outsider" || caller === "admin (not a member)") expect(result).toMatchObject({ ok: false, code: "not_found" });
    else if (!hasMemberRole(caller, policy.role)) {
      expect(result).toMatchObject({ ok: false, code: "forbidden" });
      expect(!result.ok && result.message).toMatch(new RegExp(`needs a ${policy.role}`));
    } else {
      // Past the door: whatever the handler makes of the input, it was not refused for who called.
      expect(result.ok || !["forbidden", "not_found", "unauthenticated"].includes(result.code)).toBe(true);
      return;
    }
    expect(await fingerprint()).toEqual(before);
  });

  test("what each member role may do, in short", () => {
    const allowed = (role: MemberRole) =>
      Object.entries(ACTION_POLICY)
        .filter(([, p]) => p !== "public" && p.scope === "investigation" && hasMemberRole(role, p.role))
        .map(([name]) => name);
    // A viewer reads: a claim's history when opening it, a job the page follows.
    expect(allowed("viewer")).toEqual(["claim.history", "job.status"]);
    expect(allowed("analyst")).not.toContain("conflict.resolve");
    expect(allowed("reviewer")).toContain("conflict.resolve");
    expect(allowed("reviewer")).not.toContain("member.add");
    expect(allowed("reviewer")).not.toContain("attribute.rename");
    expect(allowed("lead")).toEqual(
      expect.arrayContaining([
        "member.add",
        "member.setRole",
        "member.remove",
        "investigation.setTimeZone",
        "share.create",
        "share.revoke",
      ]),
    );
    for (const role of ["reviewer", "analyst", "viewer"] as const) {
      expect(allowed(role)).not.toContain("share.create");
      expect(allowed(role)).not.toContain("share.revoke");
    }
  });
});
