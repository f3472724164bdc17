/**
 * What happens to conflicts when detection looks again: a pure function from the conflicts on
 * record and what detection finds now to a list of operations. The data layer
 * (lib/server/detection.ts) carries them out inside the change's transaction and nothing else:
 * every rule about opening, updating, closing and reopening lives here.
 *
 *   detected now ─┐
 *                 ├─ plan() ─→ [open | update | close | reopen | leave-settled] ─→ executor
 *   on record ────┘
 *
 * - A finding with no conflict on record opens one.
 * - An open conflict follows detection: its claims, entities, kind and summary.
 * - An open conflict that detection no longer finds is closed by detection (closedBy "detection").
 * - A conflict detection closed by itself reopens as soon as it holds again.
 * - A conflict a person settled stays settled, unless a claim it did not hold enters it: then it
 *   reopens, its decision is withdrawn (kept on record), and the entering claims are named.
 */
import type { ConflictKind, DetectedConflict } from "@/lib/domain/conflicts.ts";

export const CONFLICT_STATUSES = ["open", "resolved", "dismissed"] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];
export const CONFLICT_STATUS_LABELS: Record<ConflictStatus, string> = { open: "Open", resolved: "Resolved", dismissed: "Dismissed" };

/** Who closed a conflict that is not open: a reviewer's decision, or detection finding it gone. */
export const CLOSED_BY = ["person", "detection"] as const;
export type ClosedBy = (typeof CLOSED_BY)[number];

/** A detected conflict as it stands on record. */
export type TrackedConflict = {
  id: string;
  key: string;
  kind: ConflictKind;
  status: ConflictStatus;
  /** Null while open. */
  closedBy: ClosedBy | null;
  summary: string;
  claimIds: string[];
  entityIds: string[];
};

export type ReopenCause = { kind: "holds-again" } | { kind: "claim-entered"; claimIds: string[] };

export type LifecycleOp =
  | { op: "open"; found: DetectedConflict }
  | { op: "update"; id: string; before: Pick<TrackedConflict, "kind" | "claimIds" | "entityIds">; found: DetectedConflict }
  | { op: "close"; id: string; reason: string }
  | { op: "reopen"; id: string; from: ConflictStatus; cause: ReopenCause; found: DetectedConflict }
  | { op: "leave-settled"; id: string };

export const CLOSED_BY_DETECTION_REASON = "The disagreement no longer holds: its claims were edited, retracted, rejected or merged.";

/** Whether each id is greater than the one before it: a list of distinct ids, in order. */
function ascending(xs: string[]): boolean {
  for (let i = 1; i < xs.length; i++) if (!(xs[i - 1]! < xs[i]!)) return false;
  return true;
}

const sameSet = (a: string[], b: string[]) => {
  // Most often the same members in the same order: no sets to build.
  if (a.length === b.length && a.every((x, i) => x === b[i])) return true;
  // Two lists of distinct ids in order (a large conflict's members, as stored and as found) are
  // the same set only when they are the same list: no sets of ten thousand ids to build.
  if (ascending(a) && ascending(b)) return false;
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
};

/** The ids of `xs` not in `ys`, in the order of `xs`: by one walk when both are ascending, else by a set. */
export function without(xs: string[], ys: string[]): string[] {
  if (ascending(xs) && ascending(ys)) {
    const out: string[] = [];
    let j = 0;
    for (const x of xs) {
      while (j < ys.length && ys[j]! < x) j++;
      if (j >= ys.length || ys[j] !== x) out.push(x);
    }
    return out;
  }
  const had = new Set(ys);
  return xs.filter((x) => !had.has(x));
}

/**
 * The operations that bring the conflicts on record in `scope` (detection keys that were looked
 * at) in line with `found`. Conflicts outside the scope are not touched; a finding outside it
 * still opens or updates its conflict. Openings, updates and reopenings come in the order of
 * `found`, closings after them in key order, so the same input always gives the same plan.
 */
export function plan(existing: TrackedConflict[], found: DetectedConflict[], scope: Iterable<string>): LifecycleOp[] {
  const byKey = new Map(existing.map((c) => [c.key, c]));
  const foundKeys = new Set(found.map((d) => d.key));
  const ops: LifecycleOp[] = [];
  for (const d of found) {
    const current = byKey.get(d.key);
    if (!current) {
      ops.push({ op: "open", found: d });
    } else if (current.status === "open") {
      const unchanged =
        current.kind === d.kind &&
        current.summary === d.summary &&
        sameSet(current.claimIds, d.claimIds) &&
        sameSet(current.entityIds, d.entityIds);
      if (!unchanged)
        ops.push({
          op: "update",
          id: current.id,
          before: { kind: current.kind, claimIds: current.claimIds, entityIds: current.entityIds },
          found: d,
        });
    } else if (current.closedBy === "detection") {
      ops.push({ op: "reopen", id: current.id, from: current.status, cause: { kind: "holds-again" }, found: d });
    } else {
      const members = new Set(current.claimIds);
      const entering = d.claimIds.filter((id) => !members.has(id));
      ops.push(
        entering.length
          ? { op: "reopen", id: current.id, from: current.status, cause: { kind: "claim-entered", claimIds: entering }, found: d }
          : { op: "leave-settled", id: current.id },
      );
    }
  }
  // Sorted once picked: a whole investigation's scope is every key on record, and few of them close.
  const closing = [...new Set(scope)]
    .filter((key) => byKey.get(key)?.status === "open" && !foundKeys.has(key))
    .sort()
    .map((key) => byKey.get(key)!);
  for (const c of closing) ops.push({ op: "close", id: c.id, reason: CLOSED_BY_DETECTION_REASON });
  return ops;
}

/** Applies a plan to the conflicts on record, as the executor would: for the property test and dry runs. */
export function applyPlan(existing: TrackedConflict[], ops: LifecycleOp[], newId: (d: DetectedConflict) => string): TrackedConflict[] {
  const byId = new Map(existing.map((c) => [c.id, { ...c }]));
  const fromFound = (id: string, d: DetectedConflict): TrackedConflict => ({
    id,
    key: d.key,
    kind: d.kind,
    status: "open",
    closedBy: null,
    summary: d.summary,
    claimIds: [...d.claimIds],
    entityIds: [...d.entityIds],
  });
  for (const o of ops) {
    if (o.op === "open") byId.set(newId(o.found), fromFound(newId(o.found), o.found));
    else if (o.op === "update" || o.op === "reopen") byId.set(o.id, fromFound(o.id, o.found));
    else if (o.op === "close") byId.set(o.id, { ...byId.get(o.id)!, status: "dismissed", closedBy: "detection" });
  }
  return [...byId.values()];
}
