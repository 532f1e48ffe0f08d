// Writes the browser run's counts to a JSON file so scripts/test.mjs can print one
// plain "N passed, N failed" line for the whole suite (browser + Node).
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter(file) {
  return {
    stop({ sessions }) {
      if (!file) return;
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that could not be imported has no results but does have errors.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.fileErrors += 1;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
