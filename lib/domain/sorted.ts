/**
 * The first position in `sorted` (ascending) whose item is not less than `key`: where `key` would
 * be inserted to keep the order, after none of its equals. Binary search, O(log n).
 */
export function lowerBound<T extends number | string>(sorted: ArrayLike<T>, key: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

type Span = { start: number; end: number };

/**
 * Whether a span overlaps any of `spans`, asked in O(log n) however many there are: the spans
 * sorted by start, with the farthest end reached by each prefix. A span overlaps one of them
 * exactly when some span starting before its end ends after its start.
 */
export function overlapIndex(spans: readonly Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = Float64Array.from(sorted, (s) => s.start);
  const reach = new Float64Array(sorted.length);
  let farthest = -Infinity;
  sorted.forEach((s, i) => (reach[i] = farthest = Math.max(farthest, s.end)));
  return (span) => {
    const before = lowerBound(starts, span.end);
    return before > 0 && reach[before - 1]! > span.start;
  };
}

/** The first position in `sorted` (ascending) whose item is greater than `key`: how many are at most `key`. */
export function upperBound<T extends number | string>(sorted: ArrayLike<T>, key: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= key) low = mid + 1;
    else high = mid;
  }
  return low;
}
