import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { pngSize } from '../support/png.ts';
import { clientDir, metaContent, readBuiltPages } from './support/built-site.ts';
import { type RunningServer, startServer } from './support/server.ts';

// Article cards are drawn by the server on first request. Each server here gets an empty
// card cache of its own, so the first request really draws.
test.describe.configure({ mode: 'serial' });

let cacheDir = '';
let server: RunningServer;
let cardPath = '';

function cacheFiles(): string[] {
  return readdirSync(cacheDir).filter((name) => name.endsWith('.png'));
}

test.beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'og-e2e-'));
  server = await startServer({ OG_CACHE_DIR: cacheDir });
  const article = readBuiltPages().find(
    (page) => page.path === '/blog/backend-development-engineering-2026/',
  );
  const image = article && metaContent(article, 'og:image');
  if (!image) throw new Error('the article has no og:image');
  cardPath = new URL(image).pathname;
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(cacheDir, { recursive: true, force: true });
});

test("the build holds only the site card; the article's og:image names its slug's card", () => {
  expect(readdirSync(join(clientDir, 'og'))).toEqual(['site.png']);
  expect(cardPath).toBe('/og/backend-development-engineering-2026.png');
});

test("draws the article's card on first request: a 1200×630 PNG crawlers may cache for a day", async () => {
  expect(cacheFiles()).toEqual([]);
  const response = await fetch(`${server.url}${cardPath}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/png');
  expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
  expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
  const png = Buffer.from(await response.arrayBuffer());
  expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  expect(Number(response.headers.get('content-length'))).toBe(png.length);
  expect(cacheFiles()).toHaveLength(1);
});

test('answers the same bytes again, and after a restart, without drawing the card again', async () => {
  const first = Buffer.from(await (await fetch(`${server.url}${cardPath}`)).arrayBuffer());
  const [file = ''] = cacheFiles();
  const writtenAt = statSync(join(cacheDir, file)).mtimeMs;
  const second = Buffer.from(await (await fetch(`${server.url}${cardPath}`)).arrayBuffer());
  expect(second.equals(first)).toBe(true);
  const restarted = await startServer({ OG_CACHE_DIR: cacheDir });
  try {
    const afterRestart = Buffer.from(await (await fetch(`${restarted.url}${cardPath}`)).arrayBuffer());
    expect(afterRestart.equals(first)).toBe(true);
  } finally {
    await restarted.stop();
  }
  expect(cacheFiles()).toEqual([file]);
  expect(statSync(join(cacheDir, file)).mtimeMs).toBe(writtenAt);
});

test('draws a card once for a burst of requests, each answered with the same bytes', async () => {
  const burstPath = '/og/full-stack-development-trends-2026.png';
  const before = cacheFiles().length;
  const bodies = await Promise.all(
    Array.from({ length: 12 }, async () => {
      const response = await fetch(`${server.url}${burstPath}`);
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    }),
  );
  for (const body of bodies) expect(body.equals(bodies[0] ?? Buffer.alloc(0))).toBe(true);
  expect(pngSize(bodies[0] ?? Buffer.alloc(0))).toEqual({ width: 1200, height: 630 });
  expect(cacheFiles()).toHaveLength(before + 1);
});

test('answers HEAD with the headers of GET and no body, and 304 to a matching If-None-Match', async () => {
  const get = await fetch(`${server.url}${cardPath}`);
  const head = await fetch(`${server.url}${cardPath}`, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(head.headers.get('content-type')).toBe('image/png');
  expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
  expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
  expect((await head.arrayBuffer()).byteLength).toBe(0);
  const revalidated = await fetch(`${server.url}${cardPath}`, {
    headers: { 'If-None-Match': get.headers.get('etag') ?? '' },
  });
  expect(revalidated.status).toBe(304);
});

test('refuses POST with 405, and answers an unknown slug with the 404 page', async () => {
  const post = await fetch(`${server.url}${cardPath}`, { method: 'POST' });
  expect(post.status).toBe(405);
  expect(post.headers.get('allow')).toBe('GET, HEAD');
  const unknown = await fetch(`${server.url}/og/no-such-article.png`);
  expect(unknown.status).toBe(404);
  expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await unknown.text()).toContain('<html');
});

test('still serves the prerendered site card from the build', async () => {
  const response = await fetch(`${server.url}/og/site.png`);
  expect(response.status).toBe(200);
  expect(pngSize(Buffer.from(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
});
