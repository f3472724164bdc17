/**
 * Two ways of counting places in a text. What Crosscheck stores and exports counts Unicode code
 * points, as PostgreSQL's `substring`/`char_length` and the W3C TextPositionSelector do. JavaScript
 * strings index UTF-16 code units, where an emoji or "𝔸" takes two. So offsets are converted
 * where JavaScript meets the stored ones (saving a selection, re-anchoring, laying out highlights)
 * and nowhere else; the two agree on any text without characters beyond U+FFFF.
 */

export type OffsetConverter = {
  /** The code-point offset of a UTF-16 offset (one inside a surrogate pair counts as the pair's start). */
  toCodePoints(utf16: number): number;
  /** The UTF-16 offset of a code-point offset. */
  toUtf16(codePoints: number): number;
  /** The text's length in code points. */
  readonly codePointLength: number;
};

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * A converter for one text, built in one pass: it remembers where the characters beyond U+FFFF
 * are, so each conversion is a binary search (many highlights on a long article stay cheap), and
 * a text without any converts as the identity.
 */
export function offsetConverter(text: string): OffsetConverter {
  // UTF-16 index of each astral character's first unit; its code-point index is i - k for the k-th.
  const astral: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      astral.push(i);
      i++;
    }
  }
  const codePointLength = text.length - astral.length;
  if (astral.length === 0) {
    const clamp = (n: number) => Math.max(0, Math.min(n, text.length));
    return { toCodePoints: clamp, toUtf16: clamp, codePointLength };
  }
  /** How many entries of `astral` satisfy `before(entry, k)`: a prefix, found by binary search. */
  const countWhile = (before: (utf16: number, k: number) => boolean) => {
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(astral[mid]!, mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    codePointLength,
    toCodePoints(utf16) {
      const u = Math.max(0, Math.min(utf16, text.length));
      // Pairs that start before u; one that u splits counts as not yet passed.
      const passed = countWhile((at) => at + 1 < u);
      return u - passed - (passed < astral.length && astral[passed]! + 1 === u ? 1 : 0);
    },
    toUtf16(codePoints) {
      const cp = Math.max(0, Math.min(codePoints, codePointLength));
      // Each astral character before cp adds one unit: the k-th sits at code point astral[k] - k.
      return cp + countWhile((at, k) => at - k < cp);
    },
  };
}
