import { describe, expect, test } from "vitest";
import { ExpectedError } from "@/lib/domain/action-result.ts";
import { type DecidedConflict, decide, decisionOf } from "@/lib/domain/decisions.ts";
import { resolveConflictInput } from "@/lib/domain/inputs.ts";

const valuation: DecidedConflict = {
  kind: "scale",
  claims: [
    { id: "small", status: "active", valueText: "$18.4 billion", valueKind: "money" },
    { id: "large", status: "active", valueText: "$183 billion", valueKind: "money" },
    { id: "old", status: "retracted", valueText: "$61.5 billion", valueKind: "money" },
  ],
  entityIds: ["anthropic"],
};
const because = "Later reporting gives the larger figure.";

function refusal(fn: () => unknown): ExpectedError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ExpectedError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("what a decision does", () => {
  test("accepting one claim rejects the other active ones, with the reason, and records which", () => {
    const outcome = decide(valuation, { kind: "accept_claim", rationale: because, acceptedClaimId: "large" });
    expect(outcome.status).toBe("resolved");
    expect(outcome.claimChanges).toEqual([
      expect.objectContaining({
        claimId: "small",
        from: "active",
        to: "rejected",
        action: "claim.reject",
        supersededById: null,
        reason: `Rejected in review in favour of “$183 billion”: ${because}`,
      }),
    ]);
    expect(outcome.resolution).toMatchObject({
      acceptedClaimId: "large",
      details: { kind: "accept_claim", changedClaimIds: ["small"], to: "rejected" },
    });
  });

  test("accepting an article's correction supersedes the words it withdrew", () => {
    const outcome = decide({ ...valuation, kind: "correction" }, { kind: "accept_claim", rationale: because, acceptedClaimId: "large" });
    expect(outcome.claimChanges).toEqual([
      expect.objectContaining({ claimId: "small", to: "superseded", action: "claim.supersede", supersededById: "large" }),
    ]);
  });

  test("a claim outside the conflict, or no longer active, cannot be accepted", () => {
    expect(
      refusal(() => decide(valuation, { kind: "accept_claim", rationale: because, acceptedClaimId: "elsewhere" })).fieldErrors,
    ).toEqual({
      acceptedClaimId: ["Choose one of the conflict's claims."],
    });
    expect(refusal(() => decide(valuation, { kind: "accept_claim", rationale: because, acceptedClaimId: "old" })).fieldErrors).toEqual({
      acceptedClaimId: ["Choose an active claim."],
    });
  });

  test("a reconciled value is read like any value, and an unreadable one is refused on its field", () => {
    const outcome = decide(valuation, { kind: "reconciled_value", rationale: because, valueText: "$183 billion" });
    expect(outcome.resolution).toMatchObject({
      valueKind: "money",
      valueText: "$183 billion",
      valueNorm: { kind: "money", point: 183e9, unit: "USD" },
    });
    expect(outcome.claimChanges).toEqual([]);
    expect(
      Object.keys(refusal(() => decide(valuation, { kind: "reconciled_value", rationale: because, valueText: "lots" })).fieldErrors ?? {}),
    ).toEqual(["valueText"]);
  });

  test("both valid records each claim's as-of date with its reading", () => {
    const outcome = decide(valuation, {
      kind: "both_valid",
      rationale: because,
      scope: "",
      asOf: [
        { claimId: "small", text: "March 2023" },
        { claimId: "large", text: "" },
      ],
    });
    expect(outcome.resolution.details).toEqual({
      kind: "both_valid",
      asOf: { small: { text: "March 2023", reading: expect.stringContaining("2023"), start: "2023-03-01" } },
      scope: null,
    });
    expect(outcome.resolution.asOfText).toBe("March 2023");
  });

  test("only a naming conflict merges entities, keeping one of its two", () => {
    const naming: DecidedConflict = { kind: "naming", claims: [], entityIds: ["michael", "emil"] };
    expect(decide(naming, { kind: "merge_entities", rationale: because, keepEntityId: "emil" }).merge).toEqual({
      sourceId: "michael",
      targetId: "emil",
    });
    expect(refusal(() => decide(valuation, { kind: "merge_entities", rationale: because, keepEntityId: "anthropic" })).code).toBe(
      "invalid_input",
    );
    expect(
      Object.keys(refusal(() => decide(naming, { kind: "merge_entities", rationale: because, keepEntityId: "other" })).fieldErrors ?? {}),
    ).toEqual(["keepEntityId"]);
  });

  test("an annotation mistake retracts the mis-recorded claim and takes it out of the conflict", () => {
    const outcome = decide(valuation, { kind: "annotation_mistake", rationale: because, mistakenClaimId: "small" });
    expect(outcome.claimChanges).toEqual([
      expect.objectContaining({ claimId: "small", to: "retracted", action: "claim.retract", note: "annotation mistake" }),
    ]);
    expect(outcome.claimChanges[0]!.reason).toMatch(/source is not at fault/);
    expect(outcome.leaving).toEqual(["small"]);
  });

  test("not a conflict dismisses it and changes no claim", () => {
    expect(decide(valuation, { kind: "not_a_conflict", rationale: because })).toMatchObject({
      status: "dismissed",
      claimChanges: [],
      leaving: [],
      merge: null,
    });
  });
});

describe("the decision form's input", () => {
  const base = { investigationId: "inv", id: "c1", version: "3", rationale: because };

  test("each way of deciding keeps exactly its own fields", () => {
    const parsed = resolveConflictInput.parse({
      ...base,
      kind: "accept_claim",
      acceptedClaimId: "large",
      valueText: "",
      keepEntityId: "",
      asOf: ["x"],
    });
    expect(parsed).toEqual({ ...base, version: 3, kind: "accept_claim", acceptedClaimId: "large" });
    expect(decisionOf(parsed)).toEqual({ kind: "accept_claim", rationale: because, acceptedClaimId: "large" });
  });

  test("both-valid dates arrive as two lists and become pairs", () => {
    const parsed = resolveConflictInput.parse({
      ...base,
      kind: "both_valid",
      asOfClaimId: ["small", "large"],
      asOf: ["March 2023", "September 2025"],
    });
    expect(decisionOf(parsed)).toMatchObject({
      asOf: [
        { claimId: "small", text: "March 2023" },
        { claimId: "large", text: "September 2025" },
      ],
    });
  });

  test("a missing choice or field is named on its field", () => {
    const errors = (input: Record<string, unknown>) => {
      const r = resolveConflictInput.safeParse(input);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({ ...base })).toEqual({ kind: "Choose how the conflict is settled." });
    expect(errors({ ...base, kind: "accept_claim" })).toEqual({ acceptedClaimId: "Choose the claim that is right." });
    expect(errors({ ...base, kind: "accept_claim", acceptedClaimId: "" })).toEqual({ acceptedClaimId: "Choose the claim that is right." });
    expect(errors({ ...base, kind: "both_valid" })).toEqual({
      asOf: "Give the as-of date of each value, or say in which scope each holds.",
    });
    expect(errors({ ...base, kind: "not_a_conflict", rationale: "short" })).toEqual({
      rationale: "Explain the decision in a sentence or two (at least 10 characters).",
    });
  });
});
