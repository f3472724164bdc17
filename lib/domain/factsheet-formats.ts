/**
 * The fact sheet in the formats people use. Each is a pure function of the sheet, so the same
 * data gives the same bytes: no clock, no locale, no random order.
 */
import { KIND_LABELS, RESOLUTION_LABELS } from "@/lib/domain/conflicts.ts";
import {
  type Citation,
  citationsOf,
  type ClaimDecision,
  type CompetingValue,
  type DayRange,
  FACT_STATUS_LABELS,
  type Fact,
  type FactSheet,
  type Source,
  VERDICT_LABELS,
  type Verdict,
} from "@/lib/domain/factsheet.ts";
import { dateInSentence, isRelativeDate } from "@/lib/domain/relative-dates.ts";

export const FACTSHEET_FORMATS = ["md", "json", "csv", "html", "jsonld"] as const;
export type FactSheetFormat = (typeof FACTSHEET_FORMATS)[number];

export const FORMAT_INFO: Record<FactSheetFormat, { label: string; mime: string; ext: string }> = {
  md: { label: "Markdown", mime: "text/markdown; charset=utf-8", ext: "md" },
  json: { label: "JSON", mime: "application/json; charset=utf-8", ext: "json" },
  csv: { label: "CSV", mime: "text/csv; charset=utf-8", ext: "csv" },
  html: { label: "Printable page", mime: "text/html; charset=utf-8", ext: "html" },
  jsonld: { label: "JSON-LD", mime: "application/ld+json; charset=utf-8", ext: "jsonld" },
};

/** `<slug>-factsheet-<yyyymmdd>.<ext>`, dated by the sheet's time stamp (not the clock). */
export function factSheetFileName(sheet: FactSheet, format: FactSheetFormat): string {
  return `${sheet.investigation.slug}-factsheet-${sheet.generatedAt.slice(0, 10).replaceAll("-", "")}.${FORMAT_INFO[format].ext}`;
}

/**
 * Where the app is served (its public address): JSON-LD links each review to its entry on the fact
 * sheet page. `pretty` (the default) indents JSON and JSON-LD by two spaces; `false` writes them
 * compact, on one line.
 */
export type RenderOptions = { siteUrl?: string; pretty?: boolean };
export const DEFAULT_SITE_URL = "http://localhost:3000";

/** The whole text at once (see `factSheetChunks` to write it as it is made). */
export function renderFactSheet(sheet: FactSheet, format: FactSheetFormat, options: RenderOptions = {}): string {
  const gap = options.pretty === false ? "" : "  ";
  switch (format) {
    case "md":
      return toMarkdown(sheet);
    case "json":
      return `${JSON.stringify(sheet, null, gap)}\n`;
    case "csv":
      return toCsv(sheet);
    case "html":
      return toHtml(sheet);
    case "jsonld":
      return `${JSON.stringify(toJsonLd(sheet, options), null, gap)}\n`;
  }
}

/**
 * The sheet in a format as it is written: chunks of about CHUNK_SIZE characters that, joined, are
 * `renderFactSheet`'s text, byte for byte — the same lines and rows joined a chunk at a time, JSON
 * written a part at a time. Made as they are asked for, so the whole text is never held at once.
 */
export function* factSheetChunks(sheet: FactSheet, format: FactSheetFormat, options: RenderOptions = {}): Generator<string> {
  const gap = options.pretty === false ? "" : "  ";
  switch (format) {
    case "md":
      return yield* markdownDocument(markdownLines(sheet));
    case "json":
      return yield* chunked(jsonDocument(sheet, gap));
    case "csv":
      return yield* chunked(csvDocument(sheet));
    case "html":
      return yield* chunked(htmlDocument(sheet));
    case "jsonld":
      return yield* chunked(jsonDocument(toJsonLd(sheet, options), gap));
  }
}

/** The chunks as a stream of UTF-8 bytes, each made when the reader asks for it (an HTTP response's body). */
export function factSheetStream(sheet: FactSheet, format: FactSheetFormat, options: RenderOptions = {}): ReadableStream<Uint8Array> {
  const chunks = factSheetChunks(sheet, format, options);
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      chunks.return(undefined);
    },
  });
}

/** About how many characters (UTF-16 code units) each chunk holds. */
export const CHUNK_SIZE = 64 * 1024;

/**
 * Pieces gathered into chunks of about CHUNK_SIZE characters, each joined at once (a string grown a
 * piece at a time costs more to encode than to write); a piece of half that or more goes as it is.
 */
function* chunked(pieces: Iterable<string>): Generator<string> {
  let chunk: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    if (piece.length >= CHUNK_SIZE / 2) {
      // Long enough to go as it is, without copying.
      if (size) yield chunk.join("");
      yield piece;
      chunk = [];
      size = 0;
      continue;
    }
    chunk.push(piece);
    size += piece.length;
    if (size >= CHUNK_SIZE) {
      yield chunk.join("");
      chunk = [];
      size = 0;
    }
  }
  if (size) yield chunk.join("");
}

