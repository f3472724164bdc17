import { describe, expect, test } from "vitest";
import { newId, sqlDate, sqlJson } from "@/lib/server/sql-values.ts";

describe("raw SQL values", () => {
  test("ids written by raw SQL look like Prisma's cuids, never repeat, and sort in the order they were made", () => {
    const ids = Array.from({ length: 5_000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Within one millisecond the counter orders them; it wraps only after 1.6 million ids.
    const wrapped = ids.findIndex((id, i) => i > 0 && id.slice(9, 13) === "0000");
    const run = wrapped > 0 ? ids.slice(0, wrapped) : ids;
    expect([...run].sort()).toEqual(run);
  });

  test("timestamps and JSON read the same whichever engine gave them", () => {
    const at = new Date("2024-10-30T22:15:00.000Z");
    expect(sqlDate(at)).toEqual(at);
    expect(sqlDate("2024-10-30T22:15:00.000Z")).toEqual(at);
    expect(sqlDate(null)).toBeNull();
    expect(sqlJson('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(sqlJson({ a: [1, 2] })).toEqual({ a: [1, 2] });
  });
});
