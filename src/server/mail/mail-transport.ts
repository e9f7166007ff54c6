/**
 * The SMTP side of the sender: nodemailer's pooled transport, and how an SMTP failure is
 * judged. Only a 5xx refusal of the recipient or the message is permanent; everything else
 * (4xx, a refused connection, a timeout, a failed login) is temporary and retried.
 */
import { createTransport } from 'nodemailer';

/** One message as the transport sends it. */
export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Something that delivers mail: the SMTP pool, or a test double. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Connections the pool keeps open to the SMTP server. */
const POOL_CONNECTIONS = 5;

/** A pooled SMTP transport for SMTP_URL (smtp:// with STARTTLS when offered, or smtps://). */
export function createSmtpTransport(url: string): MailTransport {
  const transporter = createTransport({
    url,
    pool: true,
    maxConnections: POOL_CONNECTIONS,
    maxMessages: 500,
    // A stalled server must not hold a claimed batch past its lease.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
    },
    close: () => transporter.close(),
  };
}

/** How a failed send is treated. */
export interface SendFailure {
  permanent: boolean;
  message: string;
}

/** Classifies a transport error; the message names the SMTP reply when there is one. */
export function classifySendError(error: unknown): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    responseCode?: unknown;
    code?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const refused = e.code === 'EENVELOPE' || e.code === 'EMESSAGE';
  const permanent = code !== undefined && code >= 500 && code < 600 && refused;
  const text =
    typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(error);
  return { permanent, message: text.slice(0, 500) };
}
