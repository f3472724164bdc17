import type { Role } from "@/lib/domain/roles.ts";

/**
 * Who may call each server action: the least role it needs. Every action is declared with a
 * name from this table (the wrapper denies a name it does not find), and the test suite calls
 * every exported action as every role against it, so an action without a row fails the suite.
 */
export const ACTION_POLICY = {
  "session.signIn": "public",
  "session.signOut": "analyst",
  "investigation.create": "analyst",
  "article.import": "analyst",
  "article.paste": "analyst",
  "article.update": "analyst",
  "claim.create": "analyst",
  "claim.update": "analyst",
  "claim.retract": "analyst",
  "claim.restore": "analyst",
  "claim.delete": "analyst",
  "entity.create": "analyst",
  "entity.addAlias": "analyst",
  "entity.removeAlias": "analyst",
  "entity.merge": "analyst",
  "entity.unmerge": "analyst",
  "entity.setPartOf": "analyst",
  "conflict.createManual": "analyst",
  "conflict.comment": "analyst",
  "conflict.resolve": "reviewer",
  "conflict.reopen": "reviewer",
  "conflict.redetect": "reviewer",
  // Following long work the page asked for (its result is what the investigation's pages show).
  "job.status": "analyst",
  // What counts as a disagreement: reviewers decide, as they settle conflicts.
  "attribute.setSense": "reviewer",
  // Reshapes which claims are compared, across the investigation: the investigation's leads. With
  // no per-investigation roles yet, those are its reviewers, who already decide what disagrees.
  "attribute.rename": "reviewer",
  "attribute.merge": "reviewer",
  "investigation.setTimeZone": "reviewer",
  "user.create": "admin",
  "user.update": "admin",
  "user.setDisabled": "admin",
} as const satisfies Record<string, Role | "public">;

export type ActionName = keyof typeof ACTION_POLICY;

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(ACTION_POLICY, name);
}
