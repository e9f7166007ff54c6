/**
 * One build, ready to serve: its static files (static-site.ts), Astro's server bundle for
 * everything else (on-demand.ts), the cards mounted in front, and the trailing-slash redirects
 * and method checks before them all. serve.ts holds the current
 * release and swaps in a new one on SIGHUP; a release that is swapped out finishes its
 * in-flight requests before it is closed.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ON_DEMAND_ROUTES_FILE, type OnDemandRoute } from '../../integrations/on-demand-routes.ts';
import { allowedMethods, methodNotAllowedHeaders } from './methods.ts';
import { type AstroHandler, onDemandRenderer } from './on-demand.ts';
import type { SiteResponse } from './site-response.ts';
import { openStaticSite } from './static-site.ts';

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

/** Static files kept in memory at most: the hot pages and assets, however large the site. */
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
  const render = onDemandRenderer(entry.handler, options.responseCache);
  let inFlight = 0;
  let retiring: (() => void) | undefined;

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
    const notFound = () => site.notFound(req, res);
    // Files first (the build's own /og/site.png among them); only paths of the file index
    // reach sirv, which would also answer /favicon.svg/ or /404.
    if ((req.method === 'GET' || req.method === 'HEAD') && site.has(pathname)) {
      site.serve(req, res, pathname, () => render(req, res, notFound));
    } else if (!mount.handle(req, res, rawPath, notFound)) render(req, res, notFound);
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
