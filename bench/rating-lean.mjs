#!/usr/bin/env node
// The 50-ratings page with two or more builds of sila-rating.iife.js side by side (issue #23's
// lean rating): ready time at 4× CPU (interleaved runs, median of per-round ratios), layouts
// and style recalculations, DOM nodes per rating and CSS rules adopted per rating. Each build
// also runs with `container-type` switched off (the bundle's text edited), to measure it
// (builds since the rating lost its container queries have none: NOCQ=0 for those).
//
//   node bench/rating-lean.mjs before=/tmp/before/dist/sila-rating.iife.js after=dist/sila-rating.iife.js
//   RUNS=15 CPU=4 node bench/rating-lean.mjs …
//   NOCQ=0 …   leaves out the runs without container-type
//   TASKS=1 …  instead: the task of the 50 first renders (the one that can be a long task),
//              from a Chromium trace of each load: its wall ms and its main-thread CPU ms.
//              The CPU ms hardly depend on what else the machine runs; wall ms do.
//
// Prints a markdown table. Chromium from /usr/bin/chromium (bench/browser.mjs).
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { serveScratch } from './scratch-server.mjs';
import { expandRepeats } from './repeat-markup.mjs';
import { writeFormConfig } from './form-config.mjs';
import { BENCH } from './paths.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const CPU = Number(process.env.CPU ?? 4);
const NOCQ = process.env.NOCQ !== '0';
const builds = process.argv.slice(2).map((arg) => {
  const [name, file] = arg.split('=');
  return { name, file };
});
if (builds.length === 0) throw new Error('usage: node bench/rating-lean.mjs name=path/to/sila-rating.iife.js …');

const dir = mkdtempSync(join(tmpdir(), 'rating-lean-'));
// PAGE=form: the complaint form + rating page instead (give it builds of sila.ar.iife.js).
const PAGE = process.env.PAGE === 'form' ? 'form' : 'ratings';
const page = expandRepeats(readFileSync(join(BENCH, `variants/sila/${PAGE}.html`), 'utf8'));
writeFormConfig(join(dir, 'form-config.json'));
const variants = [];
for (const { name, file } of builds) {
  const code = readFileSync(file, 'utf8');
  const kinds = [['', code]];
  if (NOCQ)
    kinds.push([' (no container-type)', code.replaceAll('container-type:inline-size', 'container-type:normal')]);
  for (const [suffix, text] of kinds) {
    const slug = `${name}${suffix ? '-nocq' : ''}`;
    mkdirSync(join(dir, slug));
    writeFileSync(join(dir, slug, 'rating.js'), text);
    writeFileSync(
      join(dir, slug, 'index.html'),
      page.replace(/\/sila-dist\/(RATING|FORM)_BUNDLE/, `/${slug}/rating.js`),
    );
    variants.push({ label: `${name}${suffix}`, slug });
  }
}

const server = await serveScratch(dir);
const { origin } = server;
const browser = await launchBrowser();

/** Nodes of one rating's shadow root by kind, and the CSS rules its root adopted. */
function anatomy() {
  const host = document.querySelector('sila-rating');
  const root = host.shadowRoot;
  const count = { elements: 0, text: 0, blankText: 0, comments: 0 };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 1) count.elements += 1;
      else if (child.nodeType === 3) count[child.data.trim() ? 'text' : 'blankText'] += 1;
      else if (child.nodeType === 8) count.comments += 1;
      walk(child);
    }
  };
  walk(root);
  const rulesIn = (list) => [...list].reduce((sum, rule) => sum + 1 + (rule.cssRules ? rulesIn(rule.cssRules) : 0), 0);
  const sheets = root.adoptedStyleSheets.length
    ? root.adoptedStyleSheets
    : [...root.querySelectorAll('style')].map((s) => s.sheet);
  const topRules = sheets.reduce((sum, sheet) => sum + sheet.cssRules.length, 0);
  const allRules = sheets.reduce((sum, sheet) => sum + rulesIn(sheet.cssRules), 0);
  return { ...count, nodes: count.elements + count.text + count.blankText + count.comments, topRules, allRules };
}

