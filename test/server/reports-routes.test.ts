/**
 * The report routes as people use them: who may read reports, export them and keep the
 * visitor log; the workbook read back with exceljs (Arabic headers, right-to-left
 * sheets, the seeded month's numbers); the CSV in Arabic with Riyadh times; audit rows.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import ExcelJS from 'exceljs';
import { report as reportSchema, visitorEntry, visitorList } from '../../src/contract/reports.js';
import {
  ADMIN_TOKEN,
  assertProblem,
  assertSchema,
  call,
  countRows,
  describeEachDatabase,
  fieldPaths,
  makeApp,
  staffGet,
  type TestApp,
} from './helpers.js';
import { NOW, OCTOBER, expectedFigures, makeSeed, writeSeed } from './reports-seed.js';
import { asStaff, createStaff, signIn, type SignedIn } from './staff-auth-helpers.js';

const seed = makeSeed();
const want = expectedFigures(seed, OCTOBER);
const OCTOBER_QUERY = 'period=month&at=2026-10';

async function auditCount(db: Parameters<typeof countRows>[0], action: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [
    action,
  ]);
  return rows[0]!.n;
}

async function workbook(body: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body);
  return book;
}

/** The rows of a sheet as plain arrays (exceljs rows are 1-based with a hole at 0). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describeEachDatabase('report routes', (db) => {
  let app: TestApp;
  const as: Record<string, SignedIn> = {};

  before(async () => {
    await writeSeed(db(), seed);
    app = makeApp(db(), { now: () => NOW });
    for (const role of ['officer', 'committee', 'manager', 'admin'] as const) {
      as[role] = await signIn(app, await createStaff(db(), role));
    }
  });

  it('managers and admins read the report; others are refused; each view is audited once', async () => {
    const before = await auditCount(db(), 'report.view');
    const answer = await asStaff(app, as.manager!, `/v1/staff/reports?${OCTOBER_QUERY}`);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    const report = assertSchema(reportSchema, answer.json, 'report');
    assert.equal(report.counts.total, want.total);
    assert.equal(report.visitors.total, want.visitorsTotal);
    assert.equal(await auditCount(db(), 'report.view'), before + 1);
    assert.equal((await asStaff(app, as.admin!, `/v1/staff/reports?${OCTOBER_QUERY}`)).status, 200);
    assertProblem(await asStaff(app, as.officer!, `/v1/staff/reports?${OCTOBER_QUERY}`), 403, 'forbidden');
    assertProblem(await asStaff(app, as.committee!, `/v1/staff/reports?${OCTOBER_QUERY}`), 403, 'forbidden');
    assertProblem(await staffGet(app, `/v1/staff/reports?${OCTOBER_QUERY}`), 403, 'forbidden');
    assertProblem(await call(app, `/v1/staff/reports?${OCTOBER_QUERY}`), 401);
  });

  it('refuses unknown parameters (400) and malformed periods (422), naming the parameter', async () => {
    const unknown = await asStaff(app, as.manager!, `/v1/staff/reports?${OCTOBER_QUERY}&colour=red`);
    assertProblem(unknown, 400, 'invalid_query');
    assert.deepEqual(fieldPaths(unknown), ['colour']);
    const wrong = await asStaff(app, as.manager!, '/v1/staff/reports?period=quarter&at=2026-10');
    assertProblem(wrong, 422, 'invalid_query');
    assert.deepEqual(fieldPaths(wrong), ['at']);
    assertProblem(
      await asStaff(app, as.manager!, '/v1/staff/reports?period=custom&from=2026-10-05'),
      422,
      'invalid_query',
    );
  });

  it('the Arabic workbook: right-to-left sheets, Arabic headers and labels, the seeded numbers', async () => {
    const before = await auditCount(db(), 'report.export');
    const answer = await app.request(`/v1/staff/reports.xlsx?${OCTOBER_QUERY}&lang=ar`, {
      headers: { Cookie: as.manager!.cookie },
    });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.match(
      answer.headers.get('content-disposition') ?? '',
      /attachment; filename="sila-report-2026-10-ar\.xlsx"/,
    );
    assert.equal(await auditCount(db(), 'report.export'), before + 1);
    const book = await workbook(await answer.arrayBuffer());
    assert.deepEqual(
      book.worksheets.map((sheet) => sheet.name),
      ['الملخص', 'الأعداد', 'الإجراءات والمدد', 'المتأخرة', 'الرضا', 'التعليقات', 'الزوار'],
    );
    for (const sheet of book.worksheets)
      assert.equal(sheet.views[0]?.rightToLeft, true, `${sheet.name} is right to left`);

    const summary = rowsOf(book.getWorksheet('الملخص')!);
    assert.deepEqual(summary[0], ['المؤشر', 'هذه الفترة', 'الفترة السابقة', 'الفترة نفسها من العام الماضي']);
    assert.deepEqual(summary[2]?.slice(0, 2), ['الفترة', 'أكتوبر 2026']);
    assert.match(String(summary[3]?.[1]), /^ربيع الآخر\s.\sجمادى الأولى 1448 هـ$/);
    const received = summary.find((row) => row[0] === 'المعاملات الواردة')!;
    assert.equal(received[1], want.total);
    assert.equal(summary.find((row) => row[0] === 'شكوى')?.[1], want.byKind.get('complaint'));
    assert.equal(summary.find((row) => row[0] === 'الزوار')?.[1], want.visitorsTotal);

    const counts = rowsOf(book.getWorksheet('الأعداد')!);
    assert.deepEqual(counts[0], ['البعد', 'البند', 'العدد']);
    const cell = (dimension: string, item: string) =>
      counts.find((row) => row[0] === dimension && row[1] === item)?.[2];
    assert.equal(cell('حسب النوع', 'طلب مساعدة'), want.byKind.get('request'));
    assert.equal(cell('حسب القناة', 'حضور شخصي'), want.byChannel.get('walk_in'));
    assert.equal(cell('حسب الخدمة', 'سلة غذائية'), want.byService.get('food_basket'));
    assert.equal(cell('حسب الفئة', 'جودة الخدمة'), want.byCategory.get('service_quality'));
    assert.equal(cell('حسب الحالة', 'قيد الدراسة'), want.byStatus.get('under_review'));
    assert.equal(cell('حسب اليوم', '2026-10-31'), want.byDay.get('2026-10-31'));

    const overdue = rowsOf(book.getWorksheet('المتأخرة')!);
    assert.equal(overdue.length - 1, want.overdue.length);
    const satisfaction = rowsOf(book.getWorksheet('الرضا')!);
    assert.deepEqual(satisfaction[1]?.slice(0, 4), [
      'الإجمالي',
      'تقييم الخدمة',
      want.service.csat.count,
      want.service.csat.satisfiedPercent,
    ]);
    assert.deepEqual(satisfaction[2]?.slice(0, 4), [
      'الإجمالي',
      'تقييم صفحة الموقع',
      want.website.csat.count,
      want.website.csat.satisfiedPercent,
    ]);
  });

  it('the English workbook reads left to right with English headers', async () => {
    const answer = await app.request(`/v1/staff/reports.xlsx?${OCTOBER_QUERY}&lang=en`, {
      headers: { Cookie: as.admin!.cookie },
    });
    assert.equal(answer.status, 200);
    const book = await workbook(await answer.arrayBuffer());
    assert.equal(book.worksheets[0]?.name, 'Summary');
    assert.equal(book.worksheets[0]?.views[0]?.rightToLeft, false);
    const counts = rowsOf(book.getWorksheet('Counts')!);
    assert.equal(
      counts.find((row) => row[0] === 'By kind' && row[1] === 'Complaint')?.[2],
      want.byKind.get('complaint'),
    );
    assertProblem(await asStaff(app, as.officer!, `/v1/staff/reports.xlsx?${OCTOBER_QUERY}`), 403);
  });

  it('officers keep the visitor log; each entry is audited; the report counts it', async () => {
    const before = await auditCount(db(), 'visitors.record');
    const added = await asStaff(app, as.officer!, '/v1/staff/visitors', 'POST', {
      day: '2026-11-14',
      purpose: 'inquiry',
      count: 5,
    });
    assert.equal(added.status, 201, added.text);
    const entry = assertSchema(visitorEntry, added.json, 'entry');
    assert.deepEqual(
      [entry.day, entry.purpose, entry.count, entry.recordedBy],
      ['2026-11-14', 'inquiry', 5, 'Test officer'],
    );
    assert.equal(await auditCount(db(), 'visitors.record'), before + 1);
    await asStaff(app, as.officer!, '/v1/staff/visitors', 'POST', {
      day: '2026-11-14',
      purpose: 'follow_up',
      count: 2,
    });
    const list = assertSchema(
      visitorList,
      (await asStaff(app, as.officer!, '/v1/staff/visitors?from=2026-11-14&to=2026-11-14')).json,
      'list',
    );
    assert.deepEqual(list.byDay, [{ key: '2026-11-14', count: 7 }]);
    const november = await asStaff(app, as.manager!, '/v1/staff/reports?period=custom&from=2026-11-14&to=2026-11-14');
    assert.equal(november.json.visitors.total, 7);

    const future = await asStaff(app, as.officer!, '/v1/staff/visitors', 'POST', {
      day: '2026-11-16',
      purpose: 'inquiry',
      count: 1,
    });
    assertProblem(future, 422, 'validation_failed');
    assert.deepEqual(fieldPaths(future), ['day']);
    const bad = await asStaff(app, as.officer!, '/v1/staff/visitors', 'POST', {
      day: '2026-11-14',
      purpose: 'party',
      count: 0,
    });
    assert.deepEqual(fieldPaths(bad).sort(), ['count', 'purpose']);
    assertProblem(
      await asStaff(app, as.committee!, '/v1/staff/visitors', 'POST', {
        day: '2026-11-14',
        purpose: 'inquiry',
        count: 1,
      }),
      403,
    );
    assert.equal(await auditCount(db(), 'visitors.record'), before + 2);
  });

  it('CSV with lang=ar: Arabic headers and labels, Riyadh times; people cannot pull personal data', async () => {
    const answer = await call(app, '/v1/staff/export.csv?lang=ar&from=2026-10-31&to=2026-10-31', {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(answer.status, 200, answer.text);
    const lines = answer.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.deepEqual(lines[0]!.split(',').slice(0, 8), [
      'الرقم المرجعي',
      'النوع',
      'الحالة',
      'القناة',
      'تاريخ الاستلام (توقيت الرياض)',
      'آخر تحديث (توقيت الرياض)',
      'الموعد المستحق (توقيت الرياض)',
      'متأخرة',
    ]);
    // The complaint sent at 23:30 Riyadh on 31 October is in the day's export, at 23:30.
    const late = lines.find((line) => line.includes('2026-10-31 23:30:00'));
    assert.ok(late, lines.join('\n'));
    assert.match(late, /,شكوى,/);
    assert.ok(!lines.some((line) => line.includes('2026-11-01 00:10:00')), 'the next day stays out');
    const english = await call(app, '/v1/staff/export.csv?lang=en&from=2026-10-31&to=2026-10-31', {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.match(english.text, /^\uFEFF?Reference,Kind,Status,Channel,Received \(Riyadh time\)/);
    assertProblem(
      await call(app, '/v1/staff/export.csv?lang=fr', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } }),
      422,
      'invalid_query',
    );
    assertProblem(await asStaff(app, as.manager!, '/v1/staff/export.csv?lang=ar'), 403);
  });
});
