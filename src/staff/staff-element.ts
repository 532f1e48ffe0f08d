/**
 * The base of the console's elements: follows the page's language (one active locale per
 * page, src/core/i18n.ts), carries the direction on the host, shares the widgets' design
 * tokens and form styles, and receives the view context from the shell.
 */
import { LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { directionOf, getLocale } from '../core/i18n.js';
import { tokens } from '../styles/tokens.styles.js';
import { formStyles } from '../styles/form.styles.js';
import { staffStyles } from './styles.js';
import type { ViewContext } from './views.js';

export abstract class StaffElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, formStyles, staffStyles];

  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this as unknown as CustomElementConstructor);
  }

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.setAttribute('dir', directionOf(getLocale()));
  }
}

/** A view the shell opens (see views.ts). */
export abstract class StaffView extends StaffElement {
  @property({ attribute: false }) context?: ViewContext;

  /** The shell calls this after opening the view: focus goes to its heading. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}
