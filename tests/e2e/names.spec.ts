import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./pages.ts";

/** Set SCREENSHOT_DIR to keep pictures of the reader with its proposed names, to look at. */
const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: false });
};

const ARTICLE =
  "Under Secretary Emil Michael met Dario Amodei in Arlington on Tuesday. Michael said the talks had stalled, " +
  "and Amodei said Anthropic would not yield. Jens Scharfenberg, who advises the Defense Innovation Board, called the meeting short.";

/**
 * In an investigation of its own (other specs share the demo's, and read its entities as seeded):
 * the analyst makes it, pastes an article, and names two entities by hand first.
 */
async function storyWithNames(page: Page) {
  const title = `Names in the text ${Date.now()}`;
  await page.goto("/investigations");
  await page.getByLabel("Title").pressSequentially(title);
  await page.getByRole("button", { name: "Create investigation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/")[2]!;

  for (const [name, kind] of [
    ["Emil Michael", "person"],
    ["Anthropic", "organization"],
  ] as const) {
    await page.goto(`/investigations/${slug}/entities`);
    await page.getByLabel("Name").pressSequentially(name);
    await page.getByLabel("Kind").selectOption(kind);
    await page.getByRole("button", { name: "Create entity" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }

  await page.goto(`/investigations/${slug}/articles`);
  await page.getByRole("tab", { name: "Paste text" }).click();
  await page.getByLabel("Title").pressSequentially("Talks stall");
  await page.getByLabel("Article text").pressSequentially(ARTICLE, { delay: 0 });
  await page.getByRole("button", { name: "Import article" }).click();
  await page.getByRole("list", { name: "Import results" }).getByRole("link", { name: "Talks stall" }).click();
  await expect(page.getByRole("complementary", { name: "Claims" })).toBeVisible();
  return slug;
}

test("an analyst makes one name an alias, another a new entity, and dismisses a third", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  const slug = await storyWithNames(page);
  const text = page.getByLabel("Article text");
  const names = page.getByRole("region", { name: "Names not yet entities" });
  await expect(names).toBeVisible();
  // Known names are linked, quietly: Anthropic is no proposal.
  await expect(text.locator("a[data-entity]", { hasText: "Anthropic" })).toHaveAttribute("href", /\/entities\//);
  await expect(names.getByRole("button", { name: /^Anthropic/ })).toHaveCount(0);
  await shot(page, "names-reader");

  // "Michael" alone: another name of Emil Michael, by the naming rules. From the text, with the keyboard.
  const michael = text.getByRole("button", { name: "Name not yet an entity: Michael" });
  await michael.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("region", { name: "Proposed name" });
  await expect(panel.getByRole("heading", { name: "Michael" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Alias of Emil Michael" })).toBeFocused();
  await shot(page, "names-panel");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Michael is now an alias of Emil Michael." })).toBeAttached();
  await expect(text.locator("a[data-entity]", { hasText: /^Michael$/ })).toBeVisible();

  // "Jens Scharfenberg": someone new, from the list beside the text.
  await names.getByRole("button", { name: "Jens Scharfenberg" }).click();
  await panel.getByLabel("Kind of the new entity").selectOption("person");
  await panel.getByRole("button", { name: "New entity" }).click();
  await expect(text.locator("a[data-entity]", { hasText: "Jens Scharfenberg" })).toBeVisible();

  // "Dario Amodei": a person, whose short form "Amodei" the panel would keep as an alias; the
  // analyst declines it, and "Amodei" alone stays a name to decide on.
  await names.getByRole("button", { name: "Dario Amodei" }).click();
  await panel.getByLabel("Kind of the new entity").selectOption("person");
  const shortForm = panel.getByRole("checkbox", { name: "“Amodei” as an alias" });
  await expect(shortForm).toBeChecked();
  await shortForm.uncheck();
  await panel.getByRole("button", { name: "New entity" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dario Amodei is now an entity (person)." })).toBeAttached();
  await expect(text.locator("a[data-entity]", { hasText: /^Dario Amodei$/ })).toBeVisible();
  await expect(text.locator("a[data-entity]", { hasText: /^Amodei$/ })).toHaveCount(0);

  // "Arlington": not tracked here.
  await names.getByRole("button", { name: "Arlington" }).click();
  await panel.getByRole("button", { name: "Dismiss name" }).click();
  await expect(names.getByRole("button", { name: "Arlington" })).toHaveCount(0);
  await expect(text.getByRole("button", { name: "Name not yet an entity: Arlington" })).toHaveCount(0);
  await shot(page, "names-after");

  // All three hold after a reload; the new person and the alias are on the entities page.
  await page.reload();
  await expect(text.locator("a[data-entity]", { hasText: "Jens Scharfenberg" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Names not yet entities" }).getByRole("button", { name: "Arlington" })).toHaveCount(0);
  await page.goto(`/investigations/${slug}/entities`);
  await expect(page.getByRole("link", { name: "Jens Scharfenberg" })).toBeVisible();
  await expect(page.getByText("also: Michael")).toBeVisible();
});

test("the names panel and list load with the first names shown, not with the article", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  // Suggestions switched off in this browser: the article is read without names.
  await page.evaluate(() => localStorage.setItem("crosscheck:show-suggestions", "off"));
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text().catch(() => ""));
  });
  const namesUi = async () => (await Promise.all(scripts)).some((code) => code.includes("Names not yet entities"));

  await page.goto("/investigations/anthropic-pentagon/articles");
  await page.getByRole("link", { name: "US government and Anthropic discuss cooperation" }).click();
  const text = page.getByLabel("Article text");
  await expect(text).toBeVisible();
  await expect(page.getByRole("switch", { name: "Show suggestions" })).not.toBeChecked();
  await page.waitForLoadState("networkidle");
  expect(await namesUi()).toBe(false);

  await page.locator("label", { hasText: "Show suggestions" }).click();
  await expect(page.getByRole("region", { name: "Names not yet entities" })).toBeVisible();
  expect(await namesUi()).toBe(true);
  await page.evaluate(() => localStorage.removeItem("crosscheck:show-suggestions"));
});

test("n and p walk the proposed names with the suggested claims, in the order of the text", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await storyWithNames(page);
  const text = page.getByLabel("Article text");
  await expect(page.getByRole("region", { name: "Names not yet entities" })).toBeVisible();
  await expect(text.locator("[data-proposal]").first()).toBeVisible();
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { label: el.getAttribute("aria-label") ?? "", start: Number(el.dataset.s) };
    });

  // From the text, n goes to the first underline; each n to the next one, names and figures alike.
  await text.focus();
  const walked: { label: string; start: number }[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("n");
    walked.push(await focused());
  }
  expect(walked.map((w) => w.label)).toEqual([
    // "Under Secretary Emil Michael": his title, a suggested claim.
    expect.stringMatching(/^Suggested: Under Secretary Emil Michael — Role/),
    "Name not yet an entity: Dario Amodei",
    "Name not yet an entity: Arlington",
    expect.stringMatching(/^Suggested: Tuesday/),
    "Name not yet an entity: Michael",
    // "Amodei" alone, after the full name: a place of Dario Amodei's.
    "Name not yet an entity: Dario Amodei",
    "Name not yet an entity: Jens Scharfenberg",
    "Name not yet an entity: Defense Innovation Board",
  ]);
  expect(walked.map((w) => w.start)).toEqual([...walked.map((w) => w.start)].sort((a, b) => a - b));

  // Past the last, n comes round to the first; p goes back.
  await page.keyboard.press("n");
  expect((await focused()).label).toBe(walked[0]!.label);
  await page.keyboard.press("p");
  expect((await focused()).label).toBe("Name not yet an entity: Defense Innovation Board");
  await page.keyboard.press("p");
  await page.keyboard.press("p");
  expect(await focused()).toEqual(walked[5]);

  // Enter on a name opens it.
  await page.keyboard.press("p");
  expect((await focused()).label).toBe("Name not yet an entity: Michael");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Proposed name" }).getByRole("heading", { name: "Michael" })).toBeVisible();

  // From the panel the name opened, n goes on to the underline after it, not back to the first.
  await page.keyboard.press("n");
  expect(await focused()).toEqual(walked[5]);
});

test("a full name made an entity takes its surname written alone as an alias", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  const slug = await storyWithNames(page);
  const text = page.getByLabel("Article text");
  await page.getByRole("region", { name: "Names not yet entities" }).getByRole("button", { name: "Dario Amodei" }).click();
  const panel = page.getByRole("region", { name: "Proposed name" });
  await panel.getByLabel("Kind of the new entity").selectOption("person");
  // Kept by default for a person.
  await expect(panel.getByRole("checkbox", { name: "“Amodei” as an alias" })).toBeChecked();
  await shot(page, "names-short-form");
  await panel.getByRole("button", { name: "New entity" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dario Amodei is now an entity (person), also called Amodei." })).toBeAttached();
  // Both places now name the one person; "Amodei" is no proposal of its own.
  await expect(text.locator("a[data-entity]", { hasText: /^Dario Amodei$/ })).toBeVisible();
  await expect(text.locator("a[data-entity]", { hasText: /^Amodei$/ })).toBeVisible();
  await expect(text.getByRole("button", { name: /Name not yet an entity: (Dario )?Amodei/ })).toHaveCount(0);
  await page.goto(`/investigations/${slug}/entities`);
  await expect(page.getByText("also: Amodei")).toBeVisible();
});
