/**
 * Moves focus after the next render: to a heading on a step change, to the error
 * summary after a failed submit, to a message after a send. Every widget needs the same
 * rules, so they live here.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { fieldId } from '../fields/field-parts.js';

export class FocusController implements ReactiveController {
  private pending?: string;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  private get root(): ShadowRoot {
    return this.host.renderRoot as ShadowRoot;
  }

  /** Focuses the element with this id (or the field with this name) after the next render. */
  focusSoon(idOrField: string): void {
    this.pending = idOrField;
    this.host.requestUpdate();
  }

  /** Focuses a field by its payload path; a radio group focuses its checked (or first) radio. */
  focusField(name: string): boolean {
    const byName = `[name="${CSS.escape(name)}"]`;
    const target =
      this.root.getElementById(fieldId(name)) ??
      this.root.querySelector<HTMLElement>(`${byName}:checked`) ??
      this.root.querySelector<HTMLElement>(byName);
    const focusable =
      target?.tagName === 'FIELDSET' ? target.querySelector<HTMLElement>('input:checked, input') : target;
    if (!focusable) return false;
    focusable.focus();
    focusable.scrollIntoView?.({ block: 'center' });
    return true;
  }

  hostUpdated(): void {
    const id = this.pending;
    if (!id) return;
    const target = this.root.getElementById(id);
    if (target && target.tagName !== 'INPUT' && target.tagName !== 'FIELDSET') {
      this.pending = undefined;
      target.focus();
      target.scrollIntoView?.({ block: 'start' });
    } else if (this.focusField(id.startsWith('f-') ? id.slice(2) : id)) {
      this.pending = undefined;
    }
    // Otherwise the target is not rendered yet (an async answer is still coming): keep it.
  }
}
