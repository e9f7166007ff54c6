import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MissingCompanyError } from '../../../src/server/jobs/importers/index.ts';
import { findJobsBySource } from '../../../src/server/jobs/job.repository.ts';
import { boardName, defaultSourceName, importFeedFrom } from '../../../src/server/jobs/job-feed.ts';
import { readSyncConfig, startJobSync } from '../../../src/server/jobs/job-sync.ts';
import { parseConfig } from '../../../src/server/platform/config/config.ts';
import { createTestDatabase, type TestDatabase } from '../../support/databases.ts';

const lever = readFileSync(new URL('../../fixtures/jobs/lever.json', import.meta.url), 'utf8');

describe('feed sync over HTTP', () => {
  let test_db: TestDatabase;
  let server: Server;
  let base = '';
  let failuresLeft = 0;
  beforeAll(async () => {
    test_db = await createTestDatabase('sqlite');
    server = createServer((req, res) => {
      if (req.url === '/hang') return; // never answers
      if (req.url === '/flaky' && failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(lever);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await test_db?.drop();
  });

  test('imports a feed from a URL under the source name and company given', async () => {
    const summary = await importFeedFrom(test_db.db, {
      location: `${base}/lever`,
      format: 'lever',
      source: 'globex',
      company: 'Globex Corporation',
    });
    expect(summary.source).toBe('globex');
    expect(summary.added).toHaveLength(2);
    expect((await findJobsBySource(test_db.db, 'globex'))[0]?.company).toBe('Globex Corporation');
  });

  test('refuses a Lever feed without --company or a profile, naming the fix, and imports nothing', async () => {
    const attempt = importFeedFrom(test_db.db, {
      location: `${base}/v0/postings/initech?mode=json`,
      format: 'lever',
      source: 'no-company',
    });
    await expect(attempt).rejects.toThrow(MissingCompanyError);
    await expect(attempt).rejects.toThrow(
      'the lever feed of "no-company" names no company: give --company NAME (JOBS_FEED_COMPANY for the sync), or a "name" for "no-company" in content/companies.yml (the URL\'s board is "initech")',
    );
    expect(await findJobsBySource(test_db.db, 'no-company')).toEqual([]);
  });

  test('names a source after the URL and finds the board in it', () => {
    expect(boardName('https://api.lever.co/v0/postings/acme?mode=json')).toBe('acme');
    expect(boardName('https://boards-api.greenhouse.io/v1/boards/globex/jobs')).toBe('globex');
    expect(boardName('feeds/initech.json')).toBeNull();
    expect(defaultSourceName('https://api.lever.co/v0/postings/acme/')).toBe('api.lever.co/v0/postings/acme');
  });

  test('gives up on a feed that does not answer within the timeout', async () => {
    await expect(
      importFeedFrom(test_db.db, {
        location: `${base}/hang`,
        format: 'lever',
        company: 'Globex',
        timeoutMs: 200,
      }),
    ).rejects.toThrow(/timeout|aborted/i);
  });

  test('retries a failing feed with growing delays until it answers, logging each failure', async () => {
    failuresLeft = 2;
    const lines: string[] = [];
    const synced = new Promise<void>((resolve) => {
      const sync = startJobSync(
        test_db.db,
        {
          location: `${base}/flaky`,
          format: 'lever',
          source: 'flaky',
          company: 'Globex',
          intervalMs: 60_000,
          timeoutMs: 1_000,
          retryBaseMs: 20,
        },
        (line) => {
          lines.push(line);
          if (line.includes('added')) {
            sync.stop();
            resolve();
          }
        },
      );
    });
    await synced;
    expect(lines[0]).toMatch(/sync of .*\/flaky failed \(attempt 1\): .*503/);
    expect(lines[1]).toMatch(/failed \(attempt 2\)/);
    expect(lines[2]).toMatch(/^sync flaky: 2 added/);
  });

  test('reads its settings from the environment and refuses a missing format', () => {
    expect(readSyncConfig(parseConfig({}))).toBeNull();
    expect(() => parseConfig({ JOBS_FEED_URL: 'https://example.com/feed' })).toThrow(/JOBS_FEED_FORMAT/);
    expect(
      readSyncConfig(
        parseConfig({
          JOBS_FEED_URL: 'https://example.com/feed',
          JOBS_FEED_FORMAT: 'ashby',
          JOBS_SYNC_INTERVAL: '60',
        }),
      ),
    ).toMatchObject({
      format: 'ashby',
      intervalMs: 60_000,
      timeoutMs: 30_000,
    });
    expect(() =>
      parseConfig({ JOBS_FEED_URL: 'x', JOBS_FEED_FORMAT: 'json', JOBS_SYNC_INTERVAL: '-1' }),
    ).toThrow(/JOBS_SYNC_INTERVAL="-1" is not a whole number: expected a whole number from 1 to 604800/);
  });
});
