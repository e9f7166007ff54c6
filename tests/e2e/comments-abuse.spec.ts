import { expect, test } from '@playwright/test';
import {
  ARTICLE,
  COMMENTS_PAGE,
  fetchFormToken,
  fillComment,
  logInAsModerator,
  newClient,
  useCommentsServer,
  waitUntilPostable,
} from './support/comments.ts';

const server = useCommentsServer();

test('a filled honeypot lands in the spam folder, not on the page', async ({ browser }) => {
  const context = await newClient(browser, server.url);
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await fillComment(page, { comment: 'Bot text here.', name: 'Honey Bot', email: 'bot@example.com' });
  await page.locator('#comment-fax').fill('http://spam.example', { force: true });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.getByRole('status')).toContainText('held for moderation');
  const moderator = await newClient(browser, server.url);
  const admin = await moderator.newPage();
  await logInAsModerator(admin);
  await admin.getByRole('link', { name: /^Spam/ }).click();
  await expect(admin.locator('li[data-comment-id]', { hasText: 'Honey Bot' })).toContainText(
    'filled the hidden honeypot field',
  );
  await context.close();
  await moderator.close();
});

test('the sixth comment in ten minutes from one client gets 429 and keeps its text', async ({ browser }) => {
  const context = await newClient(browser, server.url, false);
  const token = await fetchFormToken(context.request);
  await waitUntilPostable(token);
  for (let i = 1; i <= 5; i += 1) {
    const response = await context.request.post(COMMENTS_PAGE, {
      headers: { Origin: server.url, Accept: 'application/json' },
      form: { token, comment: `Burst comment number ${i}`, name: 'Burst', email: 'burst@example.com' },
    });
    expect(response.status()).toBe(201);
  }
  const page = await context.newPage();
  await page.goto(COMMENTS_PAGE);
  await fillComment(page, { comment: 'One too many.', name: 'Burst', email: 'burst@example.com' });
  const response = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Post Comment' }).click();
  expect((await response).status()).toBe(429);
  expect(Number((await response).headers()['retry-after'])).toBeGreaterThan(0);
  await expect(page.getByRole('status')).toContainText('Please wait');
  await expect(page.locator('form[data-comment-form]').getByLabel('Comment')).toHaveValue('One too many.');
  await context.close();
});

test('refuses cross-site posts and oversized bodies', async ({ request }) => {
  const crossSite = await request.post(`${server.url}${COMMENTS_PAGE}`, {
    headers: { Origin: 'https://evil.example' },
    form: { comment: 'forged', name: 'x', email: 'x@example.com' },
  });
  expect(crossSite.status()).toBe(403);
  const huge = await request.post(`${server.url}${COMMENTS_PAGE}`, {
    headers: { Origin: server.url, Accept: 'application/json' },
    form: { comment: 'x'.repeat(200_000), name: 'x', email: 'x@example.com' },
  });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).message).toContain('too large');
});
