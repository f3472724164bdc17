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

// sentencesOf keeps the last bodies read: a body new to each iteration measures the first read.
let fresh = 0;
const unread = () => `${big}\n${++fresh}`;

describe("suggest claims", () => {
  bench(
    "a 2 MB article read for the first time, learning from the demo's claims",
    () => {
      suggestClaims({ article: { id: "big", body: unread(), publishedAt: new Date("2025-01-01") }, entities, claims });
    },
    { iterations: 3, warmupIterations: 1 },
  );
  bench(
    "a 2 MB article read before, come again as another string (as each request reads it)",
    () => {
      const again = Buffer.from(big, "utf8").toString("utf8");
      suggestClaims({ article: { id: "big", body: again, publishedAt: new Date("2025-01-01") }, entities, claims });
    },
    { iterations: 3, warmupIterations: 1 },
  );
  bench(
    "a 2 MB article read before, learning from the demo's claims",
    () => {
      suggestClaims({ article: { id: "big", body: big, publishedAt: new Date("2025-01-01") }, entities, claims });
    },
    { iterations: 3, warmupIterations: 1 },
  );
});

// News dense with figures (the tuning stories of the evaluation corpus: a takeover's financing, a
// flood's tolls), repeated to 2 MB: about ten times the demo's proposals per megabyte.
const dense = ["twitter-musk-deal-2022", "valencia-floods-2024"]
  .flatMap((story) =>
    readdirSync(`tests/corpus/${story}/articles`)
      .sort()
      .map((file) => {
        const parsed = parseArticleText(file, readFileSync(`tests/corpus/${story}/articles/${file}`, "utf8"));
        if (!parsed.ok) throw new Error(parsed.error);
        return parsed.article.body;
      }),
  )
  .join("\n\n");
const denseBig = dense.repeat(Math.floor(MAX_ARTICLE_BYTES / Buffer.byteLength(dense)));
describe("suggest claims, 2 MB dense with figures", () => {
  bench(
    "read for the first time, nothing recorded",
    () => {
      suggestClaims({
        article: { id: "dense", body: `${denseBig}\n${++fresh}`, publishedAt: new Date("2025-01-01") },
        entities: [],
        claims: [],
      });
    },
    { iterations: 2, warmupIterations: 1 },
  );
});

// A body of one line and no full stop (a table or a list pasted flat): every rule reading its
// value's line or sentence would cost the square of it.
const flat = big.replace(/[.!?]?\s*\n+/g, ", ");
describe("suggest claims and names, 2 MB as one line without a full stop", () => {
  bench(
    "claims then names",
    () => {
      const body = `${flat} ${++fresh}`;
      suggestClaims({ article: { id: "flat", body, publishedAt: new Date("2025-01-01") }, entities, claims });
      suggestNames({ body, entities });
    },
    { iterations: 3, warmupIterations: 1 },
  );
});

describe("suggest names", () => {
  bench(
    "a 2 MB article read for the first time, claims then names",
    () => {
      const body = unread();
      suggestClaims({ article: { id: "big", body, publishedAt: new Date("2025-01-01") }, entities, claims });
      suggestNames({ body, entities });
    },
    { iterations: 3, warmupIterations: 1 },
  );
  bench(
    "a 2 MB article read for the first time, names alone",
    () => {
      suggestNames({ body: unread(), entities });
    },
    { iterations: 3, warmupIterations: 1 },
  );
  bench(
    "a 2 MB article read before, names alone",
    () => {
      suggestNames({ body: big, entities });
    },
    { iterations: 3, warmupIterations: 1 },
  );
  bench(
    "a 2 MB article read before, claims then names",
    () => {
      suggestClaims({ article: { id: "big", body: big, publishedAt: new Date("2025-01-01") }, entities, claims });
      suggestNames({ body: big, entities });
    },
    { iterations: 3, warmupIterations: 1 },
  );
});
