import { expect, type Page, type Route, test } from "@playwright/test";
import { signIn } from "./pages.ts";

async function openArticle(page: Page, title: RegExp) {
  await page.goto("/investigations/anthropic-pentagon/articles");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("complementary", { name: "Claims" })).toBeVisible();
}

/** Opens the claim form on these words of the open article, found by typing them (as a keyboard user would). */
async function formForQuote(page: Page, words: string) {
  await page.getByRole("button", { name: "Annotate by quote…" }).click();
  await page.getByLabel("Words to annotate", { exact: true }).pressSequentially(words);
  await page.getByRole("button", { name: "Annotate these words" }).click();
  return page.getByRole("form", { name: "New claim" });
}

const claimCount = (page: Page) => page.getByRole("heading", { name: /Claims in this article/ });

test("the demo story arrives annotated, with highlights on the right words", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /The U\.S\. Department of Defense, through official Michael/);
  const mark = page.locator('mark[aria-label*=" — Anthropic · Valuation · $183 billion"]');
  await expect(mark).toHaveText("valued at $183 billion");
  // Named by the words it shows (what a speech-input user says), then by its claim.
  await expect(mark).toHaveAccessibleName(/^valued at \$183 billion — Anthropic · Valuation · \$183 billion/);
  // Pointed at, or reached with the keyboard, it shows that name as its tooltip.
  const tooltip = () =>
    mark.evaluate((el) => ({ shown: getComputedStyle(el, "::after").display, text: getComputedStyle(el, "::after").content }));
  const name = await mark.getAttribute("aria-label");
  expect(await tooltip()).toEqual({ shown: "none", text: JSON.stringify(name) });
  await mark.hover();
  await expect.poll(tooltip).toEqual({ shown: "block", text: JSON.stringify(name) });
  await page.mouse.move(0, 0);
  await mark.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(mark).toBeFocused();
  await expect.poll(tooltip).toEqual({ shown: "block", text: JSON.stringify(name) });
  await mark.click();
  const details = page.getByRole("region", { name: "Claim" });
  await expect(details.getByText("→ 183 billion USD (182.5–183.5 bn)")).toBeVisible();
});

test("an analyst selects words, records a claim, and it is still highlighted after a reload", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /U\.S\. Government Seeks AI Alignment with Anthropic/);
  await expect(claimCount(page)).toContainText("(10)");

  // Select the words the demo analyst already marked, as a person would with the mouse.
  const words = page.locator("mark", { hasText: "valued at $18.4 billion" });
  await words.selectText();
  await words.dispatchEvent("mouseup");

  const form = page.getByRole("form", { name: "New claim" });
  await expect(form.getByText("valued at $18.4 billion", { exact: true })).toBeVisible();
  // The value is taken out of the selected words, its kind detected, its reading shown.
  await expect(form.getByLabel("Value", { exact: true })).toHaveValue("$18.4 billion");
  await expect(form.getByLabel("Kind", { exact: true })).toHaveValue("money");
  await expect(form.getByText("18.4 billion USD (18.35–18.45 bn)")).toBeVisible();
  await form.getByRole("combobox", { name: "Subject" }).pressSequentially("Anthrop");
  await page.getByRole("option", { name: /^Anthropic/ }).click();
  // The box shows the name picked, not the letters typed, and its list closes.
  await expect(form.getByRole("combobox", { name: "Subject" })).toHaveValue("Anthropic");
  await expect(page.getByRole("listbox")).toBeHidden();
  await form.getByRole("combobox", { name: "Attribute" }).pressSequentially("valuation");
  await page.keyboard.press("Tab");
  await form.getByRole("button", { name: "Save claim" }).click();

  await expect(claimCount(page)).toContainText("(11)");
  await page.reload();
  await expect(claimCount(page)).toContainText("(11)");
  const mark = page.locator("mark", { hasText: "valued at $18.4 billion" });
  await expect(mark).toHaveAttribute("aria-label", /Anthropic · valuation · \$18\.4 billion/);
});

