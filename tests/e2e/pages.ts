import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "crosscheck-demo";

/** The sign-in screen. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/investigations$/);
}

/**
 * Waits until React has taken over the page's forms: before that a click submits the form the
 * browser's way (a full navigation), after it the action is called in place.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const button = document.querySelector("form button[type=submit]");
    return !!button && Object.keys(button).some((k) => k.startsWith("__reactProps"));
  });
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** A server action's id, from the build's manifest, as a forger would find it in the page's code. */
export async function actionId(exportedName: string, file: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const manifest = JSON.parse(await readFile(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName && v.filename === file);
  if (!found) throw new Error(`no action ${exportedName} in ${file}`);
  return found[0];
}

/**
 * Every page of the demo investigation, with one detail page of each kind (conflict, article,
 * entity) reached through its list: the addresses as a member reads them.
 */
export async function demoInvestigationPages(page: Page): Promise<string[]> {
  const base = "/investigations/anthropic-pentagon";
  const pages = [
    base,
    `${base}/articles`,
    `${base}/entities`,
    `${base}/attributes`,
    `${base}/conflicts`,
    `${base}/conflicts/new`,
    `${base}/factsheet`,
    `${base}/members`,
  ];
  for (const [list, pattern] of [
    [`${base}/conflicts`, `a[href^="${base}/conflicts/c"]`],
    [`${base}/articles`, `a[href^="${base}/articles/c"]`],
    [`${base}/entities`, `a[href^="${base}/entities/c"]`],
  ] as const) {
    await page.goto(list);
    const href = await page.locator(pattern).first().getAttribute("href");
    expect(href).toBeTruthy();
    pages.push(href!);
  }
  return pages;
}
