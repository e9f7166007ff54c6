/**
 * Finds and produces article cards: from the disk cache when drawn before, else drawn once
 * however many requests ask for the same card at the same time.
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
}

/** Article cards by slug, drawn on first request and cached on disk. */
export class OgCardService {
  readonly #options: OgCardServiceOptions;
  readonly #inFlight = new Map<string, Promise<Buffer>>();
  #cacheFailureLogged = false;

  constructor(options: OgCardServiceOptions) {
    this.#options = options;
  }

  /** The card of a published article, or undefined for any other slug. */
  find(slug: string): OgCard | undefined {
    const input = this.#options.lookup(slug);
    return input && { hash: ogCardHash(input, this.#options.fontDigest), input };
  }

  /** The card's PNG. Concurrent calls for one card share one disk read and at most one drawing. */
  png(card: OgCard): Promise<Buffer> {
    const running = this.#inFlight.get(card.hash);
    if (running) return running;
    const task = this.#produce(card).finally(() => this.#inFlight.delete(card.hash));
    this.#inFlight.set(card.hash, task);
    return task;
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
