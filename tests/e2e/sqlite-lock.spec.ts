import { expect, test } from '@playwright/test';
import { parseDatabaseUrl } from '../../src/server/platform/db/database-url.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { ADMIN_PASSWORD, ARTICLE, COMMENTS_PAGE } from './support/comments.ts';
import { seedE2eJobs } from './support/jobs.ts';
import { fetchToken, storedBodies } from './support/posting.ts';
import { type RunningServer, scratchSqliteUrl, startServer } from './support/server.ts';
import { holdWriteLock, type LockHolder } from './support/sqlite-lock.ts';

/** How long the other process holds the lock: shorter than the server's 5 s lock wait. */
const HOLD_MS = 3_000;
/** The bound the issue names for a page while the lock is held; unlocked, they take milliseconds. */
const ANSWER_WITHIN_MS = 1_000;

test.describe('SQLite locked by another process', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let holder: LockHolder | undefined;

  test.beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedE2eJobs(database.url);
    server = await startServer({ DATABASE_URL: database.url, COMMENTS_MIN_SECONDS: '0', ADMIN_PASSWORD });
  });
  test.afterAll(async () => {
    await holder?.stop();
    await server?.stop();
    await database?.drop();
  });

  test('pages and the jobs island answer at once while a comment post and a login wait for the lock', async () => {
    test.setTimeout(60_000);
    const html = await (await fetch(`${server.url}${ARTICLE}`)).text();
    const island = /\/_server-islands\/HiringNowRoles[^"'\s]+/.exec(html)?.[0]?.replaceAll('&amp;', '&');
    expect(island, 'the article has a jobs island').toBeTruthy();
    const text = 'Posted while an import held the lock.';
    const form = new URLSearchParams({ comment: text, name: 'Ida', email: 'ida@example.com' });
    form.set('token', await fetchToken(server.url));
    const target = parseDatabaseUrl(database.url);
    if (target.dialect !== 'sqlite') throw new Error('expected a SQLite database');

    holder = await holdWriteLock(target.filename, HOLD_MS);
    let releasedAt = 0;
    void holder.released.then(() => {
      releasedAt = Date.now();
    });
    const post = fetch(`${server.url}${COMMENTS_PAGE}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: form,
      redirect: 'manual',
    }).then(async (response) => ({ status: response.status, body: await response.text(), at: Date.now() }));
    // A login writes outside a transaction (housekeeping, then the session): with a blocking
    // busy timeout such a write held every other request for the whole wait.
    const login = fetch(`${server.url}/admin/login/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: new URLSearchParams({ password: ADMIN_PASSWORD }),
      redirect: 'manual',
    }).then((response) => ({ status: response.status, at: Date.now() }));

    const timings: string[] = [];
    while (!releasedAt) {
      for (const path of ['/', ARTICLE, island ?? '']) {
        const started = Date.now();
        const response = await fetch(`${server.url}${path}`);
        await response.arrayBuffer();
        expect(response.status, path).toBe(200);
        const took = Date.now() - started;
        expect(took, `${path} while the lock is held`).toBeLessThan(ANSWER_WITHIN_MS);
        timings.push(`${path.slice(0, 40)} ${took} ms`);
      }
    }
    // Several rounds ran while the lock was held (and the post was waiting on it).
    expect(timings.length, timings.join('\n')).toBeGreaterThanOrEqual(6);

    const loggedIn = await login;
    expect(loggedIn.status).toBe(303);
    expect(loggedIn.at).toBeGreaterThanOrEqual(releasedAt);
    const answer = await post;
    expect([303, 503]).toContain(answer.status);
    if (answer.status === 303) {
      expect(answer.at).toBeGreaterThanOrEqual(releasedAt);
      expect(await storedBodies(database.db)).toEqual([text]);
    } else {
      // Refused: the form comes back with what was typed.
      expect(answer.body).toContain(text);
    }
  });
});

test('two servers started at once on one new SQLite file both come up and serve it', async () => {
  test.setTimeout(60_000);
  const url = scratchSqliteUrl();
  const started = await Promise.allSettled([
    startServer({ DATABASE_URL: url }),
    startServer({ DATABASE_URL: url }),
  ]);
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  try {
    const failures = started.flatMap((result) =>
      result.status === 'rejected' ? [String(result.reason)] : [],
    );
    expect(failures).toEqual([]);
    for (const server of servers) {
      // The comments page reads the database and signs a form token with its stored secret.
      const token = await fetchToken(server.url);
      expect(token.length).toBeGreaterThan(0);
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
});
