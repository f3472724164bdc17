/**
 * How Chromium is launched for the end-to-end tests and the reader benchmark: Debian's build
 * (installed by scripts/test-all.sh; Playwright cannot download its own here), with nothing that
 * reaches the network on its own.
 */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
