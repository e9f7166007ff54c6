/**
 * Finds and produces article cards: from the disk cache when drawn before, else drawn once
 * however many requests ask for the same card at the same time. There is no memory cache:
 * reading a card back from disk costs a fraction of a millisecond (bench:og), cards are
 * requested rarely, and each answer may be kept a day by the crawler or CDN that asked.
 */
import type { Card, CardInput } from './card.ts';
import type { CardCache } from './card-cache.ts';
import { cardHash } from './card-draw.ts';

/** The message of a thrown value, for logs. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the service needs; the drawing is injected (the worker pool in production). */
export interface CardServiceOptions {
  /** The card inputs of a published article's slug, or undefined. */
  lookup: (slug: string) => CardInput | undefined;
  fontDigest: string;
  cache: CardCache;
  draw: (input: CardInput) => Promise<Buffer>;
  log: (message: string) => void;
}

/** Article cards by slug, drawn on first request and cached on disk. */
export class CardService {
  readonly #options: CardServiceOptions;
  readonly #inFlight = new Map<string, Promise<Buffer>>();
  /** Hashes by input object: the manifest's inputs never change, so each is hashed once. */
  readonly #hashes = new WeakMap<CardInput, string>();
  #cacheFailureLogged = false;

  constructor(options: CardServiceOptions) {
    this.#options = options;
  }

  /** The card of a published article, or undefined for any other slug. */
  find(slug: string): Card | undefined {
    const input = this.#options.lookup(slug);
    if (!input) return undefined;
    let hash = this.#hashes.get(input);
    if (!hash) {
      hash = cardHash(input, this.#options.fontDigest);
      this.#hashes.set(input, hash);
    }
    return { hash, input };
  }

  /** The card's PNG. Concurrent calls for one card share one disk read and at most one drawing. */
  png(card: Card): Promise<Buffer> {
    const running = this.#inFlight.get(card.hash);
    if (running) return running;
    const task = this.#produce(card).finally(() => this.#inFlight.delete(card.hash));
    this.#inFlight.set(card.hash, task);
    return task;
  }

  async #produce(card: Card): Promise<Buffer> {
    const { cache, draw, log } = this.#options;
    const cached = await cache.read(card.hash);
    if (cached) return cached;
    const png = await draw(card.input);
    try {
      await cache.write(card.hash, png);
    } catch (error) {
      // The card is still served; without a writable cache it is drawn again on each request.
      if (!this.#cacheFailureLogged)
        log(`cannot cache cards in ${cache.dir} (${describeError(error)}); they will be redrawn`);
      this.#cacheFailureLogged = true;
    }
    return png;
  }
}
