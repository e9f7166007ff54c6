import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  getAdminAvailability,
  isLoggedIn,
  type LoginOptions,
  logIn,
  logOut,
  passwordMatches,
} from '../../src/server/admin/admin-auth.service.ts';
import { loginDelayMs, MAX_DELAY_MS } from '../../src/server/admin/login-throttle.ts';
import { parseConfig } from '../../src/server/platform/config/config.ts';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { getAppKeys } from '../../src/server/platform/secrets.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';

const PASSWORD = 'correct horse battery staple';

describe('getAdminAvailability', () => {
  test('is disabled when ADMIN_PASSWORD is unset or empty: there is no default password', () => {
    expect(getAdminAvailability(parseConfig({}))).toEqual({
      enabled: false,
      reason: 'ADMIN_PASSWORD is not set.',
    });
    expect(getAdminAvailability(parseConfig({ ADMIN_PASSWORD: '' })).enabled).toBe(false);
    expect(getAdminAvailability(parseConfig({ ADMIN_PASSWORD: PASSWORD }))).toEqual({
      enabled: true,
      password: PASSWORD,
    });
  });

  test('a password shorter than 12 characters is a configuration error naming the variable', () => {
    expect(() => parseConfig({ ADMIN_PASSWORD: 'short' })).toThrow(
      /ADMIN_PASSWORD=\(hidden\) is shorter than 12/,
    );
  });
});

describe('loginDelayMs', () => {
  test('lets five failures per network and twenty on the account pass, then doubles to a cap', () => {
    expect([0, 4, 5, 6, 7, 9, 10, 11, 50].map((n) => loginDelayMs(n, 0))).toEqual([
      0,
      0,
      1000,
      2000,
      4000,
      16_000,
      MAX_DELAY_MS,
      MAX_DELAY_MS,
      MAX_DELAY_MS,
    ]);
    expect([19, 20, 21].map((n) => loginDelayMs(0, n))).toEqual([0, 1000, 2000]);
    expect(loginDelayMs(6, 20)).toBe(2000);
  });
});

describe('passwordMatches', () => {
  test('matches only the exact password, whatever the lengths', () => {
    expect(passwordMatches(PASSWORD, PASSWORD)).toBe(true);
    expect(passwordMatches(`${PASSWORD} `, PASSWORD)).toBe(false);
    expect(passwordMatches('', PASSWORD)).toBe(false);
  });
});

