import { css } from 'lit';

/** Only what is particular to the status lookup; the rest is the shared form styles. */
export const statusLookupStyles = css`
  .outcome:not(:empty) {
    margin-block-start: calc(var(--_space) * 1.25);
  }

  .nowrap {
    white-space: nowrap;
  }

  .privacy {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .failure {
    display: grid;
    gap: 0.5rem;
  }

  .failure h3,
  .result h4 {
    font-size: 1.0625em;
  }

  .result {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.25);
    background: var(--_surface);
    border: 2px solid color-mix(in srgb, var(--_border) 50%, transparent);
    border-radius: var(--_radius);
  }

  .result h4 {
    margin: 0;
  }

  .result-title {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }

  .ref {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.04em;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .current {
    display: grid;
    gap: 0.375rem;
  }

  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    font-weight: 600;
  }

  /* The badge is text with a border: readable without colour and in forced colours. */
  .badge,
  .overdue {
    --_tone: var(--_accent);
    display: inline-block;
    padding: 0.125rem 0.75rem;
    font-weight: 700;
    color: var(--_tone);
    background: color-mix(in srgb, var(--_tone) 8%, var(--_surface));
    border: 2px solid var(--_tone);
    border-radius: 999px;
  }

  .badge.action,
  .overdue {
    --_tone: var(--_error);
  }

  .badge.positive {
    --_tone: var(--_success);
  }

  .badge.ended {
    --_tone: var(--_muted);
  }

  .overdue {
    margin-inline-start: 0.5rem;
    font-size: 0.875em;
  }

  .notice.action {
    display: grid;
    gap: 0.375rem;
    border-inline-start-color: var(--_error);
  }

  .note {
    overflow-wrap: anywhere;
  }

  /* Staff type line breaks; keep them (text only, never markup). */
  p.note,
  .note > p {
    margin: 0;
    white-space: pre-line;
  }

  .facts {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }

  .fact {
    display: grid;
    grid-template-columns: minmax(8rem, 12rem) 1fr;
    gap: 0.25rem 1rem;
  }

  .fact dt {
    font-weight: 600;
  }

  .fact dd {
    margin: 0;
  }

  .hijri {
    color: var(--_muted);
  }

  .history {
    display: grid;
    gap: 0.5rem;
  }

  .timeline {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .event {
    display: grid;
    gap: 0.125rem;
    padding-inline-start: 1rem;
    border-inline-start: 3px solid color-mix(in srgb, var(--_accent) 45%, transparent);
  }

  .event:last-child {
    border-inline-start-color: var(--_accent);
  }

  .event-status {
    font-weight: 700;
  }

  .event time {
    font-size: 0.9375em;
    color: var(--_muted);
  }

  .event .note {
    margin-block-start: 0.25rem;
    padding: 0.5rem 0.75rem;
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) * 0.5);
  }

  .rating {
    display: grid;
    gap: 0.5rem;
    padding-block-start: var(--_space);
    border-block-start: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
  }

  /* The answer to "information needed": under the question, its own form. */
  .reply {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
    border-radius: var(--_radius);
  }

  .reply h4 {
    margin: 0;
  }

  .notice.success {
    border-inline-start-color: var(--_success);
  }

  .contact {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0 0;
  }

  .contact a {
    color: var(--_accent);
    overflow-wrap: anywhere;
  }

  /* "Forgot your reference number?": closed until asked for. */
  .reminder {
    margin-block-start: var(--_space);
  }

  .reminder > summary {
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
    min-block-size: 44px;
    display: list-item;
    padding-block: 0.5rem;
  }

  .reminder form,
  .reminder .notice {
    display: grid;
    gap: var(--_space);
    margin-block-start: 0.5rem;
  }

  .reminder form > p {
    margin: 0;
  }

  @media (max-width: 30rem) {
    .fact {
      grid-template-columns: 1fr;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .overdue {
      border-color: CanvasText;
    }
  }
`;
