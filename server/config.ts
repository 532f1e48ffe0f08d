/**
 * Server configuration: environment variables (documented in /.env.example and
 * server/README.md) and the association's form configuration file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formConfigSchema, type FormConfig } from '../src/contract/form-config.js';
import { toFieldErrors } from '../src/contract/issues.js';
import { firstAdminProblem, type FirstAdmin } from './auth/first-admin.js';
import { weakTokenReason } from './auth/token.js';
import { MEMORY } from './db/open.js';
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from './db/pools.js';
import { InvalidProxyRange, parseProxyRanges } from './http/client-ip.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Exact origins allowed by CORS; '*' allows any. */
  allowedOrigins: string[];
  adminToken?: string;
  /** SILA_ADMIN_EMAIL + SILA_ADMIN_PASSWORD: the first admin, created when none exists. */
  firstAdmin?: FirstAdmin;
  configPath: string;
  /** Serve dist/ and demo/ (the demo pages): off unless asked (npm start sets SILA_SERVE_STATIC=1; NODE_ENV=development). */
  serveStatic: boolean;
  /** SILA_TRUSTED_PROXIES: proxies (CIDRs) whose forwarding headers are read. */
  trustedProxies: string[];
  /** SILA_TRUST_PROXY=1, deprecated: the loopback proxies only. */
  trustProxy: boolean;
  limits: Limits;
  /** PostgreSQL pools and timeouts (docs/deployment.md). */
  pools: PoolSettings;
  /** SILA_STATS_CACHE_MS: how long identical statistics answers are shared (default 0: off). */
  statsCacheMs: number;
  /** SILA_MIGRATE_DATABASE_URL: a direct connection for migrations when DATABASE_URL is a transaction pooler. */
  migrateUrl?: string;
  /** SILA_STAFF_CONCURRENCY: staff requests handled at once per instance (default 2; 0: no limit). */
  staffConcurrency: number;
}

export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('./association.example.json', import.meta.url));

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(`${name} must be a whole number >= ${min}, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

/** SILA_TRUSTED_PROXIES: comma-separated CIDRs or addresses, each checked. */
function trustedProxies(env: NodeJS.ProcessEnv): string[] {
  const entries = (env.SILA_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    parseProxyRanges(entries);
  } catch (error) {
    if (error instanceof InvalidProxyRange) throw new ConfigError(error.message);
    throw error;
  }
  return entries;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = env.SILA_DATA_DIR?.trim() || './.data';
  const adminToken = env.SILA_ADMIN_TOKEN?.trim() || undefined;
  const weak = adminToken && weakTokenReason(adminToken);
  if (weak) throw new ConfigError(`SILA_ADMIN_TOKEN ${weak} (use e.g. \`openssl rand -hex 32\`)`);
  const adminEmail = env.SILA_ADMIN_EMAIL?.trim();
  const adminPassword = env.SILA_ADMIN_PASSWORD ?? '';
  const firstAdmin = adminEmail || adminPassword ? { email: adminEmail ?? '', password: adminPassword } : undefined;
  const adminProblem = firstAdmin && firstAdminProblem(firstAdmin);
  if (adminProblem) throw new ConfigError(adminProblem);
  return {
    port: integer(env, 'PORT', 8787),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: dataDir === MEMORY ? MEMORY : resolve(dataDir),
    allowedOrigins: (env.SILA_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    adminToken,
    firstAdmin,
    configPath: env.SILA_CONFIG?.trim() || DEFAULT_CONFIG_PATH,
    // The demo pages are for trying Sila out: production serves the API only.
    serveStatic: flag(env, 'SILA_SERVE_STATIC', env.NODE_ENV === 'development'),
    trustedProxies: trustedProxies(env),
    trustProxy: flag(env, 'SILA_TRUST_PROXY', false),
    // Off by default: measured with staff clients looping on statistics, faster answers
    // only let them ask more often, and the instance's CPU went to them (bench/scale-results.md).
    statsCacheMs: integer(env, 'SILA_STATS_CACHE_MS', 0),
    migrateUrl: env.SILA_MIGRATE_DATABASE_URL?.trim() || undefined,
    staffConcurrency: integer(env, 'SILA_STAFF_CONCURRENCY', 2),
    pools: {
      pool: integer(env, 'SILA_DB_POOL', DEFAULT_POOL_SETTINGS.pool, 1),
      staffPool: integer(env, 'SILA_DB_STAFF_POOL', DEFAULT_POOL_SETTINGS.staffPool, 1),
      statementTimeoutMs: integer(env, 'SILA_DB_STATEMENT_TIMEOUT_MS', DEFAULT_POOL_SETTINGS.statementTimeoutMs),
      poolWaitMs: integer(env, 'SILA_DB_POOL_WAIT_MS', DEFAULT_POOL_SETTINGS.poolWaitMs, 100),
      replicaUrl: env.DATABASE_REPLICA_URL?.trim() || undefined,
    },
    limits: {
      ...DEFAULT_LIMITS,
      maxJsonBytes: integer(env, 'SILA_MAX_JSON_BYTES', DEFAULT_LIMITS.maxJsonBytes, 1024),
      postsPerMinutePerIp: integer(env, 'SILA_RATE_LIMIT_PER_MINUTE', DEFAULT_LIMITS.postsPerMinutePerIp),
      maxInFlightPerClient: integer(env, 'SILA_MAX_IN_FLIGHT_PER_CLIENT', DEFAULT_LIMITS.maxInFlightPerClient),
      lookupFailuresPerHourPerIp: integer(
        env,
        'SILA_LOOKUP_FAILURES_PER_IP',
        DEFAULT_LIMITS.lookupFailuresPerHourPerIp,
      ),
    },
  };
}

/** Reads and validates the association's configuration (the GET /v1/form-config answer). */
export function loadAssociationConfig(path: string): FormConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read association config ${path}: ${(error as Error).message}`);
  }
  const parsed = formConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const details = toFieldErrors(parsed.error.issues)
      .map((error) => `  ${error.path || '(root)'}: ${error.code}`)
      .join('\n');
    throw new ConfigError(`association config ${path} is invalid:\n${details}`);
  }
  const config = parsed.data;
  if (config.reviewPeriodDays <= 0 || !Number.isInteger(config.reviewPeriodDays)) {
    throw new ConfigError(`association config ${path}: reviewPeriodDays must be a positive whole number`);
  }
  return config;
}
