import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./pages.ts";

test("the analyst opens the fact sheet, filters to contested facts, and downloads Markdown and JSON", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon");
  await page.getByRole("navigation", { name: "Investigation" }).getByRole("link", { name: "Fact sheet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fact sheet" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Anthropic · CEO" })).toContainText("Confirmed");

  await page.getByLabel("Status").selectOption("contested");
  await expect(page).toHaveURL(/status=contested/);
  const facts = page.getByRole("region", { name: "Facts" });
  await expect(facts.getByText("Contested").first()).toBeVisible();
  await expect(facts.getByText("Confirmed")).toHaveCount(0);
  await expect(facts.getByText("Single source")).toHaveCount(0);
  const backers = page.getByRole("listitem", { name: "Anthropic · Backers" });
  await expect(backers).toContainText("the sources give 2 values");
  await expect(backers).toContainText(/Still open: open conflict #\d+ asks which is right for Anthropic’s backers/);
  // A figure questioned about whose it is shows its one value, not a disagreement.
  const industry = page.getByRole("listitem", { name: "AI industry · Valuation" });
  await expect(industry).toContainText("up to $183 billion");
  await expect(industry).toContainText(/asks whether \$183 billion belongs to/);

  const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Markdown/ }).click()]);
  expect(md.suggestedFilename()).toMatch(/^anthropic-pentagon-factsheet-\d{8}\.md$/);
  const markdown = await readFile((await md.path())!, "utf8");
  expect(markdown).toContain("# Fact sheet: Anthropic and the Pentagon");
  // Two citation markers, each a link to its entry in the list of citations.
  const marker = String.raw`\[\\\[(\d+)\\\]\]\(#(claim-[0-9a-f]+-\d+-\d+)\)`;
  const ceo = markdown.match(new RegExp(String.raw`- \*\*CEO\*\*: Dario Amodei — \*confirmed\* ${marker}${marker}`));
  expect(ceo).not.toBeNull();
  expect(markdown).toContain(`${ceo![1]}. <a id="${ceo![2]}"></a>`);
  expect(markdown).toContain("“Anthropic CEO Dario Amodei”");

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^JSON \.json/ }).click()]);
  expect(json.suggestedFilename()).toMatch(/^anthropic-pentagon-factsheet-\d{8}\.json$/);
  const sheet = JSON.parse(await readFile((await json.path())!, "utf8"));
  expect(sheet.schema).toBe("crosscheck.factsheet/v1");
  expect(sheet.facts.some((f: { status: string }) => f.status === "contested")).toBe(true);
});

test("the export API needs a session, and says which formats exist", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get("/api/investigations/anthropic-pentagon/factsheet?format=md");
  expect(refused.status()).toBe(401);
  await anonymous.dispose();

  await signIn(page, "analyst@example.com");
  const bad = await page.request.get("/api/investigations/anthropic-pentagon/factsheet?format=pdf");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("md, json, csv, html, jsonld");
  const csv = await page.request.get("/api/investigations/anthropic-pentagon/factsheet?format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toMatch(/^\uFEFFfact,entity,attribute,status/);

  // A script polling for changes sends back what it was given, and hears "not modified" until
  // something changes; another format is another file.
  const etag = csv.headers()["etag"]!;
  expect(etag).toMatch(/^".+"$/);
  const unchanged = await page.request.get("/api/investigations/anthropic-pentagon/factsheet?format=csv", {
    headers: { "If-None-Match": etag },
  });
  expect(unchanged.status()).toBe(304);
  const json = await page.request.get("/api/investigations/anthropic-pentagon/factsheet?format=json", {
    headers: { "If-None-Match": etag },
  });
  expect(json.status()).toBe(200);
  expect(json.headers()["etag"]).not.toBe(etag);
});

test("the printable page prints cleanly", async ({ page }) => {
  await signIn(page, "reviewer@example.com");
  await page.goto("/api/investigations/anthropic-pentagon/factsheet?format=html&download=0");
  await expect(page.getByRole("heading", { level: 1, name: "Fact sheet: Anthropic and the Pentagon" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "test-results/factsheet-print.png", fullPage: true });
  await expect(page.getByRole("heading", { name: "Citations" })).toBeVisible();
});
