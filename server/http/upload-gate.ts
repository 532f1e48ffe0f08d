/**
 * Caps how many multipart uploads one process reads at once, and how many of them one
 * client holds. Each upload holds up to the association's total file size in memory
 * (PostgreSQL) or a file descriptor and disk bandwidth (embedded database); past the cap
 * the client is asked to come back shortly (503 with Retry-After) instead of every upload
 * slowing down together. The per-client share keeps one client (a slow sender holding its
 * places open) from taking every place.
 */
import { HttpProblem } from './problem.js';

export const DEFAULT_MAX_CONCURRENT_UPLOADS = 8;
export const DEFAULT_MAX_UPLOADS_PER_CLIENT = 2;
/** Seconds: an upload in progress usually ends well within this. */
const RETRY_AFTER_SECONDS = 5;

export class UploadGate {
  private active = 0;
  private readonly perClient = new Map<string, number>();

  constructor(
    readonly max: number,
    readonly maxPerClient = DEFAULT_MAX_UPLOADS_PER_CLIENT,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  /** Takes a place or throws (503 full, 429 this client's share used); call the returned function once when done. */
  enter(client?: string): () => void {
    if (this.active >= this.max) {
      throw new HttpProblem(503, {
        code: 'service_unavailable',
        detail: `The server is receiving ${this.max} uploads already. Try again in a few seconds.`,
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      });
    }
    const held = client === undefined ? 0 : (this.perClient.get(client) ?? 0);
    if (client !== undefined && held >= this.maxPerClient) {
      throw new HttpProblem(429, {
        code: 'rate_limited',
        detail: `At most ${this.maxPerClient} uploads at once from one address. Try again when one has finished.`,
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      });
    }
    this.active++;
    if (client !== undefined) this.perClient.set(client, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      if (client === undefined) return;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    };
  }
}

let shared: UploadGate | undefined;

function positive(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

/** The process-wide gate: SILA_MAX_CONCURRENT_UPLOADS (8), SILA_MAX_UPLOADS_PER_CLIENT (2). */
export function defaultUploadGate(): UploadGate {
  shared ??= new UploadGate(
    positive(process.env.SILA_MAX_CONCURRENT_UPLOADS, DEFAULT_MAX_CONCURRENT_UPLOADS),
    positive(process.env.SILA_MAX_UPLOADS_PER_CLIENT, DEFAULT_MAX_UPLOADS_PER_CLIENT),
  );
  return shared;
}
