import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, bench, describe } from "vitest";
import { MAX_ARTICLE_BYTES, parseArticleText } from "@/lib/domain/article-import.ts";
import { importParsedArticles } from "@/lib/server/articles.ts";
import { restoreBackup, writeBackup } from "@/lib/server/backup.ts";
import { installDatabase, openDatabase } from "@/lib/server/database.ts";
import { createInvestigation } from "@/lib/server/investigations.ts";
import { migrate } from "@/lib/server/migrate.ts";

/**
 * Time to back up and restore an investigation of 40 articles of about 2 MB (~76 MB of file).
 * Memory is measured by bench/backup-memory.ts (`npm run bench:memory`).
 */
const ARTICLES = 40;
const SYSTEM = { actorId: null, requestId: "bench" };
const database = openDatabase({ dataDir: "memory://" });
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
const dir = mkdtempSync(path.join(tmpdir(), "crosscheck-bench-"));
const file = path.join(dir, "heavy.json");
let copies = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`backup of ${ARTICLES} articles of ~2 MB`, () => {
  bench(
    "write the backup file",
    async () => {
      await writeBackup(inv.id, file);
    },
    { iterations: 3, warmupIterations: 0, time: 0 },
  );
  bench(
    "restore it under a new slug",
    async () => {
      await restoreBackup(SYSTEM, file, { slug: `heavy-copy-${++copies}` });
    },
    { iterations: 2, warmupIterations: 0, time: 0 },
  );
});
