import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { MailConfirmationsTable } from './mail.table.ts';

type Conn = Kysely<Database>;
/** A confirmation link as stored. */
export type ConfirmationRow = Selectable<MailConfirmationsTable>;

/** Stores a confirmation link (its token's hash). */
export async function insertConfirmation(db: Conn, row: ConfirmationRow): Promise<void> {
  await db.insertInto('mail_confirmations').values(row).execute();
}

/** A confirmation link by its token's hash. */
export function findConfirmation(db: Conn, tokenHash: string): Promise<ConfirmationRow | undefined> {
  return db
    .selectFrom('mail_confirmations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** The address's newest link that is neither used nor expired. */
export function findOpenConfirmation(
  db: Conn,
  addressId: string,
  now: string,
): Promise<ConfirmationRow | undefined> {
  return db
    .selectFrom('mail_confirmations')
    .selectAll()
    .where('address_id', '=', addressId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Replaces what a link does when opened. */
export async function updateConfirmationPayload(db: Conn, tokenHash: string, payload: string): Promise<void> {
  await db.updateTable('mail_confirmations').set({ payload }).where('token_hash', '=', tokenHash).execute();
}

/** Uses a link up; false when it was used (or expired) already, so two clicks act once. */
export async function useConfirmation(db: Conn, tokenHash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_confirmations')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a follow of replies to a comment, active at once when `confirmedAt` is given. */
export async function insertReplyFollow(
  db: Conn,
  row: {
    comment_id: string;
    address_id: string;
    article_id: string;
    confirmed_at: string | null;
    created_at: string;
  },
): Promise<void> {
  await db
    .insertInto('mail_reply_follows')
    .values(row)
    .onConflict((oc) => oc.column('comment_id').doNothing())
    .execute();
}

/** Activates the address's follows of these comments; returns how many. */
export async function confirmReplyFollows(
  db: Conn,
  addressId: string,
  commentIds: readonly string[],
  at: string,
): Promise<number> {
  if (commentIds.length === 0) return 0;
  const result = await db
    .updateTable('mail_reply_follows')
    .set({ confirmed_at: at })
    .where('address_id', '=', addressId)
    .where('comment_id', 'in', [...commentIds])
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Ends every follow of the address; returns how many. */
export async function deleteReplyFollows(db: Conn, addressId: string): Promise<number> {
  const result = await db
    .deleteFrom('mail_reply_follows')
    .where('address_id', '=', addressId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The confirmed, unpaused follower of a comment, if any. */
export function findFollower(
  db: Conn,
  commentId: string,
): Promise<{ address_id: string; email: string } | undefined> {
  return db
    .selectFrom('mail_reply_follows as f')
    .innerJoin('mail_addresses as a', 'a.id', 'f.address_id')
    .select(['f.address_id', 'a.email'])
    .where('f.comment_id', '=', commentId)
    .where('f.confirmed_at', 'is not', null)
    .where('a.paused_at', 'is', null)
    .executeTakeFirst();
}

/** Whether the address still follows the comment (checked again when the reply mail is sent). */
export async function isFollowing(db: Conn, addressId: string, commentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('mail_reply_follows as f')
    .innerJoin('mail_addresses as a', 'a.id', 'f.address_id')
    .select('f.comment_id')
    .where('f.comment_id', '=', commentId)
    .where('f.address_id', '=', addressId)
    .where('f.confirmed_at', 'is not', null)
    .where('a.paused_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
