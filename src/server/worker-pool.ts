/**
 * Worker threads for CPU-heavy work the main thread must not do itself: drawing social cards
 * in the server, compiling MDX in the build. Jobs wait in a queue, bounded if asked, and each
 * worker holds up to `pipeline` of them, so it never waits for a busy main thread to send
 * the next. When a worker dies (crash, exit, overrun) it is replaced; if it held one job, that
 * job fails; if it held several, they run again one at a time, so the job that kills a worker
 * fails alone and the others complete.
 *
 * Protocol: a worker receives `{ id, input }` and answers `{ id, output }` or
 * `{ id, error }` (a message, or an error's fields from serializeError).
 */
import { Worker } from 'node:worker_threads';

/** Thrown when the queue is full: the caller should shed load (a server answers 503). */
export class QueueFullError extends Error {
  constructor(name = 'worker') {
    super(`too many ${name} jobs waiting`);
  }
}

/** A job failed because its worker died, timed out or could not be started, not by its own error. */
export class WorkerFailedError extends Error {}

/** An error's message, stack and own fields (MDX puts line, column and reason there). */
export type SerializedError = { name: string; message: string; stack?: string | undefined } & Record<
  string,
  unknown
>;

/** Copies an error into clonable data, keeping the position fields the MDX plugin reports. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message, stack: error.stack };
}

function deserializeError(data: string | SerializedError): Error {
  if (typeof data === 'string') return new Error(data);
  const error = new Error(data.message);
  Object.assign(error, data);
  return error;
}

/** A worker's answer to one job. */
export type WorkerReply<Output> =
  | { id: number; output: Output }
  | { id: number; error: string | SerializedError };

/** Sizes and limits of a pool. */
export interface WorkerPoolOptions {
  /** The worker's module. */
  script: URL;
  /** What the workers are, for messages: "card worker", "MDX compile worker". */
  name: string;
  /** Worker threads. */
  size: number;
  /** Jobs sent to a worker before it answers the first; default 1. */
  pipeline?: number;
  /** Jobs that may wait for a worker; more are refused with QueueFullError. Default: no bound. */
  maxQueue?: number;
  /** A job taking longer fails and its worker is replaced (pipeline 1 only). Default: no limit. */
  timeoutMs?: number;
  /** Workers that may die before the pool gives up and fails every job. Default: no limit. */
  maxRestarts?: number;
  /** Passed to each worker. */
  workerData?: unknown;
}

interface Job<Input, Output> {
  id: number;
  input: Input;
  /** Held by a worker that died with other jobs: runs alone, to find the culprit. */
  suspect: boolean;
  resolve: (output: Output) => void;
  reject: (error: Error) => void;
}

interface Slot<Input, Output> {
  worker: Worker | undefined;
  /** Jobs sent to the worker and not answered, oldest first. */
  jobs: Map<number, Job<Input, Output>>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Runs jobs on worker threads; idle workers never keep the process alive. */
export class WorkerPool<Input, Output> {
  readonly #options: WorkerPoolOptions;
  readonly #slots: Slot<Input, Output>[];
  readonly #queue: Job<Input, Output>[] = [];
  #nextId = 1;
  #deaths = 0;
  #stopped: Error | undefined;

