import { expect } from '@open-wc/testing';
import { backoffDelay, parseRetryAfter, DEFAULT_RETRY_POLICY } from '../../src/client/retry.js';
import { createSilaClient } from '../../src/client/api.js';
import { SilaError } from '../../src/client/errors.js';
import { newIdempotencyKey } from '../../src/client/idempotency.js';
import type { Complaint } from '../../src/contract/complaint.js';
import { pretendOffline, serverEndpoint, staffApi } from './helpers.js';
import { resolveBackendLinks } from '../../src/core/form-config-loader.js';

const complaint = (mobile: string): Complaint => ({
  kind: 'inquiry',
  category: 'other',
  subject: 'ساعات العمل',
  description: 'ما هي ساعات استقبال المستفيدين في رمضان؟',
  contact: { name: 'سارة أحمد', mobile },
  consent: { accepted: true, version: 'privacy-v1' },
  client: { locale: 'ar', fillMs: 30_000, hp: '' },
});

function problem503(retryAfter: string): Response {
  return new Response(JSON.stringify({ title: 'Service Unavailable', status: 503, code: 'unavailable' }), {
    status: 503,
    headers: { 'Content-Type': 'application/problem+json', 'Retry-After': retryAfter },
  });
}

describe('client', () => {
  it('draws backoff delays with full jitter under an exponential ceiling', () => {
    expect(backoffDelay(0, DEFAULT_RETRY_POLICY, () => 1)).to.equal(500);
    expect(backoffDelay(2, DEFAULT_RETRY_POLICY, () => 1)).to.equal(2000);
    expect(backoffDelay(10, DEFAULT_RETRY_POLICY, () => 1)).to.equal(8000); // capped
    expect(backoffDelay(3, DEFAULT_RETRY_POLICY, () => 0)).to.equal(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).to.equal(2000);
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:05 GMT', now)).to.equal(5000);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });

  it('makes RFC 4122 version 4 idempotency keys', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(keys.size).to.equal(100);
    for (const key of keys)
      expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('waits as long as Retry-After says after each of three 503s (the default policy), then delivers once with the same key', async () => {
    // A mobile of this run only: the staff search for it finds what reached the server.
    const mobile = `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const attempts: { at: number; key: string | null }[] = [];
    const client = createSilaClient({
      endpoint: serverEndpoint(),
      fetch: async (input, init) => {
        attempts.push({ at: performance.now(), key: new Headers(init?.headers).get('Idempotency-Key') });
        // The first three attempts meet an overloaded proxy; the fourth reaches the server.
        return attempts.length <= 3 ? problem503('1') : fetch(input, init);
      },
    });
    const created = await client.createComplaint(complaint(mobile), newIdempotencyKey());
    expect(created.reference).to.match(/^Q[0-9A-Z]{12}$/);
    expect(attempts).to.have.length(DEFAULT_RETRY_POLICY.retries + 1);
    expect(new Set(attempts.map((a) => a.key)).size).to.equal(1);
    for (let i = 1; i < attempts.length; i++) expect(attempts[i]!.at - attempts[i - 1]!.at).to.be.at.least(950);
    const found = await staffApi(`/v1/staff/submissions?q=${mobile}`);
    expect(found.status, JSON.stringify(found.body)).to.equal(200);
    expect(found.body.items.map((item: { reference: string }) => item.reference)).to.deep.equal([created.reference]);
  });

  it('never retries a 4xx, and turns problem+json into field errors', async () => {
    let attempts = 0;
    const client = createSilaClient({
      endpoint: serverEndpoint(),
      fetch: (input, init) => (attempts++, fetch(input, init)),
    });
    const bad = { ...complaint('0551231234'), category: 'no_such_category' };
    const error = await client.createComplaint(bad, newIdempotencyKey()).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(SilaError);
    expect((error as SilaError).kind).to.equal('validation');
    expect((error as SilaError).status).to.equal(422);
    expect((error as SilaError).fieldErrors.map((e) => e.path)).to.deep.equal(['category']);
    expect(attempts).to.equal(1);
  });

  it('gives up waiting in place when Retry-After is longer than a person should wait', async () => {
    let attempts = 0;
    const client = createSilaClient({
      endpoint: serverEndpoint(),
      maxRetryAfterMs: 5_000,
      fetch: async () => (attempts++, problem503('120')),
    });
    const error = (await client
      .createComplaint(complaint('0551231234'), newIdempotencyKey())
      .catch((caught: unknown) => caught)) as SilaError;
    expect(error.kind).to.equal('server');
    expect(error.isTransient).to.equal(true); // the widget keeps it in the outbox
    expect(error.retryAfterMs).to.equal(120_000);
    expect(attempts).to.equal(1);
  });

  it('reports a service that never answers as unreachable after its retries, and tells the developer why once', async () => {
    let attempts = 0;
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const client = createSilaClient({
        endpoint: 'http://127.0.0.3:9', // nothing listens there; an origin no other test uses
        retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 20 },
        fetch: (input, init) => (attempts++, fetch(input, init)),
      });
      const error = (await client.getFormConfig().catch((caught: unknown) => caught)) as SilaError;
      expect(error.kind).to.equal('unreachable');
      expect(error.isTransient).to.equal(true);
      expect(attempts).to.equal(2); // form-config allows one retry
      await client.getFormConfig().catch(() => undefined);
    } finally {
      console.warn = warn;
    }
    // The page and the service are on different origins here, as on a charity's own site.
    const hints = warnings.filter((text) => text.includes('http://127.0.0.3:9'));
    expect(hints).to.have.length(1);
    expect(hints[0]).to.contain('SILA_ALLOWED_ORIGINS').and.to.contain(location.origin);
  });

  it('reports the same failure as offline when the device has no connection', async () => {
    const backOnline = pretendOffline();
    try {
      const client = createSilaClient({ endpoint: 'http://127.0.0.1:9', retry: { retries: 0 } });
      const error = (await client.getFormConfig().catch((caught: unknown) => caught)) as SilaError;
      expect(error.kind).to.equal('offline');
      expect(error.isTransient).to.equal(true);
    } finally {
      backOnline();
    }
  });

  it('rejects an answer that does not follow the contract', async () => {
    const client = createSilaClient({
      endpoint: serverEndpoint(),
      fetch: async () =>
        new Response(JSON.stringify({ hello: 'world' }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    });
    const error = (await client.getFormConfig().catch((caught: unknown) => caught)) as SilaError;
    expect(error.kind).to.equal('invalid_response');
  });

  it('times out a hanging call', async () => {
    const client = createSilaClient({
      endpoint: serverEndpoint(),
      timeoutMs: 200,
      retry: { retries: 0 },
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    });
    const error = (await client.getFormConfig().catch((caught: unknown) => caught)) as SilaError;
    expect(error.kind).to.equal('timeout');
  });
});

describe('links in the backend form-config', () => {
  const association = (links: { privacyNoticeUrl?: string; logoUrl?: string }) => ({ name: { ar: 'جمعية' }, ...links });

  it('belong to the backend: read against the endpoint, wherever the widget is embedded', () => {
    const resolved = (endpoint: string, url: string) =>
      resolveBackendLinks(endpoint, { association: association({ privacyNoticeUrl: url }) }).association!
        .privacyNoticeUrl;
    expect(resolved('https://x.org/api/sila', '/privacy.html')).to.equal('https://x.org/privacy.html');
    expect(resolved('https://x.org/api/sila', 'privacy.html')).to.equal('https://x.org/api/sila/privacy.html');
    expect(resolved('https://x.org/api/sila/', 'privacy.html')).to.equal('https://x.org/api/sila/privacy.html');
    expect(resolved('https://x.org', ' /demo/privacy.html ')).to.equal('https://x.org/demo/privacy.html');
    expect(resolved('https://x.org', 'https://charity.example/privacy')).to.equal('https://charity.example/privacy');
    const logo = resolveBackendLinks('https://x.org/api', { association: association({ logoUrl: 'logo.png' }) })
      .association!.logoUrl;
    expect(logo).to.equal('https://x.org/api/logo.png');
  });

  it('are dropped when they are not http(s) links', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', '   ', 'http://[bad']) {
      const { association: resolvedAssociation } = resolveBackendLinks('https://x.org', {
        association: association({ privacyNoticeUrl: url, logoUrl: url }),
      });
      expect(resolvedAssociation!.privacyNoticeUrl, url).to.equal(undefined);
      expect(resolvedAssociation!.logoUrl, url).to.equal(undefined);
    }
    const without = { reviewPeriodDays: 14 };
    expect(resolveBackendLinks('https://x.org', without)).to.equal(without);
  });
});
