import { type Db, getDb } from '../platform/db/database.ts';
import { failureLog } from '../platform/log.ts';
import { clearAddressHashes } from './comment.repository.ts';

/** Client-address hashes are kept this long (for the rate limit), then cleared. */
export const ADDRESS_RETENTION_MS = 30 * 86_400_000;
/** How often a running server clears expired hashes: none outlives 30 days by more than this. */
const CLEANUP_EVERY_MS = 60 * 60_000;
/** The first cleanup waits this long: a server that just started has its first readers to serve. */
const FIRST_CLEANUP_MS = 60_000;

const report = failureLog('comments');

/** Clears the address hashes of comments older than the retention; returns how many. */
export function clearExpiredAddressHashes(db: Db, now = new Date()): Promise<number> {
  return clearAddressHashes(db, new Date(now.getTime() - ADDRESS_RETENTION_MS).toISOString());
}

/**
 * Clears expired hashes after `firstMs`, then every `everyMs`, in the background: the UPDATE
 * never runs inside a reader's request, so a post's reply does not wait behind it (on
 * PostgreSQL it queued behind every open transaction). Returns the function that stops it.
 */
export function scheduleAddressCleanup(
  db: Db,
  { firstMs = FIRST_CLEANUP_MS, everyMs = CLEANUP_EVERY_MS } = {},
): () => void {
  const run = () => {
    clearExpiredAddressHashes(db).catch((error: unknown) => report('address cleanup failed', error));
  };
  const first = setTimeout(run, firstMs);
  const every = setInterval(run, everyMs);
  // Housekeeping never keeps a process (a CLI command, a test) alive.
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

// The Astro bundle and a script may each load this module: one cleanup per process.
const SLOT = Symbol.for('engineering-blog.comments-cleanup');
type GlobalWithCleanup = typeof globalThis & { [SLOT]?: { db: Db; stop: () => void } | undefined };

/**
 * The shared database for the comments feature, with the address cleanup started on first
 * use in this process (and moved to a reopened database), so no server start-up hook is needed.
 */
export async function commentsDb(): Promise<Db> {
  const db = await getDb();
  const holder = globalThis as GlobalWithCleanup;
  if (holder[SLOT]?.db !== db) {
    holder[SLOT]?.stop();
    holder[SLOT] = { db, stop: scheduleAddressCleanup(db) };
  }
  return db;
}
