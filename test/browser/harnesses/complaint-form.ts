/** How the tests drive <sila-complaint-form>: mount, fill a valid complaint, send. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/complaint-form/complaint-form.js';
import type { SilaComplaintForm } from '../../../src/widgets/complaint-form/complaint-form.js';
import { configure } from '../../../src/config.js';
import {
  HOSTILE_MARKUP,
  choose,
  errorText,
  randomMobile,
  seedStartedDraft,
  serverEndpoint,
  shadow,
  submitButton,
  tick,
  typeInto,
  until,
} from '../helpers.js';
import type { SendingWidget, SendingWidgetHarness } from './harness.js';

export const VALID = {
  subject: 'تأخر الرد على طلبي',
  description: 'قدمت طلب مساعدة قبل شهر ولم يصلني أي رد حتى الآن.',
  name: 'محمد عبدالله',
  mobile: '0551234567',
};

/** Fills <sila-complaint-form> with a valid complaint, as a person would. */
export function fillValidComplaint(el: Element, overrides: Partial<typeof VALID> = {}): void {
  const values = { ...VALID, ...overrides };
  choose(el, 'kind', 'complaint');
  choose(el, 'category', 'delay');
  typeInto(el, 'subject', values.subject);
  typeInto(el, 'description', values.description);
  typeInto(el, 'contact.name', values.name);
  typeInto(el, 'contact.mobile', values.mobile);
  tick(el, 'consent.accepted');
}

/** The server's form-config has arrived: its privacy link points at the server's own page. */
const hasServerConfig = (el: Element) =>
  shadow(el).querySelector(`.privacy a[href="${serverEndpoint()}/demo/privacy.html"]`);

/**
 * Puts the form on the page. With `seed`, the person started a minute ago (the server's
 * time trap drops faster fills); without it, what an earlier visit left is used.
 */
export async function renderComplaintForm(
  endpoint = serverEndpoint(),
  seed = true,
  ready: (el: SilaComplaintForm) => unknown = hasServerConfig,
): Promise<SilaComplaintForm> {
  if (seed) seedStartedDraft('complaint', endpoint);
  const el = await fixture<SilaComplaintForm>(html`<sila-complaint-form endpoint=${endpoint}></sila-complaint-form>`);
  // The server's form-config replaces the default privacy notice (only a real server sends one).
  if (endpoint === serverEndpoint()) await until(() => ready(el), 5_000, 'form-config');
  return el;
}

function widget(el: SilaComplaintForm, fillCategory = 'delay'): SendingWidget<SilaComplaintForm> {
  const endpoint = serverEndpoint();
  return {
    el,
    outboxOwner: `complaint:${endpoint}`,
    draftKey: `sila:draft:complaint:${endpoint}`,
    async fill() {
      fillValidComplaint(el, { mobile: randomMobile() });
      choose(el, 'category', fillCategory);
      await el.updateComplete;
    },
    send: () => submitButton(el).click(),
    sendButton: () => submitButton(el),
    confirmation: () => shadow(el).querySelector('[part=confirmation]'),
    reopen: async () => widget(await renderComplaintForm(endpoint, false, () => true)),
  };
}

/** A category the page offers and the server does not know: a real 422 on `category`. */
async function offerUnknownCategory(): Promise<void> {
  const config = await (await fetch(`${serverEndpoint()}/v1/form-config`)).json();
  configure({
    formConfig: {
      complaintCategories: [
        ...config.complaintCategories,
        { id: 'not_on_server', label: { ar: 'فئة لا يعرفها الخادم' } },
      ],
    },
  });
}

export const complaintFormHarness: SendingWidgetHarness<SilaComplaintForm> = {
  tag: 'sila-complaint-form',
  kind: 'complaint',
  open: async ({ ready } = {}) => widget(await renderComplaintForm(serverEndpoint(), true, ready)),
  refused: {
    async open() {
      await offerUnknownCategory();
      return widget(await renderComplaintForm(), 'not_on_server');
    },
    expectOwnWords({ el }) {
      expect(errorText(el, 'category')).to.equal('خطأ: اختر أحد الخيارات.');
      expect(shadow(el).activeElement?.id).to.equal('error-summary');
    },
  },
  expectAnswerAsText({ el }) {
    expect(shadow(el).querySelector('[data-reference]')!.textContent).to.contain('<img src=x onerror=');
  },
  expectAnswersKept({ el }) {
    expect(shadow(el).querySelector<HTMLInputElement>('[name=subject]')!.value).to.equal(VALID.subject);
  },
  startOver({ el }) {
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'مسح إجاباتي')!.click();
  },
  hostileConfig: {
    poison(json) {
      json.complaintCategories.find((category: { id: string }) => category.id === 'delay').label.ar =
        `تأخر ${HOSTILE_MARKUP}`;
    },
    ready: (el) => shadow(el).querySelector('option[value="delay"]')?.textContent?.includes('<img'),
    async expectShownAsText({ el }) {
      expect(shadow(el).querySelector('option[value="delay"]')!.textContent).to.equal(`تأخر ${HOSTILE_MARKUP}`);
    },
  },
};
