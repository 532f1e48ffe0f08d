/**
 * Templates, dates, SMS costs, configuration and the webhook channel: the parts of
 * notifications that need no database.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { unknownPlaceholders } from '../../src/contract/notifications.js';
import { ConfigError, DEFAULT_CONFIG_PATH } from '../../server/config.js';
import { PermanentSendError } from '../../server/notify/channels/channel.js';
import { webhookChannel } from '../../server/notify/channels/sms-webhook.js';
import { loadTemplates, readNotifyConfig } from '../../server/notify/config.js';
import { longDate, shortDate } from '../../server/notify/dates.js';
import { fillTemplate, renderMessage } from '../../server/notify/render.js';
import { countSegments } from '../../server/notify/segments.js';
import { backoffMs } from '../../server/notify/sender.js';
import { smsSegmentTable } from '../../server/notify/sms-costs.js';
import { startHttpFake } from './notify-fakes.js';

const dir = mkdtempSync(join(tmpdir(), 'sila-notify-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function configWith(notifications: unknown): string {
  const path = join(dir, `association-${Math.random().toString(36).slice(2)}.json`);
  const base = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
  writeFileSync(path, JSON.stringify({ ...base, notifications }));
  return path;
}

const AT = new Date('2026-11-30T10:00:00Z');

describe('templates', () => {
  it('only named placeholders: an unknown one (say {nationalId}) stops the server at start', () => {
    assert.deepEqual(unknownPlaceholders('رقم {reference} وهويتك {nationalId} و{ note }'), ['nationalId', ' note ']);
    const path = configWith({
      templates: { received: { ar: { subject: 'تم {reference}', email: 'هويتك {nationalId}', sms: 'تم' } } },
    });
    assert.throws(
      () => loadTemplates(path),
      (error: Error) =>
        error instanceof ConfigError &&
        /notifications\.templates\.received\.ar\.email: unknown placeholder \{nationalId\}/.test(error.message),
    );
  });

  it('an association’s template replaces the default for that event and language only', () => {
    const path = configWith({
      templates: {
        closed: { en: { subject: 'Closed: {reference}', email: 'Closed {reference}.', sms: 'Closed {reference}' } },
      },
    });
    const templates = loadTemplates(path);
    assert.equal(templates.closed.en.sms, 'Closed {reference}');
    assert.match(templates.closed.ar.sms, /تم إغلاق/);
  });

  it('a template cannot inject HTML: its own markup is escaped like the values', () => {
    const template = {
      subject: 'تحديث {reference}',
      email: '<img src=x onerror=alert(1)> الحالة: {status}\n<a href="https://evil.example">اضغط</a>',
      sms: '{status}',
    };
    const message = renderMessage(template, {
      event: 'status',
      locale: 'ar',
      reference: 'C4F7K2M9QX3TB',
      kind: 'complaint',
      status: 'accepted',
      at: AT,
      association: 'جمعية',
    });
    assert.ok(!message.html.includes('<img') && !message.html.includes('<a href="https://evil.example"'));
    assert.ok(message.html.includes('&#60;img src=x onerror=alert(1)&#62;'));
    assert.ok(
      message.text.includes('<img src=x onerror=alert(1)> الحالة: مقبولة'),
      'the plain text part says what was written',
    );
    assert.match(message.html, /^<!doctype html>\n<html lang="ar" dir="rtl">/);
  });

  it('the one link is the configured follow-up page; a line with an empty placeholder is left out', () => {
    assert.equal(fillTemplate('أ {reference}\nقبل {dueDate}.\nب', { reference: 'X', dueDate: '' }), 'أ X\nب');
    const message = renderMessage(
      { subject: 's', email: 'تابع: {statusUrl}\nقبل {dueDate}', sms: '{statusUrl}' },
      {
        event: 'received',
        locale: 'ar',
        reference: 'C4F7K2M9QX3TB',
        kind: 'complaint',
        at: AT,
        association: 'ج',
        statusUrl: 'https://charity.example/f?ref=C-4F7K-2M9Q-X3TB',
      },
    );
    assert.equal(message.text, 'تابع: https://charity.example/f?ref=C-4F7K-2M9Q-X3TB');
    assert.ok(message.html.includes('<a href="https://charity.example/f?ref=C-4F7K-2M9Q-X3TB" dir="ltr">'));
  });

  it('identifiers the case holds are masked inside a staff note', () => {
    const message = renderMessage(
      { subject: 's', email: '{note}', sms: '{note}' },
      {
        event: 'status',
        locale: 'ar',
        reference: 'C4F7K2M9QX3TB',
        kind: 'request',
        note: 'هويتك 1000000008 وجوالك +966551234567',
        at: AT,
        association: 'ج',
        secrets: ['1000000008', '+966551234567'],
      },
    );
    assert.equal(message.sms, 'هويتك •••• وجوالك ••••');
  });
});

describe('dates and SMS costs', () => {
  it('Hijri (Umm al-Qura) with Gregorian, in Riyadh time', () => {
    assert.equal(longDate(AT, 'ar'), '20 جمادى الآخرة 1448 هـ (30 نوفمبر 2026م)');
    assert.equal(shortDate(AT, 'ar'), '20/06/1448 هـ (30/11/2026م)');
    assert.equal(longDate(AT, 'en'), '20 Jumada II 1448 AH (30 November 2026)');
    // 23:30 UTC is already the next day in Riyadh.
    assert.match(shortDate(new Date('2026-11-30T23:30:00Z'), 'ar'), /\(01\/12\/2026م\)$/);
  });

  it('counts parts as carriers do: UCS-2 70 / 67, GSM-7 160 / 153, extension characters twice', () => {
    assert.deepEqual(countSegments('ا'.repeat(70)), { encoding: 'UCS-2', units: 70, segments: 1 });
    assert.equal(countSegments('ا'.repeat(71)).segments, 2);
    assert.equal(countSegments('ا'.repeat(134)).segments, 2);
    assert.equal(countSegments('ا'.repeat(135)).segments, 3);
    assert.deepEqual(countSegments('a'.repeat(160)), { encoding: 'GSM-7', units: 160, segments: 1 });
    assert.equal(countSegments('a'.repeat(161)).segments, 2);
    assert.equal(countSegments('€'.repeat(80)).segments, 1);
    assert.equal(countSegments('€'.repeat(81)).segments, 2);
  });

  it('the config check’s table: every default Arabic SMS is UCS-2 and stays within 3 parts', () => {
    const table = smsSegmentTable(
      loadTemplates(DEFAULT_CONFIG_PATH),
      { ar: 'جمعية صلة الخيرية', en: 'Sila Charity' },
      'https://charity.example/follow-up',
    );
    assert.equal(table.length, 12); // 6 events (reminder included) × 2 languages
    for (const line of table.filter((row) => row.locale === 'ar')) {
      assert.equal(line.encoding, 'UCS-2');
      assert.ok(line.segments <= 3, `${line.event}: ${line.segments} parts`);
    }
  });
});

describe('configuration', () => {
  it('refuses half-configured channels at start, with the variable’s name', () => {
    assert.throws(() => readNotifyConfig({ SILA_SMTP_URL: 'smtp://mail.example:587' }), /SILA_MAIL_FROM/);
    assert.throws(
      () => readNotifyConfig({ SILA_SMTP_URL: 'http://mail.example' }),
      /SILA_SMTP_URL must start with smtp:\/\/ or smtps:\/\//,
    );
    assert.throws(
      () => readNotifyConfig({ SILA_SMS_WEBHOOK_URL: 'https://gw.example/sms', SILA_SMS_WEBHOOK_SECRET: 'short' }),
      /SILA_SMS_WEBHOOK_SECRET/,
    );
    assert.throws(() => readNotifyConfig({ SILA_NOTIFY_MAX_ATTEMPTS: '0' }), /SILA_NOTIFY_MAX_ATTEMPTS/);
    const full = readNotifyConfig({
      SILA_SMTP_URL: 'smtps://user:secret@mail.example',
      SILA_MAIL_FROM: 'Sila <no-reply@charity.example>',
      SILA_UNIFONIC_APP_SID: 'app-sid',
    });
    assert.equal(full.summary, 'Notifications: e-mail via mail.example, SMS via Unifonic');
    assert.ok(!full.summary.includes('secret'));
  });

  it('backoff doubles with jitter between half and the whole step, up to the cap', () => {
    for (const attempt of [1, 2, 3, 10]) {
      const step = Math.min(1000, 100 * 2 ** (attempt - 1));
      assert.equal(
        backoffMs(attempt, 100, 1000, () => 0),
        step / 2,
      );
      assert.equal(
        backoffMs(attempt, 100, 1000, () => 1),
        step,
      );
    }
  });
});

describe('the signed webhook', () => {
  it('posts {to, text, id} signed with HMAC-SHA-256; 5xx is retried, 4xx is final', async () => {
    const secret = 'a-long-shared-secret-of-at-least-32-characters';
    const gateway = await startHttpFake(() => ({ status: 202, body: { queued: true } }));
    try {
      const channel = webhookChannel({ url: gateway.url, secret, timeoutMs: 2000 });
      const result = await channel.send({ id: 'msg-1', to: '+966551234567', text: 'تم استلام الشكوى' });
      assert.equal(result.providerId, 'msg-1');
      const [call] = gateway.calls;
      assert.deepEqual(JSON.parse(call!.body), { to: '+966551234567', text: 'تم استلام الشكوى', id: 'msg-1' });
      const timestamp = String(call!.headers['x-sila-timestamp']);
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${call!.body}`).digest('hex')}`;
      assert.equal(call!.headers['x-sila-signature'], expected);
      assert.equal(call!.headers['idempotency-key'], 'msg-1');

      gateway.script.push({ status: 502, body: { error: 'bad gateway' } });
      await assert.rejects(
        channel.send({ id: 'msg-2', to: '+966551234567', text: 'x' }),
        (error: Error) => !(error instanceof PermanentSendError) && /HTTP 502/.test(error.message),
      );
      gateway.script.push({ status: 400, body: { error: 'invalid number' } });
      await assert.rejects(
        channel.send({ id: 'msg-3', to: '+966551234567', text: 'x' }),
        (error: Error) => error instanceof PermanentSendError && /invalid number/.test(error.message),
      );
    } finally {
      await gateway.stop();
    }
  });
});
