import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { render } from 'lit';
import '../../src/widgets/status-lookup/status-lookup.js';
import type { SilaStatusLookup } from '../../src/widgets/status-lookup/status-lookup.js';
import type { SilaRateInviteEvent } from '../../src/widgets/status-lookup/rate-invite-event.js';
import { renderResult } from '../../src/widgets/status-lookup/status-result.js';
import { isOverdue } from '../../src/widgets/status-lookup/status-texts.js';
import { configure } from '../../src/config.js';
import { setLocale } from '../../src/core/i18n.js';
import type { SilaErrorEvent } from '../../src/core/events.js';
import { STATUSES, type Status } from '../../src/contract/status.js';
import { formatReference, generateReference } from '../../src/contract/identifiers.js';
import type { LookupResult } from '../../src/contract/lookup.js';
import {
  DEAD_ENDPOINT,
  chooseFile,
  gate,
  errorText,
  lookup,
  pretendOffline,
  serverEndpoint,
  shadow,
  staffApi,
  staffRecord,
  submitButton,
  typeInto,
  until,
} from './helpers.js';
import './fresh-page.js';
import { STATUSES as STATUSES_NAMED } from '../../server/reports/labels.js';
import { type Created, createComplaint, createRequest } from './server-records.js';

type Submitted = Created;

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${serverEndpoint()}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Moves a submission along as an officer would, through the staff API (version included). */
async function setStatus(reference: string, status: Status, note?: string, notePublic = true): Promise<void> {
  const answer = await staffApi(`/v1/staff/submissions/${reference}/status`, {
    as: 'officer',
    method: 'POST',
    body: { status, note, notePublic },
    withVersion: true,
  });
  expect(answer.status, `staff status ${status}: ${JSON.stringify(answer.body)}`).to.equal(200);
}

/** An officer's internal note: never shown to the applicant. */
async function addInternalNote(reference: string, text: string): Promise<void> {
  const answer = await staffApi(`/v1/staff/submissions/${reference}/notes`, {
    as: 'officer',
    method: 'POST',
    body: { text },
    withVersion: true,
  });
  expect(answer.status, `note: ${JSON.stringify(answer.body)}`).to.equal(200);
}

/** An officer refers a request to the committee. */
async function refer(reference: string): Promise<void> {
  const referred = await staffApi(`/v1/staff/submissions/${reference}/refer`, {
    as: 'officer',
    method: 'POST',
    body: {},
    withVersion: true,
  });
  expect(referred.status, `refer: ${JSON.stringify(referred.body)}`).to.equal(200);
}

/** The committee decides a referred request. */
async function decide(reference: string, decision: 'accepted' | 'rejected', publicNote?: string): Promise<void> {
  const decided = await staffApi(`/v1/staff/submissions/${reference}/decision`, {
    as: 'committee',
    method: 'POST',
    body: { decision, reason: 'استوفى الشروط', publicNote },
    withVersion: true,
  });
  expect(decided.status, `decision: ${JSON.stringify(decided.body)}`).to.equal(200);
}

async function renderLookup(endpoint = serverEndpoint()): Promise<SilaStatusLookup> {
  const el = await fixture<SilaStatusLookup>(html`<sila-status-lookup endpoint=${endpoint}></sila-status-lookup>`);
  await el.updateComplete;
  return el;
}