test("dragging over highlighted words records a new claim on them, and they stay marked while the form is open", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /U\.S\. Government Seeks AI Alignment with Anthropic/);
  // A figure and its misattribution are two claims on one quote: the drag is a person's real mouse.
  const mark = page.locator("mark", { hasText: "valued at $18.4 billion" }).first();
  const box = (await mark.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const form = page.getByRole("form", { name: "New claim" });
  await expect(form).toBeVisible();
  await expect(page.getByRole("region", { name: "Claim", exact: true })).toHaveCount(0);
  await expect(form.getByRole("combobox", { name: "Subject" })).toBeFocused();
  // Focus left the text, and the words are still marked.
  expect(await page.evaluate(() => CSS.highlights.has("crosscheck-pending"))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(form).toBeHidden();
  expect(await page.evaluate(() => CSS.highlights.has("crosscheck-pending"))).toBe(false);
  // A click, not a drag, still opens the claim's details.
  await mark.click();
  await expect(page.getByRole("region", { name: "Claim", exact: true })).toBeVisible();
});

test("a save that opens a conflict shows it at once, on the claim and in the navigation's count", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /U\.S\. Government Seeks AI Alignment with Anthropic/);
  const badge = page.getByRole("navigation", { name: "Investigation" }).getByLabel(/\d+ open$/);
  const before = Number(await badge.textContent());
  for (const value of ["$18 billion", "$25 billion"]) {
    const words = page.locator("mark", { hasText: "valued at $18.4 billion" });
    await words.selectText();
    await words.dispatchEvent("mouseup");
    const form = page.getByRole("form", { name: "New claim" });
    await form.getByRole("combobox", { name: "Subject" }).pressSequentially("Anthrop");
    await page.getByRole("option", { name: /^Anthropic/ }).click();
    await form.getByRole("combobox", { name: "Attribute" }).pressSequentially("Round size");
    await page.keyboard.press("Tab");
    const valueBox = form.getByLabel("Value", { exact: true });
    await valueBox.press("ControlOrMeta+a");
    await valueBox.pressSequentially(value);
    await form.getByRole("button", { name: "Save claim" }).click();
    await expect(form).toBeHidden();
  }
  // No reload: the count beside "Conflicts" and the claim's own details follow the save.
  await expect(badge).toHaveText(String(before + 1));
  // Named by its claim, and (now in a conflict) by the conflict it is in.
  await page
    .getByRole("region", { name: /^Claims in this article/ })
    .getByRole("button", { name: /^Anthropic · Round size\s+\$25 billion\s+In open conflict/ })
    .click();
  const details = page.getByRole("region", { name: "Claim" });
  await expect(details.getByRole("link", { name: "Value", exact: true })).toBeVisible();
});

test("a value that cannot be read keeps the form and what was typed", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /Anthropic makes last-ditch effort/);
  const form = await formForQuote(page, "a public standoff");
  await form.getByRole("combobox", { name: "Subject" }).pressSequentially("Standoff watchers");
  await page.keyboard.press("Tab");
  await form.getByRole("combobox", { name: "Attribute" }).pressSequentially("Size");
  await page.keyboard.press("Tab");
  await form.getByLabel("Kind", { exact: true }).selectOption("money");
  await form.getByRole("button", { name: "Save claim" }).click();
  // Said once, next to the field, which is marked invalid and takes the focus.
  await expect(form.getByText(/is not read as an amount of money/)).toHaveCount(1);
  const valueBox = form.getByLabel("Value", { exact: true });
  await expect(valueBox).toHaveAttribute("aria-invalid", "true");
  await expect(valueBox).toBeFocused();
  await expect(form.getByRole("combobox", { name: "Subject" })).toHaveValue("Standoff watchers");
  await expect(form.getByRole("combobox", { name: "Attribute" })).toHaveValue("Size");
});

test("keyboard only: find the words, fill the claim, save with Ctrl+Enter", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /Anthropic makes last-ditch effort/);
  await expect(claimCount(page)).toContainText("(6)");

  const finder = page.getByRole("button", { name: "Annotate by quote…" });
  for (let i = 0; i < 40 && !(await finder.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(finder).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Words to annotate", { exact: true })).toBeFocused();
  await page.keyboard.type("Sam Altman");
  await page.keyboard.press("Enter");

  const form = page.getByRole("form", { name: "New claim" });
  await expect(form.getByRole("combobox", { name: "Subject" })).toBeFocused();
  await page.keyboard.type("Sam Altman");
  await page.keyboard.press("Tab"); // the typed name stays and becomes a new entity
  await expect(form.getByText("New entity", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Kind of the new entity")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Named in the text as")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form.getByRole("combobox", { name: "Attribute" })).toBeFocused();
  await page.keyboard.type("Role");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Value", { exact: true })).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("CEO of OpenAI");
  await page.keyboard.press("Control+Enter");

  await expect(claimCount(page)).toContainText("(7)");
  const mark = page.locator('mark[aria-label*="Sam Altman · Role · CEO of OpenAI"]');
  await expect(mark).toHaveText("Sam Altman");
  // Focus comes back to the words just annotated, and the save is announced.
  await expect(mark).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Saved: Sam Altman · Role · CEO of OpenAI" })).toBeAttached();
});

