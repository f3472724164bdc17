/**
 * A pure function of a text key, remembered: what it gave for a key is given again, for up to
 * `limit` keys (all forgotten at once past that, so the memory stays bounded and no bookkeeping
 * slows the common case).
 */
export function memoized<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined && !kept.has(key)) {
      if (kept.size >= limit) kept.clear();
      value = compute(key);
      kept.set(key, value);
    }
    return value as T;
  };
}
