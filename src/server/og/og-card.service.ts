/**
 * Finds and produces article cards: the most recently served ones from memory, the others
 * from the disk cache when drawn before, else drawn once however many requests ask for the
 * same card at the same time.
 */
import type { OgCardInput } from '../../lib/seo/og-card.ts';
import type { OgDiskCache } from './og-disk-cache.ts';
import { ogCardHash } from './og-draw.ts';

/** The message of a thrown value, for logs. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A card the site has: its inputs and the hash naming its PNG (also its ETag). */
export interface OgCard {
  hash: string;
  input: OgCardInput;
}

/** What the service needs; the drawing is injected (a worker pool in production). */
export interface OgCardServiceOptions {
  /** The card inputs of a published article's slug, or undefined. */
  lookup: (slug: string) => OgCardInput | undefined;
  fontDigest: string;
  cache: OgDiskCache;
  draw: (input: OgCardInput) => Promise<Buffer>;
  log: (message: string) => void;
  /** Cards kept in memory, most recently served first (~40 KB each); default 64. */
  memoryCards?: number;
}

/** Article cards by slug, drawn on first request and cached on disk. */
export class OgCardService {
  readonly #options: OgCardServiceOptions;
  readonly #inFlight = new Map<string, Promise<Buffer>>();
  /** Recently served PNGs by hash; a Map iterates in insertion order, oldest first. */
  readonly #memory = new Map<string, Buffer>();
  /** Hashes by input object: the manifest's inputs never change, so each is hashed once. */
  readonly #hashes = new WeakMap<OgCardInput, string>();
  #cacheFailureLogged = false;

  constructor(options: OgCardServiceOptions) {
    this.#options = options;
  }

  /** The card of a published article, or undefined for any other slug. */
  find(slug: string): OgCard | undefined {
    const input = this.#options.lookup(slug);
    if (!input) return undefined;
    let hash = this.#hashes.get(input);
    if (!hash) {
      hash = ogCardHash(input, this.#options.fontDigest);
      this.#hashes.set(input, hash);
    }
    return { hash, input };
  }

  /** The card's PNG. Concurrent calls for one card share one disk read and at most one drawing. */
  png(card: OgCard): Promise<Buffer> {
    const remembered = this.#memory.get(card.hash);
    if (remembered) {
      this.#remember(card.hash, remembered);
      return Promise.resolve(remembered);
    }
    const running = this.#inFlight.get(card.hash);
    if (running) return running;
    const task = this.#produce(card)
      .then((png) => this.#remember(card.hash, png))
      .finally(() => this.#inFlight.delete(card.hash));
    this.#inFlight.set(card.hash, task);
    return task;
  }

  #remember(hash: string, png: Buffer): Buffer {
    this.#memory.delete(hash);
    this.#memory.set(hash, png);
    const limit = this.#options.memoryCards ?? 64;
    for (const oldest of this.#memory.keys()) {
      if (this.#memory.size <= limit) break;
      this.#memory.delete(oldest);
    }
    return png;
  }

  async #produce(card: OgCard): Promise<Buffer> {
    const { cache, draw, log } = this.#options;
    const cached = await cache.read(card.hash);
    if (cached) return cached;
    const png = await draw(card.input);
    try {
      await cache.write(card.hash, png);
    } catch (error) {
      // The card is still served; without a writable cache it is drawn again after a restart.
      if (!this.#cacheFailureLogged)
        log(`cannot cache cards in ${cache.dir} (${describeError(error)}); they will be redrawn`);
      this.#cacheFailureLogged = true;
    }
    return png;
  }
}
