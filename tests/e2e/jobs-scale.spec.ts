import { expect, test } from '@playwright/test';
import { createPostgresDatabase, seedE2eJobs } from './support/jobs.ts';
import { startServer } from './support/server.ts';

const article = '/blog/backend-development-engineering-2026/';

function islandPath(html: string): string {
  const path = /\/_server-islands\/HiringNowRoles\/[^"'\s]+/.exec(html)?.[0]?.replaceAll('&amp;', '&');
  if (!path) throw new Error('the article has no server island');
  return path;
}

test('an island URL from one server answers on another sharing the key and the database', async ({
  request,
}) => {
  const database = await createPostgresDatabase();
  await seedE2eJobs(database.url);
  const [first, second] = await Promise.all([
    startServer({ DATABASE_URL: database.url }),
    startServer({ DATABASE_URL: database.url }),
  ]);
  try {
    const path = islandPath(await (await request.get(`${first.url}${article}`)).text());
    const response = await request.get(`${second.url}${path}`);
    expect(response.status()).toBe(200);
    const fragment = await response.text();
    expect(fragment).toContain('data-state="matching"');
    expect(fragment).toContain('Backend Engineer, Orders');
  } finally {
    await Promise.all([first.stop(), second.stop()]);
    await database.drop();
  }
});

test('with the database gone the article still renders and the island shows its fallback link', async ({
  page,
}) => {
  const database = await createPostgresDatabase();
  await seedE2eJobs(database.url);
  const server = await startServer({ DATABASE_URL: database.url });
  try {
    await database.drop();
    const response = await page.goto(`${server.url}${article}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Backend Development Engineering in 2026',
    );
    const roles = page.locator('.hiring-now-roles[data-state="unavailable"]');
    await expect(roles).toBeVisible();
    await expect(roles.getByRole('link', { name: 'See all open roles' })).toHaveAttribute('href', '/jobs/');
    const island = await page.request.get(`${server.url}${islandPath((await response?.text()) ?? '')}`);
    expect(island.status()).toBe(200);
    expect((await page.request.get(`${server.url}/jobs/`)).status()).toBe(503);
  } finally {
    await server.stop();
  }
});
