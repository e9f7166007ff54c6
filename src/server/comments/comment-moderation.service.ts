import { queueReplyNotifications } from '../mail/comment-mail.service.ts';
import type { Db } from '../platform/db/database.ts';
import * as repo from './comment.repository.ts';
import type { CommentStatus } from './comment.table.ts';

export type { CommentStatus } from './comment.table.ts';

/** What a moderator can do to a comment. */
export type ModerationAction = 'approve' | 'spam' | 'unapprove' | 'delete';
/** Every moderation action, for parsing form and command-line input. */
export const MODERATION_ACTIONS: readonly ModerationAction[] = ['approve', 'spam', 'unapprove', 'delete'];

/** A comment in the moderation queue, with the spam rules it tripped. */
export type QueuedComment = Omit<repo.CommentRow, 'signals'> & { signals: string[] };

function parseSignals(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** The queue for one status (at most `limit` comments) and the count in each status. */
export async function getModerationQueue(
  db: Db,
  status: CommentStatus,
  limit = 200,
): Promise<{ comments: QueuedComment[]; counts: Record<CommentStatus, number> }> {
  const [rows, counts] = await Promise.all([repo.listByStatus(db, status, limit), repo.countByStatus(db)]);
  return { comments: rows.map((row) => ({ ...row, signals: parseSignals(row.signals) })), counts };
}

/** Applies one action to the given comments in one transaction; returns how many changed. */
export function moderateComments(
  db: Db,
  ids: string[],
  action: ModerationAction,
  now = new Date(),
): Promise<number> {
  const unique = [...new Set(ids)];
  return db.transaction().execute(async (trx) => {
    if (action === 'delete') return repo.deleteComments(trx, unique);
    const status: CommentStatus = action === 'approve' ? 'approved' : action === 'spam' ? 'spam' : 'pending';
    const changed = await repo.updateStatus(trx, unique, status, now.toISOString());
    // Followers of the comments these reply to hear of them, in this transaction.
    if (action === 'approve') await queueReplyNotifications(trx, unique, now);
    return changed;
  });
}

/** Everything stored about an email, for a privacy request. */
export async function exportByEmail(db: Db, email: string): Promise<QueuedComment[]> {
  const rows = await repo.listByEmail(db, email.trim().toLowerCase());
  return rows.map((row) => ({ ...row, signals: parseSignals(row.signals) }));
}

/** Erases every comment stored with an email; returns how many. */
export function eraseByEmail(db: Db, email: string): Promise<number> {
  return db.transaction().execute((trx) => repo.deleteByEmail(trx, email.trim().toLowerCase()));
}
