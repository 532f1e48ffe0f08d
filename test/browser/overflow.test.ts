/**
 * Phones (#21.4): no widget in any state scrolls the page sideways or pushes anything
 * past its own box, in Arabic and English, at 320, 375 and 768 px. Each state is reached
 * as a person reaches it (real server, real clicks), then checked at the three widths:
 * the document does not scroll sideways, and every box in every shadow root (nested ones
 * too: the rating inside the lookup) lies within the widget and within the viewport, and
 * nothing that clips its overflow has content wider than itself.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/widgets/rating/rating.js';
import '../../src/widgets/complaint-form/complaint-form.js';
import '../../src/widgets/request-form/request-form.js';
import '../../src/widgets/status-lookup/status-lookup.js';
import { setLocale } from '../../src/core/i18n.js';
import { fillValidComplaint } from './harnesses/complaint-form.js';
import {
  choose,
  resetPage,
  seedStartedDraft,
  serverEndpoint,
  shadow,
  staffApi,
  submitButton,
  typeInto,
  until,
} from './helpers.js';
import { createComplaint } from './server-records.js';

const WIDTHS = [320, 375, 768] as const;
const LOCALES = ['ar', 'en'] as const;

/** What sticks out: the document's sideways scroll, boxes outside the widget or the viewport, clipped content. */
function overflows(host: Element): string[] {
  const problems: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth)
    problems.push(`the page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
  const outer = host.getBoundingClientRect();
  const left = Math.max(0, outer.left) - 1;
  const right = Math.min(doc.clientWidth, outer.right) + 1;
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
  const visit = (root: ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.closest('.visually-hidden, .honeypot, [hidden]')) continue;
      const box = el.getBoundingClientRect();
      // Nothing drawn, or visually hidden text (1 × 1 px, clipped) that only a screen reader reads.
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.left < left || box.right > right) {
        problems.push(
          `${name(el)} [${Math.round(box.left)}, ${Math.round(box.right)}] outside [${Math.round(left)}, ${Math.round(right)}]`,
        );
      }
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
        continue;
      const clips = /hidden|clip|auto|scroll/.test(getComputedStyle(el).overflowX);
      if (clips && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} clips ${el.scrollWidth - el.clientWidth}px`);
    }
  };
  visit(host.shadowRoot!);
  return problems;
}

