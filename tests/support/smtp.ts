/**
 * A real SMTP server in the test process (smtp-server), reading every message it accepts with
 * mailparser, so tests see what a mail provider would receive. It can refuse recipients
 * (permanently with 550, or for now with 451) and accept slowly.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One accepted message, parsed. */
export interface ReceivedMail {
  to: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  /** Raw header values by lower-case name, as sent (mailparser restructures List-* headers). */
  headers: Map<string, string>;
  /** The List-Unsubscribe URL, when the mail has one. */
  unsubscribeUrl: string | undefined;
}

/** A running test SMTP server. */
export interface TestSmtpServer {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** How many messages were accepted (also when `keep` is off). */
  accepted(): number;
  /** Mails to one address. */
  to(address: string): ReceivedMail[];
  /** Waits until `predicate` holds over the received mails; throws with what arrived after `timeoutMs`. */
  waitFor(predicate: (mails: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Recipients refused from now on: 'permanent' (550) or 'temporary' (451). */
  refuse: Map<string, 'permanent' | 'temporary'>;
  stop(): Promise<void>;
}

function rawHeaders(mail: ParsedMail): Map<string, string> {
  return new Map(
    mail.headerLines.map((header) => [
      header.key,
      header.line
        .slice(header.line.indexOf(':') + 1)
        .replace(/\r?\n\s+/g, ' ')
        .trim(),
    ]),
  );
}

/** Starts the server on a free loopback port. `keep: false` only counts (benchmarks). */
export async function startSmtpServer(
  options: { keep?: boolean; delayMs?: number } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refuse = new Map<string, 'permanent' | 'temporary'>();
  const waiters = new Set<() => void>();
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const refusal = refuse.get(address.address.toLowerCase());
      if (!refusal) return callback();
      const error = Object.assign(
        new Error(refusal === 'permanent' ? 'No such user here' : 'Try again later'),
        {
          responseCode: refusal === 'permanent' ? 550 : 451,
        },
      );
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        accepted += 1;
        if (options.keep !== false) {
          const mail = await simpleParser(Buffer.concat(chunks));
          const headers = rawHeaders(mail);
          const unsubscribe = headers.get('list-unsubscribe');
          received.push({
            to: session.envelope.rcptTo[0]?.address.toLowerCase() ?? '',
            messageId: mail.messageId ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headers,
            unsubscribeUrl: unsubscribe ? /<(https?:[^>]+)>/.exec(unsubscribe)?.[1] : undefined,
          });
        }
        callback();
        for (const wake of waiters) wake();
      });
    },
  });
  // A client that dies mid-session (a killed server) resets its connection: that is the test.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuse,
    accepted: () => accepted,
    to: (address) => received.filter((mail) => mail.to === address.toLowerCase()),
    waitFor(predicate, timeoutMs = 20_000) {
      if (predicate(received)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(received)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `the expected mail did not arrive in ${timeoutMs} ms; received: ${received.map((m) => `${m.to} "${m.subject}"`).join(', ') || 'nothing'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
