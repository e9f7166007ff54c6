import { expect, test } from '@playwright/test';
import { claimRun, markAnnounced } from '../../src/server/mail/event.repository.ts';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { migrateToLatest } from '../../src/server/platform/db/migrate.ts';
import { databaseKinds } from '../support/databases.ts';
import { addSubscriber } from '../support/mail-rows.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { ADMIN_PASSWORD, ARTICLE, logInAsModerator, newClient } from './support/comments.ts';
import { scratchDatabase } from './support/mail.ts';
import { startServer } from './support/server.ts';

const BACKEND_ARTICLE = 'backend-development-engineering-2026';

test('without SMTP_URL the mails are kept and shown on the admin Outbox page, and their links work', async ({
  browser,
}) => {
  const server = await startServer({ ADMIN_PASSWORD, TRUST_PROXY: '1', MAIL_SEND_INTERVAL: '1' });
  const context = await newClient(browser, server.url);
  try {
    const page = await context.newPage();
    await page.goto(ARTICLE);
    const form = page.getByRole('region', { name: 'Get new articles and roles by email' });
    await form.getByLabel('Email').fill('laptop@example.com');
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByRole('status')).toContainText('Check your inbox');
    await logInAsModerator(page);
    await page.getByRole('link', { name: 'Outbox' }).click();
    const kept = page.locator('li', { hasText: 'laptop@example.com' });
    await expect(async () => {
      await page.reload();
      await expect(kept).toContainText('Confirm your subscription', { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(kept).toContainText('kept');
    await kept.getByText('Read the mail').click();
    const link = (await kept.getByRole('link', { name: /\/mail\/confirm\// }).getAttribute('href')) ?? '';
    await page.goto(`${server.url}${new URL(link).pathname}${new URL(link).search}`);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('status')).toContainText('Your subscription is confirmed');
  } finally {
    await context.close();
    await server.stop();
  }
});

for (const kind of databaseKinds) {
  test(`announces a newly published article once, across restarts, on ${kind}`, async () => {
    test.setTimeout(90_000);
    const database = await scratchDatabase(kind);
    const smtp = await startSmtpServer();
    const seed = createDatabase(database.url);
    try {
      await migrateToLatest(seed);
      // This database has seen a build without the backend article: its first build is done.
      await claimRun(seed, 'articles-baseline', new Date().toISOString());
      await markAnnounced(
        seed,
        ['full-stack-development-trends-2026', 'top-companies-hiring-full-stack-developers-2026'],
        new Date().toISOString(),
        false,
      );
      await addSubscriber(seed, 'articles@example.com', { categories: ['backend'], roles: false });
      await addSubscriber(seed, 'roles-only@example.com', { categories: ['backend'], articles: false });
      const env = { DATABASE_URL: database.url, SMTP_URL: smtp.url, MAIL_SEND_INTERVAL: '1' };
      const first = await startServer(env);
      // The announcement runs once the database is up, after the server listens.
      await first.printed(`announced ${BACKEND_ARTICLE}`);
      await first.stop();
      const second = await startServer(env);
      try {
        await smtp.waitFor(() => smtp.to('articles@example.com').length === 1);
        const [mail] = smtp.to('articles@example.com');
        expect(mail?.subject).toBe('New in Backend');
        expect(mail?.text).toContain('Backend Development Engineering in 2026');
        expect(mail?.text).toContain(`http://localhost:4321/blog/${BACKEND_ARTICLE}/`);
        const queued = await seed
          .selectFrom('mail_outbox')
          .select('recipient')
          .where('kind', '=', 'articles')
          .execute();
        expect(queued.map((row) => row.recipient)).toEqual(['articles@example.com']);
        expect(second.output()).not.toContain('announced');
      } finally {
        await second.stop();
      }
    } finally {
      await seed.destroy();
      await smtp.stop();
      await database.drop();
    }
  });
}
