/**
 * Faults of the machine said in words, once, with what to do; clients get 503. Real
 * faults, not simulated ones: a tmpfs too small for the database (full disk at start-up),
 * a tmpfs too small for the attachments (full disk at run time), a read-only mount, a
 * directory the server's user may not write, and a PostgreSQL port nobody listens on.
 * The mounts live in a private user+mount namespace (`unshare -Urm`), so the test needs
 * no privileges and leaves nothing mounted.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeFault, type Fault } from '../../server/faults.js';
import { openPostgres } from '../../server/db/postgres.js';
import type { WarningLine } from '../../server/context.js';
import { makeApp, postJson, validComplaint, validRequest } from './helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const DATA_KEY = randomBytes(32).toString('hex');
let scratch: string;
let mountScript: string;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sila-faults-'));
  mountScript = join(scratch, 'mount-then-run.sh');
  // Mounts a tmpfs with the given options, then becomes the server.
  writeFileSync(
    mountScript,
    '#!/bin/sh\nopts=$1; dir=$2; shift 2\nmkdir -p "$dir" && mount -t tmpfs -o "$opts" tmpfs "$dir" && exec "$@"\n',
    {
      mode: 0o755,
    },
  );
});
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  url?: string;
  exitCode?: number | null;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts server/main.ts (optionally under a tmpfs mount) until it listens or exits. */
async function startServer(env: Record<string, string>, mount?: { options: string; dir: string }): Promise<Run> {
  const server = [process.execPath, '--import', 'tsx', 'server/main.ts'];
  const [command, ...args] = mount ? ['unshare', '-Urm', mountScript, mount.options, mount.dir, ...server] : server;
  const child = spawn(command!, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      SILA_DATA_KEY: DATA_KEY,
      SILA_ADMIN_TOKEN: '',
      SILA_ALLOWED_ORIGINS: '',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const run: Run = {
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`neither listening nor exited:\n${output}`)), 180_000);
    child.stdout.on('data', () => {
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        run.url = match[1];
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      run.exitCode = code;
      resolve();
    });
  });
  return run;
}

function assertNamed(output: string, pattern: RegExp) {
  assert.match(output, pattern);
  assert.doesNotMatch(output, /ErrnoError|errno: \d+|at .*\.js:\d+/, 'no raw error objects or stacks');
}

describe('faults at start-up', () => {
  it('a disk too small for the database: "disk … is full" in words, exit 1', async () => {
    const dir = join(scratch, 'tiny');
    const run = await startServer({ SILA_DATA_DIR: dir }, { options: 'size=4m', dir });
    assert.equal(run.exitCode, 1, run.output());
    assertNamed(run.output(), /The disk holding .*tiny is full \(no space left on device\): free space/);
  });

  it('a read-only volume: named, with what to do, exit 1', async () => {
    const dir = join(scratch, 'readonly');
    const run = await startServer({ SILA_DATA_DIR: join(dir, 'data') }, { options: 'ro,size=1m', dir });
    assert.equal(run.exitCode, 1, run.output());
    assertNamed(run.output(), /readonly\/data is on a read-only file system: mount it read-write/);
  });

  it('a directory the server may not write: permission named, exit 1', async () => {
    const dir = join(scratch, 'forbidden');
    mkdirSync(dir, { mode: 0o555 });
    // As root a mode does not stop writes: run the server without the capabilities that
    // bypass file modes then (still uid 0, so a checkout in a private folder stays readable).
    const asRoot = process.getuid?.() === 0;
    const env = { SILA_DATA_DIR: join(dir, 'data'), HOME: scratch };
    let output: string;
    let status: number | null;
    if (asRoot) {
      const child = spawnSync(
        'setpriv',
        ['--bounding-set=-dac_override,-dac_read_search', '--', process.execPath, '--import', 'tsx', 'server/main.ts'],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 180_000,
          env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', SILA_DATA_KEY: DATA_KEY, ...env },
        },
      );
      output = child.stdout + child.stderr;
      status = child.status;
    } else {
      const run = await startServer(env);
      output = run.output();
      status = run.exitCode ?? null;
      await run.stop();
    }
    assert.equal(status, 1, output);
    assertNamed(output, /may not write to .*forbidden\/data \(permission denied\): give the user running the server/);
  });

  it('PostgreSQL unreachable: its host named, the password never, exit 1', async () => {
    const run = await startServer({ DATABASE_URL: 'postgres://sila:s3cret-pass@127.0.0.1:1/sila' });
    assert.equal(run.exitCode, 1, run.output());
    assertNamed(
      run.output(),
      /PostgreSQL at 127\.0\.0\.1:1\/sila cannot be reached .*ECONNREFUSED.*check that it is running/,
    );
    assert.ok(!run.output().includes('s3cret-pass'));
  });
});

