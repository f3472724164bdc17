/**
 * What a reviewer's decision does to a conflict, as data: which claims change status and why,
 * what the resolution records, whether entities merge. Pure, so every rule is tested without a
 * database; lib/server/conflicts.ts carries the outcome out in one transaction.
 */
import { ExpectedError } from "@/lib/domain/action-result.ts";
import type { ClaimStatus } from "@/lib/domain/claims.ts";
import type { ConflictKind } from "@/lib/domain/conflicts.ts";
import type { ConflictStatus } from "@/lib/domain/conflict-lifecycle.ts";
import type { ResolveConflictInput } from "@/lib/domain/inputs.ts";
import type { ResolutionDetails } from "@/lib/domain/json-codecs.ts";
import { type NormalizedValue, parseValue, type ValueKind } from "@/lib/domain/values.ts";

/** One variant per way of settling a conflict, each with exactly its own fields. */
export type Decision = { rationale: string } & (
  | { kind: "accept_claim"; acceptedClaimId: string }
  | { kind: "reconciled_value"; valueText: string; valueKind?: ValueKind }
  | { kind: "both_valid"; asOf: { claimId: string; text: string }[]; scope: string }
  | { kind: "merge_entities"; keepEntityId: string }
  | { kind: "annotation_mistake"; mistakenClaimId: string }
  | { kind: "not_a_conflict" }
);

/** A reviewer's form, read as a Decision (the both-valid dates come as two lists paired by position). */
export function decisionOf(input: ResolveConflictInput): Decision {
  const { rationale } = input;
  switch (input.kind) {
    case "accept_claim":
      return { kind: input.kind, rationale, acceptedClaimId: input.acceptedClaimId };
    case "reconciled_value":
      return { kind: input.kind, rationale, valueText: input.valueText, valueKind: input.valueKind };
    case "both_valid":
      return {
        kind: input.kind,
        rationale,
        scope: input.scope,
        asOf: input.asOfClaimId.map((claimId, i) => ({ claimId, text: input.asOf[i] ?? "" })),
      };
    case "merge_entities":
      return { kind: input.kind, rationale, keepEntityId: input.keepEntityId };
    case "annotation_mistake":
      return { kind: input.kind, rationale, mistakenClaimId: input.mistakenClaimId };
    case "not_a_conflict":
      return { kind: input.kind, rationale };
  }
}

/** The conflict as a decision sees it. */
export type DecidedConflict = {
  kind: ConflictKind;
  claims: { id: string; status: ClaimStatus; valueText: string; valueKind: ValueKind }[];
  entityIds: string[];
};

export type ClaimChange = {
  claimId: string;
  from: ClaimStatus;
  to: "rejected" | "superseded" | "retracted";
  /** The audit action that records it. */
  action: "claim.reject" | "claim.supersede" | "claim.retract";
  reason: string;
  supersededById: string | null;
  note?: string;
};

export type DecisionOutcome = {
  status: Exclude<ConflictStatus, "open">;
  claimChanges: ClaimChange[];
  /** Claims that leave the conflict (a mis-recorded one is examined afresh once corrected). */
  leaving: string[];
  /** Entities to merge (a naming conflict): the executor merges and records the merge's id. */
  merge: { sourceId: string; targetId: string } | null;
  resolution: {
    acceptedClaimId: string | null;
    valueKind: ValueKind | null;
    valueText: string | null;
    valueNorm: NormalizedValue | null;
    asOfText: string | null;
    /** Without the merge's id, which only the executor knows. */
    details: ResolutionDetails | null;
  };
};

const refuse = (field: string, message: string, fieldMessage = message): never => {
  throw new ExpectedError("invalid_input", message, { [field]: [fieldMessage] });
};

