import { expect, test } from "@playwright/test";
import { signIn, waitForHydration } from "./pages.ts";

test("an analyst gives an undated article its outlet and date; the fact sheet cites them and reads “last July”", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/factsheet");
  const contracts = page.getByRole("listitem", { name: "Department of Defense · AI contracts awarded" });
  await expect(contracts).toContainText("as of last July (date unresolved)");
  // The sheet offers the way to resolve it: the article's page, where its date is set.
  await contracts.getByRole("link", { name: "Set the article’s date" }).click();

  const source = page.getByRole("region", { name: "Source" });
  await expect(source).toContainText("No outlet or publication date recorded");
  // Clicked until React has taken over the page (before that the button does nothing).
  await expect(async () => {
    await source.getByRole("button", { name: "Add source details" }).click();
    await expect(source.getByLabel("Title")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const outlet = source.getByLabel("Outlet");
  // The editor opens on its first field, the title.
  await expect(source.getByLabel("Title")).toBeFocused();
  await outlet.pressSequentially("Example Tribune");
  await source.getByLabel("Published").pressSequentially("someday");
  await source.getByRole("button", { name: "Save source details" }).click();
  // A date that cannot be read is refused next to its field, and nothing typed is lost.
  await expect(source.getByLabel("Published")).toHaveAttribute("aria-invalid", "true");
  await expect(source.getByText("Write the date as 2026-02-24")).toBeVisible();
  await expect(outlet).toHaveValue("Example Tribune");

  await source.getByLabel("Published").clear();
  await source.getByLabel("Published").pressSequentially("2026-02-24");
  await source.getByLabel("Published").press("Enter");
  await expect(source.getByRole("status")).toContainText("read again against the new publication date");
  await expect(source).toContainText("Cited as “Example Tribune, 24 February 2026”.");
  await expect(source.getByRole("button", { name: "Edit source details" })).toBeFocused();

  await page.goto("/investigations/anthropic-pentagon/factsheet");
  await expect(contracts).toContainText("as of last July (July 2025)");
  await expect(contracts.getByRole("link", { name: "Set the article’s date" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Citations" }).getByText("Example Tribune, 24 February 2026").first()).toBeVisible();
});

test("pasting an article with a byline and a date line fills author and date, and the analyst can change them", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/articles");
  await waitForHydration(page);
  await page.getByRole("tab", { name: "Paste text" }).click();
  const text = page.getByLabel("Article text");
  await text.pressSequentially(
    "Pentagon reviews AI deals\nBy Ana Ruiz\nMarch 3, 2026\n\nThe Pentagon said it would review its AI contracts.",
  );
  await expect(page.getByLabel("Author")).toHaveValue("Ana Ruiz");
  await expect(page.getByLabel("Published")).toHaveValue("March 3, 2026");
  await expect(page.getByText("The author, date above were read from the text: check before importing.")).toBeVisible();
  // What the person types is theirs: more text does not overwrite it.
  await page.getByLabel("Author").clear();
  await page.getByLabel("Author").pressSequentially("Ana Ruiz-Soto");
  await text.pressSequentially(" More.");
  await expect(page.getByLabel("Author")).toHaveValue("Ana Ruiz-Soto");

  await page.getByRole("button", { name: "Import article" }).click();
  const results = page.getByRole("list", { name: "Import results" });
  await results.getByRole("link", { name: "Pentagon reviews AI deals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pentagon reviews AI deals" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Source" })).toContainText("No outlet recorded");
  await expect(page.getByText("Ana Ruiz-Soto").first()).toBeVisible();
});
