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

test('a moderator approves a comment, which then shows on the article as inert text without its email', async ({
  browser,
}) => {
  const reader = await newClient(browser, server.url);
  const page = await reader.newPage();
  const payload =
    '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 1"> see https://example.com/guide';
  await page.goto(ARTICLE);
  await expect(page.locator('form[data-comment-form]')).toBeVisible();
  await fillComment(page, {
    comment: payload,
    name: 'Hostile Hannah',
    email: 'hannah.private@example.com',
    website: 'https://hannah.example/',
  });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.getByRole('status')).toContainText('held for moderation');

  const moderator = await newClient(browser, server.url);
  const admin = await moderator.newPage();
  await logInAsModerator(admin);
  const row = admin.locator('li[data-comment-id]', { hasText: 'Hostile Hannah' });
  await expect(row).toContainText('hannah.private@example.com');
  await row.getByRole('button', { name: 'Approve the comment by Hostile Hannah' }).click();
  await expect(admin.getByRole('status')).toHaveText('1 comment approved.');

  await page.reload();
  const comment = page.getByRole('article', { name: 'Hostile Hannah' });
  await expect(comment).toContainText('<script>window.pwned = 1</script>');
  await expect(comment.getByRole('link', { name: 'Hostile Hannah', exact: true })).toHaveAttribute(
    'rel',
    'nofollow ugc noopener',
  );
  await expect(comment.getByRole('link', { name: 'https://example.com/guide' })).toHaveAttribute(
    'href',
    'https://example.com/guide',
  );
  await expect(page.getByRole('heading', { name: /^\d+ comments?/ })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await page.content()).not.toContain('hannah.private');
  const commentsPage = await (await reader.request.get(COMMENTS_PAGE)).text();
  expect(commentsPage).toContain('Hostile Hannah');
  expect(commentsPage).not.toContain('hannah.private');
  await reader.close();
  await moderator.close();
});

test('a reply nests under its parent, and a known address without proof from this browser is held', async ({
  browser,
}) => {
  const context = await newClient(browser, server.url);
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await fillComment(page, {
    comment: 'Parent comment for replies.',
    name: 'Parent Pat',
    email: 'pat@example.com',
  });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.getByRole('status')).toContainText('held for moderation');
  const moderator = await newClient(browser, server.url);
  const admin = await moderator.newPage();
  await logInAsModerator(admin);
  await admin.getByRole('button', { name: 'Approve the comment by Parent Pat' }).click();
  await expect(admin.getByRole('status')).toHaveText('1 comment approved.');

  await page.reload();
  await page.getByRole('link', { name: 'Reply to Parent Pat' }).click();
  await expect(page.getByText('Replying to Parent Pat.')).toBeVisible();
  await expect(page.locator('form[data-comment-form]').getByLabel('Comment')).toBeFocused();
  await fillComment(page, { comment: 'A reply from Pat.', name: 'Parent Pat', email: 'pat@example.com' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  // Pat never opened a confirmation link in this browser (tests/e2e/mail-comments.spec.ts covers that).
  await expect(page.getByRole('status')).toContainText('held for moderation');
  await admin.reload();
  await admin.getByRole('button', { name: 'Approve the comment by Parent Pat' }).click();
  await expect(admin.getByRole('status')).toHaveText('1 comment approved.');
  await page.reload();
  const parent = page
    .locator('li', { has: page.getByRole('article', { name: 'Parent Pat' }).first() })
    .first();
  await expect(parent.locator('ol li article')).toContainText('A reply from Pat.');
  await context.close();
  await moderator.close();
});

test('a moderator marks several comments as spam at once, then deletes them', async ({ browser }) => {
  const context = await newClient(browser, server.url);
  const token = await fetchFormToken(context.request);
  await waitUntilPostable(token);
  for (const name of ['Bulk One', 'Bulk Two']) {
    const response = await context.request.post(COMMENTS_PAGE, {
      headers: { Origin: server.url, Accept: 'application/json' },
      form: { token, comment: `Bulk text from ${name}`, name, email: 'bulk@example.com' },
    });
    expect(response.status()).toBe(201);
  }
  const admin = await context.newPage();
  await logInAsModerator(admin);
  for (const name of ['Bulk One', 'Bulk Two'])
    await admin.getByRole('checkbox', { name: new RegExp(name) }).check();
  await admin
    .getByRole('group', { name: 'With the ticked comments' })
    .getByRole('button', { name: 'Spam' })
    .click();
  await expect(admin.getByRole('status')).toHaveText('2 comments marked as spam.');
  await admin.getByRole('link', { name: /^Spam/ }).click();
  for (const name of ['Bulk One', 'Bulk Two'])
    await admin.getByRole('checkbox', { name: new RegExp(name) }).check();
  await admin
    .getByRole('group', { name: 'With the ticked comments' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(admin.getByRole('status')).toHaveText('2 comments deleted.');
  await expect(admin.getByText('Bulk text from')).toHaveCount(0);
  await admin.getByRole('button', { name: 'Log out' }).click();
  await expect(admin.getByText('You are logged out.')).toBeVisible();
  await admin.goto('/admin/');
  await expect(admin).toHaveURL(`${server.url}/admin/login/`);
  await context.close();
});

test('the admin refuses access without a login', async ({ browser, request }) => {
  const context = await newClient(browser, server.url);
  const page = await context.newPage();
  await page.goto('/admin/');
  await expect(page).toHaveURL(`${server.url}/admin/login/`);
  await expect(page.getByRole('heading', { name: 'Moderate comments' })).toHaveCount(0);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That password is not correct.');
  const action = await request.post(`${server.url}/admin/`, {
    headers: { Origin: server.url },
    form: { action: 'delete:00000000-0000-4000-8000-000000000000' },
  });
  expect(action.status()).toBe(401);
  await context.close();
});

test('the admin area says it is disabled when no password is configured', async ({ page }) => {
  await page.goto('/admin/login/');
  await expect(page.getByRole('alert')).toContainText(
    'The admin area is disabled: ADMIN_PASSWORD is not set.',
  );
  await expect(page.getByLabel('Password')).toHaveCount(0);
});
