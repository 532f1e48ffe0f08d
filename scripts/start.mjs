#!/usr/bin/env node
// `npm start`: builds the widgets when dist/ is missing or out of date, then runs the
// reference server with the demo pages switched on (SILA_SERVE_STATIC=1: a production
// server started otherwise serves the API only) and prints the demo address.
// A failing build is reported but does not stop the server: the API still works.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { staleBuildReason } from './lib/build-freshness.mjs';

const root = new URL('..', import.meta.url).pathname;

const reason = staleBuildReason(root);
if (reason) {
  console.log(`Building the widgets (${reason})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.warn(
      '\n⚠  The widget build failed (see above). Starting the server anyway: the API works,\n' +
        '   but /demo/ may not show the widgets until `npm run build` succeeds.\n',
    );
  }
}

const port = process.env.PORT || '8787';

// The integration token, when none is configured: random for this run only (never a
// fixed default: a fixed token would be public knowledge).
const generatedToken = process.env.SILA_ADMIN_TOKEN ? undefined : randomBytes(32).toString('hex');

// A demo admin for the staff console, with a new random password every run. When the
// operator names the first admin (SILA_ADMIN_EMAIL + SILA_ADMIN_PASSWORD), the server
// creates that one instead and no demo admin is made.
const demoPassword = process.env.SILA_ADMIN_EMAIL ? undefined : randomBytes(12).toString('base64url');
if (demoPassword) {
  const demo = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/staff-demo.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SILA_DEMO_ADMIN_PASSWORD: demoPassword },
  });
  if (demo.status !== 0) process.exit(demo.status ?? 1);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
  env: {
    ...process.env,
    PORT: port,
    SILA_SERVE_STATIC: process.env.SILA_SERVE_STATIC ?? '1',
    ...(generatedToken ? { SILA_ADMIN_TOKEN: generatedToken } : {}),
  },
});

// Pass the server's output through and add the demo address once it listens.
let announced = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /listening on http:\/\//.test(String(chunk))) {
    announced = true;
    const host =
      !process.env.HOST || ['127.0.0.1', '0.0.0.0', '::'].includes(process.env.HOST) ? 'localhost' : process.env.HOST;
    const actualPort = String(chunk).match(/listening on http:\/\/\S+:(\d+)/)?.[1] ?? port;
    console.log(`\nDemo: http://${host}:${actualPort}/demo/   (Ctrl-C to stop)`);
    console.log(`Staff console: http://${host}:${actualPort}/staff/`);
    if (demoPassword)
      console.log(`  sign in as demo-admin@sila.example with the password ${demoPassword} (new every run)`);
    else console.log(`  sign in as ${process.env.SILA_ADMIN_EMAIL}`);
    if (generatedToken)
      console.log(`API token for integrations, this run only (Authorization: Bearer …): ${generatedToken}`);
    console.log('');
  }
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
