import { expect, type Page, test } from "@playwright/test";
import { demoInvestigationPages, signIn } from "./pages.ts";

test.use({ viewport: { width: 360, height: 740 } });

const BASE = "/investigations/anthropic-pentagon";

/** How far the page reaches past the screen's right edge (0 when nothing makes it scroll sideways). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("at phone width every screen fits the screen, and every investigation tab stays in sight", async ({ page }) => {
  await signIn(page, "reviewer@example.com");
  const screens = ["/investigations", ...(await demoInvestigationPages(page))];
  for (const path of screens) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    expect({ path, overflow: await overflow(page) }).toEqual({ path, overflow: 0 });
  }
  await page.goto(`${BASE}/factsheet`);
  const tab = page.getByRole("navigation", { name: "Investigation" }).getByRole("link", { name: "Fact sheet" });
  await expect(tab).toHaveAttribute("aria-current", "page");
  await expect(tab).toBeInViewport();
});
