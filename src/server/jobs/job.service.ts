import { randomBytes } from 'node:crypto';
import type { Db } from '../platform/db/database.ts';
import type { CompanyProfile } from './company-profiles.ts';
import {
  closeJobs,
  countOpenJobs,
  findCategoriesForJobs,
  findJobById,
  insertJob,
  listAllJobs,
  listOpenJobs,
  listOpenJobsForSitemap,
  replaceJobCategories,
  type SitemapJob,
} from './job.repository.ts';
import type { JobRow } from './job.table.ts';
import type { Job, JobInput } from './job.ts';
import { toJob, toRowFields } from './job-row.ts';
import { validityDays, validThroughFor } from './job-validity.ts';

/** A new row id: short, URL-safe and unguessable enough that ids do not reveal feed order. */
export function newJobId(): string {
  return randomBytes(9).toString('base64url');
}

async function withCategories(db: Db, rows: JobRow[], now: Date): Promise<Job[]> {
  const categories = await findCategoriesForJobs(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toJob(row, categories.get(row.id) ?? [], now));
}

/** One role by id, whatever its status; null when unknown. */
export async function getJob(db: Db, id: string, now = new Date()): Promise<Job | null> {
  const row = await findJobById(db, id);
  return row ? ((await withCategories(db, [row], now))[0] ?? null) : null;
}

/** The island's roles: up to `limit` open roles in the categories, else the newest open roles. */
export async function getRolesForCategories(
  db: Db,
  categories: readonly string[],
  limit: number,
  now = new Date(),
): Promise<{ matching: boolean; jobs: Job[] }> {
  const at = now.toISOString();
  const matching = await listOpenJobs(db, { now: at, categories, limit });
  if (matching.length > 0) return { matching: true, jobs: await withCategories(db, matching, now) };
  return { matching: false, jobs: await withCategories(db, await listOpenJobs(db, { now: at, limit }), now) };
}

/** A page of open roles, filtered by category and keywords, with the total count. */
export async function searchJobs(
  db: Db,
  options: { category?: string | undefined; query?: string | undefined; page: number; pageSize: number },
  now = new Date(),
): Promise<{ jobs: Job[]; total: number }> {
  const filter = {
    now: now.toISOString(),
    ...(options.category ? { categories: [options.category] } : {}),
    words: (options.query ?? '').split(/\s+/).filter(Boolean).slice(0, 8),
  };
  const [rows, total] = await Promise.all([
    listOpenJobs(db, { ...filter, limit: options.pageSize, offset: (options.page - 1) * options.pageSize }),
    countOpenJobs(db, filter),
  ]);
  return { jobs: await withCategories(db, rows, now), total };
}

/** The operator's list: open roles (or every role with `all`), newest first. */
export async function listJobs(
  db: Db,
  options: { all: boolean; limit: number },
  now = new Date(),
): Promise<Job[]> {
  const rows = options.all
    ? await listAllJobs(db, options.limit)
    : await listOpenJobs(db, { now: now.toISOString(), limit: options.limit });
  return withCategories(db, rows, now);
}

/** The open roles the jobs sitemap lists, most recently changed first. */
export function listSitemapRoles(db: Db, now = new Date()): Promise<SitemapJob[]> {
  return listOpenJobsForSitemap(db, now);
}

/**
 * Adds one role by hand (source `manual` unless given) and returns its id. Without its own
 * validThrough it stays open for the validity window: no sync extends a role added by hand.
 */
export async function addJob(
  db: Db,
  input: JobInput,
  categories: string[],
  options: { source?: string; profile?: CompanyProfile; now?: Date; validityDays?: number } = {},
): Promise<string> {
  const id = newJobId();
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const validThrough = validThroughFor(input, now, options.validityDays ?? validityDays());
  await db.transaction().execute(async (trx) => {
    await insertJob(trx, {
      id,
      source: options.source ?? 'manual',
      ...toRowFields(input, options.profile),
      valid_through: validThrough,
      closed_at: null,
      created_at: at,
      updated_at: at,
    });
    await replaceJobCategories(trx, id, categories);
  });
  return id;
}

/** Closes one role; false when no open role has that id. */
export async function closeJob(db: Db, id: string, now = new Date()): Promise<boolean> {
  return (await closeJobs(db, [id], now.toISOString())) > 0;
}