describe('faults at run time', () => {
  it('the attachments disk fills up: 503 with Retry-After, said once in words, the server keeps answering', async () => {
    const dataDir = join(scratch, 'runtime');
    const run = await startServer(
      { SILA_DATA_DIR: dataDir, SILA_SERVE_STATIC: '' },
      { options: 'size=256k', dir: join(dataDir, 'attachments') },
    );
    try {
      assert.ok(run.url, run.output());
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const document = new Uint8Array(200 * 1024);
        document.set(new TextEncoder().encode('%PDF-1.7\n'));
        document.set(randomBytes(1024), 100); // a different file each time (content-addressed)
        const form = new FormData();
        form.append('payload', JSON.stringify(validRequest()));
        form.append('attachment:id_copy', new File([document], 'id.pdf', { type: 'application/pdf' }));
        const answer: Response = await fetch(`${run.url}/v1/requests`, {
          method: 'POST',
          headers: { 'Idempotency-Key': randomUUID() },
          body: form,
        });
        statuses.push(answer.status);
        if (answer.status === 503) {
          assert.ok(Number(answer.headers.get('retry-after')) > 0);
          assert.equal((await answer.json()).code, 'service_unavailable');
        } else await answer.arrayBuffer();
      }
      assert.equal(statuses[0], 201, `the first document fits: ${statuses.join(',')}\n${run.output()}`);
      assert.deepEqual(statuses.slice(2), [503, 503, 503], statuses.join(','));
      const said = run.output().match(/disk holding .* is full/g) ?? [];
      assert.equal(said.length, 1, `said once, not per request:\n${run.output()}`);
      assertNamed(run.output(), /free space there or move SILA_DATA_DIR/);
      assert.equal((await fetch(`${run.url}/v1/form-config`)).status, 200);
    } finally {
      await run.stop();
    }
  });

  it('PostgreSQL goes away: 503, one warning in words for many requests', async () => {
    const db = await openPostgres({ connectionString: 'postgres://sila:x@127.0.0.1:1/sila' });
    const warnings: WarningLine[] = [];
    const app = makeApp(db, { warn: (line) => warnings.push(line) });
    try {
      for (let i = 0; i < 4; i++) {
        const answer = await postJson(app, '/v1/complaints', validComplaint());
        assert.equal(answer.status, 503, answer.text);
      }
      assert.equal(warnings.length, 1, JSON.stringify(warnings));
      assert.equal(warnings[0]!.warning, 'database_unreachable');
      assert.match(warnings[0]!.message, /cannot be reached .* check that it is running/);
    } finally {
      await db.close();
    }
  });

  it('PGlite’s own file-system errors are named, never shown as ErrnoError { errno: 51 }', () => {
    const errno = (n: number) => Object.assign(new Error('FS error'), { name: 'ErrnoError', errno: n });
    const kinds = [51, 2, 69].map((n) => describeFault(errno(n), { dataDir: '/srv/sila' })?.kind);
    assert.deepEqual(kinds, ['disk_full', 'permission_denied', 'read_only']);
    const full = describeFault(errno(51), { dataDir: '/srv/sila' }) as Fault;
    assert.match(full.message, /The disk holding \/srv\/sila is full/);
    assert.equal(describeFault(new Error('a bug'), {}), undefined);
    assert.equal(
      describeFault(Object.assign(new Error('permission denied for table x'), { code: '42501' }), {}),
      undefined,
    );
  });
});
