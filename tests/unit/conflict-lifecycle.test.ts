import { describe, expect, test } from "vitest";
import { CLOSED_BY_DETECTION_REASON, plan, type TrackedConflict } from "@/lib/domain/conflict-lifecycle.ts";
import type { DetectedConflict } from "@/lib/domain/conflicts.ts";

const found = (key: string, claimIds: string[], over: Partial<DetectedConflict> = {}): DetectedConflict => ({
  key,
  kind: "value",
  claimIds,
  entityIds: ["anthropic"],
  summary: "The values cannot both be true.",
  suggestion: null,
  ...over,
});

const onRecord = (id: string, key: string, claimIds: string[], over: Partial<TrackedConflict> = {}): TrackedConflict => ({
  id,
  key,
  kind: "value",
  status: "open",
  closedBy: null,
  summary: "The values cannot both be true.",
  claimIds,
  entityIds: ["anthropic"],
  ...over,
});

describe("what detection does to conflicts on record", () => {
  test("a new finding opens a conflict", () => {
    expect(plan([], [found("k", ["a", "b"])], ["k"])).toEqual([{ op: "open", found: found("k", ["a", "b"]) }]);
  });

  test("an open conflict that detection finds unchanged is left alone, whatever the order of its claims", () => {
    expect(plan([onRecord("c1", "k", ["b", "a"])], [found("k", ["a", "b"])], ["k"])).toEqual([]);
  });

  test("an open conflict follows detection: a claim joins, the kind changes", () => {
    const ops = plan([onRecord("c1", "k", ["a", "b"])], [found("k", ["a", "b", "c"], { kind: "scale" })], ["k"]);
    expect(ops).toEqual([{ op: "update", id: "c1", before: { kind: "value", claimIds: ["a", "b"], entityIds: ["anthropic"] }, found: found("k", ["a", "b", "c"], { kind: "scale" }) }]);
  });

  test("an open conflict detection no longer finds is closed by detection, with the reason", () => {
    expect(plan([onRecord("c1", "k", ["a", "b"])], [], ["k"])).toEqual([{ op: "close", id: "c1", reason: CLOSED_BY_DETECTION_REASON }]);
  });

  test("conflicts outside what was looked at are not closed", () => {
    expect(plan([onRecord("c1", "k", ["a", "b"])], [], ["other"])).toEqual([]);
  });

  test("a conflict closed by detection reopens when it holds again", () => {
    const closed = onRecord("c1", "k", ["a", "b"], { status: "dismissed", closedBy: "detection" });
    expect(plan([closed], [found("k", ["a", "b"])], ["k"])).toEqual([
      { op: "reopen", id: "c1", from: "dismissed", cause: { kind: "holds-again" }, found: found("k", ["a", "b"]) },
    ]);
  });

  test("a conflict a person settled stays settled while no new claim enters it", () => {
    const settled = onRecord("c1", "k", ["a", "b", "c"], { status: "resolved", closedBy: "person" });
    expect(plan([settled], [found("k", ["a", "b"])], ["k"])).toEqual([{ op: "leave-settled", id: "c1" }]);
    expect(plan([settled], [], ["k"])).toEqual([]);
  });

  test("a conflict a person settled reopens when a new claim enters it, naming the claim", () => {
    const settled = onRecord("c1", "k", ["a", "b"], { status: "resolved", closedBy: "person" });
    expect(plan([settled], [found("k", ["a", "b", "d"])], ["k"])).toEqual([
      { op: "reopen", id: "c1", from: "resolved", cause: { kind: "claim-entered", claimIds: ["d"] }, found: found("k", ["a", "b", "d"]) },
    ]);
  });

  test("the same input gives the same plan: findings in order, closings after them by key", () => {
    const existing = [onRecord("c2", "z", ["x", "y"]), onRecord("c1", "m", ["p", "q"])];
    const ops = plan(existing, [found("new", ["a", "b"])], ["z", "m", "new"]);
    expect(ops.map((o) => o.op + ("id" in o ? `:${o.id}` : ""))).toEqual(["open", "close:c1", "close:c2"]);
  });
});
