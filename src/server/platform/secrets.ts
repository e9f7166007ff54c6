import { createHmac, randomBytes } from 'node:crypto';
import { getConfig } from './config/config.ts';
import type { Db } from './db/database.ts';
import { insertOrReadSecret } from './secret.repository.ts';

/** Keys derived from the application secret, each for one purpose so one cannot forge another. */
export interface AppKeys {
  /** Salts client-address hashes. */
  ipKey: Buffer;
  /** Signs form tokens, outcome cookies and links sent to readers. */
  signingKey: Buffer;
}

// The row's name predates the secret's use beyond comments; renaming it would change every key.
const SECRET_NAME = 'comments';
const cache = new WeakMap<Db, Promise<AppKeys>>();

function derive(secret: string): AppKeys {
  const key = (purpose: string) => createHmac('sha256', secret).update(purpose).digest();
  return { ipKey: key('client-address-hash'), signingKey: key('signed-values') };
}

/**
 * The application keys: from APP_SECRET when set, otherwise from a random secret kept in the
 * database (created on first use). Cached per database handle.
 */
export function getAppKeys(db: Db, configured = getConfig().APP_SECRET): Promise<AppKeys> {
  if (configured !== undefined) return Promise.resolve(derive(configured));
  let keys = cache.get(db);
  if (!keys) {
    const fresh = randomBytes(32).toString('base64url');
    keys = insertOrReadSecret(db, SECRET_NAME, fresh, new Date().toISOString()).then(derive);
    cache.set(db, keys);
    keys.catch(() => cache.delete(db));
  }
  return keys;
}

/** Salted, truncated HMAC of a client address: enough to count requests, useless to recover it. */
export function hashClientAddress(keys: AppKeys, address: string): string {
  return createHmac('sha256', keys.ipKey).update(address).digest('base64url').slice(0, 32);
}
