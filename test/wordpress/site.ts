/**
 * A real Debian WordPress on loopback for the plugin's tests: the packages (installed with
 * apt-get when missing, as CI is root), a private MariaDB on a Unix socket, `php -S` with
 * a router, Debian's per-host config file, and WordPress's own PHP API through wp.php.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
export const WP_ROOT = '/usr/share/wordpress';
const CONFIG_FILE = '/etc/wordpress/config-sila-test.php';
export const PASSWORD = 'sila-test-password-1';

const PACKAGES = [
  'wordpress',
  'wordpress-theme-twentytwentythree',
  'wordpress-l10n',
  'php-cli',
  'php-mysql',
  'php-xml',
  'php-mbstring',
  'mariadb-server',
  'gettext',
  'zip',
  'php-codesniffer',
];

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function installed(): boolean {
  return (
    has('php') &&
    has('mariadbd') &&
    has('msgfmt') &&
    has('zip') &&
    has('phpcs') &&
    existsSync(join(WP_ROOT, 'wp-settings.php')) &&
    existsSync(join(WP_ROOT, 'wp-content/themes/twentytwentythree/theme.json')) &&
    spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).status === 0
  );
}

/** Installs what is missing; the reason the suite must be skipped, or null. */
export function ensurePackages(): string | null {
  if (installed()) return null;
  if (process.getuid?.() !== 0)
    return `the WordPress packages are not installed and this user cannot install them (apt-get install ${PACKAGES.join(' ')})`;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { env, encoding: 'utf8' });
  const install =
    update.status === 0
      ? spawnSync(
          'apt-get',
          ['install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=300', '--no-install-recommends', ...PACKAGES],
          { env, encoding: 'utf8' },
        )
      : update;
  if (install.status !== 0 || !installed()) {
    return `apt-get could not install ${PACKAGES.join(' ')}: ${(install.stderr || install.stdout || '').trim().split('\n').slice(-3).join(' / ')}`;
  }
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface Site {
  url: string;
  dir: string;
  /** WordPress's PHP API: wp.php <command> <json> → parsed JSON. */
  wp: (command: string, args?: unknown, env?: Record<string, string>) => any;
  close: () => Promise<void>;
}

/** Ends a child started with `detached` and its own children (php -S forks workers). */
function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  });
}

/** A fresh database and content directory; WordPress not yet installed. */
export async function startSite(port: number): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'sila-wp-'));
  const content = join(dir, 'wp-content');
  for (const sub of ['plugins', 'uploads', 'upgrade']) mkdirSync(join(content, sub), { recursive: true });
  // Debian's theme and language packs, read-only, as /var/lib/wordpress/wp-content links them.
  symlinkSync(join(WP_ROOT, 'wp-content/themes'), join(content, 'themes'));
  symlinkSync(join(WP_ROOT, 'wp-content/languages'), join(content, 'languages'));

  const socket = join(dir, 'mysqld.sock');
  const data = join(dir, 'db');
  const t0 = Date.now();
  execFileSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${data}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=socket'],
    { stdio: 'ignore' },
  );
  const database = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      '--skip-networking',
      '--user=root',
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--log-error=${join(dir, 'mysqld.err')}`,
      '--innodb-buffer-pool-size=64M',
      '--skip-log-bin',
      '--innodb-flush-log-at-trx-commit=0',
    ],
    { stdio: 'ignore', detached: true },
  );
  let php: ChildProcess | undefined;
  const close = async () => {
    await stop(php);
    await stop(database);
    rmSync(CONFIG_FILE, { force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(() => existsSync(socket), 'MariaDB');
    console.log(`MariaDB ready in ${Date.now() - t0} ms`);
    execFileSync('mariadb', [
      '--no-defaults',
      `--socket=${socket}`,
      '-u',
      'root',
      '-e',
      "CREATE DATABASE wordpress CHARACTER SET utf8mb4; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO 'wp'@'localhost';",
    ]);

    const url = `http://127.0.0.1:${port}`;
    writeFileSync(
      CONFIG_FILE,
      `<?php
// Written by Sila's WordPress tests (test/wordpress/site.ts); removed when they end.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'wp' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'WP_CONTENT_DIR', '${content}' );
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
define( 'FS_METHOD', 'direct' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${join(dir, 'debug.log')}' );
if ( getenv( 'SILA_WP_DISALLOW_UNFILTERED_HTML' ) ) {
	define( 'DISALLOW_UNFILTERED_HTML', true );
}
`,
    );
    php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', WP_ROOT, join(here, 'router.php')], {
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, SILA_WP_CONTENT_DIR: content, PHP_CLI_SERVER_WORKERS: '4' },
    });
    await waitFor(async () => {
      try {
        await fetch(`${url}/wp-includes/images/w-logo-blue.png`);
        return true;
      } catch {
        return false;
      }
    }, 'php -S');

    const wp = (command: string, args: unknown = {}, env: Record<string, string> = {}) => {
      const result = spawnSync('php', [join(here, 'wp.php'), command, JSON.stringify(args)], {
        encoding: 'utf8',
        env: { ...process.env, SILA_WP_URL: url, ...env },
      });
      if (result.status !== 0)
        throw new Error(`wp.php ${command} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
      const json = result.stdout.slice(result.stdout.search(/[[{]/));
      return JSON.parse(json);
    };
    return { url, dir, wp, close };
  } catch (error) {
    await close();
    throw error;
  }
}
