import { expect, test } from '@playwright/test';

const path = '/blog/backend-development-engineering-2026/';

test('stays hidden at the top, appears after scrolling and takes the reader back up', async ({ page }) => {
  await page.goto(path);
  const button = page.getByRole('link', { name: 'Scroll to Top' });
  await expect(button).toBeHidden();
  await page.mouse.wheel(0, 2500);
  await expect(button).toBeVisible();
  await expect(button).toHaveCSS('position', 'fixed');
  await button.click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(button).toBeHidden();
});

test('scrolls smoothly only when the reader has not asked for reduced motion', async ({ browser }) => {
  for (const [reducedMotion, behavior] of [
    ['no-preference', 'smooth'],
    ['reduce', 'auto'],
  ] as const) {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto(path);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe(
      behavior,
    );
    await context.close();
  }
});

test('works without JavaScript as a link to the top of the page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  const link = page.getByRole('link', { name: 'Scroll to Top' });
  await expect(link).toHaveAttribute('href', '#top');
  await link.scrollIntoViewIfNeeded();
  await expect(link).toBeVisible();
  await link.click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await context.close();
});
