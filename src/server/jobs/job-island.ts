import { getDb } from '../platform/db/database.ts';
import { reportFailure } from '../platform/log.ts';
import { getRolesForCategories } from './job.service.ts';
import type { Job } from './job.ts';

/** What the island shows: roles in the article's categories, or the newest roles when none match. */
export interface IslandRoles {
  matching: boolean;
  jobs: Job[];
}

/**
 * How long a database answer is reused. This cache is the island's data layer: it is keyed by
 * the set of categories, not by article, so however many articles a site has, the database
 * sees one read per set every 5 s (the server's response cache, per article URL, sits in front:
 * src/server/http/release.ts). It also holds the last good answer for the failure path below.
 */
const FRESH_MS = 5_000;
/** Longest the island waits for the database before it shows its fallback. */
const DEADLINE_MS = 500;
/** When the database fails, an answer up to this old is still better than no roles. */
const STALE_MS = 60_000;
/** After a failure, answers come straight from what is at hand for this long, without waiting again. */
const BACK_OFF_MS = 2_000;

interface Entry {
  value: IslandRoles | null;
  at: number;
  pending: Promise<IslandRoles> | null;
}

const entries = new Map<string, Entry>();
let failedAt = Number.NEGATIVE_INFINITY;

function logFailure(error: unknown): void {
  failedAt = Date.now();
  reportFailure('island is showing its fallback', error);
}

function refresh(key: string, entry: Entry, categories: string[]): Promise<IslandRoles> {
  entry.pending ??= (async () => getRolesForCategories(await getDb(), categories, 5))()
    .then((value) => {
      entry.value = value;
      entry.at = Date.now();
      return value;
    })
    .finally(() => {
      entry.pending = null;
    });
  entries.set(key, entry);
  return entry.pending;
}

/**
 * The island's roles for the article's categories, read through a short in-process cache
 * shared by concurrent requests. Resolves within DEADLINE_MS: with null when the database is
 * down or slow and no recent answer is at hand, so the island shows its fallback.
 */
export async function getIslandRoles(categories: readonly string[]): Promise<IslandRoles | null> {
  const sorted = [...new Set(categories)].sort();
  const key = sorted.join(',');
  const entry = entries.get(key) ?? { value: null, at: 0, pending: null };
  const age = Date.now() - entry.at;
  if (entry.value && age < FRESH_MS) return entry.value;
  const stale = entry.value && age < STALE_MS ? entry.value : null;
  if (Date.now() - failedAt < BACK_OFF_MS) {
    // While the database is failing, try it again in the background, not on every request.
    refresh(key, entry, sorted).catch(logFailure);
    return stale;
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the database did not answer within ${DEADLINE_MS} ms`)),
      DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([refresh(key, entry, sorted), deadline]);
  } catch (error) {
    logFailure(error);
    return stale;
  } finally {
    clearTimeout(timer);
  }
}
