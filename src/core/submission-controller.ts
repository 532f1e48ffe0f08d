/**
 * Sends one submission so that nothing is lost and nothing is duplicated: the payload
 * goes to the outbox (IndexedDB) before the first attempt, with its Idempotency-Key;
 * it leaves the outbox only when the server answered. If it cannot be delivered now it
 * waits ("queued") and is sent again by itself: when the browser comes back online, when
 * the server's Retry-After has passed or, while the page stays open, after a growing
 * pause; also when the page is opened again, or when the person presses "try again".
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SilaError } from '../client/errors.js';
import { outbox } from '../client/outbox.js';
import { noAnswer } from '../client/network-failure.js';
import { SilaSubmitEvent, type SubmissionKind } from './events.js';

/** Pauses between attempts of a waiting submission while the page stays open. */
const WAITING_RETRY_FIRST_MS = 20_000;
const WAITING_RETRY_MAX_MS = 5 * 60_000;

export type SubmissionState = 'idle' | 'submitting' | 'queued' | 'succeeded' | 'failed';

export interface SubmissionOptions<P, R> {
  /** Which widget on which backend owns the outbox entries. */
  owner: () => string;
  send: (payload: P, idempotencyKey: string) => Promise<R>;
  onSuccess: (result: R, payload: P) => void;
  /** A definitive failure (validation, conflict…): the payload left the outbox. */
  onFailure: (error: SilaError, queued: boolean) => void;
}

export class SubmissionController<P, R> implements ReactiveController {
  state: SubmissionState = 'idle';
  error?: SilaError;
  result?: R;
  private pending?: { payload: P; key: string };
  private busy = false;
  private readonly retryWhenOnline = () => void this.retry();
  private retryTimer?: ReturnType<typeof setTimeout>;
  private waits = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SubmissionOptions<P, R>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.retryWhenOnline);
    if (this.state === 'queued' && this.error) this.scheduleRetry(this.error);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.retryWhenOnline);
    clearTimeout(this.retryTimer);
  }

  private setState(state: SubmissionState): void {
    this.state = state;
    if (state !== 'queued') clearTimeout(this.retryTimer);
    this.host.requestUpdate();
  }

  /**
   * "Will be sent automatically" must hold while the person keeps the page open, even
   * though no `online` event comes when it is the server that was down.
   */
  private scheduleRetry(error: SilaError): void {
    clearTimeout(this.retryTimer);
    if (globalThis.navigator?.onLine === false) return; // the `online` event will send it
    const pause = Math.min(WAITING_RETRY_MAX_MS, WAITING_RETRY_FIRST_MS * 2 ** this.waits);
    const delay =
      error.retryAfterMs === undefined ? pause : Math.max(1_000, error.at + error.retryAfterMs - Date.now());
    this.waits += 1;
    this.retryTimer = setTimeout(this.retryWhenOnline, delay);
  }

  /**
   * Runs a submit handler at most once at a time: a double tap sends once. The guard is
   * set before anything awaits, so a second tap in the same frame is ignored too.
   */
  async once(handler: () => Promise<void>): Promise<void> {
    if (this.busy || this.state === 'submitting') return;
    this.busy = true;
    try {
      await handler();
    } finally {
      this.busy = false;
    }
  }

  /**
   * Adds the page's captcha token and fires the cancelable `sila-submit` from `target`.
   * Returns the payload to send, or undefined when the host page took it over.
   */
  async handOver<T extends { client?: object }>(
    target: EventTarget,
    kind: SubmissionKind,
    validated: T,
    idempotencyKey: string,
    captchaToken?: () => Promise<string | undefined>,
  ): Promise<T | undefined> {
    const token = await captchaToken?.();
    const payload: T = token ? { ...validated, client: { ...validated.client, captchaToken: token } } : validated;
    return target.dispatchEvent(new SilaSubmitEvent<T>({ kind, payload, idempotencyKey })) ? payload : undefined;
  }

  async submit(payload: P, idempotencyKey: string): Promise<void> {
    if (this.state === 'submitting') return; // a double tap sends once
    if (this.state === 'queued' && this.pending) {
      // Pressing Send while it waits: send what is waiting, exactly as it was, under its
      // key (the first attempt may have reached the server; a changed body would not match).
      await this.deliver();
      return;
    }
    this.pending = { payload, key: idempotencyKey };
    this.setState('submitting');
    await outbox.put({ idempotencyKey, owner: this.options.owner(), body: payload, createdAt: Date.now() });
    await this.deliver();
  }

  /** Sends what is waiting, if anything (online event, "try again" button). */
  async retry(): Promise<void> {
    if (this.state !== 'queued' && this.state !== 'failed') return;
    if (this.pending) await this.deliver();
  }

  /** Picks up a submission left in the outbox by an earlier visit and sends it. */
  async resume(): Promise<boolean> {
    const [entry] = await outbox.pending(this.options.owner());
    // Something of this visit is already being sent or waiting (its entry may be this one).
    if (!entry || this.pending) return false;
    this.pending = { payload: entry.body as P, key: entry.idempotencyKey };
    await this.deliver();
    return true;
  }

  /** "Clear my answers": forget the waiting submission too, on this device. */
  async discard(): Promise<void> {
    if (this.pending) await outbox.remove(this.pending.key);
    for (const entry of await outbox.pending(this.options.owner())) await outbox.remove(entry.idempotencyKey);
    this.reset();
  }

  reset(): void {
    this.waits = 0;
    this.pending = undefined;
    this.error = undefined;
    this.result = undefined;
    this.setState('idle');
  }

  private async deliver(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.error = undefined;
    this.setState('submitting');
    try {
      const result = await this.options.send(pending.payload, pending.key);
      await outbox.remove(pending.key);
      this.pending = undefined;
      this.waits = 0;
      this.result = result;
      this.setState('succeeded');
      this.options.onSuccess(result, pending.payload);
    } catch (caught) {
      // A host's own send() may throw anything: treat it as a call that got no answer.
      const error = caught instanceof SilaError ? caught : noAnswer();
      this.error = error;
      // "Still in progress" (409 from a concurrent duplicate) resolves itself: keep it.
      const keep = error.isTransient || error.problem?.code === 'idempotency_in_progress';
      if (!keep) {
        await outbox.remove(pending.key);
        this.pending = undefined;
      }
      this.setState(keep ? 'queued' : 'failed');
      if (keep) this.scheduleRetry(error);
      this.options.onFailure(error, keep);
    }
  }
}
