import { describe, expect, it } from "vitest";
import { familyOf, sameAttribute } from "@/lib/domain/attribute-lexicon.ts";

describe("attribute lexicon", () => {
  it("takes two names of one measure, or a case or plural difference, for the same attribute", () => {
    expect(sameAttribute("Death toll", "death toll")).toBe(true);
    expect(sameAttribute("Deaths", "Death toll")).toBe(true);
    expect(sameAttribute("Parking space", "Parking spaces")).toBe(true);
    expect(sameAttribute("Revenue", "Turnover")).toBe(true);
  });

  it("keeps a qualified label apart from the bare one, and different measures apart", () => {
    expect(sameAttribute("Stake", "Stake in Twitter")).toBe(false);
    expect(sameAttribute("Rainfall", "Rainfall on 29 October")).toBe(false);
    expect(sameAttribute("Death toll", "Injured")).toBe(false);
    expect(sameAttribute("Price per share", "Deal value")).toBe(false);
  });

  it("finds the family of an analyst's qualified label, and none for a label of its own", () => {
    expect(familyOf("Rainfall on 29 October")?.label).toBe("Rainfall");
    expect(familyOf("Revenue, first quarter of 2022")?.label).toBe("Revenue");
    expect(familyOf("Deaths")?.label).toBe("Death toll");
    expect(familyOf("Rainfall on 29 October", true)).toBeNull();
    expect(familyOf("Days of the Tesla share sales")).toBeNull();
  });
});