test("Esc closes a suggestion list before the form, and a filled form asks before it is thrown away", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /Anthropic makes last-ditch effort/);
  const before = await claimCount(page).textContent();
  const form = await formForQuote(page, "a public standoff");
  const subject = form.getByRole("combobox", { name: "Subject" });
  await subject.pressSequentially("Standoff Monitor");
  // Picking "Create …" closes the list and keeps the new name in the box.
  await page.getByRole("option", { name: /Create “Standoff Monitor”/ }).click();
  await expect(page.getByRole("listbox")).toBeHidden();
  await expect(subject).toHaveValue("Standoff Monitor");
  await expect(form.getByText("New entity", { exact: true })).toBeVisible();

  const attribute = form.getByRole("combobox", { name: "Attribute" });
  await attribute.pressSequentially("valu");
  await expect(page.getByRole("listbox")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox")).toBeHidden();
  await expect(form).toBeVisible();

  // The next Esc would lose what was typed: it asks, and "Keep editing" has the focus.
  await page.keyboard.press("Escape");
  const ask = page.getByRole("alertdialog", { name: "Discard what you typed for this claim?" });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ask).toBeHidden();
  await expect(subject).toHaveValue("Standoff Monitor");

  await form.getByRole("button", { name: "Cancel" }).click();
  await ask.getByRole("button", { name: "Discard" }).click();
  await expect(form).toBeHidden();
  await expect(claimCount(page)).toHaveText(before!);
});

test("the attribute box lists the attributes in use on focus, and warns when a new name is close to one", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /Anthropic makes last-ditch effort/);
  const form = await formForQuote(page, "a public standoff");
  const attribute = form.getByRole("combobox", { name: "Attribute" });
  await attribute.focus();
  // Most used first, before anything is typed.
  await expect(page.getByRole("option").first()).toContainText("Role");
  await attribute.pressSequentially("recurring revenue annual");
  await page.keyboard.press("Escape");
  const warning = form.getByText(/New attribute, close to “Annual recurring revenue”/);
  await expect(warning).toBeVisible();
  await form.getByRole("button", { name: "Use “Annual recurring revenue”" }).click();
  await expect(attribute).toHaveValue("Annual recurring revenue");
  await expect(warning).toBeHidden();
});

test("a subject typed exactly and never picked saves, and how the text names it is found when left empty", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /Anthropic makes last-ditch effort/);
  const form = await formForQuote(page, "a public standoff");
  await form.getByRole("combobox", { name: "Subject" }).pressSequentially("Anthropic");
  await page.keyboard.press("Escape");
  const named = form.getByLabel("Named in the text as");
  await named.press("ControlOrMeta+a");
  await named.press("Delete");
  await expect(named).toHaveValue("");
  await form.getByRole("combobox", { name: "Attribute" }).pressSequentially("Posture");
  await page.keyboard.press("Tab");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form).toBeHidden();
  await expect(page.locator('mark[aria-label*="Anthropic · Posture · a public standoff"]')).toBeVisible();
});

test("an alias is added to Emil Michael from his entity page", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/entities");
  await page.getByLabel("Search entities").fill("emil");
  await page.getByRole("link", { name: /Emil Michael/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Emil Michael/ })).toBeVisible();
  await page.getByLabel("New alias").fill("the Pentagon's Michael");
  await page.getByRole("button", { name: "Add alias" }).click();
  await expect(page.getByRole("list", { name: "Aliases" }).getByText("the Pentagon's Michael")).toBeVisible();
  await page.getByLabel("New alias").fill("Emil Michael");
  await page.getByRole("button", { name: "Add alias" }).click();
  await expect(page.getByText("That is the entity's own name.")).toBeVisible();
  // And taken away again.
  await page.getByRole("button", { name: "Remove alias the Pentagon's Michael" }).click();
  await expect(page.getByRole("list", { name: "Aliases" }).getByText("the Pentagon's Michael")).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("the Pentagon's Michael", { exact: true })).toHaveCount(0);
});

