/**
 * Per-client limits that a client cannot walk around (#18.4): IPv6 counted by /64,
 * IPv4-mapped IPv6 as IPv4, forwarding headers read only from listed proxies (right-most
 * untrusted hop), a warning (at most hourly) when they arrive from anyone else, and a
 * bounded table of tracked clients.
 */
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { describe, it } from 'node:test';
import type { WarningLine } from '../../server/context.js';
import { ConfigError, readServerConfig } from '../../server/config.js';
import {
  UNTRUSTED_FORWARDING_WINDOW_MS,
  UntrustedForwarding,
  clientKey,
  forwardedChain,
  parseAddress,
  parseProxyRanges,
  resolveClient,
} from '../../server/http/client-ip.js';
import { MemoryCounterStore } from '../../server/http/counter-store.js';
import { DEFAULT_LIMITS } from '../../server/limits.js';
import { assertProblem, describeEachDatabase, makeApp, postJson } from './helpers.js';
import { startServerProcess } from './limits-process.js';

const limits = { ...DEFAULT_LIMITS, postsPerMinutePerIp: 3, lookupFailuresPerHourPerIp: 0, maxInFlightPerClient: 0 };

describe('client address', () => {
  it('IPv6 is counted by /64, IPv4-mapped IPv6 as IPv4', () => {
    assert.equal(clientKey('2001:db8:aa:bb:1:2:3:4'), '2001:db8:aa:bb::/64');
    assert.equal(clientKey('2001:db8:aa:bb:ffff:0:0:9'), '2001:db8:aa:bb::/64');
    assert.notEqual(clientKey('2001:db8:aa:bc::1'), clientKey('2001:db8:aa:bb::1'));
    assert.equal(clientKey('::ffff:198.51.100.7'), '198.51.100.7');
    assert.equal(clientKey('198.51.100.7'), '198.51.100.7');
    assert.equal(parseAddress('[2001:db8::1]:4711')?.toString(), '2001:db8::1');
    assert.equal(parseAddress('192.0.2.1:8080')?.toString(), '192.0.2.1');
    assert.equal(parseAddress('not an address'), undefined);
  });

  it('the right-most hop that is not a trusted proxy is the client', () => {
    const trusted = parseProxyRanges(['10.0.0.0/8', '2001:db8:ffff::/48']);
    const peer = parseAddress('10.0.0.5');
    assert.equal(resolveClient(peer, ['1.1.1.1', '203.0.113.9', '10.0.0.7'], trusted), '203.0.113.9');
    assert.equal(resolveClient(peer, ['203.0.113.9', '2001:db8:ffff::3'], trusted), '203.0.113.9');
    // An unreadable hop is the client's own claim: the hop right of it is the client.
    assert.equal(resolveClient(peer, ['203.0.113.9', 'garbage', '10.0.0.7'], trusted), '10.0.0.7');
    // A peer that is not a proxy is the client, whatever it claims.
    assert.equal(resolveClient(parseAddress('198.51.100.1'), ['203.0.113.9'], trusted), '198.51.100.1');
    // RFC 7239 Forwarded, with quoted IPv6 and ports.
    assert.deepEqual(forwardedChain({ forwarded: 'for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"' }), [
      '192.0.2.60',
      '[2001:db8::1]:4711',
    ]);
    assert.equal(
      resolveClient(peer, forwardedChain({ forwarded: 'for=192.0.2.60, for="[2001:db8:1::1]:4711"' }), trusted),
      '2001:db8:1::1',
    );
  });

  it('SILA_TRUSTED_PROXIES is read and checked; SILA_TRUST_PROXY still works', () => {
    assert.deepEqual(
      readServerConfig({ SILA_TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32 ,192.0.2.4' }).trustedProxies,
      ['10.0.0.0/8', '2001:db8::/32', '192.0.2.4'],
    );
    assert.throws(() => readServerConfig({ SILA_TRUSTED_PROXIES: '10.0.0.0/33' }), ConfigError);
    assert.throws(() => readServerConfig({ SILA_TRUSTED_PROXIES: 'proxy.example' }), /SILA_TRUSTED_PROXIES/);
    assert.equal(readServerConfig({ SILA_TRUST_PROXY: '1' }).trustProxy, true);
  });

  it('the warning about ignored forwarding headers comes at most once an hour', () => {
    let now = 0;
    const lines: WarningLine[] = [];
    const warning = new UntrustedForwarding(
      (line) => lines.push(line),
      false,
      () => now,
    );
    warning.seen();
    warning.seen();
    now += UNTRUSTED_FORWARDING_WINDOW_MS - 1;
    warning.seen();
    assert.equal(lines.length, 1);
    now += 1;
    warning.seen();
    assert.equal(lines.length, 2);
    assert.equal(lines[0]!.warning, 'forwarding_headers_ignored');
    assert.match(lines[0]!.message, /SILA_TRUSTED_PROXIES/);
  });

  it('the table of tracked clients is bounded', async () => {
    const store = new MemoryCounterStore(Date.now, 1000);
    for (let i = 0; i < 5000; i++) await store.hit(`post:2001:db8:${i.toString(16)}::/64`, 60_000);
    assert.ok(store.size <= 1000, `${store.size} keys kept`);
  });
});

describeEachDatabase('per-client POST limit', (db) => {
  it('a new IPv6 address per request from one /64 is still one client', async () => {
    // In-process requests come from this machine: the loopback proxy is trusted.
    const app = makeApp(db(), { trustedProxies: ['127.0.0.1'], limits });
    const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip }, key: null });
    for (let i = 1; i <= 3; i++)
      assertProblem(await postJson(app, '/v1/status', {}, from(`2001:db8:aa:bb::${i}`)), 422);
    assertProblem(await postJson(app, '/v1/status', {}, from('2001:db8:aa:bb:9:9:9:9')), 429, 'rate_limited');
    assertProblem(await postJson(app, '/v1/status', {}, from('2001:db8:aa:bc::1')), 422);
    // IPv4 written as IPv4-mapped IPv6 is the same client.
    for (let i = 0; i < 3; i++) assertProblem(await postJson(app, '/v1/status', {}, from('198.51.100.7')), 422);
    assertProblem(await postJson(app, '/v1/status', {}, from('::ffff:198.51.100.7')), 429, 'rate_limited');
  });

  it('forwarding headers from a peer that is not a listed proxy are ignored, with a warning', async () => {
    const warnings: WarningLine[] = [];
    const app = makeApp(db(), { trustedProxies: ['10.0.0.0/8'], limits, warn: (line) => warnings.push(line) });
    for (let i = 0; i < 3; i++) {
      const answer = await postJson(
        app,
        '/v1/status',
        {},
        { headers: { 'X-Forwarded-For': `203.0.113.${i}` }, key: null },
      );
      assertProblem(answer, 422);
    }
    const walkedAround = await postJson(
      app,
      '/v1/status',
      {},
      { headers: { Forwarded: 'for=203.0.113.99' }, key: null },
    );
    assertProblem(walkedAround, 429, 'rate_limited');
    assert.deepEqual(
      warnings.map((line) => line.warning),
      ['forwarding_headers_ignored'],
    );
    assert.ok(!JSON.stringify(warnings).includes('203.0.113'), 'the warning names no address');
  });
});

