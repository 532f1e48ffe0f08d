/**
 * What every widget that sends a submission does, tested once for all three (complaint
 * form, request form, rating) through a small harness per widget (harnesses/*.ts):
 * a double tap sends once; the host page can take the sending over; a lost answer never
 * makes a duplicate; what cannot be delivered waits in the outbox and goes once, with
 * the same Idempotency-Key (back online, page opened again, Retry-After passed, Send
 * pressed again); and nothing the server writes is ever shown or run as markup.
 * Each widget's own test file calls runSendingWidgetTests(itsHarness).
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { configure } from '../../src/config.js';
import { outbox } from '../../src/client/outbox.js';
import type { SilaSubmitEvent, SilaSubmittedEvent } from '../../src/core/events.js';
import {
  HOSTILE_MARKUP,
  expectNothingInjected,
  holdPosts,
  poisonProblem,
  pretendOffline,
  rewriteAnswers,
  shadow,
  until,
} from './helpers.js';
import './fresh-page.js';
import type { SendingWidget, SendingWidgetHarness } from './harnesses/harness.js';

const keyOf = (init?: RequestInit) => new Headers(init?.headers).get('Idempotency-Key')!;
const isPost = (init?: RequestInit) => init?.method === 'POST';
/** The submission in an outbox entry's body (the forms wrap it with their documents). */
const payloadOf = (body: unknown) =>
  ((body as { payload?: unknown }).payload ?? body) as { client?: { fillMs?: number } };
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

/**
 * The device has no connection: every POST fails as a dead connection does (each one
 * recorded), and navigator.onLine says so, until `reconnect()`.
 */
function offlineUntilReconnected(): { posts: { key: string; body: string }[]; reconnect: () => void } {
  let online = false;
  const posts: { key: string; body: string }[] = [];
  configure({
    retries: 0,
    fetch: (input, init) => {
      if (!isPost(init)) return fetch(input, init);
      posts.push({ key: keyOf(init), body: String(init!.body) });
      return online ? fetch(input, init) : offline();
    },
  });
  const backOnline = pretendOffline();
  return {
    posts,
    reconnect() {
      backOnline();
      online = true;
    },
  };
}

/** A fresh widget, filled and sent; resolves once it says its submission is waiting. */
async function sentAndWaiting<E extends LitElement>(harness: SendingWidgetHarness<E>): Promise<SendingWidget<E>> {
  const widget = await harness.open();
  await widget.fill();
  widget.send();
  await until(() => shadow(widget.el).getElementById('status-message'), 5_000, 'waiting to send');
  return widget;
}

