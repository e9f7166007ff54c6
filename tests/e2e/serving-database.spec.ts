/**
 * The server starts and serves while its database is away, says so once in the log and on
 * /readyz, and picks the database up when it comes back, without a restart: on SQLite (a path
 * it cannot create) and on PostgreSQL (a database refusing connections).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { databaseKinds } from '../support/databases.ts';
import { createPostgresDatabase } from './support/jobs.ts';
import { postgresOutage } from './support/outage.ts';
import { type RunningServer, scratchFolder, startServer } from './support/server.ts';

const ARTICLE = '/blog/backend-development-engineering-2026/';

/** A database the server cannot reach until `restore()`. */
interface Unreachable {
  url: string;
  restore(): Promise<void>;
  drop(): Promise<void>;
}

async function unreachable(kind: 'sqlite' | 'postgres'): Promise<Unreachable> {
  if (kind === 'sqlite') {
    // A file where the database's folder should be: the folder cannot be created until it goes.
    const blocker = join(scratchFolder(), 'data');
    writeFileSync(blocker, 'not a folder');
    return {
      url: `file:${join(blocker, 'site.db')}`,
      restore: async () => rmSync(blocker),
      drop: async () => {},
    };
  }
  const database = await createPostgresDatabase();
  const outage = postgresOutage(database.url);
  await outage.begin();
  return { url: database.url, restore: () => outage.end(), drop: () => database.drop() };
}

/** What the article's two islands show, fetched as the island loader would. */
async function islands(base: string): Promise<{ jobs: string; comments: string }> {
  const html = await (await fetch(`${base}${ARTICLE}`)).text();
  const path = (name: string) =>
    new RegExp(`/_server-islands/${name}[^"'\\s]+`).exec(html)?.[0]?.replaceAll('&amp;', '&') ?? '';
  const [jobs, comments] = await Promise.all(
    [path('HiringNowRoles'), path('CommentsIsland')].map(async (island) => {
      const response = await fetch(`${base}${island}`);
      expect(response.status, island).toBe(200);
      return response.text();
    }),
  );
  return { jobs: /data-state="([a-z]+)"/.exec(jobs ?? '')?.[1] ?? '', comments: comments ?? '' };
}

const count = (text: string, phrase: string) => text.split(phrase).length - 1;

for (const kind of databaseKinds) {
  test(`starts with the ${kind} database away, serves what needs none, and takes it up when it comes back`, async () => {
    test.setTimeout(120_000);
    const database = await unreachable(kind);
    let server: RunningServer | undefined;
    try {
      server = await startServer({ DATABASE_URL: database.url });
      const base = server.url;
      await server.printed('database unavailable');
      for (const path of ['/', ARTICLE, '/search/', '/rss.xml', '/healthz']) {
        expect((await fetch(`${base}${path}`)).status, path).toBe(200);
      }
      const down = await islands(base);
      expect(down.jobs).toBe('unavailable');
      expect(down.comments).toContain('Comments cannot be loaded right now');
      const notReady = await fetch(`${base}/readyz`);
      expect([notReady.status, await notReady.text()]).toEqual([503, 'database unavailable\n']);

      await database.restore();
      await expect.poll(async () => (await fetch(`${base}/readyz`)).status, { timeout: 60_000 }).toBe(200);
      await expect.poll(async () => (await islands(base)).jobs, { timeout: 30_000 }).not.toBe('unavailable');
      // Each island backs off on its own after a failed read, so each is waited for.
      await expect
        .poll(async () => (await islands(base)).comments, { timeout: 30_000 })
        .not.toContain('Comments cannot be loaded right now');
      const log = server.output();
      expect(count(log, 'database unavailable'), log).toBe(1);
      expect(count(log, 'database is back'), log).toBe(1);
    } finally {
      await server?.stop();
      await database.drop();
    }
  });
}
