import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { e2eRoles } from './support/jobs.ts';
import { startServer } from './support/server.ts';

const article = '/blog/backend-development-engineering-2026/';

test('the quick start (JOBS_DEMO=1) fills a fresh database with clearly fictional roles', async ({
  page,
}) => {
  const server = await startServer({ JOBS_DEMO: '1' });
  try {
    // The server listens before its database answers; the demo roles follow once it does.
    await server.printed('added the demo roles');
    await page.goto(`${server.url}${article}`);
    const titles = page.locator('.hiring-now-roles').getByRole('heading', { level: 3 });
    await expect(titles.first()).toBeVisible();
    for (const title of await titles.allTextContents()) expect(title).toMatch(/\(Demo\)$/);
  } finally {
    await server.stop();
  }
});

test('a production server without JOBS_DEMO invents no roles', async ({ page, baseURL }) => {
  await page.goto(`${baseURL}/jobs/`);
  await expect(page.getByRole('status')).toHaveText(/No open roles match/);
  await page.goto(`${baseURL}${article}`);
  await expect(page.locator('.hiring-now-roles[data-state="none"]')).toContainText(
    'No roles are open right now.',
  );
});

test('the server syncs JOBS_FEED_URL in the background', async ({ request }) => {
  const feed = {
    version: 1,
    jobs: e2eRoles()
      .slice(0, 2)
      .map((role) => ({
        id: role.externalId,
        title: `${role.title} (from feed)`,
        company: role.company,
        employmentType: role.employmentType,
        categories: role.categories,
        description: role.descriptionHtml,
        applyUrl: role.applyUrl,
        postedAt: role.postedAt,
      })),
  };
  const feedServer: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(feed));
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  const feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.json`;
  const server = await startServer({
    JOBS_FEED_URL: feedUrl,
    JOBS_FEED_FORMAT: 'json',
    JOBS_FEED_SOURCE: 'e2e-feed',
  });
  try {
    // Polled with plain requests: the browser would keep /jobs/ for its 30 s max-age.
    await expect
      .poll(
        async () => (await (await request.get(`${server.url}/jobs/`)).text()).match(/[^>]+ \(from feed\)/g),
        {
          timeout: 15_000,
        },
      )
      .toEqual(['Backend Engineer, Orders (from feed)', 'Newsletter Editor (from feed)']);
  } finally {
    await server.stop();
    feedServer.closeAllConnections();
    await new Promise((resolve) => feedServer.close(resolve));
  }
});
