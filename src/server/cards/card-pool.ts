/**
 * Worker threads drawing cards (card-draw.worker.ts) on tinypool, one card at a time each,
 * with a bounded queue in front so a flood of new cards is shed (503) rather than queued
 * without end. A worker that crashes, or whose drawing is stopped, is replaced by tinypool;
 * only that card fails.
 */
import Tinypool from 'tinypool';
import type { CardInput } from './card.ts';

/** Thrown when the queue is full: the caller should answer 503 and let the client retry. */
export class CardQueueFullError extends Error {
  constructor() {
    super('too many cards waiting to be drawn');
  }
}

/** Sizes of a pool. */
export interface CardPoolOptions {
  /** Worker threads, each drawing one card at a time; started with the pool. */
  size: number;
  /** Cards that may wait for a worker; more are refused with CardQueueFullError. */
  maxQueue: number;
  /** The worker module; tests pass misbehaving ones. */
  worker?: URL;
  /** Told of a worker failing while it holds no card (it could not start, say). */
  log?: (message: string) => void;
}

/** Draws cards off the main thread. */
export class CardPool {
  readonly #pool: Tinypool;
  readonly #maxQueue: number;
  #closed = false;

  constructor({ size, maxQueue, worker, log = console.error }: CardPoolOptions) {
    this.#maxQueue = maxQueue;
    this.#pool = new Tinypool({
      filename: (worker ?? new URL('./card-draw.worker.ts', import.meta.url)).href,
      minThreads: size,
      maxThreads: size,
    });
    // Unheard, tinypool's 'error' event would throw and stop the whole server.
    this.#pool.on('error', (error: unknown) => log(`a card worker failed: ${describeReason(error)}`));
  }

  /**
   * Draws one card. Rejects with the worker's error, CardQueueFullError, or, when `signal`
   * aborts first (the server's deadline), an error naming its reason; a drawing stopped
   * that way takes its worker with it.
   */
  async draw(input: CardInput, signal?: AbortSignal): Promise<Buffer> {
    // tinypool would start new workers for a closed pool.
    if (this.#closed) throw new Error('the card workers are stopped');
    if (this.#pool.queueSize >= this.#maxQueue) throw new CardQueueFullError();
    try {
      const png: Uint8Array = await this.#pool.run(input, signal ? { signal } : {});
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    } catch (error) {
      if (signal?.aborted) throw new Error(`the drawing was stopped: ${describeReason(signal.reason)}`);
      throw error;
    }
  }

  /** Fails queued cards and stops every worker. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#pool.destroy();
  }
}

function describeReason(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
