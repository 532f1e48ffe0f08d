/** How the tests drive <sila-request-form>: mount, walk the steps with valid answers, send. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/widgets/request-form/request-form.js';
import type { SilaRequestForm } from '../../../src/widgets/request-form/request-form.js';
import { configure } from '../../../src/config.js';
import type { SilaSubmittedEvent, SubmittedDetail } from '../../../src/core/events.js';
import {
  HOSTILE_MARKUP,
  choose,
  errorText,
  randomMobile,
  seedStartedDraft,
  serverEndpoint,
  shadow,
  tick,
  typeInto,
  until,
} from '../helpers.js';
import type { SendingWidget, SendingWidgetHarness } from './harness.js';

export const VALID = {
  fullName: 'فاطمة أحمد',
  nationalId: '1087654321',
  mobile: '0551234567',
  city: 'الرياض',
  birthDate: '1990-05-15',
  description: 'أحتاج إلى مساعدة في دفع إيجار المسكن لهذا العام.',
};

export interface RenderOptions {
  audience?: 'beneficiary' | 'member';
  noHousehold?: boolean;
  seed?: boolean;
  statusUrl?: string;
}

export async function renderRequestForm({
  audience = 'beneficiary',
  noHousehold = false,
  seed = true,
  statusUrl,
}: RenderOptions = {}): Promise<SilaRequestForm> {
  const endpoint = serverEndpoint();
  if (seed) seedStartedDraft(audience === 'member' ? 'request-member' : 'request', endpoint);
  const el = await fixture<SilaRequestForm>(html`<sila-request-form
    endpoint=${endpoint}
    audience=${audience}
    ?no-household=${noHousehold}
    status-url=${statusUrl ?? ''}
  ></sila-request-form>`);
  // The server's form-config turns the documents step on.
  await until(() => el.steps.includes('attachments'), 5_000, 'form-config');
  await el.updateComplete;
  return el;
}

/** Presses the step's main button (Continue, or Send on the last step). */
export async function next(el: SilaRequestForm): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await el.updateComplete;
  await el.updateComplete;
}

export function fillApplicant(el: SilaRequestForm, overrides: Partial<typeof VALID> = {}): void {
  const v = { ...VALID, ...overrides };
  typeInto(el, 'applicant.fullName', v.fullName);
  typeInto(el, 'applicant.nationalId', v.nationalId);
  typeInto(el, 'applicant.mobile', v.mobile);
  typeInto(el, 'applicant.city', v.city);
  if (v.birthDate) typeInto(el, 'applicant.birthDate', v.birthDate); // '' leaves it empty
}

export function fillHousehold(el: SilaRequestForm): void {
  typeInto(el, 'household.householdSize', '٥');
  choose(el, 'household.incomeBracket', 'under_3000');
  choose(el, 'household.employment', 'unemployed');
  choose(el, 'household.housing', 'rented');
}

export function fillService(el: SilaRequestForm, service = 'housing_support'): void {
  choose(el, 'service', service);
  typeInto(el, 'description', VALID.description);
}

function stepIndex(el: SilaRequestForm): number {
  const current = shadow(el).querySelector('#step-title')!.getAttribute('data-step');
  return el.steps.indexOf(current as never);
}

/** Walks to the given step with valid answers, checking axe on every step on the way. */
export async function walkTo(
  el: SilaRequestForm,
  target: string,
  { axe = false, service = 'housing_support', applicant = {} as Partial<typeof VALID> } = {},
): Promise<void> {
  for (let i = 0; i < 8 && el.steps[stepIndex(el)] !== target; i++) {
    const step = el.steps[stepIndex(el)];
    if (axe) await expect(el).to.be.accessible();
    if (step === 'applicant') fillApplicant(el, applicant);
    if (step === 'household') fillHousehold(el);
    if (step === 'service') fillService(el, service);
    await el.updateComplete;
    await next(el);
  }
  expect(shadow(el).querySelector('#step-title')!.getAttribute('data-step')).to.equal(target);
}

/** On the last step: accepts the declaration and the privacy notice. */
export async function acceptDeclaration(el: SilaRequestForm): Promise<void> {
  tick(el, 'declaration.accepted');
  tick(el, 'consent.accepted');
  await el.updateComplete;
}

/** Walks to the last step with valid answers and accepts the declaration and the notice. */
export async function walkToSend(el: SilaRequestForm, options: Parameters<typeof walkTo>[2] = {}): Promise<void> {
  await walkTo(el, 'declaration', options);
  await acceptDeclaration(el);
}

/** Presses Send on the last step; resolves with what the server answered. */
export async function sendRequest(el: SilaRequestForm): Promise<SubmittedDetail> {
  const submitted = oneEvent(el, 'sila-submitted') as Promise<SilaSubmittedEvent>;
  await next(el);
  return (await submitted).detail;
}

const sendButton = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('button[part=submit]');

function widget(el: SilaRequestForm, service = 'housing_support'): SendingWidget<SilaRequestForm> {
  const endpoint = serverEndpoint();
  return {
    el,
    outboxOwner: `request:beneficiary:${endpoint}`,
    draftKey: `sila:draft:request:${endpoint}`,
    fill: () => walkToSend(el, { service, applicant: { mobile: randomMobile() } }),
    send: () => sendButton(el)!.click(),
    sendButton: () => sendButton(el),
    confirmation: () => shadow(el).querySelector('[part=confirmation]'),
    reopen: async () => widget(await renderRequestForm({ seed: false })),
  };
}

export const requestFormHarness: SendingWidgetHarness<SilaRequestForm> = {
  tag: 'sila-request-form',
  kind: 'request',
  async open({ ready } = {}) {
    const el = await renderRequestForm();
    if (ready) await until(() => ready(el), 5_000, 'form-config');
    return widget(el);
  },
  refused: {
    async open() {
      // A service the page offers and the server does not: a real 422 on `service`.
      const config = await (await fetch(`${serverEndpoint()}/v1/form-config`)).json();
      configure({
        formConfig: { services: [...config.services, { id: 'not_on_server', label: { ar: 'خدمة لا يعرفها الخادم' } }] },
      });
      return widget(await renderRequestForm(), 'not_on_server');
    },
    expectOwnWords({ el }) {
      expect(errorText(el, 'service')).to.equal('خطأ: اختر أحد الخيارات.');
    },
  },
  expectAnswerAsText({ el }) {
    expect(shadow(el).querySelector('[data-reference]')!.textContent).to.contain('<img src=x onerror=');
  },
  expectAnswersKept({ el }) {
    expect(shadow(el).querySelector<HTMLInputElement>('[name="declaration.accepted"]')!.checked).to.equal(true);
  },
  startOver({ el }) {
    shadow(el).querySelector<HTMLButtonElement>('button.clear')!.click();
  },
  hostileConfig: {
    poison(json) {
      json.services.find((service: { id: string }) => service.id === 'housing_support').label.ar =
        `دعم السكن ${HOSTILE_MARKUP}`;
    },
    ready: (el) => shadow(el).querySelector('.privacy')?.textContent?.includes('<img'),
    async expectShownAsText({ el }) {
      expect(shadow(el).querySelector('.privacy')!.textContent).to.contain(`جمعية ${HOSTILE_MARKUP}`);
      await walkTo(el, 'service');
      expect(shadow(el).querySelector('option[value="housing_support"]')!.textContent).to.equal(
        `دعم السكن ${HOSTILE_MARKUP}`,
      );
    },
  },
};
