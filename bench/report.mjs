// The markdown report: Sila's budgets, then per page a weight table and a speed table with
// ratios against Sila and against the no-JS floor, then the targets with pass/fail.
import { kB } from './compress.mjs';
import { FLOOR, SILA, SILA_VARIANTS, VARIANTS } from './variants/index.mjs';
import { CELLS } from './cells.mjs';
import { renderTraces } from './trace.mjs';
import { SPEED, TRIED, WHY } from './notes.mjs';

const PAGE_TITLES = { form: 'Complaint form + 5-star rating', ratings: '50 rating widgets on one page' };
const ms = (value) => (Number.isFinite(value) ? Math.round(value).toString() : '–');
const ratio = (value, base) => (Number.isFinite(value) && base > 0 ? `${(value / base).toFixed(2)}×` : '–');
const mark = (pass) => (pass ? '✅ pass' : '❌ fail');
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

function budgetTable(bundles) {
  return table(
    ['File', 'min kB', 'gzip kB', 'brotli kB', 'target (gzip)', 'result'],
    bundles.map((b) => [
      `dist/${b.file}`,
      kB(b.raw),
      kB(b.gzip),
      kB(b.brotli),
      b.budget === undefined ? '–' : `≤ ${kB(b.budget)} kB`,
      b.budget === undefined ? '–' : mark(b.pass),
    ]),
  );
}

function weightTable(weights) {
  const code = (w) => w.js.gzip + w.css.gzip;
  const all = (w) => code(w) + w.html.gzip + w.other.gzip;
  return table(
    [
      'Variant',
      'requests',
      'JS gzip',
      'JS brotli',
      'CSS gzip',
      'CSS brotli',
      'JS+CSS gzip',
      '× Sila',
      'JS+CSS brotli',
      'HTML gzip',
      'all gzip',
      '× floor',
    ],
    VARIANTS.map(({ name, label }) => {
      const w = weights[name];
      return [
        label,
        w.requests,
        kB(w.js.gzip),
        kB(w.js.brotli),
        kB(w.css.gzip),
        kB(w.css.brotli),
        kB(code(w)),
        ratio(code(w), code(weights[SILA])),
        kB(w.js.brotli + w.css.brotli),
        kB(w.html.gzip),
        kB(all(w)),
        ratio(all(w), all(weights[FLOOR])),
      ];
    }),
  );
}

/** One row per variant: per cell the median ready time (p25–p75) and its ratio to Sila's default file. */
function speedTable(cells) {
  const spread = (s) => `${ms(s.ready)} (${ms(s.readyP25)}–${ms(s.readyP75)})`;
  const tasks = (s) => `${s.longTasks} / ${ms(s.longTaskMs)}`;
  const [normal, slow] = [cells['1'], cells['4']];
  return table(
    [
      'Variant',
      ...CELLS.flatMap((cell) => [`ready, ${cell.label}: ms (p25–p75)`, '× Sila']),
      '× floor (4× CPU)',
      'FCP 4× ms',
      'JS heap MB',
      'long tasks n / ms',
      'long tasks 4× n / ms',
    ],
    VARIANTS.map(({ name, label }) => [
      label,
      ...CELLS.flatMap(({ key }) => [spread(cells[key][name]), ratio(cells[key][name].ready, cells[key][SILA].ready)]),
      ratio(slow[name].ready, slow[FLOOR].ready),
      ms(slow[name].fcp),
      (normal[name].heap / 1024 / 1024).toFixed(2),
      tasks(normal[name]),
      tasks(slow[name]),
    ]),
  );
}

