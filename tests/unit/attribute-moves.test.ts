import { describe, expect, test } from "vitest";
import { conflictKeyMoves, describeMove, type KeyedConflict, mergedSetting, valueKindClash } from "@/lib/domain/attribute-moves.ts";

const key = (subject: string, attribute: string, family = "") => `claims:${subject}:${attribute}${family}`;
const open = (id: string, k: string): KeyedConflict => ({ id, key: k, status: "open", closedBy: null });
const settled = (id: string, k: string): KeyedConflict => ({ id, key: k, status: "resolved", closedBy: "person" });
const gone = (id: string, k: string): KeyedConflict => ({ id, key: k, status: "dismissed", closedBy: "detection" });

describe("where conflicts go when an attribute's claims move", () => {
  test("a rename takes every family's conflict to the new name, open or settled", () => {
    const moves = conflictKeyMoves(
      [open("c1", key("s1", "total")), settled("c2", key("s1", "total", ":temporal")), open("c3", key("s2", "total"))],
      "total",
      "awarded",
      ["s2", "s1"],
    );
    expect(moves).toEqual([
      { id: "c1", from: key("s1", "total"), to: key("s1", "awarded") },
      { id: "c2", from: key("s1", "total", ":temporal"), to: key("s1", "awarded", ":temporal") },
      { id: "c3", from: key("s2", "total"), to: key("s2", "awarded") },
    ]);
  });

  test("a conflict of another subject or attribute, or of a prefix of the name, stays where it is", () => {
    const conflicts = [open("c1", key("s1", "total_2")), open("c2", key("s3", "total")), open("c3", key("s1", "awarded"))];
    expect(conflictKeyMoves(conflicts, "total", "awarded", ["s1"])).toEqual([]);
  });

  test("when both attributes have one, the target's keeps the key, and the moving one is left for detection to close", () => {
    expect(conflictKeyMoves([open("a", key("s", "total")), open("b", key("s", "awarded"))], "total", "awarded", ["s"])).toEqual([]);
    expect(conflictKeyMoves([settled("a", key("s", "total")), settled("b", key("s", "awarded"))], "total", "awarded", ["s"])).toEqual([]);
    expect(conflictKeyMoves([gone("a", key("s", "total")), open("b", key("s", "awarded"))], "total", "awarded", ["s"])).toEqual([]);
  });

  test("a person's decision on the moving side against none on the target's: the keys swap, so the decision meets the claims joining it", () => {
    for (const target of [open("b", key("s", "awarded")), gone("b", key("s", "awarded"))]) {
      expect(conflictKeyMoves([settled("a", key("s", "total")), target], "total", "awarded", ["s"])).toEqual([
        { id: "a", from: key("s", "total"), to: key("s", "awarded") },
        { id: "b", from: key("s", "awarded"), to: key("s", "total") },
      ]);
    }
  });

  test("the same name is no move", () => {
    expect(conflictKeyMoves([open("a", key("s", "total"))], "total", "total", ["s"])).toEqual([]);
  });
});

describe("whether two attributes can be one", () => {
  test("values that never compare refuse the merge, naming both", () => {
    expect(valueKindClash({ label: "Founded", kinds: ["date"] }, { label: "Valuation", kinds: ["money"] })).toBe(
      "“Founded” holds dates and “Valuation” money: no claim of one could be compared with a claim of the other, so they are not one attribute.",
    );
  });

  test("a text and an entity name compare; one kind in common is enough", () => {
    expect(valueKindClash({ label: "CEO", kinds: ["text"] }, { label: "Chief executive", kinds: ["entity"] })).toBeNull();
    expect(valueKindClash({ label: "Contracts", kinds: ["money"] }, { label: "Awarded", kinds: ["money", "text"] })).toBeNull();
  });

  test("what is set on either carries over; two different settings are refused", () => {
    const none = { cardinality: null, change: null, lists: null };
    expect(
      mergedSetting(
        { label: "Deaths", setting: { ...none, change: "tally" } },
        { label: "Death toll", setting: { ...none, cardinality: "single" } },
      ),
    ).toEqual({ ok: true, setting: { cardinality: "single", change: "tally", lists: null } });
    expect(mergedSetting({ label: "A", setting: null }, { label: "B", setting: null })).toEqual({ ok: true, setting: none });
    const clash = mergedSetting(
      { label: "Deaths", setting: { ...none, change: "tally" } },
      { label: "Death toll", setting: { ...none, change: "fixed" } },
    );
    expect(clash).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^“Deaths” is set to “Running tally \(grows as reports come in\)”, “Death toll” to “Does not change”\. Set them alike/,
      ),
    });
  });
});

test("what a move did, in words", () => {
  const move = { changed: true, from: "Contracts awarded total", to: "AI contracts awarded" };
  const none = { opened: 0, reopened: 0, closed: 0, updated: 0 };
  expect(describeMove("merge", { ...move, claims: 3, conflicts: { ...none, opened: 1 } })).toBe(
    "Merged “Contracts awarded total” into “AI contracts awarded”: 3 claims moved, 1 new conflict.",
  );
  expect(describeMove("rename", { ...move, claims: 1, conflicts: { opened: 0, reopened: 1, closed: 2, updated: 1 } })).toBe(
    "Renamed “Contracts awarded total” to “AI contracts awarded”: 1 claim moved, 1 conflict reopened, 1 conflict updated, 2 conflicts closed.",
  );
  expect(describeMove("rename", { ...move, claims: 2, conflicts: none })).toBe(
    "Renamed “Contracts awarded total” to “AI contracts awarded”: 2 claims moved, no conflict changed.",
  );
  expect(describeMove("rename", { ...move, changed: false, claims: 0, conflicts: none })).toBe(
    "Nothing changed: “AI contracts awarded” is already its name.",
  );
});
