#!/usr/bin/env node
// Measures the built variants (bench/build-variants.mjs first) and writes bench/results.md.
import { writeFileSync } from 'node:fs';
import { cpus, availableParallelism, loadavg, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BENCH } from './paths.mjs';
import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { measureOnce, readyTime } from './measure.mjs';
import { pageWeight } from './sizes.mjs';
import { silaBundles } from './budgets.mjs';
import { measureComposition } from './composition.mjs';
import { summarize } from './stats.mjs';
import { renderReport } from './report.mjs';
import { methodNotes } from './notes.mjs';
import { PAGES, VARIANTS } from './variants/index.mjs';
import { CELLS } from './cells.mjs';
import { measureTraces } from './trace.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
if (!(RUNS >= 1)) throw new Error(`BENCH_RUNS must be a positive number, got ${process.env.BENCH_RUNS}`);

const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);
const elapsed = (start) => `${Math.round((Date.now() - start) / 1000)} s`;

/** One round: every page × cell × variant once; order varies with the round number. */
function roundTasks(round) {
  const blocks = PAGES.flatMap((page) => CELLS.map((cell) => ({ page, cell })));
  const ordered = round % 2 ? blocks.reverse() : blocks;
  return ordered.flatMap(({ page, cell }) => rotate(VARIANTS, round).map((variant) => ({ page, cell, variant })));
}

// Built before any page is timed, so the builds never overlap a measurement.
const composition = await measureComposition();
console.log('bench: composition of the single files measured');
const server = await startServer();
const browser = await launchBrowser();
const started = Date.now();
// Other work on a 2-core machine widens the spread: the report shows the load around the run.
const loadAtStart = loadavg()[0];
const samples = {}; // page → cpu → variant → run results
const errors = new Set();
try {
  const weights = {};
  for (const page of PAGES) {
    weights[page] = {};
    for (const variant of VARIANTS) {
      const url = `${server.origin}/${variant.name}/${page}.html`;
      const weight = await pageWeight(browser, url, server.origin, (tab) => readyTime(tab, variant.ready));
      for (const request of weight.offsite)
        errors.add(`${variant.name}/${page}: request left the bench origin: ${request}`);
      weights[page][variant.name] = weight;
    }
  }
  console.log(`bench: page weights measured (${elapsed(started)})`);

  for (let round = 0; round <= RUNS; round += 1) {
    for (const { page, cell, variant } of roundTasks(round)) {
      const result = await measureOnce(browser, `${server.origin}/${variant.name}/${page}.html`, {
        cpu: cell.cpu,
        network: cell.network,
        ready: variant.ready,
      });
      for (const error of result.errors) errors.add(`${variant.name}/${page} (cell ${cell.key}): ${error}`);
      if (round === 0) continue; // warm-up: the OS file cache and Chromium's code, not the pages
      (((samples[page] ??= {})[cell.key] ??= {})[variant.name] ??= []).push(result);
    }
    console.log(
      round === 0
        ? `bench: warm-up round done (${elapsed(started)})`
        : `bench: round ${round}/${RUNS} done (${elapsed(started)})`,
    );
  }

  // Chromium's own counters (script, style, layout) at 4× CPU: why the times differ.
  const traces = await measureTraces(browser, server.origin);
  console.log(`bench: traces measured (${elapsed(started)})`);

  const speed = Object.fromEntries(
    PAGES.map((page) => [
      page,
      Object.fromEntries(
        CELLS.map(({ key }) => [
          key,
          Object.fromEntries(VARIANTS.map(({ name }) => [name, summarize(samples[page][key][name])])),
        ]),
      ),
    ]),
  );
  const cpu = cpus()[0];
  const machine = {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    nproc: availableParallelism(),
    cpus: cpus().length,
    cpuModel: cpu?.model ?? 'unknown CPU',
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    chromium: browser.version(),
    node: process.version,
    load: `${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end`,
    playwright: createRequire(import.meta.url)('playwright-core/package.json').version,
  };
  const bundles = silaBundles();
  for (const built of composition.files) {
    const served = bundles.find((bundle) => bundle.file === built.file);
    if (served && Math.abs(served.gzip - built.gzip) > 64)
      errors.add(
        `${built.file}: the composition (built from src/) is ${built.gzip} B gzip, the served snapshot ${served.gzip} B: rebuild the variants`,
      );
  }
  const report = renderReport({
    machine,
    runs: RUNS,
    bundles,
    composition,
    weights,
    speed,
    traces,
    notes: methodNotes({ runs: RUNS }),
    errors: [...errors],
  });
  writeFileSync(join(BENCH, 'results.md'), report);
  console.log(`\n${report}\nbench: wrote bench/results.md (${elapsed(started)})`);
} finally {
  await browser.close();
  await server.close();
}
