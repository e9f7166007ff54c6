/**
 * The reader's and the moderator's round trip through a TLS proxy, in Chromium over https:
 * every form post of the site (a comment with and without JavaScript, login, moderation,
 * logout) must pass Astro's origin check, and every cookie must be Secure.
 */
import { type Browser, type BrowserContext, expect } from '@playwright/test';
import { ARTICLE, COMMENTS_PAGE, fillComment, logInAsModerator } from './comments.ts';
import { SITE_ORIGIN } from './tls.ts';

async function expectEveryCookieSecure(context: BrowserContext, expected: string[]): Promise<void> {
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name)).toEqual(expect.arrayContaining(expected));
  for (const cookie of cookies) expect(cookie.secure, `cookie ${cookie.name} is Secure`).toBe(true);
}

/** Runs the round trip; `who` names the comments so each proxy's are told apart. */
export async function commentAndModerateOverHttps(browser: Browser, who: string): Promise<void> {
  const options = { baseURL: SITE_ORIGIN, ignoreHTTPSErrors: true };
  const reader = await browser.newContext(options);
  const noScript = await browser.newContext({ ...options, javaScriptEnabled: false });
  const moderator = await browser.newContext(options);
  try {
    const page = await reader.newPage();
    const home = await page.goto('/');
    expect(home?.status()).toBe(200);
    expect(await home?.headerValue('strict-transport-security')).toMatch(/max-age=\d+/);

    await page.goto(ARTICLE);
    await fillComment(page, {
      comment: `Posted through ${who} with JavaScript.`,
      name: `${who} Reader`,
      email: 'r@example.com',
    });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('status')).toContainText('held for moderation');

    const plain = await noScript.newPage();
    await plain.goto(COMMENTS_PAGE);
    await fillComment(plain, {
      comment: `Posted through ${who} without JavaScript.`,
      name: `${who} Plain`,
      email: 'p@example.com',
    });
    const posted = plain.waitForResponse((response) => response.request().method() === 'POST');
    await plain.getByRole('button', { name: 'Post Comment' }).click();
    expect((await posted).status()).toBe(303);
    expect(await (await posted).headerValue('set-cookie')).toMatch(/;\s*Secure/i);
    await expect(plain).toHaveURL(`${SITE_ORIGIN}${COMMENTS_PAGE}#comment-form`);
    await expect(plain.getByRole('status')).toContainText('held for moderation');

    const admin = await moderator.newPage();
    await logInAsModerator(admin);
    await expectEveryCookieSecure(moderator, ['admin_session']);
    await admin.getByRole('button', { name: `Approve the comment by ${who} Reader` }).click();
    await expect(admin.getByRole('status')).toHaveText('1 comment approved.');

    await page.reload();
    await expect(page.getByRole('article', { name: `${who} Reader` })).toContainText(
      `Posted through ${who} with JavaScript.`,
    );

    await admin.getByRole('button', { name: 'Log out' }).click();
    await expect(admin.getByText('You are logged out.')).toBeVisible();
    await admin.goto('/admin/');
    await expect(admin).toHaveURL(`${SITE_ORIGIN}/admin/login/`);
  } finally {
    await Promise.all([reader.close(), noScript.close(), moderator.close()]);
  }
}
