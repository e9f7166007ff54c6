import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { checkJobPosting } from '../support/google-job-posting.ts';
import { seedE2eJobs } from './support/jobs.ts';
import { type RunningServer, scratchSqliteUrl, startServer } from './support/server.ts';

const article = '/blog/backend-development-engineering-2026/';
let server: RunningServer;
let ids: Record<string, string>;

test.beforeAll(async () => {
  const url = scratchSqliteUrl();
  ids = await seedE2eJobs(url);
  server = await startServer({ DATABASE_URL: url });
});

test.afterAll(async () => {
  await server?.stop();
});

test.describe('hiring now island', () => {
  test('ships a fallback linking to all roles, then replaces it with matching roles', async ({
    page,
    request,
  }) => {
    const html = await (await request.get(`${server.url}${article}`)).text();
    expect(html).toContain('Loading jobs...');
    expect(html).toMatch(/Loading jobs\.\.\. <a href="\/jobs\/">/);

    await page.goto(`${server.url}${article}`);
    const section = page.getByRole('region', {
      name: /Interested in working with Backend, Newsletters \? These roles are hiring now\./,
    });
    await expect(section.locator('[data-state="matching"]')).toBeVisible();
    await expect(section.getByText('Loading jobs...')).toHaveCount(0);
    const titles = section.getByRole('heading', { level: 3 });
    await expect(titles).toHaveText(['Backend Engineer, Orders', 'Newsletter Editor']);
    await expect(section.getByText('£70,000–£90,000 a year')).toBeVisible();
    await expect(section.getByText('Remote (United Kingdom)')).toBeVisible();
    await section.getByRole('link', { name: 'Backend Engineer, Orders' }).click();
    await expect(page).toHaveURL(`${server.url}/jobs/${ids['orders']}/`);
  });

  test('never shows an expired or closed role', async ({ page }) => {
    await page.goto(`${server.url}${article}`);
    const roles = page.locator('.hiring-now-roles');
    await expect(roles).toBeVisible();
    await expect(roles).not.toContainText('Expired Backend Role');
    await expect(roles).not.toContainText('Closed Platform Role');
    await page.goto(`${server.url}/jobs/`);
    await expect(page.getByRole('main')).not.toContainText('Expired Backend Role');
    await expect(page.getByRole('main')).not.toContainText('Closed Platform Role');
  });

  test('lets a CDN keep the island briefly', async ({ request }) => {
    const html = await (await request.get(`${server.url}${article}`)).text();
    const islandPath =
      /\/_server-islands\/HiringNowRoles\/[^"'\s]+/.exec(html)?.[0]?.replaceAll('&amp;', '&') ?? '';
    const response = await request.get(`${server.url}${islandPath}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('public, max-age=30, stale-while-revalidate=60');
  });
});

test.describe('jobs pages', () => {
  test('lists open roles and filters them by category and keywords', async ({ page }) => {
    await page.goto(`${server.url}/jobs/`);
    const titles = page.getByRole('list', { name: 'Open roles' }).getByRole('heading', { level: 2 });
    await expect(titles).toHaveText([
      'Backend Engineer, Orders',
      'Newsletter Editor',
      'Full Stack Developer',
    ]);
    await page.getByLabel('Category').selectOption('newsletters');
    await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\?category=newsletters/);
    await expect(titles).toHaveText(['Newsletter Editor']);
    await page.goto(`${server.url}/jobs/?q=orders`);
    await expect(titles).toHaveText(['Backend Engineer, Orders']);
    await page.goto(`${server.url}/jobs/?category=careers`);
    await expect(page.getByRole('status')).toContainText('No open roles match in Careers');
  });

  test('shows a role with sanitised description, apply link and valid JobPosting JSON-LD', async ({
    page,
  }) => {
    const response = await page.goto(`${server.url}/jobs/${ids['orders']}/`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backend Engineer, Orders');
    await expect(page.getByRole('link', { name: /Apply for this role/ })).toHaveAttribute(
      'href',
      'https://example.com/apply/orders',
    );
    expect(await page.evaluate(() => (window as { hacked?: boolean }).hacked)).toBeUndefined();
    const json = await page.locator('script[type="application/ld+json"]').textContent();
    const data = JSON.parse(json ?? '{}');
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('JobPosting');
    expect(data.title).toBe('Backend Engineer, Orders');
    expect(data.description).toContain('a fixture role');
    expect(data.description).not.toContain('<script');
    expect(new Date(data.datePosted).getTime()).not.toBeNaN();
    expect(new Date(data.validThrough).getTime()).toBeGreaterThan(Date.now());
    expect(data.hiringOrganization).toEqual({ '@type': 'Organization', name: 'Initech Testing (fixture)' });
    expect(data.jobLocation.address).toMatchObject({
      '@type': 'PostalAddress',
      addressLocality: 'Leeds',
      addressCountry: 'GB',
    });
    expect(data.jobLocationType).toBe('TELECOMMUTE');
    expect(data.applicantLocationRequirements).toEqual([{ '@type': 'Country', name: 'United Kingdom' }]);
    expect(checkJobPosting(data)).toEqual({
      missingRequired: [],
      invalid: [],
      missingRecommended: ['hiringOrganization.sameAs', 'hiringOrganization.logo'],
    });
    expect(data.employmentType).toBe('FULL_TIME');
    expect(data.baseSalary).toEqual({
      '@type': 'MonetaryAmount',
      currency: 'GBP',
      value: { '@type': 'QuantitativeValue', minValue: 70000, maxValue: 90000, unitText: 'YEAR' },
    });
    expect(data.identifier).toMatchObject({ '@type': 'PropertyValue', value: 'orders' });
  });

  test('answers 410 for closed and expired roles, with a link to similar open roles', async ({ page }) => {
    for (const key of ['closed', 'expired']) {
      const response = await page.goto(`${server.url}/jobs/${ids[key]}/`);
      expect(response?.status()).toBe(410);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('This role is no longer open');
      await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
      const similar = page.getByRole('region', { name: 'Similar open roles' });
      await expect(similar.getByRole('heading', { level: 3 })).toHaveText(['Backend Engineer, Orders']);
      await page.getByRole('link', { name: 'See similar open roles in Backend' }).click();
      await expect(page).toHaveURL(`${server.url}/jobs/?category=backend`);
      await expect(
        page.getByRole('list', { name: 'Open roles' }).getByRole('heading', { level: 2 }),
      ).toHaveText(['Backend Engineer, Orders']);
    }
  });

  test('never skips a heading level on the list, a role, a closed role and the island', async ({ page }) => {
    for (const path of [
      '/jobs/',
      `/jobs/${ids['orders']}/`,
      `/jobs/${ids['closed']}/`,
      '/jobs/?q=nothing',
      article,
    ]) {
      await page.goto(`${server.url}${path}`);
      if (path === article) await expect(page.locator('.hiring-now-roles')).toBeVisible();
      // On an article only the jobs section is this feature's: it starts at h2 under the article.
      const scope = path === article ? '.jobs-section' : 'main';
      const levels = await page
        .locator(`${scope} :is(h1, h2, h3, h4, h5, h6)`)
        .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
      const skips = levels.filter((level, i) => i > 0 && level > (levels[i - 1] ?? 0) + 1);
      expect({ path, first: levels[0], skips }).toEqual({ path, first: path === article ? 2 : 1, skips: [] });
    }
  });

  test('answers 404 for an unknown role', async ({ request }) => {
    const response = await request.get(`${server.url}/jobs/no-such-role/`);
    expect(response.status()).toBe(404);
    expect(await response.text()).toContain('Role not found');
  });

  test('has no accessibility violations on the list, a role and the island', async ({ page }) => {
    for (const path of ['/jobs/', `/jobs/${ids['orders']}/`, '/jobs/?q=nothing-matches', article]) {
      await page.goto(`${server.url}${path}`);
      if (path === article) await expect(page.locator('.hiring-now-roles')).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa'])
        .include(path === article ? '.jobs-section' : 'main')
        .analyze();
      expect(results.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
    }
  });
});
