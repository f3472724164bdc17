import { expect, test } from "@playwright/test";
import { signIn } from "./pages.ts";

test("an analyst creates an investigation, lands on its empty overview, and cannot reuse its address", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  const form = page.getByRole("region", { name: "New investigation" });
  await form.getByLabel("Title").fill("Chip export rules");
  await form.getByRole("button", { name: "Create investigation" }).click();
  await expect(page).toHaveURL(/\/investigations\/chip-export-rules$/);
  await expect(page.getByRole("heading", { level: 1, name: "Chip export rules" })).toBeVisible();
  await expect(page.getByText("No articles yet")).toBeVisible();

  await page.goto("/investigations");
  await form.getByLabel("Title").fill("Chip export rules, again");
  await form.getByLabel("Short name (optional)").fill("chip-export-rules");
  await form.getByRole("button", { name: "Create investigation" }).click();
  await expect(form.getByText("“chip-export-rules” is taken; choose another.")).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue("Chip export rules, again");
});
