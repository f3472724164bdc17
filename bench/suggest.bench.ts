import { readFileSync, readdirSync } from "node:fs";
import { bench, describe } from "vitest";
import { MAX_ARTICLE_BYTES, parseArticleText } from "@/lib/domain/article-import.ts";
import { suggestNames } from "@/lib/domain/entity-suggest.ts";
import { type RecordedClaim, type SuggestEntity, suggestClaims } from "@/lib/domain/suggest.ts";
import { locateQuote } from "@/seed/demo.ts";
import { DEMO_CLAIMS, DEMO_ENTITIES } from "@/seed/annotations.ts";

// Issue 14: proposals for a 2 MB article in under a second, the demo's claims teaching cues.
const files = readdirSync("seed/articles").sort();
const articles = files.map((file) => {
  const parsed = parseArticleText(file, readFileSync(`seed/articles/${file}`, "utf8"));
  if (!parsed.ok) throw new Error(parsed.error);
  return { file, body: parsed.article.body };
});
const claims: RecordedClaim[] = articles.flatMap(({ file, body }) =>
  (DEMO_CLAIMS[file] ?? []).map((c) => {
    const { start, end } = locateQuote(body, c, file);
    return {
      articleId: file,
      body,
      start,
      end,
      valueText: c.value ?? c.quote,
      valueKind: c.kind ?? "number",
      subjectId: c.subject,
      attribute: c.attribute,
    };
  }),
);
const entities: SuggestEntity[] = DEMO_ENTITIES.map((e) => ({ id: e.name, name: e.name, kind: e.kind, aliases: e.aliases ?? [] }));
const demo = articles.map((a) => a.body).join("\n\n");
const big = demo.repeat(Math.floor(MAX_ARTICLE_BYTES / Buffer.byteLength(demo)));

describe("suggest claims", () => {
  bench(
    "a 2 MB article, learning from the demo's claims",
    () => {
      suggestClaims({ article: { id: "big", body: big, publishedAt: new Date("2025-01-01") }, entities, claims });
    },
    { iterations: 3, warmupIterations: 1 },
  );
});

describe("suggest names", () => {
  bench(
    "a 2 MB article, the demo's entities known",
    () => {
      suggestNames({ body: big, entities });
    },
    { iterations: 3, warmupIterations: 1 },
  );
  bench(
    "a 2 MB article, claims then names (as the reader asks for both)",
    () => {
      suggestClaims({ article: { id: "big", body: big, publishedAt: new Date("2025-01-01") }, entities, claims });
      suggestNames({ body: big, entities });
    },
    { iterations: 3, warmupIterations: 1 },
  );
});
