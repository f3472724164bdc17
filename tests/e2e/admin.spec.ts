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

test("an admin invites someone without a password; their one-time link sets it, then works no more", async ({ page, browser }) => {
  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "Users" }).click();
  const form = page.getByRole("region", { name: "New account" });
  await form.getByLabel("Name").pressSequentially("Ines Invited");
  await form.getByLabel("Email").pressSequentially("ines@example.com");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Account created for ines@example.com.")).toBeVisible();
  const url = await page.getByLabel("One-time link for ines@example.com to set their password").inputValue();
  expect(url).toMatch(/\/set-password\/[\w-]{43}$/);
  await page.screenshot({ path: "test-results/admin-invite-link.png", fullPage: true });

  const ines = await browser.newContext();
  const inesPage = await ines.newPage();
  const opened = await inesPage.goto(new URL(url).pathname);
  expect(opened!.headers()["referrer-policy"]).toBe("no-referrer"); // the token never leaves in a Referer
  await expect(inesPage.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await expect(inesPage.getByText("For Ines Invited (ines@example.com)")).toBeVisible();
  await inesPage.getByLabel("New password").pressSequentially("ines-password-1");
  await inesPage.getByLabel("The same password again").pressSequentially("ines-password-2");
  await expect(async () => {
    await inesPage.getByRole("button", { name: "Set password" }).click();
    await expect(inesPage.getByText("The two passwords differ.")).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await inesPage.getByLabel("The same password again").clear();
  await inesPage.getByLabel("The same password again").pressSequentially("ines-password-1");
  await inesPage.screenshot({ path: "test-results/set-password.png" });
  await inesPage.getByRole("button", { name: "Set password" }).click();
  await expect(inesPage.getByText("Your password is set.")).toBeVisible();
  await inesPage.getByRole("link", { name: "Sign in as ines@example.com" }).click();
  await signIn(inesPage, "ines@example.com", "ines-password-1");

  // Used once, the link says so and offers nothing to fill in.
  await inesPage.goto(new URL(url).pathname);
  await expect(inesPage.getByText("This link has expired or has already been used.")).toBeVisible();
  await expect(inesPage.getByLabel("New password")).toHaveCount(0);
  await ines.close();
});
