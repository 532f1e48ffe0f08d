/**
 * Submissions that could not be delivered yet (offline, server down after retries).
 * Kept in IndexedDB with their Idempotency-Key and sent again, once, when the
 * connection returns or the page is opened again.
 */
import { clear, createStore, del, entries, set, type UseStore } from 'idb-keyval';

/**
 * Older entries are dropped unsent: the server keeps idempotency keys for 10 days, so a
 * later send could no longer be recognised as a retry; and the device should not keep
 * personal data forever.
 */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface OutboxEntry {
  idempotencyKey: string;
  /** `${widget}:${endpoint}`: which widget on which backend may send it. */
  owner: string;
  body: unknown;
  createdAt: number;
}

let store: UseStore | undefined;
function outboxStore(): UseStore | undefined {
  try {
    store ??= createStore('sila', 'outbox');
    return store;
  } catch {
    return undefined; // IndexedDB unavailable: the submission stays in the form instead
  }
}

/**
 * One read of the whole outbox shared by the widgets that start together (fifty ratings
 * on a page each ask at their first render, one task apart). The snapshot is forgotten
 * when this page changes the outbox, and a second after it was read: another tab's
 * entries are seen by widgets that start later.
 */
const SNAPSHOT_MS = 1000;
let reading: Promise<OutboxEntry[]> | undefined;
function readAll(db: UseStore): Promise<OutboxEntry[]> {
  if (reading) return reading;
  const read = entries<string, OutboxEntry>(db).then(
    (all) => all.map(([, entry]) => entry),
    () => [],
  );
  reading = read;
  void read.then(() =>
    setTimeout(() => {
      if (reading === read) reading = undefined;
    }, SNAPSHOT_MS),
  );
  return read;
}

export const outbox = {
  async put(entry: OutboxEntry): Promise<void> {
    const db = outboxStore();
    reading = undefined;
    if (db) await set(entry.idempotencyKey, entry, db).catch(() => undefined);
  },

  async remove(idempotencyKey: string): Promise<void> {
    const db = outboxStore();
    reading = undefined;
    if (db) await del(idempotencyKey, db).catch(() => undefined);
  },

  /** Entries of one owner, oldest first. */
  async pending(owner: string): Promise<OutboxEntry[]> {
    const db = outboxStore();
    if (!db) return [];
    const mine = (await readAll(db)).filter((entry) => entry.owner === owner);
    const expired = mine.filter((entry) => Date.now() - entry.createdAt > MAX_AGE_MS);
    await Promise.all(expired.map((entry) => del(entry.idempotencyKey, db).catch(() => undefined)));
    return mine.filter((entry) => !expired.includes(entry)).sort((a, b) => a.createdAt - b.createdAt);
  },
};

/** Test helper: forget every waiting submission of every widget. */
export async function clearOutbox(): Promise<void> {
  const db = outboxStore();
  if (db) await clear(db);
}
