import { randomBytes } from 'node:crypto';
import type { Db } from '../platform/db/database.ts';
import type { EmploymentType, JobInput, SalaryInput, SalaryUnit } from './importers/job-input.ts';
import {
  closeJobs,
  countOpenJobs,
  findCategoriesForJobs,
  findJobById,
  insertJob,
  listOpenJobs,
  replaceJobCategories,
} from './job.repository.ts';
import type { JobRow, NewJobRow } from './job.table.ts';
import { sanitizeDescription } from './job-description.ts';

/** A role as pages and the island show it. */
export interface Job {
  id: string;
  source: string;
  externalId: string;
  title: string;
  company: string;
  location: string | null;
  remote: boolean;
  remoteRegions: string[];
  employmentType: EmploymentType;
  department: string | null;
  team: string | null;
  salary: SalaryInput | null;
  /** Sanitised when stored; safe to render. */
  descriptionHtml: string;
  applyUrl: string;
  postedAt: Date;
  validThrough: Date | null;
  closedAt: Date | null;
  categories: string[];
  /** open, closed (left its feed or closed by hand) or expired (past validThrough). */
  status: 'open' | 'closed' | 'expired';
}

/** A new row id: short, URL-safe and unguessable enough that ids do not reveal feed order. */
export function newJobId(): string {
  return randomBytes(9).toString('base64url');
}

/** Maps a stored row (and its categories) to a Job, judging its status at `now`. */
export function toJob(row: JobRow, categories: string[], now = new Date()): Job {
  const validThrough = row.valid_through ? new Date(row.valid_through) : null;
  const salary: SalaryInput | null =
    row.salary_currency && (row.salary_min !== null || row.salary_max !== null)
      ? {
          min: row.salary_min,
          max: row.salary_max,
          currency: row.salary_currency,
          unit: (row.salary_unit ?? 'YEAR') as SalaryUnit,
        }
      : null;
  return {
    id: row.id,
    source: row.source,
    externalId: row.external_id,
    title: row.title,
    company: row.company,
    location: row.location,
    remote: row.remote === 1,
    remoteRegions: row.remote_regions ? row.remote_regions.split(',') : [],
    employmentType: row.employment_type as EmploymentType,
    department: row.department,
    team: row.team,
    salary,
    descriptionHtml: row.description_html,
    applyUrl: row.apply_url,
    postedAt: new Date(row.posted_at),
    validThrough,
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
    categories,
    status: row.closed_at ? 'closed' : validThrough && validThrough <= now ? 'expired' : 'open',
  };
}

/** The row columns a JobInput sets (everything but id, source, timestamps and state). */
export function toRowFields(input: JobInput) {
  return {
    external_id: input.externalId,
    title: input.title,
    company: input.company,
    location: input.location,
    remote: input.remote ? 1 : 0,
    remote_regions: input.remoteRegions.length > 0 ? input.remoteRegions.join(',') : null,
    employment_type: input.employmentType,
    department: input.department,
    team: input.team,
    salary_min: input.salary?.min ?? null,
    salary_max: input.salary?.max ?? null,
    salary_currency: input.salary?.currency ?? null,
    salary_unit: input.salary?.unit ?? null,
    description_html: sanitizeDescription(input.descriptionHtml),
    apply_url: input.applyUrl,
    posted_at: input.postedAt,
    valid_through: input.validThrough,
  };
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

/** Adds one role by hand (source `manual` unless given) and returns its id. */
export async function addJob(
  db: Db,
  input: JobInput,
  categories: string[],
  source = 'manual',
  now = new Date(),
): Promise<string> {
  const id = newJobId();
  const at = now.toISOString();
  const row: NewJobRow = {
    id,
    source,
    ...toRowFields(input),
    closed_at: null,
    created_at: at,
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await insertJob(trx, row);
    await replaceJobCategories(trx, id, categories);
  });
  return id;
}

/** Closes one role; false when no open role has that id. */
export async function closeJob(db: Db, id: string, now = new Date()): Promise<boolean> {
  return (await closeJobs(db, [id], now.toISOString())) > 0;
}
