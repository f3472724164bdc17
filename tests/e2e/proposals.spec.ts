import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./pages.ts";

/** Set SCREENSHOT_DIR to keep pictures of the reader with its suggestions, to look at. */
const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: false });
};

async function openArticle(page: Page, title: RegExp) {
  await page.goto("/investigations/anthropic-pentagon/articles");
  await page.getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("complementary", { name: "Claims" })).toBeVisible();
}

const focusedSuggestion = (page: Page) => page.locator("[data-proposal]:focus");

/** Presses n until a suggestion has focus (the first press may land before the page has hydrated). */
async function walkToSuggestion(page: Page) {
  await expect(async () => {
    await page.keyboard.press("n");
    await expect(focusedSuggestion(page)).toBeVisible({ timeout: 1000 });
  }).toPass();
}

/** "Suggested: tens of billions — Annual recurring revenue" → its words and its attribute. */
const parts = (name: string) => {
  const [, quote, attribute] = /^Suggested: (.*) — (.*)$/.exec(name)!;
  return { quote: quote!, attribute: attribute! };
};

/**
 * Retracts the claim on these words: later specs share the database and read the demo's fact sheet
 * as seeded, so a claim accepted here must stop counting (a retracted claim stays on record).
 */
async function retract(page: Page, quote: string) {
  await page.locator("mark", { hasText: quote }).first().click();
  const details = page.getByRole("region", { name: "Claim" });
  await details.getByRole("button", { name: "Retract…" }).click();
  await details.getByLabel("Why is it retracted?").pressSequentially("End-to-end test: put back as seeded");
  await details.getByRole("button", { name: "Retract claim" }).click();
  await expect(details.getByText(/^Retracted: End-to-end test/)).toBeVisible();
  await details.getByRole("button", { name: "Close claim" }).click();
}

const countOf = async (page: Page) =>
  Number(/(\d+) suggestion/.exec((await page.getByText(/^\d+ suggestions?$/).textContent()) ?? "")?.[1]);

test("an analyst records a suggested claim with the keyboard alone, and rejects another", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openArticle(page, /last-ditch effort to salvage deal/);
  await expect(page.getByRole("switch", { name: "Show suggestions" })).toBeChecked();
  await expect(page.getByText(/n\/p next\/previous/)).toBeVisible();
  const before = await countOf(page);
  expect(before).toBeGreaterThan(0);

  // n: the first suggestion takes focus; on to one whose attribute was guessed, on words the
  // article writes once (so that what follows can find them again).
  await walkToSuggestion(page);
  const text = await page.getByLabel("Article text", { exact: true }).innerText();
  // n walks the proposed names too: on past them.
  const walkOn = async () => {
    const label = await page.evaluate(
      () => (document.activeElement?.hasAttribute("data-proposal") ? document.activeElement.getAttribute("aria-label") : "") ?? "",
    );
    if (!label) return true;
    return /attribute not guessed$/.test(label) || text.split(parts(label).quote).length !== 2;
  };
  for (let i = 0; i < 100 && (await walkOn()); i++) await page.keyboard.press("n");
  const { quote, attribute } = parts((await focusedSuggestion(page).getAttribute("aria-label"))!);
  expect(attribute).not.toBe("attribute not guessed");
  await shot(page, "reader-suggestions");

  // Enter: the form, filled from the guess, the words marked; Enter again saves.
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "New claim" });
  await expect(page.getByText(/Suggested by Crosscheck \(\d+% confident\)/)).toBeVisible();
  await expect(form.getByRole("combobox", { name: "Subject" })).toBeFocused();
  await expect(form.getByRole("combobox", { name: "Subject" })).not.toHaveValue("");
  await expect(form.getByRole("combobox", { name: "Attribute" })).toHaveValue(attribute);
  // The value is the quote's figure, or the part of it that says the value ("Dario Amodei" of "Anthropic CEO Dario Amodei").
  const value = await form.getByLabel("Value", { exact: true }).inputValue();
  expect(value).not.toBe("");
  expect(quote).toContain(value);
  await expect(form.locator("blockquote")).toHaveText(quote);
  await shot(page, "reader-suggestion-form");
  await page.keyboard.press("Enter");

  // The dotted suggestion is now a recorded claim, and stays one after a reload.
  const recorded = page.locator("mark", { hasText: quote });
  await expect(recorded).toBeVisible();
  await expect(recorded).toHaveAccessibleName(new RegExp(`· ${attribute} ·`));
  await expect(page.getByRole("button", { name: `Suggested: ${quote} — ${attribute}` })).toHaveCount(0);
  await expect(page.getByText(/^(\d+ suggestions?|No suggestions)$/)).toHaveText(
    before - 1 === 0 ? "No suggestions" : /^\d+ suggestions?$/,
  );
  await recorded.click();
  await expect(page.getByRole("region", { name: "Claim" }).getByText("Proposed by Crosscheck, accepted by Dana Analyst")).toBeVisible();
  await page.reload();
  await expect(page.locator("mark", { hasText: quote })).toBeVisible();
  await retract(page, quote);

  // x: another article's first suggestion is turned down, and does not come back.
  await openArticle(page, /US government and Anthropic discuss cooperation/);
  const count = await countOf(page);
  await walkToSuggestion(page);
  const rejected = parts((await focusedSuggestion(page).getAttribute("aria-label"))!).quote;
  await page.keyboard.press("x");
  await expect(page.locator("[data-proposal]", { hasText: rejected })).toHaveCount(0);
  await expect(page.getByText(/^(\d+ suggestions?|No suggestions)$/)).toHaveText(
    count === 1 ? "No suggestions" : `${count - 1} suggestion${count - 1 === 1 ? "" : "s"}`,
  );
  // Focus went on to the next suggestion, ready for the next key.
  if (count > 1) await expect(focusedSuggestion(page)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^(\d+ suggestions?|No suggestions)$/)).toBeVisible();
  await expect(page.locator("[data-proposal]", { hasText: rejected })).toHaveCount(0);
});

