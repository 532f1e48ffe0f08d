/**
 * A seeded October 2026 (and a little of September 2026, November 2026 and October 2025
 * for the comparisons and the edges), written straight into the tables, plus the
 * figures the report must show, computed here in plain JS from the same seed data.
 */
import type { Database } from '../../server/db/database.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Riyadh is UTC+3 all year. */
const riyadh = (local: string) => new Date(`${local}+03:00`);

export const NOW = new Date('2026-11-15T09:00:00Z');
export const OCTOBER = { start: riyadh('2026-10-01T00:00:00'), end: riyadh('2026-11-01T00:00:00') };

const KINDS = ['request', 'complaint', 'suggestion', 'inquiry', 'compensation'] as const;
const CHANNELS = ['website', 'walk_in', 'phone', 'email', 'social', 'letter'] as const;
const SERVICES = ['financial_aid', 'food_basket', 'housing_support', 'medical_support'] as const;
const CATEGORIES = ['service_quality', 'staff_conduct', 'delay', 'other'] as const;
const FINAL = new Set(['accepted', 'rejected', 'resolved', 'closed']);

export interface SeedEvent {
  status: string;
  actor: string;
  at: Date;
}
export interface SeedSubmission {
  reference: string;
  kind: (typeof KINDS)[number];
  channel: string;
  topic: string;
  receivedAt: Date;
  due: Date;
  events: SeedEvent[];
  status: string;
}
export interface SeedRating {
  id: string;
  reference: string | null;
  scale: 'csat' | 'nps' | 'ces';
  score: number;
  comment: string | null;
  createdAt: Date;
}
export interface SeedVisit {
  day: string;
  purpose: string;
  count: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same data. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeSeed() {
  const rand = random(20261031);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const submissions: SeedSubmission[] = [];
  let n = 0;
  const add = (receivedAt: Date, kind: SeedSubmission['kind'] = pick(KINDS)) => {
    n += 1;
    const reference = `${kind === 'request' ? 'R' : 'C'}${String(n).padStart(12, '0')}`;
    const due = new Date(receivedAt.getTime() + (kind === 'request' ? 14 : 7) * DAY);
    const events: SeedEvent[] = [{ status: 'received', actor: 'applicant', at: receivedAt }];
    let at = receivedAt.getTime();
    const step = (status: string, hours: number) => {
      at += Math.round(hours * HOUR);
      if (at < NOW.getTime()) events.push({ status, actor: 'Officer Amal', at: new Date(at) });
    };
    const path = rand();
    if (path > 0.15) step('under_review', 1 + rand() * 72);
    if (kind === 'request') {
      if (path > 0.35) step('referred', 24 + rand() * 96);
      if (path > 0.5) step(rand() > 0.3 ? 'accepted' : 'rejected', 24 + rand() * 400);
    } else if (path > 0.4) step(rand() > 0.5 ? 'resolved' : 'closed', 4 + rand() * 300);
    submissions.push({
      reference,
      kind,
      channel: pick(CHANNELS),
      topic: kind === 'request' ? pick(SERVICES) : pick(CATEGORIES),
      receivedAt,
      due,
      events,
      status: events.at(-1)!.status,
    });
  };
  // October 2026: spread over the month, plus the edges.
  for (let i = 0; i < 70; i++)
    add(new Date(OCTOBER.start.getTime() + Math.floor(rand() * (OCTOBER.end.getTime() - OCTOBER.start.getTime()))));
  add(riyadh('2026-10-31T23:30:00'), 'complaint'); // 20:30 UTC: still October in Riyadh
  add(riyadh('2026-10-01T00:05:00'), 'complaint'); // 30 September 21:05 UTC: already October
  add(riyadh('2026-11-01T00:10:00'), 'complaint'); // 31 October 21:10 UTC: November
  add(riyadh('2026-09-30T23:50:00'), 'request'); // September, acted on in October
  for (let i = 0; i < 12; i++) add(new Date(riyadh('2026-09-01T00:00:00').getTime() + Math.floor(rand() * 29 * DAY)));
  for (let i = 0; i < 9; i++) add(new Date(riyadh('2025-10-01T00:00:00').getTime() + Math.floor(rand() * 30 * DAY)));

  const ratings: SeedRating[] = [];
  const comments = ['الخدمة ممتازة', 'تأخر الرد', 'Very helpful staff', null, null];
  const scaleRange = { csat: [1, 5], nps: [0, 10], ces: [1, 7] } as const;
  const rate = (reference: string | null, createdAt: Date) => {
    const scale = pick(['csat', 'nps', 'ces'] as const);
    const [min, max] = scaleRange[scale];
    ratings.push({
      id: `rt${ratings.length + 1}`,
      reference,
      scale,
      score: min + Math.floor(rand() * (max - min + 1)),
      comment: pick(comments),
      createdAt,
    });
  };
  for (const s of submissions) {
    if (FINAL.has(s.status) && rand() > 0.3) rate(s.reference, new Date(s.events.at(-1)!.at.getTime() + 2 * HOUR));
  }
  for (let i = 0; i < 25; i++)
    rate(null, new Date(riyadh('2026-09-20T00:00:00').getTime() + Math.floor(rand() * 50 * DAY)));

  const visits: SeedVisit[] = [];
  for (let d = 1; d <= 31; d++) {
    if (rand() > 0.6) continue;
    visits.push({
      day: `2026-10-${String(d).padStart(2, '0')}`,
      purpose: pick(['new_request', 'follow_up', 'inquiry', 'documents']),
      count: 1 + Math.floor(rand() * 9),
    });
  }
  visits.push(
    { day: '2026-10-31', purpose: 'complaint', count: 4 },
    { day: '2026-11-01', purpose: 'other', count: 6 },
    { day: '2026-09-30', purpose: 'other', count: 3 },
  );
  return { submissions, ratings, visits };
}

export type Seed = ReturnType<typeof makeSeed>;

export async function writeSeed(db: Database, seed: Seed): Promise<void> {
  await db.transaction(async (tx) => {
    for (const s of seed.submissions) {
      const payload = s.kind === 'request' ? { service: s.topic } : { kind: s.kind, category: s.topic };
      await tx.query(
        `INSERT INTO submissions (reference, kind, status, channel, payload, verifier_hash, received_at, updated_at, expected_decision_by)
         VALUES ($1, $2, $3, $4, $5::jsonb, 'x', $6, $7, $8)`,
        [s.reference, s.kind, s.status, s.channel, JSON.stringify(payload), s.receivedAt, s.events.at(-1)!.at, s.due],
      );
      for (const e of s.events) {
        await tx.query('INSERT INTO submission_history (reference, status, actor, at) VALUES ($1, $2, $3, $4)', [
          s.reference,
          e.status,
          e.actor,
          e.at,
        ]);
      }
    }
    for (const r of seed.ratings) {
      await tx.query(
        `INSERT INTO ratings (id, reference, scale, score, context, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [r.id, r.reference, r.scale, r.score, r.reference ? null : '/services', r.comment, r.createdAt],
      );
    }
    for (const v of seed.visits) {
      await tx.query(
        `INSERT INTO visitor_log (day, purpose, count, recorded_by, recorded_at) VALUES ($1::date, $2, $3, 'Officer Amal', $4)`,
        [v.day, v.purpose, v.count, NOW],
      );
    }
  });
}

// ---- the expected figures, from the seed alone ----

const riyadhDay = (date: Date) => new Date(date.getTime() + 3 * HOUR).toISOString().slice(0, 10);
const inRange = (date: Date, range: { start: Date; end: Date }) => date >= range.start && date < range.end;

function tally(keys: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
  return map;
}

/** PostgreSQL's percentile_cont: linear interpolation between the sorted values. */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const hours = (ms: number | null) => (ms === null ? null : round1(ms / HOUR));

export function expectedFigures(seed: Seed, range: { start: Date; end: Date }, kind?: string) {
  const subs = seed.submissions.filter((s) => inRange(s.receivedAt, range) && (!kind || s.kind === kind));
  const later = (s: SeedSubmission) => s.events.slice(1);
  const actionEvents = seed.submissions
    .filter((s) => !kind || s.kind === kind)
    .flatMap((s) => later(s).filter((e) => inRange(e.at, range)));
  const firstResponse = (s: SeedSubmission) => later(s)[0]?.at ?? null;
  const resolved = (s: SeedSubmission) => later(s).find((e) => FINAL.has(e.status))?.at ?? null;
  const decided = (s: SeedSubmission) =>
    later(s).find((e) => e.status === 'accepted' || e.status === 'rejected')?.at ?? null;
  const durations = (f: (s: SeedSubmission) => Date | null) =>
    subs.flatMap((s) => {
      const at = f(s);
      return at ? [at.getTime() - s.receivedAt.getTime()] : [];
    });
  const responseTimes = durations(firstResponse);
  const resolutionTimes = durations(resolved);
  const requests = subs.filter((s) => s.kind === 'request');
  const others = subs.filter((s) => s.kind !== 'request');
  const requestsDue = requests.filter((s) => decided(s) !== null || s.due < NOW);
  const complaintsDue = others.filter((s) => firstResponse(s) !== null || s.due < NOW);
  const overdue = subs.filter((s) => !FINAL.has(s.status) && s.due < NOW);

  const ratingSubs = new Map(seed.submissions.map((s) => [s.reference, s]));
  const ratings = seed.ratings.filter(
    (r) => inRange(r.createdAt, range) && (!kind || !r.reference || ratingSubs.get(r.reference)!.kind === kind),
  );
  const satisfaction = (list: SeedRating[]) => {
    const of = (scale: string) => list.filter((r) => r.scale === scale);
    const csat = of('csat');
    const nps = of('nps');
    const ces = of('ces');
    const promoters = nps.filter((r) => r.score >= 9).length;
    const detractors = nps.filter((r) => r.score <= 6).length;
    return {
      csat: {
        count: csat.length,
        satisfiedPercent: csat.length ? round1((100 * csat.filter((r) => r.score >= 4).length) / csat.length) : null,
      },
      nps: {
        count: nps.length,
        promoters,
        passives: nps.length - promoters - detractors,
        detractors,
        score: nps.length ? round1((100 * (promoters - detractors)) / nps.length) : null,
      },
      ces: {
        count: ces.length,
        average: ces.length ? Math.round((100 * ces.reduce((sum, r) => sum + r.score, 0)) / ces.length) / 100 : null,
      },
    };
  };
  const visits = seed.visits.filter((v) => v.day >= riyadhDay(range.start) && v.day < riyadhDay(range.end));
  const sumBy = (list: SeedVisit[], key: (v: SeedVisit) => string) => {
    const map = new Map<string, number>();
    for (const v of list) map.set(key(v), (map.get(key(v)) ?? 0) + v.count);
    return map;
  };
  return {
    total: subs.length,
    byKind: tally(subs.map((s) => s.kind)),
    byCategory: tally(others.map((s) => s.topic)),
    byService: tally(requests.map((s) => s.topic)),
    byChannel: tally(subs.map((s) => s.channel)),
    byStatus: tally(subs.map((s) => s.status)),
    byDay: tally(subs.map((s) => riyadhDay(s.receivedAt))),
    statusChanges: actionEvents.length,
    actionsByStatus: tally(actionEvents.map((e) => e.status)),
    referrals: actionEvents.filter((e) => e.status === 'referred').length,
    accepted: actionEvents.filter((e) => e.status === 'accepted').length,
    rejected: actionEvents.filter((e) => e.status === 'rejected').length,
    firstResponse: {
      count: responseTimes.length,
      medianHours: hours(percentileCont(responseTimes, 0.5)),
      p90Hours: hours(percentileCont(responseTimes, 0.9)),
    },
    resolution: {
      count: resolutionTimes.length,
      medianHours: hours(percentileCont(resolutionTimes, 0.5)),
      p90Hours: hours(percentileCont(resolutionTimes, 0.9)),
    },
    requestsDue: requestsDue.length,
    requestsOnTime: requests.filter((s) => decided(s) !== null && decided(s)! <= s.due).length,
    complaintsDue: complaintsDue.length,
    complaintsOnTime: others.filter((s) => firstResponse(s) !== null && firstResponse(s)! <= s.due).length,
    overdue: overdue.map((s) => s.reference).sort(),
    service: satisfaction(ratings.filter((r) => r.reference)),
    website: satisfaction(ratings.filter((r) => !r.reference)),
    comments: ratings.filter((r) => r.comment).length,
    visitorsTotal: visits.reduce((sum, v) => sum + v.count, 0),
    visitorsByDay: sumBy(visits, (v) => v.day),
    visitorsByPurpose: sumBy(visits, (v) => v.purpose),
  };
}
