import { readFileSync, readdirSync } from "node:fs";
import { bench, describe } from "vitest";
import { articleBlocks } from "@/lib/domain/article-blocks.ts";
import { MAX_ARTICLE_BYTES, parseArticleFile } from "@/lib/domain/article-import.ts";

// The largest article accepted: demo copy repeated up to the 2 MB limit.
const demo = readdirSync("seed/articles")
  .map((n) => readFileSync(`seed/articles/${n}`, "utf8"))
  .join("\n\n");
const big = demo.repeat(Math.floor(MAX_ARTICLE_BYTES / Buffer.byteLength(demo)));
const bigBytes = new TextEncoder().encode(big);

describe("import a 2 MB article", () => {
  bench("parse (decode, validate, normalise)", () => {
    parseArticleFile("big.txt", bigBytes);
  });
  bench("lay out for the reader", () => {
    articleBlocks(big);
  });
});
