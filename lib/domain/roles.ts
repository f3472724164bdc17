/** Roles nest: a reviewer can do what an analyst does, an admin everything. */
export const ROLES = ["analyst", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { analyst: 1, reviewer: 2, admin: 3 };

export function hasRole(actual: Role, needed: Role): boolean {
  return RANK[actual] >= RANK[needed];
}

export const ROLE_LABELS: Record<Role, string> = {
  analyst: "Analyst",
  reviewer: "Reviewer",
  admin: "Admin",
};

/** What the global role means since investigations have members: what one does inside one is the membership's. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  analyst: "Works on the investigations they are a member of, in the role each gives them",
  reviewer: "The same as analyst (a global role from before investigations had members)",
  admin: "Also manages accounts, and can join any investigation",
};

/**
 * A person's role in one investigation. Each can do what the roles after it can: a lead also
 * manages the members and settings, a reviewer settles conflicts, an analyst records claims, a
 * viewer reads and exports. The global role says only who manages accounts (admin).
 */
export const MEMBER_ROLES = ["lead", "reviewer", "analyst", "viewer"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

const MEMBER_RANK: Record<MemberRole, number> = { viewer: 1, analyst: 2, reviewer: 3, lead: 4 };

export function hasMemberRole(actual: MemberRole, needed: MemberRole): boolean {
  return MEMBER_RANK[actual] >= MEMBER_RANK[needed];
}

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  lead: "Lead",
  reviewer: "Reviewer",
  analyst: "Analyst",
  viewer: "Viewer",
};

export const MEMBER_ROLE_DESCRIPTIONS: Record<MemberRole, string> = {
  lead: "Everything a reviewer does, and manages members and settings",
  reviewer: "Everything an analyst does, and settles conflicts",
  analyst: "Imports articles, records claims, flags disagreements",
  viewer: "Reads and exports the fact sheet",
};
