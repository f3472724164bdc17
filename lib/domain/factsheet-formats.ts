/**
 * The fact sheet in the formats people use. Each is a pure function of the sheet, so the same
 * data gives the same bytes: no clock, no locale, no random order.
 */
import { KIND_LABELS, RESOLUTION_LABELS } from "@/lib/domain/conflicts.ts";
import {
  type Citation,
  citationsOf,
  type CompetingValue,
  FACT_STATUS_LABELS,
  type Fact,
  type FactSheet,
  type Source,
} from "@/lib/domain/factsheet.ts";

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

export function renderFactSheet(sheet: FactSheet, format: FactSheetFormat): string {
  switch (format) {
    case "md":
      return toMarkdown(sheet);
    case "json":
      return `${JSON.stringify(sheet, null, 2)}\n`;
    case "csv":
      return toCsv(sheet);
    case "html":
      return toHtml(sheet);
    case "jsonld":
      return `${JSON.stringify(toJsonLd(sheet), null, 2)}\n`;
  }
}

const refs = (citations: Citation[]) => citations.map((c) => `[${c.n}]`).join("");
const sourceLine = (s: Source) => [s.outlet, s.author, s.published].filter(Boolean).join(", ");

// ---------------------------------------------------------------------------------------------
// Markdown

/** Text a reader wrote, safe inside Markdown (no accidental emphasis, links, tables or HTML). */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, " ");
}

function mdValue(v: { value: string | null; asOf: string | null }): string {
  return `${mdText(v.value ?? "")}${v.asOf ? ` (as of ${mdText(v.asOf)})` : ""}`;
}

function mdFact(f: Fact): string[] {
  const lines: string[] = [];
  const head = `- **${mdText(f.attribute)}**`;
  if (f.status === "contested") {
    const which = f.conflicts.map((n) => `open conflict ${n}`).join(", ");
    lines.push(`${head} — *contested* (${which}): not settled yet; every value given:`);
    for (const v of f.competing) lines.push(`  - ${mdValue(v)} ${refs(v.citations)}`);
  } else {
    const decided = f.resolution
      ? ` — ${RESOLUTION_LABELS[f.resolution.kind].toLowerCase()} by ${mdText(f.resolution.reviewer)} on ${f.resolution.date}: “${mdText(f.resolution.rationale)}”`
      : "";
    lines.push(`${head}: ${mdValue(f)} — *${FACT_STATUS_LABELS[f.status].toLowerCase()}*${decided} ${refs(f.citations)}`.trimEnd());
  }
  for (const r of f.rejected) lines.push(`  - set aside (${r.status}): ${mdValue(r)} ${refs(r.citations)}`);
  return lines;
}

