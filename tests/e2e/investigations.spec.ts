import { expect, test } from "@playwright/test";
import { signIn } from "./pages.ts";

test("an analyst creates an investigation, lands on its empty overview, and gets an address of its own each time", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  const form = page.getByRole("region", { name: "New investigation" });
  await form.getByLabel("Title").fill("Chip export rules");
  await form.getByRole("button", { name: "Create investigation" }).click();
  await expect(page).toHaveURL(/\/investigations\/chip-export-rules-[a-z0-9]{5}$/);
  const first = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "Chip export rules" })).toBeVisible();
  await expect(page.getByText("No articles yet")).toBeVisible();

  await page.goto("/investigations");
  await form.getByLabel("Title").fill("Chip export rules, again");
  await form.getByLabel("Short name (optional)").fill("chip-export-rules");
  await form.getByRole("button", { name: "Create investigation" }).click();
  // The same short name again is no refusal (which would tell whoever asked that some investigation
  // has it): each investigation's address ends in random letters of its own.
  await expect(page.getByRole("heading", { level: 1, name: "Chip export rules, again" })).toBeVisible();
  await expect(page).toHaveURL(/\/investigations\/chip-export-rules-[a-z0-9]{5}$/);
  expect(new URL(page.url()).pathname).not.toBe(first);
});
