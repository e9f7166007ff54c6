/**
 * The cards' Astro integration. Article cards are drawn by the server on request, not at
 * build (`npm run bench:og` measures what drawing them cost the build): the build only writes
 * `og-cards.json` beside `client/` and `server/`, naming what each published article's card
 * shows. Under `astro dev` the same service answers `/og/<slug>.png` from a Vite middleware
 * (card-dev.ts), drawing in-process, drafts included as the dev server shows them.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readNames, readPublishedArticles } from '../../integrations/published-articles.ts';
import { SITE } from '../../site.config.ts';
import { contentDirectory } from '../platform/config/paths.ts';
import { CARD_MANIFEST_FILE, type CardManifest } from './card.ts';

/** Card inputs of every article published at `now` (`dev`: every valid article). */
export function buildCardManifest(contentDir: string, options: { dev: boolean; now: Date }): CardManifest {
  const names = readNames(contentDir);
  const cards: CardManifest['cards'] = {};
  for (const article of readPublishedArticles(contentDir, options.dev, options.now)) {
    // The same fields the article page's facts give: the first category is its section.
    const category = article.categories[0] && names.categories.get(article.categories[0]);
    const author = names.authors.get(article.author);
    cards[article.id] = {
      title: article.title,
      siteName: SITE.name,
      ...(category ? { category } : {}),
      ...(author ? { author } : {}),
    };
  }
  return { version: 1, cards };
}

/** Keeps the cards of the articles whose page the build wrote (`blog/<slug>/`). */
export function keepBuiltArticles(manifest: CardManifest, pathnames: readonly string[]): CardManifest {
  const built = new Set(pathnames.map((path) => path.replace(/^\/+|\/+$/g, '')));
  return {
    version: 1,
    cards: Object.fromEntries(Object.entries(manifest.cards).filter(([slug]) => built.has(`blog/${slug}`))),
  };
}

/** Writes the manifest after each build and serves cards under `astro dev`. */
export function socialCards(): AstroIntegration {
  let outDir: URL | undefined;
  let root = process.cwd();
  return {
    name: 'og-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ pages, logger }) => {
        if (!outDir) throw new Error('og-cards: the build folder is unknown');
        // Filtered to the pages actually built, so an article that went live during the
        // build has both its page and its card, or neither.
        const manifest = keepBuiltArticles(
          buildCardManifest(contentDirectory(root), { dev: false, now: new Date() }),
          pages.map((page) => page.pathname),
        );
        writeFileSync(new URL(CARD_MANIFEST_FILE, outDir), `${JSON.stringify(manifest)}\n`);
        logger.info(
          `${Object.keys(manifest.cards).length} article cards listed; the server draws them on request`,
        );
      },
      'astro:server:setup': async ({ server }) => {
        const { devCardMiddleware } = await import('./card-dev.ts');
        server.middlewares.use(
          devCardMiddleware({
            root,
            contentDir: contentDirectory(root),
            readManifest: () => buildCardManifest(contentDirectory(root), { dev: true, now: new Date() }),
            watch: (onChange) => server.watcher.on('all', onChange),
          }),
        );
      },
    },
  };
}
