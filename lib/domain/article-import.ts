/**
 * Reading an article file or pasted text into the fields Crosscheck stores. Pure: the caller
 * hashes and saves. The body is NFC-normalised here once and never rewritten afterwards, because
 * claim anchors are offsets into it.
 */
import { DATELINE } from "@/lib/domain/text.ts";

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/**
 * What one upload request carries at most. A request body passes through the proxy, which
 * reads at most 10 MB of it; larger uploads are sent as several requests, one after another.
 */
export const UPLOAD_BATCH_BYTES = 8 * 1024 * 1024;
/** A batch larger than this is imported as a job, off the request (see lib/server/jobs.ts). */
export const IMPORT_JOB_BYTES = 1024 * 1024;

/** How many files one upload request may carry (the action's schema refuses more). */
export const UPLOAD_BATCH_FILES = 50;

/** Files in the order chosen, grouped so that no group holds more than `max` bytes or 50 files. */
export function uploadBatches<F extends { size: number }>(files: F[], max = UPLOAD_BATCH_BYTES): F[][] {
  const batches: F[][] = [];
  let size = 0;
  for (const file of files) {
    const last = batches.at(-1);
    if (last && last.length < UPLOAD_BATCH_FILES && size + file.size <= max) {
      last.push(file);
      size += file.size;
    } else {
      batches.push([file]);
      size = file.size;
    }
  }
  return batches;
}
export const IMPORTABLE_EXTENSIONS = [".txt", ".md"] as const;
const MAX_TITLE = 300;
const MAX_DERIVED_TITLE = 120;
const MAX_FIELD = 500;

export type ParsedArticle = {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedText: string | null;
  /** UTC midnight of the publication date, or null when none was given or understood. */
  publishedAt: Date | null;
  body: string;
};

/** What happened to one file (or paste) of an import batch. */
export type ImportOutcome =
  | { name: string; status: "imported"; articleId: string; title: string; warnings: string[] }
  | { name: string; status: "duplicate"; articleId: string; title: string }
  | { name: string; status: "failed"; error: string };

export type ParseResult = { ok: true; article: ParsedArticle; warnings: string[] } | { ok: false; error: string };

const HEADER_KEYS: Record<string, keyof ParsedArticle> = {
  title: "title",
  source: "outlet",
  outlet: "outlet",
  author: "author",
  by: "author",
  url: "url",
  published: "publishedText",
  date: "publishedText",
};
const HEADER_LINE = /^(title|source|outlet|author|by|url|published|date)\s*:\s*(.*)$/i;
const BULLET = /^\s*(?:[-*•‣◦▪–]|\d{1,3}[.)])\s+/u;

/** Reads an uploaded file's bytes: refuses what is not a readable text article, by name. */
export function parseArticleFile(fileName: string, bytes: Uint8Array): ParseResult {
  const name = fileName.trim() || "(unnamed file)";
  const lower = name.toLowerCase();
  if (!IMPORTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
    return { ok: false, error: `${name}: only .txt and .md files can be imported.` };
  }
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    return { ok: false, error: `${name}: is ${formatBytes(bytes.byteLength)}; the limit is 2 MB per article.` };
  }
  if (bytes.byteLength === 0) return { ok: false, error: `${name}: the file is empty.` };
  if (looksBinary(bytes)) {
    return { ok: false, error: `${name}: looks like a binary file, not text. Save the article as plain text (.txt or .md).` };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: `${name}: is not UTF-8 text. Re-save it with UTF-8 encoding and import it again.` };
  }
  return parseArticleText(name, text);
}

/**
 * Reads pasted text (or decoded file text). `label` names it in messages. What the header leaves
 * out is taken from the text's own byline, dateline and date lines (`guessSource`) unless
 * `guess` is false (a form that already offered those guesses to the person).
 */
