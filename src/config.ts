/**
 * Page-wide configuration. A widget's own attribute or property wins, then what the
 * page passed to configure(), then the defaults:
 *
 *   <sila-complaint-form endpoint="https://example.org/sila"> > configure({ endpoint }) > ''
 */
import type { FormConfig } from './contract/form-config.js';

export interface SilaConfig {
  /** Base URL of the backend (no trailing /v1). */
  endpoint?: string;
  /** Language of every Sila widget on the page: 'ar' (default) or 'en'. */
  locale?: 'ar' | 'en';
  /** Extra headers on every call (e.g. a tenant id). Never put secrets here: it is public. */
  headers?: Record<string, string>;
  /** Per-attempt timeout; weak connections need time. Default 20 000 ms. */
  timeoutMs?: number;
  /** Attempts after the first on network errors, 5xx and 429. Default 3. */
  retries?: number;
  /** Overrides or replaces the backend's form-config (services, categories, periods…). */
  formConfig?: Partial<FormConfig>;
  /** Keep national ID numbers in autosaved drafts (off by default: shared phones). */
  storeNationalIdInDrafts?: boolean;
  /** Turn draft autosave off entirely. */
  disableDrafts?: boolean;
  /** Returns a captcha token (Turnstile, hCaptcha…) sent with each submission. */
  captchaToken?: () => Promise<string | undefined>;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof fetch;
}

const CHANGE_EVENT = 'sila-config-change';
/**
 * A page can configure Sila before the script loads (handy in WordPress):
 *   <script>window.SilaConfig = { endpoint: 'https://example.org/sila' }</script>
 */
let current: SilaConfig = { ...(globalThis as { SilaConfig?: SilaConfig }).SilaConfig };

/** Sets page-wide options; widgets already on the page pick the change up. */
export function configure(options: SilaConfig): void {
  current = { ...current, ...options };
  globalThis.dispatchEvent?.(new Event(CHANGE_EVENT));
}

export function getConfig(): Readonly<SilaConfig> {
  return current;
}

/** Subscribes to configure() calls; returns the unsubscribe function. */
export function onConfigChange(listener: () => void): () => void {
  globalThis.addEventListener(CHANGE_EVENT, listener);
  return () => globalThis.removeEventListener(CHANGE_EVENT, listener);
}

/** Test helper: back to the defaults. */
export function resetConfig(): void {
  current = {};
}
