import { describe, expect, test } from "vitest";
import { applyDelete, applySave, highlightName, type ReaderState } from "@/components/annotator/reader-state.ts";
import { applyConflictChanges, type ClaimConflict } from "@/lib/domain/conflict-changes.ts";
import type { ClaimSaved, ReaderClaim } from "@/lib/server/claims.ts";

const at = new Date("2026-12-05T10:00:00Z");
const subject = { id: "e1", name: "Anthropic", kind: "organization" as const };

function readerClaim(id: string, start: number, conflicts: ClaimConflict[] = []): ReaderClaim {
  return {
    id,
    version: 1,
    status: "active",
    subject,
    subjectText: "Anthropic",
    attribute: "valuation",
    attributeLabel: "Valuation",
    valueKind: "money",
    valueText: "$1 billion",
    reading: "1 billion USD",
    quote: "$1 billion",
    anchor: { start, end: start + 10, method: "position", score: 1 },
    createdBy: "Ana",
    updatedAt: at,
    conflicts,
  };
}

const EMPTY = { statusReason: null, asOfText: null, note: "", accordingTo: "", method: "", appliesToPart: "", proposedConfidence: null };

function saved(id: string, over: Partial<ClaimSaved> = {}): ClaimSaved {
  // What a save returns of the claim: the reader's claim without its place and conflicts.
  // (with every field, empty ones too).
  const claim = {
    ...Object.fromEntries(
      Object.entries(readerClaim(id, 0)).filter(([k]) => !["anchor", "conflicts", "createdBy", "updatedAt"].includes(k)),
    ),
    ...EMPTY,
  } as ClaimSaved["claim"];
  return {
    id,
    version: 1,
    claim: { ...claim, valueText: "$2 billion" },
    event: { id: "9", action: "claim.create", at, actor: "Bo" },
    conflicts: [],
    newSubject: null,
    ...over,
  };
}

const state = (claims: ReaderClaim[]): ReaderState => ({
  claims,
  subjects: [{ ...subject, aliases: [] }],
  attributes: [{ key: "valuation", label: "Valuation", count: claims.length }],
});

describe("the reader after a save, without reloading the page", () => {
  test("a new claim takes its place in text order, with its event, and joins the conflict it opened with another", () => {
    const before = state([readerClaim("a", 0), readerClaim("c", 100)]);
    const after = applySave(
      before,
      saved("b", {
        anchor: { start: 50, end: 60 },
        conflicts: [{ id: "k1", kind: "scale", status: "open", claimIds: ["a", "b"] }],
        newSubject: { id: "e2", name: "Amazon", kind: "organization" },
      }),
    );
    expect(after.claims.map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(after.claims[1]).toMatchObject({ anchor: { start: 50, end: 60 }, createdBy: "Bo", updatedAt: at });
    expect(after.claims.map((c) => c.conflicts.map((k) => k.id))).toEqual([["k1"], ["k1"], []]);
    expect(after.claims[2]).toBe(before.claims[1]); // untouched claims are not rebuilt
    expect(after.subjects.map((s) => s.name)).toEqual(["Amazon", "Anthropic"]);
    expect(after.attributes).toEqual([{ key: "valuation", label: "Valuation", count: 3 }]);
  });

  test("an edit keeps the claim's place, moves it to another attribute, and leaves a conflict it no longer holds", () => {
    const before = state([readerClaim("a", 0, [{ id: "k1", kind: "scale", status: "open" }]), readerClaim("b", 50)]);
    const edit = saved("a", {
      version: 2,
      event: { id: "10", action: "claim.update", at, actor: "Bo" },
      conflicts: [{ id: "k1", kind: "scale", status: "dismissed", claimIds: ["a", "b"] }],
    });
    edit.claim = { ...edit.claim, version: 2, attribute: "revenue", attributeLabel: "Revenue" };
    const after = applySave(before, edit);
    expect(after.claims[0]).toMatchObject({ version: 2, anchor: { start: 0 }, attributeLabel: "Revenue" });
    expect(after.claims.map((c) => c.conflicts)).toEqual([
      [{ id: "k1", kind: "scale", status: "dismissed" }],
      [{ id: "k1", kind: "scale", status: "dismissed" }],
    ]);
    expect(after.attributes).toEqual([
      { key: "revenue", label: "Revenue", count: 1 },
      { key: "valuation", label: "Valuation", count: 1 },
    ]);
  });

  test("an edit that empties a field shows it empty, not what it said before", () => {
    const before = state([{ ...readerClaim("a", 0), note: "From the filing", accordingTo: "Reuters" }]);
    const edit = saved("a", { version: 2, event: { id: "10", action: "claim.update", at, actor: "Bo" } });
    edit.claim = { ...edit.claim, version: 2, accordingTo: "Bloomberg" };
    const [after] = applySave(before, edit).claims;
    expect(after).toMatchObject({ version: 2, accordingTo: "Bloomberg", anchor: { start: 0 } });
    expect(after).not.toHaveProperty("note");
  });

  test("a deleted claim leaves the page and its attribute's count", () => {
    const after = applyDelete(state([readerClaim("a", 0), readerClaim("b", 50)]), "a", []);
    expect(after.claims.map((c) => c.id)).toEqual(["b"]);
    expect(after.attributes).toEqual([{ key: "valuation", label: "Valuation", count: 1 }]);
  });

  test("a claim leaves a conflict that no longer holds it, and keeps the others", () => {
    const claims = [
      {
        id: "a",
        conflicts: [
          { id: "k1", kind: "value" as const, status: "open" as const },
          { id: "k2", kind: "set" as const, status: "open" as const },
        ],
      },
    ];
    expect(applyConflictChanges(claims, [{ id: "k1", kind: "value", status: "open", claimIds: ["b", "c"] }])[0]!.conflicts).toEqual([
      { id: "k2", kind: "set", status: "open" },
    ]);
  });
});

describe("a highlight's name", () => {
  test("begins with the words on the page, then says the claims on them", () => {
    expect(highlightName("valued at\n$183  billion", ["Anthropic · Valuation · $183 billion · in open conflict (Scale slip)"])).toBe(
      "valued at $183 billion — Anthropic · Valuation · $183 billion · in open conflict (Scale slip)",
    );
    expect(highlightName("Emil Michael", ["Emil Michael · Role · official", "Pentagon · Official · Emil Michael"])).toBe(
      "Emil Michael — Emil Michael · Role · official; Pentagon · Official · Emil Michael",
    );
  });
});
