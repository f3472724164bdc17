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

/** Keeps `value` under `key` as the most recent of `map`, forgetting the least recent past `limit` entries. */
export function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > limit) map.delete(map.keys().next().value!);
}
