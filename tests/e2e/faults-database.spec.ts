import { expect, test } from '@playwright/test';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { ARTICLE, COMMENTS_PAGE, newClient } from './support/comments.ts';
import { seedE2eJobs } from './support/jobs.ts';
import { type Outage, postgresOutage, sqliteOutage } from './support/outage.ts';
import { storedBodies } from './support/posting.ts';
import { type RunningServer, startServer } from './support/server.ts';

/** The article's two server islands, fetched as the island loader would. */
async function fetchIslands(base: string): Promise<{ jobs: Response; comments: Response }> {
  const html = await (await fetch(`${base}${ARTICLE}`)).text();
  const path = (name: string) =>
    new RegExp(`/_server-islands/${name}[^"'\\s]+`).exec(html)?.[0]?.replaceAll('&amp;', '&') ?? '';
  const [jobs, comments] = await Promise.all([
    fetch(`${base}${path('HiringNowRoles')}`),
    fetch(`${base}${path('CommentsIsland')}`),
  ]);
  return { jobs, comments };
}

const jobsState = (html: string) => /data-state="([a-z]+)"/.exec(html)?.[1];
const ADMIN_PASSWORD = 'faults moderator password';

/** Posts the login form as a browser would, without following the redirect. */
function logIn(base: string, password: string): Promise<Response> {
  return fetch(`${base}/admin/login/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    body: new URLSearchParams({ password }),
    redirect: 'manual',
  });
}
const COMMENTS_DOWN = 'Comments cannot be loaded right now';

for (const kind of databaseKinds) {
  test.describe(`the ${kind} database goes away mid-run`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let outage: Outage;

    test.beforeAll(async () => {
      database = await createTestDatabase(kind);
      await seedE2eJobs(database.url);
      outage = kind === 'sqlite' ? sqliteOutage(database.url) : postgresOutage(database.url);
      server = await startServer({
        DATABASE_URL: database.url,
        COMMENTS_MIN_SECONDS: '0',
        TRUST_PROXY: '1',
        ADMIN_PASSWORD,
      });
      // The form's token needs the database: wait until the server has reached it.
      await server.printed('database ready');
    });
    test.afterAll(async () => {
      await outage?.end().catch(() => {});
      await server?.stop();
      await database?.drop();
    });

    test('pages answer, islands fall back, posts keep the text, and all recovers', async ({ browser }) => {
      test.setTimeout(90_000);
      const context = await newClient(browser, server.url, false);
      const page = await context.newPage();
      await page.goto(COMMENTS_PAGE);
      const form = page.locator('form[data-comment-form]');
      const text = `Words I do not want to lose (${kind}).`;
      await form.getByLabel('Comment').fill(text);
      await form.getByLabel('Name').fill('Dora');
      await form.getByRole('textbox', { name: 'Email', exact: true }).fill('dora@example.com');

      await outage.begin();
      for (const path of ['/', ARTICLE, '/rss.xml']) {
        expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
      }
      const down = await fetchIslands(server.url);
      expect([down.jobs.status, down.comments.status]).toEqual([200, 200]);
      const [jobsDown, commentsDown] = [await down.jobs.text(), await down.comments.text()];
      if (outage.readsFail) {
        expect(jobsState(jobsDown)).toBe('unavailable');
        expect(commentsDown).toContain(COMMENTS_DOWN);
      } else {
        // SQLite readers are not blocked by a writer's lock: the islands still show data.
        expect(jobsState(jobsDown)).toBe('matching');
        expect(commentsDown).not.toContain(COMMENTS_DOWN);
      }
      const refused = page.waitForResponse((r) => r.request().method() === 'POST');
      await form.getByRole('button', { name: 'Post Comment' }).click();
      expect((await refused).status()).toBe(503);
      await expect(form.getByRole('status')).toContainText('database is unavailable');
      await expect(form.getByLabel('Comment')).toHaveValue(text);
      await expect(form.getByLabel('Name')).toHaveValue('Dora');
      await expect(form.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue('dora@example.com');
      // The login page answers with its own 503 and message, not a blank 500.
      const login = await logIn(server.url, ADMIN_PASSWORD);
      expect(login.status).toBe(503);
      const loginPage = await login.text();
      expect(loginPage).toContain('Moderator login');
      expect(loginPage).toContain('The database is unavailable; try again in a minute.');

      await outage.end();
      // No restart: the same server process serves data again.
      await expect
        .poll(async () => {
          const { jobs, comments } = await fetchIslands(server.url);
          return [jobsState(await jobs.text()), (await comments.text()).includes(COMMENTS_DOWN)];
        })
        .toEqual(['matching', false]);
      const accepted = page.waitForResponse((r) => r.request().method() === 'POST');
      await form.getByRole('button', { name: 'Post Comment' }).click();
      expect((await accepted).status()).toBe(303);
      await expect(page.getByText('Your comment is held for moderation')).toBeVisible();
      expect((await storedBodies(database.db)).filter((body) => body === text)).toHaveLength(1);
      expect((await logIn(server.url, ADMIN_PASSWORD)).status).toBe(303);
      await context.close();
    });
  });
}
