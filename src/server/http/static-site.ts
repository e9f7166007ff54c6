/**
 * The prerendered half of a build, served the way SvelteKit's adapter-node serves its own: sirv
 * over an index of `client/` built at start (paths and stats, never the files' bytes), the
 * `.br`/`.gz` copies the build wrote (src/integrations/precompress.ts), weak ETags per
 * representation and Last-Modified. This module adds what the site needs around it: each
 * page's own Content-Security-Policy, the cache lifetimes, and the 404 page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import sirv from 'sirv';
import { pagePolicies } from './page-headers.ts';
import { ResponseCache } from './response-cache.ts';
import type { SiteResponse } from './site-response.ts';

/** Hashed build assets never change under the same name; pages revalidate; the rest is kept an hour. */
function cacheControlFor(pathname: string): string {
  if (pathname.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (pathname.endsWith('/') || pathname.endsWith('.html')) return 'public, max-age=0, must-revalidate';
  return 'public, max-age=3600';
}

/** The URL paths of every file under `dir` (`/blog/x/` and `/blog/x/index.html` for a page). */
function urlPaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => !/\.(br|gz)$/.test(name))
    .map((name) => `/${name.split(sep).join('/')}`)
    .flatMap((path) => (path.endsWith('/index.html') ? [path, path.slice(0, -'index.html'.length)] : [path]));
}

/** The not-found page and its compressed copies: the one file kept in memory, sent for every 404. */
function readNotFoundPage(file: string): { identity: Buffer; br?: Buffer; gzip?: Buffer } | undefined {
  if (!existsSync(file)) return undefined;
  return {
    identity: readFileSync(file),
    ...(existsSync(`${file}.br`) ? { br: readFileSync(`${file}.br`) } : {}),
    ...(existsSync(`${file}.gz`) ? { gzip: readFileSync(`${file}.gz`) } : {}),
  };
}

/** The prerendered site of one build. */
export interface StaticSite {
  /** Whether a file answers this decoded URL path. */
  has(pathname: string): boolean;
  /** Answers a GET or HEAD for `pathname`, a path `has` knows; calls `next` if sirv finds no file. */
  serve(req: IncomingMessage, res: SiteResponse, pathname: string, next: () => void): void;
  /** Answers 404 with the site's not-found page. */
  notFound(req: IncomingMessage, res: SiteResponse): void;
}

/**
 * Indexes `clientDir`; `headersFile` is the adapter's `_headers.json` (each page's policy).
 * Up to `cacheBytes` of recently sent answers are replayed from memory: sirv reads every file
 * from disk through libuv's thread pool (open, read, close), several times the cost of sending
 * it (`npm run bench:serve`, static article, with and without).
 */
export function openStaticSite(clientDir: string, headersFile: string, cacheBytes: number): StaticSite {
  const files = new Set(urlPaths(clientDir));
  const policies = pagePolicies(headersFile, files);
  const notFound = readNotFoundPage(join(clientDir, '404.html'));
  const notFoundPolicy = policies.get('/404.html');
  // Files never change under a build: what sirv sent is kept until evicted or the build retires.
  const sentBySirv = new WeakSet<ServerResponse>();
  const cache =
    cacheBytes > 0
      ? new ResponseCache(cacheBytes, (res) =>
          sentBySirv.has(res) ? { freshMs: Infinity, staleMs: 0 } : undefined,
        )
      : undefined;

  const handler = sirv(clientDir, {
    etag: true,
    brotli: true,
    gzip: true,
    // For directory pages: only paths of the index reach sirv (release.ts).
    extensions: ['html'],
    setHeaders(res, pathname) {
      sentBySirv.add(res);
      res.setHeader('Cache-Control', cacheControlFor(pathname));
      const policy = policies.get(pathname);
      if (policy) res.setHeader('Content-Security-Policy', policy);
    },
  });

  return {
    has: (pathname) => files.has(pathname),
    serve(req, res, pathname, next) {
      // sirv answers a matching If-None-Match with a bare 304 (no ETag, Vary or Cache-Control)
      // and ignores If-Modified-Since; SiteResponse decides both from the headers sirv writes.
      const { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince } = req.headers;
      if (ifNoneMatch || ifModifiedSince) {
        res.conditions = {
          'if-none-match': ifNoneMatch,
          'if-modified-since': ifModifiedSince,
          'cache-control': req.headers['cache-control'],
        };
        delete req.headers['if-none-match'];
      }
      const key = cache?.keyOf(req, pathname);
      if (key && cache?.serve(key, req, res)) return;
      if (key) cache?.record(key, req, res);
      handler(req, res, () => {
        if (ifNoneMatch) req.headers['if-none-match'] = ifNoneMatch;
        res.conditions = undefined;
        next();
      });
    },
    notFound(req, res) {
      if (!notFound || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const [encoding, body] =
        notFound.br && /\bbr\b/.test(accepts)
          ? ['br', notFound.br]
          : notFound.gzip && /\bgzip\b/.test(accepts)
            ? ['gzip', notFound.gzip]
            : [undefined, notFound.identity];
      if (notFoundPolicy) res.setHeader('Content-Security-Policy', notFoundPolicy);
      res.writeHead(404, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': 'public, max-age=0, must-revalidate',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
