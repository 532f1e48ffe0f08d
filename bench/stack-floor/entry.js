// The smallest use of the stack every Sila widget needs (lit, @lit/localize, zod/mini):
// one element, one localized string, one schema parse. Its size is the part of any
// budget that no Sila code can win back.
import { LitElement, css, html } from 'lit';
import { configureLocalization, msg } from '@lit/localize';
import * as z from 'zod/mini';

const schema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  email: z.optional(z.string().check(z.regex(/@/))),
  kind: z.enum(['complaint', 'suggestion']),
});

configureLocalization({ sourceLocale: 'en', targetLocales: ['ar'], loadLocale: async () => ({ templates: {} }) });

class StackFloor extends LitElement {
  static styles = css`:host { display: block; }`;
  render() {
    return html`<p>${msg('Hello')} ${schema.safeParse({}).success}</p>`;
  }
}
customElements.define('stack-floor', StackFloor);
