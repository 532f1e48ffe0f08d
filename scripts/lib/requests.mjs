// autocannon requests for the reference server (creates with a fresh Idempotency-Key
// each, status lookups) and the seeding they need.
import { randomUUID } from 'node:crypto';
import { sampleComplaint } from '../sample-complaint.mjs';

/** The status-lookup verifier of sampleComplaint: the last 4 digits of its mobile. */
const SAMPLE_VERIFIER = sampleComplaint.contact.mobile.slice(-4);

/** An anonymous page rating (ratings skip the time trap; only the honeypot applies). */
export const sampleRating = { scale: 'csat', score: 5, context: '/bench', client: { locale: 'ar', fillMs: 4000 } };

/**
 * An autocannon request that POSTs `body` to `path` with a unique Idempotency-Key.
 * `onKey(key, context)` and `onResponse` let a caller track every key (see create-ledger).
 */
export function uniqueKeyCreate(path, body, { onKey, onResponse } = {}) {
  return {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    setupRequest: (request, context) => {
      const key = randomUUID();
      onKey?.(key, context);
      return { ...request, headers: { ...request.headers, 'idempotency-key': key } };
    },
    ...(onResponse ? { onResponse } : {}),
  };
}

/** Successful status lookups, cycling through `references` created from sampleComplaint. */
export function lookupRequest(references) {
  let next = 0;
  return {
    method: 'POST',
    path: '/v1/status',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({ reference: references[next++ % references.length], verifier: SAMPLE_VERIFIER }),
    }),
  };
}

/** Whether autocannon's response headers (names as the server wrote them) mark a replay. */
export const isReplay = (headers) =>
  Object.entries(headers ?? {}).some(
    ([name, value]) => name.toLowerCase() === 'idempotent-replayed' && value === 'true',
  );

/** POSTs one create with `key`; returns status, replay flag and body. */
export async function postCreate(url, path, body, key = randomUUID()) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return {
    key,
    status: response.status,
    replayed: response.headers.get('idempotent-replayed') === 'true',
    body: await response.json(),
  };
}

/** Creates `count` complaints, 10 at a time; returns their keys and references. */
export async function seedComplaints(url, count) {
  const created = [];
  while (created.length < count) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - created.length) }, () =>
        postCreate(url, '/v1/complaints', sampleComplaint),
      ),
    );
    for (const answer of batch) {
      if (answer.status !== 201) throw new Error(`seeding a complaint: HTTP ${answer.status}`);
      created.push({ key: answer.key, reference: answer.body.reference });
    }
  }
  return created;
}
