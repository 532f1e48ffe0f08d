/**
 * Real parts for the notification tests: an SMTP server in the test process (smtp-server,
 * every mail parsed with mailparser) and an HTTP server that answers as Unifonic's SMS API
 * documents (docs.unifonic.com/reference/sms-api), or as a signed webhook receiver.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpFake {
  port: number;
  url: string;
  mails: ParsedMail[];
  /** Stops listening (the port is freed; mail in flight is cut). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Called when a mail's data has arrived, before the server answers; may delay the answer. */
  onData?: (mail: ParsedMail) => Promise<void> | void;
}

export async function startSmtp(
  options: { reject?: (address: string) => boolean; port?: number } = {},
): Promise<SmtpFake> {
  const mails: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  let server: SMTPServer | undefined;
  const fake: SmtpFake = {
    port: 0,
    url: '',
    mails,
    async stop() {
      if (!server) return;
      const closing = server;
      server = undefined;
      // Cut open connections, as a crashed mail server would.
      for (const connection of (closing as unknown as { connections: Set<{ close(): void }> }).connections)
        connection.close();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async restart() {
      await listen(fake.port);
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 50);
          waiters.add(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return mails;
    },
  };
  async function listen(port: number): Promise<void> {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (options.reject?.(address.address)) {
          const error = Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 });
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          async (mail) => {
            await fake.onData?.(mail);
            mails.push(mail);
            for (const wake of waiters) wake();
            waiters.clear();
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    server.on('error', () => {});
    server.listen(port, '127.0.0.1');
    await once(server.server, 'listening');
    fake.port = (server.server.address() as AddressInfo).port;
    fake.url = `smtp://127.0.0.1:${fake.port}`;
  }
  await listen(options.port ?? 0);
  return fake;
}

export interface HttpCall {
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** One answer of the fake provider: a status and a JSON body, or no answer at all. */
export type FakeAnswer = { status: number; body: unknown } | 'hang';

export interface HttpFake {
  url: string;
  calls: HttpCall[];
  /** Answers to give, in order; when empty, `fallback`. */
  script: FakeAnswer[];
  fallback: (call: HttpCall) => FakeAnswer;
  stop(): Promise<void>;
}

export async function startHttpFake(fallback: (call: HttpCall) => FakeAnswer): Promise<HttpFake> {
  const hanging = new Set<() => void>();
  const fake: HttpFake = {
    url: '',
    calls: [],
    script: [],
    fallback,
    async stop() {
      for (const release of hanging) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const call: HttpCall = { headers: request.headers, body, at: Date.now() };
      fake.calls.push(call);
      const answer = fake.script.shift() ?? fake.fallback(call);
      if (answer === 'hang') {
        hanging.add(() => response.destroy());
        return;
      }
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/SMS/messages`;
  return fake;
}

/** Unifonic's documented success answer for POST /rest/SMS/messages. */
export function unifonicSuccess(recipient: string, correlationId: string, messageId: number): FakeAnswer {
  return {
    status: 200,
    body: {
      success: true,
      message: '',
      errorCode: 'ER-00',
      data: {
        MessageID: messageId,
        CorrelationID: correlationId,
        Status: 'Sent',
        NumberOfUnits: 1,
        Cost: 0,
        Balance: 0,
        Recipient: recipient,
        TimeCreated: '2026-11-30 10:00:00.000',
        CurrencyCode: '',
      },
    },
  };
}

/** Unifonic's documented error answer (HTTP 200, success false). */
export const UNIFONIC_BAD_NUMBER: FakeAnswer = {
  status: 200,
  body: { success: false, message: 'Dest num is too short', errorCode: 'ER-04', data: {} },
};