// ---------------------------------------------------------------------------------------------
// JSON and JSON-LD: JSON.stringify's text, written a part at a time

/**
 * Arrays and objects holding more values than this are written member by member, smaller ones
 * whole; the small members of a big array in runs of about this many values, each run by one
 * JSON.stringify (fewer, longer pieces: joining many short ones costs more than writing them).
 */
const JSON_PART = 2048;

/** What is left of `budget` after counting the values `value` holds (itself included); negative once it runs out. */
function weigh(value: unknown, budget: number): number {
  budget--;
  if (budget < 0 || value === null || typeof value !== "object") return budget;
  for (const member of Array.isArray(value) ? value : Object.values(value)) {
    budget = weigh(member, budget);
    if (budget < 0) break;
  }
  return budget;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const unwritten = (value: unknown) => value === undefined || typeof value === "function" || typeof value === "symbol";

/**
 * `JSON.stringify(value, null, gap)` in parts, the same text: a big array or object is written a
 * member (or a run of small members) at a time, by JSON.stringify itself, indented to where it sits
 * (JSON text holds no line break but those of its indentation, so indenting is adding to each).
 */
function* jsonParts(value: unknown, gap: string, indent: string): Generator<string> {
  const whole =
    value === null ||
    typeof value !== "object" ||
    typeof (value as { toJSON?: unknown }).toJSON === "function" ||
    weigh(value, JSON_PART) >= 0;
  if (whole) {
    const text = JSON.stringify(value, null, gap);
    yield gap && indent ? text.replaceAll("\n", `\n${indent}`) : text;
    return;
  }
  const inner = indent + gap;
  const open = gap ? `\n${inner}` : "";
  const close = gap ? `\n${indent}` : "";
  if (Array.isArray(value)) {
    // Big, so not empty. A run of small members is written as an array whose brackets are cut off:
    // `[`, its line break and indentation before each member, and a line break before the `]`.
    const members: unknown[] = value;
    let from = 0;
    let weight = 0;
    function* run(to: number) {
      const text = JSON.stringify(members.slice(from, to), null, gap).slice(1, gap ? -2 : -1);
      yield from ? "," : "[";
      yield gap && indent ? text.replaceAll("\n", `\n${indent}`) : text;
    }
    for (let i = 0; i < members.length; i++) {
      const left = weigh(members[i], JSON_PART);
      if (left >= 0) {
        weight += JSON_PART - left;
        if (weight >= JSON_PART) {
          yield* run(i + 1);
          from = i + 1;
          weight = 0;
        }
        continue;
      }
      if (from < i) yield* run(i);
      yield i ? `,${open}` : `[${open}`;
      yield* jsonParts(members[i], gap, inner);
      from = i + 1;
      weight = 0;
    }
    if (from < members.length) yield* run(members.length);
    yield `${close}]`;
  } else {
    const members = Object.entries(value).filter(([, member]) => !unwritten(member));
    if (!members.length) return yield "{}";
    for (const [i, [key, member]] of members.entries()) {
      yield `${i ? "," : "{"}${open}${JSON.stringify(key)}:${gap ? " " : ""}`;
      yield* jsonParts(member, gap, inner);
    }
    yield `${close}}`;
  }
}

/** A JSON document: the value's JSON text and a final line break. */
function* jsonDocument(value: unknown, gap: string): Generator<string> {
  yield* jsonParts(value, gap, "");
  yield "\n";
}

/** The fact sheet page, and the fragment of a claim's entry on it (the same anchor in the HTML and Markdown exports). */
export const factSheetPageUrl = (sheet: FactSheet, siteUrl = DEFAULT_SITE_URL) =>
  `${siteUrl.replace(/\/+$/, "")}/investigations/${encodeURIComponent(sheet.investigation.slug)}/factsheet`;
export const claimAnchor = (c: Citation) => `claim-${c.id}`;

const sourceLine = (s: Source) => [s.outlet, s.author, s.published ? humanDay(s.published) : s.publishedText].filter(Boolean).join(", ");

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-03-01" → "1 March 2026": a day as people write it, the same whatever the reader's locale. */
export function humanDay(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTH_NAMES[m! - 1]} ${y}`;
}

/** "2026-03-01T12:05:09.898Z" → "1 March 2026, 12:05 UTC". */
export const humanMoment = (iso: string) => `${humanDay(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;

const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The days a date covers as people write them: "14 July 2025", "July 2025", "2025", "1 July 2025 – 30 September 2025". */
export function dayRangeLabel({ start, end }: DayRange): string {
  if (start === end) return humanDay(start);
  const [y1, m1, d1] = start.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split("-").map(Number) as [number, number, number];
  if (y1 === y2 && d1 === 1 && m1 === 1 && m2 === 12 && d2 === 31) return String(y1);
  if (y1 === y2 && m1 === m2 && d1 === 1 && d2 === lastDayOf(y2, m2)) return `${MONTH_NAMES[m1 - 1]} ${y1}`;
  return `${humanDay(start)} – ${humanDay(end)}`;
}

/**
 * A value's as-of date inside a sentence: "as of late 2023"; a relative one with the days it
 * means, "as of last July (July 2025)"; one that could not be placed in time flagged, "as of this
 * week (date unresolved)". Null without an as-of.
 */
export function asOfPhrase(v: { asOf: string | null; asOfRange: DayRange | null }): string | null {
  if (!v.asOf) return null;
  const text = dateInSentence(v.asOf);
  if (!v.asOfRange) return `as of ${text} (date unresolved)`;
  return isRelativeDate(v.asOf) ? `as of ${text} (${dayRangeLabel(v.asOfRange)})` : `as of ${text}`;
}

/** How a citation names its source: "Reuters, 24 February 2026"; without an outlet, by its title; without a date, "undated". */
export function sourceCitation(s: Source): string {
  return `${s.outlet ?? `“${s.title}”`}, ${s.published ? humanDay(s.published) : (s.publishedText ?? "undated")}`;
}

/** What a fact's open conflicts ask: "open conflict 1 asks whether $183 billion belongs to AI industry or Anthropic". */
export function openQuestions(f: Fact, sheet: FactSheet): string {
  return f.conflicts.map((n) => `open conflict ${n} ${sheet.conflicts[n - 1]?.question ?? ""}`.trimEnd()).join("; ");
}

/** "Accepted one claim by Rafael on 1 March 2026: “…”". */
export const resolutionText = (r: NonNullable<Fact["resolution"]>, quote: (s: string) => string = (t) => t) =>
  `${RESOLUTION_LABELS[r.kind]} by ${quote(r.reviewer)} on ${humanDay(r.date)}: “${quote(r.rationale)}”`;

/** The decisions behind a value's citations, each once, leaving out the one a resolved fact already states. */
function decisionsOf(citations: Citation[], except: Fact["resolution"] = null, verdicts?: Verdict[]): ClaimDecision[] {
  const seen = new Set<string>();
  const same = (d: ClaimDecision) =>
    except && d.kind === except.kind && d.reviewer === except.reviewer && d.date === except.date && d.rationale === except.rationale;
  return citations
    .flatMap((c) => c.decisions)
    .filter((d) => (!verdicts || verdicts.includes(d.verdict)) && !same(d))
    .filter((d) => {
      const key = JSON.stringify([d.verdict, d.kind, d.reviewer, d.date, d.rationale]);
      return !seen.has(key) && seen.add(key);
    });
}

/** "rejected by Rafael on 2026-01-31: “Annual report.”" */
const decisionText = (d: ClaimDecision, quote: (s: string) => string) =>
  `${VERDICT_LABELS[d.verdict].toLowerCase()}${d.value !== null ? ` as ${quote(d.value)}` : ""} by ${quote(d.reviewer)} on ${humanDay(d.date)}: “${quote(d.rationale)}”`;

// ---------------------------------------------------------------------------------------------
// Markdown (CommonMark, with a GFM table that plain CommonMark shows one row per line)

/**
 * Text a reader wrote, safe inside Markdown: every ASCII character CommonMark or GFM could read as
 * markup (emphasis, links, images, tables, HTML, entity references, autolinks) is backslash-escaped,
 * so it shows as typed and makes no link or HTML of its own.
 */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~&!]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, " ");
}

