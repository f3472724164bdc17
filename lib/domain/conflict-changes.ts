/**
 * How a save's conflict changes reach the claims a page shows. On its own, apart from the rules
 * about claims (lib/domain/claims.ts): the reader applies it after each save, and the page's
 * first load should not carry the name and attribute matching it does not use.
 */
import type { ConflictStatus } from "@/lib/domain/conflict-lifecycle.ts";
import type { ConflictKind } from "@/lib/domain/conflicts.ts";

/** A conflict a claim takes part in, as a page listing claims shows it. */
export type ClaimConflict = { id: string; kind: ConflictKind; status: ConflictStatus };

/**
 * A conflict a change opened, updated, reopened or closed, with every claim now in it.
 * `movesCount`: it was opened, reopened or closed, so the number of open conflicts moved (an
 * update of its claims or kind leaves that number as it was).
 */
export type ConflictChange = ClaimConflict & { claimIds: string[]; movesCount?: true };

/** Whether any of these changes opened, reopened or closed a conflict. */
export const movesOpenCount = (changes: ConflictChange[]): boolean => changes.some((c) => c.movesCount);

/**
 * Claims on a page after a save changed some conflicts: each claim's list follows the changes
 * (joins the conflicts now holding it, leaves those that no longer do, shows their new kind and
 * status). Claims untouched by the changes are returned as they were (same object).
 */
export function applyConflictChanges<C extends { id: string; conflicts: ClaimConflict[] }>(claims: C[], changes: ConflictChange[]): C[] {
  if (!changes.length) return claims;
  const changed = new Map(changes.map((c) => [c.id, c]));
  const holding = new Map<string, ConflictChange[]>();
  for (const change of changes) for (const id of change.claimIds) holding.set(id, [...(holding.get(id) ?? []), change]);
  return claims.map((claim) => {
    const joins = holding.get(claim.id) ?? [];
    const touched = joins.length > 0 || claim.conflicts.some((c) => changed.has(c.id));
    if (!touched) return claim;
    const kept = claim.conflicts.flatMap((c) => {
      const change = changed.get(c.id);
      if (!change) return [c];
      return change.claimIds.includes(claim.id) ? [{ id: c.id, kind: change.kind, status: change.status }] : [];
    });
    const added = joins.filter((j) => !kept.some((c) => c.id === j.id)).map((j) => ({ id: j.id, kind: j.kind, status: j.status }));
    return { ...claim, conflicts: [...kept, ...added] };
  });
}
