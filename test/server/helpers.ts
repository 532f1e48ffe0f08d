/**
 * Shared test set-up: the same test bodies run over every database driver — the
 * embedded one always, PostgreSQL too when DATABASE_URL is set. Each suite works in a
 * fresh schema that is dropped afterwards: on PostgreSQL one per suite in the test
 * database; on the embedded database one per suite inside a single PGlite per process
 * (starting PGlite and migrating an empty database costs seconds; a schema, milliseconds).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe } from 'node:test';
import type * as z from 'zod/mini';
import type { FormConfig } from '../../src/contract/form-config.js';
import { problemSchema } from '../../src/contract/problem.js';
import { createApp, type AppDeps } from '../../server/app.js';
import { DEFAULT_CONFIG_PATH, loadAssociationConfig } from '../../server/config.js';
import type { Database } from '../../server/db/database.js';
import { MEMORY, openDatabase } from '../../server/db/open.js';
import { migrate } from '../../server/db/migrate.js';
import { backfillSearchColumns } from '../../server/staff/search-index.js';
import { PGlite } from '@electric-sql/pglite';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import { sampleComplaint } from '../../scripts/sample-complaint.mjs';
import { ensurePgliteTemplate } from '../../scripts/pglite-template.mjs';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const ALLOWED_ORIGIN = 'https://charity.example';
export const exampleConfig: FormConfig = loadAssociationConfig(DEFAULT_CONFIG_PATH);

export interface Driver {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
  /** Closes and, for PostgreSQL, drops the test schema. */
  dispose(db: Database): Promise<void>;
}

