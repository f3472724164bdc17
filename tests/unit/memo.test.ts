import { expect, test } from "vitest";
import { keepRecent } from "@/lib/domain/memo.ts";

test("keepRecent keeps the most recently kept entries and forgets the oldest past its limit", () => {
  const kept = new Map<string, number>();
  keepRecent(kept, "a", 1, 2);
  keepRecent(kept, "b", 2, 2);
  keepRecent(kept, "a", 3, 2); // kept again: now the most recent
  keepRecent(kept, "c", 4, 2);
  expect([...kept]).toEqual([
    ["a", 3],
    ["c", 4],
  ]);
});
