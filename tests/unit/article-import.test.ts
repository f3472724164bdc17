import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  MAX_ARTICLE_BYTES,
  parseArticleFile,
  parseArticleText,
  parsePublicationDate,
  UPLOAD_BATCH_BYTES,
  uploadBatches,
} from "@/lib/domain/article-import.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

function parsed(text: string) {
  const result = parseArticleText("test.txt", text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("header lines", () => {
  test("fill the article's fields and are not part of the body", () => {
    const { article, warnings } = parsed(
      "Title: Valuation talk\nSource: Example Wire\nAuthor: A. Writer\nURL: https://example.com/a\nPublished: 2025-12-03\n\nFirst paragraph.\n\nSecond.",
    );
    expect(article).toMatchObject({
      title: "Valuation talk",
      outlet: "Example Wire",
      author: "A. Writer",
      url: "https://example.com/a",
      publishedText: "2025-12-03",
      body: "First paragraph.\n\nSecond.",
    });
    expect(article.publishedAt?.toISOString()).toBe("2025-12-03T00:00:00.000Z");
    expect(warnings).toEqual([]);
  });

  test("without a closing blank line are ordinary text", () => {
    const { article } = parsed("Title: not a header\nbecause the text runs on");
    expect(article.body).toBe("Title: not a header\nbecause the text runs on");
    expect(article.title).toBe("Title: not a header");
  });

  test("a date that cannot be read is kept as written, with a warning", () => {
    const { article, warnings } = parsed("Published: sometime last spring\n\nBody.");
    expect(article.publishedText).toBe("sometime last spring");
    expect(article.publishedAt).toBeNull();
    expect(warnings[0]).toMatch(/not understood/);
  });

  test("a URL that is not a web address is dropped with a warning", () => {
    const { article, warnings } = parsed("URL: javascript:alert(1)\n\nBody.");
    expect(article.url).toBeNull();
    expect(warnings[0]).toMatch(/not a web address/);
  });

  test("a URL is stored as the URL standard writes it, so no export can read more into it", () => {
    expect(parsed('URL: HTTPS://Example.ORG/News/a b?q="x"\n\nBody.').article.url).toBe("https://example.org/News/a%20b?q=%22x%22");
    expect(parsed("URL: https://example.org/a<b>c\n\nBody.").article.url).toBe("https://example.org/a%3Cb%3Ec");
  });
});

describe("without a header", () => {
  test("the first line is the title, bullet and markdown marks removed, and the body keeps every line", () => {
    expect(parsed("# A heading\n\nText.").article.title).toBe("A heading");
    const { article } = parsed("• A bullet first line\n  • more\n\nText.");
    expect(article.title).toBe("A bullet first line");
    expect(article.body.startsWith("• A bullet first line")).toBe(true);
  });

  test("a paragraph-long first line is cut to a readable title", () => {
    const title = parsed(`${"word ".repeat(60)}end.\n\nMore.`).article.title;
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith("…")).toBe(true);
  });
});

describe("normalisation", () => {
  test("the body is NFC, with Windows line endings and a byte-order mark removed", () => {
    const decomposed = "Cafe\u0301 owner said\r\nSecond line";
    const { article } = parsed(`\uFEFF${decomposed}`);
    expect(article.body).toBe("Café owner said\nSecond line");
    expect(article.body.normalize("NFC")).toBe(article.body);
  });
});

describe("refusals name the file", () => {
  test.each([
    ["empty.txt", bytes(""), /empty\.txt: the file is empty/],
    ["blank.txt", bytes("  \n\n  "), /blank\.txt: has no article text/],
    ["photo.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /photo\.txt: looks like a binary file/],
    ["latin1.txt", new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), /latin1\.txt: is not UTF-8/],
    ["report.pdf", bytes("%PDF-1.4"), /report\.pdf: only \.txt and \.md/],
    ["big.txt", new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61), /big\.txt: is 2\.0 MB; the limit is 2 MB/],
    ["header-only.md", bytes("Title: Only a header\n\n"), /header-only\.md: has no article text after its header/],
  ])("%s", (name, content, message) => {
    const result = parseArticleFile(name, content);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  test("a file of exactly 2 MB is accepted", () => {
    expect(parseArticleFile("edge.txt", new Uint8Array(MAX_ARTICLE_BYTES).fill(0x61)).ok).toBe(true);
  });
});

describe("publication dates", () => {
  test.each([
    ["2025-12-03", "2025-12-03"],
    ["2025-12-03T23:30:00Z", "2025-12-03"],
    ["December 3, 2025", "2025-12-03"],
    ["Wednesday, Dec 3 2025", "2025-12-03"],
    ["3 December 2025", "2025-12-03"],
    ["3rd Dec. 2025", "2025-12-03"],
  ])("%s → %s", (text, iso) => {
    expect(parsePublicationDate(text)?.toISOString().slice(0, 10)).toBe(iso);
  });

  test.each(["2025-02-30", "Smarch 3, 2025", "yesterday", "2025", "0050-06-01", "June 1, 0999"])("%s is not a date", (text) => {
    expect(parsePublicationDate(text)).toBeNull();
  });
});

describe("the demo articles", () => {
  const dir = "seed/articles";
  test.each(readdirSync(dir))("%s imports with a title and its whole text", (name) => {
    const raw = readFileSync(`${dir}/${name}`);
    const result = parseArticleFile(name, new Uint8Array(raw));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.title.length).toBeGreaterThan(10);
    expect(result.article.body).toBe(raw.toString("utf8").normalize("NFC").replace(/\r\n?/g, "\n").trim());
  });
});

describe("uploads in parts", () => {
  test("files at the size limit go several to a request, never more than a request may carry", () => {
    const files = Array.from({ length: 50 }, (_, i) => ({ name: `${i}.txt`, size: MAX_ARTICLE_BYTES - i }));
    const batches = uploadBatches(files);
    expect(batches.flat()).toEqual(files);
    for (const batch of batches) expect(batch.reduce((sum, f) => sum + f.size, 0)).toBeLessThanOrEqual(UPLOAD_BATCH_BYTES);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(50 / 3));
  });

  test("small files go in one request", () => {
    expect(uploadBatches([{ size: 10 }, { size: 20 }, { size: 30 }])).toHaveLength(1);
    expect(uploadBatches([])).toEqual([]);
    expect(uploadBatches(Array.from({ length: 120 }, () => ({ size: 1 }))).map((b) => b.length)).toEqual([50, 50, 20]);
  });
});