export function parseArticleText(label: string, rawText: string, { guess = true }: { guess?: boolean } = {}): ParseResult {
  if (new TextEncoder().encode(rawText).byteLength > MAX_ARTICLE_BYTES) {
    return { ok: false, error: `${label}: is larger than 2 MB; the limit is 2 MB per article.` };
  }
  if (rawText.includes("\u0000")) {
    return { ok: false, error: `${label}: contains binary data, not text.` };
  }
  const text = rawText
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");
  const lines = text.split("\n");
  const fields: Partial<Record<keyof ParsedArticle, string>> = {};
  const warnings: string[] = [];

  let bodyStart = 0;
  let i = 0;
  while (i < lines.length && HEADER_LINE.test(lines[i] ?? "")) {
    const [, key = "", value = ""] = (lines[i] ?? "").match(HEADER_LINE) ?? [];
    const field = HEADER_KEYS[key.toLowerCase()];
    if (field && value.trim()) fields[field] = value.trim();
    i++;
  }
  // A header counts only when a blank line (or the end) closes it; otherwise it is body text.
  if (i > 0 && (i === lines.length || (lines[i] ?? "").trim() === "")) {
    bodyStart = i;
  } else {
    for (const key of Object.keys(fields)) delete fields[key as keyof ParsedArticle];
  }

  const body = trimBlankLines(lines.slice(bodyStart).join("\n"));
  if (body.trim() === "") {
    return { ok: false, error: `${label}: has no article text${bodyStart > 0 ? " after its header" : ""}.` };
  }

  if (guess) {
    const found = guessSource(body);
    const read: [keyof SourceGuess, string][] = [
      ["outlet", "Outlet"],
      ["author", "Author"],
      ["publishedText", "Publication date"],
      ["url", "URL"],
    ];
    for (const [field, name] of read) {
      const value = found[field];
      if (fields[field] || !value) continue;
      fields[field] = value;
      warnings.push(`${name} “${value}” was read from the text; check it under Source on the article page.`);
    }
  }
  // Without a header the first line stands in as the title; a whole paragraph is cut short.
  const title = fields.title ? clip(fields.title, MAX_TITLE) : clip(titleFromBody(body), MAX_DERIVED_TITLE);
  const written = fields.url ? fields.url.trim() : null;
  const url = written ? normalizeWebAddress(written) : null;
  if (written && !url) warnings.push(`URL “${clip(written, MAX_FIELD)}” is not a web address; it was left out.`);
  const publishedText = fields.publishedText ? clip(fields.publishedText, 100) : null;
  const publishedAt = publishedText ? parsePublicationDate(publishedText) : null;
  if (publishedText && !publishedAt) {
    warnings.push(`Published date “${publishedText}” was not understood; it is kept as written.`);
  }
  return {
    ok: true,
    warnings,
    article: {
      title,
      outlet: fields.outlet ? clip(fields.outlet, MAX_FIELD) : null,
      // "Author: By Ana Ruiz" is a byline copied whole: the citation adds its own "by".
      author: fields.author ? clip(fields.author.replace(/^by\s+(?=\S)/i, ""), MAX_FIELD) : null,
      url,
      publishedText,
      publishedAt,
      body,
    },
  };
}

/** What the text itself says about where it came from, read from its first lines. */
export type SourceGuess = { outlet: string | null; author: string | null; publishedText: string | null; url: string | null };

/** How many of the first non-blank lines a byline, dateline or date is looked for in. */
const GUESS_LINES = 15;
/** A person's name as bylines write it: two to five words, each capitalised or a particle ("de", "van"). */
const PERSON = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|del|der|di|du|la|le|van|von|bin|al|el)\s+)*\p{Lu}[\p{L}'’.-]*){1,4}`;
const PEOPLE = String.raw`${PERSON}(?:(?:,\s*|\s+and\s+|\s*&\s*)${PERSON})*`;
// Case matters in names, so "by" is spelled out in both cases rather than matched case-insensitively.
const BY_LINE = new RegExp(String.raw`^[Bb][Yy]\s+(${PEOPLE})\s*(?:[,|·•–—-].*)?$`, "u");
const PERSON_ONLY = new RegExp(String.raw`^(${PEOPLE})$`, "u");
const READ_TIME = /^\d+\s*min(?:ute)?s?\.?\s*read\b/i;
const DATE_PREFIX = /^(?:published|posted|updated|first published|last updated)(?:\s+on)?\s*:?\s*/i;
const TIME_TAIL = /(?:\s*(?:,|at|·|\|)\s*)\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|UTC[+-]?\d*)?\s*$/i;

/**
 * Outlet, author, publication date and address as the article's own first lines give them: a
 * byline ("By Ana Ruiz", "Ana Ruiz · 4 min read"), a wire dateline ("WASHINGTON (Reuters) —"), a
 * line that is a date ("Published March 3, 2026, 9:30 a.m. ET"), a line that is an address.
 * Used to prefill what an import asks for; a person checks it.
 */
