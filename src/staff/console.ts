/**
 * <sila-staff-console>: the shell of the association's staff console (served at /staff/).
 *
 * It signs people in, shows who is signed in and in which role, switches the language,
 * signs out, and opens views. Views are entries of the table in views.ts (how to add one
 * is written at its top): the navigation lists the entries the role may open, and the
 * address (#/<view id>/<params>) picks the view. A view's code loads the first time it
 * is opened. Search terms and personal data never go into the address.
 *
 * When the session lapses in the middle of work, a dialog asks the same person to sign
 * in again over the view, which stays as it was (what was typed included); the call that
 * met the lapse then goes through (see api.ts).
 */
import { html, css, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { getLocale, localeReady, localized, setLocale, directionOf, type Locale } from '../core/i18n.js';
import { SessionChangeEvent, SessionExpiredEvent, StaffApi, StaffApiError } from './api.js';
import type { FormConfig } from '../contract/form-config.js';
import { associationConfig } from './form-config.js';
import { roleLabel } from './labels.js';
import type { StaffSession } from './session-schema.js';
import { StaffElement, type StaffView } from './staff-element.js';
import { homeFor, viewsFor, type ViewEntry } from './views.js';
import './sign-in.js';

const LOCALE_KEY = 'sila-staff-locale';
/** The view where people change their password and set up two-step verification. */
const OWN_ACCOUNT_VIEW = 'account';

interface Route {
  entry: ViewEntry;
  params: string[];
}

function savedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(LOCALE_KEY);
    return value === 'ar' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}

export class SilaStaffConsole extends StaffElement {
  static override styles = [
    ...(StaffElement.styles as []),
    css`
      :host {
        min-block-size: 100vh;
        background: var(--_surface-alt);
      }
      /* Out of sight until focused: the first Tab stop jumps over the header. */
      .skip {
        position: absolute;
        inset-inline-start: 0.5rem;
        inset-block-start: -5rem;
        background: var(--_surface);
        z-index: 2;
      }
      .skip:focus {
        inset-block-start: 0.5rem;
      }
      header.bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        padding: 0.75rem calc(var(--_space) * 1.5);
        background: var(--_surface);
        border-block-end: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
      }
      .brand {
        display: grid;
        line-height: 1.3;
        margin-inline-end: auto;
      }
      .brand strong {
        font-size: 1.125em;
      }
      .brand span,
      .who span {
        color: var(--_muted);
        font-size: 0.9375em;
      }
      .who {
        display: grid;
        line-height: 1.3;
      }
      .tools {
        display: flex;
        gap: 0.5rem;
      }
      nav {
        padding-inline: calc(var(--_space) * 1.5);
        background: var(--_surface);
        border-block-end: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-block-size: 2.75rem;
        padding-inline: 0.875rem;
        color: var(--_text);
        text-decoration: none;
        font-weight: 600;
        border-block-end: 3px solid transparent;
      }
      nav a[aria-current='page'] {
        color: var(--_accent);
        border-block-end-color: currentColor;
      }
      main {
        display: block;
        padding: calc(var(--_space) * 1.5);
        max-inline-size: 90rem;
        margin-inline: auto;
      }
      .signed-out {
        max-inline-size: 30rem;
        margin: 3rem auto;
        padding-inline: var(--_space);
      }
      .signed-out .brand {
        margin-block-end: var(--_space);
      }
      dialog {
        inline-size: min(30rem, calc(100vw - 2rem));
        padding: 0;
        border: 0;
        border-radius: var(--_radius);
        background: transparent;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.55);
      }
      @media print {
        header.bar,
        nav,
        .skip {
          display: none;
        }
        :host {
          background: none;
        }
      }
      @media (max-width: 48rem) {
        header.bar,
        nav,
        main {
          padding-inline: var(--_space);
        }
      }
    `,
  ];

  /** The API client; the default talks to this server (same origin). */
  @property({ attribute: false }) api = new StaffApi();

  @state() private session: StaffSession | null = null;
  @state() private checked = false;
  @state() private config?: FormConfig;
  @state() private view?: HTMLElement;
  @state() private route?: Route;
  @state() private reauth = false;
  @state() private loadFailure = '';
  @query('dialog') private dialog?: HTMLDialogElement;

