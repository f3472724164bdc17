// Takes screenshots of the main screens (desktop and phone widths) from a running app:
//   BASE_URL=http://localhost:3000 node scripts/screenshots.mjs [out-dir]
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.argv[2] ?? "docs/screenshots";
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
for (const [label, viewport] of [
  ["desktop", { width: 1280, height: 860 }],
  ["phone", { width: 390, height: 844 }],
]) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: label === "phone" ? 2 : 1 });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.screenshot({ path: `${out}/${label}-sign-in.png` });
  await page.getByLabel("Email").fill(process.env.SHOT_EMAIL ?? "admin@example.com");
  await page.getByLabel("Password").fill("crosscheck-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Investigations" }).waitFor();
  await page.screenshot({ path: `${out}/${label}-investigations.png`, fullPage: true });
  await page.goto(`${base}/investigations/anthropic-pentagon`);
  await page.screenshot({ path: `${out}/${label}-overview.png`, fullPage: true });
  await page.goto(`${base}/investigations/anthropic-pentagon/articles`);
  await page.screenshot({ path: `${out}/${label}-articles.png`, fullPage: true });
  await page.goto(base + (await page.getByRole("link", { name: /US government and Anthropic discuss cooperation/ }).getAttribute("href")));
  await page.screenshot({ path: `${out}/${label}-reader.png`, fullPage: true });
  await page.goto(`${base}/investigations/anthropic-pentagon/articles`);
  await page.goto(
    base + (await page.getByRole("link", { name: /The U\.S\. Department of Defense, through official Michael/ }).getAttribute("href")),
  );
  await page.locator("mark", { hasText: "valued at $183 billion" }).click();
  await page.screenshot({ path: `${out}/${label}-annotations.png` });
  await page.goto(`${base}/investigations/anthropic-pentagon/entities`);
  await page.goto(
    base +
      (await page
        .getByRole("region", { name: "Entity list" })
        .getByRole("link", { name: /^Anthropic/ })
        .first()
        .getAttribute("href")),
  );
  await page.screenshot({ path: `${out}/${label}-entity.png`, fullPage: true });
  await page.goto(`${base}/investigations/anthropic-pentagon/conflicts`);
  await page.screenshot({ path: `${out}/${label}-conflicts.png`, fullPage: true });
  const queue = page.getByRole("list", { name: "Conflicts" });
  for (const [name, title] of [
    ["conflict", /Anthropic · Valuation/],
    ["conflict-naming", /“Michael” or “Emil Michael”/],
    ["conflict-misattribution", /183 billion: Anthropic or/],
  ]) {
    await page.goto(`${base}/investigations/anthropic-pentagon/conflicts`);
    await page.goto(base + (await queue.getByRole("link", { name: title }).first().getAttribute("href")));
    await page.screenshot({ path: `${out}/${label}-${name}.png`, fullPage: true });
  }
  await page.goto(`${base}/investigations/anthropic-pentagon/conflicts?status=resolved`);
  await page.goto(base + (await queue.getByRole("link").first().getAttribute("href")));
  await page.screenshot({ path: `${out}/${label}-conflict-resolved.png`, fullPage: true });
  await page.goto(`${base}/investigations/anthropic-pentagon/conflicts/new?q=approach`);
  await page.screenshot({ path: `${out}/${label}-conflict-new.png`, fullPage: true });
  await page.goto(`${base}/investigations/anthropic-pentagon/factsheet`);
  await page.screenshot({ path: `${out}/${label}-factsheet.png`, fullPage: true });
  await page.goto(`${base}/investigations/anthropic-pentagon/factsheet?status=contested`);
  await page.screenshot({ path: `${out}/${label}-factsheet-contested.png` });
  await page.goto(`${base}/api/investigations/anthropic-pentagon/factsheet?format=html&download=0`);
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: `${out}/${label}-factsheet-print.png` });
  await page.emulateMedia({ media: "screen" });
  await page.goto(`${base}/admin/users`);
  await page.screenshot({ path: `${out}/${label}-users.png`, fullPage: true });
  await context.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
