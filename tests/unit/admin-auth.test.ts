import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  getAdminAvailability,
  isLoggedIn,
  LOGIN_FAILURE_LIMIT,
  logIn,
  logOut,
  passwordMatches,
} from '../../src/server/admin/admin-auth.service.ts';
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

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  test('opens a session that expires and can be logged out', async () => {
    const outcome = await logIn(testDb.db, PASSWORD, PASSWORD, '198.51.100.1', now, 3_600_000);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(await isLoggedIn(testDb.db, outcome.token, now)).toBe(true);
    expect(await isLoggedIn(testDb.db, outcome.token, new Date(now.getTime() + 3_600_001))).toBe(false);
    await logOut(testDb.db, outcome.token);
    expect(await isLoggedIn(testDb.db, outcome.token, now)).toBe(false);
  });

  test('stores only a hash of the session token', async () => {
    const outcome = await logIn(testDb.db, PASSWORD, PASSWORD, '198.51.100.2', now);
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const rows = await testDb.db.selectFrom('admin_sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(outcome.token);
  });

  test('drops expired sessions and day-old failed logins on the next attempt', async () => {
    const old = await logIn(testDb.db, PASSWORD, PASSWORD, '198.51.100.9', now, 1000);
    await logIn(testDb.db, 'guess', PASSWORD, '198.51.100.9', now);
    if (old.kind !== 'ok') throw new Error(old.kind);
    await logIn(testDb.db, 'guess', PASSWORD, '198.51.100.10', new Date(now.getTime() + 2 * 86_400_000));
    const failures = await testDb.db.selectFrom('admin_login_failures').select('created_at').execute();
    expect(failures.map((f) => f.created_at)).toEqual([
      new Date(now.getTime() + 2 * 86_400_000).toISOString(),
    ]);
    // Still within its lifetime at `now`, so only the purge can have removed it.
    expect(await isLoggedIn(testDb.db, old.token, now)).toBe(false);
  });

  test('refuses unknown and absurd tokens', async () => {
    expect(await isLoggedIn(testDb.db, undefined, now)).toBe(false);
    expect(await isLoggedIn(testDb.db, 'x'.repeat(5000), now)).toBe(false);
  });

  test('rate-limits failed logins per client, even with the right password, then lets it retry', async () => {
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i += 1) {
      expect(await logIn(testDb.db, 'guess', PASSWORD, '198.51.100.3', now)).toEqual({
        kind: 'wrong-password',
      });
    }
    const limited = await logIn(testDb.db, PASSWORD, PASSWORD, '198.51.100.3', now);
    expect(limited).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 900 });
    expect((await logIn(testDb.db, PASSWORD, PASSWORD, '198.51.100.4', now)).kind).toBe('ok');
    expect(
      (await logIn(testDb.db, PASSWORD, PASSWORD, '198.51.100.3', new Date(now.getTime() + 901_000))).kind,
    ).toBe('ok');
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
