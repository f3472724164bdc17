import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { serverActionId } from "@/tests/support/server-actions.ts";
import { signIn } from "./pages.ts";

test("every page carries a nonce-based policy that Next's own scripts satisfy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY" });
  // Every script Next.js wrote into the page carries this response's nonce.
  const html = await response!.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // The app works under the policy: sign in, open a story and an article (client navigation).
  await signIn(page, "reviewer@example.com");
  await page.getByRole("link", { name: /Anthropic and the Pentagon/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Anthropic and the Pentagon/ })).toBeVisible();
  // A server action called from an open page skips the proxy; its answer still carries the
  // security headers (next.config.js sets them), whatever it answers.
  const action = serverActionId("createClaim");
  const answer = await page.request.post("/investigations", {
    headers: { "Next-Action": action, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ investigationId: "no-such-investigation" }]),
  });
  expect(await answer.text()).toContain('"ok":false');
  expect(answer.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
  });
  // A page asked for with that header skips the proxy as well: it gets a policy that runs nothing.
  const document = await page.request.get("/investigations", { headers: { "Next-Action": action } });
  expect(document.headers()["content-security-policy"]).toContain("default-src 'none'");
  const second = await page.goto("/investigations");
  expect(second!.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  expect(violations).toEqual([]);
});

test("an address with a NUL character is a bad request, never a server error", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  for (const path of [
    "/investigations/anthropic%00pentagon",
    "/investigations/anthropic-pentagon/conflicts/%00",
    "/api/investigations/%00/factsheet?format=md",
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(400);
  }
});

test("six articles of 1.9 MB upload in one go, each reported", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "analyst@example.com");
  const form = page.getByRole("region", { name: "New investigation" });
  await form.getByLabel("Title").pressSequentially("Large uploads");
  await form.getByRole("button", { name: "Create investigation" }).click();
  await expect(page).toHaveURL(/\/investigations\/large-uploads/);
  await page.goto(`${new URL(page.url()).pathname}/articles`);
  const paragraph = "The council met on Tuesday and agreed the budget of $4.2 million for the new bridge. ";
  const files = Array.from({ length: 6 }, (_, i) => ({
    name: `long-${i + 1}.txt`,
    mimeType: "text/plain",
    // Each text differs: the same text twice would be one article, reported as already there.
    buffer: Buffer.from(
      `Title: Long report ${i + 1}\n\nReport ${i + 1}. ${paragraph.repeat(Math.floor((1.9 * 1024 * 1024) / paragraph.length))}`,
    ),
  }));
  await page.getByLabel("Choose files").setInputFiles(files);
  await page.getByRole("button", { name: "Import 6 files" }).click();
  const results = page.getByRole("list", { name: "Import results" });
  for (let i = 1; i <= 6; i++) {
    await expect(results.getByRole("link", { name: `Long report ${i}`, exact: true })).toBeVisible({ timeout: 120_000 });
  }
  await expect(results.getByText("Imported")).toHaveCount(6);
  await expect(results.getByText("Not imported")).toHaveCount(0);
});

test("a production server without a session secret refuses to start and says how to set one", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: "3199", CROSSCHECK_DATA_DIR: ".data/e2e-no-secret" };
  delete env.BETTER_AUTH_SECRET;
  delete env.DATABASE_URL;
  const server = spawn("npx", ["next", "start", "-p", "3199"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout.on("data", (d: Buffer) => (output += d.toString()));
  server.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill("SIGKILL");
      resolve(null);
    }, 45_000);
    server.on("exit", (c: number | null) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(output).toContain("Refusing to start: BETTER_AUTH_SECRET is not set");
  expect(output).toContain("openssl rand");
  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
});
