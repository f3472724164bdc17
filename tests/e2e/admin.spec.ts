import { expect, test } from "@playwright/test";
import { actionId, signIn, signOut } from "./pages.ts";

test("a forged call of an admin-only action by an analyst is refused and changes nothing", async ({ page, baseURL }) => {
  await signIn(page, "analyst@example.com");
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);

  const id = await actionId("createUser", "lib/features/users/actions.ts");
  const response = await page.request.post("/admin/users", {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: baseURL!, Accept: "text/x-component" },
    data: JSON.stringify([{ email: "forged@example.com", name: "Forged", role: "admin", password: "forged-password-123" }]),
  });
  expect(await response.text()).toContain('"code":"forbidden"');
  await signOut(page);

  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  await expect(page.getByRole("listitem").filter({ hasText: "analyst@example.com" })).toBeVisible();
  await expect(page.getByText("forged@example.com")).toHaveCount(0);
});

test("an admin creates an account, and disabling it signs that person out", async ({ page, browser }) => {
  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "Users" }).click();
  const form = page.getByRole("region", { name: "New account" });
  await form.getByLabel("Name").fill("Nora Newcomer");
  await form.getByLabel("Email").fill("nora@example.com");
  await form.getByLabel("Role").selectOption("reviewer");
  await form.getByLabel("Initial password").fill("nora-password-1");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Account created for nora@example.com.")).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: "nora@example.com" });
  await expect(row).toBeVisible();

  const nora = await browser.newContext();
  const noraPage = await nora.newPage();
  await signIn(noraPage, "nora@example.com", "nora-password-1");

  await row.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "nora@example.com" }).getByText("Disabled")).toBeVisible();

  await noraPage.goto("/investigations");
  await expect(noraPage).toHaveURL(/\/sign-in/);
  await nora.close();
});
