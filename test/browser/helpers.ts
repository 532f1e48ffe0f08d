/** Shared helpers for the browser tests: the real server's URL and user-like input. */
import { configure, resetConfig } from '../../src/config.js';
import { clearFormConfigCache } from '../../src/core/form-config-loader.js';
import { setLocale } from '../../src/core/i18n.js';
import { clearOutbox } from '../../src/client/outbox.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

declare global {
  interface Window {
    SILA_TEST_ENDPOINT: string;
  }
}

/** The reference server started by scripts/test.mjs (real HTTP, real database). */
export function serverEndpoint(): string {
  if (!window.SILA_TEST_ENDPOINT) throw new Error('SILA_TEST_ENDPOINT is not set: run the suite with npm test');
  return window.SILA_TEST_ENDPOINT;
}

/** A port nothing listens on: every call fails like a dead connection. */
export const DEAD_ENDPOINT = 'http://127.0.0.1:9';

/**
 * Pretends the person started filling the form a minute ago: the server's time trap
 * silently drops forms filled faster than a person can.
 */
export function seedStartedDraft(widget: string, endpoint: string, values: Record<string, unknown> = {}): void {
  const now = Date.now();
  localStorage.setItem(
    `sila:draft:${widget}:${endpoint}`,
    JSON.stringify({ values, startedAt: now - 60_000, savedAt: now }),
  );
}

/**
 * The device says it has no connection (navigator.onLine false, as Chromium reports when
 * the network is down) until the returned function or resetPage() is called.
 */
export function pretendOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return backOnline;
}

function backOnline(): void {
  // The own property shadows Navigator.prototype's getter; removing it restores the real one.
  delete (navigator as { onLine?: boolean }).onLine;
}

