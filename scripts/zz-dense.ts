import { readFileSync, readdirSync } from "node:fs";
import { MAX_ARTICLE_BYTES, parseArticleText } from "@/lib/domain/article-import.ts";
import { suggestClaims } from "@/lib/domain/suggest.ts";
import { suggestNames } from "@/lib/domain/entity-suggest.ts";
const bodies: string[] = [];
for (const story of ["twitter-musk-deal-2022", "valencia-floods-2024"]) {
  const dir = `tests/corpus/${story}/articles`;
  for (const f of readdirSync(dir).sort()) {
    const p = parseArticleText(f, readFileSync(`${dir}/${f}`, "utf8"));
    if (p.ok) bodies.push(p.article.body);
  }
}
const one = bodies.join("\n\n");
const big = one.repeat(Math.floor(MAX_ARTICLE_BYTES / Buffer.byteLength(one)));
console.log("bytes", Buffer.byteLength(big));
for (let i = 0; i < 3; i++) {
  const body = `${big}\n${i}`;
  let t = performance.now();
  const r = suggestClaims({ article: { id: "x", body, publishedAt: new Date("2025-01-01") }, entities: [], claims: [] });
  const c = performance.now() - t;
  t = performance.now();
  const n = suggestNames({ body, entities: [] });
  console.log("claims", Math.round(c), "ms", (r as any).length ?? Object.keys(r), "names", Math.round(performance.now() - t), "ms");
}
