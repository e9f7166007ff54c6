/**
 * The mail feature's part of the server: announce each build's new articles once the database
 * answers (at start, and after each switch to a new build), and look at the outbox every
 * MAIL_SEND_INTERVAL seconds (and at once when this process queues mail), queue due digests,
 * and send what is due. Returns the one-click handler, announce() and stop().
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDb } from '../platform/db/database.ts';
import { announceArticles } from './article-alerts.ts';
import { queueDueDigests } from './digest.ts';
import { type MailConfig, readMailConfig } from './mail.config.ts';
import { handleOneClick } from './mail-http.ts';
import { type MailManifest, namesFrom, readMailManifest } from './mail-manifest.ts';
import { drainOutbox, type MailNames } from './mail-sender.ts';
import { createSmtpTransport, type MailTransport } from './mail-transport.ts';
import { setSenderWake } from './sender-wake.ts';

/** The running mail background work. */
export interface RunningMail {
  /** Answers one-click unsubscribe POSTs; false for other requests. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
  /**
   * Announces the new articles of the build in `distDir` (once per database, however many
   * servers and restarts) and names its categories in mails. Call it when the database answers
   * and when the server switches builds; a failure is logged, never thrown.
   */
  announce(distDir: string): Promise<void>;
  /** Stops the sender after the message in flight and closes the SMTP pool. */
  stop(): Promise<void>;
}

/** Logs one line per distinct failure per minute, so an SMTP outage does not flood the log. */
function failureLogger(log: (message: string) => void) {
  let last = '';
  let at = 0;
  return (what: string, error: unknown) => {
    const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    if (message === last && Date.now() - at < 60_000) return;
    last = message;
    at = Date.now();
    log(message);
  };
}

/** Announces the manifest's new articles; logs what it did. */
async function announceNew(manifest: MailManifest, log: (message: string) => void): Promise<void> {
  const summary = await announceArticles(await getDb(), manifest.articles);
  if (summary.baseline > 0)
    log(`first build on this database: ${summary.baseline} articles marked announced, nobody mailed`);
  if (summary.announced.length > 0)
    log(`announced ${summary.announced.join(', ')} (${summary.queued} mails queued)`);
}

/** Starts the mail work of a server; the sender runs whether or not the database answers yet. */
export function startMail(
  log: (message: string) => void,
  config: MailConfig = readMailConfig(),
): RunningMail {
  const fail = failureLogger(log);
  let names: MailNames = namesFrom(undefined);
  const transport: MailTransport | undefined = config.smtpUrl
    ? createSmtpTransport(config.smtpUrl)
    : undefined;
  log(transport ? 'sending mail over SMTP_URL' : 'no SMTP_URL: mails are kept for the admin Outbox page');
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const tick = async () => {
    try {
      const db = await getDb();
      await queueDueDigests(db, config);
      const summary = await drainOutbox(db, { config, transport, names, signal: controller.signal });
      if (summary.failed + summary.retried > 0)
        log(`outbox: ${summary.sent} sent, ${summary.retried} to retry, ${summary.failed} failed`);
    } catch (error) {
      fail('the outbox could not be read', error);
    }
  };
  const run = () => {
    if (controller.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = tick().finally(() => {
      running = undefined;
      if (controller.signal.aborted) return;
      if (again) {
        again = false;
        run();
        return;
      }
      timer = setTimeout(run, config.sendIntervalMs);
      timer.unref();
    });
  };
  setSenderWake(run);
  run();
  return {
    handle: (req, res, pathname) => handleOneClick(req, res, pathname, getDb),
    async announce(distDir) {
      const manifest = readMailManifest(distDir);
      names = namesFrom(manifest);
      if (!manifest) {
        log('the build has no mail-manifest.json: new articles are not announced (rebuild the site)');
        return;
      }
      try {
        await announceNew(manifest, log);
        run();
      } catch (error) {
        fail('announcing new articles failed', error);
      }
    },
    async stop() {
      controller.abort();
      clearTimeout(timer);
      setSenderWake(undefined);
      await running;
      transport?.close();
    },
  };
}
