import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { AddressRow, Frequency } from './mail.table.ts';

type Conn = Kysely<Database>;

/** Permanent failures after which an address's subscriptions and follows pause. */
export const PAUSE_AFTER_FAILURES = 3;

/** The address row for an email, if the site has ever been asked to mail it. */
export function findAddressByEmail(db: Conn, email: string): Promise<AddressRow | undefined> {
  return db.selectFrom('mail_addresses').selectAll().where('email', '=', email).executeTakeFirst();
}

/** The address row by id. */
export function findAddressById(db: Conn, id: string): Promise<AddressRow | undefined> {
  return db.selectFrom('mail_addresses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The address row for an email, created when new; every caller gets the same row. */
export async function ensureAddress(db: Conn, id: string, email: string, now: string): Promise<AddressRow> {
  await db
    .insertInto('mail_addresses')
    .values({ id, email, confirmed_at: null, paused_at: null, last_confirmation_at: null, created_at: now })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  return db.selectFrom('mail_addresses').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

/**
 * Makes concurrent requests about one address wait for each other until the transaction
 * ends (PostgreSQL; SQLite runs write transactions one at a time anyway).
 */
export async function lockKey(db: Conn, key: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
}

/** Records that a confirmation mail was queued for the address. */
export async function setLastConfirmation(db: Conn, id: string, at: string): Promise<void> {
  await db.updateTable('mail_addresses').set({ last_confirmation_at: at }).where('id', '=', id).execute();
}

/** Marks the address proven by an opened link: failures are forgotten, a pause is lifted. */
export async function markConfirmed(db: Conn, id: string, at: string): Promise<void> {
  await db
    .updateTable('mail_addresses')
    .set({ confirmed_at: at, failures: 0, paused_at: null })
    .where('id', '=', id)
    .execute();
}

/** Counts one permanent failure for an email; the third pauses the address. */
export async function recordPermanentFailure(db: Conn, email: string, at: string): Promise<void> {
  await db
    .updateTable('mail_addresses')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('email', '=', email)
    .execute();
  await db
    .updateTable('mail_addresses')
    .set({ paused_at: at })
    .where('email', '=', email)
    .where('failures', '>=', PAUSE_AFTER_FAILURES)
    .where('paused_at', 'is', null)
    .execute();
}

/** A stored subscription and its categories. */
export interface SubscriptionRecord {
  categories: string[];
  articles: boolean;
  roles: boolean;
  frequency: Frequency;
}

/** The address's subscription, if it has one. */
export async function findSubscription(db: Conn, addressId: string): Promise<SubscriptionRecord | undefined> {
  const row = await db
    .selectFrom('mail_subscriptions')
    .selectAll()
    .where('address_id', '=', addressId)
    .executeTakeFirst();
  if (!row) return undefined;
  const categories = await db
    .selectFrom('mail_subscription_categories')
    .select('category')
    .where('address_id', '=', addressId)
    .orderBy('category')
    .execute();
  return {
    categories: categories.map((c) => c.category),
    articles: row.articles === 1,
    roles: row.roles === 1,
    frequency: row.frequency,
  };
}

/** Creates or replaces the address's subscription. */
export async function saveSubscription(
  db: Conn,
  addressId: string,
  subscription: SubscriptionRecord,
  now: string,
): Promise<void> {
  const values = {
    articles: subscription.articles ? 1 : 0,
    roles: subscription.roles ? 1 : 0,
    frequency: subscription.frequency,
    updated_at: now,
  };
  await db
    .insertInto('mail_subscriptions')
    .values({ address_id: addressId, ...values, created_at: now })
    .onConflict((oc) => oc.column('address_id').doUpdateSet(values))
    .execute();
  await db.deleteFrom('mail_subscription_categories').where('address_id', '=', addressId).execute();
  await db
    .insertInto('mail_subscription_categories')
    .values(subscription.categories.map((category) => ({ address_id: addressId, category })))
    .execute();
}

/** Ends the address's subscription; returns whether it had one. */
export async function deleteSubscription(db: Conn, addressId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('mail_subscriptions')
    .where('address_id', '=', addressId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Subscriptions of many addresses at once, for rendering a batch; paused addresses are left out. */
export async function findActiveSubscriptions(
  db: Conn,
  addressIds: readonly string[],
): Promise<Map<string, SubscriptionRecord>> {
  const found = new Map<string, SubscriptionRecord>();
  if (addressIds.length === 0) return found;
  const rows = await db
    .selectFrom('mail_subscriptions as s')
    .innerJoin('mail_addresses as a', 'a.id', 's.address_id')
    .select(['s.address_id', 's.articles', 's.roles', 's.frequency'])
    .where('s.address_id', 'in', [...addressIds])
    .where('a.paused_at', 'is', null)
    .execute();
  for (const row of rows)
    found.set(row.address_id, {
      categories: [],
      articles: row.articles === 1,
      roles: row.roles === 1,
      frequency: row.frequency,
    });
  const categories = await db
    .selectFrom('mail_subscription_categories')
    .select(['address_id', 'category'])
    .where('address_id', 'in', [...found.keys()].length > 0 ? [...found.keys()] : [''])
    .execute();
  for (const row of categories) found.get(row.address_id)?.categories.push(row.category);
  return found;
}
