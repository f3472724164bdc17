import { describe, expect, it } from "vitest";
import { lowerBound, overlapIndex } from "@/lib/domain/sorted.ts";

describe("lowerBound", () => {
  it("finds where a key goes, before its equals, in numbers and strings", () => {
    expect(lowerBound([1, 3, 3, 7], 3)).toBe(1);
    expect(lowerBound([1, 3, 3, 7], 4)).toBe(3);
    expect(lowerBound([1, 3, 3, 7], 0)).toBe(0);
    expect(lowerBound([1, 3, 3, 7], 9)).toBe(4);
    expect(lowerBound(Int32Array.from([10, 20]), 20)).toBe(1);
    expect(lowerBound(["a", "c", "e"], "d")).toBe(2);
    expect(lowerBound([], 5)).toBe(0);
  });
});

describe("overlapIndex", () => {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

  it("answers as comparing with every span would, for spans of any length in any order", () => {
    // A seeded generator: the same spans every run, long ones among short ones, some nested.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const spans = Array.from({ length: 300 }, () => {
      const start = next(2000);
      return { start, end: start + 1 + (next(10) === 0 ? next(400) : next(12)) };
    });
    const overlapsAny = overlapIndex(spans);
    for (let i = 0; i < 2000; i++) {
      const start = next(2100);
      const probe = { start, end: start + 1 + next(30) };
      expect(overlapsAny(probe)).toBe(spans.some((s) => overlaps(s, probe)));
    }
  });

  it("counts touching spans as apart, and knows nothing when given nothing", () => {
    const overlapsAny = overlapIndex([{ start: 10, end: 20 }]);
    expect(overlapsAny({ start: 20, end: 25 })).toBe(false);
    expect(overlapsAny({ start: 5, end: 10 })).toBe(false);
    expect(overlapsAny({ start: 19, end: 21 })).toBe(true);
    expect(overlapIndex([])({ start: 0, end: 100 })).toBe(false);
  });
});
