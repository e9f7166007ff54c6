import { expect, test } from '@playwright/test';

const article = '/blog/backend-development-engineering-2026/';

test("an article's header links each of its tags to the tag's page, which lists the article", async ({
  page,
}) => {
  await page.goto(article);
  const tags = page.getByRole('list', { name: 'Tags' });
  await expect(tags.getByRole('link')).toHaveText([
    '#backend',
    '#apis',
    '#databases',
    '#cloud',
    '#careers',
    '#2026',
  ]);
  await tags.getByRole('link', { name: 'cloud' }).click();
  await expect(page).toHaveURL(/\/tags\/cloud\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles tagged “cloud”');
  const titles = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(titles).toHaveText([
    'Backend Development Engineering in 2026: Skills, Systems and Career Paths',
    'Top Full Stack Development Trends You’ll Need in 2026',
  ]);
  await expect(page.locator('link[rel="alternate"][href$="/tags/cloud/rss.xml"]')).toHaveCount(1);
});

test('the tags index lists every tag once with its number of articles, linked from the site navigation', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click();
  await expect(page).toHaveURL(/\/tags\/$/);
  const links = page.getByRole('main').getByRole('link');
  await expect(links).toHaveCount(11);
  await expect(links.filter({ hasText: 'careers' })).toHaveText('#careers (3 articles)');
  await expect(links.filter({ hasText: 'salaries' })).toHaveText('#salaries (1 article)');
  await links.filter({ hasText: 'salaries' }).click();
  await expect(page).toHaveURL(/\/tags\/salaries\/$/);
});