  private resumeReauth?: (signedIn: boolean) => void;
  private pendingReauth?: Promise<boolean>;
  /** Who was signed in when the session lapsed (only they may carry on with this page). */
  private reauthAccountId?: string;
  /** The latest openRoute call: an older one whose view loaded later must not replace it. */
  private routeRequest = 0;
  private readonly onHash = () => void this.openRoute();
  private readonly onExpired = (event: Event) => (event as SessionExpiredEvent).waitUntil(this.askToSignInAgain());
  /** A view that refreshed the session (password changed, TOTP set up): later views see it,
   * and a view asked for while the set-up still came first opens now. */
  private readonly onSession = (event: Event) => {
    const session = (event as SessionChangeEvent).session;
    if (!session || !this.session) return;
    this.session = session;
    void this.openRoute();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    const locale = savedLocale();
    if (locale) void this.switchLocale(locale);
    else this.syncDocument();
    window.addEventListener('hashchange', this.onHash);
    this.api.addEventListener(SessionExpiredEvent.type, this.onExpired);
    this.api.addEventListener(SessionChangeEvent.type, this.onSession);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    this.api.removeEventListener(SessionExpiredEvent.type, this.onExpired);
    this.api.removeEventListener(SessionChangeEvent.type, this.onSession);
  }

  private async start(): Promise<void> {
    void associationConfig(this.api).then((config) => {
      this.config = config;
    });
    try {
      this.session = await this.api.session();
    } catch (error) {
      this.loadFailure = error instanceof StaffApiError ? error.message : String(error);
    }
    this.checked = true;
    if (this.session) await this.openRoute();
  }

  private get associationName(): string {
    return this.config ? localized(this.config.association.name) : '';
  }

  /** One dialog for every call that met the lapse at the same time. */
  private askToSignInAgain(): Promise<boolean> {
    if (!this.pendingReauth) {
      this.reauthAccountId = this.session?.account.id;
      this.pendingReauth = new Promise<boolean>((resolve) => (this.resumeReauth = resolve));
      this.reauth = true;
    }
    return this.pendingReauth;
  }

  private async signedIn(event: CustomEvent<StaffSession>): Promise<void> {
    const before = this.reauthAccountId;
    this.session = event.detail;
    if (this.reauth) {
      // Someone else at the same desk: nothing of the first person's work stays on screen.
      if (before && before !== event.detail.account.id) {
        location.hash = '';
        location.reload();
        return;
      }
      this.reauth = false;
      this.dialog?.close();
      this.resumeReauth?.(true);
      this.pendingReauth = undefined;
      return;
    }
    await this.openRoute();
  }