export async function resetPage(): Promise<void> {
  backOnline();
  localStorage.clear();
  resetConfig();
  clearFormConfigCache();
  await setLocale('ar');
  await clearOutbox();
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** Types into a field the way an input event from a person arrives. */
export function typeInto(el: Element, name: string, value: string): void {
  const input = shadow(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
  if (!input && shadow(el).querySelector(`[name="${name}#day"]`)) return typeDate(el, name, value);
  if (!input) throw new Error(`no field ${name}`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.blur();
}

/**
 * A day / month / year date field: "1990-05-15" is typed in Gregorian, "h:1410-10-20" in
 * Hijri (the calendar radio chosen first, as a person would).
 */
export function typeDate(el: Element, name: string, value: string): void {
  const hijri = value.startsWith('h:');
  const [year, month, day] = value.replace(/^h:/, '').split('-');
  const radio = shadow(el).querySelector<HTMLInputElement>(
    `[name="${name}#calendar"][value=${hijri ? 'hijri' : 'gregory'}]`,
  );
  if (radio && !radio.checked) radio.click();
  // The click re-renders before the next part is typed (Lit updates in a microtask).
  typeDateParts(el, name, day ?? '', month ?? '', year ?? '');
}

/** Types a date field's day, month and year boxes, in that order, whatever they hold. */
export function typeDateParts(el: Element, name: string, day: string, month: string, year: string): void {
  for (const [part, typed] of [
    ['day', day],
    ['month', month],
    ['year', year],
  ] as const) {
    const input = shadow(el).querySelector<HTMLInputElement>(`[name="${name}#${part}"]`)!;
    input.focus();
    input.value = typed;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.blur();
  }
}

export function choose(el: Element, name: string, value: string): void {
  const root = shadow(el);
  const select = root.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  if (select) {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  const radio = root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
  if (!radio) throw new Error(`no choice ${name}=${value}`);
  radio.click();
}

export function tick(el: Element, name: string, checked = true): void {
  const box = shadow(el).querySelector<HTMLInputElement>(`input[type=checkbox][name="${name}"]`);
  if (!box) throw new Error(`no checkbox ${name}`);
  if (box.checked !== checked) box.click();
}

export function errorText(el: Element, name: string): string | undefined {
  const input = shadow(el).querySelector(`[name="${name}"]`);
  const field = input?.closest('.field, .group');
  return field?.querySelector('.error')?.textContent?.replace(/\s+/g, ' ').trim();
}

/** A field's expected message: all of it, or a part it contains. */
export type ExpectedMessage = string | { contains: string };

/**
 * Types each answer into its field as a person would (leaving the field), then checks
 * the message shown beside each one: `[field, typed, expected message]`.
 */
export async function typeAndExpectMessages(
  el: Element & { updateComplete: Promise<unknown> },
  rows: readonly (readonly [field: string, typed: string, message: ExpectedMessage])[],
): Promise<void> {
  for (const [field, typed] of rows) typeInto(el, field, typed);
  await el.updateComplete;
  for (const [field, , message] of rows) {
    if (typeof message === 'string') expect(errorText(el, field), field).to.equal(message);
    else expect(errorText(el, field), field).to.contain(message.contains);
  }
}

export function submitButton(el: Element): HTMLButtonElement {
  return shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!;
}

/** Waits until a condition holds (rendering after a network answer, an outbox entry gone), or fails. */
export async function until(condition: () => unknown, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A Saudi mobile number no other test uses (its last 4 digits are the lookup's verifier). */
export function randomMobile(): string {
  return `05${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** Looks a submission up through the real server, as the status widget will. */
export async function lookup(reference: string, verifier: string): Promise<Response> {
  return fetch(`${serverEndpoint()}/v1/status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reference, verifier }),
  });
}

/** A promise the test settles itself: what a held request or a slow answer waits for. */
export function gate(): { opened: Promise<void>; release: () => void } {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release };
}

/** Chooses a file in a document picker, as the browser's file dialog would. */
export function chooseFile(el: Element, name: string, file: File): void {
  const input = shadow(el).querySelector<HTMLInputElement>(`input[type=file][name="${name}"]`);
  if (!input) throw new Error(`no document picker ${name}`);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Holds every POST until `release()` (the real request goes out afterwards), counting
 * them: a form can be observed while it is sending, and a double tap counted.
 */
export function holdPosts(): { posts: () => number; release: () => void } {
  let posts = 0;
  const held = gate();
  configure({
    fetch: async (input, init) => {
      if (init?.method === 'POST') {
        posts++;
        await held.opened;
      }
      return fetch(input, init);
    },
  });
  return { posts: () => posts, release: held.release };
}

/** Markup a hostile or broken backend might send: it must only ever show as text. */
export const HOSTILE_MARKUP = '<img src=x onerror="window.silaPwned=1"><script>window.silaPwned=2</script>';

declare global {
  interface Window {
    silaPwned?: number;
  }
}

/**
 * Lets the real server answer, then edits the JSON of its answer (same status and
 * headers) before the widget reads it: how a hostile backend or proxy would reply.
 */
export function rewriteAnswers(
  rewrite: (json: any, call: { url: string; method: string; status: number }) => unknown,
): void {
  configure({
    fetch: async (input, init) => {
      const real = await fetch(input, init);
      const text = await real.text();
      if (!text) return new Response(null, { status: real.status, headers: real.headers });
      const call = { url: String(input), method: init?.method ?? 'GET', status: real.status };
      const body = JSON.stringify(rewrite(JSON.parse(text), call));
      return new Response(body, { status: real.status, statusText: real.statusText, headers: real.headers });
    },
  });
}

/** Puts markup (and a PROBLEM- marker) into a problem answer's title, detail and messages. */
export function poisonProblem(json: any): void {
  json.title = `${HOSTILE_MARKUP} PROBLEM-TITLE`;
  json.detail = `${HOSTILE_MARKUP} PROBLEM-DETAIL`;
  for (const error of json.errors ?? []) error.message = `${HOSTILE_MARKUP} PROBLEM-MESSAGE`;
}

/**
 * Nothing the backend sent became an element or ran. Checked once the element has
 * rendered: markup can only run (an <img onerror>) if it became an element, and that
 * element is there to find as soon as the render is done.
 */
export async function expectNothingInjected(el: Element): Promise<void> {
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  const root = shadow(el);
  if (root.querySelector('img[src="x"], script') || document.querySelector('img[src="x"]'))
    throw new Error('injected markup became elements');
  if (window.silaPwned !== undefined) throw new Error(`injected script ran (${window.silaPwned})`);
}

/** Who acts on the staff API: the integration token, or a signed-in officer or committee member. */
export type StaffActorName = 'token' | 'officer' | 'committee';

export interface StaffAnswer {
  status: number;
  body: any;
}

/**
 * Calls the staff API from the test runner's Node side (test/browser/staff-command.mjs):
 * staff routes never answer CORS, and no token or session belongs in a page.
 * `withVersion` adds the case's current version to the body, as the console does.
 */
export function staffApi(
  path: string,
  options: { as?: StaffActorName; method?: 'GET' | 'POST'; body?: unknown; withVersion?: boolean } = {},
): Promise<StaffAnswer> {
  return executeServerCommand('sila-staff', { path, ...options }) as Promise<StaffAnswer>;
}

/** A submission as the staff see it (the integration token by default), checked to exist. */
export async function staffRecord(reference: string, as: StaffActorName = 'token'): Promise<any> {
  const answer = await staffApi(`/v1/staff/submissions/${reference}`, { as });
  expect(answer.status, `staff view of ${reference}`).to.equal(200);
  return answer.body;
}

/** The control that has focus inside the widget. */
export function focused(el: Element): HTMLInputElement | null {
  return shadow(el).activeElement as HTMLInputElement | null;
}

/** Presses Tab until the named control has focus, as a person tabbing along (at most `most` times). */
export async function tabTo(el: Element, name: string, most = 8): Promise<void> {
  for (let i = 0; i < most && focused(el)?.getAttribute('name') !== name; i++) await sendKeys({ press: 'Tab' });
  expect(focused(el)?.getAttribute('name')).to.equal(name);
}

/** Tabs to each named field in turn and types into it: `[field, typed]`. */
export async function tabAndType(
  el: Element,
  rows: readonly (readonly [field: string, typed: string])[],
): Promise<void> {
  for (const [field, typed] of rows) {
    await tabTo(el, field);
    await sendKeys({ type: typed });
  }
}
