// Where the milliseconds go: each page of each variant loaded at 4× CPU with Chromium's
// own counters (CDP Performance.getMetrics, read once the page is ready): time in script,
// style recalculation and layout, how many of each, and the DOM size. Medians of a few
// loads; `node bench/trace.mjs` prints it alone (after bench/build-variants.mjs).
import { pathToFileURL } from 'node:url';
import { readyTime } from './measure.mjs';
import { median } from './stats.mjs';
import { PAGES, VARIANTS } from './variants/index.mjs';

const METRICS = {
  ScriptDuration: 'script ms',
  RecalcStyleDuration: 'style ms',
  LayoutDuration: 'layout ms',
  TaskDuration: 'all tasks ms',
  RecalcStyleCount: 'style recalcs',
  LayoutCount: 'layouts',
  Nodes: 'DOM nodes',
};
const SECONDS = new Set(['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration']);

async function metricsOnce(browser, url, ready) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
    await readyTime(page, ready);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = Object.fromEntries(metrics.map(({ name, value: v }) => [name, v]));
    return Object.fromEntries(
      Object.keys(METRICS).map((name) => [name, SECONDS.has(name) ? value[name] * 1000 : value[name]]),
    );
  } finally {
    await context.close();
  }
}

/** page → variant → metric → median over `runs` loads. */
export async function measureTraces(browser, origin, runs = 3) {
  const result = {};
  for (const page of PAGES) {
    result[page] = {};
    for (const variant of VARIANTS) {
      const samples = [];
      for (let i = 0; i < runs; i += 1)
        samples.push(await metricsOnce(browser, `${origin}/${variant.name}/${page}.html`, variant.ready));
      result[page][variant.name] = Object.fromEntries(
        Object.keys(METRICS).map((name) => [name, median(samples.map((s) => s[name]))]),
      );
    }
  }
  return result;
}

export function renderTraces(traces) {
  const head = ['Variant', ...Object.values(METRICS)];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return Object.entries(traces).flatMap(([page, variants]) => [
    `**${page === 'form' ? 'Complaint form + 5-star rating' : '50 ratings'}** (4× CPU, until ready)`,
    '',
    line(head),
    line(head.map(() => '---')),
    ...VARIANTS.map(({ name, label }) =>
      line([label, ...Object.keys(METRICS).map((metric) => Math.round(variants[name][metric]))]),
    ),
    '',
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { startServer } = await import('./server.mjs');
  const { launchBrowser } = await import('./browser.mjs');
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    console.log(renderTraces(await measureTraces(browser, server.origin)).join('\n'));
  } finally {
    await browser.close();
    await server.close();
  }
}
