import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { Database } from '../platform/db/schema.ts';
import * as addresses from './address.repository.ts';
import * as confirmations from './confirmation.repository.ts';
import type { AddressRow } from './mail.table.ts';
import { enqueue } from './outbox.repository.ts';
import type { SubscriptionChoice } from './subscription.validation.ts';

type Conn = Kysely<Database>;

/** What opening a confirmation link does, besides proving the address. */
export interface ConfirmationIntent {
  /** Start (or extend) a subscription. */
  subscribe?: SubscriptionChoice;
  /** Activate "email me when someone replies" on these comments. */
  follow?: string[];
  /** Publish these comments, held only because the address was not proven. */
  approve?: string[];
}

/** A link works until this long after it was sent. */
export const CONFIRMATION_TTL_MS = 48 * 3_600_000;
/** An address gets at most one confirmation mail per this long. */
export const CONFIRMATION_INTERVAL_MS = 10 * 60_000;

/** The stored form of a token: links carry the token, the database only its hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function union(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  const all = [...new Set([...(a ?? []), ...(b ?? [])])];
  return all.length > 0 ? all : undefined;
}

/** Reads a stored intent; a damaged payload does nothing rather than something wrong. */
export function parseIntent(payload: string): ConfirmationIntent {
  try {
    const value = JSON.parse(payload) as ConfirmationIntent;
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

/**
 * Asks the address to confirm `intent`, inside the caller's transaction. One mail per address
 * per 10 minutes: within that time the intent joins the link already sent (its newest choice
 * wins), so posting the form again and again mails nobody more than once.
 */
export async function requestConfirmation(
  trx: Conn,
  email: string,
  intent: ConfirmationIntent,
  now: Date,
): Promise<{ outcome: 'queued' | 'merged' | 'limited'; address: AddressRow }> {
  const at = now.toISOString();
  const created = await addresses.ensureAddress(trx, randomUUID(), email, at);
  await addresses.lockKey(trx, `mail-address:${created.id}`);
  // Read again under the lock: a post waiting on it must see the mail the first one queued.
  const address = (await addresses.findAddressById(trx, created.id)) ?? created;
  const last = address.last_confirmation_at
    ? Date.parse(address.last_confirmation_at)
    : Number.NEGATIVE_INFINITY;
  if (now.getTime() - last < CONFIRMATION_INTERVAL_MS) {
    const open = await confirmations.findOpenConfirmation(trx, address.id, at);
    if (!open) return { outcome: 'limited', address };
    const stored = parseIntent(open.payload);
    const merged: ConfirmationIntent = {};
    const subscribe = intent.subscribe ?? stored.subscribe;
    const follow = union(stored.follow, intent.follow);
    const approve = union(stored.approve, intent.approve);
    if (subscribe) merged.subscribe = subscribe;
    if (follow) merged.follow = follow;
    if (approve) merged.approve = approve;
    await confirmations.updateConfirmationPayload(trx, open.token_hash, JSON.stringify(merged));
    return { outcome: 'merged', address };
  }
  const token = randomBytes(24).toString('base64url');
  const tokenHash = hashToken(token);
  await confirmations.insertConfirmation(trx, {
    token_hash: tokenHash,
    address_id: address.id,
    payload: JSON.stringify(intent),
    created_at: at,
    expires_at: new Date(now.getTime() + CONFIRMATION_TTL_MS).toISOString(),
    used_at: null,
  });
  await addresses.setLastConfirmation(trx, address.id, at);
  await enqueue(trx, {
    id: `confirm.${tokenHash.slice(0, 24)}`,
    kind: 'confirm',
    recipient: email,
    address_id: address.id,
    batch_id: null,
    payload: JSON.stringify({ token }),
    due: at,
    now: at,
  });
  return { outcome: 'queued', address };
}

/** What a confirmation link is, before it is used (the page shows it with its button). */
export type LinkState =
  | { state: 'open'; email: string; intent: ConfirmationIntent }
  | { state: 'used' | 'expired' | 'unknown' };

/** Looks a link up without using it. */
export async function inspectConfirmation(db: Db, token: string, now = new Date()): Promise<LinkState> {
  const row = token ? await confirmations.findConfirmation(db, hashToken(token)) : undefined;
  if (!row) return { state: 'unknown' };
  if (row.used_at) return { state: 'used' };
  if (row.expires_at <= now.toISOString()) return { state: 'expired' };
  const address = await addresses.findAddressById(db, row.address_id);
  return address
    ? { state: 'open', email: address.email, intent: parseIntent(row.payload) }
    : { state: 'unknown' };
}

/** What opening a link did. */
export type ConfirmOutcome =
  | {
      state: 'confirmed';
      email: string;
      addressId: string;
      subscribed: boolean;
      follows: number;
      approve: string[];
    }
  | { state: 'used' | 'expired' | 'unknown' };

/**
 * Uses a link once, in one transaction: proves the address (lifting a pause), starts or
 * extends the subscription, activates reply follows. Returns the held comments the link
 * publishes: the caller hands them to comment moderation.
 */
export async function confirmLink(db: Db, token: string, now = new Date()): Promise<ConfirmOutcome> {
  const at = now.toISOString();
  const tokenHash = hashToken(token);
  return db.transaction().execute(async (trx): Promise<ConfirmOutcome> => {
    const row = token ? await confirmations.findConfirmation(trx, tokenHash) : undefined;
    if (!row) return { state: 'unknown' };
    if (!(await confirmations.useConfirmation(trx, tokenHash, at)))
      return { state: row.used_at ? 'used' : 'expired' };
    const address = await addresses.findAddressById(trx, row.address_id);
    if (!address) return { state: 'unknown' };
    await addresses.markConfirmed(trx, address.id, at);
    const intent = parseIntent(row.payload);
    if (intent.subscribe) {
      const current = await addresses.findSubscription(trx, address.id);
      await addresses.saveSubscription(
        trx,
        address.id,
        {
          ...intent.subscribe,
          categories: [...new Set([...(current?.categories ?? []), ...intent.subscribe.categories])].sort(),
        },
        at,
      );
    }
    const follows = await confirmations.confirmReplyFollows(trx, address.id, intent.follow ?? [], at);
    return {
      state: 'confirmed',
      email: address.email,
      addressId: address.id,
      subscribed: intent.subscribe !== undefined,
      follows,
      approve: intent.approve ?? [],
    };
  });
}
