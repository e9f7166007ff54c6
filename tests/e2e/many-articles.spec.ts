import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { colorSchemes, expectNoAxeViolations } from './support/axe.ts';
import { isCareersArticle, SHARED_WORD, writeManyArticles } from './support/many-articles.ts';
import { buildSite, makeScratch, removeScratch } from './support/scratch-site.ts';
import { type RunningServer, startServer } from './support/server.ts';

// Listings and search results that run past one page need more articles than the site has:
// this file builds 23 generated articles once and serves them.
const COUNT = 23;
const CAREERS = Array.from({ length: COUNT }, (_, i) => i + 1).filter(isCareersArticle).length;
let scratch = '';
let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  scratch = makeScratch('many-articles');
  const contentDir = join(scratch, 'content');
  writeManyArticles(contentDir, COUNT);
  const build = buildSite(contentDir, join(scratch, 'dist'));
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  server = await startServer({ DIST_DIR: join(scratch, 'dist'), OG_CACHE_DIR: join(scratch, 'og-cache') });
});

test.afterAll(async () => {
  await server?.stop();
  if (scratch) removeScratch(scratch);
});

const resultLinks = (page: Page) => page.locator('[data-search-results] li h2 a');

test.describe('tag pages', () => {
  test('one tag, whatever its spelling, lists every article ten a page', async ({ page }) => {
    await page.goto(`${server.url}/tags/`);
    const tag = page.getByRole('link', { name: /machine learning/ });
    await expect(tag).toHaveCount(1);
    await expect(tag).toContainText(`(${COUNT} articles)`);
    await tag.click();
    await expect(page).toHaveURL(`${server.url}/tags/machine-learning/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles tagged “machine learning”');
    const cards = page.getByRole('main').getByRole('heading', { level: 2 });
    const seen = new Set<string>();
    for (const [number, expected] of [
      [1, 10],
      [2, 10],
      [3, COUNT - 20],
    ] as const) {
      await expect(page.getByText(`Page ${number} of 3`)).toBeVisible();
      await expect(cards).toHaveCount(expected);
      for (const title of await cards.allTextContents()) seen.add(title);
      if (number < 3) await page.getByRole('link', { name: 'Older articles' }).click();
    }
    expect(seen.size).toBe(COUNT);
    await expect(page).toHaveURL(`${server.url}/tags/machine-learning/3/`);
  });

  test('keeps C++ and C# apart and links each from its article', async ({ page }) => {
    await page.goto(`${server.url}/blog/generated-001/`);
    await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'c++' }).click();
    await expect(page).toHaveURL(`${server.url}/tags/c-plus-plus/`);
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
      'Generated article number 1',
    ]);
    const csharp = await fetch(`${server.url}/tags/c-sharp/`);
    expect(csharp.status).toBe(200);
    expect(await csharp.text()).toContain('Generated article number 2');
  });

  test('carries twitter:creator from the author file', async ({ request }) => {
    const html = await (await request.get(`${server.url}/blog/generated-001/`)).text();
    expect(html).toContain('<meta name="twitter:creator" content="@jordan_gen">');
  });
});

test.describe('search', () => {
  test('reaches every result through "Show more results", focusing the first new one', async ({ page }) => {
    await page.goto(`${server.url}/search/?q=${SHARED_WORD}`);
    await expect(page.getByRole('status')).toHaveText(`${COUNT} articles match “${SHARED_WORD}”.`);
    await expect(resultLinks(page)).toHaveCount(10);
    const more = page.getByRole('button', { name: /Show more results/ });
    await expect(more).toHaveText(`Show more results (${COUNT - 10} more)`);
    await more.click();
    await expect(resultLinks(page)).toHaveCount(20);
    await expect(resultLinks(page).nth(10)).toBeFocused();
    await more.click();
    await expect(resultLinks(page)).toHaveCount(COUNT);
    await expect(more).toBeHidden();
    const titles = await resultLinks(page).allTextContents();
    expect(new Set(titles).size).toBe(COUNT);
  });

  test('narrows results to a category and keeps the filter in the URL', async ({ page }) => {
    await page.goto(`${server.url}/search/?q=${SHARED_WORD}`);
    await expect(resultLinks(page)).toHaveCount(10);
    await page.getByLabel('Category').selectOption('careers');
    await expect(page).toHaveURL(`${server.url}/search/?q=${SHARED_WORD}&category=careers`);
    await expect(page.getByRole('status')).toHaveText(
      `${CAREERS} articles match “${SHARED_WORD}” in Careers.`,
    );
    await expect(resultLinks(page)).toHaveCount(CAREERS);
    for (const item of await page.locator('[data-search-results] li').all())
      await expect(item.getByText('Careers', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /Show more results/ })).toBeHidden();
  });

  test('lists a whole category with no words', async ({ page }) => {
    await page.goto(`${server.url}/search/?category=careers`);
    await expect(page.getByRole('status')).toHaveText(`${CAREERS} articles in Careers.`);
    await expect(resultLinks(page)).toHaveCount(CAREERS);
  });

  test('a shared search URL opens the same search, and the back button returns to the previous one', async ({
    page,
  }) => {
    await page.goto(`${server.url}/search/?q=${SHARED_WORD}&category=careers`);
    await expect(page.getByRole('searchbox', { name: 'Search for' })).toHaveValue(SHARED_WORD);
    await expect(page.getByLabel('Category')).toHaveValue('careers');
    await expect(resultLinks(page)).toHaveCount(CAREERS);

    await page.getByLabel('Category').selectOption('');
    await expect(page).toHaveURL(`${server.url}/search/?q=${SHARED_WORD}`);
    await expect(resultLinks(page)).toHaveCount(10);

    const box = page.getByRole('searchbox', { name: 'Search for' });
    await box.fill('number 7');
    await box.press('Enter');
    await expect(page).toHaveURL(`${server.url}/search/?q=number+7`);
    await expect(page.getByRole('status')).toHaveText(/^1 article matches “number 7”\.$/);

    await page.goBack();
    await expect(page).toHaveURL(`${server.url}/search/?q=${SHARED_WORD}`);
    await expect(box).toHaveValue(SHARED_WORD);
    await expect(page.getByRole('status')).toHaveText(`${COUNT} articles match “${SHARED_WORD}”.`);

    await page.goBack();
    await expect(page).toHaveURL(`${server.url}/search/?q=${SHARED_WORD}&category=careers`);
    await expect(page.getByLabel('Category')).toHaveValue('careers');
    await expect(resultLinks(page)).toHaveCount(CAREERS);

    await page.goForward();
    await expect(page.getByLabel('Category')).toHaveValue('');
    await expect(resultLinks(page)).toHaveCount(10);
  });

  for (const colorScheme of colorSchemes) {
    test(`results with highlights and "Show more results" have no axe violations in the ${colorScheme} scheme`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${server.url}/search/?q=${SHARED_WORD}`);
      await expect(page.locator('[data-search-results] mark').first()).toBeVisible();
      await expect(page.getByRole('button', { name: /Show more results/ })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
