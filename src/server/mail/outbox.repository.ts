import { type Insertable, type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { MailOutboxTable, OutboxKind, OutboxRow, OutboxStatus } from './mail.table.ts';

type Conn = Kysely<Database>;

/** Queues one message; a message with the same id already queued is left as it is. */
export async function enqueue(
  db: Conn,
  row: Pick<
    Insertable<MailOutboxTable>,
    'id' | 'kind' | 'recipient' | 'address_id' | 'batch_id' | 'payload'
  > & {
    due: string;
    now: string;
  },
): Promise<void> {
  const { due, now, ...message } = row;
  await db
    .insertInto('mail_outbox')
    .values({
      ...message,
      status: 'queued',
      next_attempt_at: due,
      claimed_until: null,
      last_error: null,
      subject: null,
      text_body: null,
      html_body: null,
      created_at: now,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Who a fan-out reaches: subscribers of some categories who want this kind, this often. */
export interface FanOut {
  batchId: string;
  kind: Extract<OutboxKind, 'roles' | 'articles' | 'digest'>;
  /** Only subscriptions following one of these categories; undefined for every subscription. */
  categories?: readonly string[];
  /** Only subscriptions wanting articles, or roles; undefined for either. */
  wants?: 'articles' | 'roles';
  frequency: 'instant' | 'daily' | 'weekly';
  payload: string;
  now: string;
}

/**
 * Queues one message per matching subscriber in a single INSERT … SELECT: the database does
 * the fan-out, so 10,000 subscribers cost the server no memory and the import's transaction
 * one statement. Message ids are `<batch>.<address id>`, stable across retries.
 */
export async function fanOut(db: Conn, spec: FanOut): Promise<number> {
  const text = (value: string) => sql<string>`cast(${value} as text)`;
  const result = await db
    .insertInto('mail_outbox')
    .columns([
      'id',
      'kind',
      'recipient',
      'address_id',
      'batch_id',
      'payload',
      'status',
      'attempts',
      'next_attempt_at',
      'created_at',
    ])
    .expression((eb) => {
      let query = eb
        .selectFrom('mail_subscriptions as s')
        .innerJoin('mail_addresses as a', 'a.id', 's.address_id')
        .select([
          sql<string>`${text(spec.batchId)} || '.' || a.id`.as('id'),
          text(spec.kind).as('kind'),
          'a.email',
          'a.id',
          text(spec.batchId).as('batch_id'),
          text(spec.payload).as('payload'),
          text('queued').as('status'),
          sql.lit(0).as('attempts'),
          text(spec.now).as('next_attempt_at'),
          text(spec.now).as('created_at'),
        ])
        .where('s.frequency', '=', spec.frequency)
        .where('a.paused_at', 'is', null);
      if (spec.wants) query = query.where(`s.${spec.wants}`, '=', 1);
      const categories = spec.categories;
      if (categories)
        query = query.where((w) =>
          w.exists(
            w
              .selectFrom('mail_subscription_categories as c')
              .select('c.address_id')
              .whereRef('c.address_id', '=', 's.address_id')
              .where('c.category', 'in', categories.length > 0 ? [...categories] : ['']),
          ),
        );
      return query;
    })
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Claims up to `limit` due messages for `leaseMs`: no other sender takes them meanwhile. On
 * PostgreSQL `FOR UPDATE SKIP LOCKED` lets several servers claim side by side without ever
 * taking the same row; SQLite runs one write at a time. A claim that is never settled (the
 * server died) lapses, and the message is sent again with the same Message-ID.
 */
export function claimDue(db: Conn, now: string, leaseUntil: string, limit: number): Promise<OutboxRow[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return db
    .updateTable('mail_outbox')
    .set((eb) => ({ claimed_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('mail_outbox')
        .select('id')
        .where('status', '=', 'queued')
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
        .orderBy('next_attempt_at')
        .limit(limit);
      return postgres ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
}

/** Records a message's outcome and releases its claim. */
export async function settle(
  db: Conn,
  id: string,
  outcome: {
    status: OutboxStatus;
    at: string;
    subject?: string | null;
    text?: string | null;
    html?: string | null;
    error?: string | null;
    /** For a retry: when to try again. */
    retryAt?: string;
  },
): Promise<void> {
  const done = outcome.status !== 'queued';
  await db
    .updateTable('mail_outbox')
    .set({
      status: outcome.status,
      claimed_until: null,
      last_error: outcome.error ?? null,
      ...(outcome.retryAt ? { next_attempt_at: outcome.retryAt } : {}),
      ...(outcome.subject !== undefined ? { subject: outcome.subject } : {}),
      ...(outcome.text !== undefined ? { text_body: outcome.text, html_body: outcome.html ?? null } : {}),
      // A sent message's payload (a confirmation token, say) is no longer needed.
      ...(done ? { sent_at: outcome.at, payload: '{}' } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** How many messages are in each status. */
export async function countOutbox(db: Conn): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['status', db.fn.countAll<string | number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<OutboxStatus, number> = { queued: 0, sent: 0, kept: 0, failed: 0, skipped: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** The newest messages, optionally of some statuses (admin Outbox page, `mail -- list`). */
export function listOutbox(
  db: Conn,
  options: { statuses?: OutboxStatus[]; limit: number },
): Promise<OutboxRow[]> {
  let query = db.selectFrom('mail_outbox').selectAll();
  if (options.statuses) query = query.where('status', 'in', options.statuses);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(options.limit).execute();
}

/** The next time a queued message falls due, if any (the sender sleeps until then at most). */
export async function nextDue(db: Conn): Promise<string | undefined> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.min('next_attempt_at').as('due'))
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return row?.due ?? undefined;
}
