/** Privacy requests and the operator's view: everything stored about an address, and erasing it. */
import type { Db } from '../platform/db/database.ts';
import { findAddressByEmail, findSubscription } from './address.repository.ts';
import { normaliseEmail } from './subscription.validation.ts';

/** Everything the mail feature stores about an address (no token or token hash). */
export async function exportMailData(db: Db, rawEmail: string) {
  const email = normaliseEmail(rawEmail) ?? rawEmail.trim().toLowerCase();
  const address = await findAddressByEmail(db, email);
  const messages = await db
    .selectFrom('mail_outbox')
    .select(['id', 'kind', 'status', 'subject', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .where('recipient', '=', email)
    .orderBy('created_at')
    .execute();
  if (!address)
    return { email, address: null, subscription: null, replyFollows: [], confirmations: [], messages };
  const [subscription, replyFollows, confirmations] = await Promise.all([
    findSubscription(db, address.id),
    db
      .selectFrom('mail_reply_follows')
      .select(['comment_id', 'article_id', 'confirmed_at', 'created_at'])
      .where('address_id', '=', address.id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('mail_confirmations')
      .select(['created_at', 'expires_at', 'used_at'])
      .where('address_id', '=', address.id)
      .orderBy('created_at')
      .execute(),
  ]);
  const { id: _id, ...addressFacts } = address;
  return {
    email,
    address: addressFacts,
    subscription: subscription ?? null,
    replyFollows,
    confirmations,
    messages,
  };
}

/** Erases the address, its subscription, reply follows, confirmation links and every message to it. */
export async function eraseMailData(
  db: Db,
  rawEmail: string,
): Promise<{ address: boolean; messages: number }> {
  const email = normaliseEmail(rawEmail) ?? rawEmail.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    const messages = await trx.deleteFrom('mail_outbox').where('recipient', '=', email).executeTakeFirst();
    const address = await findAddressByEmail(trx, email);
    if (address) {
      // Children first: SQLite enforces the foreign keys, PostgreSQL would cascade anyway.
      await trx.deleteFrom('mail_subscription_categories').where('address_id', '=', address.id).execute();
      await trx.deleteFrom('mail_subscriptions').where('address_id', '=', address.id).execute();
      await trx.deleteFrom('mail_reply_follows').where('address_id', '=', address.id).execute();
      await trx.deleteFrom('mail_confirmations').where('address_id', '=', address.id).execute();
      await trx.deleteFrom('mail_outbox').where('address_id', '=', address.id).execute();
      await trx.deleteFrom('mail_addresses').where('id', '=', address.id).execute();
    }
    return { address: address !== undefined, messages: Number(messages.numDeletedRows) };
  });
}
