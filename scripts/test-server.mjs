// Starts the reference server as a child process on a free loopback port, for the browser
// end-to-end tests: on an in-memory embedded database, or on PostgreSQL when DATABASE_URL is
// set (as .ci/run sets it), so CI's browser tier also runs against PostgreSQL.
import { spawn } from 'node:child_process';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
// The first admin of the browser suite's server (scripts/test.mjs), who makes the staff
// accounts the browser tests act as (test/browser/staff-command.mjs).
export const TEST_ADMIN_EMAIL = 'admin@browser-tests.example';
export const TEST_ADMIN_PASSWORD = 'browser tests admin password 2026';

export function startTestServer(root, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        SILA_DATA_DIR: 'memory://',
        SILA_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
        // Browser tests come from web-test-runner's own origin.
        SILA_ALLOWED_ORIGINS: '*',
        SILA_SERVE_STATIC: '0',
        // The suite posts far faster than a person; the limits have their own server tests.
        SILA_RATE_LIMIT_PER_MINUTE: '100000',
        SILA_LOOKUP_FAILURES_PER_IP: '100000',
        SILA_MAX_IN_FLIGHT_PER_CLIENT: '0',
        ...env,
      },
    });
    let output = '';
    // Its error lines (JSON, no personal data) are passed on and kept: the summary lists
    // them, since a CI log keeps only its tail.
    const errors = [];
    let partial = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.includes('"level":"error"')) errors.push(line);
    });
    // A first start on a busy 2-core machine (tsx compiling, PGlite's initdb) can take
    // minutes; SILA_TEST_SERVER_START_MS sets the wait.
    const waitMs = Number(process.env.SILA_TEST_SERVER_START_MS ?? 240_000);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      const last = output.trim().split('\n').slice(-10).join('\n') || '(nothing)';
      reject(
        new Error(
          `the reference server printed no "listening on" line within ${waitMs / 1000} s (SILA_TEST_SERVER_START_MS); its last output:\n${last}`,
        ),
      );
    }, waitMs);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          /** The error lines it printed so far. */
          errors: () => [...errors],
          /** Synchronous, for process 'exit' handlers. */
          kill: () => child.kill('SIGTERM'),
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
