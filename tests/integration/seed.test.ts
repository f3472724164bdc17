import { afterEach, describe, expect, test, vi } from "vitest";
import { db } from "@/lib/server/database.ts";
import { DEMO_INVESTIGATION, DEMO_USERS, DemoSeedRefused, seedDemo } from "@/seed/demo.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();
afterEach(() => vi.unstubAllEnvs());

describe(`demo seed on ${testEngine}`, () => {
  test("refuses to create the demo accounts in production unless asked", async () => {
    vi.stubEnv("NODE_ENV", "production");
    await expect(seedDemo()).rejects.toBeInstanceOf(DemoSeedRefused);
    expect(await db().user.count()).toBe(0);
  });

  test("loads the story and the three accounts; a second run changes nothing", async () => {
    const first = await seedDemo();
    expect(first.usersCreated.sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(first.articles.filter((a) => a.status === "imported")).toHaveLength(5);
    const investigation = await db().investigation.findUniqueOrThrow({ where: { slug: DEMO_INVESTIGATION.slug } });
    expect(investigation.title).toBe("Anthropic and the Pentagon");
    const roles = await db().user.findMany({ select: { email: true, role: true }, orderBy: { email: "asc" } });
    expect(roles).toEqual([
      { email: "admin@example.com", role: "admin" },
      { email: "analyst@example.com", role: "analyst" },
      { email: "reviewer@example.com", role: "reviewer" },
    ]);

    const eventsBefore = await db().auditEvent.count();
    const second = await seedDemo();
    expect(second.investigationCreated).toBe(false);
    expect(second.usersCreated).toEqual([]);
    expect(second.articles.every((a) => a.status === "duplicate")).toBe(true);
    expect(await db().auditEvent.count()).toBe(eventsBefore);
    expect(await db().article.count()).toBe(5);
  });
});
