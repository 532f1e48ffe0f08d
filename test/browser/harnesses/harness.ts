/**
 * What the shared suite (../sending-widget-suite.ts) needs to know of one sending widget:
 * how to put it on the page, fill it as a person would, press Send, and where it shows
 * its confirmation. One small harness per widget (harnesses/complaint-form.ts,
 * request-form.ts, rating.ts), in the manner of Shoelace's runFormControlBaseTests and
 * Material's harness.ts: the suite says what every sending widget does, the harness how
 * this one is driven.
 */
import type { LitElement } from 'lit';

/** One widget on the page, for one test. */
export interface SendingWidget<E extends LitElement = LitElement> {
  readonly el: E;
  /** Whose entries this widget keeps in the outbox (the controller's `owner`). */
  readonly outboxOwner: string;
  /** The localStorage key of its draft. */
  readonly draftKey: string;
  /**
   * Gives valid answers and reaches the Send button, as a person would. The answers
   * differ on each call (another mobile number, another score), so tests never share a
   * record; `verifier` is what the status lookup would ask for, when there is one.
   */
  fill(): Promise<void>;
  /** Presses Send. */
  send(): void;
  sendButton(): HTMLButtonElement | null;
  /** The confirmation the widget shows once the server took the submission, or null. */
  confirmation(): Element | null;
  /** The same page opened again: same draft, same outbox, no new seed. */
  reopen(): Promise<SendingWidget<E>>;
}

export interface SendingWidgetHarness<E extends LitElement = LitElement> {
  /** The element's tag, for the suite's title. */
  readonly tag: string;
  /** The `kind` in its sila-submit and sila-submitted events. */
  readonly kind: 'complaint' | 'request' | 'rating';
  /**
   * A fresh widget whose person started a minute ago (the server's time trap drops
   * faster fills), once it has the server's form-config. `ready` replaces the harness's
   * own sign that the form-config arrived (a test that rewrites it waits for its own).
   */
  open(options?: { ready?: (el: E) => unknown }): Promise<SendingWidget<E>>;
  /**
   * A widget whose valid-looking answers the real server refuses with a 422 (a choice
   * the page offers and the server does not know, a reference without proof), and the
   * check that the widget says so in its own words, where the person can act on it.
   */
  refused: {
    open(): Promise<SendingWidget<E>>;
    expectOwnWords(widget: SendingWidget<E>): void;
  };
  /** How the confirmation shows a 201 whose texts were replaced by markup. */
  expectAnswerAsText(widget: SendingWidget<E>): void;
  /** The widget's own answers are still there after a failed attempt (nothing typed is lost). */
  expectAnswersKept(widget: SendingWidget<E>): void;
  /**
   * "Clear my answers" for the forms, another choice for the rating: what the person
   * does to start over. Whatever was waiting in the outbox is dropped.
   */
  startOver(widget: SendingWidget<E>): void;
  /** Done while the widget is sending (the rating checks a new choice is not taken). */
  whileSending?(widget: SendingWidget<E>): Promise<void>;
  /**
   * Texts of the form-config the widget shows (association, privacy notice, labels),
   * replaced with markup; absent when the widget shows none.
   */
  hostileConfig?: {
    poison(json: any): void;
    /** The poisoned form-config has arrived. */
    ready(el: E): unknown;
    /** They are shown, as text. */
    expectShownAsText(widget: SendingWidget<E>): Promise<void>;
  };
}
