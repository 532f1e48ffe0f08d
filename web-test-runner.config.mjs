// Browser tests run in Debian's Chromium (no browser download), TypeScript via esbuild
// with our tsconfig so legacy decorators are lowered (see shared/TOOLCHAIN.md P2).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, startTestServer } from './scripts/test-server.mjs';
import { staffCommandPlugin } from './test/browser/staff-command.mjs';
import { forcedColorsPlugin } from './test/browser/forced-colors-command.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
// The end-to-end tests talk to a real reference server: the one scripts/test.mjs started
// (SILA_TEST_ENDPOINT), or, when web-test-runner runs alone (npm run test:browser -- --files
// test/browser/rating.test.ts), one started here for this run.
let endpoint = process.env.SILA_TEST_ENDPOINT ?? '';
if (!endpoint) {
  const server = await startTestServer(fileURLToPath(new URL('.', import.meta.url)), {
    SILA_ADMIN_EMAIL: TEST_ADMIN_EMAIL,
    SILA_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
  });
  endpoint = server.url;
  process.once('exit', server.kill);
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 240_000,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig }),
    forcedColorsPlugin(),
    staffCommandPlugin({
      endpoint,
      token: TEST_ADMIN_TOKEN,
      adminEmail: TEST_ADMIN_EMAIL,
      adminPassword: TEST_ADMIN_PASSWORD,
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
    }),
  ],
  // SILA_GREP=pattern runs only the matching tests (mocha grep), for debugging.
  testFramework: { config: { timeout: 20_000, ...(process.env.SILA_GREP ? { grep: process.env.SILA_GREP } : {}) } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head><script>window.SILA_TEST_ENDPOINT = ${JSON.stringify(endpoint)};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter(process.env.SILA_WTR_SUMMARY)],
};
