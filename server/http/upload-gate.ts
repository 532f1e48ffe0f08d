/**
 * Caps how many multipart uploads one process reads at once. Each upload holds up to
 * the association's total file size in memory (PostgreSQL) or a file descriptor and disk
 * bandwidth (embedded database); past the cap the client is asked to come back shortly
 * (503 with Retry-After) instead of every upload slowing down together.
 */
import { HttpProblem } from './problem.js';

export const DEFAULT_MAX_CONCURRENT_UPLOADS = 8;
/** Seconds: an upload in progress usually ends well within this. */
const RETRY_AFTER_SECONDS = 5;

export class UploadGate {
  private active = 0;

  constructor(readonly max: number) {}

  get inFlight(): number {
    return this.active;
  }

  /** Takes a place or throws 503; call the returned function exactly once when done. */
  enter(): () => void {
    if (this.active >= this.max) {
      throw new HttpProblem(503, {
        code: 'service_unavailable',
        detail: `The server is receiving ${this.max} uploads already. Try again in a few seconds.`,
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      });
    }
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
    };
  }
}

let shared: UploadGate | undefined;

/** The process-wide gate, sized by SILA_MAX_CONCURRENT_UPLOADS (default 8). */
export function defaultUploadGate(): UploadGate {
  if (!shared) {
    const configured = Number(process.env.SILA_MAX_CONCURRENT_UPLOADS);
    shared = new UploadGate(
      Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_CONCURRENT_UPLOADS,
    );
  }
  return shared;
}
