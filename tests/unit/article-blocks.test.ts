import { describe, expect, test } from "vitest";
import { articleBlocks, type Block } from "@/lib/domain/article-blocks.ts";

const text = (body: string, block: Block) =>
  block.kind === "list" ? block.items.map((i) => body.slice(i.start, i.end)) : body.slice(block.start, block.end);

describe("article layout", () => {
  test("paragraphs, a subhead and a bullet list keep their exact text", () => {
    const body = "Intro line one.\n\nKey Takeaways\n\n  • First point.\n  • Second point.\n\nClosing paragraph.";
    const blocks = articleBlocks(body);
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "heading", "list", "paragraph"]);
    expect(blocks.map((b) => text(body, b))).toEqual([
      "Intro line one.",
      "Key Takeaways",
      ["First point.", "Second point."],
      "Closing paragraph.",
    ]);
  });

  test("consecutive lines without blank lines are separate paragraphs", () => {
    const body = "One sentence here.\nAnother line follows.";
    expect(articleBlocks(body).map((b) => text(body, b))).toEqual(["One sentence here.", "Another line follows."]);
  });

  test("offsets count UTF-16 code units, so emoji and accents do not shift later blocks", () => {
    const body = "Emoji 🎉 and e\u0301 here.\n\nAfter them.";
    const last = articleBlocks(body).at(-1)!;
    expect(text(body, last)).toBe("After them.");
  });

  test("a long line with closing punctuation is never a heading", () => {
    const body = "First.\n\nThis ends with a full stop.\n\nLast.";
    expect(articleBlocks(body).every((b) => b.kind === "paragraph")).toBe(true);
  });

  test("list items separated by blank lines form one list", () => {
    const body = "- a\n\n- b\n\n- c";
    const blocks = articleBlocks(body);
    expect(blocks).toHaveLength(1);
    expect(text(body, blocks[0]!)).toEqual(["a", "b", "c"]);
  });
});
