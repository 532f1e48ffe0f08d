/**
 * <sila-report-chart>: one bar or line chart of the report, drawn by Chart.js (only the
 * parts used are registered, so the reports chunk carries no more of it). Right to left
 * in Arabic: the value axis on the right, time running from right to left, legends and
 * tooltips RTL. The canvas is an image with a short label; the figures themselves are in
 * the table the report puts beside every chart (screen readers, print).
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/** Colours that keep 3:1 against white and differ for the common colour-vision deficiencies. */
const COLOURS = ['#0f766e', '#b45309', '#1d4ed8', '#9d174d', '#4d7c0f', '#6d28d9'];

export class ReportChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      /* The canvas keeps its drawn width until Chart.js resizes it: never wider than the column. */
      overflow: hidden;
      min-inline-size: 0;
      inline-size: 100%;
      block-size: var(--sila-report-chart-height, 14rem);
    }
    /* Chart.js watches the canvas's parent for size changes: an element, not the shadow root. */
    .box {
      position: relative;
      inline-size: 100%;
      block-size: 100%;
    }
    canvas {
      display: block;
    }
  `;

  static define(tag = 'sila-report-chart'): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  @property() type: 'bar' | 'line' = 'bar';
  /** Horizontal bars (categories with long names). */
  @property({ type: Boolean }) horizontal = false;
  @property({ attribute: false }) labels: string[] = [];
  @property({ attribute: false }) series: ChartSeries[] = [];
  /** What the chart shows, for assistive technology (the table beside it has the numbers). */
  @property() summary = '';
  /** Locale of numbers and direction: 'ar' draws right to left. */
  @property() locale: 'ar' | 'en' = 'ar';
  /** No animation (print, screenshots). */
  @property({ type: Boolean }) still = false;

  @query('canvas') private canvas!: HTMLCanvasElement;
  private chart?: Chart;

  override render() {
    return html`<div class="box"><canvas role="img" aria-label=${this.summary}></canvas></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, this.configuration());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  private configuration(): ChartConfiguration {
    const rtl = this.locale === 'ar';
    const style = getComputedStyle(this);
    const font = { family: style.fontFamily, size: 12 };
    const numbers = new Intl.NumberFormat(rtl ? 'ar-SA-u-nu-latn' : 'en', { maximumFractionDigits: 1 });
    const valueAxis = {
      beginAtZero: true,
      position: (this.horizontal ? 'bottom' : rtl ? 'right' : 'left') as 'bottom' | 'right' | 'left',
      reverse: this.horizontal && rtl,
      ticks: {
        font,
        color: '#374151',
        precision: 0,
        callback: (value: number | string) => numbers.format(Number(value)),
      },
      grid: { color: '#e5e7eb' },
    };
    const categoryAxis = {
      position: (this.horizontal ? (rtl ? 'right' : 'left') : 'bottom') as 'bottom' | 'right' | 'left',
      reverse: !this.horizontal && rtl,
      ticks: { font, color: '#374151', autoSkip: true, maxRotation: 0 },
      grid: { display: false },
    };
    return {
      type: this.type,
      data: {
        labels: this.labels,
        datasets: this.series.map((series, index) => ({
          label: series.label,
          data: series.values,
          backgroundColor: COLOURS[index % COLOURS.length],
          borderColor: COLOURS[index % COLOURS.length],
          borderWidth: this.type === 'line' ? 2 : 0,
          pointRadius: this.type === 'line' ? 2 : 0,
          spanGaps: true,
        })),
      },
      options: {
        indexAxis: this.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: this.still ? false : { duration: 300 },
        // Printed charts: twice the screen resolution, so paper and PDF stay sharp.
        ...(this.still ? { devicePixelRatio: 2 } : {}),
        locale: rtl ? 'ar-SA-u-nu-latn' : 'en',
        scales: this.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: {
            display: this.series.length > 1,
            rtl,
            textDirection: rtl ? 'rtl' : 'ltr',
            labels: { font, color: '#1f2937' },
          },
          tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr', bodyFont: font, titleFont: font },
        },
      },
    };
  }
}

ReportChart.define();

declare global {
  interface HTMLElementTagNameMap {
    'sila-report-chart': ReportChart;
  }
}
