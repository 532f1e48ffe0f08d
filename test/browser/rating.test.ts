import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SilaRating } from '../../src/widgets/rating/rating.js';
import type { SilaRatingChangeEvent } from '../../src/widgets/rating/rating-change-event.js';
import { configure } from '../../src/config.js';
import { setLocale } from '../../src/core/i18n.js';
import { outbox } from '../../src/client/outbox.js';
import type { SilaSubmitEvent } from '../../src/core/events.js';
import type { Rating } from '../../src/contract/rating.js';
import { formatReference, generateReference } from '../../src/contract/identifiers.js';
import { serverEndpoint, shadow, until } from './helpers.js';
import './fresh-page.js';
import {
  checkedValue,
  nextContext,
  outcome,
  radio,
  radios,
  ratingHarness,
  renderRating,
  seedRating,
  sendButton,
} from './harnesses/rating.js';
import { createComplaint } from './server-records.js';
import { runSendingWidgetTests } from './sending-widget-suite.js';

runSendingWidgetTests(ratingHarness);

const focusedValue = (el: SilaRating) => (shadow(el).activeElement as HTMLInputElement | null)?.value;
/**
 * Presses each key in turn; after each, the point named is the chosen one and has the
 * focus (a radio group's focus follows the choice): `[key, chosen value]`.
 */
async function pressChoosing(
  el: SilaRating,
  steps: readonly (readonly [key: string, chosen: string])[],
): Promise<void> {
  for (const [key, chosen] of steps) {
    await sendKeys({ press: key });
    expect([focusedValue(el), checkedValue(el)], `after ${key}`).to.deep.equal([chosen, chosen]);
  }
}
/** The radio's accessible name: its aria-label (the visible digit or glyph is aria-hidden). */
const nameOf = (input: HTMLInputElement) => input.getAttribute('aria-label')!;

/** Captures what the widget would send, without sending it. */
async function capturePayload(el: SilaRating, send: () => unknown): Promise<SilaSubmitEvent<Rating>> {
  el.addEventListener('sila-submit', (event) => event.preventDefault(), { once: true });
  const captured = oneEvent(el, 'sila-submit') as Promise<SilaSubmitEvent<Rating>>;
  send();
  return captured;
}

/** The x-centre of a point on screen (to check the direction of the scale). */
const centreX = (input: HTMLInputElement) => {
  const box = input.closest('label')!.getBoundingClientRect();
  return box.left + box.width / 2;
};

