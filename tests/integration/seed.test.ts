import { afterEach, describe, expect, test, vi } from "vitest";
import { db } from "@/lib/server/database.ts";
import { DEMO_CLAIMS, DEMO_ENTITIES } from "@/seed/annotations.ts";
import { DEMO_INVESTIGATION, DEMO_USERS, DemoSeedRefused, locateQuote, SeedAnnotationError, seedDemo } from "@/seed/demo.ts";
import { setupTestDatabase, testEngine } from "@/tests/support/database.ts";

setupTestDatabase();
afterEach(() => vi.unstubAllEnvs());

describe(`demo seed on ${testEngine}`, () => {
  test("refuses to create the demo accounts in production unless asked", async () => {
    vi.stubEnv("NODE_ENV", "production");
    await expect(seedDemo()).rejects.toBeInstanceOf(DemoSeedRefused);
    expect(await db().user.count()).toBe(0);
  });

  test("loads the story and the demo accounts, each a member in its role (or not); a second run changes nothing", async () => {
    const first = await seedDemo();
    expect(first.usersCreated.sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(first.articles.filter((a) => a.status === "imported")).toHaveLength(5);
    const demoClaims = Object.values(DEMO_CLAIMS).flat();
    expect(first.claimsCreated).toBe(demoClaims.length);
    expect(await db().entity.count()).toBe(DEMO_ENTITIES.length);
    const valuations = await db().claim.findMany({
      where: { attribute: "valuation", subject: { name: "Anthropic" } },
      select: { valueText: true, quoteExact: true },
      orderBy: { valueLow: "asc" },
    });
    expect(valuations).toEqual([
      { valueText: "$18.4 billion", quoteExact: "valued at $18.4 billion" },
      { valueText: "$183 billion", quoteExact: "valued at $183 billion" },
    ]);
    const investigation = await db().investigation.findUniqueOrThrow({ where: { slug: DEMO_INVESTIGATION.slug } });
    expect(investigation.title).toBe("Anthropic and the Pentagon");
    const roles = await db().user.findMany({ select: { email: true, role: true }, orderBy: { email: "asc" } });
    expect(roles).toEqual([
      { email: "admin@example.com", role: "admin" },
      { email: "analyst@example.com", role: "analyst" },
      { email: "lead@example.com", role: "analyst" },
      { email: "outsider@example.com", role: "analyst" },
      { email: "reviewer@example.com", role: "reviewer" },
      { email: "viewer@example.com", role: "analyst" },
    ]);
    const members = await db().membership.findMany({
      where: { investigationId: investigation.id },
      select: { role: true, user: { select: { email: true } } },
      orderBy: { user: { email: "asc" } },
    });
    expect(members.map((m) => [m.user.email, m.role])).toEqual([
      ["admin@example.com", "lead"],
      ["analyst@example.com", "analyst"],
      ["lead@example.com", "lead"],
      ["reviewer@example.com", "reviewer"],
      ["viewer@example.com", "viewer"],
    ]);

    const eventsBefore = await db().auditEvent.count();
    const second = await seedDemo();
    expect(second.investigationCreated).toBe(false);
    expect(second.usersCreated).toEqual([]);
    expect(second.articles.every((a) => a.status === "duplicate")).toBe(true);
    expect(await db().auditEvent.count()).toBe(eventsBefore);
    expect(await db().article.count()).toBe(5);
    expect(second.claimsCreated).toBe(0);
  });

  test("a demo quote that is missing or ambiguous stops the seed with the file and the quote", () => {
    const body = "valued at $1 billion; later valued at $1 billion again.";
    const claim = { quote: "valued at $1 billion", subject: "X", attribute: "Valuation" };
    expect(() => locateQuote(body, claim, "a.txt")).toThrow(
      new SeedAnnotationError('a.txt: “valued at $1 billion” appears 2 times; say which with "occurrence".'),
    );
    expect(locateQuote(body, { ...claim, occurrence: 2 }, "a.txt").start).toBe(body.lastIndexOf("valued"));
    expect(() => locateQuote(body, { ...claim, quote: "valued at $2 billion" }, "a.txt")).toThrow(
      /a\.txt: “valued at \$2 billion” is not in the article/,
    );
  });
});
