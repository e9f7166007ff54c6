import { expect, test } from '@playwright/test';
import pg from 'pg';
import { COMMENTS_PAGE, fillComment } from './support/comments.ts';
import { type RunningServer, startServer } from './support/server.ts';

const adminUrl = process.env['TEST_DATABASE_URL'];
const dbName = `blog_e2e_down_${process.pid}`;
let server: RunningServer;

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

test.skip(!adminUrl, 'needs TEST_DATABASE_URL (a PostgreSQL server it may create and drop databases on)');

test.beforeAll(async () => {
  await admin(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl as string);
  url.pathname = `/${dbName}`;
  server = await startServer({ DATABASE_URL: url.toString(), COMMENTS_MIN_SECONDS: '1' });
  // The server listens before it has migrated a new database; until then the form has no token.
  await server.printed('database ready');
});
test.afterAll(async () => {
  await server?.stop();
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

test('answers 503 and keeps the reader’s text when the database goes away', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(COMMENTS_PAGE);
  await fillComment(page, {
    comment: 'Words I do not want to lose.',
    name: 'Dora',
    email: 'dora@example.com',
  });
  await admin(`DROP DATABASE ${dbName} WITH (FORCE)`);
  const response = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Post Comment' }).click();
  expect((await response).status()).toBe(503);
  const form = page.locator('form[data-comment-form]');
  await expect(form.getByRole('status')).toContainText('database is unavailable');
  await expect(form.getByLabel('Comment')).toHaveValue('Words I do not want to lose.');
  await expect(form.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue('dora@example.com');
  await context.close();
});