  constructor(options: WorkerPoolOptions) {
    if (options.timeoutMs !== undefined && (options.pipeline ?? 1) > 1)
      throw new Error('a worker pool with a timeout sends one job at a time (pipeline 1)');
    this.#options = options;
    // Started now, so the first job does not wait for the worker's imports.
    this.#slots = Array.from({ length: Math.max(1, options.size) }, () => {
      const slot: Slot<Input, Output> = { worker: undefined, jobs: new Map(), timer: undefined };
      slot.worker = this.#spawn(slot);
      return slot;
    });
  }

  /** Runs one job; rejects with its error, a WorkerFailedError, or QueueFullError. */
  run(input: Input): Promise<Output> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    if (this.#queue.length >= (this.#options.maxQueue ?? Number.POSITIVE_INFINITY))
      return Promise.reject(new QueueFullError(this.#options.name));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, input, suspect: false, resolve, reject });
      this.#pump();
    });
  }

  /** Fails running and waiting jobs and stops every worker. */
  async close(): Promise<void> {
    const reason = new WorkerFailedError(`the ${this.#options.name}s are stopped`);
    this.#stop(reason);
    await Promise.all(
      this.#slots.map((slot) => {
        const worker = slot.worker;
        // Forgotten first, so its exit is not taken for a death.
        slot.worker = undefined;
        for (const job of this.#release(slot)) job.reject(reason);
        return worker?.terminate();
      }),
    );
  }

  #stop(reason: Error): void {
    this.#stopped ??= reason;
    for (const job of this.#queue.splice(0)) job.reject(reason);
  }

  #spawn(slot: Slot<Input, Output>): Worker {
    const worker = new Worker(this.#options.script, { workerData: this.#options.workerData });
    worker.unref();
    worker.on('message', (reply: WorkerReply<Output>) => {
      const job = slot.jobs.get(reply.id);
      if (!job || slot.worker !== worker) return;
      slot.jobs.delete(reply.id);
      if (slot.jobs.size === 0) this.#release(slot);
      if ('output' in reply) job.resolve(reply.output);
      else job.reject(deserializeError(reply.error));
      queueMicrotask(() => this.#pump());
    });
    let failure: Error | undefined;
    worker.on('error', (error) => {
      failure = error;
    });
    // A reply that cannot be read is the running job's failure.
    worker.on('messageerror', (error) => {
      failure = error;
      void worker.terminate();
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      const reason = failure?.message ?? `the ${this.#options.name} exited with code ${code}`;
      this.#died(slot, new WorkerFailedError(reason));
    });
    return worker;
  }

  /**
   * A worker is gone. A job it held alone fails; jobs it held together run again one at a
   * time. Past maxRestarts, every job fails.
   */
  #died(slot: Slot<Input, Output>, reason: WorkerFailedError): void {
    const orphans = this.#release(slot);
    if (orphans.length === 1) orphans[0]?.reject(reason);
    else this.#queue.unshift(...orphans.map((job) => ({ ...job, suspect: true })));
    if (++this.#deaths > (this.#options.maxRestarts ?? Number.POSITIVE_INFINITY))
      this.#stop(new WorkerFailedError(`no ${this.#options.name} left: ${reason.message}`));
    queueMicrotask(() => this.#pump());
  }

  /** Sends queued jobs to workers with room: a suspect only to an idle worker, and alone. */
  #pump(): void {
    if (this.#stopped) return;
    for (const slot of this.#slots) {
      for (;;) {
        const job = this.#queue[0];
        const held = [...slot.jobs.values()];
        const room = held.length < (this.#options.pipeline ?? 1) && !held.some((j) => j.suspect);
        if (!job || !room || (job.suspect && held.length > 0)) break;
        this.#queue.shift();
        this.#post(slot, job);
      }
    }
  }

  #post(slot: Slot<Input, Output>, job: Job<Input, Output>): void {
    slot.worker ??= this.#spawn(slot);
    const worker = slot.worker;
    try {
      worker.postMessage({ id: job.id, input: job.input });
    } catch (error) {
      // Input that cannot be cloned (a function, say) fails this job only.
      job.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    slot.jobs.set(job.id, job);
    worker.ref();
    const { timeoutMs } = this.#options;
    if (timeoutMs !== undefined) {
      slot.timer = setTimeout(() => {
        // Forget the worker first, so its exit does not count a second time.
        slot.worker = undefined;
        void worker.terminate();
        this.#died(slot, new WorkerFailedError(`the ${this.#options.name} took longer than ${timeoutMs} ms`));
      }, timeoutMs);
    }
  }

  /** Empties the slot (its worker idle again) and returns the jobs it held, oldest first. */
  #release(slot: Slot<Input, Output>): Job<Input, Output>[] {
    const jobs = [...slot.jobs.values()];
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.jobs.clear();
    slot.worker?.unref();
    return jobs;
  }
}
