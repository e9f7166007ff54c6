import { expect, test } from '@playwright/test';
import { readBuiltPages } from './support/built-site.ts';
import { headingSkips, runTogetherWords } from './support/html-text.ts';
import { seedE2eJobs } from './support/jobs.ts';
import { checkHtml, formatMessage, type NuReport } from './support/nu-checker.ts';
import { type RunningServer, scratchSqliteUrl, startServer } from './support/server.ts';

// Every kind of page the site serves, fetched from the built server (on-demand pages
// included) and checked by the W3C Nu HTML checker in one batch.
const article = '/blog/backend-development-engineering-2026/';
let server: RunningServer;
const pages: { kind: string; html: string }[] = [];
let reports: Map<string, NuReport>;

/** Path and expected status of each page kind; job paths need the seeded roles' ids. */
function pageKinds(ids: Record<string, string>): { kind: string; path: string; status: number }[] {
  return [
    { kind: 'home', path: '/', status: 200 },
    { kind: 'article', path: article, status: 200 },
    { kind: 'category', path: '/categories/backend/', status: 200 },
    { kind: 'categories index', path: '/categories/', status: 200 },
    { kind: 'tag', path: '/tags/cloud/', status: 200 },
    { kind: 'tags index', path: '/tags/', status: 200 },
    { kind: 'author', path: '/authors/editorial-team/', status: 200 },
    { kind: 'jobs', path: '/jobs/', status: 200 },
    { kind: 'job', path: `/jobs/${ids['orders']}/`, status: 200 },
    { kind: 'closed job', path: `/jobs/${ids['closed']}/`, status: 410 },
    { kind: 'search', path: '/search/', status: 200 },
    { kind: 'not found', path: '/no-such-page/', status: 404 },
    { kind: 'comments page', path: `${article}comments/`, status: 200 },
    { kind: 'admin login', path: '/admin/login/', status: 200 },
  ];
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const url = scratchSqliteUrl();
  const ids = await seedE2eJobs(url);
  server = await startServer({ DATABASE_URL: url, ADMIN_PASSWORD: 'nu checker moderator password' });
  for (const { kind, path, status } of pageKinds(ids)) {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status, `${kind} ${path}`).toBe(status);
    pages.push({ kind, html: await response.text() });
  }
  // The article as readers see it once its jobs and comments islands have filled in.
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}${article}`);
    await page.locator('.hiring-now-roles').waitFor();
    await page.locator('.comments-body').waitFor();
    pages.push({ kind: 'article with its islands loaded', html: await page.content() });
  } finally {
    await page.close();
  }
  reports = checkHtml(Object.fromEntries(pages.map(({ kind, html }) => [kind, html])));
});

test.afterAll(async () => {
  await server?.stop();
});

// One test per check, one soft assertion per page kind: every failing kind is reported at once,
// and the pages are fetched and checked once (a failed test restarts the worker).
test('no page kind has a Nu HTML checker error (heading levels that skip included)', () => {
  const warnings: string[] = [];
  for (const { kind } of pages) {
    const report = reports.get(kind);
    expect.soft(report, `${kind} was checked`).toBeDefined();
    expect.soft(report?.errors.map(formatMessage), kind).toEqual([]);
    for (const warning of report?.warnings ?? []) warnings.push(`${kind}: ${formatMessage(warning)}`);
  }
  expect(pages.length).toBe(pageKinds({}).length + 1);
  // Warnings do not fail the suite; they are listed so a reviewer sees what the checker says.
  test
    .info()
    .annotations.push({ type: 'Nu HTML checker warnings', description: warnings.join('\n') || 'none' });
  console.log(`Nu HTML checker warnings (${warnings.length}):\n  ${warnings.join('\n  ')}`);
});

test('no page kind runs a word into a link', () => {
  for (const { kind, html } of pages) expect.soft(runTogetherWords(html), kind).toEqual([]);
});

test('no built page runs a word into a link or skips a heading level', () => {
  const problems = readBuiltPages().flatMap((page) =>
    [...runTogetherWords(page.document), ...headingSkips(page.document)].map(
      (problem) => `${page.path}: ${problem}`,
    ),
  );
  expect(problems).toEqual([]);
});

// The Nu checker proves itself on every run (support/nu-checker.ts checks a broken canary too).
test('the outline and text checks catch what they look for', () => {
  expect(headingSkips('<h1>Jobs</h1><h3>Backend</h3>')).toEqual(['h1 “Jobs” → h3 “Backend”']);
  expect(headingSkips('<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2>')).toEqual([]);
  expect(runTogetherWords('<p>browse the<a href="/">latest articles</a>or more</p>')).toHaveLength(2);
  expect(runTogetherWords('<p>browse the <a href="/">latest articles</a>, or more</p>')).toEqual([]);
});
