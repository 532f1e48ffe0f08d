/** How the tests drive <sila-rating>: mount on a page of its own, choose a point, send. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/widgets/rating/rating.js';
import type { SilaRating } from '../../../src/widgets/rating/rating.js';
import { formatReference, generateReference, normalizeReference } from '../../../src/contract/identifiers.js';
import { seedStartedDraft, serverEndpoint, shadow } from '../helpers.js';
import type { SendingWidget, SendingWidgetHarness } from './harness.js';

/** Every test rates its own page, so drafts and the one-per-reference rule never mix. */
let pageCount = 0;
export const nextContext = () => `/test/rating/page-${Date.now()}-${++pageCount}`;

/** The person opened the page a minute ago (the server's time trap drops fast fills). */
export function seedRating(target: string): void {
  seedStartedDraft(`rating:${target}`, serverEndpoint());
}

export const radios = (el: SilaRating) => [
  ...shadow(el).querySelectorAll<HTMLInputElement>('input[type=radio][name=score]'),
];
export const radio = (el: SilaRating, value: number) =>
  shadow(el).querySelector<HTMLInputElement>(`input[name=score][value="${value}"]`)!;
export const checkedValue = (el: SilaRating) =>
  shadow(el).querySelector<HTMLInputElement>('input[name=score]:checked')?.value;
export const sendButton = (el: SilaRating) => shadow(el).querySelector<HTMLButtonElement>('button[type=submit]');
export const outcome = (el: SilaRating) => shadow(el).querySelector('[data-outcome]')?.getAttribute('data-outcome');

export interface RatingAttributes {
  scale?: string;
  display?: string;
  reference?: string;
  mode?: string;
  context?: string;
}

/** Puts a rating on the page; with `seed`, its person opened the page a minute ago. */
export async function renderRating(attrs: RatingAttributes = {}, seed = true): Promise<SilaRating> {
  const context = attrs.context ?? nextContext();
  if (seed) seedRating(attrs.reference ? normalizeReference(attrs.reference) : context);
  return fixture<SilaRating>(html`<sila-rating
    endpoint=${serverEndpoint()}
    context=${context}
    scale=${attrs.scale ?? ''}
    display=${attrs.display ?? 'stars'}
    reference=${attrs.reference ?? ''}
    mode=${attrs.mode ?? 'full'}
  ></sila-rating>`);
}

/** The score the shared suite chooses (4 of 5), and the one it tries while sending. */
const SCORE = 4;
const OTHER_SCORE = 2;

function widget(el: SilaRating, attrs: RatingAttributes & { context: string }): SendingWidget<SilaRating> {
  const target = attrs.reference ? normalizeReference(attrs.reference) : attrs.context;
  return {
    el,
    outboxOwner: `rating:${serverEndpoint()}:${target}`,
    draftKey: `sila:draft:rating:${target}:${serverEndpoint()}`,
    async fill() {
      radio(el, SCORE).click();
      await el.updateComplete;
    },
    send: () => sendButton(el)!.click(),
    sendButton: () => sendButton(el),
    confirmation: () => (outcome(el) === 'thanks' ? shadow(el).querySelector('[data-outcome]') : null),
    reopen: async () => widget(await renderRating(attrs, false), attrs),
  };
}

async function open(attrs: RatingAttributes = {}): Promise<SendingWidget<SilaRating>> {
  const withContext = { ...attrs, context: attrs.context ?? nextContext() };
  const el = await renderRating(withContext);
  await el.updateComplete;
  return widget(el, withContext);
}

export const ratingHarness: SendingWidgetHarness<SilaRating> = {
  tag: 'sila-rating',
  kind: 'rating',
  open: () => open(),
  refused: {
    // A reference nobody sent, without proof that it is theirs: a real 422.
    open: () => open({ reference: formatReference(generateReference('complaint')) }),
    expectOwnWords({ el }) {
      const status = shadow(el).getElementById('status-message')!;
      expect(status.textContent).to.contain('تعذّر التأكد من أن هذا التقييم لك');
      expect(shadow(el).activeElement).to.equal(status);
    },
  },
  expectAnswerAsText({ el }) {
    expect(shadow(el).getElementById('done')!.textContent).to.equal('شكرًا لتقييمك.');
  },
  expectAnswersKept({ el }) {
    expect(checkedValue(el)).to.equal(String(SCORE));
  },
  startOver({ el }) {
    radio(el, OTHER_SCORE).click();
  },
  async whileSending({ el }) {
    radio(el, OTHER_SCORE).click(); // a change while sending does not change what is sent
    await el.updateComplete;
    expect(checkedValue(el)).to.equal(String(SCORE));
  },
};
