/**
 * Builds the Pagefind search index over the prerendered pages once Astro has written them.
 * Pagefind's binary comes from its npm package (a platform package under @pagefind/); it runs
 * locally and fetches nothing. Only elements marked `data-pagefind-body` (article bodies) are
 * indexed, so navigation, job and comment widgets never show up in results.
 *
 * The index is a function of the HTML pages and Pagefind's version and options, so it is kept
 * in Astro's cache dir under a hash of those: a rebuild that changes no page copies it back
 * instead of indexing again (~3 s for 1,000 articles). `astro build --force` indexes anew.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { hashFiles, isForcedBuild, LOCKFILE } from './build-cache.ts';

const OPTIONS = { forceLanguage: 'en' } as const;
const OUTPUT = 'pagefind';

/** A hash of every HTML page under `root` (path and bytes), the lockfile and our options. */
export function hashPages(root: string): string {
  const hash = createHash('sha256');
  // The lockfile pins Pagefind's version (and would change with any upgrade).
  hash.update(hashFiles([LOCKFILE])).update(JSON.stringify(OPTIONS));
  const pages = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html') && !path.startsWith(`${OUTPUT}/`))
    .sort();
  for (const page of pages)
    hash
      .update(page)
      .update('\0')
      .update(readFileSync(join(root, page)))
      .update('\0');
  return hash.digest('hex');
}

async function buildIndex(root: string): Promise<number> {
  try {
    const { index, errors } = await createIndex(OPTIONS);
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: root });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(root, OUTPUT) });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    return added.page_count;
  } finally {
    await close();
  }
}

/** Astro integration: writes `<client dir>/pagefind/` after every build. */
export function pagefindIndex(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'site-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('pagefind/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const key = hashPages(root);
        const keyFile = join(cacheDir, 'key');
        const cached = join(cacheDir, OUTPUT);
        const readKey = () => (existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : undefined);
        if (!isForcedBuild() && readKey() === key) {
          try {
            cpSync(cached, join(root, OUTPUT), { recursive: true });
            // Another build sharing the cache may have replaced it meanwhile: then index anew.
            if (readKey() === key) {
              logger.info(
                `no page changed: search index reused in ${Math.round(performance.now() - started)} ms`,
              );
              return;
            }
          } catch {
            // Removed while copying (another build replacing it): index anew.
          }
          rmSync(join(root, OUTPUT), { recursive: true, force: true });
        }
        const pages = await buildIndex(root);
        // Staged beside the cache and renamed into place, key included, so a reader never sees
        // a key with another build's index.
        const staged = `${cacheDir.replace(/\/$/, '')}.${process.pid}.tmp`;
        rmSync(staged, { recursive: true, force: true });
        cpSync(join(root, OUTPUT), join(staged, OUTPUT), { recursive: true });
        writeFileSync(join(staged, 'key'), key);
        rmSync(cacheDir, { recursive: true, force: true });
        renameSync(staged, cacheDir);
        logger.info(`indexed ${pages} pages for search in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