export function toMarkdown(sheet: FactSheet): string {
  const out: string[] = [];
  out.push(`# Fact sheet: ${mdText(sheet.investigation.title)}`, "");
  if (sheet.investigation.description) out.push(mdText(sheet.investigation.description), "");
  out.push(
    `As of ${sheet.generatedAt} (the investigation's last change). Each fact says how sure the team is:`,
    "**confirmed** (two or more sources agree), **single source**, **resolved** (settled by a reviewer,",
    "with the reason) or **contested** (an open disagreement, with every value given). Numbers in",
    "brackets are citations: the exact words of a source, listed at the end.",
    "",
  );

  out.push("## Entities", "");
  if (sheet.entities.length === 0) out.push("None recorded.", "");
  else {
    out.push("| Entity | Kind | Also written |", "| --- | --- | --- |");
    for (const e of sheet.entities) out.push(`| ${mdText(e.name)} | ${e.kind} | ${e.aliases.map(mdText).join(", ") || "—"} |`);
    out.push("");
  }

  out.push("## Facts", "");
  if (sheet.facts.length === 0) out.push("No claims recorded yet.", "");
  let entity: string | null = null;
  for (const f of sheet.facts) {
    if (f.entity !== entity) {
      if (entity !== null) out.push("");
      out.push(`### ${mdText(f.entity)}`, "");
      entity = f.entity;
    }
    out.push(...mdFact(f));
  }
  if (sheet.facts.length) out.push("");

  if (sheet.timelines.length) {
    out.push("## Timelines", "");
    for (const t of sheet.timelines) {
      out.push(`### ${mdText(t.entity)} · ${mdText(t.attribute)}`, "");
      for (const p of t.points) out.push(`- ${p.date}: ${mdText(p.value)} ${p.citations.map((n) => `[${n}]`).join("")}`);
      out.push("");
    }
  }

  out.push("## Open conflicts", "");
  if (sheet.conflicts.length === 0) out.push("None: every disagreement found so far is settled.", "");
  for (const c of sheet.conflicts) {
    out.push(`${c.n}. **${KIND_LABELS[c.kind]}** — ${c.entities.map(mdText).join(", ")}: ${mdText(c.summary)}`);
    for (const v of c.values) out.push(`   - ${mdValue(v)} ${refs(v.citations)}`);
  }
  if (sheet.conflicts.length) out.push("");

  out.push("## Sources", "");
  for (const s of sheet.sources) {
    const about = sourceLine(s);
    out.push(`${s.n}. ${mdText(s.title)}${about ? ` — ${mdText(about)}` : ""}${s.url ? ` <${s.url}>` : ""}`);
  }
  out.push("");

  const citations = citationsOf(sheet);
  if (citations.length) {
    out.push("## Citations", "");
    for (const c of citations) {
      const as = c.as ? ` (naming it “${mdText(c.as)}”)` : "";
      out.push(`[${c.n}] “${mdText(c.quote)}”${as} — source ${c.source}, characters ${c.start}–${c.end}`);
    }
    out.push("");
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)

export const CSV_COLUMNS = [
  "fact",
  "entity",
  "attribute",
  "status",
  "role",
  "value",
  "reading",
  "as_of",
  "resolution",
  "rationale",
  "reviewer",
  "decided_on",
  "citation",
  "quote",
  "start",
  "end",
  "source",
  "source_title",
  "outlet",
  "author",
  "published",
  "url",
] as const;

/**
 * One cell: quoted when it holds a comma, quote or line break; and a cell a spreadsheet would run
 * as a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(sheet: FactSheet): string {
  const sources = new Map(sheet.sources.map((s) => [s.n, s]));
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]];
  const row = (f: Fact, role: string, v: { value: string | null; reading: string | null; asOf: string | null }, c: Citation | null) => {
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
      f.resolution?.kind ?? null,
      f.resolution?.rationale ?? null,
      f.resolution?.reviewer ?? null,
      f.resolution?.date ?? null,
      c?.n ?? null,
      c?.quote ?? null,
      c?.start ?? null,
      c?.end ?? null,
      s?.n ?? null,
      s?.title ?? null,
      s?.outlet ?? null,
      s?.author ?? null,
      s?.published ?? null,
      s?.url ?? null,
    ]);
  };
  const each = (f: Fact, role: string, v: CompetingValue | Fact, citations: Citation[]) =>
    citations.length ? citations.forEach((c) => row(f, role, v, c)) : row(f, role, v, null);
  for (const f of sheet.facts) {
    if (f.status === "contested") f.competing.forEach((v) => each(f, "competing", v, v.citations));
    else each(f, "supports", f, f.citations);
    for (const r of f.rejected) each(f, r.status, r, r.citations);
  }
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

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
sup a { text-decoration: none; } ol.citations li { margin: .25rem 0; font-size: 13px; }
a { color: #3730a3; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; } a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 9pt; color: #475569; }
  h2 { break-after: avoid; } li, tr { break-inside: avoid; }
  @page { margin: 18mm 16mm; }
}`;

export function toHtml(sheet: FactSheet): string {
  const cites = (citations: Citation[]) =>
    citations.map((c) => `<sup><a href="#c${c.n}">[${c.n}]</a></sup>`).join("");
  const value = (v: { value: string | null; asOf: string | null }) =>
    `<strong>${esc(v.value ?? "")}</strong>${v.asOf ? ` <span class="aside">(as of ${esc(v.asOf)})</span>` : ""}`;
  const status = (s: Fact["status"]) => `<span class="status ${s}">${FACT_STATUS_LABELS[s]}</span>`;
  const h: string[] = [];
  h.push(
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
  );
  if (sheet.investigation.description) h.push(`<p>${esc(sheet.investigation.description)}</p>`);
  h.push(
    `<p class="meta">As of ${esc(sheet.generatedAt)} (the investigation's last change).</p>`,
    `<p class="legend">${status("confirmed")} two or more sources agree · ${status("single_source")} one source · ${status("resolved")} settled by a reviewer, with the reason · ${status("contested")} an open disagreement, with every value given. Bracketed numbers are citations: the exact words of a source.</p>`,
  );

  h.push("<h2>Entities</h2>");
  if (sheet.entities.length) {
    h.push("<table><thead><tr><th>Entity</th><th>Kind</th><th>Also written</th></tr></thead><tbody>");
    for (const e of sheet.entities) h.push(`<tr><td>${esc(e.name)}</td><td>${e.kind}</td><td>${esc(e.aliases.join(", ")) || "—"}</td></tr>`);
    h.push("</tbody></table>");
  } else h.push("<p>None recorded.</p>");

  h.push("<h2>Facts</h2>");
  if (!sheet.facts.length) h.push("<p>No claims recorded yet.</p>");
  let entity: string | null = null;
  for (const f of sheet.facts) {
    if (f.entity !== entity) {
      if (entity !== null) h.push("</ul>");
      h.push(`<h3>${esc(f.entity)}</h3>`, '<ul class="facts">');
      entity = f.entity;
    }
    h.push(`<li>${esc(f.attribute)}: `);
    if (f.status === "contested") {
      h.push(`${status(f.status)} <span class="aside">${f.conflicts.map((n) => `<a href="#k${n}">open conflict ${n}</a>`).join(", ")}</span><ul>`);
      for (const v of f.competing) h.push(`<li>${value(v)} ${cites(v.citations)}</li>`);
      h.push("</ul>");
    } else {
      h.push(`${value(f)} ${status(f.status)} ${cites(f.citations)}`);
      if (f.resolution) {
        h.push(
          `<div class="decision">${esc(RESOLUTION_LABELS[f.resolution.kind])} by ${esc(f.resolution.reviewer)} on ${f.resolution.date}: “${esc(f.resolution.rationale)}”</div>`,
        );
      }
    }
    for (const r of f.rejected) h.push(`<div class="aside">Set aside (${r.status}): ${esc(r.value)} ${cites(r.citations)}</div>`);
    h.push("</li>");
  }
  if (entity !== null) h.push("</ul>");

  if (sheet.timelines.length) {
    h.push("<h2>Timelines</h2>");
    for (const t of sheet.timelines) {
      h.push(`<h3>${esc(t.entity)} · ${esc(t.attribute)}</h3>`, "<table><tbody>");
      for (const p of t.points) {
        h.push(`<tr><td>${p.date}</td><td>${esc(p.value)} ${p.citations.map((n) => `<sup><a href="#c${n}">[${n}]</a></sup>`).join("")}</td></tr>`);
      }
      h.push("</tbody></table>");
    }
  }

  h.push("<h2>Open conflicts</h2>");
  if (!sheet.conflicts.length) h.push("<p>None: every disagreement found so far is settled.</p>");
  else {
    h.push("<ol>");
    for (const c of sheet.conflicts) {
      h.push(`<li id="k${c.n}"><strong>${esc(KIND_LABELS[c.kind])}</strong> — ${esc(c.entities.join(", "))}: ${esc(c.summary)}<ul>`);
      for (const v of c.values) h.push(`<li>${value(v)} ${cites(v.citations)}</li>`);
      h.push("</ul></li>");
    }
    h.push("</ol>");
  }

  h.push("<h2>Sources</h2>", "<ol>");
  for (const s of sheet.sources) {
    const about = sourceLine(s);
    const title = s.url && hrefOk(s.url) ? `<a href="${esc(s.url)}">${esc(s.title)}</a>` : esc(s.title);
    h.push(`<li id="s${s.n}">${title}${about ? ` — ${esc(about)}` : ""}</li>`);
  }
  h.push("</ol>");

  const citations = citationsOf(sheet);
  if (citations.length) {
    h.push("<h2>Citations</h2>", '<ol class="citations">');
    for (const c of citations) {
      h.push(
        `<li id="c${c.n}" value="${c.n}">“${esc(c.quote)}”${c.as ? ` (naming it “${esc(c.as)}”)` : ""} — <a href="#s${c.source}">source ${c.source}</a>, characters ${c.start}–${c.end}</li>`,
      );
    }
    h.push("</ol>");
  }
  h.push("</body>", "</html>");
  return `${h.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// JSON-LD: schema.org ClaimReview for settled disagreements, W3C Web Annotations for the claims

export function toJsonLd(sheet: FactSheet): Record<string, unknown> {
  const base = `urn:crosscheck:${sheet.investigation.slug}`;
  const sources = new Map(sheet.sources.map((s) => [s.n, s]));
  const sourceId = (n: number) => sources.get(n)?.url ?? `${base}:source:${n}`;
  const appearance = (citations: Citation[]) =>
    [...new Set(citations.map((c) => c.source))].map((n) => {
      const s = sources.get(n)!;
      return {
        "@type": "NewsArticle",
        "@id": sourceId(n),
        headline: s.title,
        ...(s.outlet && { publisher: { "@type": "Organization", name: s.outlet } }),
        ...(s.author && { author: { "@type": "Person", name: s.author } }),
        ...(s.published && { datePublished: s.published }),
      };
    });
  const reviews = sheet.facts
    .filter((f) => f.resolution)
    .map((f) => ({
      "@type": "ClaimReview",
      "@id": `${base}:fact:${f.n}`,
      claimReviewed: `${f.entity} · ${f.attribute}: ${[...new Set([f.value, ...f.rejected.map((r) => r.value)])].join(" / ")}`,
      itemReviewed: { "@type": "Claim", appearance: appearance([...f.citations, ...f.rejected.flatMap((r) => r.citations)]) },
      author: { "@type": "Person", name: f.resolution!.reviewer },
      datePublished: f.resolution!.date,
      reviewBody: f.resolution!.rationale,
      reviewRating: { "@type": "Rating", alternateName: `${RESOLUTION_LABELS[f.resolution!.kind]}: ${f.value ?? ""}`.trim() },
    }));
  const labels = new Map<number, string>();
  for (const f of sheet.facts) {
    for (const c of f.citations) labels.set(c.n, `${f.entity} · ${f.attribute}: ${f.value ?? ""} (${FACT_STATUS_LABELS[f.status].toLowerCase()})`);
    for (const v of f.competing) for (const c of v.citations) labels.set(c.n, `${f.entity} · ${f.attribute}: ${v.value} (contested)`);
    for (const v of f.rejected) for (const c of v.citations) labels.set(c.n, `${f.entity} · ${f.attribute}: ${v.value} (${v.status})`);
  }
  const annotations = citationsOf(sheet).map((c) => ({
    id: `${base}:citation:${c.n}`,
    type: "Annotation",
    motivation: "describing",
    body: { type: "TextualBody", value: labels.get(c.n) ?? "", format: "text/plain" },
    target: {
      source: sourceId(c.source),
      selector: [
        { type: "TextQuoteSelector", exact: c.quote, prefix: c.prefix, suffix: c.suffix },
        { type: "TextPositionSelector", start: c.start, end: c.end },
      ],
    },
  }));
  return {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "Dataset",
        "@id": base,
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
