/**
 * The reader's layout of an article body: paragraphs, headings and bullet lists, each keeping
 * the offsets (UTF-16 code units) of its text in the stored body, so highlights can be laid
 * over it later without the body ever being rewritten.
 */

export type TextRange = { start: number; end: number };
export type ListItem = TextRange & { depth: number };
export type Block = ({ kind: "paragraph" } & TextRange) | ({ kind: "heading" } & TextRange) | { kind: "list"; items: ListItem[] };

const BULLET = /^(\s*)(?:[-*•‣◦▪–]|\d{1,3}[.)])\s+/u;
const MARKDOWN_HEADING = /^#{1,6}\s+/;

type Line = { text: string; start: number; end: number };

export function articleBlocks(body: string): Block[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const text of body.split("\n")) {
    lines.push({ text, start: offset, end: offset + text.length });
    offset += text.length + 1;
  }
  const blocks: Block[] = [];
  lines.forEach((line, index) => {
    if (line.text.trim() === "") return;
    const bullet = line.text.match(BULLET);
    if (bullet) {
      const item: ListItem = {
        start: line.start + bullet[0].length,
        end: line.start + line.text.trimEnd().length,
        depth: (bullet[1] ?? "").replace(/\t/g, "  ").length >= 2 ? 1 : 0,
      };
      const last = blocks.at(-1);
      if (last?.kind === "list" && lines[index - 1]?.text.trim() !== "") last.items.push(item);
      else if (last?.kind === "list" && isListContinuation(lines, index)) last.items.push(item);
      else blocks.push({ kind: "list", items: [item] });
      return;
    }
    const leading = line.text.length - line.text.trimStart().length;
    const heading = line.text.match(MARKDOWN_HEADING);
    const start = line.start + (heading ? heading[0].length : leading);
    const end = line.start + line.text.trimEnd().length;
    blocks.push({ kind: heading || looksLikeHeading(lines, index) ? "heading" : "paragraph", start, end });
  });
  return blocks;
}

function isListContinuation(lines: Line[], index: number): boolean {
  // Items separated by one blank line still form one list.
  return lines[index - 1]?.text.trim() === "" && BULLET.test(lines[index - 2]?.text ?? "");
}

/** A short line standing alone between blank lines, without closing punctuation: a subhead. */
function looksLikeHeading(lines: Line[], index: number): boolean {
  const text = lines[index]?.text.trim() ?? "";
  if (index === 0 || text.length > 80 || /[.!?:;,"”’)]$/.test(text)) return false;
  const before = lines[index - 1]?.text.trim() ?? "";
  const after = lines[index + 1]?.text.trim();
  return before === "" && after === "" && index < lines.length - 2 && /^[\p{Lu}\d]/u.test(text);
}
