/**
 * Builds the Pagefind search index over the prerendered pages once Astro has written them.
 * Pagefind's binary comes from its npm package (a platform package under @pagefind/); it runs
 * locally and fetches nothing. Only elements marked `data-pagefind-body` (article bodies) are
 * indexed, so navigation, job and comment widgets never show up in results.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/** Astro integration: writes `<client dir>/pagefind/` after every build. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'site-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: root });
          if (added.errors.length > 0) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          const ms = Math.round(performance.now() - started);
          logger.info(`indexed ${added.page_count} pages for search in ${ms} ms`);
        } finally {
          await close();
        }
      },
    },
  };
}
