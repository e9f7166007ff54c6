/**
 * The order in which one process's writes take SQLite's single writer connection: a write
 * statement or a whole transaction at a time, first come first served. Waiting here is a
 * pending promise, never a blocked event loop.
 */
export class WriteQueue {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  /** Resolves once the caller holds the writer; every acquire must be paired with one release. */
  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Hands the writer to the next waiting caller, or frees it. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}
