import { expect, test } from '@playwright/test';
import { loadCategoryMapping } from '../../src/server/jobs/category-mapping.ts';
import { importFeed } from '../../src/server/jobs/job-import.service.ts';
import { databaseKinds } from '../support/databases.ts';
import { feedOf, fixtureRole } from '../support/job-fixtures.ts';
import { addSubscriber } from '../support/mail-rows.ts';
import { ARTICLE, newClient } from './support/comments.ts';
import { MAIL_SITE_ORIGIN, useMailSite } from './support/mail.ts';

const mapping = loadCategoryMapping('content');
let feeds = 0;

/** A feed of one new Backend role with a salary, as a job board would send it. */
function oneRole(title: string) {
  feeds += 1;
  return feedOf(
    fixtureRole(`mail-e2e-${feeds}`, {
      title,
      company: 'Initech Testing (fixture)',
      salary: { min: 60_000, max: 80_000, currency: 'GBP', unit: 'YEAR' },
      descriptionHtml: '<p>A fixture role.</p>',
      postedAt: new Date().toISOString(),
      categories: ['backend'],
    }),
  );
}

for (const kind of databaseKinds) {
  test.describe(`email subscriptions on ${kind}`, () => {
    test.describe.configure({ mode: 'serial' });
    const site = useMailSite(kind);

    test('subscribe without JavaScript, confirm, receive the role mail, one-click unsubscribe, receive nothing more', async ({
      browser,
    }) => {
      test.setTimeout(90_000);
      const email = `reader-${kind}@example.com`;
      const context = await newClient(browser, site.url, false);
      try {
        const page = await context.newPage();
        await page.goto(ARTICLE);
        const form = page.getByRole('region', { name: 'Get new articles and roles by email' });
        await expect(form.getByRole('checkbox', { name: 'Backend' })).toBeChecked();
        await expect(form.getByRole('checkbox', { name: 'Careers' })).not.toBeChecked();
        await expect(form.getByRole('radio', { name: 'New articles and new roles' })).toBeChecked();
        await expect(form.getByRole('radio', { name: 'As they happen' })).toBeChecked();
        await expect(form.getByLabel('Email')).toHaveAttribute('type', 'email');
        await form.getByLabel('Email').fill(email);
        await form.getByRole('button', { name: 'Subscribe' }).click();
        await expect(page).toHaveURL(/\/mail\/subscribe\/\?done=check/);
        await expect(page.getByRole('status')).toContainText('Check your inbox');

        await site.smtp.waitFor(() => site.smtp.to(email).length === 1);
        const [confirmation] = site.smtp.to(email);
        expect(confirmation?.subject).toBe('Confirm your subscription');
        const link = site.linkIn(confirmation?.text ?? '', '/mail/confirm/');
        expect(link.startsWith(`${MAIL_SITE_ORIGIN}/mail/confirm/?token=`)).toBe(true);
        expect(confirmation?.html).toContain(link.replaceAll('&', '&amp;'));
        await page.goto(site.local(link));
        await page.getByRole('button', { name: 'Confirm' }).click();
        await expect(page.getByRole('status')).toContainText('Your subscription is confirmed');
        // The link works once.
        await page.goto(site.local(link));
        await expect(page.getByRole('status')).toContainText('used already');

        await importFeed(site.db, 'mail-e2e', oneRole('Backend Engineer, Alerts'), { mapping });
        await site.smtp.waitFor(() => site.smtp.to(email).length === 2);
        const roleMail = site.smtp.to(email)[1];
        expect(roleMail?.subject).toBe('New Backend roles');
        for (const body of [roleMail?.text ?? '', roleMail?.html ?? '']) {
          expect(body).toContain('Backend Engineer, Alerts');
          expect(body).toContain('Initech Testing (fixture)');
          expect(body).toContain('£60,000–£80,000 a year');
          expect(body).toMatch(new RegExp(`${MAIL_SITE_ORIGIN}/jobs/[\\w-]+/`));
          expect(body).toContain(`${MAIL_SITE_ORIGIN}/mail/preferences/?s=`);
        }
        expect(roleMail?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
        const jobPage = await page.goto(site.local(site.linkIn(roleMail?.text ?? '', '/jobs/')));
        expect(jobPage?.status()).toBe(200);

        // RFC 8058: the provider POSTs from its own servers, with no Origin and no cookies.
        const oneClick = await fetch(site.local(roleMail?.unsubscribeUrl ?? ''), {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(oneClick.status).toBe(200);

        // The next role reaches a control subscriber, and not the one who left.
        const control = `control-${kind}@example.com`;
        await addSubscriber(site.db, control);
        await importFeed(site.db, 'mail-e2e', oneRole('Backend Engineer, After'), { mapping });
        await site.smtp.waitFor(() => site.smtp.to(control).length === 1);
        expect(site.smtp.to(control)[0]?.text).toContain('Backend Engineer, After');
        expect(site.smtp.to(email)).toHaveLength(2);
      } finally {
        await context.close();
      }
    });

    test('keeps what the reader chose and labels each error when the form is wrong', async ({ browser }) => {
      const context = await newClient(browser, site.url, false);
      try {
        const page = await context.newPage();
        await page.goto('/categories/careers/');
        const form = page.getByRole('region', { name: 'Get new articles and roles by email' });
        await expect(form.getByRole('checkbox', { name: 'Careers' })).toBeChecked();
        await form.getByRole('checkbox', { name: 'Careers' }).uncheck();
        await form.getByRole('radio', { name: 'Weekly digest' }).check();
        await form.getByLabel('Email').fill('not-an-address');
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          form.getByRole('button', { name: 'Subscribe' }).click(),
        ]);
        expect(response.status()).toBe(422);
        const again = page.getByRole('region', { name: 'Get new articles and roles by email' });
        const email = again.getByLabel('Email');
        await expect(email).toHaveValue('not-an-address');
        await expect(email).toHaveAttribute('aria-invalid', 'true');
        await expect(email).toHaveAccessibleDescription(/enter an address like name@example.com/);
        await expect(again.getByRole('group', { name: 'Categories' })).toHaveAccessibleDescription(
          /tick at least one category/,
        );
        await expect(again.getByRole('radio', { name: 'Weekly digest' })).toBeChecked();
      } finally {
        await context.close();
      }
    });

    test('answers the same for subscribed and new addresses, and mails an address once per 10 minutes', async ({
      request,
    }) => {
      const known = `known-${kind}@example.com`;
      await addSubscriber(site.db, known);
      const post = (email: string) =>
        request.post(`${site.url}/mail/subscribe/`, {
          form: { email, category: 'backend', kinds: 'both', frequency: 'instant', from: '/jobs/' },
          headers: { Origin: site.url },
          maxRedirects: 0,
        });
      const answers = [];
      for (const email of [
        known,
        `fresh-${kind}@example.com`,
        `fresh-${kind}@example.com`,
        `fresh-${kind}@example.com`,
      ]) {
        const response = await post(email);
        answers.push([response.status(), response.headers()['location'], await response.text()]);
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0]?.[0]).toBe(303);
      // Once nothing is left to send, count what the SMTP server received.
      const unsent = async () =>
        (await site.db.selectFrom('mail_outbox').select('id').where('status', '=', 'queued').execute())
          .length;
      await expect.poll(unsent, { timeout: 20_000 }).toBe(0);
      expect(site.smtp.to(`fresh-${kind}@example.com`)).toHaveLength(1);
      expect(site.smtp.to(known).map((m) => m.subject)).toEqual(['Confirm your subscription']);
    });
  });
}
