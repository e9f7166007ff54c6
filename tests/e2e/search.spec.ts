import { expect, test } from '@playwright/test';

const articleTitle = 'Backend Development Engineering in 2026: Skills, Systems and Career Paths';

test('searching from the header for a word of the article body finds the article and opens it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('observability');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=observability$/);
  const result = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: articleTitle }) });
  await expect(result).toBeVisible();
  // Pagefind stems words, so "observability" also highlights "observable".
  await expect(result.locator('mark').first()).toHaveText(/^observ/i);
  await expect(page.getByText('Search runs in your browser')).toBeHidden();
  await expect(result.getByText('Backend', { exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    /^(1 article matches|\d+ articles match) “observability”\.$/,
  );
  await expect(page.getByRole('searchbox', { name: 'Search for' })).toHaveValue('observability');
  await result.getByRole('link', { name: articleTitle }).click();
  await expect(page).toHaveURL(/\/blog\/backend-development-engineering-2026\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(articleTitle);
});

test('only article bodies are indexed: navigation and footer words find nothing', async ({ page }) => {
  await page.goto('/search/?q=Categories');
  await expect(page.getByRole('status')).toHaveText(/No articles match/);
  await expect(page.locator('[data-search-results] li')).toHaveCount(0);
});

test('search code loads only on the search page', async ({ page }) => {
  const loaded: string[] = [];
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/pagefind/')) loaded.push(path);
    else if (path.endsWith('.js') && (await response.text()).includes('/pagefind/pagefind.js'))
      loaded.push(path);
  });
  await page.goto('/blog/backend-development-engineering-2026/', { waitUntil: 'networkidle' });
  await page.goto('/', { waitUntil: 'networkidle' });
  expect(loaded).toEqual([]);
  await page.goto('/search/?q=backend', { waitUntil: 'networkidle' });
  expect(loaded.some((path) => path.startsWith('/pagefind/'))).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header box still reaches the search page, which offers useful links', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('observability');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=observability$/);
    await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: 'latest articles' })).toHaveAttribute('href', '/');
  });
});
