/**
 * Drains the outbox: claims due messages in batches (never all at once, so memory stays flat
 * however many subscribers there are), renders each, hands it to the transport (or, without
 * SMTP_URL, keeps it for the admin's Outbox page) and records the outcome.
 */
import type { Db } from '../platform/db/database.ts';
import { getAppKeys } from '../platform/secrets.ts';
import { findActiveSubscriptions, recordPermanentFailure } from './address.repository.ts';
import type { EventRow } from './event.repository.ts';
import type { MailConfig } from './mail.config.ts';
import type { OutboxRow } from './mail.table.ts';
import { mailLinks } from './mail-links.ts';
import { type RenderContext, renderOutboxRow } from './mail-render.ts';
import { classifySendError, type MailTransport } from './mail-transport.ts';
import { followUpModerationNotice } from './moderation-notice.ts';
import { claimDue, settle } from './outbox.repository.ts';

/** Messages claimed at a time. */
export const BATCH_SIZE = 50;
/** How long a claim lasts: a server that died mid-batch leaves its messages to others after this. */
export const CLAIM_LEASE_MS = 30_000;
/** Attempts before a temporary failure is given up as failed. */
export const MAX_ATTEMPTS = 8;

/** Names the build knows: category names and article titles. */
export interface MailNames {
  siteName: string;
  categoryName(id: string): string;
  articleTitle(id: string): string;
}

/** What one drain did. */
export interface DrainSummary {
  sent: number;
  kept: number;
  skipped: number;
  retried: number;
  failed: number;
}

/** When a temporary failure is tried again: from 30 s, doubling, at most an hour later. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** The Message-ID of an outbox row: the same for every attempt. */
export function messageIdOf(row: Pick<OutboxRow, 'id'>, domain: string): string {
  return `<${row.id.replace(/[^\w.-]/g, '-')}@${domain}>`;
}

async function contextFor(
  db: Db,
  rows: OutboxRow[],
  config: MailConfig,
  names: MailNames,
  eventCache: Map<string, Promise<EventRow[]>>,
): Promise<RenderContext> {
  const subscribers = rows.filter(
    (row) => ['roles', 'articles', 'digest'].includes(row.kind) && row.address_id,
  );
  return {
    db,
    siteName: names.siteName,
    siteUrl: config.siteUrl,
    links: mailLinks(config.siteUrl),
    signingKey: (await getAppKeys(db)).signingKey,
    categoryName: names.categoryName,
    articleTitle: names.articleTitle,
    subscriptions: await findActiveSubscriptions(
      db,
      subscribers.map((row) => row.address_id ?? ''),
    ),
    eventCache,
  };
}

async function deliver(
  db: Db,
  row: OutboxRow,
  ctx: RenderContext,
  config: MailConfig,
  transport: MailTransport | undefined,
  summary: DrainSummary,
): Promise<void> {
  const now = () => new Date().toISOString();
  const mail = await renderOutboxRow(row, ctx);
  if (!mail) {
    summary.skipped += 1;
    return settle(db, row.id, { status: 'skipped', at: now() });
  }
  if (!transport) {
    summary.kept += 1;
    return settle(db, row.id, {
      status: 'kept',
      at: now(),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  }
  try {
    await transport.send({
      messageId: messageIdOf(row, config.messageIdDomain),
      from: config.from,
      to: row.recipient,
      ...mail,
    });
  } catch (error) {
    const failure = classifySendError(error);
    if (failure.permanent || row.attempts >= MAX_ATTEMPTS) {
      summary.failed += 1;
      await settle(db, row.id, {
        status: 'failed',
        at: now(),
        subject: mail.subject,
        error: failure.message,
      });
      if (failure.permanent) await recordPermanentFailure(db, row.recipient, now());
      return;
    }
    summary.retried += 1;
    const retryAt = new Date(Date.now() + retryDelayMs(row.attempts)).toISOString();
    return settle(db, row.id, { status: 'queued', at: now(), error: failure.message, retryAt });
  }
  summary.sent += 1;
  await settle(db, row.id, { status: 'sent', at: now(), subject: mail.subject });
}

/**
 * Sends every message due now, batch after batch, until none is left or `signal` aborts.
 * Each message is settled as soon as it is sent, so a crash resends at most those in flight.
 */
export async function drainOutbox(
  db: Db,
  options: {
    config: MailConfig;
    transport: MailTransport | undefined;
    names: MailNames;
    signal?: AbortSignal;
  },
): Promise<DrainSummary> {
  const summary: DrainSummary = { sent: 0, kept: 0, skipped: 0, retried: 0, failed: 0 };
  const eventCache = new Map<string, Promise<EventRow[]>>();
  let moderation = false;
  while (!options.signal?.aborted) {
    const now = new Date();
    const rows = await claimDue(
      db,
      now.toISOString(),
      new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
      BATCH_SIZE,
    );
    if (rows.length === 0) break;
    const ctx = await contextFor(db, rows, options.config, options.names, eventCache);
    await Promise.all(
      rows.map((row) =>
        deliver(db, row, ctx, options.config, options.transport, summary).catch(async (error: unknown) => {
          // A database blip while rendering or settling: the message is tried again later.
          summary.retried += 1;
          const message = error instanceof Error ? error.message : String(error);
          const retryAt = new Date(Date.now() + retryDelayMs(row.attempts)).toISOString();
          await settle(db, row.id, {
            status: 'queued',
            at: new Date().toISOString(),
            error: message,
            retryAt,
          }).catch(() => {});
        }),
      ),
    );
    moderation ||= rows.some((row) => row.kind === 'moderation');
    // Events are cached per drain; past a few hundred batches, start afresh.
    if (eventCache.size > 500) eventCache.clear();
  }
  if (moderation) await followUpModerationNotice(db, options.config);
  return summary;
}
