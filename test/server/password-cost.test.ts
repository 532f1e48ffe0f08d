/**
 * Staff password hashes: the production scrypt cost (N = 2^14) unless a test run lowers it
 * with SILA_TEST_SCRYPT_N (scripts/test.mjs does, for speed); never with NODE_ENV=production.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { it } from 'node:test';
import { SCRYPT_COST, hashPassword, verifyPassword } from '../../server/auth/password.js';

const root = new URL('../..', import.meta.url).pathname;

/** The scheme and cost of a hash made in a fresh process with env. */
async function hashIn(env: Record<string, string | undefined>): Promise<string> {
  const script = `import('./server/auth/password.ts').then(async (m) => console.log(await m.hashPassword('x')))`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: root,
    env: { ...process.env, SILA_TEST_SCRYPT_N: undefined, NODE_ENV: undefined, ...env },
  });
  return stdout.trim().split('$').slice(0, 4).join('$');
}

it('the production cost is N = 2^14, r = 8, p = 1, and what a server uses without the test setting', async () => {
  assert.deepEqual(SCRYPT_COST, { N: 16384, r: 8, p: 1 });
  assert.equal(await hashIn({}), 'scrypt$16384$8$1');
  assert.equal(await hashIn({ SILA_TEST_SCRYPT_N: '1024', NODE_ENV: 'production' }), 'scrypt$16384$8$1');
  assert.equal(await hashIn({ SILA_TEST_SCRYPT_N: '1024' }), 'scrypt$1024$8$1');
});

it('a hash keeps its own cost: one made at another N still verifies', async () => {
  const hash = await hashPassword('correct horse battery staple');
  assert.ok(await verifyPassword('correct horse battery staple', hash));
  assert.ok(!(await verifyPassword('wrong', hash)));
});
