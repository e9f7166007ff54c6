import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MicroCache } from '../../../src/server/http/micro-cache.ts';

/** A server whose handler counts its calls and answers with the headers the path asks for. */
function startServer(): Promise<{ server: Server; url: string; calls: () => number }> {
  const cache = new MicroCache();
  let calls = 0;
  const server = createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (cache.accepts(req)) {
      if (cache.serve(req, res)) return;
      cache.record(req, res);
    }
    calls += 1;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const headers: Record<string, string> = { 'Content-Type': 'text/html' };
    if (path.endsWith('/public/')) headers['Cache-Control'] = 'public, max-age=30';
    if (path.endsWith('/short/')) headers['Cache-Control'] = 'public, max-age=1';
    if (path.endsWith('/cdn-only/')) headers['Cache-Control'] = 'public, max-age=0, s-maxage=5';
    if (path.endsWith('/private/')) headers['Cache-Control'] = 'private, max-age=30';
    if (path.endsWith('/cookie/')) {
      headers['Cache-Control'] = 'public, max-age=30';
      headers['Set-Cookie'] = 'a=b';
    }
    res.writeHead(200, headers);
    res.write(`<p>call ${calls}</p>`);
    res.end(`<p>${req.url}</p>`);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, calls: () => calls });
    }),
  );
}

describe('MicroCache in front of server islands', () => {
  let ctx: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    ctx = await startServer();
  });
  afterAll(() => new Promise<void>((resolve) => ctx.server.close(() => resolve())));

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${ctx.url}${path}`, { headers });

  test('answers a repeated public island URL from memory, byte for byte with its headers', async () => {
    const before = ctx.calls();
    const first = await get('/_server-islands/A/public/?p=1');
    const firstBody = await first.text();
    const second = await get('/_server-islands/A/public/?p=1');
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('cache-control')).toBe('public, max-age=30');
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ctx.calls() - before).toBe(1);
  });

  test('keys on the whole URL, query included', async () => {
    const before = ctx.calls();
    await get('/_server-islands/A/public/?p=2');
    await get('/_server-islands/A/public/?p=3');
    expect(ctx.calls() - before).toBe(2);
  });

  test('never stores private, CDN-only (s-maxage) or cookie-setting responses, nor other paths', async () => {
    for (const path of [
      '/_server-islands/A/private/',
      '/_server-islands/A/cookie/',
      '/_server-islands/A/cdn-only/',
      '/jobs/public/',
    ]) {
      const before = ctx.calls();
      await get(path);
      await get(path);
      expect(ctx.calls() - before, path).toBe(2);
    }
  });

  test('bypasses the cache for requests carrying cookies', async () => {
    await get('/_server-islands/B/public/');
    const before = ctx.calls();
    await get('/_server-islands/B/public/', { Cookie: 'comment_outcome=x' });
    expect(ctx.calls() - before).toBe(1);
  });

  test('expires an entry after its max-age', async () => {
    await get('/_server-islands/C/short/');
    const before = ctx.calls();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await get('/_server-islands/C/short/');
    expect(ctx.calls() - before).toBe(1);
  });
});
