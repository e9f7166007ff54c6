/**
 * Moderators hear of held comments by mail (MODERATOR_EMAIL): at most one mail per
 * MODERATION_NOTIFY_MINUTES, the first of a quiet period at once, each listing every comment
 * held since the previous one. Queued in the transaction that stores the comment.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { lockKey } from './address.repository.ts';
import { findLatestNotice, hasUnlistedModerationItems, insertModerationItem } from './event.repository.ts';
import { type MailConfig, readMailConfig } from './mail.config.ts';
import { enqueue } from './outbox.repository.ts';
import { wakeSender } from './sender-wake.ts';

type Conn = Kysely<Database>;

/** A held comment, as the moderators' mail lists it. */
export interface HeldComment {
  id: string;
  articleId: string;
  authorName: string;
  body: string;
}

/**
 * Queues the moderators' notice unless one is already waiting: at once after a quiet period,
 * else when the interval since the previous one has passed.
 */
export async function scheduleModerationNotice(
  trx: Conn,
  config: Pick<MailConfig, 'moderators' | 'moderationIntervalMs'>,
  now: Date,
): Promise<void> {
  if (config.moderators.length === 0) return;
  // Two comments held at once must not both schedule a notice.
  await lockKey(trx, 'mail-moderation-notice');
  const latest = await findLatestNotice(trx);
  if (latest?.status === 'queued') return;
  const previous = latest ? Date.parse(latest.next_attempt_at) : Number.NEGATIVE_INFINITY;
  const due = new Date(Math.max(now.getTime(), previous + config.moderationIntervalMs)).toISOString();
  const batchId = `moderation-${randomUUID()}`;
  for (const [index, moderator] of config.moderators.entries())
    await enqueue(trx, {
      id: `${batchId}.${index}`,
      kind: 'moderation',
      recipient: moderator,
      address_id: null,
      batch_id: batchId,
      payload: '{}',
      due,
      now: now.toISOString(),
    });
  if (due === now.toISOString()) wakeSender();
}

/** Adds a held comment to the moderators' next mail, in the caller's transaction. */
export async function queueModerationNotice(
  trx: Conn,
  comment: HeldComment,
  now = new Date(),
  config: Pick<MailConfig, 'moderators' | 'moderationIntervalMs'> = readMailConfig(),
): Promise<void> {
  if (config.moderators.length === 0) return;
  await insertModerationItem(trx, {
    comment_id: comment.id,
    article_id: comment.articleId,
    author_name: comment.authorName,
    excerpt: comment.body.slice(0, 600),
    notice_id: null,
    created_at: now.toISOString(),
  });
  await scheduleModerationNotice(trx, config, now);
}

/** After a notice went out: schedules the next one if comments were held while it was sent. */
export async function followUpModerationNotice(
  db: Conn,
  config: Pick<MailConfig, 'moderators' | 'moderationIntervalMs'>,
  now = new Date(),
): Promise<void> {
  if (!(await hasUnlistedModerationItems(db))) return;
  await db.transaction().execute((trx) => scheduleModerationNotice(trx, config, now));
}
