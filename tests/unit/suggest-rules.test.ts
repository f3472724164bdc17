/**
 * The general rules of suggested claims about how news states its figures (issue 14, item 7):
 * each asserted on what an analyst sees in the reader, a proposal there or not, and its guesses.
 */
import { describe, expect, it } from "vitest";
import { type RecordedClaim, type SuggestEntity, suggestClaims } from "@/lib/domain/suggest.ts";

const ENTITIES: SuggestEntity[] = [
  { id: "storm", name: "Storm Boris", kind: "event", aliases: [] },
  { id: "flood-1957", name: "Turia flood of 1957", kind: "event", aliases: [] },
  { id: "riverside", name: "Riverside", kind: "place", aliases: [] },
  { id: "hillton", name: "Hillton", kind: "place", aliases: [] },
  { id: "acme", name: "Acme", kind: "organization", aliases: [] },
  { id: "woman", name: "Woman swept away in Riverside", kind: "person", aliases: [] },
];
const PUBLISHED = new Date("2024-10-31T09:00:00Z");

const suggest = (body: string, claims: RecordedClaim[] = []) =>
  suggestClaims({ article: { id: "here", body, publishedAt: PUBLISHED }, entities: ENTITIES, claims });
const quotes = (body: string, claims: RecordedClaim[] = []) => suggest(body, claims).map((p) => p.quote);
const subjectOf = (p: ReturnType<typeof suggest>[number] | undefined) => (p && "entityId" in p.subject ? p.subject.entityId : null);

describe("a source's own conversion stays with its figure", () => {
  it("keeps a hedged conversion in brackets with the measure: one proposal, read as agreeing", () => {
    const proposals = suggest("Pumping brought the water down to 1.5 metres (about 5 feet) by Monday.");
    const measures = proposals.filter((p) => p.valueKind === "number");
    expect(measures).toHaveLength(1);
    expect(measures[0]).toMatchObject({ quote: "1.5 metres (about 5 feet)", reading: expect.stringContaining("agrees") });
  });

  it("keeps a conversion written after “, or” with the measure", () => {
    const [p] = suggest("In the town 491 millimetres, or more than 19 inches, fell in a day.");
    expect(p).toMatchObject({ quote: "491 millimetres, or more than 19 inches" });
  });

  it("does not join a count to what follows “, or”: only a measure has a conversion", () => {
    expect(quotes("Officials counted 120 people, or more than half the village, in the shelter.")).not.toContain(
      "120 people, or more than half",
    );
    expect(quotes("The water rose 3 metres, and about 40 people were rescued.")).toEqual(["3 metres", "about 40 people"]);
  });
});