  private async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } catch {
      // Signed out locally whatever the server said; the cookie expires on its own.
    }
    this.session = null;
    this.view = undefined;
    this.route = undefined;
    history.replaceState(null, '', location.pathname);
  }

  private parseHash(): Route | undefined {
    if (!this.session) return undefined;
    const [id, ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    const allowed = viewsFor(this.session.account.role);
    // A temporary password or a required second factor comes first: the server refuses
    // everything else until then.
    const setUpFirst = this.session.account.mustChangePassword || this.session.totpEnrollmentRequired;
    const own = setUpFirst ? allowed.find((view) => view.id === OWN_ACCOUNT_VIEW) : undefined;
    const entry = own ?? allowed.find((view) => view.id === id) ?? homeFor(this.session.account.role);
    if (!entry) return undefined;
    return { entry, params: entry.id === id ? params.filter(Boolean) : [] };
  }

  private async openRoute(): Promise<void> {
    // Every call counts, so a view still loading never replaces what was asked for after it.
    const request = ++this.routeRequest;
    const route = this.parseHash();
    const session = this.session;
    if (!route || !session) {
      this.route = route;
      this.view = undefined;
      return;
    }
    const same =
      this.route && this.route.entry.id === route.entry.id && this.route.params.join('/') === route.params.join('/');
    if (same && this.view) return;
    this.loadFailure = '';
    try {
      await route.entry.load();
    } catch {
      if (request === this.routeRequest)
        this.loadFailure = msg('This page could not be loaded. Check the connection and try again.');
      return;
    }
    // Another view was asked for while this one loaded (a link clicked just after signing in).
    if (request !== this.routeRequest) return;
    const element = document.createElement(route.entry.tag) as StaffView;
    element.context = {
      api: this.api,
      account: session.account,
      params: route.params,
      navigate: (id, ...params) => {
        location.hash = `#/${[id, ...params].map(encodeURIComponent).join('/')}`;
      },
    };
    this.route = route;
    this.view = element;
    await this.updateComplete;
    await element.focusHeading?.();
  }

  private async switchLocale(locale: Locale): Promise<void> {
    // The page's first language may still be loading: switching before it lands is lost.
    await localeReady();
    await setLocale(locale);
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    this.syncDocument();
  }

  private syncDocument(): void {
    const locale = getLocale();
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
    document.title = `${msg('Staff console')}${this.associationName ? ` · ${this.associationName}` : ''}`;
  }

  protected override updated(): void {
    this.syncDocument();
    if (this.reauth && this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  private renderLanguageSwitch() {
    const other: Locale = getLocale() === 'ar' ? 'en' : 'ar';
    return html`<button type="button" class="secondary" lang=${other} @click=${() => this.switchLocale(other)}>
      ${other === 'en' ? 'English' : 'العربية'}
    </button>`;
  }

  private renderBrand() {
    return html`<div class="brand">
      <strong>${this.associationName || msg('The association')}</strong>
      <span>${msg('Staff console')}</span>
    </div>`;
  }

  override render() {
    if (!this.checked) return html`<main aria-busy="true"><p class="muted">${msg('Loading…')}</p></main>`;
    if (!this.session) {
      return html`<main class="signed-out" id="main">
        <div class="row spread">${this.renderBrand()} ${this.renderLanguageSwitch()}</div>
        ${this.loadFailure ? html`<p class="notice warning" role="alert">${msg('The server is not answering right now. Nothing was lost; try again in a moment.')}</p>` : nothing}
        <sila-staff-sign-in .api=${this.api} @staff-signed-in=${this.signedIn}></sila-staff-sign-in>
      </main>`;
    }
    const account = this.session.account;
    const entries = viewsFor(account.role).filter((view) => view.nav);
    return html`<header class="bar">
        <button type="button" class="skip secondary" @click=${this.skipToMain}>${msg('Skip to content')}</button>
        ${this.renderBrand()}
        <div class="who">
          <strong>${account.name}</strong>
          <span>${roleLabel(account.role)}</span>
        </div>
        <div class="tools">
          ${this.renderLanguageSwitch()}
          <button type="button" class="secondary" @click=${this.signOut}>${msg('Sign out')}</button>
        </div>
      </header>
      ${
        entries.length
          ? html`<nav aria-label=${msg('Main')}>
            <ul>
              ${entries.map(
                (entry) =>
                  html`<li>
                    <a href="#/${entry.id}" aria-current=${this.route?.entry.id === entry.id ? 'page' : nothing}>${entry.label()}</a>
                  </li>`,
              )}
            </ul>
          </nav>`
          : nothing
      }
      <main id="main" tabindex="-1">
        ${this.loadFailure ? html`<p class="notice warning" role="alert">${this.loadFailure}</p>` : nothing}
        ${this.view ?? (this.route ? nothing : html`<p>${msg('There is nothing here for your role yet.')}</p>`)}
      </main>
      ${
        this.reauth
          ? html`<dialog aria-label=${msg('Your session has ended')} @cancel=${(event: Event) => event.preventDefault()}>
            <sila-staff-sign-in reauth .api=${this.api} .email=${account.email} @staff-signed-in=${this.signedIn}></sila-staff-sign-in>
          </dialog>`
          : nothing
      }`;
  }

  private skipToMain(): void {
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}

SilaStaffConsole.define('sila-staff-console');

declare global {
  interface HTMLElementTagNameMap {
    'sila-staff-console': SilaStaffConsole;
  }
}
