import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type Config, getConfig } from '../platform/config/config.ts';
import type { Db } from '../platform/db/database.ts';
import { getAppKeys, hashClientAddress } from '../platform/secrets.ts';
import * as repo from './admin-session.repository.ts';

/** Failed logins allowed per client in the window before further attempts are refused. */
export const LOGIN_FAILURE_LIMIT = 5;
const LOGIN_WINDOW_MS = 15 * 60_000;
/** Whether the admin area can be used, and why not. */
export type AdminAvailability = { enabled: true; password: string } | { enabled: false; reason: string };

/**
 * The admin area is off unless ADMIN_PASSWORD is set: there is no default password. (The
 * configuration refuses one shorter than 12 characters before the server starts.)
 */
export function getAdminAvailability(
  config: Pick<Config, 'ADMIN_PASSWORD'> = getConfig(),
): AdminAvailability {
  const password = config.ADMIN_PASSWORD;
  if (password === undefined) return { enabled: false, reason: 'ADMIN_PASSWORD is not set.' };
  return { enabled: true, password };
}

/** Session lifetime in milliseconds (ADMIN_SESSION_HOURS). */
export function sessionLifetimeMs(config: Pick<Config, 'ADMIN_SESSION_HOURS'> = getConfig()): number {
  return config.ADMIN_SESSION_HOURS * 3_600_000;
}

/** Compares in constant time: both sides are hashed first so their lengths never leak either. */
export function passwordMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The result of a login attempt. */
export type LoginOutcome =
  | { kind: 'ok'; token: string; expiresAt: Date }
  | { kind: 'wrong-password' }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

/** Checks the password, rate-limiting failures per hashed client address, and opens a session. */
export async function logIn(
  db: Db,
  password: string,
  expected: string,
  clientAddress: string,
  now = new Date(),
  lifetimeMs = sessionLifetimeMs(),
): Promise<LoginOutcome> {
  const ipHash = hashClientAddress(await getAppKeys(db), clientAddress);
  // Housekeeping on every attempt: expired sessions and day-old failures (address hashes) go.
  await repo.purgeAdminRecords(db, now.toISOString(), new Date(now.getTime() - 86_400_000).toISOString());
  const failures = await repo.listLoginFailures(
    db,
    ipHash,
    new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString(),
  );
  if (failures.length >= LOGIN_FAILURE_LIMIT) {
    const oldest = Date.parse(failures[0] ?? now.toISOString());
    return {
      kind: 'rate-limited',
      retryAfterSeconds: Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - now.getTime()) / 1000)),
    };
  }
  if (!passwordMatches(password, expected)) {
    await repo.insertLoginFailure(db, randomUUID(), ipHash, now.toISOString());
    return { kind: 'wrong-password' };
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await repo.insertSession(db, tokenHash(token), now.toISOString(), expiresAt.toISOString());
  return { kind: 'ok', token, expiresAt };
}

/** Whether the cookie's token names a live session. */
export async function isLoggedIn(db: Db, token: string | undefined, now = new Date()): Promise<boolean> {
  if (!token || token.length > 100) return false;
  return repo.isSessionLive(db, tokenHash(token), now.toISOString());
}

/** Ends the session the token names. */
export async function logOut(db: Db, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(db, tokenHash(token));
}