test("keys do nothing while typing, and the switch hides suggestions until switched back on", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  // Not the article whose only suggestion the first test turned down.
  await openArticle(page, /through official Michael/);
  await walkToSuggestion(page);
  await page.getByRole("button", { name: "Annotate by quote…" }).click();
  const words = page.getByLabel("Words to annotate", { exact: true });
  await words.pressSequentially("nx");
  await expect(words).toHaveValue("nx");
  await expect(focusedSuggestion(page)).toHaveCount(0);
  await page.keyboard.press("Escape");

  // The switch is clicked by its words, as a person would.
  await page.locator("label", { hasText: "Show suggestions" }).click();
  await expect(page.getByRole("switch", { name: "Show suggestions" })).not.toBeChecked();
  await expect(page.locator("[data-proposal]")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("switch", { name: "Show suggestions" })).not.toBeChecked();
  await expect(page.locator("[data-proposal]")).toHaveCount(0);
  await page.locator("label", { hasText: "Show suggestions" }).click();
  await expect(page.locator("[data-proposal]").first()).toBeVisible();
});

test("a reviewer accepts every confident suggestion of an article after a confirmation", async ({ page }) => {
  await signIn(page, "reviewer@example.com");
  await openArticle(page, /through official Michael/);
  await page.getByLabel("Accept all with confidence ≥").selectOption("0.5");
  const open = page.getByRole("button", { name: /^Accept \d+ claims?…$/ });
  await expect(open.or(page.getByText("none ready at this confidence"))).toBeVisible();
  test.skip(!(await open.isVisible()), "no confident suggestion left in the demo article");
  const n = Number(/\d+/.exec((await open.textContent())!)![0]);
  await expect(async () => {
    await open.click();
    await expect(page.getByRole("alertdialog")).toBeVisible({ timeout: 1000 });
  }).toPass();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Save ${n} claim`);
  await shot(page, "reader-accept-all");
  const before = await page.locator("[data-proposal]").allTextContents();
  await dialog.getByRole("button", { name: /^Save \d+ claims?$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved ${n} suggested claim` })).toBeAttached();
  await expect(page.locator("[data-proposal]")).toHaveCount(before.length - n);

  // Each saved suggestion is now a claim that says where it came from and who accepted it.
  const after = await page.locator("[data-proposal]").allTextContents();
  const accepted = before.filter((quote) => !after.includes(quote));
  expect(accepted).toHaveLength(n);
  await page.locator("mark", { hasText: accepted[0] }).first().click();
  await expect(page.getByRole("region", { name: "Claim" }).getByText("Proposed by Crosscheck, accepted by Rafael Reviewer")).toBeVisible();
  await page.getByRole("button", { name: "Close claim" }).click();
  for (const quote of accepted) await retract(page, quote);
});
