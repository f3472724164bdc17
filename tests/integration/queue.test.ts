import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/server/database.ts";
import { getConflict, listConflicts, nextOpenConflict, type QueueItem } from "@/lib/server/conflicts.ts";
import { seedDemo } from "@/seed/demo.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();

let investigationId = "";
beforeAll(async () => {
  await seedDemo();
  investigationId = (await db().investigation.findFirstOrThrow({ where: { slug: "anthropic-pentagon" } })).id;
});

/** Every page of a query, one after another. */
async function allPages(filters: Parameters<typeof listConflicts>[1], pageSize: number): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  for (let page = 1; ; page++) {
    const queue = await listConflicts(investigationId, { ...filters, page, pageSize });
    items.push(...queue.items);
    if (page >= queue.pages) return items;
  }
}

describe(`the conflict queue, read in the database, on ${testEngine}`, () => {
  test("pages follow each other in the queue's order, without gaps or repeats", async () => {
    const whole = await listConflicts(investigationId, { status: "all", pageSize: 1000 });
    expect(whole.items.length).toBeGreaterThan(5);
    expect(whole.matching).toBe(whole.items.length);
    const paged = await allPages({ status: "all" }, 2);
    expect(paged.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    const second = await listConflicts(investigationId, { status: "all", page: 2, pageSize: 2 });
    expect(second).toMatchObject({ page: 2, pages: Math.ceil(whole.matching / 2), matching: whole.matching });
  });

  test("open conflicts come first, the heavier kinds and more sources before the rest", async () => {
    const { items } = await listConflicts(investigationId, { status: "all", pageSize: 1000 });
    const firstSettled = items.findIndex((i) => i.status !== "open");
    expect(firstSettled).toBeGreaterThan(0);
    expect(items.slice(firstSettled).every((i) => i.status !== "open")).toBe(true);
    expect(items[0]!.kind).toBe("scale");
  });

  test("counts per status cover every conflict; the facets list what the shown status holds", async () => {
    const queue = await listConflicts(investigationId, { status: "open" });
    const total = await db().conflict.count({ where: { investigationId } });
    expect(queue.counts.open + queue.counts.resolved + queue.counts.dismissed).toBe(total);
    expect(queue.kinds.reduce((n, k) => n + k.count, 0)).toBe(queue.counts.open);
    expect(queue.entities.map((e) => e.name)).toEqual(expect.arrayContaining(["Anthropic", "Emil Michael", "Michael"]));
    expect(queue.attributes.map((a) => a.label)).toContain("Valuation");
  });

  test("filters by entity, attribute, kind and article keep exactly the conflicts that involve them", async () => {
    const all = await listConflicts(investigationId, { status: "all", pageSize: 1000 });
    const details = await Promise.all(all.items.map((i) => getConflict(investigationId, i.id)));
    const emil = all.entities.find((e) => e.name === "Emil Michael")!;
    const involving = (pick: (d: NonNullable<(typeof details)[number]>) => boolean) =>
      details
        .filter((d): d is NonNullable<typeof d> => !!d && pick(d))
        .map((d) => d.id)
        .sort();
    const ids = async (filters: Parameters<typeof listConflicts>[1]) =>
      (await listConflicts(investigationId, { status: "all", pageSize: 1000, ...filters })).items.map((i) => i.id).sort();

    expect(await ids({ entityId: emil.id })).toEqual(
      involving((d) => d.entities.some((e) => e.id === emil.id) || d.claims.some((c) => c.subject.id === emil.id)),
    );
    expect(await ids({ attribute: "valuation" })).toEqual(involving((d) => d.claims.some((c) => c.attribute === "valuation")));
    expect(await ids({ kind: "naming" })).toEqual(involving((d) => d.kind === "naming"));
    const article = all.articles[0]!;
    expect(await ids({ articleId: article.id })).toEqual(involving((d) => d.claims.some((c) => c.article.id === article.id)));
  });

  test("next open conflict walks the open queue in order and comes back to the start", async () => {
    const open = (await listConflicts(investigationId, { status: "open", pageSize: 1000 })).items.map((i) => i.id);
    expect(open.length).toBeGreaterThan(2);
    const walked = [open[0]!];
    for (let i = 1; i < open.length; i++) walked.push((await nextOpenConflict(investigationId, walked.at(-1)!))!.id);
    expect(walked).toEqual(open);
    expect((await nextOpenConflict(investigationId, open.at(-1)!))!.id).toBe(open[0]);
    const settled = (await listConflicts(investigationId, { status: "resolved" })).items[0]!;
    expect((await nextOpenConflict(investigationId, settled.id))!.id).toBe(open[0]);
  });
});
