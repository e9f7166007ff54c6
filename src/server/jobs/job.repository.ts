import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { JobRow, JobRowUpdate, NewJobRow } from './job.table.ts';

type Db = Kysely<Database>;

/** Filters for listing open roles. */
export interface OpenJobsQuery {
  /** ISO instant; roles whose validThrough is at or before it are expired. */
  now: string;
  /** Only roles in at least one of these categories. */
  categories?: readonly string[];
  /** Words that must each appear in the title, company, location, department or team. */
  words?: readonly string[];
  limit: number;
  offset?: number;
}

function openJobs(query: Omit<OpenJobsQuery, 'limit' | 'offset'>) {
  return (eb: ExpressionBuilder<Database, 'jobs'>) => {
    const conditions = [
      eb('jobs.closed_at', 'is', null),
      eb.or([eb('jobs.valid_through', 'is', null), eb('jobs.valid_through', '>', query.now)]),
    ];
    if (query.categories) {
      const categories = query.categories.length > 0 ? [...query.categories] : [''];
      conditions.push(
        eb.exists(
          eb
            .selectFrom('job_categories')
            .select('job_categories.job_id')
            .whereRef('job_categories.job_id', '=', 'jobs.id')
            .where('job_categories.category', 'in', categories),
        ),
      );
    }
    for (const word of query.words ?? []) {
      // LIKE with an escape character works the same on SQLite and Postgres; lower() makes it case-blind.
      const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const like = (column: string) =>
        sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`;
      conditions.push(
        eb.or(['jobs.title', 'jobs.company', 'jobs.location', 'jobs.department', 'jobs.team'].map(like)),
      );
    }
    return eb.and(conditions);
  };
}

/** An open role as the jobs sitemap lists it. */
export interface SitemapJob {
  id: string;
  /** ISO-8601 time of the role's last change, the sitemap's lastmod. */
  updatedAt: string;
}

/** Most URLs one sitemap file may hold (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;

/** Roles open at `now` (the listing's rule), most recently changed first, at most SITEMAP_URL_LIMIT. */
export async function listOpenJobsForSitemap(db: Db, now: Date = new Date()): Promise<SitemapJob[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['jobs.id', 'jobs.updated_at'])
    .where(openJobs({ now: now.toISOString() }))
    .orderBy('jobs.updated_at', 'desc')
    .orderBy('jobs.id')
    .limit(SITEMAP_URL_LIMIT)
    .execute();
  return rows.map((row) => ({ id: row.id, updatedAt: row.updated_at }));
}

/** Open, unexpired roles matching the query, newest first. */
export function listOpenJobs(db: Db, query: OpenJobsQuery): Promise<JobRow[]> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where(openJobs(query))
    .orderBy('jobs.posted_at', 'desc')
    .orderBy('jobs.id')
    .limit(query.limit)
    .offset(query.offset ?? 0)
    .execute();
}

/** How many open, unexpired roles match the query. */
export async function countOpenJobs(db: Db, query: Omit<OpenJobsQuery, 'limit' | 'offset'>): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(openJobs(query))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every role, open or not, newest first (the operator's `jobs list`). */
export function listAllJobs(db: Db, limit: number): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().orderBy('posted_at', 'desc').orderBy('id').limit(limit).execute();
}

/** One role by its id, open or not. */
export function findJobById(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every role of a source, open or not, keyed by the import. */
export function findJobsBySource(db: Db, source: string): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().where('source', '=', source).execute();
}

/** How many roles the store holds at all (a fresh database holds none). */
export async function countAllJobs(db: Db): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Inserts a role. */
export async function insertJob(db: Db, row: NewJobRow): Promise<void> {
  await db.insertInto('jobs').values(row).execute();
}

/** Updates a role's columns. */
export async function updateJob(db: Db, id: string, update: JobRowUpdate): Promise<void> {
  await db.updateTable('jobs').set(update).where('id', '=', id).execute();
}

/** Marks open roles closed; returns how many were open. */
export async function closeJobs(db: Db, ids: readonly string[], now: string): Promise<number> {
  let closed = 0;
  // Chunked so a large sync stays under SQLite's bound-parameter limit.
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const result = await db
      .updateTable('jobs')
      .set({ closed_at: now, updated_at: now })
      .where('id', 'in', chunk)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    closed += Number(result.numUpdatedRows);
  }
  return closed;
}

/** Moves the validThrough of the given roles (a sync that still lists them), leaving updated_at. */
export async function extendJobs(db: Db, ids: readonly string[], validThrough: string): Promise<void> {
  for (let start = 0; start < ids.length; start += 500) {
    await db
      .updateTable('jobs')
      .set({ valid_through: validThrough })
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
  }
}

/** Replaces a role's categories, keeping their order. */
export async function replaceJobCategories(
  db: Db,
  jobId: string,
  categories: readonly string[],
): Promise<void> {
  await db.deleteFrom('job_categories').where('job_id', '=', jobId).execute();
  if (categories.length === 0) return;
  await db
    .insertInto('job_categories')
    .values(categories.map((category, position) => ({ job_id: jobId, category, position })))
    .execute();
}

/** The categories of the given roles, in each role's order. */
export async function findCategoriesForJobs(
  db: Db,
  jobIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byJob = new Map<string, string[]>(jobIds.map((id) => [id, []]));
  for (let start = 0; start < jobIds.length; start += 500) {
    const rows = await db
      .selectFrom('job_categories')
      .select(['job_id', 'category'])
      .where('job_id', 'in', jobIds.slice(start, start + 500))
      .orderBy('job_id')
      .orderBy('position')
      .execute();
    for (const row of rows) byJob.get(row.job_id)?.push(row.category);
  }
  return byJob;
}
