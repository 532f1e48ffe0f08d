/** The real process: starts on a free port, prints the URL, serves, stops cleanly on SIGTERM. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { it } from 'node:test';

/** A deadline, not a wait: a server starts in seconds, but a busy 2-core machine may take minutes (as scripts/test-server.mjs). */
const START_MS = Number(process.env.SILA_TEST_SERVER_START_MS ?? 240_000);

const root = new URL('../..', import.meta.url).pathname;

it('server/main.ts listens on PORT=0, answers, and exits 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: '0',
      HOST: '127.0.0.1',
      SILA_DATA_DIR: 'memory://',
      SILA_SERVE_STATIC: '1',
      SILA_ADMIN_TOKEN: '',
      SILA_ALLOWED_ORIGINS: '',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no listening line within ${START_MS} ms:\n${output}`)),
        START_MS,
      );
      child.stdout.on('data', () => {
        const match = output.match(/listening on (http:\/\/\S+)/);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(url, 'http://127.0.0.1:0');

    const config = await fetch(`${url}/v1/form-config`);
    assert.equal(config.status, 200);
    const home = await fetch(`${url}/`, { redirect: 'manual' });
    assert.equal(home.status, 302);
    assert.equal(home.headers.get('location'), '/demo/');
    const staff = await fetch(`${url}/v1/staff/stats`, { headers: { Authorization: 'Bearer whatever-whatever' } });
    assert.equal(staff.status, 503, 'no token configured: closed, never open');
    const escape = await fetch(`${url}/dist/..%2f..%2fpackage.json`);
    assert.equal(escape.status, 404);

    // No SILA_ALLOWED_ORIGINS: said at start-up, and a page on another site is named (once).
    assert.match(
      output,
      /CORS: SILA_ALLOWED_ORIGINS is not set, so only pages served by this server can use the API; .*SILA_ALLOWED_ORIGINS=https:\/\/your-site\.example/,
    );
    for (let i = 0; i < 3; i++)
      await fetch(`${url}/v1/form-config`, { headers: { Origin: 'https://widget-host.example' } });

    // The request log carries no personal data.
    await fetch(`${url}/v1/complaints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        kind: 'complaint',
        category: 'delay',
        subject: 'موضوع الشكوى',
        description: 'وصف الشكوى بالتفصيل هنا',
        contact: { name: 'سارة الشهري', mobile: '0551112233', email: 'sara@example.com' },
        consent: { accepted: true, version: 'privacy-v1' },
      }),
    });
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0, output);
    assert.match(output, /"route":"\/v1\/complaints","status":201/);
    const warnings = output.split('\n').filter((line) => line.includes('"warning":"cors_origin_refused"'));
    assert.equal(warnings.length, 1, output);
    assert.match(warnings[0]!, /"origin":"https:\/\/widget-host\.example"/);
    assert.match(warnings[0]!, /SILA_ALLOWED_ORIGINS/);
    for (const secret of ['سارة', '0551112233', '551112233', 'sara@example.com', 'موضوع'])
      assert.ok(!output.includes(secret), `log leaks ${secret}`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