test("saving over someone else's newer edit is refused, names them, and keeps what was typed", async ({ page, browser }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /US government and Anthropic discuss cooperation/);
  await page.locator('mark[aria-label*=" — Mythos · Developer"]').click();
  await page.getByRole("region", { name: "Claim" }).getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("Note (optional)").fill("Checked against the company blog");

  const other = await browser.newContext();
  const reviewer = await other.newPage();
  await signIn(reviewer, "reviewer@example.com");
  await openArticle(reviewer, /US government and Anthropic discuss cooperation/);
  await reviewer.locator('mark[aria-label*=" — Mythos · Developer"]').click();
  await reviewer.getByRole("region", { name: "Claim" }).getByRole("button", { name: "Edit" }).click();
  await reviewer.getByRole("form", { name: "Edit claim" }).getByLabel("Note (optional)").fill("Reviewer's note");
  await reviewer.getByRole("button", { name: "Save changes" }).click();
  await expect(reviewer.getByRole("region", { name: "Claim" }).getByText("Reviewer's note")).toBeVisible();
  await other.close();

  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText(/was changed by Rafael Reviewer \(reviewer@example\.com\)/)).toBeVisible();
  await expect(form.getByLabel("Note (optional)")).toHaveValue("Checked against the company blog");
});

test("merging Michael into Emil Michael moves his claims, and the merge can be undone", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/entities");
  await page.getByRole("link", { name: /^Michael/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Michael/ })).toBeVisible();
  await page.getByLabel("Merge Michael into").selectOption({ label: "Emil Michael (person)" });
  await page.getByRole("button", { name: "Merge…" }).click();
  await page.getByRole("button", { name: "Merge into Emil Michael" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /Emil Michael/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove alias Michael", exact: true })).toBeVisible();
  await expect(page.getByText("named “official Michael”")).toBeVisible();

  await page.getByRole("button", { name: "Undo: separate Michael" }).click();
  await expect(page.getByText("named “official Michael”")).toHaveCount(0);
  await page.goto("/investigations/anthropic-pentagon/entities");
  await expect(page.getByRole("link", { name: /^Michael/ })).toBeVisible();
});

test("the entity list finds names and aliases, and scrolls to its end", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/entities");
  await expect(page.getByText(/^\d+ entities$/)).toBeVisible();
  await page.getByRole("link", { name: /^xAI/ }).scrollIntoViewIfNeeded();
  await expect(page.getByRole("link", { name: /^xAI/ })).toBeVisible();
  await page.getByLabel("Search entities").fill("nsa");
  await expect(page.getByText(/^1 of \d+ entities$/)).toBeVisible();
  await expect(page.getByRole("link", { name: /^National Security Agency/ })).toBeVisible();
  await page.getByLabel("Search entities").fill("no such name");
  await expect(page.getByText("No entity matches “no such name”.")).toBeVisible();
});

test("a claim is retracted with a reason, restored, then deleted", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /U\.S\. military leaders, including Secretary of Defense Pete Hegseth/);
  const before = Number((await claimCount(page).textContent())?.match(/\((\d+)\)/)?.[1]);
  const mark = page.locator('mark[aria-label*=" — xAI · Owner"]');
  await mark.click();
  const details = page.getByRole("region", { name: "Claim" });
  // Its history is asked for as it opens, and read again after each change, newest first.
  const history = details.getByRole("region", { name: "History" }).getByRole("listitem");
  await expect(history).toHaveText([/^recorded by the demo seed · /]);
  await details.getByRole("button", { name: "Retract…" }).click();
  await details.getByLabel("Why is it retracted?").fill("Ownership is not what the article is about");
  await details.getByRole("button", { name: "Retract claim" }).click();
  await expect(details.getByText("Retracted: Ownership is not what the article is about")).toBeVisible();
  await expect(history).toHaveText([/^retracted by Dana Analyst · /, /^recorded by/]);

  await details.getByRole("button", { name: "Restore" }).click();
  await expect(details.getByText("Active", { exact: true })).toBeVisible();
  await expect(history).toHaveText([/^restored by Dana Analyst · /, /^retracted by/, /^recorded by/]);

  await details.getByRole("button", { name: "Delete…" }).click();
  await details.getByRole("button", { name: "Delete claim" }).click();
  await expect(claimCount(page)).toContainText(`(${before - 1})`);
  await expect(page.locator('mark[aria-label*=" — xAI · Owner"]')).toHaveCount(0);
  await page.reload();
  await expect(claimCount(page)).toContainText(`(${before - 1})`);
});

