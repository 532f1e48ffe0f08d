import { css } from 'lit';

/**
 * What every widget shares, the rating included: the form box, text, errors, focus,
 * buttons, notices, panels and visually hidden text. Forms add fieldStyles and the
 * rest of formStyles; the rating adopts only this and what it draws itself (fewer
 * rules to match in each of fifty shadow roots).
 */
export const baseStyles = css`
  .form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
    padding: var(--_space);
    background: var(--_surface);
    border: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: var(--_radius);
  }

  h2,
  h3,
  p,
  fieldset,
  legend {
    margin: 0;
    padding: 0;
  }

  .title {
    font-size: 1.375em;
    line-height: 1.3;
    font-weight: 700;
  }

  .lead,
  .hint {
    color: var(--_muted);
  }

  .hint {
    font-size: 0.9375em;
  }

  .error {
    display: flex;
    gap: 0.375rem;
    align-items: baseline;
    color: var(--_error);
    font-weight: 600;
  }

  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  a:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  h2[tabindex='-1']:focus,
  h3[tabindex='-1']:focus,
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }

  button,
  a.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    margin: 0;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 700;
    line-height: 1.3;
    text-transform: none;
    letter-spacing: normal;
    border: 2px solid transparent;
    border-radius: calc(var(--_radius) * 0.75);
    cursor: pointer;
    box-shadow: none;
  }

  button.primary,
  a.button.primary {
    color: var(--_on-accent);
    background: var(--_accent);
  }

  button.secondary {
    color: var(--_accent);
    background: transparent;
    border-color: currentColor;
  }

  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }

  .notice {
    padding: 0.75rem var(--_space);
    background: var(--_surface-alt);
    border-inline-start: 4px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.5);
  }

  .notice.warning {
    border-inline-start-color: var(--_error);
  }

  .panel {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.25);
    border-radius: var(--_radius);
    border: 2px solid var(--_success);
    background: var(--_surface);
  }

  .visually-hidden,
  .honeypot {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    button.primary,
    a.button.primary {
      border-color: ButtonText;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    button,
    a.button {
      transition: filter 120ms ease;
    }
    button.primary:hover,
    a.button.primary:hover {
      filter: brightness(1.1);
    }
  }
`;
