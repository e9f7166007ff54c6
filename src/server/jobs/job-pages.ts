import type { JsonLd } from '../../lib/seo/json-ld.ts';
import { getDb } from '../platform/db/database.ts';
import { reportFailure } from '../platform/log.ts';
import { getJob, getRolesForCategories, searchJobs } from './job.service.ts';
import type { Job } from './job.ts';
import { describeAsText } from './job-description.ts';
import { type JobsPageQuery, jobsPageHref, readJobsQuery } from './job-listing-query.ts';
import { jobPostingJsonLd } from './job-posting.ts';

/** A blog category as the pages name it. */
export interface Category {
  id: string;
  name: string;
}

/** The status and headers a jobs page answers with. */
interface Answer {
  status: number;
  headers: Record<string, string>;
}

const UNAVAILABLE: Answer = { status: 503, headers: { 'Retry-After': '30' } };
const PAGE_SIZE = 20;

/** What `/jobs/` shows: the filter, a page of open roles (null when the database failed) and paging links. */
export interface JobsListing extends Answer {
  title: string;
  filter: JobsPageQuery;
  categoryName: string | undefined;
  result: { jobs: Job[]; total: number } | null;
  /** Filtered or later pages are kept out of the index. */
  filtered: boolean;
  page: { number: number; last: number; previous: string | null; next: string | null };
}

/** Reads `/jobs/?category=&q=&page=` and the matching page of open roles. */
export async function loadJobsListing(url: URL, categories: readonly Category[]): Promise<JobsListing> {
  const filter = readJobsQuery(url.searchParams, new Set(categories.map((c) => c.id)));
  const categoryName = categories.find((c) => c.id === filter.category)?.name;
  let result: JobsListing['result'] = null;
  let answer: Answer = {
    status: 200,
    headers: { 'Cache-Control': 'public, max-age=30, stale-while-revalidate=60' },
  };
  try {
    result = await searchJobs(await getDb(), { ...filter, pageSize: PAGE_SIZE });
  } catch (error) {
    reportFailure('/jobs/ could not read the database', error);
    answer = UNAVAILABLE;
  }
  const last = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  return {
    ...answer,
    title: categoryName ? `Open ${categoryName} roles` : 'Open roles',
    filter,
    categoryName,
    result,
    filtered: Boolean(filter.category || filter.query || filter.page > 1),
    page: {
      number: filter.page,
      last,
      previous: filter.page > 1 ? jobsPageHref({ ...filter, page: filter.page - 1 }) : null,
      next: filter.page < last ? jobsPageHref({ ...filter, page: filter.page + 1 }) : null,
    },
  };
}

/** What `/jobs/<id>/` shows: an open role, a closed one with similar roles, or why there is none. */
export type JobPage =
  | (Answer & { kind: 'open'; job: Job; description: string; jsonLd: JsonLd })
  | (Answer & {
      kind: 'closed';
      job: Job;
      similar: Job[];
      similarHref: string;
      similarName: string | undefined;
    })
  | (Answer & { kind: 'missing' | 'unavailable' });

/**
 * Reads one role for its page: open (200, cacheable, with its JobPosting JSON-LD), closed or
 * past its validThrough (410, with up to three open roles in its first category), unknown
 * (404), or the database failing (503, logged through the rate-limited failure log).
 */
export async function loadJobPage(
  id: string,
  pageUrl: URL,
  categories: readonly Category[],
): Promise<JobPage> {
  try {
    const db = await getDb();
    const job = await getJob(db, id);
    if (!job) return { kind: 'missing', status: 404, headers: {} };
    if (job.status === 'open') {
      return {
        kind: 'open',
        status: 200,
        headers: { 'Cache-Control': 'public, max-age=60, stale-while-revalidate=300' },
        job,
        description: describeAsText(job.descriptionHtml, 160) || job.title,
        // Typed by schema-dts when built; a plain JSON-LD node for the page's head.
        jsonLd: { ...jobPostingJsonLd(job, pageUrl) },
      };
    }
    const found = await getRolesForCategories(db, job.categories, 3);
    const first = job.categories[0];
    // Gone for good: search engines drop the page, readers get a way to similar roles.
    return {
      kind: 'closed',
      status: 410,
      headers: {},
      job,
      similar: found.matching ? found.jobs : [],
      similarHref: jobsPageHref({ category: first }),
      similarName: categories.find((c) => c.id === first)?.name,
    };
  } catch (error) {
    reportFailure('a job page could not read the database', error);
    return { kind: 'unavailable', ...UNAVAILABLE };
  }
}