describe('<sila-rating>', () => {
  it('names every point by value and meaning in Arabic, each a large enough target', async () => {
    const el = await renderRating();
    expect(radios(el)).to.have.length(5);
    expect(nameOf(radio(el, 4))).to.equal('4 من 5، راضٍ');
    expect(nameOf(radio(el, 1))).to.equal('1 من 5، غير راضٍ إطلاقًا');
    expect(shadow(el).getElementById('question')!.textContent).to.equal('ما مدى رضاك عن خدماتنا؟');
    const group = shadow(el).querySelector('[role=radiogroup]')!;
    expect(group.getAttribute('aria-labelledby')).to.equal('question');
    // Every point is a target of at least 24×24 px (44 for stars).
    for (const input of radios(el)) {
      const box = input.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
    expect(sendButton(el)!.textContent!.trim()).to.equal('إرسال التقييم');
  });

  it('speaks English with labels for both ends of every scale', async () => {
    await setLocale('en');
    const ends = async (scale: string) => {
      const el = await renderRating({ scale });
      return [...shadow(el).querySelectorAll('.end')].map((end) => end.textContent);
    };
    expect(await ends('csat')).to.deep.equal(['Very dissatisfied', 'Very satisfied']);
    expect(await ends('nps')).to.deep.equal(['Not at all likely', 'Extremely likely']);
    expect(await ends('ces')).to.deep.equal(['Strongly disagree', 'Strongly agree']);
    const el = await renderRating({ scale: 'ces' });
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(shadow(el).getElementById('question')!.textContent).to.equal('It was easy to get my request handled.');
    expect(nameOf(radio(el, 4))).to.equal('4 of 7, Neither agree nor disagree');
    await expect(el).to.be.accessible();
  });

  it('shows Arabic end labels too', async () => {
    const el = await renderRating({ scale: 'nps' });
    expect([...shadow(el).querySelectorAll('.end')].map((end) => end.textContent)).to.deep.equal([
      'مستبعد تمامًا',
      'محتمل جدًا',
    ]);
    expect(radios(el).map((input) => input.value)).to.deep.equal([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(nameOf(radio(el, 0))).to.equal('0 من 10، مستبعد تمامًا');
    expect(nameOf(radio(el, 6))).to.equal('6 من 10');
  });

  it('runs low → high in the reading direction for stars, faces and numbers alike', async () => {
    for (const [scale, display, last] of [
      ['csat', 'stars', 5],
      ['csat', 'faces', 5],
      ['nps', 'stars', 10],
      ['ces', 'stars', 7],
    ] as const) {
      await setLocale('ar');
      let el = await renderRating({ scale, display });
      const low = scale === 'nps' ? 0 : 1;
      expect(centreX(radio(el, low)), `${scale}/${display} rtl`).to.be.greaterThan(centreX(radio(el, last)));
      el.remove();
      await setLocale('en');
      el = await renderRating({ scale, display });
      expect(centreX(radio(el, low)), `${scale}/${display} ltr`).to.be.lessThan(centreX(radio(el, last)));
      el.remove();
    }
  });

  it('is operated with the keyboard in left-to-right: one tab stop, arrows follow the eye, Home/End', async () => {
    await setLocale('en');
    const context = nextContext();
    seedRating(context);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <button id="before">before</button>
      <sila-rating endpoint=${serverEndpoint()} context=${context}></sila-rating>
    </div>`);
    const el = wrapper.querySelector('sila-rating')!;
    await el.updateComplete;
    const changes: number[] = [];
    el.addEventListener('sila-rating-change', (event: SilaRatingChangeEvent) => changes.push(event.detail.score));
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedValue(el)).to.equal('1');
    expect(checkedValue(el)).to.equal(undefined); // focus alone chooses nothing
    await pressChoosing(el, [
      ['ArrowRight', '1'],
      ['ArrowRight', '2'],
      ['ArrowRight', '3'],
      ['ArrowLeft', '2'],
      ['End', '5'],
      ['ArrowRight', '5'], // stops at the end, no wrap
      ['Home', '1'],
      ['ArrowUp', '2'],
      ['ArrowDown', '1'],
      ['ArrowDown', '1'],
      ['End', '5'],
      ['ArrowLeft', '4'],
    ]);
    expect(changes).to.deep.equal([1, 2, 3, 2, 5, 1, 2, 1, 5, 4]);
    expect(shadow(el).querySelector('.meaning')!.textContent).to.equal('Satisfied');
    // One tab stop: Tab leaves the scale for the comment, Shift+Tab comes back to the choice.
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('comment');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focusedValue(el)).to.equal('4');
    // Space on the focused point keeps it; the chosen point has a visible focus ring.
    const ring = getComputedStyle(radio(el, 4).closest('label')!).outlineStyle;
    expect(ring).to.equal('solid');
    await expect(el).to.be.accessible();
  });

  it('is operated with the keyboard in right-to-left: ArrowLeft goes up the scale, as it looks', async () => {
    const context = nextContext();
    seedRating(context);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <button id="before">قبل</button>
      <sila-rating endpoint=${serverEndpoint()} context=${context} display="faces"></sila-rating>
    </div>`);
    const el = wrapper.querySelector('sila-rating')!;
    await el.updateComplete;
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedValue(el)).to.equal('1');
    await pressChoosing(el, [
      ['ArrowLeft', '1'],
      ['ArrowLeft', '2'],
      ['ArrowLeft', '3'],
    ]);
    // The focused point is visually left of the previous one.
    expect(centreX(radio(el, 3))).to.be.lessThan(centreX(radio(el, 2)));
    await pressChoosing(el, [
      ['ArrowRight', '2'],
      ['End', '5'],
      ['ArrowLeft', '5'], // the end: stays
      ['Home', '1'],
      ['ArrowRight', '1'], // the start: stays
      ['ArrowUp', '2'],
    ]);
    expect(shadow(el).querySelector('.meaning')!.textContent).to.equal('غير راضٍ');
    await expect(el).to.be.accessible();
    // Enter sends what is chosen.
    const submitted = oneEvent(el, 'sila-submitted');
    await sendKeys({ press: 'Enter' });
    await submitted;
  });

  it('sends the CSAT payload (stars), with the page as context and the fill time', async () => {
    const context = nextContext();
    const el = await renderRating({ context });
    radio(el, 4).click();
    await el.updateComplete;
    const comment = shadow(el).querySelector<HTMLTextAreaElement>('textarea[name=comment]')!;
    comment.value = '  الموظفون كانوا متعاونين.  ';
    comment.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const { detail } = await capturePayload(el, () => sendButton(el)!.click());
    expect(detail.kind).to.equal('rating');
    expect(detail.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    const { client, ...rest } = detail.payload;
    expect(JSON.parse(JSON.stringify(rest))).to.deep.equal({
      scale: 'csat',
      score: 4,
      context,
      comment: 'الموظفون كانوا متعاونين.',
    });
    expect(client!.fillMs).to.be.at.least(59_000);
    expect(client!.locale).to.equal('ar');
  });

  it('sends the CSAT payload from faces, and NPS and CES payloads', async () => {
    const cases = [
      { scale: 'csat', display: 'faces', score: 2 },
      { scale: 'nps', display: 'stars', score: 0 },
      { scale: 'nps', display: 'stars', score: 10 },
      { scale: 'ces', display: 'stars', score: 7 },
    ];
    for (const { scale, display, score } of cases) {
      const el = await renderRating({ scale, display });
      expect(
        shadow(el)
          .querySelector('.scale')!
          .classList.contains(scale === 'csat' ? display : 'numbers'),
      ).to.equal(true);
      const change = oneEvent(el, 'sila-rating-change') as Promise<SilaRatingChangeEvent>;
      radio(el, score).click();
      expect((await change).detail).to.deep.equal({ scale, score });
      await el.updateComplete;
      const { detail } = await capturePayload(el, () => sendButton(el)!.click());
      expect([detail.payload.scale, detail.payload.score, detail.payload.comment]).to.deep.equal([
        scale,
        score,
        undefined,
      ]);
      el.remove();
    }
  });

  it('uses the first of the form-config ratingScales when no scale is set', async () => {
    configure({ formConfig: { ratingScales: ['ces', 'csat'] } });
    const el = await renderRating();
    await until(() => radios(el).length === 7, 5_000, 'CES scale');
    expect(shadow(el).querySelector('.hint')!.textContent).to.equal('إلى أي مدى توافق على هذه العبارة؟');
    radio(el, 5).click();
    await el.updateComplete;
    const { detail } = await capturePayload(el, () => sendButton(el)!.click());
    expect(detail.payload.scale).to.equal('ces');
  });

  it('takes its own question and follow-up from attributes', async () => {
    seedRating('/custom');
    const el = await fixture<SilaRating>(html`<sila-rating
      endpoint=${serverEndpoint()}
      context="/custom"
      question="ما رأيك في الورشة التدريبية؟"
      follow-up="ما الذي نحسّنه في الورشة القادمة؟"
    ></sila-rating>`);
    expect(shadow(el).getElementById('question')!.textContent).to.equal('ما رأيك في الورشة التدريبية؟');
    expect(shadow(el).querySelector('label[for=f-comment]')!.textContent).to.contain(
      'ما الذي نحسّنه في الورشة القادمة؟',
    );
  });

  it('asks for a choice before sending, and limits the comment to 1000 characters', async () => {
    const el = await renderRating();
    sendButton(el)!.click();
    await el.updateComplete;
    expect(shadow(el).getElementById('score-error')!.textContent).to.contain('اختر درجة على المقياس.');
    expect(shadow(el).querySelector('[role=radiogroup]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(radio(el, 1));
    await expect(el).to.be.accessible();
    radio(el, 3).click();
    const comment = shadow(el).querySelector<HTMLTextAreaElement>('textarea[name=comment]')!;
    comment.value = 'ت'.repeat(1001);
    comment.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(shadow(el).getElementById('score-error')).to.equal(null);
    expect(shadow(el).querySelector('.counter')!.textContent!.trim()).to.equal('عدد الأحرف الزائدة: 1');
    sendButton(el)!.click();
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(comment);
    expect(comment.getAttribute('aria-invalid')).to.equal('true');
  });

  it('sends to the real server, thanks the person and moves focus to the thanks (accessible when chosen and done)', async () => {
    const el = await renderRating({ display: 'faces' });
    radio(el, 5).click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const submitted = oneEvent(el, 'sila-submitted');
    sendButton(el)!.click();
    const { detail } = await submitted;
    expect((detail.result as { id: string }).id).to.be.a('string');
    await el.updateComplete;
    expect(outcome(el)).to.equal('thanks');
    expect(shadow(el).activeElement?.id).to.equal('done');
    expect(shadow(el).getElementById('done')!.textContent).to.equal('شكرًا لتقييمك.');
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.equal('شكرًا لتقييمك.');
  });

  it('asks about what the person sent, named by the reference: request, complaint, suggestion, inquiry or claim', async () => {
    const questions: Record<string, string> = {
      R: 'ما مدى رضاك عن طريقة معالجتنا لطلبك؟',
      C: 'ما مدى رضاك عن طريقة معالجتنا لشكواك؟',
      S: 'ما مدى رضاك عن طريقة تعاملنا مع اقتراحك؟',
      Q: 'ما مدى رضاك عن طريقة ردنا على استفسارك؟',
      K: 'ما مدى رضاك عن طريقة معالجتنا لطلب التعويض؟',
    };
    for (const [letter, question] of Object.entries(questions)) {
      const el = await renderRating({ reference: `${letter}-4F7K-2M9Q-X3TB`, scale: 'csat' });
      expect(shadow(el).getElementById('question')!.textContent, letter).to.equal(question);
      el.remove();
    }
    const ces = await renderRating({ reference: 'C-4F7K-2M9Q-X3TB', scale: 'ces' });
    expect(shadow(ces).getElementById('question')!.textContent).to.equal('كان التعامل مع موضوعي سهلًا.');
  });

  it('keeps one rating per reference: a second widget says it was already rated', async () => {
    const { reference, ratingToken, verifier } = await createComplaint();
    const first = await renderRating({ reference, scale: 'csat' });
    first.verifier = verifier; // the last 4 digits of the mobile: proof that it is theirs
    expect(shadow(first).getElementById('question')!.textContent).to.equal('ما مدى رضاك عن طريقة معالجتنا لشكواك؟');
    radio(first, 4).click();
    const { detail: sent } = await capturePayload(first, () => sendButton(first)!.click());
    expect(sent.payload.reference).to.equal(reference);
    expect(sent.payload.verifier).to.equal(verifier);
    expect(sent.payload.context).to.equal(undefined);
    const submitted = oneEvent(first, 'sila-submitted');
    sendButton(first)!.click();
    expect((await submitted).detail.reference).to.equal(reference);
    first.remove();

    // The same reference typed as people write it (dashes, lower case).
    const shown =
      `${reference[0]}-${reference.slice(1, 5)}-${reference.slice(5, 9)}-${reference.slice(9)}`.toLowerCase();
    const second = await renderRating({ reference: shown, scale: 'nps' });
    second.ratingToken = ratingToken; // the confirmation's token proves it too
    radio(second, 9).click();
    const failed = oneEvent(second, 'sila-error');
    sendButton(second)!.click();
    const { detail } = await failed;
    expect(detail.error.kind).to.equal('conflict');
    expect(detail.error.problem?.code).to.equal('already_rated');
    expect(detail.queued).to.equal(false);
    await second.updateComplete;
    expect(outcome(second)).to.equal('already-rated');
    expect(shadow(second).getElementById('done')!.textContent).to.equal('سبق أن قيّمت هذا، شكرًا لك.');
    expect(shadow(second).activeElement?.id).to.equal('done');
    await expect(second).to.be.accessible();
    expect(await outbox.pending(`rating:${serverEndpoint()}:${reference}`)).to.have.length(0);
  });

  it('says so when the rating cannot be shown to be theirs (no proof, a wrong one, an unknown reference), keeping the choice', async () => {
    const created = await createComplaint();
    const { reference } = created;
    const wrong = created.verifier === '0000' ? '1111' : '0000';
    for (const [target, verifier, kind] of [
      [reference, undefined, 'validation'],
      [reference, wrong, 'rejected'],
      [formatReference(generateReference('complaint')), '4567', 'rejected'],
    ] as const) {
      const el = await renderRating({ reference: target });
      el.verifier = verifier;
      radio(el, 2).click();
      const failed = oneEvent(el, 'sila-error');
      sendButton(el)!.click();
      const { detail } = await failed;
      expect(detail.error.kind, `${verifier}`).to.equal(kind);
      expect(detail.queued).to.equal(false);
      await el.updateComplete;
      const status = shadow(el).getElementById('status-message')!;
      expect(status.textContent).to.contain('تعذّر التأكد من أن هذا التقييم لك');
      expect(shadow(el).activeElement).to.equal(status);
      expect(checkedValue(el)).to.equal('2');
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('a new choice after a failed attempt replaces the waiting one, with a new key', async () => {
    let online = false;
    const sent: { key: string; score: number }[] = [];
    configure({
      retries: 0,
      fetch: (input, init) => {
        if (init?.method !== 'POST') return fetch(input, init);
        sent.push({
          key: new Headers(init.headers).get('Idempotency-Key')!,
          score: JSON.parse(String(init.body)).score,
        });
        return online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
      },
    });
    const context = nextContext();
    const el = await renderRating({ context });
    radio(el, 2).click();
    sendButton(el)!.click();
    await until(() => shadow(el).getElementById('status-message'), 5_000, 'queued');
    radio(el, 4).click();
    await el.updateComplete;
    expect(shadow(el).getElementById('status-message')).to.equal(null);
    const owner = `rating:${serverEndpoint()}:${context}`;
    await until(async () => (await outbox.pending(owner)).length === 0, 5_000, 'the waiting rating dropped');
    online = true;
    sendButton(el)!.click();
    await until(() => outcome(el) === 'thanks', 10_000, 'sent');
    expect(sent.map((attempt) => attempt.score)).to.deep.equal([2, 4]);
    expect(sent[0]!.key).not.to.equal(sent[1]!.key);
  });

  it('inline: one row, sent on a click; arrow keys only move, Enter sends', async () => {
    const el = await renderRating({ mode: 'inline', display: 'faces' });
    expect(el.getAttribute('mode')).to.equal('inline');
    expect(shadow(el).querySelector('textarea')).to.equal(null);
    expect(shadow(el).getElementById('question')!.textContent).to.equal('ما مدى رضاك عن هذه الصفحة؟');
    // One row: the question and the scale share a line on a wide screen.
    const question = shadow(el).getElementById('question')!.getBoundingClientRect();
    const scale = shadow(el).querySelector('.scale')!.getBoundingClientRect();
    expect(Math.abs(question.top + question.height / 2 - (scale.top + scale.height / 2))).to.be.lessThan(12);
    await expect(el).to.be.accessible();

    let submits = 0;
    el.addEventListener('sila-submit', () => submits++);
    radio(el, 1).focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(checkedValue(el)).to.equal('2');
    // A send would start in the key's own handler: once the render it caused is done, and
    // the tasks it queued have run, there is nothing left that could still send.
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    expect(submits).to.equal(0);
    // A visible Send button for a choice made with the keys.
    expect(sendButton(el)!.textContent!.trim()).to.equal('إرسال');
    await expect(el).to.be.accessible();
    const submitted = oneEvent(el, 'sila-submitted');
    await sendKeys({ press: 'Enter' });
    await submitted;
    expect(submits).to.equal(1);
    await el.updateComplete;
    expect(outcome(el)).to.equal('thanks');
    expect(shadow(el).activeElement?.id).to.equal('done');
    await expect(el).to.be.accessible();
  });

  it('inline: a click sends at once', async () => {
    const el = await renderRating({ mode: 'inline', scale: 'csat' });
    const captured = await capturePayload(el, () => radio(el, 5).click());
    expect(captured.detail.payload.score).to.equal(5);
    expect(captured.detail.payload.comment).to.equal(undefined);
    const submitted = oneEvent(el, 'sila-submitted');
    radio(el, 5).click(); // the host let the first one go unsent: a click on the same point sends
    await submitted;
  });

  it('renders 50 instances on one page, each with its radios', async () => {
    const scales = ['csat', 'nps', 'ces'] as const;
    const counts = { csat: 5, nps: 11, ces: 7 };
    const started = performance.now();
    const wrapper = await fixture<HTMLElement>(html`<div>
      ${Array.from(
        { length: 50 },
        (_, i) => html`<sila-rating
          endpoint=${serverEndpoint()}
          context=${`/many/${i}`}
          scale=${scales[i % 3]!}
          display=${i % 2 ? 'faces' : 'stars'}
          mode=${i % 4 === 0 ? 'inline' : 'full'}
        ></sila-rating>`,
      )}
    </div>`);
    const elements = [...wrapper.querySelectorAll('sila-rating')];
    await Promise.all(elements.map((el) => el.updateComplete));
    expect(elements).to.have.length(50);
    elements.forEach((el, i) => {
      expect(el.shadowRoot, `instance ${i}`).to.exist;
      expect(radios(el), `instance ${i}`).to.have.length(counts[scales[i % 3]!]);
    });
    // Names stay unique per instance: choosing in one leaves the others alone.
    radio(elements[3]!, 2).click();
    await elements[3]!.updateComplete;
    expect(checkedValue(elements[3]!)).to.equal('2');
    expect(checkedValue(elements[6]!)).to.equal(undefined);
    console.info(`50 <sila-rating> rendered in ${Math.round(performance.now() - started)} ms`);
  });
});
