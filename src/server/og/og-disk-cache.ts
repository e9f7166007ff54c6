/**
 * Drawn cards on disk, one `<hash>.png` per card, so neither a rebuild nor a server restart
 * draws a card twice. The hash covers the inputs, the layout and the font, so a changed
 * title or layout gets a new file and old files are simply never read again.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { getConfig } from '../platform/config/config.ts';

/** OG_CACHE_DIR, else node_modules/.cache/og under `root` (relative values are from the cwd). */
export function ogCacheDirectory(root: string): string {
  const configured = getConfig().OG_CACHE_DIR;
  return configured ? resolve(configured) : join(root, 'node_modules/.cache/og');
}

/** A folder of drawn cards named by hash. */
export class OgDiskCache {
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
