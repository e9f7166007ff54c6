import type { Db } from '../db/database.ts';

/**
 * The columns of the jobs table this query reads (the jobs feature owns the table, its row
 * type and migration). Timestamps are ISO-8601 UTC text, so they compare correctly as strings.
 */
interface JobSitemapColumns {
  id: string;
  /** Set when the role closed; null while open. */
  closed_at: string | null;
  /** After this instant the role has expired; null for no end. */
  valid_through: string | null;
  updated_at: string;
}

/** An open role as the jobs sitemap lists it. */
export interface SitemapJob {
  id: string;
  /** ISO-8601 time of the role's last change, the sitemap's lastmod. */
  updatedAt: string;
}

/** Most URLs one sitemap file may hold (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;

/**
 * Roles open at `now` (not closed, closing date not passed: the same rule as the job listing),
 * most recently changed first, at most SITEMAP_URL_LIMIT of them.
 */
export async function listOpenJobsForSitemap(db: Db, now: Date = new Date()): Promise<SitemapJob[]> {
  const rows = await db
    .$extendTables<{ jobs: JobSitemapColumns }>()
    .selectFrom('jobs')
    .select(['id', 'updated_at'])
    .where('closed_at', 'is', null)
    .where((eb) => eb.or([eb('valid_through', 'is', null), eb('valid_through', '>', now.toISOString())]))
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(SITEMAP_URL_LIMIT)
    .execute();
  return rows.map((row) => ({ id: row.id, updatedAt: row.updated_at }));
}
