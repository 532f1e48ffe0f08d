/**
 * One person's go at one form, shared by every widget that sends something (complaint,
 * request, rating): the association's form-config, the draft on this device, the
 * Idempotency-Key kept with it (a retry after a lost answer can never duplicate), the
 * time the person started (the server's time trap reads it), when the draft was last
 * saved, and a submission an earlier visit left waiting in the outbox.
 *
 * The session binds itself before each render to the widget's endpoint and draft name;
 * when either changes (configure() called late, another audience, another reference)
 * it binds again: another draft, another form-config, another waiting submission.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_FORM_CONFIG, type FormConfig } from '../contract/form-config.js';
import type { SilaConfig } from '../config.js';
import type { SilaClient } from '../client/api.js';
import { DraftStore, type Draft } from '../client/drafts.js';
import type { SilaError } from '../client/errors.js';
import { newIdempotencyKey } from '../client/idempotency.js';
import { fetchFormConfig } from './form-config-loader.js';
import type { FormValues } from './form-controller.js';

/** What the session needs of the submission controller: picking up a waiting one. */
interface Resumable {
  readonly state: string;
  readonly error?: SilaError;
  resume(): Promise<boolean>;
}

export interface SessionOptions {
  /** The draft's name on this device, e.g. "complaint", "request-member", "rating:<ref>". */
  draftName: () => string;
  endpoint: () => string;
  config: () => Readonly<SilaConfig>;
  api: () => SilaClient;
  /** Fields never written to the device (the national ID unless the page opts in). */
  excluded?: () => readonly string[];
  /** What the draft keeps: the form's values. */
  values: () => FormValues;
  /** The step a multi-step form is on, kept with the draft. */
  step?: () => string;
  /**
   * Called on every binding, before the first render after it: put the draft back (when
   * there is one). `rebinding` is true when an earlier binding is replaced.
   */
  onBind: (draft: Draft | undefined, rebinding: boolean) => void;
  /**
   * Another binding is another piece of work (the rating of another reference): start
   * with a new key and start time. Without it (the forms), a late endpoint keeps them.
   */
  freshOnRebind?: boolean;
  /** Sends what an earlier visit left waiting. */
  submission: Resumable;
  /** An earlier visit's submission is still waiting after this visit tried it again. */
  onStillWaiting: (error: SilaError | undefined) => void;
  /**
   * The part of the form-config the widget shows: when the fetched config leaves it as it
   * was, the widget is not rendered again (fifty ratings with their scale set would each
   * re-render for nothing). Without it, every fetched config renders again.
   */
  shownConfig?: (config: FormConfig) => unknown;
}

export class SubmissionSession implements ReactiveController {
  formConfig: FormConfig = DEFAULT_FORM_CONFIG;
  /** Kept with the draft, so a retry after a lost answer can never make a duplicate. */
  idempotencyKey?: string;
  /** When the person started: the fill time the server's time trap checks. */
  startedAt = Date.now();
  /** When the draft was last saved on this device (shown as a reassurance). */
  savedAt?: number;
  private drafts?: DraftStore;
  private binding?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SessionOptions,
  ) {
    host.addController(this);
  }

  /** Before each render: bind again when the endpoint or the draft name changed. */
  hostUpdate(): void {
    const binding = `${this.options.endpoint()}\n${this.options.draftName()}`;
    if (binding !== this.binding) this.bind(binding);
  }

  /** Milliseconds since the person started (what the payload's `client.fillMs` says). */
  get fillMs(): number {
    return Math.max(0, Date.now() - this.startedAt);
  }

  /** The key for this payload: the draft's, or a new one kept from now on. */
  key(): string {
    return (this.idempotencyKey ??= newIdempotencyKey());
  }

  /** The payload will change (the server refused a field): the next send needs a new key. */
  newPayload(): void {
    this.idempotencyKey = undefined;
  }

  save(): void {
    if (!this.drafts) return;
    this.drafts.save({
      values: this.options.values(),
      step: this.options.step?.(),
      idempotencyKey: this.idempotencyKey,
      startedAt: this.startedAt,
    });
    this.savedAt = Date.now();
    this.host.requestUpdate();
  }

  /** Sent: the draft and its key are done with. */
  finish(): void {
    this.drafts?.clear();
    this.idempotencyKey = undefined;
    this.savedAt = undefined;
    this.host.requestUpdate();
  }

  /** "Clear my answers" or another one: a fresh start, as if the form had just opened. */
  restart(): void {
    this.finish();
    this.startedAt = Date.now();
  }

  private bind(binding: string): void {
    const rebinding = this.binding !== undefined;
    this.binding = binding;
    const endpoint = this.options.endpoint();
    const config = this.options.config();
    if (rebinding && this.options.freshOnRebind) {
      this.idempotencyKey = undefined;
      this.savedAt = undefined;
      this.startedAt = Date.now();
    }
    this.drafts = config.disableDrafts
      ? undefined
      : new DraftStore(this.options.draftName(), endpoint, this.options.excluded?.() ?? []);
    const draft = this.drafts?.load();
    if (draft) {
      this.idempotencyKey = draft.idempotencyKey;
      this.startedAt = draft.startedAt;
      this.savedAt = draft.savedAt;
    }
    this.options.onBind(draft, rebinding);
    // The page's first form-config request and first outbox read (opening IndexedDB) cost
    // its first widget ~4 ms: they start in a task of their own, just after the task of
    // the first renders (fifty ratings' first renders stay one short task). A send in
    // between is safe: resume() leaves alone a controller that has something pending.
    setTimeout(() => {
      void fetchFormConfig(endpoint, this.options.api(), config.formConfig).then((formConfig) => {
        const shown = this.options.shownConfig;
        const same = shown && JSON.stringify(shown(formConfig)) === JSON.stringify(shown(this.formConfig));
        this.formConfig = formConfig;
        if (!same) this.host.requestUpdate();
      });
      if (!endpoint) return;
      // A submission left waiting by an earlier visit goes out now.
      const submission = this.options.submission;
      void submission.resume().then((resumed) => {
        if (resumed && submission.state === 'queued') this.options.onStillWaiting(submission.error);
      });
    });
  }
}
