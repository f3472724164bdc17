import "server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Role } from "@/lib/domain/roles.ts";
import type { ImportOutcome } from "@/lib/domain/article-import.ts";
import type { AuditContext } from "@/lib/server/audit.ts";
import { db } from "@/lib/server/database.ts";
import { importPaths } from "@/lib/server/file-import.ts";
import { createInvestigation, findInvestigation } from "@/lib/server/investigations.ts";
import { createUser } from "@/lib/server/users.ts";

/** The demo story: five articles about Anthropic and the Pentagon, and three demo accounts. */
export const DEMO_INVESTIGATION = {
  slug: "anthropic-pentagon",
  title: "Anthropic and the Pentagon",
  description:
    "Five articles on the talks between Anthropic and the US Department of Defense. They disagree on " +
    "the company's valuation, on who the Pentagon official is, and on what was offered.",
};
export const DEMO_PASSWORD = "crosscheck-demo";
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "analyst@example.com", name: "Dana Analyst", role: "analyst" },
  { email: "reviewer@example.com", name: "Rafael Reviewer", role: "reviewer" },
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
];
export const DEMO_ARTICLES_DIR = path.join(process.cwd(), "seed", "articles");

export type SeedReport = {
  investigationCreated: boolean;
  articles: ImportOutcome[];
  usersCreated: string[];
};

export class DemoSeedRefused extends Error {}

/**
 * Loads the demo story. Running it again changes nothing. Demo accounts have a published
 * password, so this refuses to run in production unless asked for explicitly.
 */
export async function seedDemo(options: { allowProduction?: boolean } = {}): Promise<SeedReport> {
  if (process.env.NODE_ENV === "production" && !options.allowProduction) {
    throw new DemoSeedRefused(
      "Refusing to create the demo accounts (published password) with NODE_ENV=production. " +
        "Pass --allow-production if this really is a demo deployment.",
    );
  }
  const ctx: AuditContext = { actorId: null, requestId: `seed-${randomUUID()}` };
  const usersCreated: string[] = [];
  for (const user of DEMO_USERS) {
    const exists = await db().user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (exists) continue;
    await createUser(ctx, { ...user, password: DEMO_PASSWORD });
    usersCreated.push(user.email);
  }
  let investigation = await findInvestigation(DEMO_INVESTIGATION.slug);
  const investigationCreated = !investigation;
  investigation ??= await createInvestigation(ctx, DEMO_INVESTIGATION);
  const articles = await importPaths(ctx, investigation.id, [DEMO_ARTICLES_DIR]);
  return { investigationCreated, articles, usersCreated };
}

/** True when nothing has been set up yet: the first start of a fresh embedded database. */
export async function databaseIsEmpty(): Promise<boolean> {
  const [users, investigations] = await Promise.all([db().user.count(), db().investigation.count()]);
  return users === 0 && investigations === 0;
}
