import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { clientNetwork } from '../platform/client-network.ts';
import { type Config, getConfig } from '../platform/config/config.ts';
import type { Db } from '../platform/db/database.ts';
import { getAppKeys, hashClientAddress } from '../platform/secrets.ts';
import * as repo from './admin.repository.ts';
import { FAILURE_COUNT_CAP, FAILURE_WINDOW_MS, holdAttempt, loginDelayMs } from './login-throttle.ts';

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

/** A login attempt: the password typed, the one configured, and where it came from. */
export interface LoginAttempt {
  password: string;
  expected: string;
  clientAddress: string;
}

/** The result of a login attempt, with how long it was held before its password was checked. */
export type LoginOutcome =
  | { kind: 'ok'; token: string; expiresAt: Date; waitedMs: number }
  | { kind: 'wrong-password'; waitedMs: number };

/** Test seams: the clock, the session lifetime and how a delay is waited. */
export interface LoginOptions {
  now?: Date;
  lifetimeMs?: number;
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * Checks the password and opens a session. After repeated failures from the client's network
 * (its IPv4 address or IPv6 /64) or on the account, the attempt first waits a growing delay
 * (login-throttle.ts): guessing slows down, the right password is never refused.
 */
export async function logIn(
  db: Db,
  { password, expected, clientAddress }: LoginAttempt,
  { now = new Date(), lifetimeMs = sessionLifetimeMs(), wait = sleep }: LoginOptions = {},
): Promise<LoginOutcome> {
  const network = hashClientAddress(await getAppKeys(db), clientNetwork(clientAddress));
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  // Housekeeping on every attempt: expired sessions and failures that no longer count go.
  await repo.purgeAdminRecords(db, now.toISOString(), since);
  const attempt = holdAttempt(network);
  try {
    // Taken before counting: an attempt that stops waiting after this has recorded its failure
    // first, so the count below sees it; none is missed by both.
    const waiting = attempt.others();
    const [fromNetwork, fromAnywhere] = await Promise.all([
      repo.countLoginFailures(db, since, FAILURE_COUNT_CAP, network),
      repo.countLoginFailures(db, since, FAILURE_COUNT_CAP),
    ]);
    const waitedMs = loginDelayMs(fromNetwork + waiting.network, fromAnywhere + waiting.account);
    if (waitedMs > 0) await wait(waitedMs);
    if (!passwordMatches(password, expected)) {
      await repo.insertLoginFailure(db, randomUUID(), network, now.toISOString());
      return { kind: 'wrong-password', waitedMs };
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + lifetimeMs);
    await repo.insertSession(db, tokenHash(token), now.toISOString(), expiresAt.toISOString());
    return { kind: 'ok', token, expiresAt, waitedMs };
  } finally {
    attempt.release();
  }
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

/** Drops expired sessions and failed logins that no longer count (`npm run comments -- purge`). */
export function purgeAdminRecords(db: Db, now = new Date()): Promise<void> {
  return repo.purgeAdminRecords(
    db,
    now.toISOString(),
    new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString(),
  );
}
