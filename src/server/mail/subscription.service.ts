import type { Db } from '../platform/db/database.ts';
import * as addresses from './address.repository.ts';
import { isAddressProven } from './address-proof.service.ts';
import { deleteReplyFollows } from './confirmation.repository.ts';
import { requestConfirmation } from './confirmation.service.ts';
import type { MailList } from './mail-links.ts';
import type { SubscriptionChoice } from './subscription.validation.ts';

/**
 * What the reader is told. `check-inbox` is the answer for every address, subscribed or not,
 * so the form reveals nothing; only a browser that already proved the address (its cookie)
 * is subscribed at once.
 */
export type SubscribeOutcome = 'check-inbox' | 'subscribed';

/** Handles a valid subscription form. */
export async function requestSubscription(
  db: Db,
  request: { email: string; choice: SubscriptionChoice; proofCookie: string | undefined; signingKey: Buffer },
  now = new Date(),
): Promise<SubscribeOutcome> {
  const proven = isAddressProven(request.signingKey, request.proofCookie, request.email);
  return db.transaction().execute(async (trx): Promise<SubscribeOutcome> => {
    if (proven) {
      const address = await addresses.findAddressByEmail(trx, request.email);
      if (address?.confirmed_at && !address.paused_at) {
        const current = await addresses.findSubscription(trx, address.id);
        const categories = [
          ...new Set([...(current?.categories ?? []), ...request.choice.categories]),
        ].sort();
        await addresses.saveSubscription(
          trx,
          address.id,
          { ...request.choice, categories },
          now.toISOString(),
        );
        return 'subscribed';
      }
    }
    await requestConfirmation(trx, request.email, { subscribe: request.choice }, now);
    return 'check-inbox';
  });
}

/** What the preferences page shows. */
export interface Preferences {
  email: string;
  subscription: addresses.SubscriptionRecord | undefined;
  paused: boolean;
}

/** The preferences of the address a manage token names; undefined once it was erased. */
export async function getPreferences(db: Db, addressId: string): Promise<Preferences | undefined> {
  const address = await addresses.findAddressById(db, addressId);
  if (!address) return undefined;
  return {
    email: address.email,
    subscription: await addresses.findSubscription(db, addressId),
    paused: address.paused_at !== null,
  };
}

/**
 * Saves new preferences. The link in the mail proves the address, so this needs no new
 * confirmation, and lifts a pause.
 */
export async function savePreferences(
  db: Db,
  addressId: string,
  choice: SubscriptionChoice,
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const address = await addresses.findAddressById(trx, addressId);
    if (!address) return false;
    await addresses.saveSubscription(trx, addressId, choice, now.toISOString());
    await addresses.markConfirmed(trx, addressId, now.toISOString());
    return true;
  });
}

/** Stops a list's mails (or both); returns whether the address was known. Already queued mails are dropped when due. */
export async function unsubscribe(db: Db, addressId: string, list: MailList | 'all'): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const address = await addresses.findAddressById(trx, addressId);
    if (!address) return false;
    if (list !== 'replies') await addresses.deleteSubscription(trx, addressId);
    if (list !== 'news') await deleteReplyFollows(trx, addressId);
    return true;
  });
}
