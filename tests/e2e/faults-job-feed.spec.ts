import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { expect, test } from '@playwright/test';
import { findJobsBySource } from '../../src/server/jobs/job.repository.ts';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { seedE2eJobs } from './support/jobs.ts';
import { type RunningServer, scratchSqliteUrl, startServer } from './support/server.ts';

type Mode = 'silent' | 'stalled-body' | 'html' | 'wrong-shape';

/** How the fake feed misbehaves: never answers, answers and stops mid-body, or answers garbage. */
const behaviours: Record<Mode, (res: ServerResponse) => void> = {
  silent: () => {},
  'stalled-body': (res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"jobs": [{"id": 1, "title": "Half a ro');
  },
  html: (res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html><body>502 Bad Gateway</body></html>');
  },
  'wrong-shape': (res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"jobs": 42}');
  },
};

let mode: Mode = 'silent';
const requests: Array<{ mode: Mode; open: boolean; path: string }> = [];
let feed: Server;
let site: RunningServer;
let databaseUrl: string;
let feedUrl: string;
let log = '';

const failures = () => log.split('\n').filter((line) => /\[jobs\] sync of .* failed/.test(line));

async function snapshotRoles() {
  const db = createDatabase(databaseUrl);
  try {
    const rows = await findJobsBySource(db, 'e2e');
    return rows
      .map((r) => `${r.external_id} ${r.title} closed=${r.closed_at ?? '-'} updated=${r.updated_at}`)
      .sort();
  } finally {
    await db.destroy();
  }
}

test.beforeAll(async () => {
  feed = createServer((request: IncomingMessage, res: ServerResponse) => {
    const entry = { mode, open: true, path: request.url ?? '' };
    requests.push(entry);
    res.on('close', () => {
      entry.open = false;
    });
    behaviours[mode](res);
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  const address = feed.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  databaseUrl = scratchSqliteUrl();
  feedUrl = `http://127.0.0.1:${port}/boards/acme/jobs`;
  await seedE2eJobs(databaseUrl);
  site = await startServer({
    DATABASE_URL: databaseUrl,
    JOBS_FEED_URL: feedUrl,
    JOBS_FEED_FORMAT: 'greenhouse',
    // The feed replaces the seeded roles' source, so a bad sync would close them.
    JOBS_FEED_SOURCE: 'e2e',
    JOBS_FEED_TIMEOUT: '3',
    JOBS_SYNC_INTERVAL: '1',
  });
  site.process.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
});

test.afterAll(async () => {
  await site?.stop();
  feed?.closeAllConnections();
  await new Promise((resolve) => feed?.close(resolve));
});

test('the background sync gives up on a hanging or garbage feed and keeps the old roles', async () => {
  test.setTimeout(90_000);
  const before = await snapshotRoles();
  expect(before.length).toBeGreaterThan(0);
  for (const next of Object.keys(behaviours) as Mode[]) {
    mode = next;
    // Runs never overlap, so the first failure logged after a request in this mode is its own.
    await expect.poll(() => requests.some((r) => r.mode === next), { timeout: 20_000 }).toBe(true);
    const seen = failures().length;
    await expect.poll(() => failures().length, { timeout: 20_000 }).toBeGreaterThan(seen);
    const line = failures()[seen] ?? '';
    console.log(`[feed] ${next}: ${line.trim()}`);
    if (next === 'silent' || next === 'stalled-body') expect(line).toMatch(/timeout|aborted/i);
    else expect(line).not.toMatch(/timeout|aborted/i);
    expect(await snapshotRoles()).toEqual(before);
  }
  expect(site.process.exitCode).toBeNull();
});

test('pages and the jobs island answer while the feed hangs', async () => {
  test.setTimeout(60_000);
  mode = 'silent';
  // A server of its own that waits a minute on the feed, so the requests below are answered
  // while its sync is still waiting, however slowly this machine runs them.
  const patient = await startServer({
    DATABASE_URL: databaseUrl,
    JOBS_FEED_URL: feedUrl.replace('/acme/', '/patient/'),
    JOBS_FEED_FORMAT: 'greenhouse',
    JOBS_FEED_SOURCE: 'e2e',
    JOBS_FEED_TIMEOUT: '60',
  });
  try {
    const patients = () => requests.filter((r) => r.path.includes('/patient/') && r.open);
    await expect.poll(() => patients().length, { timeout: 20_000 }).toBeGreaterThan(0);
    const hanging = patients()[0];
    const article = await fetch(`${patient.url}/blog/backend-development-engineering-2026/`);
    const html = await article.text();
    const islandPath = /\/_server-islands\/HiringNowRoles\/[^"'\s]+/
      .exec(html)?.[0]
      ?.replaceAll('&amp;', '&');
    const island = await fetch(`${patient.url}${islandPath}`);
    const jobs = await fetch(`${patient.url}/jobs/`);
    expect([article.status, island.status, jobs.status]).toEqual([200, 200, 200]);
    expect(await island.text()).toContain('Backend Engineer, Orders');
    expect(await jobs.text()).toContain('Backend Engineer, Orders');
    // Answered while the sync was still waiting on the same feed request.
    expect(hanging?.open).toBe(true);
  } finally {
    await patient.stop();
  }
});
