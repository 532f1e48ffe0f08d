/** E-mail through any SMTP server, with nodemailer (SILA_SMTP_URL, SILA_MAIL_FROM). */
import nodemailer from 'nodemailer';
import {
  PermanentSendError,
  providerAnswer,
  type EmailChannel,
  type EmailMessage,
  type SendResult,
} from './channel.js';

export interface SmtpOptions {
  /** smtp://host:port or smtps://host:port, optionally with user:password@. */
  url: string;
  user?: string;
  password?: string;
  /** "Association <no-reply@charity.example>" */
  from: string;
  timeoutMs: number;
}

/** <id@domain-of-from>: the same on every retry, so a receiver can drop a repeat. */
export function messageIdFor(id: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'sila.invalid';
  return `<${id}@${domain}>`;
}

interface SmtpError {
  responseCode?: number;
  response?: string;
  code?: string;
  message?: string;
}

export function smtpChannel(options: SmtpOptions): EmailChannel {
  const url = new URL(options.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth:
      options.user || url.username
        ? {
            user: options.user ?? decodeURIComponent(url.username),
            pass: options.password ?? decodeURIComponent(url.password),
          }
        : undefined,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    name: `smtp ${url.hostname}`,
    async send(message: EmailMessage): Promise<SendResult> {
      const messageId = messageIdFor(message.id, options.from);
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId,
          headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': message.locale },
        });
      } catch (error) {
        const smtp = error as SmtpError;
        const answer = providerAnswer(smtp.response ?? smtp.message ?? String(error));
        // 5xx: the server refused this message for good (unknown mailbox, policy).
        if (smtp.responseCode && smtp.responseCode >= 500) throw new PermanentSendError(answer);
        throw new Error(smtp.code ? `${smtp.code}: ${answer}` : answer);
      }
      return { providerId: messageId };
    },
    close: () => transport.close(),
  };
}