async function measure(variant, cpu) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  // Long tasks (over 50 ms) until ready, as the bench counts them.
  await tab.addInitScript(() => {
    window.__longTasks = 0;
    new PerformanceObserver((list) => (window.__longTasks += list.getEntries().length)).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await tab.goto(`${origin}/${variant.slug}/`, { waitUntil: 'load' });
    const ready = await (await tab.waitForFunction(() => window.__benchReady, null, { timeout: 30_000 })).jsonValue();
    await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((entry) => entry.name === name)?.value ?? NaN;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return {
      ready,
      longTasks: await tab.evaluate(() => window.__longTasks),
      layouts: metric('LayoutCount'),
      layoutMs: metric('LayoutDuration') * 1000,
      recalcs: metric('RecalcStyleCount'),
      recalcMs: metric('RecalcStyleDuration') * 1000,
      anatomy: await tab.evaluate(anatomy),
    };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The task that ran the widgets' first renders (the one holding the timer the widgets'
 * first renders wait for, sila-element.ts): wall ms and main-thread CPU ms, from a trace.
 */
async function firstRenderTask(variant, cpu) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const events = [];
    cdp.on('Tracing.dataCollected', (event) => events.push(...event.value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline' });
    await tab.goto(`${origin}/${variant.slug}/`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.__benchReady, null, { timeout: 30_000 });
    await cdp.send('Tracing.end');
    await complete;
    const timers = events.filter((event) => event.name === 'TimerFire');
    const holds = (task) =>
      timers.some((t) => t.pid === task.pid && t.tid === task.tid && t.ts >= task.ts && t.ts <= task.ts + task.dur);
    // The longest task with a timer in it: the start-up's own timers are short.
    const [task] = events
      .filter((event) => event.name === 'RunTask' && event.ph === 'X' && holds(event))
      .sort((a, b) => b.dur - a.dur);
    return { wallMs: task.dur / 1000, cpuMs: (task.tdur ?? NaN) / 1000 };
  } finally {
    await context.close();
  }
}

if (process.env.TASKS === '1') {
  const tasks = Object.fromEntries(variants.map((variant) => [variant.slug, []]));
  for (let round = 0; round <= RUNS; round += 1) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const variant of order) {
      const result = await firstRenderTask(variant, CPU);
      if (round > 0) tasks[variant.slug].push(result);
    }
    process.stderr.write(`round ${round}/${RUNS}\n`);
  }
  await browser.close();
  server.close();
  console.log(`The task of the 50 first renders, ${CPU}× CPU, ${RUNS} interleaved runs (medians, [min–max])\n`);
  console.log('| build | wall ms | main-thread CPU ms |');
  console.log('| --- | --- | --- |');
  for (const variant of variants) {
    const runs = tasks[variant.slug];
    const cell = (key) => {
      const values = runs.map((run) => run[key]);
      return `${median(values).toFixed(1)} [${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}]`;
    };
    console.log(`| ${variant.label} | ${cell('wallMs')} | ${cell('cpuMs')} |`);
  }
  process.exit(0);
}

const samples = Object.fromEntries(variants.map((variant) => [variant.slug, []]));
for (let round = 0; round <= RUNS; round += 1) {
  const order = variants.map((_, i) => variants[(i + round) % variants.length]);
  for (const variant of order) {
    const result = await measure(variant, CPU);
    if (round > 0) samples[variant.slug].push(result); // round 0 warms caches
  }
  process.stderr.write(`round ${round}/${RUNS}\n`);
}
await browser.close();
server.close();

const base = variants[0].slug;
const rows = variants.map((variant) => {
  const runs = samples[variant.slug];
  const ratio = median(runs.map((run, i) => run.ready / samples[base][i].ready));
  const a = runs[0].anatomy;
  return `| ${variant.label} | ${median(runs.map((r) => r.ready)).toFixed(0)} | ${ratio.toFixed(2)}× | ${median(runs.map((r) => r.longTasks))} / ${Math.max(...runs.map((r) => r.longTasks))} | ${median(runs.map((r) => r.layouts))} | ${median(runs.map((r) => r.layoutMs)).toFixed(0)} | ${median(runs.map((r) => r.recalcs))} | ${median(runs.map((r) => r.recalcMs)).toFixed(0)} | ${a.nodes} (${a.elements} el, ${a.text} text, ${a.blankText} blank, ${a.comments} comments) | ${a.topRules} / ${a.allRules} |`;
});
console.log(
  `${PAGE === 'form' ? 'Complaint form + rating' : '50 ratings'}, ${CPU}× CPU, ${RUNS} interleaved runs (medians; ratio = median of per-round ratios to ${variants[0].label})\n`,
);
console.log(
  '| build | ready ms | × first | long tasks (median / worst) | layouts | layout ms | style recalcs | recalc ms | nodes per rating | CSS rules per rating (top / all) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
