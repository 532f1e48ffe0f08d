/**
 * Autosaves what a person typed, per widget and endpoint, so a reload, a dropped
 * connection or a closed tab loses nothing. localStorage: synchronous, so a draft is
 * restored before the first render.
 */

export interface Draft {
  values: Record<string, unknown>;
  /** Kept with the draft so every retry, even after a reload, reuses the same key. */
  idempotencyKey?: string;
  /** When the person started filling the form (the server's time-trap uses fill time). */
  startedAt: number;
  savedAt: number;
  /** The step a multi-step form was on (restored with the values). */
  step?: string;
}

const PREFIX = 'sila:draft:';
/** Drafts older than this are dropped: a shared family phone should not keep them forever. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked (privacy mode, sandboxed iframe): drafts are simply off
  }
}

export class DraftStore {
  readonly key: string;

  constructor(
    widget: string,
    endpoint: string,
    /** Fields never written to the device (e.g. national ID unless the host opts in). */
    private readonly excluded: readonly string[] = [],
  ) {
    this.key = `${PREFIX}${widget}:${endpoint || location.pathname}`;
  }

  load(): Draft | undefined {
    const raw = storage()?.getItem(this.key);
    if (!raw) return undefined;
    try {
      const draft = JSON.parse(raw) as Draft;
      if (typeof draft !== 'object' || !draft || Date.now() - draft.savedAt > MAX_AGE_MS) {
        this.clear();
        return undefined;
      }
      return draft;
    } catch {
      this.clear();
      return undefined;
    }
  }

  save(draft: Omit<Draft, 'savedAt'>): void {
    const values = Object.fromEntries(Object.entries(draft.values).filter(([name]) => !this.excluded.includes(name)));
    try {
      storage()?.setItem(this.key, JSON.stringify({ ...draft, values, savedAt: Date.now() }));
    } catch {
      // Quota exceeded or storage blocked: the form still works, only autosave is lost.
    }
  }

  clear(): void {
    storage()?.removeItem(this.key);
  }
}
