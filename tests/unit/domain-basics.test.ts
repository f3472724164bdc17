import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatDay, plural } from "@/lib/domain/format.ts";
import { ACTION_POLICY, isActionName } from "@/lib/domain/permissions.ts";
import { hasMemberRole, hasRole, MEMBER_ROLES, ROLES } from "@/lib/domain/roles.ts";
import { foldText, lineStartOf, slugify } from "@/lib/domain/text.ts";

describe("roles nest", () => {
  test.each([
    ["analyst", "analyst", true],
    ["analyst", "reviewer", false],
    ["reviewer", "analyst", true],
    ["reviewer", "admin", false],
    ["admin", "reviewer", true],
  ] as const)("%s acting as %s: %s", (actual, needed, allowed) => {
    expect(hasRole(actual, needed)).toBe(allowed);
  });

  test.each([
    ["viewer", "analyst", false],
    ["analyst", "viewer", true],
    ["analyst", "reviewer", false],
    ["reviewer", "lead", false],
    ["lead", "reviewer", true],
  ] as const)("a member %s acting as %s: %s", (actual, needed, allowed) => {
    expect(hasMemberRole(actual, needed)).toBe(allowed);
  });

  test("every policy row names a role of its scope, or public", () => {
    for (const needed of Object.values(ACTION_POLICY)) {
      if (needed === "public") continue;
      expect(needed.scope === "global" ? ROLES : MEMBER_ROLES).toContain(needed.role);
    }
    expect(isActionName("user.create")).toBe(true);
    expect(isActionName("toString")).toBe(false);
  });
});

describe("text folding", () => {
  test("case, accents, curly quotes and spacing fold away", () => {
    expect(foldText("  The Pentagon’s   MICHAEL ")).toBe("the pentagon's michael");
    expect(foldText("Émil")).toBe(foldText("emil"));
    // Plain ASCII takes a shorter way; it folds as the rest does.
    expect(foldText("\tRoute  9\r\nNORTH ")).toBe("route 9 north");
    expect(foldText("Route 9 Straße")).toBe("route 9 strasse");
    expect(foldText("ﬁle  No. 9")).toBe("file no. 9");
  });

  test("plain text folds as the full folding does, whatever its spacing", () => {
    const full = (text: string) =>
      text
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .toLocaleLowerCase("en")
        .replace(/\s+/gu, " ")
        .trim()
        .normalize("NFC");
    fc.assert(
      fc.property(fc.array(fc.constantFrom(" ", "  ", "\t", "\n", "\r", "a", "B", "9", ".", "'", "-"), { maxLength: 16 }), (pieces) => {
        const text = pieces.join("");
        expect(foldText(text)).toBe(full(text));
      }),
      { numRuns: 2000 },
    );
  });

  test("slugs are short and safe", () => {
    expect(slugify("Anthropic and the Pentagon")).toBe("anthropic-and-the-pentagon");
    expect(slugify("  Über — Straße 2025!  ")).toBe("uber-strasse-2025");
    expect(slugify("!!!")).toBe("");
  });
});

describe("line starts", () => {
  test("are where the text before a place last broke its line, in UTF-16 units, for any body asked in turn", () => {
    const bodies = ["", "one line 🚀 only", "a\nb\r\n\n🚀 c\n", "\n\nstarts broken\nends broken\n"];
    const scanBack = (body: string, at: number) => {
      let i = at - 1;
      while (i >= 0 && body[i] !== "\n") i--;
      return i + 1;
    };
    for (const body of [...bodies, ...bodies]) {
      for (let at = 0; at <= body.length; at++) expect(lineStartOf(body, at)).toBe(scanBack(body, at));
    }
  });
});

describe("formatting", () => {
  test("plural and day", () => {
    expect(plural(1, "claim")).toBe("1 claim");
    expect(plural(2, "claim")).toBe("2 claims");
    expect(formatDay(new Date(Date.UTC(2025, 11, 3)))).toBe("3 Dec 2025");
  });
});
