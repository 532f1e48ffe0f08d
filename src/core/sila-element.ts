/**
 * The thin base every Sila widget extends: the language and direction, the endpoint,
 * page-wide configuration, and a define() that is safe when the script loads twice.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { getConfig, onConfigChange, type SilaConfig } from '../config.js';
import { createSilaClient, type SilaClient } from '../client/api.js';
import { directionOf, ensureLocale, getLocale, localeReady, setLocale, toLocale } from './i18n.js';

/**
 * The task after the current one, shared by every widget waiting for its first render:
 * widgets connected together render together, and the page is restyled and laid out once
 * for them (fifty ratings: one layout, not one per widget). Cutting the batch at 30 ms was
 * measured (bench/rating-results.md): each cut let a frame in, 8–10 layouts instead of 2 at
 * 4× CPU, more long tasks, not fewer.
 */
let firstRenderTask: Promise<void> | undefined;

function nextFirstRenderTask(): Promise<void> {
  firstRenderTask ??= new Promise((resolve) =>
    setTimeout(() => {
      firstRenderTask = undefined;
      resolve();
    }, 0),
  );
  return firstRenderTask;
}

/**
 * The design tokens every widget reads (src/styles/tokens.styles.ts). The manifest
 * analyzer copies them to each element; a widget documents only what it adds or means
 * differently (e.g. the rating's --sila-color-star).
 *
 * @cssprop --sila-color-accent - Buttons, links, selected choices (default #0f766e).
 * @cssprop --sila-color-on-accent - Text on the accent colour.
 * @cssprop --sila-color-text - Body text.
 * @cssprop --sila-color-muted - Hints and secondary text.
 * @cssprop --sila-color-surface - Background of the widget.
 * @cssprop --sila-color-surface-alt - Background of notices.
 * @cssprop --sila-color-border - Input borders (keep 3:1 contrast).
 * @cssprop --sila-color-error - Errors.
 * @cssprop --sila-color-success - Confirmations.
 * @cssprop --sila-color-focus - The focus ring.
 * @cssprop --sila-font-family - Defaults to the page's font.
 * @cssprop --sila-font-size - Base size (1rem).
 * @cssprop --sila-radius - Corner radius.
 * @cssprop --sila-space - Base spacing.
 * @cssprop --sila-max-width - Widest the widget grows (42rem).
 */
export abstract class SilaElement extends LitElement {
  /**
   * Registers the element unless a tag of that name exists (script loaded twice), and
   * only where there is a registry: importing under Node (SSR builds) registers nothing.
   */
  static define(tag: string): void {
    const registry = globalThis.customElements;
    if (registry && !registry.get(tag)) registry.define(tag, this as unknown as CustomElementConstructor);
  }

  /** Base URL of the backend; overrides configure({ endpoint }). */
  @property() endpoint?: string;

  /**
   * `lang="en"` or `lang="ar"`: the language of every Sila widget on the page
   * (@lit/localize has one active locale per page).
   */
  @property({ attribute: 'lang' }) language?: string;

  /** A client to use instead of the default one (tests, a host's own transport). */
  @property({ attribute: false }) client?: SilaClient;

  /** light (default), dark, or auto (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  private stopListening?: () => void;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected get config(): Readonly<SilaConfig> {
    return getConfig();
  }

  protected get resolvedEndpoint(): string {
    return (this.endpoint ?? this.config.endpoint ?? '').trim();
  }

  /** The client for this element's endpoint and the page's options. */
  protected get api(): SilaClient {
    if (this.client) return this.client;
    const config = this.config;
    return createSilaClient({
      endpoint: this.resolvedEndpoint,
      headers: config.headers,
      timeoutMs: config.timeoutMs,
      retry: config.retries === undefined ? undefined : { retries: config.retries },
      fetch: config.fetch,
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureLocale();
    this.stopListening = onConfigChange(() => {
      const locale = toLocale(this.config.locale);
      if (locale && !this.language) void setLocale(locale);
      this.requestUpdate();
    });
    const configured = toLocale(this.config.locale);
    if (configured && !this.language) void setLocale(configured);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
  }

  /**
   * Waits for the language's strings before rendering, so nothing flashes in English.
   * The first render waits for the task after the script's start-up (nextFirstRenderTask),
   * so start-up and first renders are separate tasks.
   */
  protected override async scheduleUpdate(): Promise<void> {
    await localeReady();
    if (!this.hasUpdated) await nextFirstRenderTask();
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const locale = toLocale(this.language);
    if (changed.has('language') && locale) void setLocale(locale);
    // The host carries the direction so logical CSS inside follows it.
    this.setAttribute('dir', directionOf(getLocale()));
  }
}
