import { describe, expect, test } from "vitest";
import { packReaderClaims, unpackReaderClaims } from "@/components/annotator/reader-claims-wire.ts";
import type { ReaderClaim } from "@/lib/server/claims.ts";

const body = "Anthropic was valued at $18.4 billion. Others said $183 billion. Founded in 2021.";
const anthropic = { id: "e1", name: "Anthropic", kind: "organization" as const };

function claim(over: Partial<ReaderClaim> & Pick<ReaderClaim, "id" | "quote" | "anchor">): ReaderClaim {
  return {
    version: 1,
    status: "active",
    subject: anthropic,
    subjectText: "Anthropic",
    attribute: "valuation",
    attributeLabel: "Valuation",
    valueKind: "money",
    valueText: over.quote,
    reading: "18.4 billion USD",
    createdBy: "Ada",
    updatedAt: new Date("2026-03-01T10:00:00.000Z"),
    conflicts: [],
    ...over,
  };
}

describe("the reader's claims as the page sends them", () => {
  const at = (words: string) => ({ start: body.indexOf(words), end: body.indexOf(words) + words.length });
  const claims: ReaderClaim[] = [
    claim({ id: "c1", quote: "$18.4 billion", anchor: { ...at("$18.4 billion"), method: "position", score: 1 } }),
    // Found again by its words after an edit of the text, by another author, in two conflicts, with a note.
    claim({
      id: "c2",
      quote: "$183 billion",
      anchor: { ...at("$183 billion"), method: "fuzzy", score: 0.8 },
      createdBy: "Grace",
      conflicts: [
        { id: "k1", kind: "scale", status: "open" },
        { id: "k2", kind: "value", status: "resolved" },
      ],
      note: "Rounded",
      proposedConfidence: 0.9,
    }),
    // Anchored on words other than its quote, by an account since removed, on another subject.
    claim({
      id: "c3",
      quote: "founded in 2021",
      anchor: { ...at("Founded in 2021"), method: "quote", score: 0.75 },
      subject: { id: "e2", name: "OpenAI", kind: "organization" },
      attribute: "founded",
      attributeLabel: "founded",
      createdBy: null,
      status: "retracted",
      statusReason: "Not needed here",
      asOfText: "2021",
    }),
    // Orphaned: its words are gone.
    claim({ id: "c4", quote: "$20 billion", anchor: null, version: 3 }),
  ];

  test("come back as they were: every field, and no field that was left out", () => {
    const back = unpackReaderClaims(JSON.parse(JSON.stringify(packReaderClaims(claims, body))), body);
    expect(back).toStrictEqual(claims);
  });

  test("send a subject and an author once, and a quote only when the text does not already hold it", () => {
    const packed = packReaderClaims(claims, body);
    expect(packed.subjects).toEqual([
      ["e1", "Anthropic", "organization"],
      ["e2", "OpenAI", "organization"],
    ]);
    expect(packed.people).toEqual(["Ada", "Grace"]);
    expect(packed.claims.map((row) => row[10])).toEqual([null, null, "founded in 2021", "$20 billion"]);
  });
});
