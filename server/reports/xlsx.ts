/**
 * The report as an Excel workbook (exceljs): one sheet per part, headers and labels in
 * the chosen language, sheets right to left in Arabic. Numbers stay numbers, so the
 * manager can chart or sum them in the spreadsheet.
 */
import ExcelJS from 'exceljs';
import type { FormConfig } from '../../src/contract/form-config.js';
import { formatReference } from '../../src/contract/identifiers.js';
import type { PeriodSummary, Report, Satisfaction } from '../../src/contract/reports.js';
import { ASSOCIATION_TIME_ZONE, localDateTime } from '../dates.js';
import { labelsFor, type Lang } from './labels.js';
import { issueDate } from './period.js';

const TEXT = {
  summary: { ar: 'الملخص', en: 'Summary' },
  counts: { ar: 'الأعداد', en: 'Counts' },
  actions: { ar: 'الإجراءات والمدد', en: 'Actions and times' },
  overdue: { ar: 'المتأخرة', en: 'Overdue' },
  satisfaction: { ar: 'الرضا', en: 'Satisfaction' },
  comments: { ar: 'التعليقات', en: 'Comments' },
  visitors: { ar: 'الزوار', en: 'Visitors' },
  title: { ar: 'تقرير خدمة المستفيدين', en: 'Beneficiary services report' },
  period: { ar: 'الفترة', en: 'Period' },
  hijri: { ar: 'الفترة (هجري)', en: 'Period (Hijri)' },
  issued: { ar: 'تاريخ الإصدار', en: 'Date of issue' },
  kindFilter: { ar: 'النوع', en: 'Kind' },
  all: { ar: 'الكل', en: 'All' },
  figure: { ar: 'المؤشر', en: 'Figure' },
  thisPeriod: { ar: 'هذه الفترة', en: 'This period' },
  previous: { ar: 'الفترة السابقة', en: 'Previous period' },
  lastYear: { ar: 'الفترة نفسها من العام الماضي', en: 'Same period last year' },
  submissions: { ar: 'المعاملات الواردة', en: 'Submissions received' },
  visitorsTotal: { ar: 'الزوار', en: 'Visitors' },
  csat: { ar: 'نسبة الرضا عن الخدمة %', en: 'Service satisfaction %' },
  firstResponse: { ar: 'وسيط زمن أول استجابة (ساعات)', en: 'Median time to first response (hours)' },
  dimension: { ar: 'البعد', en: 'Dimension' },
  item: { ar: 'البند', en: 'Item' },
  count: { ar: 'العدد', en: 'Count' },
  byKind: { ar: 'حسب النوع', en: 'By kind' },
  byCategory: { ar: 'حسب الفئة', en: 'By category' },
  byService: { ar: 'حسب الخدمة', en: 'By service' },
  byChannel: { ar: 'حسب القناة', en: 'By channel' },
  byStatus: { ar: 'حسب الحالة', en: 'By status' },
  byDay: { ar: 'حسب اليوم', en: 'By day' },
  statusChanges: { ar: 'تغييرات الحالة', en: 'Status changes' },
  referrals: { ar: 'الإحالات إلى اللجنة', en: 'Referrals to the committee' },
  accepted: { ar: 'قرارات القبول', en: 'Decisions: accepted' },
  rejected: { ar: 'قرارات عدم القبول', en: 'Decisions: not accepted' },
  median: { ar: 'الوسيط (ساعات)', en: 'Median (hours)' },
  p90: { ar: 'المئين 90 (ساعات)', en: '90th percentile (hours)' },
  firstResponseRow: { ar: 'زمن أول استجابة', en: 'Time to first response' },
  resolutionRow: { ar: 'زمن المعالجة', en: 'Time to resolution' },
  due: { ar: 'المستحقة', en: 'Due' },
  onTime: { ar: 'في الموعد', en: 'On time' },
  percent: { ar: 'النسبة %', en: 'Share %' },
  decidedInPeriod: { ar: 'طلبات بُتّ فيها خلال مدة الدراسة', en: 'Requests decided within the review period' },
  answeredInPeriod: { ar: 'شكاوى أُجيب عنها خلال مدة الرد', en: 'Complaints answered within the response period' },
  reference: { ar: 'الرقم المرجعي', en: 'Reference' },
  kind: { ar: 'النوع', en: 'Kind' },
  topic: { ar: 'الخدمة أو الفئة', en: 'Service or category' },
  status: { ar: 'الحالة', en: 'Status' },
  dueAt: { ar: 'الموعد المستحق', en: 'Due' },
  daysOverdue: { ar: 'أيام التأخر', en: 'Days overdue' },
  group: { ar: 'المجموعة', en: 'Group' },
  source: { ar: 'المصدر', en: 'Source' },
  month: { ar: 'الشهر', en: 'Month' },
  csatCount: { ar: 'عدد تقييمات الرضا', en: 'CSAT answers' },
  csatPercent: { ar: 'نسبة الراضين %', en: 'Satisfied %' },
  npsCount: { ar: 'عدد تقييمات التوصية', en: 'NPS answers' },
  nps: { ar: 'صافي نقاط الترويج', en: 'NPS' },
  cesCount: { ar: 'عدد تقييمات سهولة الإجراء', en: 'CES answers' },
  ces: { ar: 'متوسط سهولة الإجراء', en: 'CES average' },
  day: { ar: 'اليوم', en: 'Day' },
  scale: { ar: 'المقياس', en: 'Scale' },
  score: { ar: 'الدرجة', en: 'Score' },
  comment: { ar: 'التعليق', en: 'Comment' },
  purpose: { ar: 'الغرض من الزيارة', en: 'Purpose of visit' },
  byPurpose: { ar: 'حسب الغرض', en: 'By purpose' },
  total: { ar: 'الإجمالي', en: 'Total' },
} as const;

