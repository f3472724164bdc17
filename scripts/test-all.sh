#!/usr/bin/env bash
# Every check and test: lint and types, unit and integration (Vitest), then the built app in
# Chromium (Playwright). Embedded PGlite by default; with TEST_DATABASE_URL (an admin connection
# to PostgreSQL) the integration and end-to-end tests run there instead, on databases of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
where=${TEST_DATABASE_URL:+PostgreSQL}
echo "== Crosscheck tests on ${where:-embedded PGlite}"
bash scripts/ensure-chromium.sh
npm run --silent check
npx vitest run
npx next build
npx playwright test
