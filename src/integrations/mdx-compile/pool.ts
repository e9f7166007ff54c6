/**
 * A pool of MDX compile workers. Rolldown asks for many transforms at once; each one is sent
 * to the least busy worker, so a cold build compiles on every core instead of one. Workers
 * are unreferenced while idle, so a finished build exits without closing the pool.
 *
 * When a worker dies (crash, exit, unreadable reply), the files it held are compiled again one
 * at a time on a fresh worker: the one that kills that worker too fails alone, naming itself,
 * and the others compile. After MAX_RESTARTS the pool gives up and fails every file it holds,
 * so a build never hangs.
 */
import { Worker } from 'node:worker_threads';
import type { MdxRenderResult } from 'astro/markdown';
import { type CompileRequest, type CompileResponse, deserializeError } from './messages.ts';

const MAX_RESTARTS = 4;

interface Pending {
  request: Omit<CompileRequest, 'id'>;
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
  readonly #script: URL;
  #nextId = 0;
  #restarts = 0;
  #closing = false;
  /** Files a dead worker held, compiled one at a time; new files wait meanwhile. */
  readonly #suspects: Pending[] = [];
  readonly #waiting: Pending[] = [];
  /** The slot compiling one suspect at a time, while there are suspects. */
  #isolation: Slot | undefined;

  /** `script` is the worker's module; tests give one that misbehaves on purpose. */
  constructor(size: number, script: URL = new URL('./worker.ts', import.meta.url)) {
    this.#script = script;
    for (let i = 0; i < size; i++) this.#slots.push(this.#start());
  }

  #start(): Slot {
    const worker = new Worker(this.#script);
    const slot: Slot = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (response: CompileResponse) => {
      const pending = slot.pending.get(response.id);
      if (!pending) return;
      slot.pending.delete(response.id);
      if (slot.pending.size === 0) worker.unref();
      if ('error' in response) pending.reject(deserializeError(response.error));
      else pending.resolve(response.result);
      if (slot === this.#isolation) this.#nextSuspect();
    });
    let dead = false;
    const die = (reason: Error) => {
      if (dead || this.#closing) return;
      dead = true;
      this.#replace(slot, reason);
    };
    worker.on('error', die);
    // A reply that cannot be read leaves no way to tell which file it was for.
    worker.on('messageerror', (error) => {
      die(error);
      void worker.terminate();
    });
    worker.on('exit', (code) => die(new Error(`the MDX compile worker exited with code ${code}`)));
    return slot;
  }

  #replace(slot: Slot, reason: Error): void {
    const orphans = [...slot.pending.values()];
    slot.pending.clear();
    this.#slots.splice(this.#slots.indexOf(slot), 1);
    const isolated = slot === this.#isolation;
    if (isolated) this.#isolation = undefined;
    if (++this.#restarts > MAX_RESTARTS) {
      const all = [...orphans, ...this.#suspects.splice(0), ...this.#waiting.splice(0)];
      for (const pending of all) pending.reject(this.#failure(pending, reason));
      return;
    }
    this.#slots.push(this.#start());
    // Alone on its worker, this file is the one that killed it.
    if (isolated) for (const pending of orphans) pending.reject(this.#failure(pending, reason));
    else this.#suspects.push(...orphans);
    if (!this.#isolation) this.#nextSuspect();
  }

  #failure(pending: Pending, reason: Error): Error {
    return new Error(
      `MDX compile worker failed while compiling ${pending.request.filePath}: ${reason.message}`,
    );
  }

  /** Sends the next suspect to the isolation slot, or ends isolation and sends what waited. */
  #nextSuspect(): void {
    const suspect = this.#suspects.shift();
    if (suspect) {
      this.#isolation ??= this.#slots.at(-1);
      if (this.#isolation) this.#post(this.#isolation, suspect);
      else suspect.reject(new Error(`no MDX compile worker left to compile ${suspect.request.filePath}`));
      return;
    }
    this.#isolation = undefined;
    for (const pending of this.#waiting.splice(0)) this.#send(pending);
  }

  #send(pending: Pending): void {
    if (this.#isolation || this.#suspects.length > 0) {
      this.#waiting.push(pending);
      return;
    }
    const slot = this.#slots.reduce<Slot | undefined>(
      (best, next) => (!best || next.pending.size < best.pending.size ? next : best),
      undefined,
    );
    if (slot) this.#post(slot, pending);
    else pending.reject(new Error(`no MDX compile worker left to compile ${pending.request.filePath}`));
  }

  #post(slot: Slot, pending: Pending): void {
    const id = this.#nextId++;
    try {
      slot.worker.postMessage({ ...pending.request, id } satisfies CompileRequest);
    } catch (error) {
      // Data that cannot be cloned (a function in the settings, say) fails this file only.
      pending.reject(error instanceof Error ? error : new Error(String(error)));
      if (slot === this.#isolation) this.#nextSuspect();
      return;
    }
    slot.pending.set(id, pending);
    slot.worker.ref();
  }

  /** Compiles one file on the worker with the fewest files waiting. */
  compile(request: Omit<CompileRequest, 'id'>): Promise<MdxRenderResult> {
    return new Promise((resolve, reject) => this.#send({ request, resolve, reject }));
  }

  /** Stops every worker; files still waiting fail. */
  async close(): Promise<void> {
    this.#closing = true;
    const slots = this.#slots.splice(0);
    const held = [
      ...slots.flatMap((slot) => [...slot.pending.values()]),
      ...this.#suspects.splice(0),
      ...this.#waiting.splice(0),
    ];
    for (const pending of held) pending.reject(new Error('the MDX compile pool was closed'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