/** Issue #23's targets: sizes of the files, then times of each Sila file against Shoelace. */
function targetTable(bundles, speed) {
  const rows = bundles
    .filter((b) => b.budget !== undefined)
    .map((b) => [`dist/${b.file} ≤ ${kB(b.budget)} kB gzip`, `${kB(b.gzip)} kB`, mark(b.pass)]);
  const vsShoelace = (page, cell, name) => speed[page][cell][name].ready / speed[page][cell].shoelace.ready;
  for (const { name, label } of SILA_VARIANTS) {
    const form = vsShoelace('form', '4', name);
    const ratings = vsShoelace('ratings', '4', name);
    rows.push([`${label}: form page ready at 4× CPU ≤ 1.0× Shoelace`, `${form.toFixed(2)}×`, mark(form <= 1)]);
    rows.push([`${label}: 50 ratings ready at 4× CPU ≤ 1.2× Shoelace`, `${ratings.toFixed(2)}×`, mark(ratings <= 1.2)]);
    for (const page of ['form', 'ratings']) {
      const s = speed[page]['1'][name];
      rows.push([
        `${label}: no long task at normal CPU (${page} page, every run)`,
        `median ${s.longTasks}, worst run ${s.maxLongTasks}`,
        mark(s.maxLongTasks === 0),
      ]);
    }
    for (const page of ['form', 'ratings']) {
      const net = vsShoelace(page, 'net', name);
      rows.push([
        `${label}: ${page} page ready at 150 ms RTT, 1.6 Mbps (no target: reported)`,
        `${net.toFixed(2)}× Shoelace`,
        '–',
      ]);
    }
  }
  return table(['Target (Sila, issue #23)', 'measured', 'result'], rows);
}

export function renderReport({ machine, runs, bundles, composition, weights, speed, traces, notes, errors }) {
  const sections = [
    '# Client benchmark: Sila against the libraries people would pick instead',
    '',
    `Run ${machine.date} on ${machine.cpus} × ${machine.cpuModel} (nproc ${machine.nproc}), ${machine.memory}, Chromium ${machine.chromium} (headless), Node ${machine.node}, playwright-core ${machine.playwright}; 1-minute load average ${machine.load}. ` +
      `Medians of ${runs} interleaved runs per cell. Generated by \`npm run bench\`; targets are reported, never enforced here.`,
    '',
    '## Targets',
    '',
    targetTable(bundles, speed),
    '',
    "## Sila's single-file bundles",
    '',
    budgetTable(bundles),
    '',
    '### Where the bytes go',
    '',
    renderComposition(composition),
  ];
  for (const page of ['form', 'ratings']) {
    sections.push(
      '',
      `## ${PAGE_TITLES[page]}`,
      '',
      '### Weight (one load: every response the page received; kB = 1024 bytes)',
      '',
      weightTable(weights[page]),
      '',
      `### Speed (median of ${runs} runs)`,
      '',
      speedTable(speed[page]),
    );
  }
  sections.push(
    '',
    '## Where the milliseconds go',
    '',
    "Chromium's counters (CDP Performance.getMetrics) at 4× CPU from navigation until ready, medians of 3 loads (`node bench/trace.mjs`):",
    '',
    ...renderTraces(traces),
  );
  sections.push('', '## What was tried for the size targets', '', ...TRIED.map((note) => `- ${note}`));
  sections.push('', '## Why the targets are not met', '', ...WHY.map((note) => `- ${note}`));
  sections.push('', '## Where the ready time goes against Shoelace', '', ...SPEED.map((note) => `- ${note}`));
  sections.push('', '## Method', '', ...notes.map((note) => `- ${note}`));
  if (errors.length) sections.push('', '## Errors seen during runs', '', ...errors.map((error) => `- ${error}`));
  return `${sections.join('\n')}\n`;
}