export function guessSource(body: string): SourceGuess {
  const guess: SourceGuess = { outlet: null, author: null, publishedText: null, url: null };
  const lines = body
    .split("\n")
    .map((l) => l.replace(BULLET, "").trim())
    .filter(Boolean)
    .slice(0, GUESS_LINES);
  for (const line of lines) {
    if (line.length > 160) {
      const agency = !guess.outlet && wireAgency(line);
      if (agency) guess.outlet = clip(agency, MAX_FIELD);
      continue;
    }
    // "Ana Ruiz · 3 Dec 2025 · 4 min read": a name beside a date or a reading time is a byline.
    const parts = line.split(/\s*[·|•]\s*/);
    const byline =
      line.match(BY_LINE) ??
      (parts.length > 1 && parts.slice(1).some((p) => READ_TIME.test(p) || parsePublicationDate(p)) ? parts[0]!.match(PERSON_ONLY) : null);
    if (byline && !guess.author) guess.author = clip(byline[1]!, MAX_FIELD);
    const agency = !guess.outlet && wireAgency(line);
    if (agency) guess.outlet = clip(agency, MAX_FIELD);
    if (!guess.url && /^https?:\/\/\S+$/i.test(line)) guess.url = normalizeWebAddress(line);
    if (!guess.publishedText) {
      // The line, or one of its parts between separators, that is a date and nothing else.
      for (const part of [line, ...parts]) {
        const text = part.replace(DATE_PREFIX, "").trim();
        const day = parsePublicationDate(text) ? text : text.replace(TIME_TAIL, "").trim();
        if (text.length <= 60 && parsePublicationDate(day)) {
          guess.publishedText = day;
          break;
        }
      }
    }
  }
  return guess;
}

/** The agency a wire dateline names ("WASHINGTON, March 3 (Reuters) —" → "Reuters"), read as the rest of the app reads datelines. */
const wireAgency = (line: string): string | null => DATELINE.exec(line)?.groups?.agency?.trim() || null;

/** A line that reads as a headline: short, not a list item, not ending as a sentence does, not a byline or a date. */
const isHeadline = (line: string) =>
  line.length >= 12 &&
  line.length <= 150 &&
  !BULLET.test(line) &&
  !/[.!?,;:…]["”’)]?$/.test(line.trim()) &&
  !BY_LINE.test(line.trim()) &&
  !PERSON_ONLY.test(line.trim()) &&
  !parsePublicationDate(line.replace(DATE_PREFIX, ""));

/**
 * The title a text without a header gives itself: its first headline among its first lines
 * (summary bullets often come first), else its first line, cut short by the caller.
 */
function titleFromBody(body: string): string {
  const lines = body
    .split("\n")
    .map((line) => line.replace(/^#+\s*/, "").trim())
    .filter(Boolean);
  const headline = lines.slice(0, GUESS_LINES).find(isHeadline);
  return (headline ?? lines[0] ?? "").replace(BULLET, "").trim();
}

function trimBlankLines(text: string): string {
  return text
    .replace(/^(?:[ \t]*\n)+/, "")
    .replace(/(?:\n[ \t]*)+$/, "")
    .replace(/\s+$/, "");
}

function clip(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, " ");
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * An http(s) address as the URL standard writes it (`new URL(u).href`: scheme and host in lower
 * case, spaces and quotes percent-encoded), or null for anything else, including addresses
 * too long to be real. Stored this way, every export writes one well-formed address.
 */
export function normalizeWebAddress(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.href.length <= MAX_FIELD ? url.href : null;
  } catch {
    return null;
  }
}

/** NUL bytes or many control characters in the first 8 KB: not an article. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control / sample.length > 0.1;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A publication date as UTC midnight of the day written: "2025-12-03", "2025-12-03T09:30Z",
 * "December 3, 2025", "3 Dec 2025". Anything else is null (kept as text by the caller).
 */
const TIMED_PUBLICATION = /^(\d{4})-(\d{2})-(\d{2})[T ]([\d:.]+)(Z|[+-]\d{2}:?\d{2})$/;

/** Whether a header's date gives a time with its offset ("2024-10-30T09:40:00+01:00"), kept to the minute. */
export const publicationHasTime = (text: string) => TIMED_PUBLICATION.test(text.trim());

export function parsePublicationDate(text: string): Date | null {
  const t = text.trim();
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  let match = t.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ]([\d:.]+)(Z|[+-]\d{2}:?\d{2})?)?$/);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A time with its offset is kept to the minute: claims hold "as reported" then.
  if (match?.[4] && match[5]) {
    const instant = Date.parse(
      `${match[1]}-${match[2]}-${match[3]}T${match[4]}${match[5].length === 5 ? `${match[5].slice(0, 3)}:${match[5].slice(3)}` : match[5]}`,
    );
    if (Number.isFinite(instant)) return new Date(instant);
  }
  if (y === undefined) {
    match = t.match(/^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/);
    if (match) [m, d, y] = [monthNumber(match[1] ?? ""), Number(match[2]), Number(match[3])];
  }
  if (y === undefined) {
    match = t.match(/^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/);
    if (match) [d, m, y] = [Number(match[1]), monthNumber(match[2] ?? ""), Number(match[3])];
  }
  // Date.UTC reads years 0–99 as 1900–1999, and no news article was published before 1000.
  if (y === undefined || y < 1000 || m === undefined || d === undefined || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

function monthNumber(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index === -1 ? undefined : index + 1;
}
