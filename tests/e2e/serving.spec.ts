/**
 * The web's conventions as the production server keeps them, over real HTTP: trailing-slash
 * redirects, conditional requests, compression, charsets, reason phrases, methods, health
 * checks and the disabled image endpoint.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { clientDir, readBuiltPages } from './support/built-site.ts';
import { rawRequest } from './support/http.ts';
import { seedE2eJobs } from './support/jobs.ts';
import { type RunningServer, scratchSqliteUrl, startServer } from './support/server.ts';

const ARTICLE = '/blog/backend-development-engineering-2026/';
const BROWSER = { 'Accept-Encoding': 'br, gzip' };
let server: RunningServer;
let ids: Record<string, string>;
let island: string;

test.beforeAll(async () => {
  const url = scratchSqliteUrl();
  ids = await seedE2eJobs(url);
  server = await startServer({ DATABASE_URL: url, ADMIN_PASSWORD: 'a long test password' });
  const html = await (await fetch(`${server.url}${ARTICLE}`)).text();
  island = /\/_server-islands\/HiringNowRoles\/[^"'\s]+/.exec(html)?.[0]?.replaceAll('&amp;', '&') ?? '';
  if (!island) throw new Error('the article has no jobs island');
});
test.afterAll(async () => {
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  rawRequest(`${server.url}${path}`, { method, headers });

test('every page answers 301 from its slashless URL, query kept; unknown URLs stay 404', async () => {
  const pages = readBuiltPages()
    .map((page) => page.path)
    .filter((path) => path.endsWith('/') && path !== '/');
  expect(pages.length).toBeGreaterThan(5);
  const onDemand = ['/jobs/', `/jobs/${ids['orders']}/`, `${ARTICLE}comments/`, '/admin/login/'];
  for (const path of [...pages, ...onDemand]) {
    const slashless = path.slice(0, -1);
    const response = await get(`${slashless}?q=a%20b&x=1`);
    expect(response.status, slashless).toBe(301);
    expect(response.headers['location'], slashless).toBe(`${path}?q=a%20b&x=1`);
    expect((await get(path)).status, path).toBe(200);
  }
  for (const unknown of [
    '/no-such-page',
    '/blog/no-such-article',
    '/categories/no-such-category',
    '/favicon.svg/',
  ]) {
    expect((await get(unknown)).status, unknown).toBe(404);
  }
  const post = await get('/admin/login', {}, 'POST');
  expect(post.status).toBe(308);
  expect(post.headers['location']).toBe('/admin/login/');
});

test('each representation has its own ETag; both validators answer 304 keeping the headers', async () => {
  const brotli = await get(ARTICLE, { 'Accept-Encoding': 'br' });
  const gzip = await get(ARTICLE, { 'Accept-Encoding': 'gzip' });
  const identity = await get(ARTICLE);
  expect([brotli.headers['content-encoding'], gzip.headers['content-encoding']]).toEqual(['br', 'gzip']);
  expect(identity.headers['content-encoding']).toBeUndefined();
  expect(new Set([brotli, gzip, identity].map((r) => r.headers['etag'])).size).toBe(3);
  for (const response of [brotli, gzip, identity]) {
    expect(response.headers['vary']).toBe('Accept-Encoding');
    expect(response.headers['last-modified']).toMatch(/GMT$/);
    expect(response.text()).toBe(identity.body.toString('utf8'));
  }
  const etag = String(brotli.headers['etag']);
  for (const conditional of [
    { 'If-None-Match': etag },
    { 'If-None-Match': `W/"other", ${etag}` },
    { 'If-Modified-Since': String(brotli.headers['last-modified']) },
  ]) {
    const notModified = await get(ARTICLE, { 'Accept-Encoding': 'br', ...conditional });
    expect(notModified.status, JSON.stringify(conditional)).toBe(304);
    expect(notModified.reason).toBe('Not Modified');
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers['etag']).toBe(etag);
    expect(notModified.headers['vary']).toBe('Accept-Encoding');
    expect(notModified.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(notModified.headers['content-security-policy']).toContain('script-src');
  }
  expect((await get(ARTICLE, { 'Accept-Encoding': 'br', 'If-None-Match': 'W/"stale"' })).status).toBe(200);
  const earlier = new Date(Date.parse(String(brotli.headers['last-modified'])) - 60_000).toUTCString();
  expect((await get(ARTICLE, { 'Accept-Encoding': 'br', 'If-Modified-Since': earlier })).status).toBe(200);
});

test('static and on-demand text is sent with brotli or gzip as the client asks, else as is', async () => {
  const css = /\/_astro\/[^"']+\.css/.exec((await get(ARTICLE)).body.toString())?.[0] ?? '';
  for (const path of [ARTICLE, css, island, '/jobs/', `/jobs/${ids['orders']}/`, '/sitemap-jobs.xml']) {
    const plain = await get(path);
    expect(plain.status, path).toBe(200);
    expect(plain.headers['content-encoding'], path).toBeUndefined();
    for (const encoding of ['br', 'gzip']) {
      const compressed = await get(path, { 'Accept-Encoding': encoding });
      expect(compressed.headers['content-encoding'], `${path} ${encoding}`).toBe(encoding);
      expect(compressed.headers['vary'], path).toContain('Accept-Encoding');
      expect(compressed.body.length, path).toBeLessThan(plain.body.length);
      // On-demand pages carry per-response values (form tokens, times): compare their shape.
      expect(compressed.text().slice(0, 200), path).toBe(plain.text().slice(0, 200));
    }
  }
});

test('every text response names its charset', async () => {
  const html = (await get(ARTICLE)).body.toString();
  const assets = [...html.matchAll(/\/_astro\/[^"']+\.(?:css|js)/g)].map((m) => m[0]);
  const paths = [ARTICLE, ...assets, '/favicon.svg', '/robots.txt', '/rss.xml', '/sitemap-index.xml'];
  paths.push(island, '/jobs/', '/sitemap-jobs.xml', '/no-such-page/', '/healthz');
  for (const path of paths) {
    const response = await get(path, BROWSER);
    expect(response.headers['content-type'], path).toMatch(/charset=utf-8/i);
  }
  const refused = await get(ARTICLE, {}, 'DELETE');
  expect(refused.headers['content-type']).toMatch(/charset=utf-8/i);
  // Files of a type with no name (Pagefind's index) say they are bytes, never an empty type.
  const index = readdirSync(join(clientDir, 'pagefind')).find((name) => name.endsWith('.pf_meta'));
  expect((await get(`/pagefind/${index}`)).headers['content-type']).toBe('application/octet-stream');
});

test('status lines carry the standard reason phrases', async () => {
  const cases: Array<[string, number, string, string?]> = [
    [ARTICLE, 200, 'OK'],
    ['/no-such-page/', 404, 'Not Found'],
    ['/jobs/no-such-role/', 404, 'Not Found'],
    [`/jobs/${ids['closed']}/`, 410, 'Gone'],
    ['/jobs', 301, 'Moved Permanently'],
    ['/jobs/', 405, 'Method Not Allowed', 'DELETE'],
  ];
  for (const [path, status, reason, method] of cases) {
    const response = await get(path, {}, method);
    expect([response.status, response.reason], path).toEqual([status, reason]);
  }
});

test('methods a route does not take answer 405 with Allow, TRACE included, and log nothing', async () => {
  const before = server.output().length;
  const routes: Array<[path: string, allow: string]> = [
    [ARTICLE, 'GET, HEAD'],
    ['/jobs/', 'GET, HEAD'],
    ['/sitemap-jobs.xml', 'GET, HEAD'],
    ['/admin/login/', 'GET, HEAD, POST'],
    [`${ARTICLE}comments/`, 'GET, HEAD, POST'],
    [island, 'GET, HEAD, POST'],
  ];
  for (const [path, allow] of routes) {
    for (const method of ['TRACE', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await get(path, {}, method);
      expect([response.status, response.headers['allow']], `${method} ${path}`).toEqual([405, allow]);
    }
  }
  expect((await get('/%E0%A4%A', {})).status).toBe(400);
  // The server logs asynchronously; a request after the others flushes what they logged.
  await get('/healthz');
  expect(server.output().slice(before)).toBe('');
});

test('the image endpoint answers 404: nothing is transformed on request', async () => {
  const html = (await get(ARTICLE)).body.toString();
  const image = /\/_astro\/[^"'\s]+\.(?:png|webp|jpg)/.exec(html)?.[0];
  expect(image, 'the article links a built image').toBeTruthy();
  for (const path of ['/_image', '/_image/', `/_image?href=${image}&w=1600&f=avif`]) {
    expect((await get(path)).status, path).toBe(404);
  }
});

test('/healthz says the process answers and /readyz that the database does', async () => {
  const health = await get('/healthz');
  expect([health.status, health.text(), health.headers['cache-control']]).toEqual([200, 'ok\n', 'no-store']);
  const ready = await get('/readyz');
  expect([ready.status, ready.text()]).toEqual([200, 'ready\n']);
  expect((await get('/readyz', {}, 'POST')).status).toBe(405);
});
