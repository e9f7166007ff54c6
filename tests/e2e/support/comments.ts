import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { type RunningServer, startServer } from './server.ts';

/** The article every comments test posts on. */
export const ARTICLE = '/blog/backend-development-engineering-2026/';
/** Its on-demand comments page. */
export const COMMENTS_PAGE = `${ARTICLE}comments/`;
/** The moderator password the comments server is started with. */
export const ADMIN_PASSWORD = 'e2e moderator password';
/** The minimum seconds between rendering and posting the comments server enforces. */
export const MIN_SECONDS = 1;

let clients = 0;

/**
 * A browser context that looks like its own client (TRUST_PROXY=1 takes the address from
 * X-Forwarded-For), so one test's posts never count against another's rate limit.
 */
export function newClient(
  browser: Browser,
  baseURL: string,
  javaScriptEnabled = true,
): Promise<BrowserContext> {
  clients += 1;
  return browser.newContext({
    baseURL,
    javaScriptEnabled,
    extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.${clients}` },
  });
}

/** Fills the comment form that is on the page. */
export async function fillComment(
  page: Page,
  fields: { comment: string; name: string; email: string; website?: string },
): Promise<void> {
  const form = page.locator('form[data-comment-form]');
  await form.getByLabel('Comment').fill(fields.comment);
  await form.getByLabel('Name').fill(fields.name);
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill(fields.email);
  if (fields.website) await form.getByLabel('Website').fill(fields.website);
  await waitUntilPostable(await form.locator('input[name="token"]').inputValue());
}

/**
 * Waits until a form with this token may be posted: the minimum-time spam rule refuses a post
 * sooner than MIN_SECONDS after the time the server signed into the token (base-36
 * milliseconds before the first ":"). The wait ends on that condition, not a guessed sleep.
 */
export async function waitUntilPostable(token: string): Promise<void> {
  const issuedAt = Number.parseInt(token.split(':', 1)[0] ?? '', 36);
  if (!Number.isFinite(issuedAt)) throw new Error(`not a form token: "${token}"`);
  await expect
    .poll(() => Date.now() - issuedAt, { intervals: [50], message: 'form token old enough to post' })
    .toBeGreaterThanOrEqual(MIN_SECONDS * 1000);
}

/** Logs the page in as the moderator. */
export async function logInAsModerator(page: Page): Promise<void> {
  await page.goto('/admin/login/');
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Moderate comments' })).toBeVisible();
}

/** Reads a fresh form token from the comments page, as a script posting directly would. */
export async function fetchFormToken(request: APIRequestContext): Promise<string> {
  const html = await (await request.get(COMMENTS_PAGE)).text();
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no form token on the comments page');
  return token;
}

/**
 * Runs a server with the moderator password, a short minimum time and per-test client
 * addresses for the tests of the calling file, on a SQLite file of its own: started before
 * them, stopped and its database removed after, whether they passed or not.
 */
export function useCommentsServer(): { readonly url: string } {
  let server: RunningServer | undefined;
  let folder: string | undefined;
  test.beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'blog-comments-'));
    server = await startServer({
      DATABASE_URL: `file:${join(folder, 'site.db')}`,
      ADMIN_PASSWORD,
      COMMENTS_MIN_SECONDS: String(MIN_SECONDS),
      TRUST_PROXY: '1',
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!server) throw new Error('the comments server is not running (used outside a test?)');
      return server.url;
    },
  };
}

/**
 * An init script that runs before the page's scripts and drops submit listeners, so the
 * comment form posts natively, as when the in-place script fails to load.
 */
export function withoutInPlaceScript(): void {
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<typeof add>) {
    if (args[0] !== 'submit') add.apply(this, args);
  };
}
