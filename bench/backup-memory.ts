/**
 * Memory of backup and restore (`npm run bench:memory`): for BENCH_ARTICLES articles of about
 * 2 MB (default 40), the JavaScript heap in use after writing the backup and after restoring it
 * (each after a full garbage collection), and the highest seen. Compare two sizes to see what
 * grows with the investigation: writing stays flat; restoring, as of this writing, does not
 * (about 2.5× the restored bytes stay in the heap until the process ends, on both engines).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MAX_ARTICLE_BYTES, parseArticleText } from "@/lib/domain/article-import.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { restoreBackup, writeBackup } from "@/lib/server/backup.ts";
import { installDatabase, openDatabase } from "@/lib/server/database.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { migrate } from "@/lib/server/migrate.ts";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 40);
const SYSTEM = { actorId: null, requestId: "bench" };
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const heapLimit = (await import("node:v8")).getHeapStatistics().heap_size_limit;

// On disk, so that the database's own pages are not counted against the process.
const dir = mkdtempSync(path.join(tmpdir(), "crosscheck-bench-"));
// BENCH_DATABASE_URL: an empty PostgreSQL database instead of embedded PGlite.
const database = openDatabase(
  process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : { dataDir: path.join(dir, "pglite") },
);
await migrate(database);
installDatabase(database);
const demo = readdirSync("seed/articles")
  .map((n) => readFileSync(`seed/articles/${n}`, "utf8"))
  .join("\n\n");
const body = demo.repeat(Math.floor((MAX_ARTICLE_BYTES * 0.95) / Buffer.byteLength(demo)));
const inv = await createInvestigation(SYSTEM, { title: "A heavy investigation" });
for (let i = 0; i < ARTICLES; i++) {
  await importParsedArticles(SYSTEM, inv.id, [
    { name: `${i}.txt`, result: parseArticleText(`${i}.txt`, `Title: Article ${i}\n\n${i}\n${body}`) },
  ]);
}
globalThis.gc?.();
console.log(`imported ${ARTICLES} articles; heap in use ${mb(process.memoryUsage().heapUsed)}`);
const file = path.join(dir, "heavy.json");
try {
  let started = Date.now();
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 2);
  await writeBackup(inv.id, file);
  const size = statSync(file).size;
  globalThis.gc?.();
  console.log(
    `backup:  ${ARTICLES} articles, ${mb(size)} file in ${((Date.now() - started) / 1000).toFixed(1)} s; heap in use after ${mb(process.memoryUsage().heapUsed)}`,
  );
  started = Date.now();
  const report = await restoreBackup(SYSTEM, file, { slug: "heavy-copy" });
  console.log(`restore: ${report.counts.articles} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  clearInterval(sample);
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`heap: limit ${mb(heapLimit)}, highest in use ${mb(peak)}, in use after the restore ${mb(process.memoryUsage().heapUsed)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await database.close();
}
