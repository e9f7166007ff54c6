import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  ARTICLE,
  COMMENTS_PAGE,
  fillComment,
  newClient,
  useCommentsServer,
  waitUntilPostable,
  withoutInPlaceScript,
} from './support/comments.ts';

const server = useCommentsServer();

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
  await expect(form.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue('not an email');
  await expect(form.getByLabel('Website')).toHaveValue('ftp://example.com');
  await expect(form.getByRole('textbox', { name: 'Email', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(form.getByRole('textbox', { name: 'Email', exact: true })).toHaveAccessibleDescription(
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
  await expect(form.getByRole('textbox', { name: 'Email', exact: true })).toBeFocused();
  await expect(form.getByRole('textbox', { name: 'Email', exact: true })).toHaveAccessibleDescription(
    /enter an address like/,
  );
  await expect(form.getByLabel('Comment')).toHaveValue('Posted in place.');
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill('inplace@example.com');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByRole('status')).toContainText('held for moderation');
  await expect(form.getByRole('textbox', { name: 'Email', exact: true })).not.toHaveAttribute('aria-invalid');
  expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe('same page');
  expect(page.url()).toBe(`${server.url}${ARTICLE}`);
  await context.close();
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

test('a form whose token cannot be verified keeps the text and posts on the next try', async ({
  browser,
}) => {
  const context = await newClient(browser, server.url);
  const page = await context.newPage();
  await page.goto(ARTICLE);
  const form = page.locator('form[data-comment-form]');
  await fillComment(page, {
    comment: 'Typed into an old form.',
    name: 'Old Tab',
    email: 'oldtab@example.com',
  });
  await form.locator('input[name="token"]').evaluate((input: HTMLInputElement) => {
    input.value = 'tampered';
  });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByRole('status')).toContainText('could not be verified');
  await expect(form.getByLabel('Comment')).toHaveValue('Typed into an old form.');
  await expect(form.locator('input[name="token"]')).not.toHaveValue('tampered');
  await waitUntilPostable(await form.locator('input[name="token"]').inputValue());
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByRole('status')).toContainText('held for moderation');
  await context.close();
});
