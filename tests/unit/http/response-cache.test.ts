import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { type Lifetime, ResponseCache } from '../../../src/server/http/response-cache.ts';

/** Lifetimes by path: `/fresh-stale/` 10 s then 10 s stale, `/never/` none. */
function lifetimeOf(path: string): Lifetime | undefined {
  if (path.includes('/never/')) return undefined;
  return { freshMs: 10_000, staleMs: 10_000 };
}

let gate = Promise.withResolvers<void>();

/** A server whose handler counts its calls, answering what the path asks for through the cache. */
function startServer(maxBytes: number): Promise<{ server: Server; url: string; calls: () => number }> {
  let calls = 0;
  const cache = new ResponseCache(maxBytes, (res) => lifetimeOf(res.req.url ?? '/'));
  const server = createServer(async (req, res) => {
    const current = req.url ?? '/';
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.headers['x-forwarded-proto'] === 'https')
      res.setHeader('Strict-Transport-Security', 'max-age=60');
    const key = cache.keyOf(req, current);
    if (key && cache.serve(key, req, res)) return;
    if (key) cache.record(key, req, res);
    calls += 1;
    const headers: Record<string, string> = { 'Content-Type': 'text/html' };
    if (current.includes('/cookie/')) headers['Set-Cookie'] = 'a=b';
    if (current.includes('/missing/')) return void res.writeHead(404, headers).end('missing');
    const encoding = req.headers['accept-encoding'] ?? 'none';
    res.writeHead(200, headers);
    res.write(`<p>call ${calls}</p>`);
    // `/slow/` finishes only once the test opens the gate: a render still in flight.
    if (current.includes('/slow/')) await gate.promise;
    res.end(`<p>${current} ${encoding} ${'x'.repeat(current.includes('/big/') ? 400 : 0)}</p>`);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, calls: () => calls });
    }),
  );
}

describe('ResponseCache', () => {
  let ctx: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    ctx = await startServer(16 * 1024);
  });
  afterAll(() => new Promise<void>((resolve) => ctx.server.close(() => resolve())));
  afterEach(() => vi.useRealTimers());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${ctx.url}${path}`, { headers });
  const renders = async (path: string, headers: Record<string, string> = {}) => {
    const before = ctx.calls();
    const body = await (await get(path, headers)).text();
    return { rendered: ctx.calls() - before, body };
  };

  test('replays a stored answer byte for byte with its headers, without rendering again', async () => {
    const first = await get('/a/');
    const firstBody = await first.text();
    const second = await get('/a/');
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('content-type')).toBe('text/html');
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await renders('/a/')).rendered).toBe(0);
  });

  test('keys on the resource and the Accept-Encoding the client sent', async () => {
    await get('/b/', { 'Accept-Encoding': 'br' });
    const gzip = await renders('/b/', { 'Accept-Encoding': 'gzip' });
    expect(gzip.rendered).toBe(1);
    expect(gzip.body).toContain('gzip');
    expect((await renders('/b/', { 'Accept-Encoding': 'br' })).body).toContain(' br ');
  });

  test('never stores errors, cookie-setting answers or answers without a lifetime', async () => {
    for (const path of ['/missing/', '/cookie/', '/never/']) {
      await get(path);
      expect((await renders(path)).rendered, path).toBe(1);
    }
  });

  test('bypasses requests that carry cookies or ask for a range', async () => {
    await get('/c/');
    expect((await renders('/c/', { Cookie: 'session=x' })).rendered).toBe(1);
    expect((await renders('/c/', { Range: 'bytes=0-3' })).rendered).toBe(1);
  });

  test('does not replay one request’s HSTS header to another', async () => {
    await get('/d/', { 'X-Forwarded-Proto': 'https' });
    const before = ctx.calls();
    const plain = await get('/d/');
    expect(ctx.calls() - before).toBe(0);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  test('past its fresh time, one request renders anew while the others get the stale copy', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    gate.resolve();
    const stored = await (await get('/slow/')).text();
    vi.setSystemTime(Date.now() + 15_000);
    gate = Promise.withResolvers<void>();
    const before = ctx.calls();
    const refreshing = get('/slow/').then((response) => response.text());
    await expect.poll(() => ctx.calls() - before).toBe(1);
    expect(await (await get('/slow/')).text()).toBe(stored);
    gate.resolve();
    const renewed = await refreshing;
    expect(renewed).not.toBe(stored);
    expect(await (await get('/slow/')).text()).toBe(renewed);
    expect(ctx.calls() - before).toBe(1);
    vi.setSystemTime(Date.now() + 25_000);
    expect((await renders('/slow/')).rendered).toBe(1);
  });

  test('keeps within its byte budget by dropping the least recently used answers', async () => {
    for (let i = 0; i < 60; i++) await get(`/big/${i}/`);
    expect((await renders('/big/59/')).rendered).toBe(0);
    expect((await renders('/big/0/')).rendered).toBe(1);
  });
});
