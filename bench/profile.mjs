#!/usr/bin/env node
// Where a page's script time goes, by source: a CPU profile (CDP Profiler, sampling every
// 0.1 ms) from navigation until ready at 4× CPU, each sample's self time charged to the
// source its position in the bundle maps to (the bundle's .map beside it): zod, lit, Sila's
// own files… Builds are compared in interleaved runs (medians of self ms per group).
//
//   npx vite build --mode iife-rating-ar --sourcemap --outDir /tmp/x --emptyOutDir false
//   node bench/profile.mjs before=/tmp/a/sila-rating.ar.iife.js after=/tmp/x/sila-rating.ar.iife.js
//   PAGE=form (give it sila.ar.iife.js builds), RUNS=5, CPU=4, TOP=12 (functions listed per build),
//   GROUP=zod (list only that source's functions)
//
// Prints a markdown table. Chromium from /usr/bin/chromium (bench/browser.mjs).
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { launchBrowser } from './browser.mjs';
import { serveScratch } from './scratch-server.mjs';
import { expandRepeats } from './repeat-markup.mjs';
import { writeFormConfig } from './form-config.mjs';
import { BENCH } from './paths.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const CPU = Number(process.env.CPU ?? 4);
const TOP = Number(process.env.TOP ?? 12);
const GROUP = process.env.GROUP;
const PAGE = process.env.PAGE === 'form' ? 'form' : 'ratings';
const builds = process.argv.slice(2).map((arg) => {
  const [name, file] = arg.split('=');
  return { name, file, map: new TraceMap(readFileSync(`${file}.map`, 'utf8')) };
});
if (builds.length === 0) throw new Error('usage: node bench/profile.mjs name=path/to/bundle.iife.js … (with .map)');

const dir = mkdtempSync(join(tmpdir(), 'profile-'));
const page = expandRepeats(readFileSync(join(BENCH, `variants/sila/${PAGE}.html`), 'utf8'));
writeFormConfig(join(dir, 'form-config.json'));
for (const { name, file } of builds) {
  mkdirSync(join(dir, name));
  // No sourceMappingURL: the browser must not fetch the map while it is measured.
  writeFileSync(join(dir, name, 'bundle.js'), readFileSync(file, 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, ''));
  writeFileSync(join(dir, name, 'index.html'), page.replace(/\/sila-dist\/(RATING|FORM)_BUNDLE/, `/${name}/bundle.js`));
}

const server = await serveScratch(dir);
const { origin } = server;
const browser = await launchBrowser();

/** A source path as a group: the package under node_modules, else the file under src/. */
function groupOf(source) {
  if (!source) return '(unmapped bundle code)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1];
  const own = /src\/(.+)$/.exec(source);
  return own ? `src/${own[1]}` : source;
}

async function profileOnce(build) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  // Counts zod schemas built until ready: zod gives every schema (and check) its `_zod`
  // internals with Object.defineProperty, so this count is exact and does not depend on load.
  await tab.addInitScript(() => {
    window.__zodBuilt = 0;
    const define = Object.defineProperty;
    Object.defineProperty = function (target, key, descriptor) {
      if (key === '_zod') window.__zodBuilt += 1;
      return define(target, key, descriptor);
    };
  });
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.goto(`${origin}/${build.name}/`, { waitUntil: 'load' });
    const ready = await (await tab.waitForFunction(() => window.__benchReady, null, { timeout: 30_000 })).jsonValue();
    const { profile } = await cdp.send('Profiler.stop');
    const zodBuilt = await tab.evaluate(() => window.__zodBuilt);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return { ready, zodBuilt, ...selfTimes(profile, build) };
  } finally {
    await context.close();
  }
}

/** Self ms per group and per function (`group: name`), from the profile's samples. */
function selfTimes(profile, build) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const label = new Map();
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    let group;
    let name = frame.functionName || '(anonymous)';
    if (frame.url.endsWith(`/${build.name}/bundle.js`)) {
      const original = originalPositionFor(build.map, { line: frame.lineNumber + 1, column: frame.columnNumber });
      group = groupOf(original.source);
      name = original.name ?? `${name}@${original.line ?? '?'}`;
    } else
      group = frame.url
        ? '(page)'
        : frame.functionName.startsWith('(')
          ? frame.functionName
          : `(native ${frame.functionName})`;
    label.set(node.id, { group, fn: `${group}: ${name}` });
  }
  const groups = {};
  const functions = {};
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i += 1) {
    // Each sample's delta is the time since the one before: charge it to the sample before.
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    const { group, fn } = label.get(nodes.get(samples[i]).id);
    groups[group] = (groups[group] ?? 0) + ms;
    functions[fn] = (functions[fn] ?? 0) + ms;
  }
  return { groups, functions };
}

const results = Object.fromEntries(builds.map((build) => [build.name, []]));
for (let round = 0; round <= RUNS; round += 1) {
  const order = builds.map((_, i) => builds[(i + round) % builds.length]);
  for (const build of order) {
    const result = await profileOnce(build);
    if (round > 0) results[build.name].push(result); // round 0 warms caches
  }
  process.stderr.write(`round ${round}/${RUNS}\n`);
}
await browser.close();
server.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const medianOf = (runs, pick, key) => median(runs.map((run) => run[pick][key] ?? 0));
const keysOf = (pick) => [...new Set(builds.flatMap((b) => results[b.name].flatMap((run) => Object.keys(run[pick]))))];

const names = builds.map((build) => build.name);
const groups = keysOf('groups')
  .map((group) => ({ group, ms: names.map((name) => medianOf(results[name], 'groups', group)) }))
  .filter((row) => Math.max(...row.ms) >= 2)
  .sort((a, b) => b.ms[0] - a.ms[0]);
console.log(
  `${PAGE === 'form' ? 'Complaint form + rating' : '50 ratings'}, ${CPU}× CPU, ${RUNS} interleaved runs: self ms until ready by source (medians; groups of 2 ms or more)\n`,
);
console.log(`| source | ${names.join(' | ')} |`);
console.log(`| --- | ${names.map(() => '---:').join(' | ')} |`);
console.log(
  `| **ready ms** | ${names.map((name) => median(results[name].map((r) => r.ready)).toFixed(0)).join(' | ')} |`,
);
console.log(
  `| **zod schemas and checks built** | ${names.map((name) => median(results[name].map((r) => r.zodBuilt))).join(' | ')} |`,
);
for (const { group, ms } of groups) console.log(`| ${group} | ${ms.map((v) => v.toFixed(1)).join(' | ')} |`);
for (const name of names) {
  const top = keysOf('functions')
    .filter((fn) => !GROUP || fn.startsWith(`${GROUP}: `))
    .map((fn) => [fn, medianOf(results[name], 'functions', fn)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP);
  console.log(`\nTop functions, ${name}: ${top.map(([fn, ms]) => `${fn} ${ms.toFixed(1)}`).join('; ')}`);
}
