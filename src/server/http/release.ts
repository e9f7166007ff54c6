/**
 * One build, ready to serve: its static files (static-site.ts), Astro's server bundle for
 * everything else, and the trailing-slash redirects between them. serve.ts holds the current
 * release and swaps in a new one on SIGHUP; a release that is swapped out finishes its
 * in-flight requests before it is closed.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import { ON_DEMAND_ROUTES_FILE, type OnDemandRoute } from '../../integrations/on-demand-routes.ts';
import { allowedMethods, methodNotAllowedHeaders } from './methods.ts';
import { type Lifetime, ResponseCache } from './response-cache.ts';
import type { SiteResponse } from './site-response.ts';
import { openStaticSite } from './static-site.ts';

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => Promise<void>;

/** A handler mounted in front of the build's own routes (the article cards). */
export interface Mount {
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, notFound: () => void): boolean;
  close(): Promise<void>;
}

/** A loaded build. */
export interface Release {
  /** The build folder, with symlinks resolved. */
  readonly dir: string;
  handle(req: IncomingMessage, res: SiteResponse): void;
  /** Closes the release once its in-flight requests have finished. */
  retire(): Promise<void>;
}

/** Options of a release: what is mounted per build, and whether responses are cached in memory. */
export interface ReleaseOptions {
  mount(dir: string): Mount;
  responseCache: boolean;
}

/**
 * Island responses are kept 5 s, then served stale for 20 s more while one request renders
 * them anew: with the 5 s data cache behind (job-island.ts), nothing served is older than 30 s.
 * Why a cache at all: rendering an island decrypts its props, renders the roles and compresses
 * the answer, several times the cost of sending it (`npm run bench:serve`: island over 1,000
 * URLs, with and without). Only public answers are kept (the fallback shown while the database
 * is down is not: roles come back as soon as it does), and s-maxage is ignored: it is for
 * CDNs, while this cache also answers the reader who has just posted a comment.
 */
function islandLifetime(res: ServerResponse): Lifetime | undefined {
  const cacheControl = String(res.getHeader('cache-control') ?? '');
  if (!/\bpublic\b/.test(cacheControl) || /\b(no-store|private|no-cache)\b/.test(cacheControl))
    return undefined;
  const maxAge = Number(/(?:^|[\s,])max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0);
  return maxAge > 0 ? { freshMs: 20_000, staleMs: 5_000 } : undefined;
}

/** Island responses kept at most: ~2 KB each compressed, so thousands of articles fit. */
const ISLAND_CACHE_BYTES = 8 << 20;
/** Static files kept at most: the hot pages and assets; memory stays flat however large the site. */
const STATIC_CACHE_BYTES = 16 << 20;

function readRoutes(file: string): RegExp[] {
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as OnDemandRoute[]).map((route) => new RegExp(route.regex));
}

/** Loads the build in `distDir` (a folder or a symlink to one). */
export async function loadRelease(distDir: string, options: ReleaseOptions): Promise<Release> {
  const dir = realpathSync(distDir);
  const site = openStaticSite(
    join(dir, 'client'),
    join(dir, '_headers.json'),
    options.responseCache ? STATIC_CACHE_BYTES : 0,
  );
  const onDemand = readRoutes(join(dir, ON_DEMAND_ROUTES_FILE));
  // The adapter adds a process listener per bundle it loads; a retired bundle's go with it.
  const before = new Set(process.listeners('unhandledRejection'));
  const entry = (await import(pathToFileURL(join(dir, 'server/entry.mjs')).href)) as {
    handler: AstroHandler;
  };
  const added = process.listeners('unhandledRejection').filter((listener) => !before.has(listener));
  const mount = options.mount(`${dir}/`);
  // On-demand answers (islands, jobs pages, sitemap-jobs) are compressed per request when the
  // client asks; static files come precompressed. Brotli's default 4 MB window is set up anew
  // for every response: an island took 5 ms of CPU with it and 0.6 ms with this 256 KB one.
  const compress = compression({
    brotli: { params: { [zlib.BROTLI_PARAM_LGWIN]: 18, [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  }) as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const islandCache = options.responseCache
    ? new ResponseCache(ISLAND_CACHE_BYTES, islandLifetime)
    : undefined;
  let inFlight = 0;
  let retiring: (() => void) | undefined;

  const render = (req: IncomingMessage, res: SiteResponse) => {
    const notFound = () => site.notFound(req, res);
    const key = req.url?.startsWith('/_server-islands/') ? islandCache?.keyOf(req, req.url) : undefined;
    if (key && islandCache?.serve(key, req, res)) return;
    if (key) islandCache?.record(key, req, res);
    compress(req, res, () => void entry.handler(req, res, notFound));
  };

  const handle = (req: IncomingMessage, res: SiteResponse, rawPath: string, pathname: string) => {
    const query = (req.url ?? '').slice(rawPath.length);
    // Pages exist with a trailing slash only: the slashless URL redirects when that page exists.
    if (
      !pathname.endsWith('/') &&
      (site.has(`${pathname}/`) || onDemand.some((r) => r.test(`${pathname}/`)))
    ) {
      const status = req.method === 'GET' || req.method === 'HEAD' ? 301 : 308;
      res.writeHead(status, { Location: `${rawPath}/${query}`, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Moved to ${rawPath}/${query}\n`);
      return;
    }
    if (!allowedMethods(pathname).includes(req.method ?? '')) {
      res.writeHead(405, methodNotAllowedHeaders(pathname)).end('Method not allowed\n');
      return;
    }
    if (mount.handle(req, res, rawPath, () => site.notFound(req, res))) return;
    // Only paths of the file index reach sirv, which would also answer /favicon.svg/ or /404.
    if ((req.method === 'GET' || req.method === 'HEAD') && site.has(pathname)) {
      site.serve(req, res, pathname, () => render(req, res));
    } else render(req, res);
  };

  return {
    dir,
    handle(req, res) {
      const rawPath = (req.url ?? '/').split('?', 1)[0] ?? '/';
      let pathname: string;
      try {
        pathname = decodeURI(rawPath);
      } catch {
        res
          .writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end('Bad request: malformed URL\n');
        return;
      }
      inFlight += 1;
      res.once('close', () => {
        inFlight -= 1;
        if (inFlight === 0) retiring?.();
      });
      handle(req, res, rawPath, pathname);
    },
    async retire() {
      if (inFlight > 0) await new Promise<void>((resolve) => (retiring = resolve));
      for (const listener of added) process.off('unhandledRejection', listener);
      await mount.close();
    },
  };
}
