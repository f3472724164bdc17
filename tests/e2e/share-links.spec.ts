import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn, waitForHydration } from "./pages.ts";

const BASE = "/investigations/anthropic-pentagon";
const TITLE = "Anthropic and the Pentagon";

/** axe's serious or critical findings on the page as it stands, one line each. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a lead shares the fact sheet read-only; a reader without an account sees and downloads it, until it is revoked", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "lead@example.com");
  await page.goto(`${BASE}/factsheet`);
  await waitForHydration(page);
  const panel = page.getByRole("region", { name: "Share read-only link" });
  await panel.getByLabel("Label (optional)").pressSequentially("For the legal desk");
  await panel.getByLabel("Expires after (days)").pressSequentially("7");
  await panel.getByRole("button", { name: "Create link" }).click();
  const shown = panel.getByLabel("New read-only link");
  await expect(shown).toHaveValue(/\/shared\/[A-Za-z0-9_-]{43}$/);
  // Shown once, with a way to copy it; the keyboard is on the Copy button.
  await expect(panel.getByRole("button", { name: "Copy" })).toBeFocused();
  const url = await shown.inputValue();
  const token = new URL(url).pathname.split("/")[2]!;
  const row = panel.getByRole("listitem").filter({ hasText: "For the legal desk" });
  await expect(row).toContainText(/Created by .+ on .+ · expires /);
  expect(await violations(page)).toEqual([]);

  // Someone without an account, in a browser of their own.
  const anonymous = await browser.newContext({ baseURL });
  const reader = await anonymous.newPage();
  const response = await reader.goto(url);
  expect(response!.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["content-security-policy"]).toMatch(/script-src[^;]*'nonce-/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  await expect(reader.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(reader.getByRole("banner")).toContainText(`Shared read-only by ${TITLE}`);
  await expect(reader.getByRole("heading", { level: 1, name: "Fact sheet" })).toBeVisible();
  await expect(reader.getByRole("listitem", { name: "Anthropic · CEO" })).toContainText("Confirmed");
  await expect(reader.getByRole("region", { name: "Share read-only link" })).toHaveCount(0);
  await expect(reader.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  expect(await violations(reader)).toEqual([]);
  // No address on the page leads into the app: only into this shared page, its downloads, or out.
  const origin = new URL(url).origin;
  const hrefs = await reader.locator("a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(0);
  const intoTheApp = hrefs.filter((h) => new URL(h).origin === origin && !new URL(h).pathname.startsWith(`/shared/${token}`));
  expect(intoTheApp).toEqual([]);

  // Filtering stays on the shared page.
  await expect(async () => {
    await reader.getByLabel("Status").selectOption("contested");
    await expect(reader).toHaveURL(new RegExp(`/shared/${token}\\?.*status=contested`));
  }).toPass();
  await expect(reader.getByRole("region", { name: "Facts" }).getByText("Confirmed")).toHaveCount(0);

  const [md] = await Promise.all([reader.waitForEvent("download"), reader.getByRole("link", { name: /^Markdown/ }).click()]);
  expect(md.suggestedFilename()).toMatch(/^anthropic-pentagon-factsheet-\d{8}\.md$/);
  expect(await readFile((await md.path())!, "utf8")).toContain(`# Fact sheet: ${TITLE}`);
  expect(await anonymous.cookies()).toEqual([]);

  // The lead revokes it, after a confirmation the keyboard answers.
  await row.getByRole("button", { name: "Revoke For the legal desk…" }).click();
  await expect(panel.getByRole("button", { name: "Revoke “For the legal desk”" })).toBeFocused();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("status").filter({ hasText: "“For the legal desk” is revoked" })).toBeVisible();
  await expect(panel.getByRole("listitem").filter({ hasText: "For the legal desk" })).toHaveCount(0);

  // The very next request: nothing, and nothing said about what it was.
  const gone = await reader.goto(url);
  expect(gone!.status()).toBe(404);
  await expect(reader.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  expect(await reader.content()).not.toContain(TITLE);
  expect(await reader.locator("a[href]:not([href='#main'])").count()).toBe(0);
  expect(await violations(reader)).toEqual([]);
  const file = await reader.request.get(`${url}/download?format=md`);
  expect(file.status()).toBe(404);
  expect(await file.text()).not.toContain(TITLE);
  const made = await reader.goto(`/shared/${"A".repeat(43)}`);
  expect(made!.status()).toBe(404);
  await anonymous.close();
});

test("only leads see the share panel", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto(`${BASE}/factsheet`);
  await expect(page.getByRole("heading", { level: 1, name: "Fact sheet" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Share read-only link" })).toHaveCount(0);
});

test("an address under a shared link that names nothing is the shared page's plain not-found, for readers and members alike", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "lead@example.com");
  await page.goto(`${BASE}/factsheet`);
  await waitForHydration(page);
  const panel = page.getByRole("region", { name: "Share read-only link" });
  await panel.getByLabel("Label (optional)").pressSequentially("For a reader who mistypes");
  await panel.getByRole("button", { name: "Create link" }).click();
  const shown = panel.getByLabel("New read-only link");
  await expect(shown).toHaveValue(/\/shared\/[A-Za-z0-9_-]{43}$/);
  const link = new URL(await shown.inputValue()).pathname;

  const anonymous = await browser.newContext({ baseURL });
  const reader = await anonymous.newPage();
  for (const visitor of [reader, page]) {
    for (const address of [`${link}/anything`, `${link}/download/more`, `/shared/${"A".repeat(43)}/x/y`]) {
      const response = await visitor.goto(address);
      expect(response!.status()).toBe(404);
      await expect(visitor.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
      await expect(visitor.getByText("If someone gave you this link, ask them for a new one.")).toBeVisible();
      // Nothing of the app: no navigation, no sign-in, no link anywhere.
      await expect(visitor.getByRole("navigation")).toHaveCount(0);
      expect(await visitor.locator("a[href]:not([href='#main'])").count()).toBe(0);
      expect(await visitor.content()).not.toContain(TITLE);
    }
  }
  await anonymous.close();
});
