import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signOut, waitForHydration } from "./pages.ts";

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

test("better-auth's own HTTP endpoints are closed: sign-in, update-user, get-session", async ({ page }) => {
  const guess = await page.request.post("/api/auth/sign-in/email", {
    data: { email: "analyst@example.com", password: DEMO_PASSWORD },
    headers: { "X-Forwarded-For": "203.0.113.77" },
  });
  expect(guess.status()).toBe(404);
  expect(guess.headers()["set-cookie"]).toBeUndefined();

  await signIn(page, "analyst@example.com");
  const rename = await page.request.post("/api/auth/update-user", { data: { name: "Test admin", image: "javascript:alert(1)" } });
  expect(rename.status()).toBe(404);
  expect((await page.request.get("/api/auth/get-session")).status()).toBe(404);
  await page.reload();
  await expect(page.getByText("Test admin")).toHaveCount(0);
});

test("failed sign-ins make the next try wait, longer each time, whatever X-Forwarded-For says; then the password goes through", async ({
  page,
}) => {
  // An account of its own, so the waits do not hold up the demo users other tests need.
  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "New account" });
  await form.getByLabel("Name").fill("Backoff Test");
  await form.getByLabel("Email").fill("backoff@example.com");
  await form.getByLabel("Initial password").fill("backoff-password-1");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Account created for backoff@example.com.")).toBeVisible();
  await signOut(page);

  await waitForHydration(page); // each try below is then answered in place, not by a new page
  await page.getByLabel("Email").fill("backoff@example.com");
  /** One submission, as the server answered it (the form shows the same message). */
  const submit = async (password: string, forwardedFor: string) => {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": forwardedFor });
    await page.getByLabel("Password").fill(password);
    const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await response; // its body streams to the page; read the answer there
    // The button is busy until the answer is on the page.
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    return (await page.getByRole("status").last().textContent()) ?? "";
  };
  // A new address in X-Forwarded-For every time: without a trusted proxy it changes nothing.
  let wait = 0;
  for (let i = 0; i < 10 && wait < 3; i++) {
    const answer = await submit(`wrong-guess-${i}`, `203.0.113.${i + 1}`);
    const told = /Try again in (\d+) seconds?/.exec(answer);
    if (!told) {
      expect(answer).toContain("That email and password do not match an active account.");
      continue;
    }
    wait = Number(told[1]);
    if (wait < 3) await page.waitForTimeout(wait * 1000);
  }
  expect(wait).toBeGreaterThanOrEqual(3);
  await expect(page.getByText(/Too many failed sign-ins\. Try again in \d+ seconds?\./)).toBeVisible();
  // Even the right password waits its turn…
  expect(await submit("backoff-password-1", "203.0.113.50")).toContain("Too many failed sign-ins");
  await expect(page).toHaveURL(/\/sign-in/);
  // …and then goes through.
  await page.waitForTimeout(wait * 1000 + 500);
  await page.getByLabel("Password").fill("backoff-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/investigations$/);
});
