// Prints "N passed, N failed[, N skipped]" from the Vitest and Playwright JSON reports of a run
// (and, with --total, adds up every summary written so far).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

const dir = ".test-results";
const [, , mode, label = "tests"] = process.argv;

if (mode === "--total") {
  const sums = { passed: 0, failed: 0, skipped: 0 };
  for (const f of readdirSync(dir).filter((n) => n.startsWith("summary-"))) {
    const s = JSON.parse(readFileSync(`${dir}/${f}`, "utf8"));
    for (const k of Object.keys(sums)) sums[k] += s[k];
  }
  console.log(`total: ${line(sums)}`);
} else {
  const vitest = JSON.parse(readFileSync(`${dir}/vitest.json`, "utf8"));
  const pw = existsSync(`${dir}/playwright.json`) ? JSON.parse(readFileSync(`${dir}/playwright.json`, "utf8")).stats : null;
  const sums = {
    passed: vitest.numPassedTests + (pw ? pw.expected + pw.flaky : 0),
    failed: vitest.numFailedTests + (pw ? pw.unexpected : 0),
    skipped: vitest.numPendingTests + vitest.numTodoTests + (pw ? pw.skipped : 0),
  };
  writeFileSync(`${dir}/summary-${label}.json`, JSON.stringify(sums));
  console.log(`${label}: ${line(sums)}`);
}

function line(s) {
  return `${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ""}`;
}