/** An address of this machine that is not loopback (the peer a direct connection has). */
function ownAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces()))
    for (const entry of list ?? []) if (!entry.internal && entry.family === 'IPv4') return entry.address;
  return undefined;
}

describe('the real server', () => {
  it('SILA_TRUST_PROXY=1 trusts only a proxy on this machine: a direct client cannot forge X-Forwarded-For', async () => {
    const address = ownAddress();
    assert.ok(address, 'this machine needs a non-loopback IPv4 address');
    const server = await startServerProcess({
      HOST: address,
      SILA_TRUST_PROXY: '1',
      SILA_RATE_LIMIT_PER_MINUTE: '3',
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const answer = await fetch(`${server.url}/v1/status`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.${i}` },
          body: '{}',
        });
        statuses.push(answer.status);
        await answer.arrayBuffer();
      }
      assert.deepEqual(statuses, [422, 422, 422, 429, 429]);
      const output = server.output();
      assert.match(output, /SILA_TRUST_PROXY=1 is deprecated/);
      assert.match(output, /Proxies: X-Forwarded-For and Forwarded are read only from 127\.0\.0\.0\/8, ::1\/128/);
      assert.equal(output.match(/forwarding_headers_ignored/g)?.length, 1, 'one warning, not one per request');
    } finally {
      await server.stop();
    }
  });

  it('without SILA_TRUSTED_PROXIES, start-up says forwarding headers are ignored', async () => {
    const server = await startServerProcess({});
    try {
      assert.match(
        server.output(),
        /Proxies: SILA_TRUSTED_PROXIES is not set, so X-Forwarded-For and Forwarded are ignored/,
      );
    } finally {
      await server.stop();
    }
  });
});
