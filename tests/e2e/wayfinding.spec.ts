import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./pages.ts";

const BASE = "/investigations/anthropic-pentagon";
const STORY = "Anthropic and the Pentagon";

/** The app's frame: its header (with the main navigation) and exactly one main region. */
async function expectAppFrame(page: Page) {
  await expect(page.getByRole("banner").getByRole("link", { name: "Crosscheck" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
}

test("every screen's title names it, then the investigation; no two screens share one", async ({ page }) => {
  await signIn(page, "reviewer@example.com");
  const titles = new Map<string, string>();
  const visit = async (path: string, title: string | RegExp) => {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    await expect(page).toHaveTitle(title);
    titles.set(path, await page.title());
  };
  await visit("/investigations", "Investigations · Crosscheck");
  await visit(BASE, `${STORY} · Crosscheck`);
  await visit(`${BASE}/articles`, `Articles — ${STORY} · Crosscheck`);
  await visit(`${BASE}/entities`, `Entities — ${STORY} · Crosscheck`);
  await visit(`${BASE}/attributes`, `Attributes — ${STORY} · Crosscheck`);
  await visit(`${BASE}/conflicts`, `Conflicts — ${STORY} · Crosscheck`);
  await visit(`${BASE}/conflicts/new`, `Mark claims as conflicting — Conflicts — ${STORY} · Crosscheck`);
  await visit(`${BASE}/factsheet`, `Fact sheet — ${STORY} · Crosscheck`);

  // Another spec may have settled it already: the list of every status still has it.
  await page.goto(`${BASE}/conflicts?kind=scale&status=all`);
  await page
    .getByRole("list", { name: "Conflicts" })
    .getByRole("link", { name: /Anthropic · Valuation/ })
    .first()
    .click();
  await expect(page).toHaveTitle(`Anthropic · Valuation — Conflicts — ${STORY} · Crosscheck`);
  titles.set(page.url(), await page.title());

  await page.goto(`${BASE}/articles`);
  await page.getByRole("link", { name: /The U\.S\. Department of Defense, through official Michael/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^The U\.S\. Department of Defense/);
  const article = await page.getByRole("heading", { level: 1 }).textContent();
  await expect(page).toHaveTitle(`${article} — Articles — ${STORY} · Crosscheck`);
  titles.set(page.url(), await page.title());

  await page.goto(`${BASE}/entities`);
  await page
    .getByRole("region", { name: "Entity list" })
    .getByRole("link", { name: /^Anthropic\b/ })
    .click();
  await expect(page).toHaveTitle(`Anthropic — Entities — ${STORY} · Crosscheck`);
  titles.set(page.url(), await page.title());

  expect(new Set(titles.values()).size).toBe(titles.size);
});

test("breadcrumbs end in the page itself; an entity's kind sits beside its heading, not in it", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto(`${BASE}/articles`);
  await page.getByRole("link", { name: /The U\.S\. Department of Defense, through official Michael/ }).click();
  const trail = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(trail.getByRole("link", { name: "Articles" })).toHaveAttribute("href", `${BASE}/articles`);
  const here = trail.locator('[aria-current="page"]');
  await expect(here).toHaveText(/^The U\.S\. Department of Defense, through official Michael/);
  await expect(here).toHaveText((await page.getByRole("heading", { level: 1 }).textContent())!);

  await page.goto(`${BASE}/entities`);
  await page
    .getByRole("region", { name: "Entity list" })
    .getByRole("link", { name: /^Anthropic\b/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anthropic");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).locator('[aria-current="page"]')).toHaveText("Anthropic");
  await expect(page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::*[1]")).toHaveText("organization");

  await page.goto(`${BASE}/conflicts?kind=naming`);
  await page.getByRole("list", { name: "Conflicts" }).getByRole("link").first().click();
  const conflictTrail = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(conflictTrail.getByRole("link", { name: "Conflicts" })).toBeVisible();
  await expect(conflictTrail.locator('[aria-current="page"]')).toHaveText((await page.getByRole("heading", { level: 1 }).textContent())!);
});

test("a wrong address shows the 404 inside the app's frame, with one main region and the way back", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  for (const path of [
    "/no-such-page",
    "/investigations/no-such-investigation",
    `${BASE}/articles/no-such-article`,
    `${BASE}/entities/nobody`,
  ]) {
    const response = await page.goto(path);
    expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expectAppFrame(page);
    await expect(page).toHaveTitle(/Not found/);
  }
  await page.getByRole("main").getByRole("link", { name: "Back to investigations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Investigations" })).toBeVisible();
});

for (const who of ["analyst@example.com", "reviewer@example.com"]) {
  test(`${who.split("@")[0]} opening an admin page is told it is not allowed (403), inside the app`, async ({ page }) => {
    await signIn(page, who);
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("This page is for admins.")).toBeVisible();
    await expect(page).toHaveTitle("Not allowed · Crosscheck");
    await expectAppFrame(page);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.getByRole("main").getByRole("link", { name: "Back to investigations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Investigations" })).toBeVisible();
  });
}
