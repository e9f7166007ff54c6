/**
 * Keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
 * template code are unchanged since the last build is copied instead of rendered again.
 */
import { createHash } from 'node:crypto';

/**
 * A key that changes whenever `data` (everything the page shows besides its template) changes.
 * Dates are hashed as ISO strings; key order is the order the caller builds the object in.
 */
export function pageCacheKey(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 32);
}
