/**
 * The files of the MDX compile cache (index.ts): one per compile, named by a hash of its inputs
 * and a salt, written whole or not at all, pruned of what a build did not use.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { MdxRenderResult } from 'astro/markdown';

/** Compiled MDX on disk under `dir`; entries not used by a build can be pruned after it. */
export class CompileCache {
  readonly #dir: string;
  readonly #salt: string;
  readonly #used = new Set<string>();

  constructor(dir: string, salt: string) {
    this.#dir = dir;
    this.#salt = salt;
  }

  /** The entry name for one compile's inputs. */
  key(parts: readonly unknown[]): string {
    const hash = createHash('sha256').update(this.#salt);
    for (const part of parts)
      hash.update('\0').update(typeof part === 'string' ? part : JSON.stringify(part));
    return hash.digest('hex').slice(0, 40);
  }

  /** The cached result, or undefined (a missing or unreadable entry is a miss, never an error). */
  get(key: string): MdxRenderResult | undefined {
    try {
      const result = deserialize(readFileSync(join(this.#dir, key))) as MdxRenderResult;
      this.#used.add(key);
      return result;
    } catch {
      return undefined;
    }
  }

  /**
   * Stores a result; written then renamed, so an interrupted build never leaves half an entry.
   * Best effort: a full disk or a read-only cache costs the next build time, never this one.
   * Returns the error when the entry could not be written.
   */
  set(key: string, result: MdxRenderResult): Error | undefined {
    this.#used.add(key);
    const partial = join(this.#dir, `${key}.${process.pid}.tmp`);
    try {
      mkdirSync(this.#dir, { recursive: true });
      writeFileSync(partial, serialize(result));
      renameSync(partial, join(this.#dir, key));
      return undefined;
    } catch (error) {
      try {
        rmSync(partial, { force: true });
      } catch {
        // Nothing was written where nothing can be.
      }
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /**
   * Removes every entry this process did not read or write; returns how many. Files being
   * written (`.tmp`), possibly by another build sharing the cache, are left alone.
   */
  prune(): number {
    let removed = 0;
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (this.#used.has(name) || name.endsWith('.tmp')) continue;
      rmSync(join(this.#dir, name), { force: true });
      removed++;
    }
    return removed;
  }

  /** Empties the cache (`astro build --force`). */
  clear(): void {
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
