import { expect, test } from "@playwright/test";
import { actionId, signIn, waitForHydration } from "./pages.ts";

const QUEUE = "/investigations/anthropic-pentagon/conflicts";

test("claims in open conflicts are marked where people read: the entity page, its naming conflict, the reader", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/entities");
  await page
    .getByRole("region", { name: "Entity list" })
    .getByRole("link", { name: /^Anthropic\b/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: /^Anthropic/ })).toBeVisible();
  // $18.4 billion and $183 billion are not listed side by side as if both stood.
  const small = page.getByRole("listitem").filter({ hasText: /^\$18\.4 billion/ });
  // (Other specs may have recorded the same figure again: the first of them is enough.)
  const marker = small.getByRole("link", { name: "In open conflict: Scale slip · Anthropic · Valuation" }).first();
  await expect(marker).toBeVisible();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: /^\$183 billion/ })
      .getByRole("link", { name: /In open conflict: Scale slip/ }),
  ).toBeVisible();
  await marker.click();
  await expect(page.getByRole("heading", { level: 1, name: "Anthropic · Valuation" })).toBeVisible();

  // A name's page says which other name may be the same person.
  await page.goto("/investigations/anthropic-pentagon/entities");
  await page
    .getByRole("region", { name: "Entity list" })
    .getByRole("link", { name: /^Michael\b/ })
    .click();
  const naming = page.getByRole("region", { name: "An open naming conflict" });
  await expect(naming).toBeVisible();
  await naming.getByRole("link", { name: "“Michael” or “Emil Michael”" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "“Michael” or “Emil Michael”" })).toBeVisible();

  // In the reader, the disputed figure's highlight says so in words and with a dashed line, and the legend explains it.
  await page.goto(`${QUEUE}?kind=scale`);
  await page
    .getByRole("list", { name: "Conflicts" })
    .getByRole("link", { name: /Anthropic · Valuation/ })
    .click();
  await page
    .getByRole("region", { name: "What the sources say" })
    .getByRole("listitem", { name: /^\$18\.4 billion/ })
    .first()
    .getByRole("link", { name: /U\.S\. Government Seeks AI Alignment/ })
    .click();
  const highlight = page.getByRole("button", { name: /Anthropic · Valuation · \$18\.4 billion · in open conflict \(Scale slip\)/ }).first();
  await expect(highlight).toBeVisible();
  expect(await highlight.evaluate((e) => getComputedStyle(e).textDecorationStyle)).toBe("dashed");
  await expect(page.getByText("in open conflict", { exact: true })).toBeVisible();
  // A claim in no conflict keeps the plain line.
  const plain = page.locator("mark:not([data-open-conflict])").first();
  expect(await plain.evaluate((e) => getComputedStyle(e).textDecorationStyle)).not.toBe("dashed");
  await expect(
    page
      .getByRole("region", { name: /^Claims in this article/ })
      .getByText("In open conflict (Scale slip)")
      .first(),
  ).toBeVisible();
});

