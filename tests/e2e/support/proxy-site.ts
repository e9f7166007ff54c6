import { join } from 'node:path';
import { makeScratch, removeScratch, run } from './scratch-site.ts';
import { SITE_ORIGIN } from './tls.ts';

const root = new URL('../../../', import.meta.url).pathname;

/** A build of the site for SITE_ORIGIN, in a scratch folder. */
export interface ProxySite {
  /** DIST_DIR for the server. */
  dist: string;
  remove(): void;
}

/**
 * Builds the project's content with SITE_URL=https://SITE_HOST, as a deployment behind a
 * TLS proxy is built: the site's origin (its allowed domain) is fixed at build time, so the
 * suites cannot use the shared build made for http://localhost.
 */
export function buildProxySite(): ProxySite {
  const scratch = makeScratch('proxy');
  const dist = join(scratch, 'dist');
  const result = run(
    join(root, 'node_modules/.bin/astro'),
    ['build', '--outDir', dist],
    join(root, 'content'),
    {
      ASTRO_CACHE_DIR: join(scratch, 'cache'),
      SITE_URL: SITE_ORIGIN,
    },
  );
  if (result.status !== 0) {
    removeScratch(scratch);
    throw new Error(`the build for ${SITE_ORIGIN} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return { dist, remove: () => removeScratch(scratch) };
}
