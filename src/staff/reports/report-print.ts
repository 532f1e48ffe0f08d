/**
 * The printed report. The console lives in shadow roots (the shell's navigation, the
 * view), which a print stylesheet cannot reach into, so the reports view puts this
 * element straight in <body> while it is open: on screen it is laid out at A4 text width
 * but invisible (charts draw at the right size, screen readers skip it); on paper it is
 * all that prints. The browser's "Save as PDF" is the PDF.
 *
 * @page rules only work in a document-level stylesheet; it is a constructed sheet (the
 * console's CSP allows no inline <style>), adopted while a report is open.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { FormConfig } from '../../contract/form-config.js';
import type { Report } from '../../contract/reports.js';
import { directionOf, getLocale } from '../../core/i18n.js';
import { formStyles } from '../../styles/form.styles.js';
import { tokens } from '../../styles/tokens.styles.js';
import { renderReport } from './report-sections.js';
import { reportStyles } from './report.styles.js';

function pageSheet(): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  // "Page 2 of 5" in the page's bottom margin, in the report's language.
  const page = msg('Page');
  const of = msg('of');
  sheet.replaceSync(`
    @page {
      size: A4;
      margin: 16mm 14mm 18mm;
      @bottom-center { content: "${page} " counter(page) " ${of} " counter(pages); font-size: 9pt; color: #4b5563; }
    }
    sila-report-print {
      position: fixed; inset-block-start: 0; inset-inline-start: 0; inline-size: 182mm;
      max-block-size: 0; overflow: hidden; visibility: hidden; pointer-events: none; z-index: -1;
    }
    @media print {
      body > :not(sila-report-print) { display: none !important; }
      html, body { background: #fff !important; margin: 0 !important; padding: 0 !important; }
      sila-report-print {
        position: static; inline-size: auto; max-block-size: none; overflow: visible; visibility: visible; z-index: auto;
      }
    }`);
  return sheet;
}

export class ReportPrint extends LitElement {
  static override styles = [
    tokens,
    formStyles,
    reportStyles,
    // One chart height on screen (where the charts are drawn) and on paper.
    css`
      :host {
        --sila-report-chart-height: 6cm;
      }
    `,
  ];

  static define(tag = 'sila-report-print'): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  @property({ attribute: false }) report?: Report;
  @property({ attribute: false }) config?: FormConfig;

  private sheet?: CSSStyleSheet;

  constructor() {
    super();
    // The report and its page numbers follow the console's language when it is switched.
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('aria-hidden', 'true');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.adopt(undefined);
  }

  private adopt(sheet: CSSStyleSheet | undefined): void {
    const others = document.adoptedStyleSheets.filter((item) => item !== this.sheet);
    this.sheet = sheet;
    document.adoptedStyleSheets = sheet ? [...others, sheet] : others;
  }

  protected override willUpdate(): void {
    const locale = getLocale();
    this.setAttribute('lang', locale);
    this.setAttribute('dir', directionOf(locale));
    // The page-number words follow the language: a new sheet when it changes.
    this.adopt(pageSheet());
  }

  override render() {
    if (!this.report) return nothing;
    return html`<article class="report">${renderReport(this.report, { config: this.config, still: true })}</article>`;
  }
}

ReportPrint.define();

declare global {
  interface HTMLElementTagNameMap {
    'sila-report-print': ReportPrint;
  }
}
