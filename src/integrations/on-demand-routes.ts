/**
 * Writes `on-demand-routes.json` beside `client/` and `server/`: the patterns of the routes
 * rendered per request (/jobs/, /jobs/<id>/, the comments page, the admin). The production
 * server redirects `/jobs/x` to `/jobs/x/` only when such a route, or a prerendered page, takes
 * the slashed URL: Astro's own trailing-slash redirect answers 301 for any URL at all, so a
 * mistyped link would reach a 404 only after a redirect.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The file's name in the build folder. */
export const ON_DEMAND_ROUTES_FILE = 'on-demand-routes.json';

/** One on-demand route: its pattern as written (`/jobs/[id]`) and the RegExp source Astro matches. */
export interface OnDemandRoute {
  route: string;
  regex: string;
}

/** The integration: collects the resolved routes and writes the on-demand ones after the build. */
export function onDemandRoutes(): AstroIntegration {
  let routes: OnDemandRoute[] = [];
  let outDir: URL | undefined;
  return {
    name: 'on-demand-routes',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:routes:resolved': ({ routes: resolved }) => {
        // Astro's own routes (server islands, the image endpoint) are never typed by a reader.
        routes = resolved
          .filter((route) => !route.isPrerendered && route.origin !== 'internal')
          .map((route) => ({ route: route.pattern, regex: route.patternRegex.source }));
      },
      'astro:build:done': () => {
        if (!outDir) return;
        writeFileSync(
          fileURLToPath(new URL(ON_DEMAND_ROUTES_FILE, outDir)),
          `${JSON.stringify(routes, null, 2)}\n`,
        );
      },
    },
  };
}
