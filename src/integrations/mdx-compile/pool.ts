/**
 * The MDX compile workers: the shared WorkerPool (src/server/worker-pool.ts), one per core.
 * Rolldown asks for many transforms at once and they are spread over the workers, so a cold
 * build compiles on every core instead of one. A file that kills its worker fails alone,
 * naming itself; after MAX_RESTARTS dead workers the pool fails every file rather than hang.
 */
import type { MdxRenderResult } from 'astro/markdown';
import { WorkerFailedError, WorkerPool } from '../../server/worker-pool.ts';
import type { CompileRequest } from './messages.ts';

const MAX_RESTARTS = 4;
// Files each worker holds ahead: while Astro keeps the main thread busy (content sync, then
// bundling), a worker with a backlog compiles on instead of waiting to be sent the next file.
const PIPELINE = 16;

/** Compiles MDX on `size` worker threads. */
export class CompilePool {
  readonly #pool: WorkerPool<CompileRequest, MdxRenderResult>;

  /** `script` is the worker's module; tests give one that misbehaves on purpose. */
  constructor(size: number, script: URL = new URL('./worker.ts', import.meta.url)) {
    this.#pool = new WorkerPool({
      script,
      size,
      name: 'MDX compile worker',
      pipeline: PIPELINE,
      maxRestarts: MAX_RESTARTS,
    });
  }

  /** Compiles one file; a compile error comes back as the compiler threw it (with its position). */
  async compile(request: CompileRequest): Promise<MdxRenderResult> {
    try {
      return await this.#pool.run(request);
    } catch (error) {
      if (!(error instanceof WorkerFailedError)) throw error;
      throw new Error(`MDX compile worker failed while compiling ${request.filePath}: ${error.message}`);
    }
  }

  /** Stops every worker; files still waiting fail. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}
