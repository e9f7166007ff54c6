import { randomUUID } from 'node:crypto';
import { ensureAddress, markConfirmed, saveSubscription } from '../../src/server/mail/address.repository.ts';
import type { Frequency } from '../../src/server/mail/mail.table.ts';
import type { Db } from '../../src/server/platform/db/database.ts';

/** Adds a confirmed subscriber directly, as if their link had been opened; returns the address id. */
export async function addSubscriber(
  db: Db,
  email: string,
  options: { categories?: string[]; articles?: boolean; roles?: boolean; frequency?: Frequency } = {},
  now = new Date(),
): Promise<string> {
  const at = now.toISOString();
  const address = await ensureAddress(db, randomUUID(), email, at);
  await markConfirmed(db, address.id, at);
  await saveSubscription(
    db,
    address.id,
    {
      categories: options.categories ?? ['backend'],
      articles: options.articles ?? true,
      roles: options.roles ?? true,
      frequency: options.frequency ?? 'instant',
    },
    at,
  );
  return address.id;
}

/**
 * Adds `count` confirmed instant subscribers of `category` in a few multi-row inserts (the
 * benchmark's 10,000 would take minutes one by one).
 */
export async function addManySubscribers(
  db: Db,
  count: number,
  category: string,
  now = new Date(),
): Promise<void> {
  const at = now.toISOString();
  for (let start = 0; start < count; start += 200) {
    const ids = Array.from({ length: Math.min(200, count - start) }, (_, i) => ({
      id: randomUUID(),
      n: start + i,
    }));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('mail_addresses')
        .values(
          ids.map(({ id, n }) => ({
            id,
            email: `reader${n}@example.com`,
            confirmed_at: at,
            paused_at: null,
            last_confirmation_at: null,
            created_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('mail_subscriptions')
        .values(
          ids.map(({ id }) => ({
            address_id: id,
            articles: 1,
            roles: 1,
            frequency: 'instant' as const,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('mail_subscription_categories')
        .values(ids.map(({ id }) => ({ address_id: id, category })))
        .execute();
    });
  }
}

/** The outbox rows for one recipient. */
export function outboxFor(db: Db, email: string) {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('recipient', '=', email)
    .orderBy('created_at')
    .execute();
}