test("the reviewer must choose the decision and the claim, sees the outcome, and goes on from the keyboard", async ({ page }) => {
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
  const conflictUrl = page.url();
  // Each quote inside its sentence, with where it comes from.
  const claims = page.getByRole("region", { name: "What the sources say" });
  await expect(claims.locator("mark", { hasText: "valued at $183 billion" })).toBeVisible();
  await expect(claims.getByText(/founded by former OpenAI researchers and/)).toBeVisible();
  await expect(page.getByText(/likely a unit slip/i).first()).toBeVisible();
  await waitForHydration(page);

  // Nothing is chosen for the reviewer: a rationale and Ctrl+Enter settle nothing.
  const form = page.getByRole("region", { name: "Settle this conflict" });
  await expect(form.getByRole("radio", { checked: true })).toHaveCount(0);
  await form.getByLabel("Rationale").pressSequentially("Two funding rounds: $18.4 billion in 2024, $183 billion in September 2025.");
  await page.keyboard.press("Control+Enter");
  await expect(form.getByText("Choose how the conflict is settled.")).toBeVisible();
  await expect(form.getByRole("radio", { name: /Accept one claim/ })).toBeFocused();
  // Accepting needs the claim: none is chosen either.
  await page.keyboard.press("Space");
  await expect(form.getByRole("radio", { name: /Accept one claim/ })).toBeChecked();
  await expect(form.getByRole("group", { name: "The claim that is right" }).getByRole("radio", { checked: true })).toHaveCount(0);
  await form.getByLabel("Rationale").press("Control+Enter");
  await expect(form.getByText("Choose the claim that is right.")).toBeVisible();
  await expect(form.getByRole("group", { name: "The claim that is right" }).getByRole("radio").first()).toBeFocused();
  await page.reload();
  await expect(page.getByRole("region", { name: "Settle this conflict" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Decision recorded" })).toHaveCount(0);
  await waitForHydration(page);

  await form.getByRole("radio", { name: /Both valid/ }).check();
  await form
    .getByLabel(/^\$18\.4 billion/)
    .first()
    .pressSequentially("2024");
  await form.getByLabel(/^\$183 billion/).pressSequentially("September 2025");
  await form.getByLabel("Rationale").pressSequentially("Two funding rounds: $18.4 billion in 2024, $183 billion in September 2025.");
  await page.keyboard.press("Control+Enter");

  // The outcome, on this conflict's page, before moving on.
  const outcome = page.getByRole("region", { name: "Decision recorded" });
  await expect(outcome).toContainText("Both valid");
  await expect(outcome).toContainText("Two funding rounds");
  await expect(outcome).toContainText("as of September 2025");
  await expect(outcome).toContainText("Rafael Reviewer");
  await expect(page).toHaveURL(new RegExp(`^${conflictUrl}\\?decided=1$`));
  await expect(outcome.getByRole("link", { name: "Link to this conflict" })).toHaveAttribute("href", new URL(conflictUrl).pathname);
  await expect(outcome.getByRole("button", { name: "Reopen…" })).toBeVisible();
  await expect(outcome.getByText(/open conflicts? left\. Press Enter for the next one\./)).toBeVisible();
  const onward = outcome.getByRole("link", { name: "Next open conflict →" });
  await expect(onward).toBeFocused();
  await outcome.getByRole("button", { name: "Reopen…" }).click();
  await expect(page.getByLabel("Why reopen it?")).toBeFocused();
  await onward.focus();

  // The next one, from the keyboard alone: Enter, then the decision has the focus.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Anthropic · Valuation");
  const nextTitle = await page.getByRole("heading", { level: 1 }).textContent();
  await expect(page.getByRole("radio", { name: /Accept one claim/ })).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Rationale")).toBeFocused();
  await page.keyboard.type("The first source is the primary one.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("region", { name: "Decision recorded" })).toContainText("Accepted one claim");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nextTitle!);

  await page.goto(QUEUE);
  await expect(page.getByRole("list", { name: "Conflicts" }).getByText("Anthropic · Valuation")).toHaveCount(0);
  await page.getByRole("link", { name: /^Resolved/ }).click();
  await expect(page.getByRole("list", { name: "Conflicts" }).getByRole("link", { name: /Anthropic · Valuation/ })).toBeVisible();
  await page
    .getByRole("list", { name: "Conflicts" })
    .getByRole("link", { name: /Anthropic · Valuation/ })
    .click();
  const decision = page.getByRole("region", { name: "Decision", exact: true });
  await expect(decision).toContainText("Both valid");
  await expect(decision).toContainText("Two funding rounds");
  await expect(decision).toContainText("as of September 2025");
  await expect(decision).toContainText("Rafael Reviewer");
  await expect(page.getByRole("region", { name: "Decision recorded" })).toHaveCount(0);
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
  // The investigation's own id (the comment form carries it): the analyst is a member, as an analyst.
  const investigationId = await page.locator('input[name="investigationId"]').first().inputValue();

  const id = await actionId("resolveConflict", "lib/features/conflicts/actions.ts");
  const response = await page.request.post(page.url(), {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: baseURL!, Accept: "text/x-component" },
    data: JSON.stringify([{ investigationId, id: conflictId, version: 1, kind: "not_a_conflict", rationale: "Forged by an analyst." }]),
  });
  expect(await response.text()).toContain('"code":"forbidden"');
  await page.reload();
  await expect(page.getByText("Reviewers settle conflicts.")).toBeVisible();
  await expect(page.getByText("Forged by an analyst.")).toHaveCount(0);
});

test("an analyst marks two claims as conflicting from the reader, with a note", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/articles");
  await page.getByRole("link", { name: /U\.S\. Government Seeks AI Alignment with Anthropic/ }).click();
  await page.locator('mark[aria-label*=" — U.S. government · Approach to Anthropic"]').click();
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

test("a reviewer re-runs detection: it runs as a job, the page follows it, and says what changed", async ({ page }) => {
  await signIn(page, "reviewer@example.com");
  await page.goto(QUEUE);
  await page.getByRole("button", { name: "Re-run detection" }).click();
  // The button is busy while the job runs; the page then says its outcome in words.
  await expect(page.getByRole("button", { name: "Checking…" })).toBeDisabled();
  await expect(page.getByRole("status").filter({ hasText: /Up to date: nothing changed\.|\d+ new, \d+ updated/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("button", { name: "Re-run detection" })).toBeEnabled();
});

test("a queue address naming a kind that is only a word of JavaScript shows the whole queue", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  for (const word of ["constructor", "toString", "__proto__"]) {
    await page.goto(`${QUEUE}?kind=${word}`);
    await expect(page.getByRole("heading", { level: 1, name: "Conflicts" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Conflicts" }).getByRole("link").first()).toBeVisible();
  }
});
