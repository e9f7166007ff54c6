/**
 * The production server's article cards: the build's manifest, the disk cache and the worker
 * pool behind one request handler, which serve.ts mounts in front of Astro.
 */
import { fileURLToPath } from 'node:url';
import { getConfig } from '../platform/config/config.ts';
import { CardService } from './card.service.ts';
import { CARD_MANIFEST_FILE } from './card.ts';
import { CardCache, cardCacheDirectory } from './card-cache.ts';
import { loadCardFonts } from './card-draw.ts';
import { type CardRequestHandler, createCardRequestHandler } from './card-http.ts';
import { cardLookup, readCardManifest } from './card-manifest.ts';
import { CardPool } from './card-pool.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fontDir = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

/** Cards waiting beyond this many get 503: at ~50 ms a card, a longer backlog is not useful. */
const MAX_QUEUE = 64;
/** A card takes ~50 ms; one not drawn within this time (queue included) is stuck. */
const DRAW_TIMEOUT_MS = 10_000;

/** The mounted card handler and a way to stop its workers. */
export interface Cards {
  handle: CardRequestHandler;
  close(): Promise<void>;
}

/** Starts the cards of the build in `distDir`; OG_WORKERS threads draw them (default 1). */
export function startCards(distDir: string, log: (message: string) => void): Cards {
  const manifest = readCardManifest(`${distDir}${CARD_MANIFEST_FILE}`);
  if (!manifest) log(`${distDir}${CARD_MANIFEST_FILE} is missing: article cards answer 404 until a rebuild`);
  const cardCount = Object.keys(manifest?.cards ?? {}).length;
  const workers = getConfig().OG_WORKERS;
  const pool = cardCount > 0 ? new CardPool({ size: workers, maxQueue: MAX_QUEUE, log }) : undefined;
  const service = new CardService({
    lookup: cardLookup(manifest ?? { version: 1, cards: {} }),
    fontDigest: loadCardFonts(fontDir).digest,
    cache: new CardCache(cardCacheDirectory(root)),
    draw: (input) =>
      pool ? pool.draw(input, AbortSignal.timeout(DRAW_TIMEOUT_MS)) : Promise.reject(new Error('no cards')),
    log,
  });
  return { handle: createCardRequestHandler(service, log), close: async () => pool?.close() };
}
