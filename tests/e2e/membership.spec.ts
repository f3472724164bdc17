import { expect, type Page, test } from "@playwright/test";
import { actionId, demoInvestigationPages as everyPage, signIn, signOut, waitForHydration } from "./pages.ts";

const BASE = "/investigations/anthropic-pentagon";
const TITLE = "Anthropic and the Pentagon";

test("a non-member gets 404 on every page of an investigation, and nothing of it is said", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  const pages = await everyPage(page);
  await signOut(page);

  await signIn(page, "outsider@example.com");
  await expect(page.getByRole("heading", { level: 1, name: "Investigations" })).toBeVisible();
  await expect(page.getByText(TITLE)).toHaveCount(0);
  await expect(page.getByText("You are not a member of any investigation.")).toBeVisible();
  for (const path of [...pages, `/api/investigations/anthropic-pentagon/factsheet?format=md`]) {
    const response = await page.goto(path);
    expect({ path, status: response!.status() }).toEqual({ path, status: 404 });
    // Neither the page nor its title names the story (the same answer as an address that never existed).
    expect(await response!.text()).not.toContain(TITLE);
  }
  // The same as an investigation that does not exist.
  const made = await page.goto("/investigations/no-such-story");
  expect(made!.status()).toBe(404);
  await page.goto(BASE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/not found/i);
});

test("a viewer reads and exports, sees no edit controls, and a forged change is refused", async ({ page, baseURL }) => {
  await signIn(page, "viewer@example.com");
  await page.getByRole("link", { name: new RegExp(TITLE) }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(/You are a\s+viewer\s+here/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Import articles" })).toHaveCount(0);
  await expect(page.getByLabel("Time zone", { exact: false })).toHaveCount(0);

  await page.goto(`${BASE}/articles`);
  await expect(page.getByRole("region", { name: "Import articles" })).toHaveCount(0);
  await page.locator(`a[href^="${BASE}/articles/c"]`).first().click();
  await expect(page.getByRole("complementary", { name: "Claims" })).toBeVisible();
  await expect(page.getByText("Read only: you are a viewer in this investigation.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Annotate by quote…" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /source details/ })).toHaveCount(0);
  // A claim opens for reading, with nothing to change it.
  await expect(async () => {
    await page.locator("mark[data-claims]").first().click();
    await expect(page.getByRole("region", { name: "Claim", exact: true })).toBeVisible({ timeout: 3_000 });
  }).toPass();
  for (const name of ["Edit", "Retract…", "Delete…", "Mark as conflicting…"]) {
    await expect(page.getByRole("region", { name: "Claim", exact: true }).getByRole("button", { name })).toHaveCount(0);
  }
  // Selecting words records nothing: no claim form opens.
  const paragraph = page.getByLabel("Article text").locator("p").nth(1);
  await paragraph.selectText();
  await paragraph.dispatchEvent("mouseup");
  await expect(page.getByRole("form", { name: "New claim" })).toHaveCount(0);

  await page.goto(`${BASE}/entities`);
  await expect(page.getByRole("region", { name: "New entity" })).toHaveCount(0);
  await page.locator(`a[href^="${BASE}/entities/c"]`).first().click();
  await expect(page.getByRole("button", { name: "Add alias" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove alias/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Merge" })).toHaveCount(0);

  await page.goto(`${BASE}/conflicts`);
  await expect(page.getByRole("link", { name: "Mark claims as conflicting" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Re-run detection/ })).toHaveCount(0);
  await page.locator(`a[href^="${BASE}/conflicts/c"]`).first().click();
  await expect(page.getByText("as a viewer here you can read the discussion")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Comment", exact: true })).toHaveCount(0);
  const conflictId = page.url().split("/").at(-1)!;

  await page.goto(`${BASE}/attributes`);
  await expect(page.getByRole("button", { name: /^Rename/ })).toHaveCount(0);
  await page.goto(`${BASE}/members`);
  await expect(page.getByRole("region", { name: "Add a member" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save role" })).toHaveCount(0);

  // Export works for a viewer.
  await page.goto(`${BASE}/factsheet`);
  const md = await page.request.get(`/api/investigations/anthropic-pentagon/factsheet?format=md`);
  expect(md.status()).toBe(200);
  expect(await md.text()).toContain(TITLE);

  // Whatever the screen hides, the server refuses: a comment forged with the investigation's real id.
  await page.goto(`${BASE}/conflicts/${conflictId}`);
  const id = await actionId("commentOnConflict", "lib/features/conflicts/actions.ts");
  const investigationId = await investigationIdOf(page);
  const response = await page.request.post(page.url(), {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: baseURL!, Accept: "text/x-component" },
    data: JSON.stringify([{ investigationId, conflictId, body: "Forged by a viewer." }]),
  });
  expect(await response.text()).toContain('"code":"forbidden"');
  await page.reload();
  await expect(page.getByText("Forged by a viewer.")).toHaveCount(0);
});

/** The investigation's id, as a viewer's page carries it (in the props of its open-conflict badge). */
async function investigationIdOf(page: Page): Promise<string> {
  const found = await page.evaluate(() => {
    const match = document.documentElement.innerHTML.match(/\\?"investigationId\\?":\\?"([a-z0-9]+)\\?"/);
    return match?.[1] ?? null;
  });
  expect(found).toBeTruthy();
  return found!;
}

test("a lead adds a member by e-mail address, changes the role and removes them", async ({ page }) => {
  await signIn(page, "lead@example.com");
  await page.goto(`${BASE}/members`);
  await waitForHydration(page);
  const add = page.getByRole("region", { name: "Add a member" });
  await add.getByLabel("E-mail address or name").pressSequentially("outsider@example.com");
  await add.getByLabel("Role").selectOption("viewer");
  await add.getByRole("button", { name: "Add member" }).click();
  await expect(add.getByText("Otto Outsider added.")).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: "outsider@example.com" });
  await expect(row).toBeVisible();
  await row.getByLabel("Role of Otto Outsider").selectOption("analyst");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Otto Outsider is now analyst." })).toBeVisible();
  // Removing asks first; the keyboard reaches both buttons.
  await page.getByRole("button", { name: "Remove Otto Outsider…" }).click();
  await expect(page.getByRole("button", { name: "Remove Otto Outsider", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("listitem").filter({ hasText: "outsider@example.com" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Otto Outsider is no longer a member." })).toBeVisible();
  // An unknown address is refused at the field.
  await add.getByLabel("E-mail address or name").pressSequentially("nobody@example.com");
  await add.getByRole("button", { name: "Add member" }).click();
  await expect(add.getByText("No account is called “nobody@example.com”. An admin creates accounts.")).toBeVisible();
});
