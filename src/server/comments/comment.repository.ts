import { type Insertable, type Kysely, PostgresAdapter, type Selectable, sql } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { CommentStatus, CommentsTable } from './comment.table.ts';

type Conn = Kysely<Database>;
/** A stored comment with every column (moderation, privacy export). */
export type CommentRow = Selectable<CommentsTable>;
/** The columns that may be shown publicly: never the email or the address hash. */
export type PublicCommentRow = Pick<
  CommentRow,
  'id' | 'parent_id' | 'depth' | 'author_name' | 'author_website' | 'body' | 'created_at'
>;

/** Inserts one comment. */
export async function insertComment(db: Conn, row: Insertable<CommentsTable>): Promise<void> {
  await db.insertInto('comments').values(row).execute();
}

/** One comment by id, any status. */
export function findComment(db: Conn, id: string): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An article's approved comments, oldest first, public columns only. */
export function listApprovedComments(db: Conn, articleId: string): Promise<PublicCommentRow[]> {
  return db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'depth', 'author_name', 'author_website', 'body', 'created_at'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/**
 * Makes one client's posts wait for each other until the transaction ends, so a burst sent at
 * once cannot all pass the rate limit before any is committed. PostgreSQL runs transactions
 * side by side and needs the lock; SQLite's one connection already runs them one at a time.
 */
export async function lockClient(db: Conn, ipHash: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${ipHash}))`.execute(db);
}

/** Creation times of this client's comments since `since`, oldest first (rate limit). */
export async function listRecentByClient(db: Conn, ipHash: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('comments')
    .select('created_at')
    .where('ip_hash', '=', ipHash)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'asc')
    .execute();
  return rows.map((row) => row.created_at);
}

/** Whether the same text was posted on the article since `since`. */
export async function hasDuplicate(
  db: Conn,
  articleId: string,
  bodyHash: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('article_id', '=', articleId)
    .where('body_hash', '=', bodyHash)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether this email has at least one approved comment anywhere on the site. */
export async function hasApprovedComment(db: Conn, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('author_email', '=', email)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return row !== undefined;
}

/** The moderation queue for one status: pending oldest first, the others newest first. */
export function listByStatus(db: Conn, status: CommentStatus, limit: number): Promise<CommentRow[]> {
  return db
    .selectFrom('comments')
    .selectAll()
    .where('status', '=', status)
    .orderBy('created_at', status === 'pending' ? 'asc' : 'desc')
    .limit(limit)
    .execute();
}

/** How many comments each status holds. */
export async function countByStatus(db: Conn): Promise<Record<CommentStatus, number>> {
  const rows = await db
    .selectFrom('comments')
    .select(['status', db.fn.countAll<string | number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** Moves comments to a status; returns how many changed. */
export async function updateStatus(
  db: Conn,
  ids: string[],
  status: CommentStatus,
  now: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('comments')
    .set({ status, moderated_at: now })
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes comments (replies keep their place, their parent link is cleared); returns how many. */
export async function deleteComments(db: Conn, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('comments').where('id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every comment stored with this email, oldest first (privacy export). */
export function listByEmail(db: Conn, email: string): Promise<CommentRow[]> {
  return db
    .selectFrom('comments')
    .selectAll()
    .where('author_email', '=', email)
    .orderBy('created_at')
    .execute();
}

/** Deletes every comment stored with this email; returns how many. */
export async function deleteByEmail(db: Conn, email: string): Promise<number> {
  const result = await db.deleteFrom('comments').where('author_email', '=', email).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Forgets client-address hashes recorded before `before`; returns how many were cleared. */
export async function clearAddressHashes(db: Conn, before: string): Promise<number> {
  const result = await db
    .updateTable('comments')
    .set({ ip_hash: null })
    .where('ip_hash', 'is not', null)
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
