/**
 * The comment feature's mail: called from inside its transactions, so each mail exists
 * exactly when the comment change that causes it is committed. Reads the comments table's
 * public columns (id, parent, article, author, body, status) and nothing else of it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { ensureAddress, findAddressByEmail } from './address.repository.ts';
import { findFollower, insertReplyFollow } from './confirmation.repository.ts';
import { type ConfirmationIntent, requestConfirmation } from './confirmation.service.ts';
import { queueModerationNotice } from './moderation-notice.ts';
import { enqueue } from './outbox.repository.ts';
import { wakeSender } from './sender-wake.ts';

type Conn = Kysely<Database>;

/** A comment just stored, with what its author asked and proved. */
export interface PostedComment {
  id: string;
  articleId: string;
  email: string;
  authorName: string;
  body: string;
  status: 'pending' | 'approved' | 'spam';
  /** The author ticked "Email me when someone replies". */
  followReplies: boolean;
  /** This browser proved the address (see address-proof.ts). */
  proven: boolean;
  /** Held only because the address is not proven: opening the confirmation link publishes it. */
  awaitingProof: boolean;
}

/**
 * Queues what a new comment causes: the moderators' notice when it is held, the reply
 * follow (active at once when proven, else confirmed by mail), the confirmation that
 * publishes it, and the replied-to author's notification when it is published at once.
 */
export async function queueCommentMail(trx: Conn, comment: PostedComment, now = new Date()): Promise<void> {
  if (comment.status === 'spam') return;
  if (comment.status === 'pending')
    await queueModerationNotice(
      trx,
      { id: comment.id, articleId: comment.articleId, authorName: comment.authorName, body: comment.body },
      now,
    );
  const intent: ConfirmationIntent = {};
  if (comment.followReplies) {
    const address = await ensureAddress(trx, randomUUID(), comment.email, now.toISOString());
    await insertReplyFollow(trx, {
      comment_id: comment.id,
      address_id: address.id,
      article_id: comment.articleId,
      confirmed_at: comment.proven ? now.toISOString() : null,
      created_at: now.toISOString(),
    });
    if (!comment.proven) intent.follow = [comment.id];
  }
  if (comment.awaitingProof) intent.approve = [comment.id];
  if (intent.follow || intent.approve) await requestConfirmation(trx, comment.email, intent, now);
  if (comment.status === 'approved') await queueReplyNotifications(trx, [comment.id], now);
  wakeSender();
}

/** What a reply mail says, frozen when the reply was published. */
export interface ReplyFacts {
  articleId: string;
  commentId: string;
  parentId: string;
  authorName: string;
  body: string;
}

/**
 * Queues, for each published reply, a mail to the confirmed follower of the comment it
 * answers (not to someone replying to themselves). Message ids are per reply and follower,
 * so approving a reply again never mails twice.
 */
export async function queueReplyNotifications(
  trx: Conn,
  commentIds: readonly string[],
  now = new Date(),
): Promise<number> {
  if (commentIds.length === 0) return 0;
  const replies = await trx
    .selectFrom('comments')
    .select(['id', 'parent_id', 'article_id', 'author_name', 'author_email', 'body'])
    .where('id', 'in', [...commentIds])
    .where('status', '=', 'approved')
    .where('parent_id', 'is not', null)
    .execute();
  let queued = 0;
  for (const reply of replies) {
    const follower = reply.parent_id ? await findFollower(trx, reply.parent_id) : undefined;
    if (!follower || follower.email === reply.author_email || !reply.parent_id) continue;
    const facts: ReplyFacts = {
      articleId: reply.article_id,
      commentId: reply.id,
      parentId: reply.parent_id,
      authorName: reply.author_name,
      body: reply.body,
    };
    await enqueue(trx, {
      id: `reply-${reply.id}.${follower.address_id}`,
      kind: 'reply',
      recipient: follower.email,
      address_id: follower.address_id,
      batch_id: null,
      payload: JSON.stringify(facts),
      due: now.toISOString(),
      now: now.toISOString(),
    });
    queued += 1;
  }
  if (queued > 0) wakeSender();
  return queued;
}

/** Of the comments a confirmation link names, those still held and written with its address. */
export async function heldForProof(
  db: Conn,
  commentIds: readonly string[],
  email: string,
): Promise<string[]> {
  if (commentIds.length === 0) return [];
  const rows = await db
    .selectFrom('comments')
    .select('id')
    .where('id', 'in', [...commentIds])
    .where('author_email', '=', email)
    .where('status', '=', 'pending')
    .execute();
  return rows.map((row) => row.id);
}

/** The reply follows stored for an email (privacy export). */
export async function exportReplyFollows(db: Conn, email: string) {
  const address = await findAddressByEmail(db, email);
  if (!address) return [];
  return db
    .selectFrom('mail_reply_follows')
    .select(['comment_id', 'article_id', 'confirmed_at', 'created_at'])
    .where('address_id', '=', address.id)
    .orderBy('created_at')
    .execute();
}

/** Deletes the reply follows stored for an email; returns how many. */
export async function eraseReplyFollows(db: Conn, email: string): Promise<number> {
  const address = await findAddressByEmail(db, email);
  if (!address) return 0;
  const result = await db
    .deleteFrom('mail_reply_follows')
    .where('address_id', '=', address.id)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
