#!/usr/bin/env bash
# Finds a Chromium for the end-to-end tests, installing Debian's package when there is none.
# (Playwright's own browser download cannot work offline.)
set -euo pipefail
browser=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$browser" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] && exit 0
fi
echo "No Chromium found at $browser. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
