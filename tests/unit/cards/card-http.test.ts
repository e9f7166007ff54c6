import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CardService } from '../../../src/server/cards/card.service.ts';
import type { CardInput } from '../../../src/server/cards/card.ts';
import { CardCache } from '../../../src/server/cards/card-cache.ts';
import { cardSlug, createCardRequestHandler } from '../../../src/server/cards/card-http.ts';
import { cardLookup } from '../../../src/server/cards/card-manifest.ts';
import { CardQueueFullError } from '../../../src/server/cards/card-pool.ts';

const manifest = {
  version: 1 as const,
  cards: {
    backend: { title: 'Backend in 2026', siteName: 'Journal' },
    'guides/deploying': { title: 'Deploying', siteName: 'Journal' },
  },
};
let server: Server | undefined;
let dir = '';

/** Serves the card handler over real HTTP; `draw` decides each drawing's outcome. */
async function serve(draw: (input: CardInput) => Promise<Buffer>) {
  dir = mkdtempSync(join(tmpdir(), 'og-http-'));
  const logged: string[] = [];
  const service = new CardService({
    lookup: cardLookup(manifest),
    fontDigest: 'font',
    cache: new CardCache(dir),
    draw,
    log: (message) => logged.push(message),
  });
  const handle = createCardRequestHandler(service, (message) => logged.push(message));
  server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const handled = handle(req, res, pathname, () => res.writeHead(404).end('the site 404 page'));
    if (!handled) res.writeHead(418).end('not a card');
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, logged };
}

afterEach(async () => {
  const running = server;
  server = undefined;
  if (running) {
    running.closeAllConnections();
    await new Promise((resolve) => running.close(resolve));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('the card route', () => {
  test('reads the slug from /og/<slug>.png, nested and percent-encoded ones included', () => {
    expect(cardSlug('/og/backend.png')).toBe('backend');
    expect(cardSlug('/og/guides/deploying.png')).toBe('guides/deploying');
    expect(cardSlug('/og/caf%C3%A9.png')).toBe('café');
    expect(cardSlug('/og/%E0%A4%A.png')).toBe('%E0%A4%A');
    expect(cardSlug('/og/backend.jpg')).toBeUndefined();
    expect(cardSlug('/blog/backend/')).toBeUndefined();
  });

  test('answers a PNG a day cacheable with an ETag, HEAD with the same headers and no body', async () => {
    const { url } = await serve(async (input) => Buffer.from(`png of ${input.title}`));
    const get = await fetch(`${url}/og/backend.png`);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('image/png');
    expect(get.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(get.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await get.text()).toBe('png of Backend in 2026');
    const head = await fetch(`${url}/og/backend.png`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('png of Backend in 2026'.length));
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(await head.text()).toBe('');
    expect((await fetch(`${url}/og/guides/deploying.png`)).status).toBe(200);
  });

  test('answers 304 to a matching If-None-Match without drawing', async () => {
    let draws = 0;
    const { url } = await serve(async () => {
      draws++;
      return Buffer.from('png');
    });
    const etag = (await fetch(`${url}/og/backend.png`)).headers.get('etag') ?? '';
    const again = await fetch(`${url}/og/backend.png`, { headers: { 'If-None-Match': `"other", ${etag}` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await fetch(`${url}/og/backend.png`, { headers: { 'If-None-Match': '"other"' } })).status).toBe(
      200,
    );
    expect(draws).toBe(1);
  });

  test('refuses other methods with 405 and sends unknown slugs to the 404 page', async () => {
    const { url } = await serve(async () => Buffer.from('png'));
    const post = await fetch(`${url}/og/backend.png`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const unknown = await fetch(`${url}/og/draft-article.png`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('the site 404 page');
    expect((await fetch(`${url}/og/backend.jpg`)).status).toBe(418);
  });

  test('answers 500 when drawing fails, logs why, and serves the card once drawing works again', async () => {
    let broken = true;
    const { url, logged } = await serve(async () => {
      if (broken) throw new Error('resvg ran out of memory');
      return Buffer.from('png');
    });
    const failed = await fetch(`${url}/og/backend.png`);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(logged).toEqual(['could not draw /og/backend.png: resvg ran out of memory']);
    broken = false;
    expect((await fetch(`${url}/og/backend.png`)).status).toBe(200);
  });

  test('answers 503 with Retry-After when too many cards wait to be drawn', async () => {
    const { url, logged } = await serve(() => Promise.reject(new CardQueueFullError()));
    const busy = await fetch(`${url}/og/backend.png`);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('2');
    expect(logged).toEqual([]);
  });
});
