/**
 * Ways to keep a confirmation once the panel is gone (a reload, a closed tab): a print
 * view (the browser's "Save as PDF" is one of its printers) and a small text file. Only
 * what the confirmation showed: the reference, the follow-up code of an anonymous sender,
 * the dates and how to follow up; never the mobile or anything else typed in the form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { directionOf, getLocale } from './i18n.js';

export interface KeptConfirmation {
  /** "We received your request", as the panel's heading says it. */
  title: string;
  reference: string;
  /** The follow-up code of an anonymous sender. */
  followUpCode?: string;
  /** Lines as the panel shows them: dates, what happens next, how to follow up. */
  lines: string[];
  /** The follow-up page with ?ref=, when the site has one. */
  followUrl?: string;
}

function keptLines(kept: KeptConfirmation): string[] {
  return [
    kept.title,
    '',
    `${msg('Reference number')}: ${kept.reference}`,
    ...(kept.followUpCode ? [`${msg('Follow-up code')}: ${kept.followUpCode}`] : []),
    '',
    ...kept.lines,
    ...(kept.followUrl ? ['', `${msg('Follow-up page')}: ${kept.followUrl}`] : []),
  ];
}

/** The confirmation as plain text (a file people can open on any phone). */
export function confirmationText(kept: KeptConfirmation): string {
  // A BOM and CRLF: Notepad and phone viewers open Arabic text right.
  return `\ufeff${keptLines(kept).join('\r\n')}\r\n`;
}

/** The file name: the reference, never a name or a number of the person's. */
export function confirmationFileName(reference: string): string {
  return `${reference.replace(/[^A-Za-z0-9-]/g, '')}.txt`;
}

export function downloadConfirmation(kept: KeptConfirmation): void {
  const url = URL.createObjectURL(new Blob([confirmationText(kept)], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = confirmationFileName(kept.reference);
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The print view's document: the confirmation alone, large reference, in the page's language. */
export function printDocument(kept: KeptConfirmation): string {
  const locale = getLocale();
  const [title, , ...rest] = keptLines(kept);
  const body = rest.map((line) => (line ? `<p>${escape(line)}</p>` : '')).join('');
  return `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><title>${escape(kept.reference)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;margin:2cm;color:#000}h1{font-size:22px}
p:first-of-type{font-size:22px;font-weight:700;unicode-bidi:plaintext}</style></head>
<body><h1>${escape(title ?? '')}</h1>${body}</body></html>`;
}

/**
 * Prints the confirmation alone from a hidden frame: the page around the widget is not
 * printed, and "Save as PDF" gives a file to keep.
 */
export function printConfirmation(kept: KeptConfirmation): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;inset-inline-start:-10000px;width:1px;height:1px;border:0';
  frame.srcdoc = printDocument(kept);
  frame.addEventListener('load', () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  });
  document.body.append(frame);
}

/** "Print or save as PDF" and "Download as a text file", under the reference. */
export function renderKeepActions(kept: KeptConfirmation): TemplateResult | typeof nothing {
  if (typeof document === 'undefined') return nothing;
  return html`<div class="keep" part="keep">
    <p class="hint">${msg('Keep the reference number: you need it to follow up.')}</p>
    <div class="actions">
      <button type="button" class="secondary" part="print" @click=${() => printConfirmation(kept)}>
        ${msg('Print or save as PDF')}
      </button>
      <button type="button" class="secondary" part="download" @click=${() => downloadConfirmation(kept)}>
        ${msg('Download as a text file')}
      </button>
    </div>
  </div>`;
}
