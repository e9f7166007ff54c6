/**
 * A few worker threads drawing cards (og-draw.worker.ts), one card each at a time, with a
 * bounded queue in front. A worker that crashes or overruns its time is replaced; its job
 * fails, and the next job gets a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import type { OgCardInput } from '../../lib/seo/og-card.ts';

/** Thrown when the queue is full: the caller should answer 503 and let the client retry. */
export class OgQueueFullError extends Error {
  constructor() {
    super('too many cards waiting to be drawn');
  }
}

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

interface Job {
  id: number;
  input: OgCardInput;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker | undefined;
  job: Job | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

type Reply = { id: number; png: Uint8Array } | { id: number; error: string };

/** Draws cards off the main thread. */
export class OgWorkerPool {
  readonly #options: Required<OgWorkerPoolOptions>;
  readonly #slots: Slot[];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(options: OgWorkerPoolOptions) {
    this.#options = { workerUrl: new URL('./og-draw.worker.ts', import.meta.url), ...options };
    // Started now, so the first request does not wait for satori and resvg to load.
    this.#slots = Array.from({ length: Math.max(1, options.size) }, () => {
      const slot: Slot = { worker: undefined, job: undefined, timer: undefined };
      slot.worker = this.#spawn(slot);
      return slot;
    });
  }

  /** Draws one card; rejects with the worker's reason, a timeout, or OgQueueFullError. */
  draw(input: OgCardInput): Promise<Buffer> {
    if (this.#closed) return Promise.reject(new Error('the card workers are stopped'));
    if (this.#queue.length >= this.#options.maxQueue) return Promise.reject(new OgQueueFullError());
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, input, resolve, reject });
      this.#pump();
    });
  }

  /** Fails queued jobs and stops every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('the card workers are stopped'));
    await Promise.all(this.#slots.map((slot) => slot.worker?.terminate()));
  }

  #spawn(slot: Slot): Worker {
    const worker = new Worker(this.#options.workerUrl, { workerData: this.#options.workerData });
    // An idle pool must not keep a process alive; a worker is referenced only while drawing.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = slot.job;
      if (!job || reply.id !== job.id) return;
      this.#finish(slot);
      if ('png' in reply)
        job.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      else job.reject(new Error(reply.error));
    });
    let failure: Error | undefined;
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      const job = slot.job;
      if (job) {
        this.#finish(slot);
        job.reject(failure ?? new Error(`the card worker stopped (exit code ${code})`));
      }
    });
    return worker;
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.job || this.#closed) continue;
      const job = this.#queue.shift();
      if (!job) return;
      slot.worker ??= this.#spawn(slot);
      const worker = slot.worker;
      slot.job = job;
      worker.ref();
      slot.timer = setTimeout(() => {
        const stuck = slot.job;
        if (!stuck) return;
        // Forget the worker first, so its exit does not reject the job a second time.
        slot.worker = undefined;
        this.#finish(slot);
        stuck.reject(new Error(`drawing took longer than ${this.#options.timeoutMs} ms`));
        void worker.terminate();
      }, this.#options.timeoutMs);
      worker.postMessage({ id: job.id, input: job.input });
    }
  }

  /** Frees the slot and starts the next queued job. */
  #finish(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.worker?.unref();
    slot.job = undefined;
    slot.timer = undefined;
    queueMicrotask(() => this.#pump());
  }
}
