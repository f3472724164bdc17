import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./pages.ts";

async function typeCredentials(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").pressSequentially(email);
  await page.getByLabel("Password").pressSequentially(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

for (const next of ["/%09/evil.example/x", "/%0A/evil.example/x", "/%5Cevil.example", "/.//evil.example", "https://evil.example/"]) {
  test(`signing in with next=${next} stays on Crosscheck`, async ({ page, baseURL }) => {
    await page.goto(`/sign-in?next=${next}`);
    await typeCredentials(page, "analyst@example.com");
    await expect(page).toHaveURL(`${baseURL}/investigations`);
    await expect(page.getByRole("heading", { level: 1, name: "Investigations" })).toBeVisible();
  });
}

test("signing in with a next on this site goes there", async ({ page, baseURL }) => {
  await page.goto(`/sign-in?next=${encodeURIComponent("/admin/users")}`);
  await typeCredentials(page, "admin@example.com");
  await expect(page).toHaveURL(`${baseURL}/admin/users`);
});
