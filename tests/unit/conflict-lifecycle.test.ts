import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyPlan, CLOSED_BY_DETECTION_REASON, plan, type TrackedConflict, without } from "@/lib/domain/conflict-lifecycle.ts";
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
    expect(ops).toEqual([
      {
        op: "update",
        id: "c1",
        before: { kind: "value", claimIds: ["a", "b"], entityIds: ["anthropic"] },
        found: found("k", ["a", "b", "c"], { kind: "scale" }),
      },
    ]);
  });

  test("members are compared as sets, in order or not: a conflict is updated exactly when they differ", () => {
    // Distinct ids, each list in order or shuffled, as the record and detection give them.
    const ids = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 6 });
    const listed = fc.tuple(ids, fc.boolean()).map(([xs, inOrder]) => (inOrder ? [...xs].sort() : xs));
    fc.assert(
      fc.property(listed, listed, (was, now) => {
        const same = was.length === now.length && now.every((x) => was.includes(x));
        expect(plan([onRecord("c1", "k", was)], [found("k", now)], ["k"]).length).toBe(same ? 0 : 1);
        expect(without(now, was)).toEqual(now.filter((x) => !was.includes(x)));
        expect(without(was, now)).toEqual(was.filter((x) => !now.includes(x)));
      }),
    );
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

describe("the lifecycle as a whole", () => {
  const KEYS = ["k0", "k1", "k2", "k3"];
  const claims = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 2, maxLength: 4 });
  const onRecordArb = fc
    .uniqueArray(
      fc.record({
        key: fc.constantFrom(...KEYS),
        claimIds: claims,
        state: fc.constantFrom("open", "person-resolved", "person-dismissed", "detection"),
        kind: fc.constantFrom("value" as const, "scale" as const),
      }),
      { selector: (c) => c.key },
    )
    .map((list) =>
      list.map((c, i): TrackedConflict => ({
        id: `c${i}`,
        key: c.key,
        kind: c.kind,
        status: c.state === "open" ? "open" : c.state === "person-resolved" ? "resolved" : "dismissed",
        closedBy: c.state === "open" ? null : c.state === "detection" ? "detection" : "person",
        summary: "s",
        claimIds: c.claimIds,
        entityIds: ["e"],
      })),
    );
  const foundArb = fc.uniqueArray(
    fc
      .record({ key: fc.constantFrom(...KEYS), claimIds: claims, kind: fc.constantFrom("value" as const, "scale" as const) })
      .map((d) => found(d.key, d.claimIds, { kind: d.kind, summary: "s", entityIds: ["e"] })),
    { selector: (d) => d.key },
  );

  test("after carrying out a plan, planning again changes nothing, and the record says what detection found", () => {
    fc.assert(
      fc.property(onRecordArb, foundArb, fc.subarray(KEYS), (existing, detected, looked) => {
        const scope = [...new Set([...looked, ...detected.map((d) => d.key)])];
        let n = 0;
        const after = applyPlan(existing, plan(existing, detected, scope), () => `new${n++}`);
        expect(plan(after, detected, scope).filter((o) => o.op !== "leave-settled")).toEqual([]);
        const byKey = new Map(after.map((c) => [c.key, c]));
        for (const d of detected) {
          const c = byKey.get(d.key)!;
          if (c.status === "open") expect([...c.claimIds].sort()).toEqual([...d.claimIds].sort());
          else {
            expect(c.closedBy).toBe("person");
            for (const id of d.claimIds) expect(c.claimIds).toContain(id);
          }
        }
        for (const c of after) if (c.status === "open" && scope.includes(c.key)) expect(detected.some((d) => d.key === c.key)).toBe(true);
        // Nothing outside what was looked at changes.
        for (const c of existing) if (!scope.includes(c.key)) expect(after.find((a) => a.id === c.id)).toEqual(c);
      }),
      { numRuns: 500 },
    );
  });
});
