/**
 * Astro's half of a build: everything not served from the files (server islands, the jobs
 * pages, sitemap-jobs, comment posts, the admin) goes to the build's Astro handler, compressed
 * when the client asks, with island answers kept a short while in memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import { type Lifetime, ResponseCache } from './response-cache.ts';

/** The handler the Node adapter exports in middleware mode; `next` runs when no route matches. */
export type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<void>;

/** Island answers kept at most: ~2 KB each compressed, so thousands of articles fit. */
const ISLAND_CACHE_BYTES = 8 << 20;

/**
 * Island answers are kept 20 s, then served stale 5 s more while one request renders them anew:
 * with the 5 s data cache behind (src/server/jobs/job-island.ts), nothing served is older than
 * 30 s, the island's own max-age in browsers. Why a cache at all: rendering decrypts the props,
 * renders the roles and compresses the answer, many times the cost of sending it
 * (`npm run bench:serve`, island over 1,000 URLs with RESPONSE_CACHE=0 beside it). Only public
 * answers are kept: not the fallback shown while the database is down (roles come back as soon
 * as it does), nor the comments island (max-age=0). s-maxage is for CDNs and ignored here.
 */
function islandLifetime(res: ServerResponse): Lifetime | undefined {
  const cacheControl = String(res.getHeader('cache-control') ?? '');
  if (!/\bpublic\b/.test(cacheControl) || /\b(no-store|private|no-cache)\b/.test(cacheControl))
    return undefined;
  const maxAge = Number(/(?:^|[\s,])max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0);
  return maxAge > 0 ? { freshMs: 20_000, staleMs: 5_000 } : undefined;
}

/** Returns the function that answers a request through Astro; `notFound` answers unmatched ones. */
export function onDemandRenderer(
  handler: AstroHandler,
  responseCache: boolean,
): (req: IncomingMessage, res: ServerResponse, notFound: () => void) => void {
  // Brotli's default 4 MB window is set up anew for every answer: an island took 5 ms of CPU
  // with it, 0.6 ms with this 256 KB one (on-demand answers are a few KB to a few tens of KB).
  const compress = compression({
    brotli: { params: { [zlib.BROTLI_PARAM_LGWIN]: 18, [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  }) as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const islands = responseCache ? new ResponseCache(ISLAND_CACHE_BYTES, islandLifetime) : undefined;
  return (req, res, notFound) => {
    const key = req.url?.startsWith('/_server-islands/') ? islands?.keyOf(req, req.url) : undefined;
    if (key && islands?.serve(key, req, res)) return;
    // Recorded outside the compression, so what is kept is what was sent: compressed bytes.
    if (key) islands?.record(key, req, res);
    compress(req, res, () => void handler(req, res, notFound));
  };
}
