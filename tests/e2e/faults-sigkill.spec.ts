import { expect, test } from '@playwright/test';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import {
  clientAddress,
  fetchToken,
  type PostResult,
  postAs,
  storedBodies,
  tally,
} from './support/posting.ts';
import { startServer } from './support/server.ts';

const POSTS = 150;
/** The server is killed once this many posts have been answered, so some are still in flight. */
const KILL_AFTER = 40;

for (const kind of databaseKinds) {
  test.describe(`SIGKILL during a burst of comment posts on ${kind}`, () => {
    let database: TestDatabase;

    test.beforeAll(async () => {
      database = await createTestDatabase(kind);
      // Only the server holds the database open, so the restart has to recover it from disk.
      await database.db.destroy();
    });
    test.afterAll(async () => {
      await database?.drop();
    });

    test('keeps every post that was answered 2xx', async () => {
      test.setTimeout(120_000);
      const env = { DATABASE_URL: database.url, COMMENTS_MIN_SECONDS: '0', TRUST_PROXY: '1' };
      const server = await startServer(env);
      let acknowledged: PostResult[] = [];
      try {
        const token = await fetchToken(server.url);
        const exited = new Promise((resolve) => server.process.once('exit', resolve));
        let answered = 0;
        const results = await Promise.all(
          Array.from({ length: POSTS }, (_, i) =>
            postAs(server.url, clientAddress(1000 + i), token, `Crash comment ${i} (${kind}).`).then(
              (result: PostResult) => {
                answered += 1;
                // No graceful shutdown: the process dies between one write and the next.
                if (answered === KILL_AFTER) server.process.kill('SIGKILL');
                return result;
              },
            ),
          ),
        );
        await exited;
        const errors = server
          .output()
          .split('\n')
          .filter((line) => line.includes('[comments]'));
        if (errors.length) console.log(`[sigkill] server said:\n${[...new Set(errors)].join('\n')}`);
        const statuses = tally(results.map((r) => r.status));
        console.log(`[sigkill] ${kind}: ${JSON.stringify(Object.fromEntries(statuses))} (0 = no answer)`);
        acknowledged = results.filter((r) => r.status >= 200 && r.status < 300);
        expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER - 1);
        // Posts cut off by the kill get no answer; nothing is refused with an error status.
        expect(results.every((r) => r.status === 0 || r.status === 201)).toBe(true);
      } finally {
        // However the test ends, the first server does not outlive it.
        if (server.process.exitCode === null && server.process.signalCode === null) await server.stop();
      }

      // A restart opens the same database (SQLite replays its WAL) and serves the comments.
      const restarted = await startServer(env);
      try {
        expect(
          (await fetch(`${restarted.url}/blog/backend-development-engineering-2026/comments/`)).status,
        ).toBe(200);
        const reader = createDatabase(database.url);
        const stored = await storedBodies(reader).finally(() => reader.destroy());
        const missing = acknowledged.filter((r) => !stored.includes(r.body));
        expect(missing).toEqual([]);
        expect([...tally(stored).values()].every((n) => n === 1)).toBe(true);
        console.log(
          `[sigkill] ${kind}: ${acknowledged.length} acknowledged, ${stored.length} stored after restart`,
        );
      } finally {
        await restarted.stop();
      }
    });
  });
}
