import { expect, test } from '@playwright/test';
import { colorSchemes, expectNoAxeViolations } from './support/axe.ts';

const pages = [
  { name: 'home', path: '/' },
  { name: 'article', path: '/blog/backend-development-engineering-2026/' },
  { name: 'article with a table, code and a task list', path: '/blog/full-stack-development-trends-2026/' },
  { name: 'category', path: '/categories/newsletters/' },
  { name: 'categories index', path: '/categories/' },
  { name: 'author', path: '/authors/editorial-team/' },
  { name: 'tags index', path: '/tags/' },
  { name: 'tag', path: '/tags/careers/' },
  { name: 'search', path: '/search/' },
  { name: 'not found', path: '/no-such-page/' },
];

for (const colorScheme of colorSchemes) {
  test.describe(`in the ${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    for (const { name, path } of pages) {
      test(`the ${name} page has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await expectNoAxeViolations(page);
      });
    }

    test('the search page has no axe violations with highlighted results shown', async ({ page }) => {
      await page.goto('/search/?q=observability');
      await expect(page.locator('[data-search-results] mark').first()).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the article page has no axe violations once scrolled, with the scroll-to-top button shown', async ({
      page,
    }) => {
      await page.goto('/blog/backend-development-engineering-2026/');
      await page.mouse.wheel(0, 3000);
      await page.locator('[data-scroll-top]:not([data-hidden])').waitFor();
      await expectNoAxeViolations(page);
    });
  });
}

test.describe('on a phone-sized screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the article page has no axe violations and no sideways scrolling', async ({ page }) => {
    await page.goto('/blog/full-stack-development-trends-2026/');
    await expectNoAxeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
