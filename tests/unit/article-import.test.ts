import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  guessSource,
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

  test("take a byline copied whole into the author line without its “By”", () => {
    expect(parsed("Author: By Bay Chronicle staff\n\nText.").article.author).toBe("Bay Chronicle staff");
    expect(parsed("By: BY ANA RUIZ\n\nText.").article.author).toBe("ANA RUIZ");
    expect(parsed("Author: Byron Lake\n\nText.").article.author).toBe("Byron Lake");
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

describe("what the text says of its source", () => {
  test("bylines give the author, in the forms news sites write them", () => {
    expect(guessSource("By Ana Ruiz and John O'Neil\n\nText.").author).toBe("Ana Ruiz and John O'Neil");
    expect(guessSource("Headline\nBY MARÍA DE LA CRUZ, staff writer\n\nText.").author).toBe("MARÍA DE LA CRUZ");
    expect(guessSource("Headline\n\nJens Scharfenberg\nJens Scharfenberg · 4 min. read\nText.").author).toBe("Jens Scharfenberg");
    // Sentences that open with "by" are not bylines.
    expect(guessSource("By the numbers: five things to know\nby late Tuesday the count had risen.").author).toBeNull();
  });

  test("a wire dateline gives the outlet, a date line the publication date, a bare address the URL", () => {
    expect(guessSource("WASHINGTON (Reuters) — The Pentagon said on Tuesday it would review the deal.").outlet).toBe("Reuters");
    // Datelines as the reader reads them: a country or a state after the place, the day, or none.
    for (const [line, outlet] of [
      ["NEW YORK, March 4 (Reuters) - Shares of the company rose 3% in early trading.", "Reuters"],
      ["KAHRAMANMARAŞ, Turkey, Feb 7 (AP) — Rescuers pulled a child from the rubble on Tuesday.", "AP"],
      ["SAN FRANCISCO, Calif. (AP) — The company said it would cut 200 jobs.", "AP"],
      ["PARIS, France, March 3 (AFP) - The minister resigned on Monday.", "AFP"],
      ["NAIROBI, March 4 — Rescuers reached the village on Monday.", null],
      ["US-China talks (Beijing) - resumed on Monday.", null],
      ["WASHINGTON D.C. (Reuters) — Lawmakers passed the bill on Friday.", "Reuters"],
      ["LONDON, Oct 2 (Reuters)—The bank held rates.", "Reuters"],
    ] as const) {
      expect(guessSource(`Headline\n${line}`).outlet).toBe(outlet);
    }
    expect(guessSource("Headline\nPublished March 3, 2026, 9:30 a.m. ET\n\nText.").publishedText).toBe("March 3, 2026");
    expect(guessSource("Headline\nAna Ruiz · 3 Dec 2025 · 4 min read\n\nText.")).toMatchObject({
      author: "Ana Ruiz",
      publishedText: "3 Dec 2025",
    });
    expect(guessSource("https://Example.com/story\n\nText.").url).toBe("https://example.com/story");
    // A date inside a sentence is what the story tells of, not when it was published.
    expect(guessSource("The deal was signed on March 3, 2026 in Paris.").publishedText).toBeNull();
  });

  test("without a header, the title is the first headline, past summary bullets, bylines and dates", () => {
    const text =
      "• Acme raised $5 million.\n• It plans to hire.\n\nBy Ana Ruiz\nMarch 3, 2026\nAcme Raises $5 Million to Expand\n\nAcme said on Monday it had raised money.";
    expect(parsed(text).article.title).toBe("Acme Raises $5 Million to Expand");
    // With no headline, the first line (cut short) stands in.
    expect(parsed("Acme said on Monday it had raised money.\nMore text.").article.title).toBe("Acme said on Monday it had raised money.");
  });

  test("an import takes what its header leaves out from the text, and says so", () => {
    const { article, warnings } = parsed("Title: T\nSource: The Ledger\n\nBy Ana Ruiz\nWASHINGTON (Reuters) — Text.");
    // The header's outlet wins over the dateline's; the byline fills the author.
    expect(article).toMatchObject({ outlet: "The Ledger", author: "Ana Ruiz" });
    expect(warnings).toEqual(["Author “Ana Ruiz” was read from the text; check it under Source on the article page."]);
    const asked = parseArticleText("Pasted text", "By Ana Ruiz\n\nText.", { guess: false });
    expect(asked.ok && asked.article.author).toBeNull();
  });
});
