#!/usr/bin/env node
/**
 * npm run bench:reports — the reports at scale on PostgreSQL (DATABASE_URL, e.g. from
 * `eval "$(bash scripts/ci-postgres.sh)"`). In a throw-away schema it loads, with SQL
 * generate_series only:
 *   1,000,000 submissions over the 12 months from November 2025 (all kinds and channels),
 *   their history (2–4 entries each), 200,000 ratings (service and website), a year of
 *   visitor log;
 * then builds the October 2026 report and the 2026 report several times each, the way the
 * route does (same code, same queries), and prints p50/p95. Targets: month ≤ 2 s, year ≤ 5 s
 * at p95. The schema is dropped at the end.
 *
 *   node --import tsx bench/reports-scale.mjs [--submissions 1000000] [--runs 7] [--keep]
 * (--keep leaves the schema for EXPLAIN; its name is printed.)
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openDatabase, MEMORY } from '../server/db/open.ts';
import { buildReport } from '../server/reports/report.ts';
import { DEFAULT_CONFIG_PATH, loadFormConfig } from '../server/config.ts';

const { values } = parseArgs({
  options: {
    submissions: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const total = Number(values.submissions);
const runs = Number(values.runs);
/** One rating for every fifth submission: half of them of a submission, half of a web page. */
const ratings = Math.floor(total / 5);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: eval "$(bash scripts/ci-postgres.sh)" first.');
  process.exit(2);
}

const schema = `sila_bench_reports_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const db = await openDatabase({ databaseUrl: url, dataDir: MEMORY, schema });
const seconds = (start) => ((performance.now() - start) / 1000).toFixed(1);

try {
  // Bulk load with the rollup triggers off, then build the rollups once, as migration 005
  // does for an existing database (row-by-row triggers would only make the load slower).
  const triggers = [
    ['submissions', 'report_cases_sync'],
    ['submission_history', 'report_history_sync'],
    ['report_cases', 'report_daily_sync'],
    ['ratings', 'report_ratings_sync'],
  ];
  const switchTriggers = (on) =>
    db.exec(
      triggers.map(([table, name]) => `ALTER TABLE ${table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${name};`).join(' '),
    );
  await switchTriggers(false);
  let start = performance.now();
  // Received uniformly over 365 days from 1 November 2025 (Riyadh); kind, channel and topic
  // from the row number; due 14 days (requests) or 7 days (others) later.
  await db.exec(`
    INSERT INTO submissions (reference, kind, status, channel, payload, verifier_hash, received_at, updated_at, expected_decision_by)
    SELECT 'B' || lpad(i::text, 12, '0'),
           (ARRAY['request','request','complaint','suggestion','inquiry','compensation'])[1 + i % 6],
           (ARRAY['received','under_review','needs_info','referred','accepted','rejected','resolved','closed'])[1 + (i * 7) % 8],
           (ARRAY['website','website','website','walk_in','phone','email','social','letter'])[1 + (i * 3) % 8],
           CASE WHEN i % 6 < 2
                THEN jsonb_build_object('service', (ARRAY['financial_aid','food_basket','housing_support','medical_support','training','other'])[1 + (i / 6) % 6])
                ELSE jsonb_build_object('category', (ARRAY['service_quality','staff_conduct','delay','eligibility','website','other'])[1 + (i / 6) % 6]) END,
           'x', t, t, t + CASE WHEN i % 6 < 2 THEN interval '14 days' ELSE interval '7 days' END
      FROM generate_series(1, ${total}) AS i,
           LATERAL (SELECT timestamptz '2025-11-01 00:00:00+03' + (i::float8 / ${total}) * interval '365 days' AS t) AS at`);
  console.log(`submissions: ${total} in ${seconds(start)} s`);

  start = performance.now();
  // The submission itself, then 1–3 staff entries a few hours to days apart.
  await db.exec(`
    INSERT INTO submission_history (reference, status, actor, at)
    SELECT reference, 'received', 'applicant', received_at FROM submissions;
    INSERT INTO submission_history (reference, status, actor, at)
    SELECT s.reference, (ARRAY['under_review','referred','accepted','resolved'])[step], 'Officer',
           s.received_at + (step * (1 + (hashtext(s.reference) & 255))) * interval '1 hour'
      FROM submissions s, generate_series(1, 3) AS step
     WHERE step <= 1 + (hashtext(s.reference) & 3) % 3;`);
  console.log(`history in ${seconds(start)} s`);

  start = performance.now();
  await db.exec(`
    INSERT INTO ratings (id, reference, scale, score, context, comment, created_at)
    SELECT 'rt' || i,
           CASE WHEN i % 2 = 0 THEN 'B' || lpad((i * 5)::text, 12, '0') END,
           (ARRAY['csat','nps','ces'])[1 + i % 3],
           CASE i % 3 WHEN 0 THEN 1 + i % 5 WHEN 1 THEN i % 11 ELSE 1 + i % 7 END,
           CASE WHEN i % 2 = 1 THEN '/services' END,
           CASE WHEN i % 10 = 0 THEN 'تعليق رقم ' || i END,
           timestamptz '2025-11-01 00:00:00+03' + (i::float8 / ${ratings}) * interval '365 days' + interval '2 days'
      FROM generate_series(1, ${ratings}) AS i;
    INSERT INTO visitor_log (day, purpose, count, recorded_by, recorded_at)
    SELECT d::date, (ARRAY['new_request','follow_up','inquiry'])[p], 1 + (extract(doy FROM d)::int * p) % 20, 'Officer', now()
      FROM generate_series(date '2025-11-01', date '2026-10-31', interval '1 day') AS d, generate_series(1, 3) AS p;
    ANALYZE;`);
  console.log(`ratings and visitor log in ${seconds(start)} s`);
  start = performance.now();
  await db.exec('SELECT report_rebuild()');
  await switchTriggers(true);
  await db.exec('ANALYZE');
  console.log(`rollups (report_rebuild) in ${seconds(start)} s`);

  const config = loadFormConfig(DEFAULT_CONFIG_PATH);
  const now = new Date('2026-11-15T09:00:00Z');
  const time = async (label, query) => {
    const ms = [];
    for (let run = 0; run < runs; run++) {
      const begin = performance.now();
      const report = await buildReport(db, query, config, now);
      ms.push(performance.now() - begin);
      if (run === 0)
        console.log(
          `${label}: ${report.counts.total} submissions, ${report.actions.statusChanges} actions, ${report.satisfaction.service.csat.count + report.satisfaction.website.csat.count} CSAT answers`,
        );
    }
    ms.sort((a, b) => a - b);
    const at = (p) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];
    console.log(`${label}: p50 ${Math.round(at(0.5))} ms, p95 ${Math.round(at(0.95))} ms (${runs} runs)`);
    return at(0.95);
  };
  const month = await time('month 2026-10', { period: 'month', at: '2026-10' });
  const year = await time('year 2026', { period: 'year', at: '2026' });
  console.log(
    `targets: month p95 ≤ 2000 ms ${month <= 2000 ? 'met' : 'MISSED'}, year p95 ≤ 5000 ms ${year <= 5000 ? 'met' : 'MISSED'}`,
  );
} finally {
  if (values.keep) console.log(`schema kept: ${schema}`);
  else await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
  await db.close();
}
