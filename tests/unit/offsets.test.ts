import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { offsetConverter } from "@/lib/domain/offsets.ts";

/** Code points as JavaScript's string iterator counts them: the reference the converter must match. */
const codePointsIn = (s: string) => [...s].length;

describe("code points and UTF-16 units", () => {
  test("text without characters beyond U+FFFF counts the same both ways", () => {
    const c = offsetConverter("Café “quoted” — עברית");
    expect(c.toCodePoints(7)).toBe(7);
    expect(c.toUtf16(7)).toBe(7);
  });

  test("emoji, mathematical letters and ZWJ sequences take two units per code point beyond U+FFFF", () => {
    const text = "🎉 𝔸 👩‍💻 valued at $183 billion";
    const c = offsetConverter(text);
    const at = text.indexOf("valued");
    // 🎉 (2 units) + space + 𝔸 (2) + space + 👩 (2) ZWJ (1) 💻 (2) + space = 12 units, 8 code points.
    expect(at).toBe(12);
    expect(c.toCodePoints(at)).toBe(8);
    expect(c.toUtf16(8)).toBe(12);
    expect(c.codePointLength).toBe(codePointsIn(text));
    expect([...text].slice(8, 8 + "valued".length).join("")).toBe("valued");
  });

  test("an offset inside a surrogate pair counts as the pair's start", () => {
    const c = offsetConverter("a🎉b");
    expect(c.toCodePoints(2)).toBe(1);
    expect(c.toCodePoints(3)).toBe(2);
  });

  test("offsets past either end are clamped", () => {
    const c = offsetConverter("🎉x");
    expect(c.toCodePoints(-4)).toBe(0);
    expect(c.toCodePoints(99)).toBe(2);
    expect(c.toUtf16(99)).toBe(3);
  });

  test("agrees with counting code points of the prefix, on any text", () => {
    const chars = fc.constantFrom("a", " ", "é", "“", "🎉", "𝔸", "\u200d", "中", "\n");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), fc.nat(), (parts, pick) => {
        const text = parts.join("");
        const c = offsetConverter(text);
        // Every boundary between whole characters converts there and back exactly.
        const boundaries = [0];
        for (const ch of text) boundaries.push(boundaries.at(-1)! + ch.length);
        const u = boundaries[pick % boundaries.length]!;
        const cp = c.toCodePoints(u);
        expect(cp).toBe(codePointsIn(text.slice(0, u)));
        expect(c.toUtf16(cp)).toBe(u);
      }),
    );
  });
});