/** Checks the widget as it is now at every width, and leaves the viewport at the widest. */
async function expectNoOverflow(host: Element, what: string): Promise<void> {
  for (const width of WIDTHS) {
    await setViewport({ width, height: 800 });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(overflows(host), `${what} at ${width}px`).to.deep.equal([]);
  }
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('no sideways overflow at 320, 375 and 768 px, in Arabic and English', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    await resetPage();
    await setViewport({ width: 800, height: 600 });
  });

  for (const locale of LOCALES) {
    it(`<sila-rating>: every scale and display, full and inline, chosen, in error and thanked (${locale})`, async function () {
      this.timeout(120_000);
      await setLocale(locale);
      const configs = [
        ['csat', 'stars'],
        ['csat', 'faces'],
        ['csat', 'numbers'],
        ['nps', 'stars'],
        ['ces', 'stars'],
      ] as const;
      for (const mode of ['full', 'inline'] as const) {
        for (const [scale, display] of configs) {
          const context = `/overflow/${locale}/${mode}/${scale}/${display}/${Date.now()}`;
          seedStartedDraft(`rating:${context}`, serverEndpoint());
          const el = await fixture(html`<sila-rating
            endpoint=${serverEndpoint()}
            context=${context}
            scale=${scale}
            display=${display}
            mode=${mode}
          ></sila-rating>`);
          const what = `${mode} ${scale} ${display}`;
          await expectNoOverflow(el, `${what}, empty`);
          const radios = [...shadow(el).querySelectorAll<HTMLInputElement>('input[name=score]')];
          if (mode === 'full') {
            submitButton(el).click(); // nothing chosen: the error
            await until(() => shadow(el).querySelector('#score-error'), 5_000, 'error');
            await expectNoOverflow(el, `${what}, error`);
            radios[radios.length - 1]!.click(); // the highest point: the longest meaning («راضٍ جدًا»)
            await nextFrame();
            await expectNoOverflow(el, `${what}, chosen`);
            const comment = shadow(el).querySelector<HTMLTextAreaElement>('textarea')!;
            comment.value = 'خدمة ممتازة وسريعة، شكرًا لكم على حسن التعامل والمتابعة المستمرة. '.repeat(8);
            comment.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            await nextFrame();
            await expectNoOverflow(el, `${what}, with a long comment`);
            submitButton(el).click();
          } else {
            radios[radios.length - 1]!.click(); // inline: sent at once
          }
          await until(() => shadow(el).querySelector('[data-outcome]'), 10_000, 'thanks');
          await expectNoOverflow(el, `${what}, thanks`);
          el.remove();
        }
      }
    });

    it(`<sila-complaint-form>: empty, errors and confirmation (${locale})`, async function () {
      this.timeout(60_000);
      await setLocale(locale);
      seedStartedDraft('complaint', serverEndpoint());
      const el = await fixture(html`<sila-complaint-form endpoint=${serverEndpoint()}></sila-complaint-form>`);
      await until(() => shadow(el).querySelector('[name="category"] option[value="delay"]'), 10_000, 'form-config');
      await expectNoOverflow(el, 'complaint, empty');
      submitButton(el).click();
      await until(() => shadow(el).querySelector('#error-summary'), 5_000, 'errors');
      await expectNoOverflow(el, 'complaint, errors');
      fillValidComplaint(el);
      submitButton(el).click();
      await until(() => shadow(el).querySelector('[part~=confirmation]'), 10_000, 'confirmation');
      await expectNoOverflow(el, 'complaint, confirmation');
    });

    it(`<sila-request-form>: every step, errors and confirmation (${locale})`, async function () {
      this.timeout(90_000);
      await setLocale(locale);
      seedStartedDraft('request', serverEndpoint());
      const el = await fixture<HTMLElement & { steps: string[] }>(
        html`<sila-request-form endpoint=${serverEndpoint()}></sila-request-form>`,
      );
      await until(() => el.steps.includes('attachments'), 10_000, 'form-config');
      const step = () => shadow(el).querySelector('#step-title')?.getAttribute('data-step');
      const next = async () => {
        submitButton(el).click();
        await nextFrame();
      };
      await expectNoOverflow(el, `request, step ${step()}`);
      await next(); // nothing filled: the errors of the first step
      await until(() => shadow(el).querySelector('#error-summary'), 5_000, 'errors');
      await expectNoOverflow(el, `request, errors on ${step()}`);
      const pdf = new File([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], 'hawiya.pdf', { type: 'application/pdf' });
      for (let i = 0; i < 10 && !shadow(el).querySelector('[part~=confirmation]'); i++) {
        const current = step();
        if (current === 'applicant') {
          typeInto(el, 'applicant.fullName', 'نورة سعد القحطاني');
          typeInto(el, 'applicant.nationalId', '1087654321');
          typeInto(el, 'applicant.mobile', '0551234567');
          typeInto(el, 'applicant.city', 'الرياض');
          typeInto(el, 'applicant.birthDate', '1990-05-15');
        } else if (current === 'household') {
          typeInto(el, 'household.householdSize', '5');
          choose(el, 'household.incomeBracket', 'under_3000');
          choose(el, 'household.employment', 'unemployed');
          choose(el, 'household.housing', 'rented');
        } else if (current === 'service') {
          choose(el, 'service', 'housing_support');
          typeInto(el, 'description', 'أحتاج إلى مساعدة في دفع إيجار المسكن لهذا العام.');
        } else if (current === 'attachments') {
          for (const input of shadow(el).querySelectorAll<HTMLInputElement>('input[type=file]')) {
            const transfer = new DataTransfer();
            transfer.items.add(pdf);
            input.files = transfer.files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
          }
        } else {
          for (const box of shadow(el).querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
            if (!box.checked) box.click();
          }
        }
        await nextFrame();
        await expectNoOverflow(el, `request, step ${current} filled`);
        await next();
        await until(
          () => step() !== current || shadow(el).querySelector('[part~=confirmation]'),
          10_000,
          `past ${current}`,
        );
      }
      await until(() => shadow(el).querySelector('[part~=confirmation]'), 10_000, 'confirmation');
      await expectNoOverflow(el, 'request, confirmation');
    });

    it(`<sila-status-lookup>: empty, not found, and results with the rating invitation (${locale})`, async function () {
      this.timeout(90_000);
      await setLocale(locale);
      const { reference, mobile } = await createComplaint();
      const el = await fixture(html`<sila-status-lookup endpoint=${serverEndpoint()}></sila-status-lookup>`);
      await expectNoOverflow(el, 'lookup, empty');
      const lookUp = async (verifier: string) => {
        typeInto(el, 'reference', reference);
        typeInto(el, 'verifier', verifier);
        submitButton(el).click();
        await until(
          () =>
            !shadow(el).querySelector('[part~=pending]') && shadow(el).querySelector('[part~=result], [part~=failure]'),
          10_000,
          'lookup answer',
        );
        await nextFrame();
      };
      await lookUp('0000');
      await expectNoOverflow(el, 'lookup, not found');
      for (const status of ['received', 'under_review', 'needs_info', 'resolved'] as const) {
        if (status !== 'received') {
          if (status === 'resolved') await setStatus(reference, 'under_review');
          await setStatus(reference, status, 'ملاحظة عامة للمستفيد حول حالة الطلب، مكتوبة بجملة طويلة نوعًا ما.');
        }
        await lookUp(mobile.slice(-4));
        await expectNoOverflow(el, `lookup, ${status}`);
      }
      // Resolved: the rating is offered inside the result (a nested shadow root).
      const rating = await until(() => shadow(el).querySelector('sila-rating'), 10_000, 'rating invitation').then(() =>
        shadow(el).querySelector('sila-rating')!,
      );
      // The rating renders its scale after its own first update (and the outbox read): wait for it.
      await until(() => rating.shadowRoot?.querySelector('input[name=score]'), 10_000, 'rating scale');
      const radios = [...rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=score]')];
      radios[radios.length - 1]!.click();
      await nextFrame();
      await expectNoOverflow(el, 'lookup, resolved, rating chosen');
    });
  }
});

async function setStatus(reference: string, status: string, note?: string): Promise<void> {
  const answer = await staffApi(`/v1/staff/submissions/${reference}/status`, {
    as: 'officer',
    method: 'POST',
    body: { status, note, notePublic: true },
    withVersion: true,
  });
  expect(answer.status, `staff status ${status}: ${JSON.stringify(answer.body)}`).to.equal(200);
}