export function runSendingWidgetTests<E extends LitElement>(harness: SendingWidgetHarness<E>): void {
  describe(`<${harness.tag}> as a sending widget (shared suite)`, () => {
    it('is accessible when empty, in Arabic and right-to-left by default', async () => {
      const { el } = await harness.open();
      await expect(el).to.be.accessible();
      expect(el.getAttribute('dir')).to.equal('rtl');
    });

    it('sends to the real server, moves focus to its confirmation, and keeps nothing behind', async () => {
      const widget = await harness.open();
      await widget.fill();
      const submitted = oneEvent(widget.el, 'sila-submitted') as Promise<SilaSubmittedEvent>;
      widget.send();
      const { detail } = await submitted;
      expect(detail.kind).to.equal(harness.kind);
      await until(() => widget.confirmation(), 5_000, 'confirmation');
      const confirmation = widget.confirmation()!;
      const focused = shadow(widget.el).activeElement;
      expect(focused !== null && (focused === confirmation || confirmation.contains(focused))).to.equal(true);
      await expect(widget.el).to.be.accessible();
      expect(localStorage.getItem(widget.draftKey)).to.equal(null);
      expect(await outbox.pending(widget.outboxOwner)).to.have.length(0);
    });

    it('is accessible while sending, and a double tap sends once', async () => {
      const { posts, release } = holdPosts();
      const widget = await harness.open();
      await widget.fill();
      for (let i = 0; i < 4; i++) widget.send();
      await until(() => widget.sendButton()?.getAttribute('aria-disabled') === 'true', 5_000, 'sending');
      expect(widget.sendButton()!.textContent!.trim()).to.equal('جارٍ الإرسال…');
      await harness.whileSending?.(widget);
      await expect(widget.el).to.be.accessible();
      release();
      await until(() => widget.confirmation(), 10_000, 'delivered');
      expect(posts()).to.equal(1);
    });

    it('lets the host page send it itself through a cancelable sila-submit: nothing sent, nothing queued', async () => {
      let posts = 0;
      configure({ fetch: (input, init) => (isPost(init) && posts++, fetch(input, init)) });
      const widget = await harness.open();
      await widget.fill();
      widget.el.addEventListener('sila-submit', (event) => event.preventDefault(), { once: true });
      const captured = oneEvent(widget.el, 'sila-submit') as Promise<SilaSubmitEvent<unknown>>;
      widget.send();
      const event = await captured;
      expect(event.defaultPrevented).to.equal(true);
      expect(event.detail.kind).to.equal(harness.kind);
      expect(event.detail.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
      // The widget returns right after a cancelled sila-submit: nothing is queued to go later.
      await widget.el.updateComplete;
      expect(posts).to.equal(0);
      expect(await outbox.pending(widget.outboxOwner)).to.have.length(0);
      expect(widget.confirmation()).to.equal(null);
    });

    it('reuses one Idempotency-Key across retries, so a lost answer never makes a duplicate', async () => {
      const keys: string[] = [];
      configure({
        retries: 3,
        fetch: async (input, init) => {
          if (!isPost(init)) return fetch(input, init);
          keys.push(keyOf(init));
          if (keys.length === 1) return offline(); // the connection dropped
          if (keys.length === 2) {
            await fetch(input, init); // the server commits, then the answer is lost
            return offline();
          }
          return fetch(input, init);
        },
      });
      const widget = await harness.open();
      await widget.fill();
      const submitted = oneEvent(widget.el, 'sila-submitted');
      widget.send();
      await submitted;
      // The third attempt got the stored answer of the second: the same single record.
      expect(keys).to.have.length(3);
      expect(new Set(keys).size).to.equal(1);
      await until(() => widget.confirmation(), 5_000, 'confirmation');
    });

    it('keeps what it cannot deliver with the draft’s key, says so, and sends it once when back online', async () => {
      const { posts, reconnect } = offlineUntilReconnected();
      const widget = await harness.open();
      await widget.fill();
      const failed = oneEvent(widget.el, 'sila-error');
      widget.send();
      expect((await failed).detail.queued).to.equal(true);
      await until(() => shadow(widget.el).getElementById('status-message'), 5_000, 'queued message');
      const status = shadow(widget.el).getElementById('status-message')!;
      expect(status.textContent).to.contain('بانتظار الإرسال');
      expect(status.textContent).to.contain('غير متصل');
      expect(shadow(widget.el).querySelector('[role=status]')!.textContent).to.contain('غير متصل');
      await until(() => shadow(widget.el).activeElement === status, 5_000, 'focus on the message');
      harness.expectAnswersKept(widget);
      await expect(widget.el).to.be.accessible();
      const [waiting, ...more] = await outbox.pending(widget.outboxOwner);
      expect(more).to.have.length(0);
      expect(payloadOf(waiting!.body).client!.fillMs).to.be.greaterThan(50_000);
      // The key is kept with the draft, so a reload would send the same submission again.
      const draft = JSON.parse(localStorage.getItem(widget.draftKey)!);
      expect(draft.idempotencyKey).to.equal(waiting!.idempotencyKey);

      reconnect();
      window.dispatchEvent(new Event('online'));
      await until(() => widget.confirmation(), 10_000, 'delivered');
      expect(posts.map((post) => post.key)).to.deep.equal([waiting!.idempotencyKey, waiting!.idempotencyKey]);
      expect(await outbox.pending(widget.outboxOwner)).to.have.length(0);
      expect(localStorage.getItem(widget.draftKey)).to.equal(null);
    });

    it('delivers a waiting submission once when the page is opened again, with the same key', async () => {
      const { posts, reconnect } = offlineUntilReconnected();
      const widget = await sentAndWaiting(harness);
      expect(await outbox.pending(widget.outboxOwner)).to.have.length(1);
      widget.el.remove();

      // The page is opened again once the connection is back: sent once, same key.
      reconnect();
      const again = await widget.reopen();
      await until(() => again.confirmation(), 10_000, 'delivered');
      expect(posts).to.have.length(2);
      expect(posts[1]!.key).to.equal(posts[0]!.key);
      expect(await outbox.pending(widget.outboxOwner)).to.have.length(0);
    });

    it('while the page stays open, a waiting submission goes out by itself once Retry-After has passed, once', async () => {
      const keys: string[] = [];
      const tooMany = JSON.stringify({
        type: 'about:blank',
        title: 'Too Many Requests',
        status: 429,
        code: 'rate_limited',
      });
      configure({
        retries: 0,
        fetch: (input, init) => {
          if (!isPost(init)) return fetch(input, init);
          keys.push(keyOf(init));
          if (keys.length > 1) return fetch(input, init);
          // Retry-After is what is under test: the widget waits the second it was told.
          const headers = { 'Content-Type': 'application/problem+json', 'Retry-After': '1' };
          return Promise.resolve(new Response(tooMany, { status: 429, headers }));
        },
      });
      const widget = await sentAndWaiting(harness);
      expect(widget.confirmation()).to.equal(null);
      // No click, no `online` event: the widget tries again on its own after the second.
      await until(() => widget.confirmation(), 10_000, 'delivered by itself');
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect(await outbox.pending(widget.outboxOwner)).to.have.length(0);
    });

    it('pressing Send while waiting resends the waiting body unchanged; starting over drops it', async () => {
      // Offline: no timed retry, only the person's press sends again.
      const { posts, reconnect } = offlineUntilReconnected();
      const widget = await sentAndWaiting(harness);
      // The fill time is measured in milliseconds: let one pass, so a body built again would differ.
      const queuedAt = Date.now();
      await until(() => Date.now() > queuedAt, 1_000, 'the fill time to move on');
      const failedAgain = oneEvent(widget.el, 'sila-error');
      widget.send();
      expect((await failedAgain).detail.queued).to.equal(true);
      expect(posts).to.have.length(2);
      expect(posts[1]!.body).to.equal(posts[0]!.body);
      harness.startOver(widget);
      await until(async () => (await outbox.pending(widget.outboxOwner)).length === 0, 5_000, 'outbox emptied');
      await widget.el.updateComplete;
      expect(shadow(widget.el).getElementById('status-message')).to.equal(null);
      reconnect();
    });

    it('never shows a problem answer’s title, detail or messages, only its own words for the codes', async () => {
      rewriteAnswers((json, call) => {
        if (call.status === 422) poisonProblem(json);
        return json;
      });
      const widget = await harness.refused.open();
      await widget.fill();
      const failed = oneEvent(widget.el, 'sila-error');
      widget.send();
      const { detail } = await failed;
      expect(detail.error.status).to.equal(422);
      expect(detail.queued).to.equal(false);
      await widget.el.updateComplete;
      harness.refused.expectOwnWords(widget);
      expect(shadow(widget.el).textContent).not.to.contain('PROBLEM-');
      await expectNothingInjected(widget.el);
      await expect(widget.el).to.be.accessible();
    });

    it('shows the server’s texts as text: the form-config and the answer never become markup or run', async () => {
      const hostile = harness.hostileConfig;
      rewriteAnswers((json, call) => {
        if (hostile && call.url.endsWith('/v1/form-config')) {
          json.association.name.ar = `جمعية ${HOSTILE_MARKUP}`;
          json.association.privacyNotice.ar = `إشعار ${HOSTILE_MARKUP}`;
          json.association.privacyNoticeUrl = 'javascript:window.silaPwned=3';
          hostile.poison(json);
        }
        if (call.method === 'POST' && call.status === 201) {
          if (json.reference) json.reference = `${json.reference}${HOSTILE_MARKUP}`;
          if (json.id) json.id = `${HOSTILE_MARKUP} ANSWER-ID`;
        }
        return json;
      });
      const widget = await harness.open(hostile ? { ready: hostile.ready } : {});
      if (hostile) {
        const privacy = shadow(widget.el).querySelector('.privacy')!;
        expect(privacy.textContent).to.contain(`إشعار ${HOSTILE_MARKUP}`);
        // A javascript: URL is not a privacy notice: no link that would run it.
        const link = privacy.querySelector<HTMLAnchorElement>('a');
        expect(link === null || !/^\s*javascript:/i.test(link.getAttribute('href') ?? '')).to.equal(true);
        await hostile.expectShownAsText(widget);
      }
      await expectNothingInjected(widget.el);
      await widget.fill();
      const submitted = oneEvent(widget.el, 'sila-submitted');
      widget.send();
      await submitted;
      await until(() => widget.confirmation(), 5_000, 'confirmation');
      harness.expectAnswerAsText(widget);
      expect(shadow(widget.el).textContent).not.to.contain('ANSWER-ID');
      await expectNothingInjected(widget.el);
      await expect(widget.el).to.be.accessible();
    });
  });
}
