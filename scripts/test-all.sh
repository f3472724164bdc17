#!/usr/bin/env bash
# Every check and test: lint and types, unit and integration (Vitest), then the built app in
# Chromium (Playwright). Embedded PGlite by default; with TEST_DATABASE_URL (an admin connection
# to PostgreSQL) the integration and end-to-end tests run there instead, on databases of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
engine=${TEST_DATABASE_URL:+postgres}
engine=${engine:-pglite}
echo "== Crosscheck tests on ${engine}"
mkdir -p .test-results
rm -f .test-results/vitest.json .test-results/playwright.json
bash scripts/ensure-chromium.sh
npm run --silent check
npx vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json
npx next build
PLAYWRIGHT_JSON_OUTPUT_NAME=.test-results/playwright.json npx playwright test --reporter=list,json
node scripts/test-summary.mjs --one "$engine"