/** The same at the start of a line, where a leading "1." "-" "+" ">" or "=" would open a block. */
const mdLine = (text: string) =>
  mdText(text)
    .replace(/^(\d+)([.)])/, "$1\\$2")
    .replace(/^([-+=])/, "\\$1");

/** A source's address as a link only when it is http(s), with anything that could end the link percent-encoded. */
function mdUrl(url: string): string {
  if (!/^https?:\/\//i.test(url)) return mdText(url);
  return `<${url.replace(/[\s<>\\]/g, (c) => encodeURIComponent(c))}>`;
}

const mdRefs = (citations: Citation[]) => citations.map((c) => `[\\[${c.n}\\]](#${claimAnchor(c)})`).join("");

function mdValue(v: { value: string | null; asOf: string | null; asOfRange: DayRange | null }): string {
  const asOf = asOfPhrase(v);
  return `${mdText(v.value ?? "")}${asOf ? ` (${mdText(asOf)})` : ""}`;
}

const mdDecisions = (decisions: ClaimDecision[]) =>
  decisions.length ? ` — ${decisions.map((d) => decisionText(d, mdText)).join("; ")}` : "";

function mdFact(f: Fact, sheet: FactSheet): string[] {
  const lines: string[] = [];
  const head = `- **${mdText(f.attribute)}**`;
  const decided = f.resolution ? ` — ${lowerFirst(resolutionText(f.resolution, mdText))}` : "";
  if (f.status === "contested" && f.value === null) {
    lines.push(`${head} — *contested*: ${mdText(openQuestions(f, sheet))}. The sources give ${f.competing.length} values:${decided}`);
    for (const v of f.competing) lines.push(`  - ${mdValue(v)} ${mdRefs(v.citations)}${mdDecisions(decisionsOf(v.citations))}`);
  } else {
    // Contested with one value: the question is about something else (whose figure it is); say which.
    const status =
      f.status === "contested" ? `*contested*: ${mdText(openQuestions(f, sheet))}` : `*${FACT_STATUS_LABELS[f.status].toLowerCase()}*`;
    lines.push(
      `${head}: ${mdValue(f)} — ${status}${decided} ${mdRefs(f.citations)}${mdDecisions(decisionsOf(f.citations, f.resolution))}`.trimEnd(),
    );
  }
  for (const r of f.rejected) {
    lines.push(
      `  - set aside (${r.status}): ${mdValue(r)} ${mdRefs(r.citations)}${mdDecisions(decisionsOf(r.citations, null, ["rejected", "superseded"]))}`,
    );
  }
  return lines;
}

/** The Markdown document line by line, to be joined by `markdownDocument`. */
function* markdownLines(sheet: FactSheet): Generator<string> {
  yield* [`# Fact sheet: ${mdText(sheet.investigation.title)}`, ""];
  if (sheet.investigation.description) yield* [mdLine(sheet.investigation.description), ""];
  yield* [
    `As of ${humanMoment(sheet.generatedAt)} (the investigation's last change). Each fact says how sure the team is:`,
    "**confirmed** (two or more sources agree), **single source**, **resolved** (settled by a reviewer,",
    "with the reason) or **contested** (a question still open, said in words). Numbers in brackets are",
    "citations: the exact words of a source, listed at the end.",
    "",
  ];

  yield* ["## Facts", ""];
  if (sheet.facts.length === 0) yield* ["No claims recorded yet.", ""];
  let entity: string | null = null;
  for (const f of sheet.facts) {
    if (f.entity !== entity) {
      if (entity !== null) yield "";
      yield* [`### ${mdText(f.entity)}`, ""];
      entity = f.entity;
    }
    yield* mdFact(f, sheet);
  }
  if (sheet.facts.length) yield "";

  const citations = citationsOf(sheet);
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  if (sheet.timelines.length) {
    yield* ["## Timelines", ""];
    for (const t of sheet.timelines) {
      yield* [`### ${mdText(t.entity)} · ${mdText(t.attribute)}`, ""];
      for (const p of t.points) yield `- ${humanDay(p.date)}: ${mdText(p.value)} ${mdRefs(p.citations.map((n) => byNumber.get(n)!))}`;
      yield "";
    }
  }

  yield* ["## Open conflicts", ""];
  if (sheet.conflicts.length === 0) yield* ["None: every disagreement found so far is settled.", ""];
  for (const c of sheet.conflicts) {
    yield `${c.n}. **${KIND_LABELS[c.kind]}** — ${c.entities.map(mdText).join(", ")}: ${mdText(upperFirst(c.question))}.${c.kind === "manual" ? "" : ` ${mdText(c.summary)}`}`;
    for (const v of c.values) yield `   - ${mdValue(v)} ${mdRefs(v.citations)}`;
  }
  if (sheet.conflicts.length) yield "";

  // The entities after the facts: who is who matters once the facts have been read.
  yield* ["## Entities", ""];
  if (sheet.entities.length === 0) yield* ["None recorded.", ""];
  else {
    // Two trailing spaces end each row: GFM ignores them, plain CommonMark makes them line breaks, so the rows stay apart.
    yield* ["| Entity | Kind | Also written |  ", "| --- | --- | --- |  "];
    for (const e of sheet.entities) yield `| ${mdText(e.name)} | ${e.kind} | ${e.aliases.map(mdText).join(", ") || "—"} |  `;
    yield "";
  }

  yield* ["## Sources", ""];
  for (const s of sheet.sources) {
    const about = sourceLine(s);
    yield `${s.n}. ${mdText(s.title)}${about ? ` — ${mdText(about)}` : ""}${s.url ? ` ${mdUrl(s.url)}` : ""}`;
  }
  yield "";

  if (citations.length) {
    // A list (one item per citation, numbered as cited), each item opening with the anchor its [n] links to.
    yield* ["## Citations", ""];
    const sources = new Map(sheet.sources.map((s) => [s.n, s]));
    for (const c of citations) {
      const as = c.as ? ` (naming it “${mdText(c.as)}”)` : "";
      const s = sources.get(c.source)!;
      const cited = mdText(sourceCitation(s));
      const where = s.url && /^https?:\/\//i.test(s.url) ? `[${cited}](${mdUrl(s.url)})` : `${cited} (source ${c.source})`;
      yield `${c.n}. <a id="${claimAnchor(c)}"></a>“${mdText(c.quote)}”${as} — ${where}`;
    }
    yield "";
  }
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export const toMarkdown = (sheet: FactSheet): string =>
  `${Array.from(markdownLines(sheet))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;

/**
 * Lines joined as `lines.join("\n")` would join them, with every run of blank lines made one and
 * the white space at the end made one line break — written as it goes, in chunks. White space is
 * held back until text follows it, so no chunk needs taking back.
 */
export function* markdownDocument(lines: Iterable<string>): Generator<string> {
  let held = "";
  let batch: string[] = [];
  let size = 0;
  let first = true;
  const flush = () => {
    const text = `${held}${first ? "" : "\n"}${batch.join("\n")}`;
    first = false;
    batch = [];
    size = 0;
    let end = text.length;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    held = text.slice(end);
    return text.slice(0, end).replace(/\n{3,}/g, "\n\n");
  };
  for (const line of lines) {
    batch.push(line);
    size += line.length + 1;
    if (size >= CHUNK_SIZE) {
      const text = flush();
      if (text) yield text;
    }
  }
  if (batch.length) {
    const text = flush();
    if (text) yield text;
  }
  yield "\n";
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet apps read “ ’ € as written)

export const CSV_COLUMNS = [
  "fact",
  "entity",
  "attribute",
  "status",
  "role",
  "value",
  "reading",
  "as_of",
  "as_of_start",
  "as_of_end",
  "resolution",
  "rationale",
  "reviewer",
  "decided_on",
  "open_questions",
  "citation",
  "claim_id",
  "quote",
  "start",
  "end",
  "claim_verdict",
  "claim_decided_by",
  "claim_decided_on",
  "claim_rationale",
  "source",
  "source_title",
  "outlet",
  "author",
  "published",
  "url",
] as const;

/** Cells a spreadsheet could run as a formula (OWASP, CSV injection), and the guard's own mark. */
const GUARDED = /^[=+\-@\t\r\n\0']/;

/**
 * One cell. The formula guard: a cell whose text begins with = + - @ a tab, a carriage return, a
 * line feed, NUL — or an apostrophe — gets one apostrophe in front, so no spreadsheet runs it. Since
 * a cell that already began with an apostrophe gets one too, the rule reverses exactly: drop the
 * first character of every cell that begins with an apostrophe and you have the words as written
 * (csvCellText). A cell is quoted when it holds a comma, a semicolon (the separator in many
 * locales), a quote or a line break.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (GUARDED.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The words of a cell as written, from its unquoted text (the formula guard undone). */
export const csvCellText = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);

/** The CSV file, a fact's rows at a time. */
function* csvDocument(sheet: FactSheet): Generator<string> {
  const sources = new Map(sheet.sources.map((s) => [s.n, s]));
  let rows: (string | number | null)[][] = [];
  const row = (
    f: Fact,
    role: string,
    v: { value: string | null; reading: string | null; asOf: string | null; asOfRange: DayRange | null },
    c: Citation | null,
    d: ClaimDecision | null,
  ) => {
    const s = c ? sources.get(c.source)! : null;
    rows.push([
      f.n,
      f.entity,
      f.attribute,
      f.status,
      role,
      v.value,
      v.reading,
      v.asOf,
      v.asOfRange?.start ?? null,
      v.asOfRange?.end ?? null,
      f.resolution?.kind ?? null,
      f.resolution?.rationale ?? null,
      f.resolution?.reviewer ?? null,
      f.resolution?.date ?? null,
      f.conflicts.length ? openQuestions(f, sheet) : null,
      c?.n ?? null,
      c?.id ?? null,
      c?.quote ?? null,
      c?.start ?? null,
      c?.end ?? null,
      d?.verdict ?? null,
      d?.reviewer ?? null,
      d?.date ?? null,
      d?.rationale ?? null,
      s?.n ?? null,
      s?.title ?? null,
      s?.outlet ?? null,
      s?.author ?? null,
      s?.published ?? s?.publishedText ?? null,
      s?.url ?? null,
    ]);
  };
  // One row per fact, citation and decision on the cited claim (one row when it has none).
  const each = (f: Fact, role: string, v: CompetingValue | Fact, citations: Citation[]) => {
    if (!citations.length) return row(f, role, v, null, null);
    for (const c of citations) {
      if (!c.decisions.length) row(f, role, v, c, null);
      for (const d of c.decisions) row(f, role, v, c, d);
    }
  };
  yield `\uFEFF${CSV_COLUMNS.map(csvCell).join(",")}\r\n`;
  for (const f of sheet.facts) {
    if (f.status === "contested") f.competing.forEach((v) => each(f, "competing", v, v.citations));
    else each(f, "supports", f, f.citations);
    for (const r of f.rejected) each(f, r.status, r, r.citations);
    yield rows.map((r) => `${r.map(csvCell).join(",")}\r\n`).join("");
    rows = [];
  }
}

export const toCsv = (sheet: FactSheet): string => Array.from(csvDocument(sheet)).join("");

// ---------------------------------------------------------------------------------------------
// Printable HTML

const esc = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const hrefOk = (url: string) => /^https?:\/\//i.test(url);

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.55 Georgia, "Times New Roman", serif; color: #1e293b; max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; }
h1, h2, h3 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; color: #0f172a; }
h1 { font-size: 1.7rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #cbd5e1; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.meta, .legend { font: 13px/1.5 system-ui, sans-serif; color: #475569; }
table { border-collapse: collapse; width: 100%; font: 13px/1.4 system-ui, sans-serif; }
th, td { text-align: left; border-bottom: 1px solid #e2e8f0; padding: .3rem .5rem .3rem 0; vertical-align: top; }
ul.facts { list-style: none; padding: 0; } ul.facts > li { margin: .35rem 0; }
.status { font: 600 11px/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em; padding: .15rem .35rem; border-radius: .25rem; border: 1px solid; }
.confirmed { color: #065f46; border-color: #6ee7b7; } .single_source { color: #334155; border-color: #cbd5e1; }
.resolved { color: #1e3a8a; border-color: #93c5fd; } .contested { color: #9a3412; border-color: #fdba74; background: #fff7ed; }
.decision { font-size: 13px; color: #334155; } .aside { font-size: 13px; color: #64748b; }
ol.citations li { margin: .25rem 0; font-size: 13px; }
a { color: #3730a3; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; } a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 9pt; color: #475569; }
  h2 { break-after: avoid; } li, tr { break-inside: avoid; }
  @page { margin: 18mm 16mm; }
}`;

/** The printable page line by line. */
function* htmlLines(sheet: FactSheet): Generator<string> {
  const cites = (citations: Citation[]) => citations.map((c) => `<sup><a href="#${claimAnchor(c)}">[${c.n}]</a></sup>`).join("");
  const decided = (decisions: ClaimDecision[]) =>
    decisions.map((d) => `<div class="decision">${esc(decisionText(d, (t) => t).replace(/^./, (c) => c.toUpperCase()))}</div>`).join("");
  const value = (v: { value: string | null; asOf: string | null; asOfRange: DayRange | null }) => {
    const asOf = asOfPhrase(v);
    return `<strong>${esc(v.value ?? "")}</strong>${asOf ? ` <span class="aside">(${esc(asOf)})</span>` : ""}`;
  };
  const questions = (f: Fact) =>
    f.conflicts.map((n) => `<a href="#k${n}">open conflict ${n}</a> ${esc(sheet.conflicts[n - 1]?.question ?? "")}`).join("; ");
  const status = (s: Fact["status"]) => `<span class="status ${s}">${FACT_STATUS_LABELS[s]}</span>`;
  yield* [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Fact sheet: ${esc(sheet.investigation.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>Fact sheet: ${esc(sheet.investigation.title)}</h1>`,
  ];
  if (sheet.investigation.description) yield `<p>${esc(sheet.investigation.description)}</p>`;
  yield* [
    `<p class="meta">As of <time datetime="${esc(sheet.generatedAt)}">${humanMoment(sheet.generatedAt)}</time> (the investigation's last change).</p>`,
    `<p class="legend">${status("confirmed")} two or more sources agree · ${status("single_source")} one source · ${status("resolved")} settled by a reviewer, with the reason · ${status("contested")} a question still open, said in words. Bracketed numbers are citations: the exact words of a source.</p>`,
  ];

  yield "<h2>Facts</h2>";
  if (!sheet.facts.length) yield "<p>No claims recorded yet.</p>";
  let entity: string | null = null;
  for (const f of sheet.facts) {
    if (f.entity !== entity) {
      if (entity !== null) yield "</ul>";
      yield* [`<h3>${esc(f.entity)}</h3>`, '<ul class="facts">'];
      entity = f.entity;
    }
    yield `<li>${esc(f.attribute)}: `;
    const decision = f.resolution ? `<div class="decision">${esc(resolutionText(f.resolution))}</div>` : "";
    if (f.status === "contested" && f.value === null) {
      yield `${status(f.status)} <span class="aside">${questions(f)}. The sources give ${f.competing.length} values:</span><ul>`;
      for (const v of f.competing) yield `<li>${value(v)} ${cites(v.citations)}${decided(decisionsOf(v.citations))}</li>`;
      yield `</ul>${decision}`;
    } else {
      yield `${value(f)} ${status(f.status)} ${cites(f.citations)}`;
      // Contested with one value: the question is about something else (whose figure it is); say which.
      if (f.status === "contested") yield `<div class="aside">Still open: ${questions(f)}.</div>`;
      yield decision;
      yield decided(decisionsOf(f.citations, f.resolution));
    }
    for (const r of f.rejected) {
      yield `<div class="aside">Set aside (${r.status}): ${esc(r.value)} ${cites(r.citations)}${decided(decisionsOf(r.citations, null, ["rejected", "superseded"]))}</div>`;
    }
    yield "</li>";
  }
  if (entity !== null) yield "</ul>";

  const citationOf = new Map(citationsOf(sheet).map((c) => [c.n, c]));
  if (sheet.timelines.length) {
    yield "<h2>Timelines</h2>";
    for (const t of sheet.timelines) {
      yield* [`<h3>${esc(t.entity)} · ${esc(t.attribute)}</h3>`, "<table><tbody>"];
      for (const p of t.points) {
        yield `<tr><td>${humanDay(p.date)}</td><td>${esc(p.value)} ${cites(p.citations.map((n) => citationOf.get(n)!))}</td></tr>`;
      }
      yield "</tbody></table>";
    }
  }

  yield "<h2>Open conflicts</h2>";
  if (!sheet.conflicts.length) yield "<p>None: every disagreement found so far is settled.</p>";
  else {
    yield "<ol>";
    for (const c of sheet.conflicts) {
      yield `<li id="k${c.n}"><strong>${esc(KIND_LABELS[c.kind])}</strong> — ${esc(c.entities.join(", "))}: ${esc(upperFirst(c.question))}.${c.kind === "manual" ? "" : ` ${esc(c.summary)}`}<ul>`;
      for (const v of c.values) yield `<li>${value(v)} ${cites(v.citations)}</li>`;
      yield "</ul></li>";
    }
    yield "</ol>";
  }

  // The entities after the facts: who is who matters once the facts have been read.
  yield "<h2>Entities</h2>";
  if (sheet.entities.length) {
    yield "<table><thead><tr><th>Entity</th><th>Kind</th><th>Also written</th></tr></thead><tbody>";
    for (const e of sheet.entities) yield `<tr><td>${esc(e.name)}</td><td>${e.kind}</td><td>${esc(e.aliases.join(", ")) || "—"}</td></tr>`;
    yield "</tbody></table>";
  } else yield "<p>None recorded.</p>";

  yield* ["<h2>Sources</h2>", "<ol>"];
  for (const s of sheet.sources) {
    const about = sourceLine(s);
    const title = s.url && hrefOk(s.url) ? `<a href="${esc(s.url)}">${esc(s.title)}</a>` : esc(s.title);
    yield `<li id="s${s.n}">${title}${about ? ` — ${esc(about)}` : ""}</li>`;
  }
  yield "</ol>";

  const citations = citationsOf(sheet);
  if (citations.length) {
    yield* ["<h2>Citations</h2>", '<ol class="citations">'];
    for (const c of citations) {
      const s = sheet.sources[c.source - 1]!;
      const href = s.url && hrefOk(s.url) ? esc(s.url) : `#s${c.source}`;
      yield `<li id="${claimAnchor(c)}" value="${c.n}">“${esc(c.quote)}”${c.as ? ` (naming it “${esc(c.as)}”)` : ""} — <a href="${href}">${esc(sourceCitation(s))}</a></li>`;
    }
    yield "</ol>";
  }
  yield* ["</body>", "</html>"];
}

function* htmlDocument(sheet: FactSheet): Generator<string> {
  for (const line of htmlLines(sheet)) yield `${line}\n`;
}

export const toHtml = (sheet: FactSheet): string => `${Array.from(htmlLines(sheet)).join("\n")}\n`;

// ---------------------------------------------------------------------------------------------
// JSON-LD: schema.org ClaimReview for every decided claim, W3C Web Annotations for the quotes

/**
 * The rating scale of the ClaimReviews (worst 1, best 5), one step per verdict. A claim a reviewer
 * accepts, or finds valid beside another at its own date, is true; one set aside is false; one the
 * reviewer replaced by a reconciled value is partly true; one the reviewer found not to disagree
 * with the others (not a conflict; the other side was an annotation mistake) is not contradicted,
 * which says less than true: nobody checked it against a better source.
 */
export const CLAIM_RATINGS: Record<Verdict, { value: 1 | 3 | 4 | 5; name: string }> = {
  accepted: { value: 5, name: "True" },
  both_valid: { value: 5, name: "True" },
  not_contradicted: { value: 4, name: "Not contradicted" },
  reconciled: { value: 3, name: "Partly true" },
  rejected: { value: 1, name: "False" },
  superseded: { value: 1, name: "False" },
};

/** At most this many characters of a quote in `claimReviewed` (it names the claim; the annotation holds it whole). */
const CLAIM_WORDS = 200;
const shortQuote = (quote: string) => {
  const chars = [...quote];
  return chars.length <= CLAIM_WORDS
    ? quote
    : `${chars
        .slice(0, CLAIM_WORDS - 1)
        .join("")
        .trimEnd()}…`;
};

/** RFC 6920 name of a text by its SHA-256: `ni:///sha-256;<base64url>`. */
function niName(sha256Hex: string): string {
  const bytes = sha256Hex
    .match(/../g)!
    .map((h) => String.fromCharCode(parseInt(h, 16)))
    .join("");
  return `ni:///sha-256;${btoa(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}

const isDay = (text: string | null): text is string => text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text);

/**
 * Identifiers are built from what a restore under a new slug keeps — the investigation's creation
 * time and each claim's stable name (its article's text hash and position) — so a copy says the
 * same things about the same nodes. Links (`url`) point at this copy's own page.
 */
export function toJsonLd(sheet: FactSheet, options: RenderOptions = {}): Record<string, unknown> {
  const page = factSheetPageUrl(sheet, options.siteUrl);
  const base = `urn:crosscheck:investigation:${sheet.investigation.createdAt}`;
  const sources = new Map(sheet.sources.map((s) => [s.n, s]));
  const sourceIds = new Map<number, string>();
  const sourceId = (s: Source) => {
    let id = sourceIds.get(s.n);
    if (id === undefined) sourceIds.set(s.n, (id = s.url ?? niName(s.sha256)));
    return id;
  };
  const article = (s: Source) => ({
    "@type": "NewsArticle",
    "@id": sourceId(s),
    ...(s.url && { url: s.url }),
    headline: s.title,
    ...(s.author && { author: { "@type": "Person", name: s.author } }),
    ...(s.outlet && { publisher: { "@type": "Organization", name: s.outlet } }),
    ...(isDay(s.published) && { datePublished: s.published }),
  });
  // Who made the claim: the article's author, else its outlet.
  const claimant = (s: Source) =>
    s.author ? { "@type": "Person", name: s.author } : s.outlet ? { "@type": "Organization", name: s.outlet } : null;
  const citations = citationsOf(sheet);
  const reviews = citations.flatMap((c) =>
    c.decisions.map((d, i) => {
      const s = sources.get(c.source)!;
      const rating = CLAIM_RATINGS[d.verdict];
      const author = claimant(s);
      return {
        "@type": "ClaimReview",
        "@id": `${base}:review:${c.id}${i ? `:${i + 1}` : ""}`,
        url: `${page}#${claimAnchor(c)}`,
        claimReviewed: shortQuote(c.quote),
        itemReviewed: {
          "@type": "Claim",
          appearance: article(s),
          ...(author && { author }),
          ...(isDay(s.published) && { datePublished: s.published }),
        },
        author: { "@type": "Person", name: d.reviewer },
        datePublished: d.date,
        reviewBody: d.rationale,
        reviewRating: {
          "@type": "Rating",
          ratingValue: rating.value,
          bestRating: 5,
          worstRating: 1,
          alternateName: `${rating.name} (${VERDICT_LABELS[d.verdict].toLowerCase()}${d.value !== null ? ` as “${d.value}”` : ""})`,
        },
      };
    }),
  );
  const labels = new Map<number, string>();
  for (const f of sheet.facts) {
    for (const c of f.citations)
      labels.set(c.n, `${f.entity} · ${f.attribute}: ${f.value ?? ""} (${FACT_STATUS_LABELS[f.status].toLowerCase()})`);
    for (const v of f.competing) for (const c of v.citations) labels.set(c.n, `${f.entity} · ${f.attribute}: ${v.value} (contested)`);
    for (const v of f.rejected) for (const c of v.citations) labels.set(c.n, `${f.entity} · ${f.attribute}: ${v.value} (${v.status})`);
  }
  const annotations = citations.map((c) => ({
    id: `${base}:claim:${c.id}`,
    type: "Annotation",
    motivation: "describing",
    body: { type: "TextualBody", value: labels.get(c.n) ?? "", format: "text/plain" },
    target: {
      source: sourceId(sources.get(c.source)!),
      // TextPositionSelector counts Unicode code points (Web Annotation Data Model §4.2.5), as the sheet does.
      selector: [
        { type: "TextQuoteSelector", exact: c.quote, prefix: c.prefix, suffix: c.suffix },
        { type: "TextPositionSelector", start: c.start, end: c.end },
      ],
    },
  }));
  return {
    "@context": [
      "https://schema.org",
      // schema.org types dateModified as a Date; the sheet's time stamp is an instant.
      { xsd: "http://www.w3.org/2001/XMLSchema#", dateModified: { "@id": "http://schema.org/dateModified", "@type": "xsd:dateTime" } },
    ],
    "@graph": [
      {
        "@type": "Dataset",
        "@id": base,
        url: page,
        name: `Fact sheet: ${sheet.investigation.title}`,
        dateModified: sheet.generatedAt,
        hasPart: reviews.map((r) => ({ "@id": r["@id"] })),
      },
      ...reviews,
      {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        id: `${base}:annotations`,
        type: "AnnotationCollection",
        label: `Claims of ${sheet.investigation.title}`,
        total: annotations.length,
        first: { id: `${base}:annotations:page:1`, type: "AnnotationPage", items: annotations },
      },
    ],
  };
}