describe.each(databaseKinds)('admin sessions on %s', (kind) => {
  let testDb: TestDatabase;
  const now = new Date('2026-11-25T12:00:00.000Z');
  let waits: number[] = [];
  /** Records each delay instead of sleeping it: the tests check what was asked, not clocks. */
  const options = (extra: LoginOptions = {}): LoginOptions => ({
    now,
    wait: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  });
  const attempt = (password: string, clientAddress: string, extra?: LoginOptions) =>
    logIn(testDb.db, { password, expected: PASSWORD, clientAddress }, options(extra));

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  beforeEach(async () => {
    waits = [];
    await testDb.db.deleteFrom('admin_login_failures').execute();
  });

  test('opens a session that expires and can be logged out', async () => {
    const outcome = await attempt(PASSWORD, '198.51.100.1', { lifetimeMs: 3_600_000 });
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(await isLoggedIn(testDb.db, outcome.token, now)).toBe(true);
    expect(await isLoggedIn(testDb.db, outcome.token, new Date(now.getTime() + 3_600_001))).toBe(false);
    await logOut(testDb.db, outcome.token);
    expect(await isLoggedIn(testDb.db, outcome.token, now)).toBe(false);
  });

  test('stores only a hash of the session token', async () => {
    const outcome = await attempt(PASSWORD, '198.51.100.2');
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const rows = await testDb.db.selectFrom('admin_sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(outcome.token);
  });

  test('drops expired sessions and failures that no longer count on the next attempt', async () => {
    const old = await attempt(PASSWORD, '198.51.100.9', { lifetimeMs: 1000 });
    await attempt('guess', '198.51.100.9');
    if (old.kind !== 'ok') throw new Error(old.kind);
    const later = new Date(now.getTime() + 16 * 60_000);
    await attempt('guess', '198.51.100.10', { now: later });
    const failures = await testDb.db.selectFrom('admin_login_failures').select('created_at').execute();
    expect(failures.map((f) => f.created_at)).toEqual([later.toISOString()]);
    // Still within its lifetime at `now`, so only the purge can have removed it.
    expect(await isLoggedIn(testDb.db, old.token, now)).toBe(false);
  });

  test('refuses unknown and absurd tokens', async () => {
    expect(await isLoggedIn(testDb.db, undefined, now)).toBe(false);
    expect(await isLoggedIn(testDb.db, 'x'.repeat(5000), now)).toBe(false);
  });

  test('slows wrong passwords from one address after five failures, and still takes the right one', async () => {
    for (let i = 0; i < 7; i += 1)
      expect((await attempt('guess', '198.51.100.3')).kind).toBe('wrong-password');
    // The first five wrong passwords are checked at once; the next ones wait, doubling.
    expect(waits).toEqual([1000, 2000]);
    const right = await attempt(PASSWORD, '198.51.100.3');
    expect(right).toMatchObject({ kind: 'ok', waitedMs: 4000 });
    // Another address is not slowed; and the window ends.
    expect(await attempt(PASSWORD, '198.51.100.4')).toMatchObject({ kind: 'ok', waitedMs: 0 });
    const afterWindow = new Date(now.getTime() + 15 * 60_000 + 1);
    expect(await attempt('guess', '198.51.100.3', { now: afterWindow })).toMatchObject({ waitedMs: 0 });
  });

  test('counts every address of an IPv6 /64 as one client', async () => {
    for (let i = 1; i <= 5; i += 1) await attempt('guess', `2001:db8:1:2::${i.toString(16)}`);
    expect(await attempt('guess', '2001:db8:1:2:ffff:ffff:ffff:ffff')).toMatchObject({ waitedMs: 1000 });
    expect(await attempt(PASSWORD, '2001:db8:1:2::abcd')).toMatchObject({ kind: 'ok', waitedMs: 2000 });
    expect(await attempt('guess', '2001:db8:1:3::1')).toMatchObject({ waitedMs: 0 });
  });

  test('slows every attempt once the account has twenty failures from anywhere', async () => {
    for (let i = 0; i < 20; i += 1) await attempt('guess', `203.0.113.${i}`);
    expect(waits).toEqual([]);
    expect(await attempt('guess', '192.0.2.1')).toMatchObject({ kind: 'wrong-password', waitedMs: 1000 });
    expect(await attempt(PASSWORD, '192.0.2.2')).toMatchObject({ kind: 'ok', waitedMs: 2000 });
  });

  test('counts attempts still waiting, so a burst sent at once cannot skip the delay', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, () => attempt('guess', '198.51.100.5')));
    expect(burst.every((outcome) => outcome.kind === 'wrong-password')).toBe(true);
    expect(burst.filter((outcome) => outcome.waitedMs === 0).length).toBeLessThanOrEqual(5);
  });

  test('generates one secret per database that every server handle agrees on', async () => {
    const other = createDatabase(testDb.url);
    try {
      const [mine, theirs] = await Promise.all([getAppKeys(testDb.db), getAppKeys(other)]);
      expect(theirs.signingKey.equals(mine.signingKey)).toBe(true);
      const configured = await getAppKeys(testDb.db, 'y'.repeat(40));
      expect(configured.signingKey.equals(mine.signingKey)).toBe(false);
      expect(() => parseConfig({ APP_SECRET: 'short' })).toThrow(/APP_SECRET=\(hidden\) is shorter than 32/);
    } finally {
      await other.destroy();
    }
  });
});
