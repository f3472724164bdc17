/**
 * Renaming an attribute, or merging one into another: the rules, pure. Claims are compared only
 * within one subject + attribute group, so a measure recorded under two names ("Contracts
 * awarded total" beside "AI contracts awarded") is never checked; putting its claims under one
 * name makes their groups one, and detection looks again. The data layer
 * (lib/server/attributes.ts) reads what is on record, asks these functions what to do, and does it.
 */
import { type AttributeSense, type AttributeSetting, senseLabel } from "@/lib/domain/attribute-sense.ts";
import type { ClosedBy, ConflictStatus } from "@/lib/domain/conflict-lifecycle.ts";
import { GROUP_FAMILIES, groupKey } from "@/lib/domain/conflicts.ts";
import type { ValueKind } from "@/lib/domain/values.ts";

/** Which values detection can compare with which: a text and an entity name compare, money and a date never do. */
const COMPARABLE: Record<ValueKind, string> = {
  money: "money",
  number: "numbers",
  percentage: "percentages",
  date: "dates",
  time: "times of day",
  text: "text",
  entity: "text",
  list: "lists",
};

const listed = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;

/**
 * Why two attributes cannot be one, by their claims' kinds of value: when no claim of one could
 * ever be compared with a claim of the other (money against dates), merging them would only hide
 * that they measure different things. Null when some of their values compare.
 */
export function valueKindClash(from: { label: string; kinds: ValueKind[] }, into: { label: string; kinds: ValueKind[] }): string | null {
  const mine = new Set(from.kinds.map((k) => COMPARABLE[k]));
  const theirs = new Set(into.kinds.map((k) => COMPARABLE[k]));
  if (!mine.size || !theirs.size || [...mine].some((k) => theirs.has(k))) return null;
  return (
    `“${from.label}” holds ${listed([...mine].sort())} and “${into.label}” ${listed([...theirs].sort())}: ` +
    "no claim of one could be compared with a claim of the other, so they are not one attribute."
  );
}

const ASPECTS = ["cardinality", "change", "lists"] as const satisfies (keyof AttributeSense)[];

/**
 * What is set on the merged attribute: each aspect someone set on either (the other left it to
 * inference), or on both alike. Two people's different settings are a decision this merge must
 * not make for them: refused, naming both.
 */
export function mergedSetting(
  from: { label: string; setting: AttributeSetting | null },
  into: { label: string; setting: AttributeSetting | null },
): { ok: true; setting: AttributeSetting } | { ok: false; message: string } {
  const setting: AttributeSetting = { cardinality: null, change: null, lists: null };
  const clashes: string[] = [];
  for (const aspect of ASPECTS) {
    const mine = from.setting?.[aspect] ?? null;
    const theirs = into.setting?.[aspect] ?? null;
    if (mine && theirs && mine !== theirs) {
      clashes.push(`“${from.label}” is set to “${senseLabel(aspect, mine)}”, “${into.label}” to “${senseLabel(aspect, theirs)}”`);
    }
    (setting as Record<string, string | null>)[aspect] = theirs ?? mine;
  }
  if (clashes.length) {
    return {
      ok: false,
      message: `${clashes.join("; ")}. Set them alike first (under “How it behaves” on one of their conflicts), then merge.`,
    };
  }
  return { ok: true, setting };
}

/** A detected conflict on record, as far as moving its key is concerned. */
export type KeyedConflict = { id: string; key: string; status: ConflictStatus; closedBy: ClosedBy | null };

/** A conflict given a new detection key. */
export type KeyMove = { id: string; from: string; to: string };

/** A decision a person made (not detection finding a disagreement gone): it must keep holding where it can. */
const decided = (c: KeyedConflict) => c.status !== "open" && c.closedBy !== "detection";

/**
 * Where the detected conflicts of the moving groups go, so that what detection then finds under
 * the new name updates them rather than opening copies beside them. Per subject and family of
 * conflict (the key of group (subject, from) → the key of group (subject, into)):
 *
 * - only the moving group has one: it takes the new key, open or settled, and detection carries
 *   on from it (a settled one stays settled unless a claim it did not hold enters it);
 * - both have one: one conflict can hold the key. The target's keeps it, unless only the moving
 *   one was settled by a person: then the keys swap, so the decision is what the claims joining
 *   it meet. The one left under the old name is then outside what detection finds: closed by
 *   detection if open, kept as it was (with its decision on record) if settled.
 *
 * A rename to a new name is the case where the target has none. Deterministic: subjects and
 * families in order.
 */
export function conflictKeyMoves(conflicts: KeyedConflict[], from: string, into: string, subjectIds: string[]): KeyMove[] {
  if (from === into) return [];
  const byKey = new Map(conflicts.map((c) => [c.key, c]));
  const moves: KeyMove[] = [];
  for (const subjectId of [...new Set(subjectIds)].sort()) {
    for (const family of GROUP_FAMILIES) {
      const fromKey = `${groupKey(subjectId, from)}${family}`;
      const intoKey = `${groupKey(subjectId, into)}${family}`;
      const moving = byKey.get(fromKey);
      if (!moving) continue;
      const staying = byKey.get(intoKey);
      if (!staying) {
        moves.push({ id: moving.id, from: fromKey, to: intoKey });
      } else if (decided(moving) && !decided(staying)) {
        moves.push({ id: moving.id, from: fromKey, to: intoKey }, { id: staying.id, from: intoKey, to: fromKey });
      }
    }
  }
  return moves;
}

/** What a rename or merge did to conflicts, as the result message counts it. */
export type ConflictCounts = { opened: number; reopened: number; closed: number; updated: number };

/** What a rename or merge did. */
export type AttributeMove = { changed: boolean; from: string; to: string; claims: number; conflicts: ConflictCounts };

/**
 * What a rename or merge did, in words, as the page says it: "Merged “Contracts awarded total”
 * into “AI contracts awarded”: 3 claims moved, 1 new conflict." Conflicts only where some changed.
 */
export function describeMove(kind: "rename" | "merge", move: AttributeMove): string {
  if (!move.changed) return `Nothing changed: “${move.to}” is already its name.`;
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const parts = [`${n(move.claims, "claim")} moved`];
  const { opened, reopened, updated, closed } = move.conflicts;
  if (opened) parts.push(n(opened, "new conflict"));
  if (reopened) parts.push(`${n(reopened, "conflict")} reopened`);
  if (updated) parts.push(`${n(updated, "conflict")} updated`);
  if (closed) parts.push(`${n(closed, "conflict")} closed`);
  if (parts.length === 1) parts.push("no conflict changed");
  const done = kind === "merge" ? `Merged “${move.from}” into “${move.to}”` : `Renamed “${move.from}” to “${move.to}”`;
  return `${done}: ${parts.join(", ")}.`;
}
