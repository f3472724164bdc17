import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ClaimList } from "@/components/annotator/claim-list.tsx";
import type { ReaderClaim } from "@/lib/server/claims.ts";

const claims: ReaderClaim[] = Array.from({ length: 200 }, (_, i) => ({
  id: `c${i}`,
  version: 1,
  status: "active",
  subject: { id: `e${i}`, name: `Station ${i}`, kind: "place" },
  subjectText: `Station ${i}`,
  attribute: "rainfall",
  attributeLabel: "Rainfall",
  valueKind: "number",
  valueText: String(1000 + i),
  reading: String(1000 + i),
  quote: String(1000 + i),
  anchor: { start: i * 10, end: i * 10 + 4, method: "position", score: 1 },
  createdBy: null,
  updatedAt: new Date(0),
  conflicts: [],
}));

describe("the reader's claim list as the server draws it", () => {
  test("holds the first entries, and counts them all: the rest are drawn in the browser", () => {
    const html = renderToString(
      createElement(ClaimList, { claims, orphans: [], selectedId: null, onOpen: () => {}, describe: (c: ReaderClaim) => c.id }),
    );
    const entries = html.match(/<li>/g)?.length ?? 0;
    expect(entries).toBeGreaterThanOrEqual(20);
    expect(entries).toBeLessThan(50);
    expect(html).toContain("Station 0 · Rainfall");
    expect(html).not.toContain("Station 199 · Rainfall");
    expect(html).toMatch(/Claims in this article.*\(.*200.*\)/);
  });

  test("says how many claims it leaves out, for readers without JavaScript", () => {
    const render = (n: number) =>
      renderToString(
        createElement(ClaimList, {
          claims: claims.slice(0, n),
          orphans: [],
          selectedId: null,
          onOpen: () => {},
          describe: (c: ReaderClaim) => c.id,
        }),
      ).replace(/<!-- -->/g, "");
    const entries = (render(200).match(/<li>/g) ?? []).length;
    expect(render(200)).toContain(`and ${200 - entries} more claims`);
    expect(render(entries + 1)).toContain("and 1 more claim<");
    // All of them drawn: nothing to say.
    expect(render(entries)).not.toContain("more claim");
  });
});
