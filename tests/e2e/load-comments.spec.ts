import { expect, test } from '@playwright/test';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { clientAddress, fetchToken, postAs, storedBodies, tally } from './support/posting.ts';
import { type RunningServer, startServer } from './support/server.ts';

const CLIENTS = 200;

for (const kind of databaseKinds) {
  test.describe(`200 concurrent comment posts on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;

    test.beforeAll(async () => {
      database = await createTestDatabase(kind);
      // A minimum time of 0 lets the burst post straight after reading the form token.
      server = await startServer({
        DATABASE_URL: database.url,
        COMMENTS_MIN_SECONDS: '0',
        TRUST_PROXY: '1',
      });
      // The form's token needs the database: wait until the server has reached it.
      await server.printed('database ready');
    });
    test.afterAll(async () => {
      await server?.stop();
      await database?.drop();
    });

    test('answers every post 2xx or 429 and stores exactly the 2xx ones, once each', async () => {
      test.setTimeout(120_000);
      const token = await fetchToken(server.url);
      const run = Date.now().toString(36);
      const results = await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) =>
          postAs(server.url, clientAddress(i + 1), token, `Load comment ${i} of run ${run}.`),
        ),
      );
      const statuses = tally(results.map((r) => r.status));
      const accepted = results.filter((r) => r.status >= 200 && r.status < 300);
      const limited = results.filter((r) => r.status === 429);
      console.log(`[load] statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
      expect(accepted.length + limited.length, `statuses ${[...statuses]}`).toBe(CLIENTS);

      const stored = await storedBodies(database.db);
      expect(stored).toHaveLength(accepted.length);
      const copies = tally(stored);
      expect([...copies.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(stored)).toEqual(new Set(accepted.map((r) => r.body)));
    });

    test('holds one client to the rate limit even when its posts arrive at once', async () => {
      const token = await fetchToken(server.url);
      const client = '192.0.2.77';
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          postAs(server.url, client, token, `Burst ${i} from one client.`),
        ),
      );
      const statuses = tally(results.map((r) => r.status));
      console.log(`[load] one client: ${JSON.stringify(Object.fromEntries(statuses))}`);
      const accepted = results.filter((r) => r.status === 201);
      expect(accepted.length + (statuses.get(429) ?? 0)).toBe(20);
      expect(accepted).toHaveLength(5);
      const stored = (await storedBodies(database.db)).filter((b) => b.startsWith('Burst '));
      expect(stored.sort()).toEqual(accepted.map((r) => r.body).sort());
    });
  });
}
