/** Builds a whole report: the period's figures and the two comparison periods. */
import type { Report, ReportQuery } from '../../src/contract/reports.js';
import type { FormConfig } from '../../src/contract/form-config.js';
import type { Database } from '../db/database.js';
import { ASSOCIATION_TIME_ZONE, iso } from '../dates.js';
import { computeFigures, summarize } from './figures.js';
import { describePeriod, previousPeriod, resolvePeriod, samePeriodLastYear } from './period.js';

export async function buildReport(
  db: Database,
  query: ReportQuery,
  formConfig: FormConfig,
  now: Date,
): Promise<Report> {
  const period = resolvePeriod(query);
  const previous = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  // For a year, the previous period is the same period last year: count it once.
  const sameComparison = previous.from === lastYear.from && previous.to === lastYear.to;
  const [figures, previousSummary, lastYearSummary] = await Promise.all([
    computeFigures(db, period, query.kind, now),
    summarize(db, previous, query.kind),
    sameComparison ? undefined : summarize(db, lastYear, query.kind),
  ]);
  return {
    period: describePeriod(period),
    ...(query.kind ? { kind: query.kind } : {}),
    generatedAt: iso(now),
    timeZone: ASSOCIATION_TIME_ZONE,
    association: {
      ar: formConfig.association.name.ar,
      en: formConfig.association.name.en ?? formConfig.association.name.ar,
      ...(formConfig.association.logoUrl ? { logoUrl: formConfig.association.logoUrl } : {}),
    },
    comparison: { previous: previousSummary, lastYear: lastYearSummary ?? previousSummary },
    ...figures,
  };
}
