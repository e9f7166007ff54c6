/**
 * A pool of MDX compile workers. Rolldown asks for many transforms at once; each one is sent
 * to the least busy worker, so a cold build compiles on every core instead of one. Workers
 * are unreferenced while idle, so a finished build exits without closing the pool.
 */
import { Worker } from 'node:worker_threads';
import type { MdxRenderResult } from 'astro/markdown';
import { type CompileRequest, type CompileResponse, deserializeError } from './messages.ts';

interface Pending {
  resolve: (result: MdxRenderResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** Compiles MDX on `size` worker threads. */
export class CompilePool {
  readonly #slots: Slot[] = [];
  #nextId = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.#slots.push(this.#start());
  }

  #start(): Slot {
    const worker = new Worker(new URL('./worker.ts', import.meta.url));
    const slot: Slot = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (response: CompileResponse) => {
      const pending = slot.pending.get(response.id);
      if (!pending) return;
      slot.pending.delete(response.id);
      if (slot.pending.size === 0) worker.unref();
      if ('error' in response) pending.reject(deserializeError(response.error));
      else pending.resolve(response.result);
    });
    // A crashed worker fails what it was compiling and is replaced; the build reports the error.
    worker.on('error', (error) => {
      for (const pending of slot.pending.values()) pending.reject(error);
      slot.pending.clear();
      const index = this.#slots.indexOf(slot);
      if (index >= 0) this.#slots[index] = this.#start();
    });
    return slot;
  }

  /** Compiles one file on the worker with the fewest files waiting. */
  compile(request: Omit<CompileRequest, 'id'>): Promise<MdxRenderResult> {
    const slot = this.#slots.reduce((best, next) => (next.pending.size < best.pending.size ? next : best));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ ...request, id } satisfies CompileRequest);
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
    this.#slots.length = 0;
  }
}
