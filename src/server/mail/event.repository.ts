import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { MailEventKind, MailEventsTable, MailModerationItemsTable } from './mail.table.ts';

type Conn = Kysely<Database>;
/** An event as stored. */
export type EventRow = Selectable<MailEventsTable>;

/** Stores events, in chunks that stay under SQLite's bound-parameter limit. */
export async function insertEvents(db: Conn, rows: Insertable<MailEventsTable>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 100)
    await db
      .insertInto('mail_events')
      .values(rows.slice(start, start + 100))
      .execute();
}

/** The events of one import or build. */
export function listBatchEvents(db: Conn, batchId: string): Promise<EventRow[]> {
  return db
    .selectFrom('mail_events')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The events of a digest's period [from, to), at most `limit` (a digest lists the newest). */
export function listEventsBetween(
  db: Conn,
  from: string,
  to: string,
  kinds: readonly MailEventKind[],
  limit = 2000,
): Promise<EventRow[]> {
  return db
    .selectFrom('mail_events')
    .selectAll()
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('kind', 'in', [...kinds])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Records a key that must be acted on once across every server (a digest, the articles
 * baseline); true for the one caller whose insert created it.
 */
export async function claimRun(db: Conn, key: string, now: string): Promise<boolean> {
  const rows = await db
    .insertInto('mail_runs')
    .values({ key, created_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .execute();
  return rows.length === 1;
}

/** Whether some server has claimed the key already. */
export async function isRunClaimed(db: Conn, key: string): Promise<boolean> {
  const row = await db.selectFrom('mail_runs').select('key').where('key', '=', key).executeTakeFirst();
  return row !== undefined;
}

/** Marks articles announced; returns the ids that were not yet (the caller announces those). */
export async function markAnnounced(
  db: Conn,
  ids: readonly string[],
  now: string,
  mailed: boolean,
): Promise<string[]> {
  const fresh: string[] = [];
  for (let start = 0; start < ids.length; start += 200) {
    const rows = await db
      .insertInto('mail_announced')
      .values(
        ids
          .slice(start, start + 200)
          .map((id) => ({ article_id: id, announced_at: now, mailed: mailed ? 1 : 0 })),
      )
      .onConflict((oc) => oc.column('article_id').doNothing())
      .returning('article_id')
      .execute();
    fresh.push(...rows.map((row) => row.article_id));
  }
  return fresh;
}

/** Adds a held comment to the moderators' next mail. */
export async function insertModerationItem(
  db: Conn,
  row: Insertable<MailModerationItemsTable>,
): Promise<void> {
  await db
    .insertInto('mail_moderation_items')
    .values(row)
    .onConflict((oc) => oc.column('comment_id').doNothing())
    .execute();
}

/** Gives the notice every held comment not yet listed, and returns the notice's list. */
export async function takeModerationItems(
  db: Conn,
  noticeId: string,
): Promise<Selectable<MailModerationItemsTable>[]> {
  await db
    .updateTable('mail_moderation_items')
    .set({ notice_id: noticeId })
    .where('notice_id', 'is', null)
    .execute();
  return db
    .selectFrom('mail_moderation_items')
    .selectAll()
    .where('notice_id', '=', noticeId)
    .orderBy('created_at')
    .execute();
}

/** Whether some held comment waits for a notice. */
export async function hasUnlistedModerationItems(db: Conn): Promise<boolean> {
  const row = await db
    .selectFrom('mail_moderation_items')
    .select('comment_id')
    .where('notice_id', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets listed items older than `before` (their author's name and words). */
export async function purgeModerationItems(db: Conn, before: string): Promise<void> {
  await db
    .deleteFrom('mail_moderation_items')
    .where('notice_id', 'is not', null)
    .where('created_at', '<', before)
    .execute();
}

/** The newest moderators' notice: its batch, when it fell due, and whether it is still queued. */
export function findLatestNotice(
  db: Conn,
): Promise<{ batch_id: string | null; next_attempt_at: string; status: string } | undefined> {
  return db
    .selectFrom('mail_outbox')
    .select(['batch_id', 'next_attempt_at', 'status'])
    .where('kind', '=', 'moderation')
    .orderBy('created_at', 'desc')
    .orderBy('next_attempt_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
