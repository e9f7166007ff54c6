import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

/** Keys derived from one secret, each for one purpose so a leak of one use cannot forge another. */
export interface CommentKeys {
  /** Salts client-address hashes. */
  ipKey: Buffer;
  /** Signs the form timestamp token and the outcome cookie. */
  signingKey: Buffer;
}

const SECRET_NAME = 'comments';
const cache = new WeakMap<Db, Promise<CommentKeys>>();

function derive(secret: string): CommentKeys {
  const key = (purpose: string) => createHmac('sha256', secret).update(purpose).digest();
  return { ipKey: key('client-address-hash'), signingKey: key('signed-values') };
}

/**
 * Reads the stored secret, creating it on first use. Insert-if-absent then read means every
 * server sharing the database ends up with the same value, whichever wrote first.
 */
async function storedSecret(db: Db): Promise<string> {
  await db
    .insertInto('app_secrets')
    .values({
      name: SECRET_NAME,
      value: randomBytes(32).toString('base64url'),
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('app_secrets')
    .select('value')
    .where('name', '=', SECRET_NAME)
    .executeTakeFirstOrThrow();
  return row.value;
}

/**
 * The comment keys: from COMMENTS_SECRET (at least 32 characters) when set, otherwise from a
 * random secret kept in the database. Cached per database handle.
 */
export function getCommentKeys(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<CommentKeys> {
  const configured = env['COMMENTS_SECRET'];
  if (configured !== undefined && configured !== '') {
    if (configured.length < 32)
      return Promise.reject(new Error('COMMENTS_SECRET must be at least 32 characters'));
    return Promise.resolve(derive(configured));
  }
  let keys = cache.get(db);
  if (!keys) {
    keys = storedSecret(db).then(derive);
    cache.set(db, keys);
    keys.catch(() => cache.delete(db));
  }
  return keys;
}

/** Salted, truncated HMAC of a client address: enough to count requests, useless to recover it. */
export function hashClientAddress(keys: CommentKeys, address: string): string {
  return createHmac('sha256', keys.ipKey).update(address).digest('base64url').slice(0, 32);
}
