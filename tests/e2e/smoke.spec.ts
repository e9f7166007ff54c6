import { expect, test } from '@playwright/test';

test('serves the article page with its title as the only h1', async ({ page }) => {
  await page.goto('/blog/backend-development-engineering-2026/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Backend Development Engineering in 2026: Skills, Systems and Career Paths',
  );
});