/** The outcome of settling `conflict` with `decision`, or an ExpectedError naming the field at fault. */
export function decide(conflict: DecidedConflict, decision: Decision): DecisionOutcome {
  const member = (id: string, field: string) =>
    conflict.claims.find((c) => c.id === id) ??
    refuse(field, "That claim is not part of this conflict.", "Choose one of the conflict's claims.");
  const outcome: DecisionOutcome = {
    status: decision.kind === "not_a_conflict" ? "dismissed" : "resolved",
    claimChanges: [],
    leaving: [],
    merge: null,
    resolution: { acceptedClaimId: null, valueKind: null, valueText: null, valueNorm: null, asOfText: null, details: null },
  };
  switch (decision.kind) {
    case "accept_claim": {
      const accepted = member(decision.acceptedClaimId, "acceptedClaimId");
      if (accepted.status !== "active")
        refuse("acceptedClaimId", "That claim is no longer active; choose another.", "Choose an active claim.");
      // An article's own correction supersedes the words it withdrew; otherwise the others were wrong.
      const superseded = conflict.kind === "correction";
      const losers = conflict.claims.filter((c) => c.id !== accepted.id && c.status === "active");
      outcome.claimChanges = losers.map((loser) => ({
        claimId: loser.id,
        from: loser.status,
        to: superseded ? "superseded" : "rejected",
        action: superseded ? "claim.supersede" : "claim.reject",
        supersededById: superseded ? accepted.id : null,
        reason: `${superseded ? "Superseded by the article's correction" : "Rejected in review"} in favour of “${accepted.valueText}”: ${decision.rationale}`,
      }));
      outcome.resolution.acceptedClaimId = accepted.id;
      outcome.resolution.details = {
        kind: "accept_claim",
        changedClaimIds: losers.map((c) => c.id),
        to: superseded ? "superseded" : "rejected",
      };
      return outcome;
    }
    case "reconciled_value": {
      const kind = decision.valueKind ?? conflict.claims[0]?.valueKind ?? "text";
      const parsed = parseValue(decision.valueText, kind);
      if (!parsed.ok) refuse("valueText", parsed.error);
      Object.assign(outcome.resolution, { valueKind: kind, valueText: decision.valueText, valueNorm: parsed.ok ? parsed.value : null });
      return outcome;
    }
    case "both_valid": {
      const asOf: Record<string, { text: string; reading: string; start: string | null }> = {};
      for (const { claimId, text } of decision.asOf) {
        member(claimId, "asOf");
        if (!text) continue;
        const parsed = parseValue(text, "date");
        if (!parsed.ok) refuse("asOf", `“${text}”: ${parsed.error}`);
        else asOf[claimId] = { text, reading: parsed.reading, start: parsed.value.kind === "date" ? parsed.value.start : null };
      }
      outcome.resolution.details = { kind: "both_valid", asOf, scope: decision.scope || null };
      outcome.resolution.asOfText =
        Object.values(asOf)
          .map((a) => a.text)
          .join(" / ") || null;
      return outcome;
    }
    case "merge_entities": {
      if (conflict.kind !== "naming") refuse("kind", "Only a naming conflict is settled by merging entities.", "Choose another way.");
      if (!conflict.entityIds.includes(decision.keepEntityId))
        refuse("keepEntityId", "Choose one of the two entities to keep.", "Choose one of the two.");
      const sourceId = conflict.entityIds.find((id) => id !== decision.keepEntityId)!;
      outcome.merge = { sourceId, targetId: decision.keepEntityId };
      return outcome;
    }
    case "annotation_mistake": {
      const mistaken = member(decision.mistakenClaimId, "mistakenClaimId");
      outcome.claimChanges = [
        {
          claimId: mistaken.id,
          from: mistaken.status,
          to: "retracted",
          action: "claim.retract",
          supersededById: null,
          reason: `Annotation mistake found in review (the source is not at fault): ${decision.rationale} Correct the claim, then restore it.`,
          note: "annotation mistake",
        },
      ];
      // Out of the conflict: once corrected and restored, it is examined afresh (and reopens the conflict if it still disagrees).
      outcome.leaving = [mistaken.id];
      outcome.resolution.details = { kind: "annotation_mistake", mistakenClaimId: mistaken.id };
      return outcome;
    }
    case "not_a_conflict":
      return outcome;
  }
}
