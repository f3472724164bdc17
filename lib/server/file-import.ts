import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { IMPORTABLE_EXTENSIONS, type ImportOutcome, MAX_ARTICLE_BYTES, parseArticleFile } from "@/lib/domain/article-import.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import type { AuditContext } from "@/lib/server/audit.ts";

/**
 * Imports files and folders from disk (command line and seed): a folder contributes its .txt
 * and .md files in name order; each file gets its own outcome.
 */
export async function importPaths(ctx: AuditContext, investigationId: string, paths: string[]): Promise<ImportOutcome[]> {
  const files: string[] = [];
  const missing: ImportOutcome[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) {
      missing.push({ name: p, status: "failed", error: `${p}: no such file or folder.` });
    } else if (info.isDirectory()) {
      const names = (await readdir(p)).filter((n) => IMPORTABLE_EXTENSIONS.some((e) => n.toLowerCase().endsWith(e)));
      files.push(...names.sort().map((n) => path.join(p, n)));
    } else {
      files.push(p);
    }
  }
  const items = await Promise.all(
    files.map(async (file) => {
      const name = path.basename(file);
      const size = (await stat(file)).size;
      // Read no more than needed to know it is too large.
      const bytes = size > MAX_ARTICLE_BYTES ? new Uint8Array(size) : new Uint8Array(await readFile(file));
      return { name, result: parseArticleFile(name, bytes) };
    }),
  );
  return [...missing, ...(await importParsedArticles(ctx, investigationId, items))];
}
