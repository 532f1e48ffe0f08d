/**
 * SILA_DATA_KEY: the secret behind the encryption of national IDs and mobiles at rest
 * (server/privacy/sealing.ts) and behind their search hashes (server/staff/search-index.ts).
 * Each use derives its own key with HKDF, so one secret serves both.
 *
 * Rotation: set the new secret in SILA_DATA_KEY and the old one in SILA_DATA_KEY_PREVIOUS
 * (comma-separated for several); at start every case is sealed again under the new key.
 * Unset, a fixed development key is used: it protects nothing (it is in this file), so a
 * production server refuses to start without a real one (see dataKeyProblem()).
 */
import { createHmac, hkdfSync } from 'node:crypto';

/** Development only: anyone can read it here. */
export const DEV_DATA_KEY = 'sila-development-data-key-not-secret';

/** Shorter than this, a secret is too easy to guess (`openssl rand -hex 32` gives 64). */
const MIN_KEY_LENGTH = 32;

export function dataKeyIsSet(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SILA_DATA_KEY?.trim());
}

export interface DerivedKey {
  secret: Buffer;
  /** A fingerprint stored with the data: which key made it (never the key). */
  id: string;
}

const derived = new Map<string, DerivedKey>();

/** The key for one purpose ('sila-search', 'sila-fields') derived from one secret. */
export function deriveKey(source: string, purpose: string): DerivedKey {
  const cacheKey = `${purpose}\u0000${source}`;
  let key = derived.get(cacheKey);
  if (!key) {
    const secret = Buffer.from(hkdfSync('sha256', source, purpose, 'sila-data-key', 32));
    const id = createHmac('sha256', secret).update('key-id').digest('hex').slice(0, 16);
    key = { secret, id };
    derived.set(cacheKey, key);
  }
  return key;
}

/** The secret new data is written with. */
export function currentSecret(env: NodeJS.ProcessEnv = process.env): string {
  return env.SILA_DATA_KEY?.trim() || DEV_DATA_KEY;
}

/**
 * Every secret data may have been written with: the current one, the previous ones, and
 * the development key (public anyway: data written before a real key was set stays readable
 * and is sealed again under the real key at the next start).
 */
export function knownSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const previous = (env.SILA_DATA_KEY_PREVIOUS ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  return [...new Set([currentSecret(env), ...previous, DEV_DATA_KEY])];
}

/**
 * Why this server must not start, or undefined. In production (NODE_ENV=production) a
 * missing or short SILA_DATA_KEY is refused: the development key is public, so the
 * national IDs and mobiles written under it would be readable by anyone holding a copy
 * of the database. Elsewhere the server starts and warns (dataKeyWarning()).
 */
export function dataKeyProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_ENV !== 'production') return undefined;
  if (!dataKeyIsSet(env))
    return 'SILA_DATA_KEY is not set. In production it is required: it encrypts the national IDs and mobiles at rest and keys their search hashes; without it they would be protected by a public development key. Set it (e.g. `openssl rand -hex 32`) and keep it with the database backups: data sealed with a lost key cannot be read.';
  if (currentSecret(env).length < MIN_KEY_LENGTH)
    return `SILA_DATA_KEY is shorter than ${MIN_KEY_LENGTH} characters: use a random one (e.g. \`openssl rand -hex 32\`).`;
  return undefined;
}

/** The start-up warning outside production, or undefined when a key is set. */
export function dataKeyWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (dataKeyIsSet(env)) return undefined;
  return 'SILA_DATA_KEY is not set: national IDs and mobiles are encrypted and hashed with a development key anyone can read. Set it (e.g. `openssl rand -hex 32`) before real data arrives; with NODE_ENV=production the server refuses to start without it. Setting it later seals every case again at start.';
}
