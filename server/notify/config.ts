/**
 * Notification settings: channels from the environment (secrets live only there) and the
 * templates from the association's configuration file (key "notifications").
 */
import { readFileSync } from 'node:fs';
import {
  NOTIFICATION_EVENTS,
  notificationSettingsSchema,
  type MessageTemplate,
  type NotificationEvent,
  unknownPlaceholders,
} from '../../src/contract/notifications.js';
import { toFieldErrors } from '../../src/contract/issues.js';
import { ConfigError } from '../config.js';
import type { EmailChannel, SmsChannel } from './channels/channel.js';
import { smtpChannel } from './channels/smtp.js';
import { UNIFONIC_URL, unifonicChannel } from './channels/sms-unifonic.js';
import { webhookChannel } from './channels/sms-webhook.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import type { MessageLocale } from './recipient.js';

export type Templates = Record<NotificationEvent, Record<MessageLocale, MessageTemplate>>;

export interface DeliverySettings {
  /** Tries before a message is given up (dead letter). */
  maxAttempts: number;
  /** First retry after about this long; doubled each time, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How often the sender looks for due messages. */
  pollMs: number;
  /** How long a claimed message stays with one sender before another may take it. */
  leaseMs: number;
  /** Per provider call. */
  timeoutMs: number;
}

export interface NotifyConfig extends DeliverySettings {
  email?: EmailChannel;
  sms?: SmsChannel;
  /** The association's follow-up page; messages link to it with ?ref=. */
  statusPageUrl?: string;
  /** One line for the start-up log (no secrets). */
  summary: string;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(`${name} must be a whole number >= ${min}, got "${raw}"`);
  return value;
}

function httpUrl(env: NodeJS.ProcessEnv, name: string, protocols = ['http:', 'https:']): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL`);
  }
  if (!protocols.includes(url.protocol))
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return raw;
}

export function readNotifyConfig(env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  const delivery: DeliverySettings = {
    maxAttempts: whole(env, 'SILA_NOTIFY_MAX_ATTEMPTS', 8, 1),
    backoffBaseMs: whole(env, 'SILA_NOTIFY_BACKOFF_MS', 30_000, 10),
    backoffMaxMs: whole(env, 'SILA_NOTIFY_BACKOFF_MAX_MS', 6 * 60 * 60 * 1000, 10),
    pollMs: whole(env, 'SILA_NOTIFY_POLL_MS', 1000, 10),
    leaseMs: whole(env, 'SILA_NOTIFY_LEASE_MS', 120_000, 100),
    timeoutMs: whole(env, 'SILA_NOTIFY_TIMEOUT_MS', 15_000, 100),
  };
  const parts: string[] = [];

  let email: EmailChannel | undefined;
  const smtpUrl = httpUrl(env, 'SILA_SMTP_URL', ['smtp:', 'smtps:']);
  if (smtpUrl) {
    const from = env.SILA_MAIL_FROM?.trim();
    if (!from || !from.includes('@'))
      throw new ConfigError(
        'SILA_MAIL_FROM must be set (e.g. "Association <no-reply@charity.example>") with SILA_SMTP_URL',
      );
    email = smtpChannel({
      url: smtpUrl,
      user: env.SILA_SMTP_USER?.trim() || undefined,
      password: env.SILA_SMTP_PASSWORD || undefined,
      from,
      timeoutMs: delivery.timeoutMs,
    });
    parts.push(`e-mail via ${new URL(smtpUrl).host}`);
  }

  let sms: SmsChannel | undefined;
  const appSid = env.SILA_UNIFONIC_APP_SID?.trim();
  const webhookUrl = httpUrl(env, 'SILA_SMS_WEBHOOK_URL');
  if (appSid) {
    const url = httpUrl(env, 'SILA_UNIFONIC_URL') ?? UNIFONIC_URL;
    sms = unifonicChannel({
      appSid,
      senderId: env.SILA_UNIFONIC_SENDER_ID?.trim() || undefined,
      url,
      timeoutMs: delivery.timeoutMs,
    });
    parts.push('SMS via Unifonic');
  } else if (webhookUrl) {
    const secret = env.SILA_SMS_WEBHOOK_SECRET ?? '';
    if (secret.length < 32)
      throw new ConfigError('SILA_SMS_WEBHOOK_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)');
    sms = webhookChannel({ url: webhookUrl, secret, timeoutMs: delivery.timeoutMs });
    parts.push(`SMS via webhook ${new URL(webhookUrl).host}`);
  }

  const statusPageUrl = httpUrl(env, 'SILA_STATUS_PAGE_URL');
  const summary =
    parts.length > 0
      ? `Notifications: ${parts.join(', ')}${email && sms ? '' : email ? ' (no SMS channel: SMS recorded as not sent)' : ' (no e-mail channel: e-mail recorded as not sent)'}`
      : 'Notifications: no channel configured (messages are recorded as "not sent: no channel configured")';
  return { ...delivery, email, sms, statusPageUrl, summary };
}

/** The association's templates over the defaults; refuses unknown placeholders at start. */
export function loadTemplates(configPath: string): Templates {
  let raw: { notifications?: unknown };
  try {
    raw = JSON.parse(readFileSync(configPath, 'utf8')) as { notifications?: unknown };
  } catch (error) {
    throw new ConfigError(`cannot read association config ${configPath}: ${(error as Error).message}`);
  }
  const parsed = notificationSettingsSchema.safeParse(raw.notifications ?? {});
  if (!parsed.success) {
    const details = toFieldErrors(parsed.error.issues)
      .map((error) => {
        const value = error.path
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], raw.notifications);
        const unknown = typeof value === 'string' ? unknownPlaceholders(value) : [];
        const why =
          unknown.length > 0 ? `unknown placeholder ${unknown.map((name) => `{${name}}`).join(', ')}` : error.code;
        return `  notifications.${error.path}: ${why}`;
      })
      .join('\n');
    throw new ConfigError(`association config ${configPath}: notifications are invalid:\n${details}`);
  }
  const templates = structuredClone(DEFAULT_TEMPLATES);
  for (const event of NOTIFICATION_EVENTS) {
    const own = parsed.data.templates?.[event];
    if (own?.ar) templates[event].ar = own.ar;
    if (own?.en) templates[event].en = own.en;
  }
  return templates;
}