type Cell = string | number | null;

export async function reportWorkbook(report: Report, lang: Lang, config: FormConfig): Promise<Buffer> {
  const t = (key: keyof typeof TEXT) => TEXT[key][lang];
  const labels = labelsFor(lang, config);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sila';
  workbook.created = new Date(report.generatedAt);

  const sheet = (name: keyof typeof TEXT, header: Cell[], rows: Cell[][]) => {
    const ws = workbook.addWorksheet(t(name), { views: [{ rightToLeft: lang === 'ar', state: 'frozen', ySplit: 1 }] });
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((column, index) => {
      const longest = Math.max(...[header, ...rows].map((row) => String(row[index] ?? '').length));
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
    return ws;
  };

  const summaryRow = (label: Cell, pick: (summary: PeriodSummary) => Cell, current: Cell): Cell[] => [
    label,
    current,
    pick(report.comparison.previous),
    pick(report.comparison.lastYear),
  ];
  const summary = sheet(
    'summary',
    [t('figure'), t('thisPeriod'), t('previous'), t('lastYear')],
    [
      [t('title'), report.association[lang], null, null],
      [
        t('period'),
        report.period.labels[lang].gregorian,
        report.comparison.previous.period.labels[lang].gregorian,
        report.comparison.lastYear.period.labels[lang].gregorian,
      ],
      [
        t('hijri'),
        report.period.labels[lang].hijri,
        report.comparison.previous.period.labels[lang].hijri,
        report.comparison.lastYear.period.labels[lang].hijri,
      ],
      [t('issued'), issueDate(new Date(report.generatedAt), lang), null, null],
      [t('kindFilter'), report.kind ? labels.kind(report.kind) : t('all'), null, null],
      summaryRow(t('submissions'), (s) => s.submissions, report.counts.total),
      ...report.counts.byKind.map((row) =>
        summaryRow(labels.kind(row.key), (s) => s.byKind.find((item) => item.key === row.key)?.count ?? 0, row.count),
      ),
      summaryRow(t('visitorsTotal'), (s) => s.visitors, report.visitors.total),
      summaryRow(t('csat'), (s) => s.serviceCsatPercent, report.satisfaction.service.csat.satisfiedPercent),
      summaryRow(t('firstResponse'), (s) => s.firstResponseMedianHours, report.times.firstResponse.medianHours),
    ],
  );
  summary.getRow(2).font = { bold: true };

  const c = report.counts;
  const dims: [keyof typeof TEXT, { key: string; count: number }[], (key: string) => string][] = [
    ['byKind', c.byKind, labels.kind],
    ['byCategory', c.byCategory, (key) => labels.topic(key, 'complaint')],
    ['byService', c.byService, (key) => labels.topic(key, 'request')],
    ['byChannel', c.byChannel, labels.channel],
    ['byStatus', c.byStatus, labels.status],
    ['byDay', c.byDay, (key) => key],
  ];
  sheet(
    'counts',
    [t('dimension'), t('item'), t('count')],
    [
      [t('total'), t('total'), c.total],
      ...dims.flatMap(([dim, rows, name]) => rows.map((row): Cell[] => [t(dim), name(row.key), row.count])),
    ],
  );

  const a = report.actions;
  const d = report.deadlines;
  sheet(
    'actions',
    [t('figure'), t('count'), t('median'), t('p90')],
    [
      [t('statusChanges'), a.statusChanges, null, null],
      ...a.byStatus.map((row): Cell[] => [`${t('statusChanges')}: ${labels.status(row.key)}`, row.count, null, null]),
      [t('referrals'), a.referrals, null, null],
      [t('accepted'), a.decisions.accepted, null, null],
      [t('rejected'), a.decisions.rejected, null, null],
      [
        t('firstResponseRow'),
        report.times.firstResponse.count,
        report.times.firstResponse.medianHours,
        report.times.firstResponse.p90Hours,
      ],
      [
        t('resolutionRow'),
        report.times.resolution.count,
        report.times.resolution.medianHours,
        report.times.resolution.p90Hours,
      ],
      [],
      [t('figure'), t('due'), t('onTime'), t('percent')],
      [t('decidedInPeriod'), d.requestsDecided.due, d.requestsDecided.onTime, d.requestsDecided.percent],
      [t('answeredInPeriod'), d.complaintsAnswered.due, d.complaintsAnswered.onTime, d.complaintsAnswered.percent],
    ],
  );

  sheet(
    'overdue',
    [t('reference'), t('kind'), t('topic'), t('status'), t('dueAt'), t('daysOverdue')],
    report.overdue.items.map((item) => [
      formatReference(item.reference),
      labels.kind(item.kind),
      labels.topic(item.topic, item.kind),
      labels.status(item.status),
      localDateTime(new Date(item.dueAt), ASSOCIATION_TIME_ZONE),
      item.daysOverdue,
    ]),
  );

  const satisfactionCells = (s: Satisfaction): Cell[] => [
    s.csat.count,
    s.csat.satisfiedPercent,
    s.nps.count,
    s.nps.score,
    s.ces.count,
    s.ces.average,
  ];
  const sat = report.satisfaction;
  sheet(
    'satisfaction',
    [t('group'), t('source'), t('csatCount'), t('csatPercent'), t('npsCount'), t('nps'), t('cesCount'), t('ces')],
    [
      [t('total'), labels.source('service'), ...satisfactionCells(sat.service)],
      [t('total'), labels.source('website'), ...satisfactionCells(sat.website)],
      ...sat.byMonth.flatMap((row): Cell[][] => [
        [`${t('month')} ${row.month}`, labels.source('service'), ...satisfactionCells(row.service)],
        [`${t('month')} ${row.month}`, labels.source('website'), ...satisfactionCells(row.website)],
      ]),
      ...sat.byKind.map((row): Cell[] => [
        `${t('kind')}: ${labels.kind(row.key)}`,
        labels.source('service'),
        ...satisfactionCells(row.satisfaction),
      ]),
      ...sat.byCategory.map((row): Cell[] => [
        `${t('topic')}: ${labels.topic(row.key)}`,
        labels.source('service'),
        ...satisfactionCells(row.satisfaction),
      ]),
    ],
  );

  sheet(
    'comments',
    [t('day'), t('source'), t('kind'), t('topic'), t('scale'), t('score'), t('comment')],
    sat.comments.map((row) => [
      row.day,
      labels.source(row.source),
      labels.kind(row.kind),
      row.kind ? labels.topic(row.topic, row.kind) : (row.topic ?? ''),
      labels.scale(row.scale),
      row.score,
      row.comment,
    ]),
  );

  sheet(
    'visitors',
    [t('dimension'), t('item'), t('count')],
    [
      [t('total'), t('total'), report.visitors.total],
      ...report.visitors.byDay.map((row): Cell[] => [t('byDay'), row.key, row.count]),
      ...report.visitors.byPurpose.map((row): Cell[] => [t('byPurpose'), labels.purpose(row.key), row.count]),
    ],
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
