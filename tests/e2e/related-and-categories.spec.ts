import { expect, test } from '@playwright/test';

const path = '/blog/backend-development-engineering-2026/';

test('"You may also like" shows the two related articles as cards that open them', async ({ page }) => {
  await page.goto(path);
  const related = page.getByRole('region', { name: 'You may also like' });
  const cards = related.getByRole('listitem');
  await expect(cards.getByRole('heading', { level: 3 })).toHaveText([
    'Top Full Stack Development Trends You’ll Need in 2026',
    'Top 10 Companies Hiring Full Stack Developers in 2026',
  ]);
  const alts = await cards.getByRole('img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt')));
  expect(alts).toEqual([
    'Full stack developers collaborating in a modern office with code, cloud diagrams, and AI-assisted tools on large screens',
    'Full stack developers reviewing hiring trends and target companies for 2026 on laptops and a large dashboard screen',
  ]);
  await expect(cards.nth(0)).toContainText('Full stack development has moved from a startup convenience');
  await expect(cards.nth(1)).toContainText('The market for full stack developers is strong in 2026');
  await expect(cards.locator('time')).toHaveText(['15 December 2025', '5 January 2026']);

  for (const title of [
    'Top Full Stack Development Trends You’ll Need in 2026',
    'Top 10 Companies Hiring Full Stack Developers in 2026',
  ]) {
    await page.goto(path);
    await page.getByRole('region', { name: 'You may also like' }).getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  }
});

test('the related articles open with the excerpt text of the seed page', async ({ page }) => {
  await page.goto('/blog/full-stack-development-trends-2026/');
  await expect(page.locator('.article-body h2').first()).toHaveText(
    'Why full stack development matters more in 2026',
  );
  await expect(page.locator('.article-body p').first()).toContainText(
    'Full stack development has moved from a startup convenience to a strategic capability across industries. Organizations now expect developers who can design',
  );
  await page.goto('/blog/top-companies-hiring-full-stack-developers-2026/');
  await expect(page.locator('.article-body h2').first()).toHaveText(
    'How full stack hiring really looks in 2026',
  );
  await expect(page.locator('.article-body p').first()).toContainText(
    'In 2026, the market for full stack developers is strong, but far more demanding than headline lists suggest. Behind glossy “Top 10”',
  );
});

test('the Categories widget lists every category with its article count and each link resolves', async ({
  page,
}) => {
  await page.goto(path);
  const widget = page.getByRole('region', { name: 'Categories' });
  const items = widget.getByRole('listitem');
  // The item is a flex row of two parts: whatever spaces the markup has between them never show.
  await expect(items).toHaveText([
    /^\s*Backend\s*1 article\s*$/,
    /^\s*Careers\s*1 article\s*$/,
    /^\s*Full Stack\s*2 articles\s*$/,
    /^\s*Newsletters\s*3 articles\s*$/,
  ]);
  const expected = { Backend: 1, Careers: 1, 'Full Stack': 2, Newsletters: 3 };
  for (const [name, count] of Object.entries(expected)) {
    await page.goto(path);
    await page.getByRole('region', { name: 'Categories' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('main ul[role="list"]').first().getByRole('listitem')).toHaveCount(count);
  }
});

test('the categories index and the home page link to pages that exist', async ({ page, request }) => {
  for (const listing of ['/', '/categories/', '/authors/editorial-team/']) {
    await page.goto(listing);
    const hrefs = await page
      .locator('main a[href^="/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of new Set(hrefs)) {
      const response = await request.get(href);
      expect(response.status(), `${listing} links to ${href}`).toBe(200);
    }
  }
});

test('the home page lists the articles newest first', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Backend Development Engineering in 2026: Skills, Systems and Career Paths',
    'Top 10 Companies Hiring Full Stack Developers in 2026',
    'Top Full Stack Development Trends You’ll Need in 2026',
  ]);
});

test('an unknown address answers 404 with the not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
