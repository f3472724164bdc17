import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn, signOut } from "./pages.ts";

const BASE = "/investigations/anthropic-pentagon";

// A dozen screens to a test, each audited in full: more than the default minute.
test.describe.configure({ timeout: 300_000 });

/**
 * axe on the page as it stands: every serious or critical violation, one line per rule and one per
 * element, so a failure says what to fix and where. The rule that a control's name contains its
 * visible words is still "experimental" in axe, off by default; speech-input users rely on it.
 */
async function audit(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ rules: { "label-content-name-mismatch": { enabled: true } } }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${screen} — ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 8)
          .map((n) => `    ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\s*\n\s*/g, " ")}`)
          .join("\n") +
        (v.nodes.length > 8 ? `\n    …and ${v.nodes.length - 8} more` : ""),
    );
}

/** Visits each screen (a path, or steps that reach a state of one), audits it, and reports every screen's violations at once. */
async function auditAll(page: Page, screens: [string, () => Promise<void>][]) {
  const found: string[] = [];
  for (const [screen, reach] of screens) {
    await test.step(screen, async () => {
      await reach();
      found.push(...(await audit(page, screen)));
    });
  }
  expect(found.join("\n\n"), "serious or critical accessibility violations").toBe("");
}

const visit = (page: Page, path: string) => async () => {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
};

/** The first link on a list page whose address starts with this prefix (another spec may have added items). */
async function firstLink(page: Page, list: string, prefix: string): Promise<string> {
  await page.goto(list);
  const href = await page.locator(`a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a link to ${prefix}… on ${list}`).toBeTruthy();
  return href!;
}

test("sign-in has no serious accessibility violations", async ({ page }) => {
  await auditAll(page, [["Sign in", visit(page, "/sign-in")]]);
});

test("a reviewer's screens have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "reviewer@example.com");
  const article = await firstLink(page, `${BASE}/articles`, `${BASE}/articles/c`);
  const conflict = await firstLink(page, `${BASE}/conflicts`, `${BASE}/conflicts/c`);
  const entity = await firstLink(page, `${BASE}/entities`, `${BASE}/entities/c`);
  await auditAll(page, [
    ["Investigations", visit(page, "/investigations")],
    ["Investigation overview", visit(page, BASE)],
    ["Articles", visit(page, `${BASE}/articles`)],
    ["Article reader", visit(page, article)],
    [
      "Article reader, a claim's details",
      async () => {
        await page.locator("mark").first().click();
        await expect(page.getByRole("region", { name: "Claim", exact: true })).toBeVisible();
      },
    ],
    [
      "Article reader, claim form open",
      async () => {
        await page.goto(article);
        await page.getByRole("button", { name: "Annotate by quote…" }).click();
        const words = (await page.getByLabel("Article text").locator("p").first().innerText()).split(/\s+/).slice(0, 3).join(" ");
        await page.getByLabel("Words to annotate", { exact: true }).pressSequentially(words);
        await page.getByRole("button", { name: "Annotate these words" }).click();
        await expect(page.getByRole("form", { name: "New claim" })).toBeVisible();
      },
    ],
    ["Conflicts queue", visit(page, `${BASE}/conflicts`)],
    ["Conflicts queue, all", visit(page, `${BASE}/conflicts?status=all`)],
    [
      "Conflict with its decision form",
      async () => {
        await visit(page, conflict)();
        await expect(page.getByRole("region", { name: "Settle this conflict" })).toBeVisible();
      },
    ],
    ["Mark claims as conflicting", visit(page, `${BASE}/conflicts/new`)],
    ["Entities", visit(page, `${BASE}/entities`)],
    ["Entity", visit(page, entity)],
    ["Attributes", visit(page, `${BASE}/attributes`)],
    ["Fact sheet", visit(page, `${BASE}/factsheet`)],
    ["Not found (top level)", visit(page, "/no-such-page")],
    ["Not found (investigation)", visit(page, "/investigations/no-such-investigation")],
    ["Not found (article)", visit(page, `${BASE}/articles/no-such-article`)],
    ["Not found (conflict)", visit(page, `${BASE}/conflicts/no-such-conflict`)],
  ]);
});

test("an entity with a timeline and the naming conflict's page have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await auditAll(page, [
    [
      "Entity with claims and a timeline",
      async () => {
        await page.goto(`${BASE}/entities`);
        await page
          .getByRole("region", { name: "Entity list" })
          .getByRole("link", { name: /^Anthropic\b/ })
          .click();
        await expect(page.getByRole("heading", { level: 1, name: /^Anthropic/ })).toBeVisible();
      },
    ],
    [
      "Conflict, as an analyst",
      async () => {
        await page.goto(`${BASE}/conflicts?kind=naming`);
        await page.getByRole("list", { name: "Conflicts" }).getByRole("link").first().click();
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      },
    ],
    ["Users, not allowed", visit(page, "/admin/users")],
  ]);
  await signOut(page);
});

test("the admin's screens have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await auditAll(page, [["Users", visit(page, "/admin/users")]]);
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the main screens have no serious accessibility violations", async ({ page }) => {
    await signIn(page, "reviewer@example.com");
    const article = await firstLink(page, `${BASE}/articles`, `${BASE}/articles/c`);
    await auditAll(page, [
      ["Investigation overview (phone)", visit(page, BASE)],
      ["Article reader (phone)", visit(page, article)],
      [
        "Article reader, a claim's details (phone)",
        async () => {
          await page.locator("mark").first().click();
          await expect(page.getByRole("region", { name: "Claim", exact: true })).toBeVisible();
        },
      ],
      ["Conflicts queue (phone)", visit(page, `${BASE}/conflicts`)],
      ["Fact sheet (phone)", visit(page, `${BASE}/factsheet`)],
      ["Not found (phone)", visit(page, "/no-such-page")],
    ]);
  });
});
