// Writes the browser run's counts, and the names of the tests that failed, to a JSON file so
// scripts/test.mjs can end the whole suite with one plain summary (CI shows only the tail).
import { relative } from 'node:path';
import { writeFileSync } from 'node:fs';

function count(suite, totals, file, path = []) {
  if (!suite) return;
  const names = suite.name ? [...path, suite.name] : path;
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else {
      totals.failed += 1;
      const reason = String(test.error?.message ?? '')
        .split('\n')[0]
        .slice(0, 200);
      totals.failures.push(`${file} › ${[...names, test.name].join(' › ')}${reason ? `: ${reason}` : ''}`);
    }
  }
  for (const child of suite.suites ?? []) count(child, totals, file, names);
}

export function summaryReporter(file) {
  return {
    stop({ sessions }) {
      if (!file) return;
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0, failures: [] };
      for (const session of sessions) {
        const testFile = relative(process.cwd(), session.testFile);
        count(session.testResults, totals, testFile);
        // A file that could not be imported has no results but does have errors.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.fileErrors += 1;
          const reason = String(session.errors[0]?.message ?? '')
            .split('\n')[0]
            .slice(0, 200);
          totals.failures.push(`${testFile}: ${reason}`);
        }
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
