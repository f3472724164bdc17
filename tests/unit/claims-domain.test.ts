import { describe, expect, test } from "vitest";
import {
  attributeKey,
  closeAttribute,
  leadingName,
  matchAttributes,
  matchSubjects,
  mentionOf,
  selfAndParts,
  type SubjectOption,
} from "@/lib/domain/claims.ts";
import { withoutEmptyFields } from "@/lib/domain/sparse-claim.ts";

const subjects: SubjectOption[] = [
  { id: "1", name: "Emil Michael", kind: "person", aliases: ["the Pentagon’s Michael", "Under-Secretary Michael"] },
  { id: "2", name: "Michael", kind: "person", aliases: [] },
  { id: "3", name: "Anthropic", kind: "organization", aliases: ["Antropic"] },
  { id: "4", name: "Department of Defense", kind: "organization", aliases: ["the Pentagon", "DoD"] },
];

describe("subject search over names and aliases", () => {
  test("canonical names that start with the query come first, then other name matches, then aliases", () => {
    expect(matchSubjects(subjects, "mich").map((s) => [s.name, s.matched])).toEqual([
      ["Michael", "Michael"],
      ["Emil Michael", "Emil Michael"],
    ]);
  });

  test("an alias finds its entity, and says which alias matched", () => {
    expect(matchSubjects(subjects, "pentagon").map((s) => [s.name, s.matched])).toEqual([
      ["Department of Defense", "the Pentagon"],
      ["Emil Michael", "the Pentagon’s Michael"],
    ]);
    expect(matchSubjects(subjects, "dod")[0]?.name).toBe("Department of Defense");
    expect(matchSubjects(subjects, "pentagon’s")[0]).toMatchObject({ name: "Emil Michael", matched: "the Pentagon’s Michael" });
  });

  test("case and accents do not matter", () => {
    expect(matchSubjects(subjects, "ANTHRÓPIC")[0]?.id).toBe("3");
  });

  test("no query lists everything, up to the limit", () => {
    expect(matchSubjects(subjects, "", 2)).toHaveLength(2);
    expect(matchSubjects(subjects, "zzz")).toEqual([]);
  });
});

describe("attribute keys", () => {
  test.each([
    ["Valuation", "valuation"],
    ["Annual recurring revenue", "annual_recurring_revenue"],
    ["  Launch date ", "launch_date"],
    ["CEO / chief executive", "ceo_chief_executive"],
    ["Größe", "grosse"],
    ["!!!", ""],
  ])("%s → %s", (label, key) => {
    expect(attributeKey(label)).toBe(key);
  });
});

test("an attribute written several ways shows the label most claims use", async () => {
  const { preferredLabel } = await import("@/lib/domain/claims.ts");
  expect(preferredLabel(["valuation", "Valuation", "Valuation"])).toBe("Valuation");
  expect(preferredLabel(["valuation", "Valuation"])).toBe("Valuation");
  expect(preferredLabel(["Launch date"])).toBe("Launch date");
});

describe("part-of helpers", () => {
  test.each([
    ["Alhaurín de la Torre, near Málaga", "Alhaurín de la Torre"],
    ["Mira, in Cuenca province", "Mira"],
    ["Andalusia", null],
    ["Paiporta,", null],
    ["2,000 tents", null],
    [", Valencia", null],
  ])("the name %s leads with: %s", (text, lead) => {
    expect(leadingName(text)).toBe(lead);
  });

  test("an entity and everything inside it, transitively, cannot be what it is part of", () => {
    const entities = [
      { id: "spain", partOfId: null },
      { id: "andalusia", partOfId: "spain" },
      { id: "malaga", partOfId: "andalusia" },
      { id: "alhaurin", partOfId: "malaga" },
      { id: "valencia", partOfId: "spain" },
    ];
    expect([...selfAndParts(entities, "andalusia")].sort()).toEqual(["alhaurin", "andalusia", "malaga"]);
    expect([...selfAndParts(entities, "alhaurin")]).toEqual(["alhaurin"]);
  });
});

describe("how the text names a subject, when the analyst left it empty", () => {
  test("the name as the text writes it, as whole words, else the canonical name", () => {
    expect(mentionOf(["Anthropic"], "ANTHROPIC, valued at $183 billion")).toBe("ANTHROPIC");
    expect(mentionOf(["Anthropic"], "Anthropics are not Anthropic.")).toBe("Anthropic");
    expect(mentionOf(["Anthropic"], "Anthropics, valued at")).toBe("Anthropic");
    expect(mentionOf(["Michael", "Emil Michael"], "said Emil Michael, the under secretary")).toBe("Emil Michael");
    expect(mentionOf(["Pentagon"], "the department said")).toBe("Pentagon");
  });
});

describe("how the text names a subject: aliases and the nearest mention", () => {
  test("an alias counts, and before the quote the nearest mention wins", () => {
    expect(mentionOf(["Emil Michael", "the Pentagon's Michael"], "extended the offers", "said THE PENTAGON'S MICHAEL, who ")).toBe(
      "THE PENTAGON'S MICHAEL",
    );
    expect(mentionOf(["Emil Michael", "Michael"], "extended the offers", "Emil Michael spoke. Later Michael ")).toBe("Michael");
    expect(mentionOf(["Anthropic", "the AI lab"], "valued at $183 billion", "The AI Lab, ")).toBe("The AI Lab");
    expect(mentionOf(["Anthropic"], "the lab", "Anthropic said; Anthropics ")).toBe("Anthropic");
  });
});

describe("attributes offered and warned about in the claim form", () => {
  const used = [
    { key: "ai_contracts_awarded", label: "AI contracts awarded", count: 4 },
    { key: "valuation", label: "Valuation", count: 9 },
    { key: "annual_revenue", label: "Annual revenue", count: 2 },
  ];
  test("every word typed starts a word of the label, most used first; nothing typed lists all", () => {
    expect(matchAttributes(used, "contr aw").map((a) => a.label)).toEqual(["AI contracts awarded"]);
    expect(matchAttributes(used, "").map((a) => a.label)).toEqual(["Valuation", "AI contracts awarded", "Annual revenue"]);
    expect(matchAttributes(used, "revenue annual").map((a) => a.label)).toEqual(["Annual revenue"]);
    expect(matchAttributes(used, "xyz")).toEqual([]);
  });
  test("a new label sharing most of its words with an existing one is flagged; an existing or unrelated one is not", () => {
    expect(closeAttribute(used, "Contracts awarded total")?.label).toBe("AI contracts awarded");
    expect(closeAttribute(used, "Revenue, annual")?.label).toBe("Annual revenue");
    expect(closeAttribute(used, "valuation")).toBeNull();
    expect(closeAttribute(used, "Head count")).toBeNull();
    expect(closeAttribute(used, "Contract value")).toBeNull();
  });
});

describe("a claim as the reader is sent it", () => {
  const empty = { statusReason: null, asOfText: null, note: "", accordingTo: "", method: "", appliesToPart: "", proposedConfidence: null };

  test("leaves out the fields that say nothing, and keeps the rest as they are", () => {
    expect(withoutEmptyFields({ id: "c1", valueText: "$1 billion", ...empty })).toEqual({ id: "c1", valueText: "$1 billion" });
  });

  test("keeps every field that says something, a confidence of 0 too", () => {
    const full = {
      statusReason: "misread",
      asOfText: "in March",
      note: "From the filing",
      accordingTo: "Reuters",
      method: "survey",
      appliesToPart: "the north wing",
      proposedConfidence: 0,
    };
    expect(withoutEmptyFields({ id: "c1", ...full })).toEqual({ id: "c1", ...full });
  });
});
