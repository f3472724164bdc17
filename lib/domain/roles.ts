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

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  analyst: "Imports articles, records claims, flags disagreements",
  reviewer: "Everything an analyst does, and settles conflicts",
  admin: "Everything, and manages users",
};
