import type { AttributeOption } from "@/components/annotator/claim-form.tsx";
import { KIND_LABELS } from "@/lib/domain/conflict-labels.ts";
import type { SubjectOption } from "@/lib/domain/claims.ts";
import { withoutEmptyFields } from "@/lib/domain/sparse-claim.ts";
import { applyConflictChanges, type ConflictChange } from "@/lib/domain/conflict-changes.ts";
import type { ClaimSaved, ReaderClaim } from "@/lib/server/claims.ts";

/** What the reader shows and the claim form offers, updated in place as claims are saved. */
export type ReaderState = { claims: ReaderClaim[]; subjects: SubjectOption[]; attributes: AttributeOption[] };

const byPosition = (a: ReaderClaim, b: ReaderClaim) => (a.anchor?.start ?? Infinity) - (b.anchor?.start ?? Infinity);

/**
 * The reader after a save answered: the claim created or changed (a new one placed in text
 * order, an edited one keeping its place; its history is read again when shown), the conflicts the
 * save changed on every claim of the page, a new subject offered, the attribute counted.
 */
export function applySave(state: ReaderState, saved: ClaimSaved): ReaderState {
  const previous = state.claims.find((c) => c.id === saved.id);
  let claims: ReaderClaim[];
  if (previous) {
    // Built from what the save answered, not over the old claim: a field it emptied leaves no old value behind.
    claims = state.claims.map((c) =>
      c.id === saved.id
        ? {
            ...withoutEmptyFields(saved.claim),
            anchor: c.anchor,
            createdBy: c.createdBy,
            updatedAt: saved.event.at,
            conflicts: c.conflicts,
          }
        : c,
    );
  } else {
    const anchor = saved.anchor ? { ...saved.anchor, method: "position" as const, score: 1 } : null;
    const created: ReaderClaim = {
      ...withoutEmptyFields(saved.claim),
      anchor,
      createdBy: saved.event.actor,
      updatedAt: saved.event.at,
      conflicts: [],
    };
    claims = [...state.claims, created].sort(byPosition);
  }
  const subjects = saved.newSubject
    ? [...state.subjects, { ...saved.newSubject, aliases: [] }].sort((a, b) => a.name.localeCompare(b.name))
    : state.subjects;
  let attributes = state.attributes;
  if (!previous || previous.attribute !== saved.claim.attribute) {
    attributes = recount(attributes, saved.claim.attribute, saved.claim.attributeLabel, +1);
    if (previous) attributes = recount(attributes, previous.attribute, previous.attributeLabel, -1);
  }
  return { claims: applyConflictChanges(claims, saved.conflicts), subjects, attributes };
}

/** The reader after a claim was deleted. */
export function applyDelete(state: ReaderState, claimId: string, conflicts: ConflictChange[]): ReaderState {
  const gone = state.claims.find((c) => c.id === claimId);
  return {
    ...state,
    claims: applyConflictChanges(
      state.claims.filter((c) => c.id !== claimId),
      conflicts,
    ),
    attributes: gone ? recount(state.attributes, gone.attribute, gone.attributeLabel, -1) : state.attributes,
  };
}

function recount(attributes: AttributeOption[], key: string, label: string, by: number): AttributeOption[] {
  const known = attributes.some((a) => a.key === key);
  const next = known
    ? attributes.map((a) => (a.key === key ? { ...a, count: a.count + by } : a))
    : by > 0
      ? [...attributes, { key, label, count: by }]
      : attributes;
  return next.filter((a) => a.count > 0).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** A claim's open conflicts: the reader marks them, so a disputed figure never reads as settled. */
export function openConflictsOf(claim: Pick<ReaderClaim, "conflicts">) {
  return claim.conflicts.filter((c) => c.status === "open");
}

/** A claim's open conflicts in words, as its highlight's name says them: "in open conflict (Scale slip)". */
export function openConflictText(claim: Pick<ReaderClaim, "conflicts">): string {
  const open = openConflictsOf(claim);
  if (!open.length) return "";
  const kinds = [...new Set(open.map((c) => KIND_LABELS[c.kind]))].join(", ");
  return open.length === 1 ? `in open conflict (${kinds})` : `in ${open.length} open conflicts (${kinds})`;
}

/**
 * A highlight's accessible name: its words as shown first, which is what a speech-input user
 * says to press it (a name that leaves them out fails WCAG 2.5.3), then the claims on them.
 */
export function highlightName(words: string, claimLabels: string[]): string {
  return `${words.replace(/\s+/g, " ").trim()} — ${claimLabels.join("; ")}`;
}
