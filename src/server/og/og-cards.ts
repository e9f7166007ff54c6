/**
 * The production server's article cards: the build's manifest, the disk cache and the worker
 * pool behind one request handler. serve.ts mounts it in front of Astro.
 */
import { fileURLToPath } from 'node:url';
import { OG_MANIFEST_FILE } from '../../lib/seo/og-card.ts';
import { getConfig } from '../platform/config/config.ts';
import { OgCardService } from './og-card.service.ts';
import { OgDiskCache, ogCacheDirectory } from './og-disk-cache.ts';
import { loadOgFonts } from './og-draw.ts';
import { createOgRequestHandler, type OgRequestHandler } from './og-http.ts';
import { cardLookup, readOgManifest } from './og-manifest.ts';
import { OgWorkerPool } from './og-worker-pool.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fontDir = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

/** Cards waiting beyond this many get 503: at ~50 ms a card, a minute's backlog is not useful. */
const MAX_QUEUE = 64;
/** A card takes ~50 ms; one taking this long is stuck. */
const DRAW_TIMEOUT_MS = 10_000;

/** The mounted card handler and a way to stop its workers. */
export interface OgCards {
  handle: OgRequestHandler;
  close(): Promise<void>;
}

/** Starts the cards of the build in `distDir`; OG_WORKERS threads draw them (default 1). */
export function startOgCards(distDir: string, log: (message: string) => void): OgCards {
  const manifest = readOgManifest(`${distDir}${OG_MANIFEST_FILE}`);
  if (!manifest) log(`${distDir}${OG_MANIFEST_FILE} is missing: article cards answer 404 until a rebuild`);
  const cardCount = Object.keys(manifest?.cards ?? {}).length;
  const workers = getConfig().OG_WORKERS;
  const pool =
    cardCount > 0
      ? new OgWorkerPool({
          size: workers,
          maxQueue: MAX_QUEUE,
          timeoutMs: DRAW_TIMEOUT_MS,
          workerData: { fontDir },
        })
      : undefined;
  const service = new OgCardService({
    lookup: cardLookup(manifest ?? { version: 1, cards: {} }),
    fontDigest: loadOgFonts(fontDir).digest,
    cache: new OgDiskCache(ogCacheDirectory(root)),
    draw: (input) => (pool ? pool.draw(input) : Promise.reject(new Error('no cards to draw'))),
    log,
  });
  return { handle: createOgRequestHandler(service, log), close: async () => pool?.close() };
}