/** Where the single files' bytes go (one table per language), and the targets against the stack alone. */
export function renderComposition({ files, groupOrder, stack, copy }) {
  const order = (group) => {
    const i = groupOrder.indexOf(group);
    return i < 0 ? groupOrder.length : i;
  };
  const tableOf = (subset) => {
    const groups = [...new Set(subset.flatMap((f) => [...f.groups.keys()]))].sort((a, b) => order(a) - order(b));
    return table(
      ['gzip kB (estimated share)', ...subset.map((f) => f.file)],
      [
        ...groups.map((group) => [group, ...subset.map((f) => (f.groups.has(group) ? kB(f.groups.get(group)) : '–'))]),
        ["Sila's own (all but the libraries)", ...subset.map((f) => kB(f.own))],
        ['**whole file**', ...subset.map((f) => `**${kB(f.gzip)}**`)],
      ],
    );
  };
  const titles = { '': 'Bilingual files (live language switching)', ar: 'Arabic files', en: 'English files' };
  const sections = [...new Set(files.map((f) => f.language))].flatMap((language) => [
    `**${titles[language] ?? language}**`,
    '',
    tableOf(files.filter((f) => f.language === language)),
    '',
  ]);
  const arabic = files.filter((f) => f.language === 'ar');
  const budgets =
    `The stack every widget needs, used minimally (lit + @lit/localize + zod/mini: one element, one string, one schema; \`bench/stack-floor/entry.js\`), is **${kB(stack.gzip)} kB** gzip. ` +
    `The copy of all ${copy.messages} messages as plain text, without ids or markup, is **${kB(copy.both)} kB** (English ${kB(copy.english)}, Arabic ${kB(copy.arabic)} on their own). ` +
    `Against #23's targets, the Arabic files leave for Sila's own code, styles and copy: ` +
    arabic
      .map((f) => {
        return `${f.file} ${kB(targetOf(f.file) * 1024 - (f.gzip - f.own))} kB (uses ${kB(f.own)})`;
      })
      .join(', ') +
    '.';
  return [...sections, budgets, '', againstTargets(arabic), '', moduleTable(arabic)].join('\n');
}

/** #23's size target of a single file (the Arabic ones). */
const targetOf = (file) => (file.startsWith('sila.') ? 40 : file.includes('rating') ? 26 : 30);

/** Each Arabic file as libraries + Arabic copy + Sila's code: how far the code is from the target. */
function againstTargets(files) {
  const libraries = (f) => f.gzip - f.own;
  const code = (f) => f.own - (f.copy ?? 0);
  return [
    "**Arabic files against the targets** (gzip kB; the copy is measured by taking every Arabic string and template text out of the file and gzipping it again; Sila's code is the rest: logic, templates' markup, styles, schemas)",
    '',
    table(
      [
        'file',
        'whole',
        'libraries (lit, zod/mini, idb-keyval)',
        'Arabic copy',
        "Sila's code",
        'target',
        'over by',
        "Sila's code would have to be",
      ],
      files.map((f) => {
        const target = targetOf(f.file) * 1024;
        return [
          f.file,
          kB(f.gzip),
          kB(libraries(f)),
          f.copy === undefined ? '–' : kB(f.copy),
          kB(code(f)),
          kB(target),
          f.gzip > target ? kB(f.gzip - target) : '–',
          f.gzip > target ? kB(code(f) - (f.gzip - target)) : '–',
        ];
      }),
    ),
  ].join('\n');
}

/** The Arabic files source file by source file: where a target's missing kilobytes sit. */
function moduleTable(files, rows = 60) {
  const largest = (name) => Math.max(...files.map((f) => f.modules?.get(name) ?? 0));
  const names = [...new Set(files.flatMap((f) => [...(f.modules?.keys() ?? [])]))].sort(
    (a, b) => largest(b) - largest(a),
  );
  const shown = names.slice(0, rows);
  const rest = (f) => [...f.modules.entries()].filter(([name]) => !shown.includes(name)).reduce((a, [, b]) => a + b, 0);
  return [
    `**Arabic files, source file by source file** (gzip kB, estimated share; the ${rows} largest, \`node bench/composition.mjs\`)`,
    '',
    table(
      ['source file', ...files.map((f) => f.file)],
      [
        ...shown.map((name) => [name, ...files.map((f) => (f.modules.has(name) ? kB(f.modules.get(name)) : '–'))]),
        [`the other ${names.length - shown.length}`, ...files.map((f) => kB(rest(f)))],
        ['**whole file**', ...files.map((f) => `**${kB(f.gzip)}**`)],
      ],
    ),
  ].join('\n');
}
