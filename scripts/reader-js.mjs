// The JavaScript a reader page costs the browser, compressed as sent, from a running app with the
// demo (`E2E_PORT=3300 node scripts/e2e-server.mjs`, or `npm start` after `npm run seed`):
//   BASE_URL=http://localhost:3300 node scripts/reader-js.mjs ["article title"]
// "first" is what the page loads to be drawn and answering (issue 12: ≤ 150 kB); "after names" adds
// what loads on demand once the article's suggested claims and names are shown.
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://localhost:3300";
const title = process.argv[2] ?? "US government and Anthropic discuss cooperation";
const launch = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

const browser = await chromium.launch(launch);
try {
  const signedIn = await browser.newContext();
  const page = await signedIn.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(process.env.SHOT_EMAIL ?? "analyst@example.com");
  await page.getByLabel("Password").fill("crosscheck-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/investigations$/);
  await page.goto(`${base}/investigations/anthropic-pentagon/articles`);
  const href = await page.getByRole("link", { name: title }).first().getAttribute("href");
  const state = await signedIn.storageState();
  await signedIn.close();

  // A fresh context: nothing cached from the pages before.
  const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 900 } });
  const reader = await context.newPage();
  const scripts = [];
  // A script asked for before the load event is the page's own; those asked for later load on demand.
  let loaded = false;
  reader.on("load", () => (loaded = true));
  const askedFirst = new Set();
  reader.on("request", (request) => void (!loaded && askedFirst.add(request)));
  reader.on("requestfinished", async (request) => {
    if (request.resourceType() !== "script") return;
    scripts.push({ url: request.url(), bytes: (await request.sizes()).responseBodySize, first: askedFirst.has(request) });
  });
  await reader.goto(`${base}${href}`, { waitUntil: "load" });
  await reader.waitForFunction(() =>
    Object.keys(document.querySelector('[aria-label="Article text"]') ?? {}).some((k) => k.startsWith("__reactProps")),
  );
  await reader.waitForLoadState("networkidle");
  await reader
    .getByRole("region", { name: "Names not yet entities" })
    .waitFor({ timeout: 30_000 })
    .catch(() => console.error("no names list shown"));
  await reader.waitForLoadState("networkidle");
  await reader.waitForTimeout(500);
  const kb = (list) => (list.reduce((sum, s) => sum + s.bytes, 0) / 1024).toFixed(1);
  const first = scripts.filter((s) => s.first);
  console.log(`reader JS, compressed: first ${kb(first)} kB (${first.length} scripts); after names ${kb(scripts)} kB (${scripts.length})`);
  if (process.env.VERBOSE)
    for (const s of scripts.sort((a, b) => b.bytes - a.bytes))
      console.log(`  ${(s.bytes / 1024).toFixed(1).padStart(6)} kB ${s.first ? "first" : "later"} ${new URL(s.url).pathname}`);
} finally {
  await browser.close();
}
