/** The small pure parts: configuration, strict JSON, masking, rate windows, verifiers. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, DEFAULT_CONFIG_PATH, loadAssociationConfig, readServerConfig } from '../../server/config.js';
import { open, seal } from '../../server/crypto.js';
import { ASSOCIATION_TIME_ZONE, localDateTime, localDay, nextDay, startOfLocalDay } from '../../server/dates.js';
import { JsonRejected, canonicalJson, parseStrictJson, scanJson } from '../../server/http/json.js';
import { maskName } from '../../server/mask.js';
import { MemoryCounterStore } from '../../server/http/counter-store.js';
import { FixedWindowLimit } from '../../server/http/rate-limit.js';
import { verifierHash, verifierMatches } from '../../server/submissions/verifier.js';
import { looksAutomated } from '../../server/routes/create.js';

describe('configuration', () => {
  it('defaults', () => {
    const config = readServerConfig({});
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, undefined);
    assert.match(config.dataDir, /\/\.data$/);
    assert.deepEqual(config.allowedOrigins, []);
    assert.equal(config.adminToken, undefined);
    assert.equal(config.configPath, DEFAULT_CONFIG_PATH);
    assert.equal(config.serveStatic, false, 'the demo is off unless npm start asks for it');
    assert.equal(config.trustProxy, false);
    assert.deepEqual(config.trustedProxies, []);
    assert.equal(config.limits.maxJsonBytes, 64 * 1024);
  });

  it('reads every variable and refuses nonsense', () => {
    const config = readServerConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://x@y/z',
      SILA_DATA_DIR: 'memory://',
      SILA_ALLOWED_ORIGINS: 'https://a.example, https://b.example/',
      SILA_ADMIN_TOKEN: 'k3J9-vQ2x_Lm8Rt5Zw7Nc4Hp6Yd1Fb0Gs',
      SILA_SERVE_STATIC: '0',
      SILA_TRUST_PROXY: 'true',
      SILA_RATE_LIMIT_PER_MINUTE: '0',
    });
    assert.equal(config.port, 0);
    assert.equal(config.dataDir, 'memory://');
    assert.deepEqual(config.allowedOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(config.serveStatic, false);
    assert.equal(config.trustProxy, true);
    assert.equal(config.limits.postsPerMinutePerIp, 0);
    assert.throws(() => readServerConfig({ PORT: 'eighty' }), ConfigError);
    assert.throws(() => readServerConfig({ SILA_ADMIN_TOKEN: 'short' }), /at least 32/);
    assert.throws(() => readServerConfig({ SILA_SERVE_STATIC: 'maybe' }), ConfigError);
  });

  it('the example association file is valid; a broken one names its wrong fields', () => {
    const config = loadAssociationConfig(DEFAULT_CONFIG_PATH);
    assert.equal(config.reviewPeriodDays, 14);
    const dir = mkdtempSync(join(tmpdir(), 'sila-config-'));
    try {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ ...config, reviewPeriodDays: 'two weeks', ratingScales: ['stars'] }));
      assert.throws(
        () => loadAssociationConfig(file),
        (error: Error) => /reviewPeriodDays/.test(error.message) && /ratingScales\.0/.test(error.message),
      );
      assert.throws(() => loadAssociationConfig(join(dir, 'missing.json')), ConfigError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('local times (CSV export)', () => {
  it('Riyadh wall-clock time as YYYY-MM-DD HH:mm:ss, whatever the process time zone', () => {
    assert.equal(ASSOCIATION_TIME_ZONE, 'Asia/Riyadh');
    assert.equal(localDateTime(new Date('2026-11-25T16:08:37.504Z')), '2026-11-25 19:08:37');
    // After 21:00 UTC on a month's last day it is already the next month in Riyadh.
    assert.equal(localDateTime(new Date('2026-11-30T21:00:00Z')), '2026-12-01 00:00:00');
    assert.equal(localDateTime(new Date('2026-11-30T20:59:59.999Z')), '2026-11-30 23:59:59');
    assert.equal(localDay(new Date('2025-12-31T21:30:00Z')), '2026-01-01');
    // Other zones (daylight saving included) use the same form, midnight as 00.
    assert.equal(localDateTime(new Date('2026-07-01T04:00:00Z'), 'America/New_York'), '2026-07-01 00:00:00');
    assert.equal(localDateTime(new Date('2026-01-01T05:00:00Z'), 'America/New_York'), '2026-01-01 00:00:00');
    assert.equal(localDateTime(new Date('2026-03-05T07:06:05Z'), 'UTC'), '2026-03-05 07:06:05');
  });

  it("a day filter starts at local midnight (the staff filters' bare dates)", () => {
    assert.equal(startOfLocalDay('2025-01-31').toISOString(), '2025-01-30T21:00:00.000Z');
    assert.equal(startOfLocalDay('2025-01-31', 'UTC').toISOString(), '2025-01-31T00:00:00.000Z');
    assert.equal(startOfLocalDay('2026-07-01', 'America/New_York').toISOString(), '2026-07-01T04:00:00.000Z');
    assert.equal(startOfLocalDay('2026-01-01', 'America/New_York').toISOString(), '2026-01-01T05:00:00.000Z');
    // A day the clocks change on starts at its own midnight (New York: 8 March 2026, at 02:00).
    assert.equal(startOfLocalDay('2026-03-08', 'America/New_York').toISOString(), '2026-03-08T05:00:00.000Z');
    assert.equal(startOfLocalDay('2026-03-09', 'America/New_York').toISOString(), '2026-03-09T04:00:00.000Z');
    // Riyadh kept local mean time (+03:06:52) until 1947: an early date is still a day.
    assert.equal(startOfLocalDay('1900-01-01').toISOString(), '1899-12-31T20:53:08.000Z');
    assert.equal(nextDay('2024-02-28'), '2024-02-29');
    assert.equal(nextDay('2025-12-31'), '2026-01-01');
  });
});

describe('strict JSON', () => {
  it('counts nesting outside strings only', () => {
    assert.equal(scanJson('{"a":"[[[[[[[[[["}', 2), null);
    assert.equal(scanJson('{"a":"\\"[[["}', 1), null);
    assert.equal(scanJson('[[[]]]', 2), 'nesting_too_deep');
    assert.equal(scanJson('[[],[],[]]', 2), null);
    assert.equal(scanJson('{"a":1,"b":{"a":2}}', 5), null);
    assert.equal(scanJson('{"a":1,"\\u0061":2}', 5), 'duplicate_key');
    assert.equal(scanJson('[{"a":1},{"a":2}]', 5), null);
    assert.equal(scanJson('{"a":"x:y","b":"a"}', 5), null);
  });

  it('refuses reserved keys at any depth', () => {
    for (const text of ['{"__proto__":1}', '{"a":[{"constructor":{}}]}', '{"b":{"prototype":null}}']) {
      assert.throws(
        () => parseStrictJson(text, 32),
        (error: unknown) => error instanceof JsonRejected && error.reason === 'forbidden_key',
      );
    }
    assert.deepEqual(parseStrictJson('{"proto":1,"construct":2}', 32), { proto: 1, construct: 2 });
  });

  it('canonical form ignores key order, not array order', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [2, 1], c: null } }),
      canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }),
    );
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
  });
});

describe('helpers', () => {
  it('masks names by code point', () => {
    assert.equal(maskName('محمد عبدالله'), 'م*** ع***');
    assert.equal(maskName('  Sara   Al-Harbi '), 'S*** A***');
    assert.equal(maskName('𝒜lice'), '𝒜***');
    assert.equal(maskName(''), undefined);
    assert.equal(maskName(undefined), undefined);
  });

  it('rate windows count, block and reset', async () => {
    let now = 0;
    const store = new MemoryCounterStore(() => now);
    const limit = new FixedWindowLimit(store, 'test', 2, 1000);
    assert.equal((await limit.hit('a')).retryAfter, 0);
    assert.equal((await limit.hit('a')).retryAfter, 0);
    assert.equal((await limit.hit('a')).retryAfter, 1);
    assert.equal((await limit.hit('b')).retryAfter, 0);
    now = 1000;
    assert.equal((await limit.hit('a')).retryAfter, 0, 'a new window');
    assert.equal((await new FixedWindowLimit(store, 'x', 0, 1000).hit('x')).retryAfter, 0, '0 means no limit');
  });

  it('verifiers: Crockford look-alikes match, dummy never does', () => {
    const hash = verifierHash('SABCDEFGHJKMN', '01AB2C');
    assert.equal(verifierMatches(hash, 'SABCDEFGHJKMN', 'oiab2c'), true);
    assert.equal(verifierMatches(hash, 'SABCDEFGHJKMN', '01AB2D'), false);
    assert.equal(verifierMatches(undefined, 'SABCDEFGHJKMN', '01AB2C'), false);
    assert.equal(verifierMatches(hash, 'SABCDEFGHJKMP', '01AB2C'), false, 'salted with the reference');
  });

  it('sealed answers open only with their key', () => {
    const sealed = seal('key-1', '{"verifier":"ABC123"}');
    assert.equal(open('key-1', sealed), '{"verifier":"ABC123"}');
    assert.throws(() => open('key-2', sealed));
  });

  it('bot traps', () => {
    assert.equal(looksAutomated(undefined), false);
    assert.equal(looksAutomated({ hp: '' }), false);
    assert.equal(looksAutomated({ hp: '  ' }), false);
    assert.equal(looksAutomated({ hp: 'x' }), true);
    assert.equal(looksAutomated({ fillMs: 1499 }), true);
    assert.equal(looksAutomated({ fillMs: 1500 }), false);
  });
});
