import { expect, test } from "@playwright/test";
import { actionId, signIn } from "./pages.ts";

const QUEUE = "/investigations/anthropic-pentagon/conflicts";

test("the reviewer settles the valuation conflict as both valid from the keyboard, and it leaves the open list", async ({ page }) => {
  await signIn(page, "reviewer@example.com");
  await page.getByRole("link", { name: /Anthropic and the Pentagon/ }).click();
  await page
    .getByRole("navigation", { name: "Investigation" })
    .getByRole("link", { name: /Conflicts/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Conflicts" })).toBeVisible();

  // The scale slip is the most consequential open conflict: first in the queue.
  const queue = page.getByRole("list", { name: "Conflicts" });
  const first = queue.getByRole("link").first();
  await expect(first).toContainText("Anthropic · Valuation");
  await expect(first).toContainText("Scale slip");
  // Keyboard: move down and back up the queue, then open it.
  await first.focus();
  await page.keyboard.press("j");
  await expect(queue.getByRole("link").nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(first).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Anthropic · Valuation" })).toBeVisible();
  // Each quote inside its sentence, with where it comes from.
  const claims = page.getByRole("region", { name: "What the sources say" });
  await expect(claims.locator("mark", { hasText: "valued at $183 billion" })).toBeVisible();
  await expect(claims.getByText(/founded by former OpenAI researchers and/)).toBeVisible();
  await expect(page.getByText(/likely a unit slip/i).first()).toBeVisible();

  const form = page.getByRole("region", { name: "Settle this conflict" });
  await form.getByRole("radio", { name: /Both valid/ }).check();
  await form
    .getByLabel(/^\$18\.4 billion/)
    .first()
    .fill("2024");
  await form.getByLabel(/^\$183 billion/).fill("September 2025");
  await form.getByLabel("Rationale").fill("Two funding rounds: $18.4 billion in 2024, $183 billion in September 2025.");
  await page.keyboard.press("Control+Enter");

  // On to the next open conflict, told what was settled.
  await expect(page.getByRole("status").filter({ hasText: "Settled “Anthropic · Valuation”: Both valid." })).toBeVisible();
  // The next one, from the keyboard alone: the decision has the focus; Tab to the claim, Tab to the rationale.
  const nextTitle = await page.getByRole("heading", { level: 1 }).textContent();
  await expect(page.getByRole("radio", { name: /Accept one claim/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Rationale")).toBeFocused();
  await page.keyboard.type("The first source is the primary one.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: `Settled “${nextTitle}”: Accepted one claim.` })).toBeVisible();
  await page.goto(QUEUE);
  await expect(page.getByRole("list", { name: "Conflicts" }).getByText("Anthropic · Valuation")).toHaveCount(0);
  await page.getByRole("link", { name: /^Resolved/ }).click();
  await expect(page.getByRole("list", { name: "Conflicts" }).getByRole("link", { name: /Anthropic · Valuation/ })).toBeVisible();
  await page
    .getByRole("list", { name: "Conflicts" })
    .getByRole("link", { name: /Anthropic · Valuation/ })
    .click();
  const decision = page.getByRole("region", { name: "Decision" });
  await expect(decision).toContainText("Both valid");
  await expect(decision).toContainText("Two funding rounds");
  await expect(decision).toContainText("as of September 2025");
  await expect(decision).toContainText("Rafael Reviewer");
});

test("the analyst sees a conflict's state but no resolve controls, and a forged resolve is refused", async ({ page, baseURL }) => {
  await signIn(page, "analyst@example.com");
  await page.goto(`${QUEUE}?kind=naming`);
  await page
    .getByRole("list", { name: "Conflicts" })
    .getByRole("link", { name: /“Michael” or “Emil Michael”/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "“Michael” or “Emil Michael”" })).toBeVisible();
  await expect(page.getByText("Open", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Reviewers settle conflicts.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  const conflictId = page.url().split("/").at(-1)!;

  const id = await actionId("resolveConflict", "lib/features/conflicts/actions.ts");
  const response = await page.request.post(page.url(), {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: baseURL!, Accept: "text/x-component" },
    data: JSON.stringify([
      { investigationId: "x", id: conflictId, version: 1, kind: "not_a_conflict", rationale: "Forged by an analyst." },
    ]),
  });
  expect(await response.text()).toContain('"code":"forbidden"');
  await page.reload();
  await expect(page.getByText("Reviewers settle conflicts.")).toBeVisible();
  await expect(page.getByText("Forged by an analyst.")).toHaveCount(0);
});

test("an analyst marks two claims as conflicting from the reader, with a note", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/articles");
  await page.getByRole("link", { name: /The U\.S\. government, through the Pentagon's Michael/ }).click();
  await page.locator('mark[aria-label^="U.S. government · Approach to Anthropic"]').click();
  await page.getByRole("region", { name: "Claim" }).getByRole("link", { name: "Mark as conflicting…" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Mark claims as conflicting" })).toBeVisible();
  await expect(page.getByText("1 claim selected")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search claims" }).fill("face penalties");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=face/);
  await expect(page.getByRole("checkbox")).toHaveCount(2);
  await page.getByRole("checkbox").nth(1).check();
  await expect(page.getByText("2 claims selected")).toBeVisible();
  await page.getByLabel("How do they disagree?").fill("Offering concessions and ordering compliance describe opposite approaches.");
  await page.getByRole("button", { name: "Mark as conflicting" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /U\.S\. government · Approach to Anthropic/ })).toBeVisible();
  await expect(page.getByText("Marked by hand", { exact: true })).toBeVisible();
  await expect(page.getByText(/describe opposite approaches/).first()).toBeVisible();
});

test("the reviewer reads how a conflict's claims relate, says the attribute's lists are partial, and undoes it", async ({ page }) => {
  await signIn(page, "reviewer@example.com");
  await page.goto(`${QUEUE}?kind=set`);
  await page
    .getByRole("list", { name: "Conflicts" })
    .getByRole("link", { name: /Anthropic · Backers/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Anthropic · Backers" })).toBeVisible();
  const pairs = page.getByRole("region", { name: "How the claims relate" });
  await expect(pairs.getByRole("listitem").first()).toContainText("Lists differ");
  await expect(pairs).toContainText("Microsoft");
  const sense = page.getByRole("region", { name: "How “Backers” behaves" });
  await expect(sense).toContainText("Lists are complete");

  await sense.getByText("Change how it behaves").click();
  await sense.getByLabel("Lists").selectOption({ label: "Lists are partial" });
  await sense.getByRole("button", { name: "Save how it behaves" }).click();
  await expect(sense.getByRole("status")).toContainText("Saved; detection has looked again.");
  await page.reload();
  await expect(page.getByText(/The disagreement no longer holds/)).toBeVisible();
  await expect(page.getByRole("region", { name: "How “Backers” behaves" })).toContainText("Set by a reviewer.");

  // Back to what detection infers: the disagreement holds again and the conflict is open.
  const again = page.getByRole("region", { name: "How “Backers” behaves" });
  await again.getByText("Change how it behaves").click();
  await again.getByLabel("Lists").selectOption({ index: 0 });
  await again.getByRole("button", { name: "Save how it behaves" }).click();
  await expect(again.getByRole("status")).toContainText("Saved; detection has looked again.");
  await page.reload();
  await expect(page.getByText("Open", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/The disagreement no longer holds/)).toHaveCount(0);
});
