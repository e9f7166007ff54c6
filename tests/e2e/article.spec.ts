import { expect, test } from '@playwright/test';

const path = '/blog/backend-development-engineering-2026/';
const sections = [
  'What backend development engineering means in 2026',
  'Why backend engineering matters more than ever',
  'Core skills for backend engineers in 2026',
  'Career paths and learning routes for backend engineers',
];

test.beforeEach(async ({ page }) => {
  await page.goto(path);
});

test('shows the title, author, date, reading time, categories and hero image', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Backend Development Engineering in 2026: Skills, Systems and Career Paths',
  );
  const byline = page.locator('article header');
  await expect(byline.getByRole('link', { name: 'Jordan Ellis' })).toHaveAttribute(
    'href',
    '/authors/editorial-team/',
  );
  await expect(byline.locator('time')).toHaveAttribute('datetime', '2026-01-12');
  await expect(byline.locator('time')).toHaveText('12 January 2026');
  await expect(byline).toContainText(/\d+ min read/);
  const categories = byline.getByRole('list', { name: 'Categories' }).getByRole('link');
  await expect(categories).toHaveText(['Backend', 'Newsletters']);
  const hero = byline.getByRole('img');
  await expect(hero).toHaveAttribute('alt', /Backend engineers reviewing service diagrams/);
  await expect(hero).toHaveAttribute('width', /\d+/);
  await expect(hero).toHaveAttribute('height', /\d+/);
  expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('renders the four seed sections as h2 headings with the seed text', async ({ page }) => {
  const body = page.locator('.article-body');
  await expect(body.getByRole('heading', { level: 2 })).toHaveText(sections);
  await expect(body).toContainText(
    'Backend development engineering in 2026 is about far more than writing server-side code.',
  );
  await expect(body).toContainText('everything “just works.”');
  await expect(body).toContainText(
    'Security-first architectures, zero-trust principles, and strong compliance practices',
  );
  await expect(body).toContainText(
    'remains one of the most resilient and future-proof career paths in software.',
  );
});

test('every "Jump to" entry links to a heading that exists and scrolls to it', async ({ page }) => {
  const toc = page.getByRole('navigation', { name: 'Jump to' });
  const links = toc.getByRole('link');
  await expect(links).toHaveText(sections);
  for (const link of await links.all()) {
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^#[\w-]+$/);
    const heading = page.locator(`[id="${href?.slice(1)}"]`);
    await expect(heading).toHaveCount(1);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(heading).toBeInViewport();
  }
});

test('every section heading links to itself', async ({ page }) => {
  for (const heading of await page.locator('.article-body h2').all()) {
    const id = await heading.getAttribute('id');
    await expect(heading.getByRole('link')).toHaveAttribute('href', `#${id}`);
  }
});

test('links "Newsletter here" to the Newsletters category page', async ({ page }) => {
  await expect(page.locator('.article-body')).toContainText(
    'Read more such articles from our Newsletter here.',
  );
  await page.getByRole('link', { name: 'Newsletter here' }).click();
  await expect(page).toHaveURL(/\/categories\/newsletters\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Newsletters');
});

test('mounts the comments and hiring-now sections for the article', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Leave a Comment' })).toBeVisible();
  await expect(page.getByText(/Interested in working with Backend, Newsletters \?/)).toBeVisible();
});

test('renders GFM tables, highlighted code and read-only, labelled task-list checkboxes', async ({
  page,
}) => {
  await page.goto('/blog/full-stack-development-trends-2026/');
  const body = page.locator('.article-body');
  await expect(body.getByRole('table').getByRole('columnheader')).toHaveText([
    'Trend',
    'What changes for developers',
    'Skills to build first',
  ]);
  const code = body.locator('pre.language-ts');
  await expect(code.locator('.token.keyword').first()).toBeVisible();
  await expect(code).toHaveAttribute('tabindex', '0');
  const done = body.getByRole('checkbox', { name: 'Write new code in TypeScript with strict settings' });
  await expect(done).toBeChecked();
  await expect(done).toBeDisabled();
  await expect(body.getByRole('checkbox', { name: /Set a performance budget/ })).not.toBeChecked();
});

test('does not shift its layout while it loads', async ({ page }) => {
  await page.goto(path);
  // Server islands, if any, fetch their content after load: wait for the network to settle.
  await page.waitForLoadState('networkidle');
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
  expect(shift).toBe(0);
});
