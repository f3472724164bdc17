import type { MemberRole, Role } from "@/lib/domain/roles.ts";

/**
 * What an action needs. "public": anyone. A global rule: a signed-in account with at least
 * this global role (accounts, creating an investigation). An investigation rule: a membership
 * of at least this role in the investigation its input names (`investigationId`); for anyone
 * else that investigation does not exist (the answer is the one a made-up id gets).
 */
export type ActionPolicy = "public" | { scope: "global"; role: Role } | { scope: "investigation"; role: MemberRole };

const signedIn = { scope: "global", role: "analyst" } as const;
const admin = { scope: "global", role: "admin" } as const;
const member = <R extends MemberRole>(role: R) => ({ scope: "investigation", role }) as const;

/**
 * Who may call each server action. Every action is declared with a name from this table (the
 * wrapper denies a name it does not find), and the test suite calls every exported action as
 * every role, and as a non-member, against it, so an action without a row fails the suite.
 */
export const ACTION_POLICY = {
  "session.signIn": "public",
  "session.signOut": signedIn,
  "investigation.create": signedIn,
  // An admin enters an investigation (as its lead) only by this explicit, audited step.
  "investigation.join": admin,
  "article.import": member("analyst"),
  "article.paste": member("analyst"),
  "article.update": member("analyst"),
  "claim.create": member("analyst"),
  "claim.update": member("analyst"),
  "claim.retract": member("analyst"),
  "claim.restore": member("analyst"),
  "claim.delete": member("analyst"),
  // Read by anyone who may open the claim (a viewer's reader shows its history too).
  "claim.history": member("viewer"),
  // Suggested claims: turning one down is annotation work; saving many unseen is a reviewer's call.
  // Read by those who may record claims (accepting one records it); viewers are not offered them.
  "proposal.list": member("analyst"),
  "proposal.reject": member("analyst"),
  "proposal.acceptAll": member("reviewer"),
  // The names the claim form searches, asked for by the reader once drawn (those who record claims).
  "entity.options": member("analyst"),
  // Names in an article proposed as entities: offered, as suggested claims are, to those who record.
  "name.list": member("analyst"),
  "name.dismiss": member("analyst"),
  "entity.create": member("analyst"),
  "entity.addAlias": member("analyst"),
  "entity.removeAlias": member("analyst"),
  "entity.merge": member("analyst"),
  "entity.unmerge": member("analyst"),
  "entity.setPartOf": member("analyst"),
  "conflict.createManual": member("analyst"),
  "conflict.comment": member("analyst"),
  "conflict.resolve": member("reviewer"),
  "conflict.reopen": member("reviewer"),
  "conflict.redetect": member("reviewer"),
  // Following long work the page asked for (its result is what the investigation's pages show).
  "job.status": member("viewer"),
  // What counts as a disagreement: reviewers decide, as they settle conflicts.
  "attribute.setSense": member("reviewer"),
  // Reshapes which claims are compared, or how times read, across the investigation: its leads.
  "attribute.rename": member("lead"),
  "attribute.merge": member("lead"),
  "investigation.setTimeZone": member("lead"),
  "member.add": member("lead"),
  "member.setRole": member("lead"),
  "member.remove": member("lead"),
  // Who outside the team may read the fact sheet: its leads decide, as they decide who is in it.
  "share.create": member("lead"),
  "share.revoke": member("lead"),
  "user.create": admin,
  "user.update": admin,
  "user.setDisabled": admin,
  "user.passwordLink": admin,
  // The one-time token in the input is the caller's proof (see lib/server/password-links.ts).
  "password.set": "public",
} as const satisfies Record<string, ActionPolicy>;

export type ActionName = keyof typeof ACTION_POLICY;

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(ACTION_POLICY, name);
}
