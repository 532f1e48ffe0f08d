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
  /** It holds income or health answers: kept hours, not days (set on save). */
  sensitive?: boolean;
}

const PREFIX = 'sila:draft:';
/** Drafts older than this are dropped: a shared family phone should not keep them forever. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** A draft holding income or health answers is dropped after this many hours (shared family phones). */
export const SENSITIVE_DRAFT_HOURS = 12;
const SENSITIVE_MAX_AGE_MS = SENSITIVE_DRAFT_HOURS * 60 * 60 * 1000;

/** Answers that are income or health details: their presence shortens a draft's life. */
function holdsSensitive(values: Record<string, unknown>): boolean {
  const filled = (name: string) => typeof values[name] === 'string' && values[name] !== '';
  return filled('household.incomeBracket') || filled('household.employment') || values.service === 'medical_support';
}

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
      const maxAge = draft?.sensitive ? SENSITIVE_MAX_AGE_MS : MAX_AGE_MS;
      if (typeof draft !== 'object' || !draft || Date.now() - draft.savedAt > maxAge) {
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
      const sensitive = holdsSensitive(values) || undefined;
      storage()?.setItem(this.key, JSON.stringify({ ...draft, values, sensitive, savedAt: Date.now() }));
    } catch {
      // Quota exceeded or storage blocked: the form still works, only autosave is lost.
    }
  }

  clear(): void {
    storage()?.removeItem(this.key);
  }
}
