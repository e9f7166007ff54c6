/**
 * What the integrations that keep data in Astro's cache dir between builds (compiled MDX, the
 * search index) share: how a forced build is recognised and how their inputs are hashed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The lockfile: any dependency change may change what a cache holds. */
export const LOCKFILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));

/** Whether this is `astro build --force`; Astro passes hooks no flag for it. */
export function isForcedBuild(): boolean {
  return process.argv.includes('--force');
}

/** A hash of files' paths and contents; a missing file hashes as missing. */
export function hashFiles(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('hex');
}
