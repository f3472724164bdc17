import "server-only";
import { changeMark } from "@/lib/server/factsheet.ts";

/**
 * Work on an article kept worked out until its investigation's next audited change (the audit
 * mark, as the fact sheet is kept), for the `size` articles most recently asked for: reopening an
 * article, or a second analyst on it, costs one index lookup. Concurrent asks share one run; a
 * run that fails is forgotten, so the next ask tries again.
 */
export function keptByMark<T>(size: number) {
  const kept = new Map<string, { mark: string; value: Promise<T> }>();
  return async (investigationId: string, articleId: string, work: () => Promise<T>): Promise<T> => {
    const mark = await changeMark(investigationId);
    const key = `${investigationId}:${articleId}`;
    let entry = kept.get(key);
    if (entry?.mark !== mark) {
      const fresh = { mark, value: work() };
      fresh.value.catch(() => kept.get(key) === fresh && kept.delete(key));
      entry = fresh;
    }
    kept.delete(key);
    kept.set(key, entry);
    for (const oldest of kept.keys()) if (kept.size > size) kept.delete(oldest);
    return entry.value;
  };
}
