import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { clientDir } from './support/built-site.ts';
import { startServer } from './support/server.ts';

const ARTICLE = '/blog/backend-development-engineering-2026/';

function expectBaseHeaders(headers: Record<string, string>): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

test('prerendered pages carry their own hashed Content-Security-Policy and the security headers', async ({
  request,
}) => {
  for (const path of ['/', ARTICLE]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expectBaseHeaders(headers);
    expect(headers['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[^']+')+/);
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['strict-transport-security']).toBeUndefined();
  }
});

test('static files and the not-found page carry the security headers too', async ({ request }) => {
  const favicon = await request.get('/favicon.svg');
  expect(favicon.status()).toBe(200);
  expectBaseHeaders(favicon.headers());
  const missing = await request.get('/no-such-page/');
  expect(missing.status()).toBe(404);
  expectBaseHeaders(missing.headers());
});

test('hashed build assets are cached for a year as immutable; pages revalidate', async ({ request }) => {
  const page = await request.get(ARTICLE);
  expect(page.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
  const asset = /(\/_astro\/[^"']+\.(?:css|js))/.exec(await page.text())?.[1];
  expect(asset, 'the article page links a hashed asset').toBeTruthy();
  const response = await request.get(asset as string);
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expectBaseHeaders(response.headers());
});

test('state-changing methods on static pages answer 405 with Allow', async ({ request }) => {
  const response = await request.post(ARTICLE, { data: 'x' });
  expect(response.status()).toBe(405);
  expect(response.headers()['allow']).toBe('GET, HEAD');
});

test('on-demand routes refuse the methods they do not take with 405 and Allow', async ({
  request,
  baseURL,
}) => {
  const origin = { Origin: baseURL ?? '' };
  for (const [method, path, allow] of [
    ['DELETE', '/jobs/', 'GET, HEAD'],
    ['PUT', '/jobs/', 'GET, HEAD'],
    ['POST', '/jobs/', 'GET, HEAD'],
    ['PATCH', '/sitemap-jobs.xml', 'GET, HEAD'],
    ['PUT', '/admin/', 'GET, HEAD, POST'],
    ['DELETE', '/blog/backend-development-engineering-2026/comments/', 'GET, HEAD, POST'],
  ] as const) {
    const response = await request.fetch(path, { method, headers: origin, maxRedirects: 0 });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()['allow'], `${method} ${path}`).toBe(allow);
  }
});

test('forged or truncated server-island URLs answer 400, never 500', async ({ request }) => {
  const html = await (await request.get(ARTICLE)).text();
  const island = /\/_server-islands\/HiringNowRoles\/[^"'\s]+/.exec(html)?.[0]?.replaceAll('&amp;', '&');
  if (!island) throw new Error('the article has no jobs island');
  expect((await request.get(island)).status()).toBe(200);
  for (const forged of [
    island.slice(0, 60),
    island.slice(0, -20),
    island.replace('p=', 'p=A'),
    '/_server-islands/HiringNowRoles/?e=AAAA&p=BBBB&s=',
    '/_server-islands/HiringNowRoles/',
  ]) {
    expect((await request.get(forged)).status(), forged).toBe(400);
  }
});

/**
 * The policy Astro generated for each page (dist/_headers.json), by the page's file: the
 * adapter keys a route by its pattern, `/blog/x/` for some pages and `/search` or `/404` for
 * others, so both spellings are tried.
 */
function generatedPolicies(): Map<string, string> {
  const entries = JSON.parse(readFileSync(join(clientDir, '../_headers.json'), 'utf8')) as Array<{
    pathname: string;
    headers: Array<{ key: string; value: string }>;
  }>;
  const byRoute = new Map(
    entries.map((entry) => [
      entry.pathname.replace(/\/$/, ''),
      entry.headers.find((h) => h.key === 'Content-Security-Policy')?.value ?? '',
    ]),
  );
  const policies = new Map<string, string>();
  for (const file of readdirSync(clientDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const route = `/${relative('.', file).split(sep).join('/')}`.replace(/(\/index)?\.html$/, '');
    policies.set(file, byRoute.get(route) ?? '');
  }
  return policies;
}

test('every HTML page of the build is served with the policy Astro generated for it', async ({ request }) => {
  const policies = generatedPolicies();
  expect(policies.size).toBeGreaterThan(5);
  for (const [file, policy] of policies) {
    expect(policy, `${file} has a generated policy`).toContain('script-src');
    // The not-found page answers every unknown URL; the others are served at their folder.
    const path =
      file === '404.html'
        ? '/no-such-page/'
        : `/${file
            .split(sep)
            .join('/')
            .replace(/index\.html$/, '')}`;
    const response = await request.get(path);
    expect(response.headers()['content-security-policy'], path).toBe(policy);
  }
});

/** Collects what the browser reports as a CSP violation, in the page and in its workers. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Refused to load: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return violations;
}

test('search works on the page itself when Pagefind cannot start its worker, without a CSP violation', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  // Pagefind then compiles its WebAssembly on the page, which the page's policy must allow.
  await page.route('**/pagefind/pagefind-worker.js', (route) => route.abort());
  await page.goto('/search/?q=observability');
  await expect(page.getByRole('link', { name: /Backend Development Engineering in 2026/ })).toBeVisible();
  expect(violations).toEqual([]);
});

for (const path of [
  ARTICLE,
  '/',
  '/search/?q=backend',
  '/jobs/',
  '/blog/backend-development-engineering-2026/comments/',
  '/admin/login/',
]) {
  test(`${path} runs without a single CSP violation`, async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
}

test('HSTS is sent only when a trusted proxy says the request came over HTTPS', async () => {
  const server = await startServer({ TRUST_PROXY: '1' });
  try {
    const overHttps = await fetch(`${server.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    const overHttp = await fetch(`${server.url}/`);
    expect(overHttp.headers.get('strict-transport-security')).toBeNull();
  } finally {
    await server.stop();
  }
});
