/**
 * A few worker threads drawing cards (og-draw.worker.ts), one card each at a time, with a
 * bounded queue in front: the shared WorkerPool (../worker-pool.ts). A worker that crashes or
 * overruns its time is replaced; its card fails, and the next card gets a fresh worker.
 */
import type { OgCardInput } from '../../lib/seo/og-card.ts';
import { QueueFullError, WorkerPool } from '../worker-pool.ts';

/** Thrown when the queue is full: the caller should answer 503 and let the client retry. */
export { QueueFullError as OgQueueFullError };

/** Sizes and limits of a pool. */
export interface OgWorkerPoolOptions {
  /** Worker threads, each drawing one card at a time. */
  size: number;
  /** Cards that may wait for a worker; more are refused with OgQueueFullError. */
  maxQueue: number;
  /** A drawing taking longer fails and its worker is replaced. */
  timeoutMs: number;
  /** Passed to each worker (the font folder). */
  workerData: unknown;
  /** The worker script; tests pass misbehaving ones. */
  workerUrl?: URL;
}

/** Draws cards off the main thread. */
export class OgWorkerPool {
  readonly #pool: WorkerPool<OgCardInput, Uint8Array>;

  constructor({ workerUrl, ...options }: OgWorkerPoolOptions) {
    this.#pool = new WorkerPool({
      ...options,
      script: workerUrl ?? new URL('./og-draw.worker.ts', import.meta.url),
      name: 'card worker',
    });
  }

  /** Draws one card; rejects with the worker's reason, a timeout, or OgQueueFullError. */
  async draw(input: OgCardInput): Promise<Buffer> {
    const png = await this.#pool.run(input);
    return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  }

  /** Fails queued cards and stops every worker. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}