test("a viewer opening a claim whose history cannot be loaded is told so, and can ask again", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  await openArticle(page, /The U\.S\. Department of Defense, through official Michael/);
  const mark = page.locator('mark[aria-label*=" — Anthropic · Valuation · $183 billion"]');
  const claimId = (await mark.getAttribute("data-claims"))!.split(" ")[0]!;
  // The request for this claim's history fails (the network, not the server, says no).
  const failHistory = (route: Route) =>
    route.request().method() === "POST" && route.request().postData()?.includes(claimId) ? route.abort() : route.fallback();
  await page.route("**/*", failHistory);
  await mark.click();
  const details = page.getByRole("region", { name: "Claim" });
  const history = details.getByRole("region", { name: "History" });
  await expect(history.getByRole("alert")).toContainText("History could not be loaded.");
  await page.unroute("**/*", failHistory);
  await history.getByRole("button", { name: "Try again" }).click();
  await expect(history.getByRole("listitem")).toHaveText([/^recorded by the demo seed · /]);
  await expect(history.getByRole("alert")).toHaveCount(0);
});

test("a claim records who gives the figure, and an as-of finer than a day", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /U\.S\. military leaders, including Secretary of Defense Pete Hegseth/);
  const form = await formForQuote(page, "Friday evening");
  await form.getByRole("combobox", { name: "Subject" }).pressSequentially("Anthropic");
  await page.keyboard.press("Tab");
  await form.getByRole("combobox", { name: "Attribute" }).pressSequentially("Deadline given by Hegseth");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Named in the text as")).toHaveValue("Anthropic");
  await form.getByLabel("As of (optional)").pressSequentially("24 February 2026, 16:30 local time");
  // The reading says which day and minute that is, in the investigation's zone, before saving.
  await expect(form.getByText("Tue, 24 Feb 2026, 16:30 UTC")).toBeVisible();
  await form.getByText(/^Qualifiers/).click();
  await form.getByLabel("According to").pressSequentially("Axios");
  await page.keyboard.press("Control+Enter");

  // The words overlap another claim's highlight: open it from the list of the article's claims.
  await page.getByRole("complementary", { name: "Claims" }).getByText("Anthropic · Deadline given by Hegseth").click();
  const details = page.getByRole("region", { name: "Claim", exact: true });
  await expect(details).toContainText("Deadline given by Hegseth");
  await expect(details).toContainText("According to");
  await expect(details).toContainText("Axios");
  await expect(details).toContainText("24 February 2026, 16:30 local time");
});

test("the Department of Defense is put inside the U.S. government, seen from both, then taken out", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.goto("/investigations/anthropic-pentagon/entities");
  await page.getByLabel("Search entities").pressSequentially("Department of Defense");
  await page.getByRole("link", { name: /^Department of Defense/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Department of Defense/ })).toBeVisible();
  const panel = page.getByRole("region", { name: "Part of" });
  await panel.getByLabel("Department of Defense is part of").selectOption({ label: "U.S. government (organization)" });
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByRole("status")).toContainText("Saved.");
  await page.reload();
  await page.getByRole("region", { name: "Part of" }).getByRole("link", { name: "U.S. government" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /U\.S\. government/ })).toBeVisible();
  const whole = page.getByRole("region", { name: "Part of" });
  await expect(whole.getByRole("link", { name: "Department of Defense" })).toBeVisible();

  // Taken out again: the demo's other journeys see it as it was.
  await whole.getByRole("link", { name: "Department of Defense" }).click();
  const again = page.getByRole("region", { name: "Part of" });
  await again.getByLabel("Department of Defense is part of").selectOption({ index: 0 });
  await again.getByRole("button", { name: "Save" }).click();
  await expect(again.getByRole("status")).toContainText("Saved.");
});
