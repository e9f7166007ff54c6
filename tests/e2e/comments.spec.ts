import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  ADMIN_PASSWORD,
  ARTICLE,
  COMMENTS_PAGE,
  fetchFormToken,
  fillComment,
  logInAsModerator,
  MIN_SECONDS,
  newClient,
} from './support/comments.ts';
import { type RunningServer, startServer } from './support/server.ts';

/** Runs before page scripts: drops submit listeners, so the comment form posts natively. */
function withoutInPlaceScript(): void {
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<typeof add>) {
    if (args[0] !== 'submit') add.apply(this, args);
  };
}

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer({
    ADMIN_PASSWORD,
    COMMENTS_MIN_SECONDS: String(MIN_SECONDS),
    TRUST_PROXY: '1',
  });
});
test.afterAll(async () => {
  await server?.stop();
});

test('posts without JavaScript from the comments page and shows the pending notice', async ({ browser }) => {
  const context = await newClient(browser, server.url, false);
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await page.getByRole('link', { name: 'Read the comments and leave yours on the comments page' }).click();
  await expect(page).toHaveURL(COMMENTS_PAGE);
  await fillComment(page, {
    comment: 'Posted without JavaScript.',
    name: 'No Script',
    email: 'noscript@example.com',
  });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page).toHaveURL(`${server.url}${COMMENTS_PAGE}#comment-form`);
  await expect(page.getByRole('status')).toContainText('held for moderation');
  await context.close();
});

test('keeps everything typed and ties errors to their fields when validation fails without JavaScript', async ({
  browser,
}) => {
  const context = await newClient(browser, server.url, false);
  const page = await context.newPage();
  await page.goto(COMMENTS_PAGE);
  const long = `A long comment that keeps its text. ${'é'.repeat(5000)}`;
  await fillComment(page, {
    comment: long,
    name: 'Keeper',
    email: 'not an email',
    website: 'ftp://example.com',
  });
  const response = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Post Comment' }).click();
  expect((await response).status()).toBe(422);
  const form = page.locator('form[data-comment-form]');
  await expect(form.getByLabel('Comment')).toHaveValue(long);
  await expect(form.getByLabel('Name')).toHaveValue('Keeper');
  await expect(form.getByLabel('Email')).toHaveValue('not an email');
  await expect(form.getByLabel('Website')).toHaveValue('ftp://example.com');
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Email')).toHaveAccessibleDescription(
    /Never published\. Email: enter an address/,
  );
  await expect(form.getByLabel('Comment')).toHaveAccessibleDescription(/5,000 characters/);
  await expect(form.getByLabel('Name')).not.toHaveAttribute('aria-invalid');
  await context.close();
});

test('posts in place with JavaScript, without a reload, and keeps text on errors', async ({ browser }) => {
  const context = await newClient(browser, server.url);
  const page = await context.newPage();
  await page.goto(ARTICLE);
  const form = page.locator('form[data-comment-form]');
  await expect(form).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { marker: string }).marker = 'same page';
  });
  await fillComment(page, { comment: 'Posted in place.', name: 'In Place', email: 'bad-email' });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByLabel('Email')).toBeFocused();
  await expect(form.getByLabel('Email')).toHaveAccessibleDescription(/enter an address like/);
  await expect(form.getByLabel('Comment')).toHaveValue('Posted in place.');
  await form.getByLabel('Email').fill('inplace@example.com');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByRole('status')).toContainText('held for moderation');
  await expect(form.getByLabel('Email')).not.toHaveAttribute('aria-invalid');
  expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe('same page');
  expect(page.url()).toBe(`${server.url}${ARTICLE}`);
  await context.close();
});

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
  const comment = page.locator('article', { hasText: 'Hostile Hannah' });
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

test('a reply nests under its parent and a known author is approved at once', async ({ browser }) => {
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
  await expect(page.getByRole('status')).toContainText('published');
  await page.reload();
  const parent = page
    .locator('li', { has: page.getByRole('article', { name: 'Parent Pat' }).first() })
    .first();
  await expect(parent.locator('ol li article')).toContainText('A reply from Pat.');
  await context.close();
  await moderator.close();
});

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
  await new Promise((resolve) => setTimeout(resolve, MIN_SECONDS * 1000 + 200));
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

test('without the in-place script the post redirects to the article, whose island shows the outcome once', async ({
  browser,
}) => {
  const context = await newClient(browser, server.url);
  // The form posts natively, as when the in-place script fails to load.
  await context.addInitScript(withoutInPlaceScript);
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await fillComment(page, { comment: 'Posted natively.', name: 'Native Nell', email: 'nell@example.com' });
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page).toHaveURL(`${server.url}${ARTICLE}#comments`);
  await expect(page.locator('form[data-comment-form]').getByRole('status')).toContainText(
    'held for moderation',
  );
  await page.reload();
  await expect(page.locator('form[data-comment-form]')).toBeVisible();
  await expect(page.locator('form[data-comment-form] [data-status]')).toBeEmpty();
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

test('the comments page with errors has no detectable accessibility violations', async ({ browser }) => {
  const context = await newClient(browser, server.url);
  // axe needs JavaScript; without the in-place script the server renders the errors.
  await context.addInitScript(withoutInPlaceScript);
  const page = await context.newPage();
  await page.goto(COMMENTS_PAGE);
  await page.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('form[data-comment-form]').getByLabel('Name')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  const results = await new AxeBuilder({ page }).include('#comments').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await context.close();
});

test('a moderator marks several comments as spam at once, then deletes them', async ({ browser }) => {
  const context = await newClient(browser, server.url);
  const token = await fetchFormToken(context.request);
  await new Promise((resolve) => setTimeout(resolve, MIN_SECONDS * 1000 + 200));
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
