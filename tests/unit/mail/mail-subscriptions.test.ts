import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findAddressByEmail, findSubscription } from '../../../src/server/mail/address.repository.ts';
import { addProof } from '../../../src/server/mail/address-proof.service.ts';
import { confirmLink, inspectConfirmation } from '../../../src/server/mail/confirmation.service.ts';
import { eraseMailData, exportMailData } from '../../../src/server/mail/mail-privacy.ts';
import { requestSubscription, unsubscribe } from '../../../src/server/mail/subscription.service.ts';
import type { SubscriptionChoice } from '../../../src/server/mail/subscription.validation.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../support/databases.ts';
import { addSubscriber, outboxFor } from '../../support/mail-rows.ts';

const key = randomBytes(32);
const choice: SubscriptionChoice = {
  categories: ['backend'],
  articles: true,
  roles: true,
  frequency: 'instant',
};
const t0 = new Date('2026-11-26T09:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

/** The confirmation token queued for an address (what its mail links to). */
async function tokenFor(db: TestDatabase['db'], email: string): Promise<string> {
  const rows = await outboxFor(db, email);
  const token = (JSON.parse(rows.at(-1)?.payload ?? '{}') as { token?: string }).token;
  if (!token) throw new Error(`no confirmation queued for ${email}`);
  return token;
}

describe.each(databaseKinds)('subscriptions on %s', (kind) => {
  let database: TestDatabase;
  const subscribe = (
    email: string,
    at: Date,
    proofCookie?: string,
    extra: Partial<SubscriptionChoice> = {},
  ) =>
    requestSubscription(
      database.db,
      { email, choice: { ...choice, ...extra }, proofCookie, signingKey: key },
      at,
    );

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('queues one confirmation and subscribes nobody until its link is opened', async () => {
    expect(await subscribe('new@example.com', t0)).toBe('check-inbox');
    const rows = await outboxFor(database.db, 'new@example.com');
    expect(rows.map((r) => [r.kind, r.status])).toEqual([['confirm', 'queued']]);
    const address = await findAddressByEmail(database.db, 'new@example.com');
    expect(address?.confirmed_at).toBeNull();
    expect(await findSubscription(database.db, address?.id ?? '')).toBeUndefined();
  });

  test('mails an address at most once per 10 minutes, however often the form is posted', async () => {
    for (const at of [1, 2, 9])
      expect(await subscribe('new@example.com', minutes(at), undefined, { frequency: 'weekly' })).toBe(
        'check-inbox',
      );
    expect(await outboxFor(database.db, 'new@example.com')).toHaveLength(1);
    // The link already sent now carries the newest choice.
    const link = await inspectConfirmation(
      database.db,
      await tokenFor(database.db, 'new@example.com'),
      minutes(9),
    );
    expect(link.state === 'open' && link.intent.subscribe?.frequency).toBe('weekly');
    await subscribe('new@example.com', minutes(11));
    expect(await outboxFor(database.db, 'new@example.com')).toHaveLength(2);
  });

  test('answers the same for a subscribed address as for a new one', async () => {
    await addSubscriber(database.db, 'known@example.com');
    expect(await subscribe('known@example.com', t0)).toBe(await subscribe('stranger@example.com', t0));
  });

  test('a link confirms once, merges categories, and expires after 48 hours', async () => {
    await addSubscriber(database.db, 'merge@example.com', { categories: ['careers'] });
    await subscribe('merge@example.com', t0);
    const token = await tokenFor(database.db, 'merge@example.com');
    const first = await confirmLink(database.db, token, minutes(5));
    expect(first.state).toBe('confirmed');
    expect((await confirmLink(database.db, token, minutes(6))).state).toBe('used');
    const address = await findAddressByEmail(database.db, 'merge@example.com');
    expect((await findSubscription(database.db, address?.id ?? ''))?.categories).toEqual([
      'backend',
      'careers',
    ]);

    await subscribe('late@example.com', t0);
    const late = await tokenFor(database.db, 'late@example.com');
    expect((await confirmLink(database.db, late, minutes(48 * 60 + 1))).state).toBe('expired');
    expect((await confirmLink(database.db, 'not-a-token', t0)).state).toBe('unknown');
  });

  test('subscribes at once a browser that proved the address', async () => {
    await addSubscriber(database.db, 'proven@example.com', { categories: ['careers'] });
    const cookie = addProof(key, undefined, 'proven@example.com');
    expect(await subscribe('proven@example.com', t0, cookie)).toBe('subscribed');
    expect(await outboxFor(database.db, 'proven@example.com')).toHaveLength(0);
    // The cookie proves only its own address.
    expect(await subscribe('other@example.com', t0, cookie)).toBe('check-inbox');
  });

  test('unsubscribes, and exports then erases everything about an address', async () => {
    const id = await addSubscriber(database.db, 'leaver@example.com');
    await subscribe('leaver@example.com', t0);
    expect(await unsubscribe(database.db, id, 'news')).toBe(true);
    expect(await findSubscription(database.db, id)).toBeUndefined();
    const exported = await exportMailData(database.db, 'Leaver@Example.com');
    expect(exported.address?.email).toBe('leaver@example.com');
    expect(exported.messages).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toMatch(/token/);
    expect(await eraseMailData(database.db, 'leaver@example.com')).toEqual({ address: true, messages: 1 });
    const after = await exportMailData(database.db, 'leaver@example.com');
    expect([after.address, after.messages.length]).toEqual([null, 0]);
  });
});
