/**
 * Public theming surface: --sila-* custom properties, read once here and mapped to
 * private --_* variables so internal styles can change without breaking themes.
 * Defaults inherit the host page's font. Light by default; theme="dark" or
 * theme="auto" (follows the system) on the element.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--sila-font-family, inherit);
    --_font-size: var(--sila-font-size, 1rem);
    --_accent: var(--sila-color-accent, #0f766e);
    --_on-accent: var(--sila-color-on-accent, #ffffff);
    --_text: var(--sila-color-text, #1f2937);
    --_muted: var(--sila-color-muted, #4b5563);
    --_surface: var(--sila-color-surface, #ffffff);
    --_surface-alt: var(--sila-color-surface-alt, #f3f4f6);
    --_border: var(--sila-color-border, #6b7280);
    --_error: var(--sila-color-error, #b42318);
    --_success: var(--sila-color-success, #067647);
    --_focus: var(--sila-color-focus, #1d4ed8);
    --_radius: var(--sila-radius, 0.5rem);
    --_space: var(--sila-space, 1rem);
    --_max-width: var(--sila-max-width, 42rem);

    display: block;
    box-sizing: border-box;
    max-inline-size: var(--_max-width);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.6;
    color: var(--_text);
    text-align: start;
  }

  :host([hidden]) {
    display: none;
  }

  :host([theme='dark']) {
    --_accent: var(--sila-color-accent, #2dd4bf);
    --_on-accent: var(--sila-color-on-accent, #042f2e);
    --_text: var(--sila-color-text, #f3f4f6);
    --_muted: var(--sila-color-muted, #d1d5db);
    --_surface: var(--sila-color-surface, #111827);
    --_surface-alt: var(--sila-color-surface-alt, #1f2937);
    --_border: var(--sila-color-border, #9ca3af);
    --_error: var(--sila-color-error, #fca5a5);
    --_success: var(--sila-color-success, #86efac);
    --_focus: var(--sila-color-focus, #93c5fd);
    color-scheme: dark;
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_accent: var(--sila-color-accent, #2dd4bf);
      --_on-accent: var(--sila-color-on-accent, #042f2e);
      --_text: var(--sila-color-text, #f3f4f6);
      --_muted: var(--sila-color-muted, #d1d5db);
      --_surface: var(--sila-color-surface, #111827);
      --_surface-alt: var(--sila-color-surface-alt, #1f2937);
      --_border: var(--sila-color-border, #9ca3af);
      --_error: var(--sila-color-error, #fca5a5);
      --_success: var(--sila-color-success, #86efac);
      --_focus: var(--sila-color-focus, #93c5fd);
      color-scheme: dark;
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;
