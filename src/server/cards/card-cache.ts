/**
 * Drawn cards on disk, one `<hash>.png` per card, so a server restart or a redeploy never
 * draws a card twice (a drawing costs ~45 ms of CPU; reading the file back, see
 * docs/performance.md, a fraction of a millisecond). The hash covers the inputs, the layout
 * and the font, so a changed title or layout gets a new file and old files are never read again.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { getConfig } from '../platform/config/config.ts';

/** OG_CACHE_DIR, else node_modules/.cache/og under `root` (relative values are from the cwd). */
export function cardCacheDirectory(root: string): string {
  const configured = getConfig().OG_CACHE_DIR;
  return configured ? resolve(configured) : join(root, 'node_modules/.cache/og');
}

/** A folder of drawn cards named by hash. */
export class CardCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The cached PNG, or undefined when it was never drawn (or cannot be read). */
  async read(hash: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.#file(hash));
    } catch {
      return undefined;
    }
  }

  /**
   * Stores a PNG: written under a temporary name and renamed, so a crash or a concurrent
   * writer never leaves a truncated card. Throws when the folder is not writable.
   */
  async write(hash: string, png: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const partial = `${this.#file(hash)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await writeFile(partial, png);
      await rename(partial, this.#file(hash));
    } catch (error) {
      await rm(partial, { force: true }).catch(() => {});
      throw error;
    }
  }

  #file(hash: string): string {
    if (!/^[0-9a-f]{32}$/.test(hash)) throw new Error(`not a card hash: ${hash}`);
    return join(this.dir, `${hash}.png`);
  }
}
