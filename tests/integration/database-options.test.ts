import { describe, expect, test } from "vitest";
import { poolSize } from "@/lib/server/database.ts";

describe("the PostgreSQL connection pool's size", () => {
  test("is 20 by default, what DATABASE_POOL_SIZE says otherwise, and refuses nonsense at start", () => {
    expect(poolSize({})).toBe(20);
    expect(poolSize({ DATABASE_POOL_SIZE: " 32 " })).toBe(32);
    for (const bad of ["ten", "0", "-4", "2.5", "5000"]) {
      expect(() => poolSize({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE must be a whole number/);
    }
  });
});