const testSchemaName = () => `sila_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

/** The process's one embedded database, shared by the suites (each in its own schema). */
let sharedPglite: Promise<PGlite> | undefined;

/**
 * An empty PGlite started from the kept initdb (scripts/pglite-template.mjs): seconds less
 * per test process. Servers the tests start on memory:// load it too (SILA_TEST_PGLITE_TEMPLATE).
 */
async function createPglite(): Promise<PGlite> {
  const template = await ensurePgliteTemplate();
  process.env.SILA_TEST_PGLITE_TEMPLATE ??= template;
  return PGlite.create({ dataDir: MEMORY, loadDataDir: new Blob([readFileSync(template)]) });
}

// Started from a loaded data directory, PGlite keeps the process alive until it is closed.
after(async () => {
  if (sharedPglite) await (await sharedPglite).close();
});

/** The schema the shared connection's search_path points at now. */
let currentSchema = '';
/** One operation at a time on the shared connection, each under its own search_path. */
let queue: Promise<unknown> = Promise.resolve();

function exclusive<T>(pg: PGlite, schema: string, operation: () => Promise<T>): Promise<T> {
  const turn = queue.then(async () => {
    if (currentSchema !== schema) {
      await pg.exec(`SET search_path TO "${schema}", public`);
      currentSchema = schema;
    }
    return operation();
  });
  queue = turn.catch(() => undefined);
  return turn;
}

/** A Database on the shared PGlite whose every query runs in `schema`. */
async function openSharedPglite(): Promise<Database> {
  const pg = await (sharedPglite ??= createPglite());
  const schema = testSchemaName();
  let closed = false;
  // After close(), as with a closed PGlite: the app must answer 503, not 500.
  const open = <T>(operation: () => Promise<T>) =>
    closed ? Promise.reject(new Error('PGlite is closed')) : exclusive(pg, schema, operation);
  await exclusive(pg, schema, async () => {
    await pg.exec(`CREATE SCHEMA "${schema}"`);
  });
  const inner = (target: Pick<PGlite, 'query' | 'exec'>) => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return { rows: (await target.query<Row>(sql, params as unknown[])).rows };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  const db: Database = {
    kind: 'pglite',
    query: (sql, params) => open(() => inner(pg).query(sql, params)),
    exec: (sql) => open(() => inner(pg).exec(sql)),
    // The whole transaction holds the connection, as PGlite's own transaction() does.
    transaction: (fn) => open(() => pg.transaction((tx) => fn(inner(tx)))),
    close: async () => {
      if (closed) return;
      closed = true;
      await exclusive(pg, schema, async () => {
        await pg.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      });
    },
  };
  await migrate(db);
  await backfillSearchColumns(db);
  return db;
}

export function drivers(): Driver[] {
  // SILA_TEST_PGLITE_PER_SUITE=1: a PGlite of its own per suite, as before (slower; to rule the sharing out).
  const open = process.env.SILA_TEST_PGLITE_PER_SUITE ? () => openDatabase({ dataDir: MEMORY }) : openSharedPglite;
  const list: Driver[] = [{ name: 'pglite', open, dispose: (db) => db.close() }];
  const url = process.env.DATABASE_URL;
  if (url) {
    const schemas = new Map<Database, string>();
    list.push({
      name: 'postgres',
      async open() {
        const schema = testSchemaName();
        const db = await openDatabase({ databaseUrl: url, dataDir: MEMORY, schema });
        schemas.set(db, schema);
        return db;
      },
      async dispose(db) {
        await db.exec(`DROP SCHEMA IF EXISTS "${schemas.get(db)}" CASCADE`).catch(() => {});
        await db.close().catch(() => {});
      },
    });
  }
  return list;
}

/** describe() once per driver; `db()` is the database of the current run. */
export function describeEachDatabase(title: string, body: (db: () => Database, driver: Driver) => void): void {
  for (const driver of drivers()) {
    describe(`${title} [${driver.name}]`, () => {
      let database: Database | undefined;
      before(async () => {
        database = await driver.open();
      });
      after(async () => {
        if (database) await driver.dispose(database);
      });
      body(() => {
        assert.ok(database, 'database not open yet');
        return database;
      }, driver);
    });
  }
}

export type TestApp = ReturnType<typeof createApp>;

/** The app as main.ts builds it, with test-friendly limits (no per-IP limits) and no logging or warnings. */
export function makeApp(db: Database, overrides: Partial<AppDeps> = {}): TestApp {
  return createApp({
    db,
    formConfig: exampleConfig,
    adminToken: ADMIN_TOKEN,
    allowedOrigins: [ALLOWED_ORIGIN],
    trustProxy: false,
    limits: { ...DEFAULT_LIMITS, postsPerMinutePerIp: 0, lookupFailuresPerHourPerIp: 0, maxInFlightPerClient: 0 },
    log: () => {},
    warn: () => {},
    ...overrides,
  });
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export async function call(app: TestApp, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await app.request(path, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function postJson(
  app: TestApp,
  path: string,
  body: unknown,
  options: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const key = options.key === undefined ? randomUUID() : options.key;
  return call(app, path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key === null ? {} : { 'Idempotency-Key': key }),
      ...options.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function staffGet(app: TestApp, path: string): Promise<Answer> {
  return call(app, path, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
}

export function staffPost(app: TestApp, path: string, body: unknown): Promise<Answer> {
  return call(app, path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Asserts the answer validates against a contract schema and returns it parsed. */
export function assertSchema<S extends z.ZodMiniType>(schema: S, value: unknown, message?: string): z.output<S> {
  const parsed = schema.safeParse(value);
  assert.ok(parsed.success, `${message ?? 'answer'} does not match the contract: ${JSON.stringify(value)}`);
  return parsed.data;
}

/** Asserts a problem+json answer with this status (and code, when given). */
export function assertProblem(answer: Answer, status: number, code?: string): void {
  assert.equal(answer.status, status, `expected ${status}, got ${answer.status}: ${answer.text}`);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = assertSchema(problemSchema, answer.json, 'problem');
  assert.equal(problem.status, status);
  if (code) assert.equal(problem.code, code);
}

export function fieldPaths(answer: Answer): string[] {
  return (answer.json?.errors ?? []).map((error: { path: string }) => error.path);
}

// Valid payloads; each call returns a fresh object so tests can change it.

export const VALID_NATIONAL_ID = '1000000008';

/** The load scripts' sample complaint, with the empty honeypot a browser sends. */
export function validComplaint(overrides: Record<string, unknown> = {}) {
  return { ...sampleComplaint, client: { ...sampleComplaint.client, hp: '' }, ...overrides };
}

export function validSuggestion(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'suggestion',
    category: 'improvement',
    subject: 'اقتراح لتحسين الخدمة',
    description: 'أقترح إضافة خدمة حجز المواعيد عبر الموقع.',
    anonymous: true,
    consent: { accepted: true, version: 'privacy-v1' },
    client: { locale: 'ar', fillMs: 30_000 },
    ...overrides,
  };
}

export function validRequest(overrides: Record<string, unknown> = {}) {
  return {
    audience: 'beneficiary',
    applicant: {
      fullName: 'نورة سعد القحطاني',
      nationalId: VALID_NATIONAL_ID,
      mobile: '+966 55 765 4321',
      email: 'noura@example.com',
      city: 'الرياض',
      birthDate: '1990-05-17',
    },
    household: { householdSize: '٥', incomeBracket: 'under_3000', employment: 'unemployed', housing: 'rented' },
    service: 'food_basket',
    description: 'أسرة من خمسة أفراد بحاجة إلى سلة غذائية شهرية.',
    declaration: { accepted: true, version: 'declaration-v1' },
    consent: { accepted: true, version: 'privacy-v1' },
    client: { locale: 'ar', fillMs: 120_000 },
    ...overrides,
  };
}

export function validRating(overrides: Record<string, unknown> = {}) {
  return {
    scale: 'csat',
    score: 5,
    context: '/services',
    comment: 'خدمة ممتازة',
    client: { fillMs: 5000 },
    ...overrides,
  };
}

export async function countRows(db: Database, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}
