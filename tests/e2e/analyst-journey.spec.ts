import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./pages.ts";

test("an analyst opens the demo story, pastes a sixth article, reads it, and signs out", async ({ page }) => {
  await signIn(page, "analyst@example.com");

  await page.getByRole("link", { name: /Anthropic and the Pentagon/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Anthropic and the Pentagon" })).toBeVisible();
  await expect(page.getByRole("link", { name: /US government and Anthropic discuss cooperation/ })).toBeVisible();

  await page.getByRole("navigation", { name: "Investigation" }).getByRole("link", { name: "Articles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  await expect(page.getByText("5 articles in this investigation.")).toBeVisible();

  await page.getByRole("tab", { name: "Paste text" }).click();
  await page.getByLabel("Title").fill("Pentagon official confirms new round of talks");
  await page.getByLabel("Outlet").fill("Example Wire");
  await page.getByLabel("Published").fill("2026-03-02");
  await page
    .getByLabel("Article text")
    .fill(
      "Emil Michael said on Monday that talks would continue.\n\nKey points\n\n• Anthropic was valued at $183 billion.\n• The talks resume next week.",
    );
  await page.getByRole("button", { name: "Import article" }).click();

  const results = page.getByRole("list", { name: "Import results" });
  await expect(results.getByText("Imported")).toBeVisible();
  await results.getByRole("link", { name: "Pentagon official confirms new round of talks" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Pentagon official confirms new round of talks" })).toBeVisible();
  await expect(page.getByText("Emil Michael said on Monday that talks would continue.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Anthropic was valued at $183 billion." })).toBeVisible();
  await expect(page.getByText("Example Wire").first()).toBeVisible();
  await expect(page.getByText("Cited as “Example Wire, 2 March 2026”.")).toBeVisible();
  await expect(page.getByText("2 Mar 2026")).toBeVisible();

  await page.getByRole("link", { name: "Articles" }).first().click();
  await expect(page.getByText("6 articles in this investigation.")).toBeVisible();

  await signOut(page);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/investigations");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Finvestigations/);
});

test("pasting the same text again says it is already there", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/articles");
  const paste = async () => {
    await page.getByRole("tab", { name: "Paste text" }).click();
    await page.getByLabel("Article text").fill("A short wire item that will be pasted twice.");
    await page.getByRole("button", { name: "Import article" }).click();
  };
  await paste();
  await expect(page.getByRole("list", { name: "Import results" }).getByText("Imported")).toBeVisible();
  await paste();
  await expect(page.getByRole("list", { name: "Import results" }).getByText("Already there")).toBeVisible();
});

test("uploading several files reports each one, and a bad file keeps nothing of itself", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/articles");
  await page.getByLabel("Choose files").setInputFiles([
    { name: "good.md", mimeType: "text/markdown", buffer: Buffer.from("# Uploaded report\n\nA report uploaded as a file.") },
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
    { name: "legacy.txt", mimeType: "text/plain", buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9]) },
  ]);
  await page.getByRole("button", { name: "Import 3 files" }).click();
  const results = page.getByRole("list", { name: "Import results" });
  await expect(results.getByRole("link", { name: "Uploaded report" })).toBeVisible();
  await expect(results.getByText("empty.txt: the file is empty.")).toBeVisible();
  await expect(results.getByText(/legacy\.txt: is not UTF-8/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: /Uploaded report/ })).toBeVisible();
  await expect(page.getByText(/empty\.txt/)).toHaveCount(0);
});

test("a wrong password keeps the email and says so", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("analyst@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("analyst@example.com");
});

test("signing in and opening an article works from the keyboard alone", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type("analyst@example.com");
  await page.keyboard.press("Tab");
  await page.keyboard.type("crosscheck-demo");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/investigations$/);
  const link = page.getByRole("link", { name: /Anthropic and the Pentagon/ });
  for (let i = 0; i < 10 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Anthropic and the Pentagon" })).toBeVisible();
});

test.describe("on a phone-sized screen", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the reader fits the width: nothing scrolls sideways", async ({ page }) => {
    await signIn(page, "analyst@example.com");
    await page.goto("/investigations/anthropic-pentagon/articles");
    await page.getByRole("link", { name: /Anthropic makes last-ditch effort/ }).click();
    await expect(page.getByRole("heading", { name: "Key Takeaways" })).toBeVisible();
    // Measured once the proposed names have loaded too: their key widens the legend.
    await expect(page.getByRole("region", { name: "Names not yet entities" })).toBeAttached();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});
