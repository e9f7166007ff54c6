/**
 * `astro dev`'s article cards: the production card service and handler, with the manifest
 * read from the content (drafts included) and cards drawn in-process, as a Vite middleware.
 * Loaded by card-integration.ts only when the dev server starts, so builds never load satori.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CardService } from './card.service.ts';
import type { CardInput, CardManifest } from './card.ts';
import { CardCache, cardCacheDirectory } from './card-cache.ts';
import { drawCardPng, loadCardFonts } from './card-draw.ts';
import { createCardRequestHandler } from './card-http.ts';
import { cardLookup } from './card-manifest.ts';

/** Where the middleware reads from. */
export interface DevCardOptions {
  /** Project root: fonts in src/assets/fonts, the default cache under node_modules. */
  root: string;
  contentDir: string;
  /** Builds the manifest from the content; called again after content changes. */
  readManifest: () => CardManifest;
  /** Subscribes to file changes (the dev server's watcher). */
  watch: (onChange: (event: string, path: string) => void) => void;
}

/** A connect middleware answering `/og/<slug>.png` for the articles the dev server shows. */
export function devCardMiddleware(
  options: DevCardOptions,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  let lookup: ((slug: string) => CardInput | undefined) | undefined;
  options.watch((_event, path) => {
    if (path.startsWith(options.contentDir)) lookup = undefined;
  });
  const fonts = loadCardFonts(join(options.root, 'src/assets/fonts'));
  const log = (message: string) => console.warn(`[og-cards] ${message}`);
  const service = new CardService({
    lookup: (slug) => {
      lookup ??= cardLookup(options.readManifest());
      return lookup(slug);
    },
    fontDigest: fonts.digest,
    cache: new CardCache(cardCacheDirectory(options.root)),
    draw: (input) => drawCardPng(input, fonts),
    log,
  });
  const handle = createCardRequestHandler(service, log);
  return (req, res, next) => {
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    // Unknown slugs (and /og/site.png, a prerendered route) go on to Astro.
    if (!handle(req, res, pathname, next)) next();
  };
}