function part(el: Element, name: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

function textOf(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Types both answers and presses "Check status"; resolves once an answer is shown. */
async function lookUp(el: SilaStatusLookup, reference: string, verifier: string): Promise<void> {
  typeInto(el, 'reference', reference);
  typeInto(el, 'verifier', verifier);
  submitButton(el).click();
  await el.updateComplete;
  await until(() => !part(el, 'pending') && (part(el, 'result') || part(el, 'failure')), 10_000, 'lookup answer');
  await el.updateComplete;
}

/**
 * A status has one name everywhere: the lookup shows the names the server's reports and
 * messages use (server/reports/labels.ts), so the person and the officer read the same word.
 */
const LABELS = STATUSES_NAMED as Record<Status, { ar: string; en: string }>;

const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

/**
 * Chooses a document for the reply. The picker appears once the form-config (which says
 * whether documents are taken) has arrived: a lookup can answer first.
 */
async function chooseReplyFile(el: Element, kind: string, file: File): Promise<void> {
  const name = `attachments.${kind}`;
  await until(() => shadow(el).querySelector(`input[type=file][name="${name}"]`), 5_000, 'the document picker');
  chooseFile(el, name, file);
}

function replyButton(el: Element): HTMLButtonElement {
  return shadow(el).querySelector<HTMLButtonElement>('[part~="reply-submit"]')!;
}

/** A request the team asked about, looked up in the widget: the answer form is showing. */
async function askedAndLookedUp(question: string): Promise<{ el: SilaStatusLookup } & Submitted> {
  const submitted = await createRequest();
  await setStatus(submitted.reference, 'needs_info', question);
  const el = await renderLookup();
  await lookUp(el, submitted.reference, submitted.verifier);
  await until(() => part(el, 'reply-form'), 5_000, 'reply form');
  return { el, ...submitted };
}

describe('<sila-status-lookup>', () => {
  it('is accessible when empty, in Arabic and right-to-left, with a native form', async () => {
    const el = await renderLookup();
    await expect(el).to.be.accessible();
    expect(el.getAttribute('dir')).to.equal('rtl');
    const form = shadow(el).querySelector('form')!;
    expect(form.noValidate).to.equal(true);
    expect(textOf(shadow(el).querySelector('h2'))).to.equal('متابعة طلبك أو رسالتك');
    expect(textOf(shadow(el).querySelector('label[for="f-reference"]'))).to.equal('الرقم المرجعي');
    expect(textOf(shadow(el).querySelector('label[for="f-verifier"]'))).to.equal(
      'آخر 4 أرقام من جوالك، أو رمز المتابعة',
    );
    expect(part(el, 'result')).to.equal(null);
  });

  it('speaks English left-to-right with lang="en"', async () => {
    const el = await fixture<SilaStatusLookup>(
      html`<sila-status-lookup lang="en" endpoint=${serverEndpoint()}></sila-status-lookup>`,
    );
    await until(() => el.getAttribute('dir') === 'ltr', 2_000, 'ltr');
    await el.updateComplete;
    expect(textOf(shadow(el).querySelector('h2'))).to.equal('Follow up on your request or message');
    expect(textOf(submitButton(el))).to.equal('Check status');
    await expect(el).to.be.accessible();
  });

  it('on an empty or malformed lookup, lists the errors in a focused summary and asks nothing of the server', async () => {
    const requests: string[] = [];
    configure({ fetch: (input, init) => (requests.push(String(input)), fetch(input, init)) });
    const el = await renderLookup();
    submitButton(el).click();
    await el.updateComplete;
    const summary = shadow(el).getElementById('error-summary')!;
    expect(shadow(el).activeElement).to.equal(summary);
    expect([...summary.querySelectorAll('a')].map(textOf)).to.deep.equal([
      'أدخل الرقم المرجعي.',
      'أدخل آخر 4 أرقام من جوالك، أو رمز المتابعة.',
    ]);
    await expect(el).to.be.accessible();
    typeInto(el, 'reference', 'X-1234');
    await el.updateComplete;
    expect(errorText(el, 'reference')).to.contain('أدخل الرقم المرجعي كما ظهر في رسالة التأكيد');
    expect(shadow(el).querySelector('[name=reference]')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    // Only the association's settings were read (contact, attachment limits): no lookup.
    expect(requests.filter((url) => !url.endsWith('/v1/form-config'))).to.deep.equal([]);
  });

  it('normalizes the reference: small letters, spaces, dashes, O for 0 and Arabic-Indic digits', async () => {
    const { reference, verifier } = await createComplaint();
    const toArabicIndic = (value: string) => value.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const [kind, code] = [reference[0]!, reference.slice(1)];
    const messy =
      ` ${kind.toLowerCase()} ${toArabicIndic(code.slice(0, 4).toLowerCase().replace(/0/g, 'o'))}-${code.slice(4, 8).toLowerCase()} – ${toArabicIndic(code.slice(8))} `.replace(
        '–',
        '-',
      );
    const el = await renderLookup();
    typeInto(el, 'reference', messy);
    await el.updateComplete;
    // Leaving the field shows it as the confirmation printed it.
    expect(shadow(el).querySelector<HTMLInputElement>('[name=reference]')!.value).to.equal(formatReference(reference));
    await lookUp(el, messy, ` ${toArabicIndic(verifier)} `);
    expect(textOf(shadow(el).getElementById('result-title'))).to.contain(formatReference(reference));
    expect(textOf(part(el, 'badge'))).to.equal(LABELS.received.ar);
  });

  it('takes values a browser autofilled without an input event', async () => {
    const { reference, verifier } = await createComplaint();
    const el = await renderLookup();
    shadow(el).querySelector<HTMLInputElement>('[name=reference]')!.value = reference;
    shadow(el).querySelector<HTMLInputElement>('[name=verifier]')!.value = verifier;
    submitButton(el).click();
    await el.updateComplete;
    await until(() => part(el, 'result'), 10_000, 'result');
    expect(textOf(part(el, 'badge'))).to.equal(LABELS.received.ar);
  });

  it('prefills the reference from the attribute and from ?ref= in the page URL', async () => {
    const el = await fixture<SilaStatusLookup>(
      html`<sila-status-lookup reference="c4f7k2m9qx3tb"></sila-status-lookup>`,
    );
    await el.updateComplete;
    expect(shadow(el).querySelector<HTMLInputElement>('[name=reference]')!.value).to.equal('C-4F7K-2M9Q-X3TB');

    const original = location.href;
    const url = new URL(original);
    url.searchParams.set('ref', 'q-7m2k-9x4t-bb3h');
    history.replaceState(null, '', url);
    try {
      const fromUrl = await fixture<SilaStatusLookup>(html`<sila-status-lookup></sila-status-lookup>`);
      await fromUrl.updateComplete;
      expect(shadow(fromUrl).querySelector<HTMLInputElement>('[name=reference]')!.value).to.equal('Q-7M2K-9X4T-BB3H');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('end to end: a complaint moved along by staff shows its new status and public note', async () => {
    const { reference, verifier } = await createComplaint();
    await setStatus(reference, 'under_review', 'ملاحظة داخلية لا تظهر', false);
    await setStatus(reference, 'resolved', 'تم التواصل مع الفرع وحُلّت المشكلة. شكرًا لصبرك.');
    const el = await renderLookup();
    await lookUp(el, formatReference(reference), verifier);
    expect(textOf(part(el, 'badge'))).to.equal(LABELS.resolved.ar);
    expect(part(el, 'badge')!.dataset.status).to.equal('resolved');
    const notes = [...shadow(el).querySelectorAll('.timeline .note')].map(textOf);
    expect(notes).to.deep.equal(['ملاحظة من الفريق: تم التواصل مع الفرع وحُلّت المشكلة. شكرًا لصبرك.']);
    expect(textOf(part(el, 'result'))).not.to.contain('ملاحظة داخلية');
    // Only the masked name, never the mobile number.
    expect(textOf(part(el, 'result'))).to.contain('م*** ع***');
    expect(textOf(part(el, 'result'))).not.to.contain('محمد');
    expect(shadow(el).activeElement?.id).to.equal('result-title');
    await expect(el).to.be.accessible();
  });

  it('renders every status with its explanation, in Arabic and in English', async function () {
    this.timeout(60_000);
    // Every status along the workflow a request really takes (docs/staff-side.md), and a
    // second request for the rejection.
    const request = await createRequest();
    const refused = await createRequest();
    const steps: Array<[Status, Submitted, () => Promise<void>]> = [
      ['received', request, async () => {}],
      ['under_review', request, () => setStatus(request.reference, 'under_review', 'ملاحظة: under_review')],
      ['needs_info', request, () => setStatus(request.reference, 'needs_info', 'ملاحظة: needs_info')],
      [
        'referred',
        request,
        async () => {
          await setStatus(request.reference, 'under_review');
          await refer(request.reference);
        },
      ],
      ['accepted', request, () => decide(request.reference, 'accepted', 'ملاحظة: accepted')],
      ['resolved', request, () => setStatus(request.reference, 'resolved', 'ملاحظة: resolved')],
      ['closed', request, () => setStatus(request.reference, 'closed', 'ملاحظة: closed')],
      ['rejected', refused, () => setStatus(refused.reference, 'rejected', 'ملاحظة: rejected')],
    ];
    expect(new Set(steps.map(([status]) => status))).to.deep.equal(new Set(STATUSES));
    const el = await renderLookup();
    const seenMeanings = new Set<string>();
    for (const [status, { reference, verifier }, move] of steps) {
      await move();
      await setLocale('ar');
      await lookUp(el, reference, verifier);
      expect(textOf(part(el, 'badge')), status).to.equal(LABELS[status].ar);
      const arabicMeaning = textOf(shadow(el).querySelector('.meaning'));
      expect(arabicMeaning).to.match(/[\u0600-\u06ff]/);
      expect(textOf(shadow(el).querySelector('.next'))).to.match(/^ماذا بعد؟/);
      seenMeanings.add(arabicMeaning);
      await expect(el).to.be.accessible();

      await setLocale('en');
      await el.updateComplete;
      expect(textOf(part(el, 'badge')), status).to.equal(LABELS[status].en);
      expect(textOf(shadow(el).querySelector('.meaning'))).not.to.match(/[\u0600-\u06ff]/);
      expect(textOf(shadow(el).querySelector('.next'))).to.match(/^What happens next:/);
      expect(el.getAttribute('dir')).to.equal('ltr');
      await expect(el).to.be.accessible();
    }
    expect(seenMeanings.size).to.equal(STATUSES.length);
  });

  it('lists the history oldest first, with public notes as text (never HTML)', async () => {
    const { reference, verifier } = await createComplaint();
    await setStatus(reference, 'under_review');
    await setStatus(reference, 'needs_info', '<img src=x onerror="window.hacked=1"><b>أرسل</b> صورة الهوية');
    await setStatus(reference, 'under_review', 'وصلت الصورة، شكرًا.');
    const el = await renderLookup();
    await lookUp(el, reference, verifier);
    const items = [...shadow(el).querySelectorAll('ol.timeline > li')];
    expect(items.map((li) => (li as HTMLElement).dataset.status)).to.deep.equal([
      'received',
      'under_review',
      'needs_info',
      'under_review',
    ]);
    const times = items.map((li) => Date.parse(li.querySelector('time')!.getAttribute('datetime')!));
    expect([...times].sort((a, b) => a - b)).to.deep.equal(times);
    const htmlNote = items[2]!.querySelector('.note')!;
    expect(htmlNote.querySelector('img, b')).to.equal(null);
    expect(htmlNote.textContent).to.contain('<img src=x onerror="window.hacked=1"><b>أرسل</b>');
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
    // Dates in both calendars.
    expect(textOf(items[0]!.querySelector('.hijri'))).to.match(/هـ/);
  });

  it('for "information needed", says what to provide: the latest public note', async () => {
    const { reference, verifier } = await createComplaint();
    await setStatus(reference, 'under_review', 'بدأنا الدراسة.');
    await setStatus(reference, 'needs_info', 'يرجى إرسال صورة من الهوية الوطنية.');
    await addInternalNote(reference, 'تعليق داخلي');
    const el = await renderLookup();
    await lookUp(el, reference, verifier);
    const needs = part(el, 'needs-info')!;
    expect(textOf(needs.querySelector('h4'))).to.equal('ما نحتاجه منك');
    expect(textOf(needs.querySelector('.note'))).to.equal('يرجى إرسال صورة من الهوية الوطنية.');
    expect(part(el, 'badge')!.className).to.contain('action');
    await expect(el).to.be.accessible();
  });

  it('shows the expected decision date of a request in Gregorian and Hijri, not overdue', async () => {
    const { reference, verifier, expectedDecisionBy } = await createRequest();
    await setLocale('en');
    const el = await renderLookup();
    await lookUp(el, reference, verifier);
    expect(textOf(shadow(el).getElementById('result-title'))).to.contain('Service request');
    const fact = [...shadow(el).querySelectorAll('.fact')].find(
      (f) => textOf(f.querySelector('dt')) === 'Decision expected by',
    )!;
    expect(fact.querySelector('time')!.getAttribute('datetime')).to.equal(expectedDecisionBy);
    expect(textOf(fact.querySelector('.hijri'))).to.match(/AH/);
    expect(part(el, 'overdue')).to.equal(null);
    expect(textOf(part(el, 'result'))).to.contain('س*** أ***');
    await expect(el).to.be.accessible();
  });

  it('marks a decision that is late as overdue, and never a finished one', async () => {
    const past = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const result: LookupResult = {
      reference: 'R4F7K2M9QX3TB',
      kind: 'request',
      status: 'referred',
      receivedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      updatedAt: past,
      history: [
        { status: 'received', at: new Date(Date.now() - 20 * 86_400_000).toISOString() },
        { status: 'referred', at: past },
      ],
      expectedDecisionBy: past,
    };
    expect(isOverdue(result)).to.equal(true);
    expect(isOverdue({ ...result, status: 'accepted' })).to.equal(false);
    expect(isOverdue({ ...result, expectedDecisionBy: new Date(Date.now() + 86_400_000).toISOString() })).to.equal(
      false,
    );
    // The result panel on its own, as the widget renders it for this answer.
    const el = await renderLookup();
    const host = document.createElement('div');
    shadow(el).append(host);
    render(renderResult({ result, embedRating: false }), host);
    expect(textOf(host.querySelector('[part=overdue]'))).to.equal('متأخر');
    expect(host.querySelector('[part=overdue-notice]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('looks an anonymous suggestion up with its code, in any letter case', async () => {
    const { reference, verifier } = await createComplaint('suggestion', true);
    expect(verifier).to.match(/^[0-9A-Z]{6}$/);
    const el = await renderLookup();
    await lookUp(el, reference, verifier.toLowerCase());
    expect(textOf(shadow(el).getElementById('result-title'))).to.contain('اقتراح');
    expect(shadow(el).querySelectorAll('.fact').length).to.equal(2); // received and updated, no name
  });

  it('gives one "not found" message for an unknown reference and for a wrong code', async () => {
    const { reference, verifier } = await createComplaint();
    const el = await renderLookup();
    const errors: SilaErrorEvent[] = [];
    el.addEventListener('sila-error', (event) => errors.push(event));

    // A fresh unknown reference: the server counts failures per reference, and other tests share it.
    await lookUp(el, formatReference(generateReference('complaint')), verifier);
    const unknown = part(el, 'failure')!;
    expect(textOf(unknown.querySelector('h3'))).to.equal('لم نعثر عليه');
    const unknownText = textOf(unknown);
    expect(shadow(el).activeElement).to.equal(unknown);
    await expect(el).to.be.accessible();

    const wrong = verifier === '0000' ? '1111' : '0000';
    await lookUp(el, reference, wrong);
    expect(textOf(part(el, 'failure'))).to.equal(unknownText);
    expect(part(el, 'result')).to.equal(null);
    expect(errors.map((e) => [e.detail.kind, e.detail.error.kind])).to.deep.equal([
      ['lookup', 'not_found'],
      ['lookup', 'not_found'],
    ]);

    // The right code still works (two failures are under the limit).
    await lookUp(el, reference, verifier);
    expect(textOf(part(el, 'badge'))).to.equal(LABELS.received.ar);
  });

  it('after 5 failed tries, calmly says to try again later, with the time', async () => {
    const { reference, verifier } = await createComplaint();
    const wrong = verifier === '9999' ? '8888' : '9999';
    for (let i = 0; i < 5; i++) expect((await lookup(reference, wrong)).status).to.equal(404);
    await setLocale('en');
    const el = await renderLookup();
    const failed = oneEvent(el, 'sila-error') as Promise<SilaErrorEvent>;
    // Even the right code is refused until the lock ends.
    await lookUp(el, reference, verifier);
    expect((await failed).detail.error.kind).to.equal('rate_limited');
    const failure = part(el, 'failure')!;
    expect(textOf(failure.querySelector('h3'))).to.equal('Please try again later');
    expect(failure.classList.contains('warning')).to.equal(false);
    const until = failure.querySelector('time')!;
    const tomorrowUtc = new Date();
    tomorrowUtc.setUTCHours(24, 0, 0, 0);
    expect(Math.abs(Date.parse(until.getAttribute('datetime')!) - tomorrowUtc.getTime())).to.be.below(60_000);
    expect(textOf(failure)).to.contain('You can try again after');
    expect(textOf(until)).to.match(/\d/);
    await expect(el).to.be.accessible();
  });

  it('shows that it is looking, and a new lookup cancels the old one (no stale answer)', async () => {
    const first = await createComplaint();
    const second = await createComplaint();
    await setStatus(second.reference, 'under_review');
    // The first lookup's answer is held until the second one is on screen.
    const slow = gate();
    const slowSignals: AbortSignal[] = [];
    let slowSettled: Promise<unknown> | undefined;
    configure({
      fetch: (input, init) => {
        const body = JSON.parse(String(init?.body ?? '{}')) as { reference?: string };
        if (body.reference !== first.reference) return fetch(input, init);
        slowSignals.push(init!.signal!);
        const answer = slow.opened.then(() => fetch(input, init));
        slowSettled = answer.catch(() => undefined);
        return answer;
      },
    });
    const el = await renderLookup();
    typeInto(el, 'reference', first.reference);
    typeInto(el, 'verifier', first.verifier);
    submitButton(el).click();
    await el.updateComplete;
    expect(textOf(part(el, 'pending'))).to.equal('جارٍ البحث…');
    expect(shadow(el).querySelector('.outcome')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();

    await lookUp(el, second.reference, second.verifier);
    expect(textOf(part(el, 'badge'))).to.equal(LABELS.under_review.ar);
    expect(slowSignals[0]!.aborted).to.equal(true);
    // Now the old lookup's call goes out and settles: nothing of it may reach the screen.
    slow.release();
    await slowSettled;
    await new Promise((resolve) => setTimeout(resolve)); // the widget's own handlers of that call run first
    await el.updateComplete;
    expect(textOf(part(el, 'badge'))).to.equal(LABELS.under_review.ar);
    expect(textOf(shadow(el).getElementById('result-title'))).to.contain(formatReference(second.reference));
  });

  // A dead endpoint while the device is online is the service's fault; offline is the
  // device's: blaming the person's connection for the first would send them the wrong way.
  for (const [title, offline, kind, heading] of [
    [
      'says so calmly when the service cannot be reached, and offers to try again',
      false,
      'unreachable',
      'الخدمة لا تستجيب',
    ],
    ['says there is no connection when the device is offline', true, 'offline', 'لا يوجد اتصال'],
  ] as const) {
    it(title, async () => {
      configure({ retries: 0 });
      if (offline) pretendOffline();
      const el = await renderLookup(DEAD_ENDPOINT);
      const failed = oneEvent(el, 'sila-error') as Promise<SilaErrorEvent>;
      await lookUp(el, 'C-4F7K-2M9Q-X3TB', '1234');
      expect((await failed).detail.error.kind).to.equal(kind);
      expect(textOf(part(el, 'failure')!.querySelector('h3'))).to.equal(heading);
      expect(part(el, 'failure')!.querySelector('button')).to.exist;
      await expect(el).to.be.accessible();
    });
  }

  describe('answering "information needed"', () => {
    it('a person answers with text and a document; the status goes back to under review and staff see both', async () => {
      const { el, reference } = await askedAndLookedUp('أرفق صورة عقد الإيجار من فضلك.');
      const form = part(el, 'reply-form')!;
      expect(textOf(form.querySelector('h4'))).to.equal('أرسل لنا ردك');
      typeInto(el, 'message', 'أرفقت صورة عقد الإيجار، ساري حتى نهاية العام.');
      await chooseReplyFile(el, 'reply_1', new File([PDF_BYTES], 'عقد الإيجار.pdf', { type: 'application/pdf' }));
      await el.updateComplete;
      expect(textOf(form)).to.contain('عقد الإيجار.pdf');
      await expect(el).to.be.accessible();
      replyButton(el).click();
      await until(() => part(el, 'reply-sent') || part(el, 'reply-failure'), 10_000, 'answer sent');
      expect(textOf(part(el, 'reply-failure'))).to.equal('');
      await until(() => part(el, 'badge')?.dataset.status === 'under_review', 10_000, 'new status');
      expect(textOf(part(el, 'reply-sent'))).to.contain('تم إرسال ردك');
      expect(part(el, 'needs-info')).to.equal(null);
      await expect(el).to.be.accessible();

      const detail = await staffRecord(reference, 'officer');
      expect(detail.status).to.equal('under_review');
      const reply = detail.timeline.find((entry: { type: string }) => entry.type === 'reply');
      expect(reply.note).to.equal('أرفقت صورة عقد الإيجار، ساري حتى نهاية العام.');
      expect(reply.attachments.map((file: { kind: string }) => file.kind)).to.deep.equal(['reply_1']);
      expect(detail.attachments.some((file: { id: string }) => file.id === reply.attachments[0].id)).to.equal(true);
    });

    it('an empty answer is refused by the field, with the summary; nothing is sent', async () => {
      const { el, reference } = await askedAndLookedUp('ما رقم الحساب البنكي؟');
      replyButton(el).click();
      await el.updateComplete;
      await until(() => shadow(el).getElementById('reply-error-summary'), 5_000, 'summary');
      expect(errorText(el, 'message')).to.contain('مطلوب');
      expect((await staffRecord(reference, 'officer')).status).to.equal('needs_info');
    });

    it('a double tap sends once, and the text survives a reload as a draft', async () => {
      const { el, reference, verifier } = await askedAndLookedUp('ما اسم الحي؟');
      typeInto(el, 'message', 'حي النسيم.');
      const again = await renderLookup();
      await lookUp(again, reference, verifier);
      await until(() => part(again, 'reply-form'), 5_000, 'reply form');
      const restored = shadow(again).querySelector<HTMLTextAreaElement>('textarea[name=message]')!;
      expect(restored.value).to.equal('حي النسيم.');

      // Replies are held until both taps happened, and counted.
      let replies = 0;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      configure({
        fetch: async (input, init) => {
          if (String(input).endsWith('/replies')) {
            replies++;
            await gate;
          }
          return fetch(input, init);
        },
      });
      replyButton(again).click();
      replyButton(again).click();
      await until(() => replies >= 1, 5_000, 'first post');
      release();
      await until(() => part(again, 'reply-sent'), 10_000, 'answer sent');
      configure({ fetch: undefined });
      expect(replies).to.equal(1);
      const detail = await staffRecord(reference, 'officer');
      expect(detail.timeline.filter((entry: { type: string }) => entry.type === 'reply')).to.have.length(1);
    });

    it('shows the association’s phone, address and opening hours where it says to contact it', async () => {
      const { el } = await askedAndLookedUp('يرجى مراجعة الجمعية.');
      await until(() => part(el, 'contact'), 5_000, 'contact');
      const contact = textOf(part(el, 'contact'));
      expect(contact).to.contain('920000000');
      expect(contact).to.contain('أوقات الدوام');
    });
  });

  it('hides the expected decision date once decided', async () => {
    const { reference, verifier } = await createRequest();
    await refer(reference);
    await decide(reference, 'accepted', 'تمت الموافقة.');
    const el = await renderLookup();
    await lookUp(el, reference, verifier);
    expect(part(el, 'badge')!.dataset.status).to.equal('accepted');
    const labels = [...shadow(el).querySelectorAll('.fact dt')].map((dt) => textOf(dt));
    expect(labels).to.not.include('موعد القرار المتوقع');
    expect(labels).to.include('تاريخ الاستلام');
  });

  it('names the verifier for what it is: the last 4 digits of the mobile, or the follow-up code', async () => {
    const el = await renderLookup();
    const label = textOf(shadow(el).querySelector('label[for="f-verifier"]'));
    expect(label).to.contain('آخر 4 أرقام من جوالك');
    expect(label).to.contain('رمز المتابعة');
  });

  describe('forgot my reference number', () => {
    it('sends the references to the mobile on record and says the same whatever was found', async () => {
      const { reference, mobile } = await createComplaint();
      const el = await renderLookup();
      const details = part(el, 'reminder') as HTMLDetailsElement;
      expect(textOf(details.querySelector('summary'))).to.equal('نسيت الرقم المرجعي؟');
      details.open = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      typeInto(el, 'contact', mobile);
      part(el, 'reminder-submit')!.click();
      await until(() => part(el, 'reminder-sent'), 10_000, 'reminder sent');
      const found = textOf(part(el, 'reminder-sent'));
      expect(found).to.contain('لا نرسل شيئًا إن لم نجد شيئًا');
      await expect(el).to.be.accessible();
      const messages = await staffApi(`/v1/staff/submissions/${reference}/messages`, { as: 'officer' });
      expect(JSON.stringify(messages.body)).to.contain('reminder');

      const other = await renderLookup();
      const otherDetails = part(other, 'reminder') as HTMLDetailsElement;
      otherDetails.open = true;
      await other.updateComplete;
      typeInto(other, 'contact', 'nobody-at-all@example.com');
      part(other, 'reminder-submit')!.click();
      await until(() => part(other, 'reminder-sent'), 10_000, 'reminder sent');
      expect(textOf(part(other, 'reminder-sent'))).to.equal(found);
    });

    it('a wrong mobile is refused by the field, with the summary', async () => {
      const el = await renderLookup();
      (part(el, 'reminder') as HTMLDetailsElement).open = true;
      await el.updateComplete;
      typeInto(el, 'contact', '12345');
      part(el, 'reminder-submit')!.click();
      await until(() => shadow(el).getElementById('reminder-error-summary'), 5_000, 'summary');
      expect(errorText(el, 'contact')).to.contain('05XXXXXXXX');
    });
  });

  describe('rating invitation', () => {
    it('invites a rating once it is over: event, slot, and no <sila-rating> unless defined', async () => {
      const { reference, verifier } = await createComplaint();
      await setStatus(reference, 'closed', 'أُغلقت الشكوى بعد التواصل معك.');
      const el = await fixture<SilaStatusLookup>(html`<sila-status-lookup endpoint=${serverEndpoint()}>
        <p slot="rating" id="host-rating">قيّمنا</p>
      </sila-status-lookup>`);
      const invited = oneEvent(el, 'sila-rate-invite') as Promise<SilaRateInviteEvent>;
      await lookUp(el, reference, verifier);
      const event = await invited;
      expect(event.detail).to.deep.equal({ reference, kind: 'complaint', status: 'closed' });
      expect(event.bubbles && event.composed).to.equal(true);
      const rating = part(el, 'rating')!;
      expect(textOf(rating.querySelector('h4'))).to.equal('ما رأيك في خدمتنا؟');
      const slot = rating.querySelector<HTMLSlotElement>('slot[name=rating]')!;
      expect(slot.assignedElements().map((node) => node.id)).to.deep.equal(['host-rating']);
      expect(customElements.get('sila-rating')).to.equal(undefined);
      expect(rating.querySelector('sila-rating')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('embeds <sila-rating reference=…> when it is defined, unless the host takes over', async () => {
      const { reference, verifier } = await createComplaint();
      await setStatus(reference, 'resolved');
      // Stand-in for the rating widget: only whether it is embedded matters here.
      if (!customElements.get('sila-rating')) customElements.define('sila-rating', class extends HTMLElement {});
      const el = await renderLookup();
      await lookUp(el, reference, verifier);
      const embedded = part(el, 'rating')!.querySelector('sila-rating')!;
      expect(embedded.getAttribute('reference')).to.equal(reference);
      expect(embedded.getAttribute('endpoint')).to.equal(serverEndpoint());

      const hosted = await renderLookup();
      hosted.addEventListener('sila-rate-invite', (event) => event.preventDefault());
      await lookUp(hosted, reference, verifier);
      expect(part(hosted, 'rating')!.querySelector('sila-rating')).to.equal(null);
    });

    it('does not invite at "accepted": the service is not delivered yet', async () => {
      const { reference, verifier } = await createRequest();
      await refer(reference);
      await decide(reference, 'accepted', 'تمت الموافقة.');
      const el = await renderLookup();
      let invitations = 0;
      el.addEventListener('sila-rate-invite', () => invitations++);
      await lookUp(el, reference, verifier);
      expect(part(el, 'rating')).to.equal(null);
      expect(invitations).to.equal(0);
    });

    it('does not invite again once rated, and never while it is still open', async () => {
      const { reference, verifier } = await createComplaint();
      const el = await renderLookup();
      let invitations = 0;
      el.addEventListener('sila-rate-invite', () => invitations++);
      await lookUp(el, reference, verifier);
      expect(part(el, 'rating')).to.equal(null);

      await setStatus(reference, 'resolved');
      const rated = await post(
        '/v1/ratings',
        { scale: 'csat', score: 5, reference, verifier },
        { 'Idempotency-Key': crypto.randomUUID() },
      );
      expect(rated.status).to.equal(201);
      await lookUp(el, reference, verifier);
      expect(textOf(part(el, 'rating'))).to.contain('شكرًا لك، لقد قيّمت هذه الخدمة من قبل.');
      expect(invitations).to.equal(0);
    });
  });
});
