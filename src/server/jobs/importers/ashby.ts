import type { Salary, SalaryUnit } from '../job.ts';
import { type FeedRecord, isObject, toEmploymentType } from './feed-record.ts';
import {
  type FeedParseResult,
  fallbackCompany,
  type ImporterOptions,
  type JobDraft,
  jobsListOf,
  parseItems,
  salaryRange,
} from './read.ts';

/**
 * Reads an Ashby job-board response (`GET /posting-api/job-board/<board>?includeCompensation=true`):
 * `{ "apiVersion": "1", "jobs": [...] }`. Unlisted jobs are skipped, not rejected.
 */
export function parseAshbyFeed(feed: unknown, options: ImporterOptions): FeedParseResult {
  const jobs = jobsListOf(
    feed,
    'an Ashby feed is an object with a "jobs" list (the job board API /posting-api/job-board/<board>)',
  );
  // Ashby boards never name their company: refuse the feed before reading a record.
  const company = fallbackCompany(options, 'an Ashby feed');
  return parseItems(
    jobs,
    'an Ashby',
    (item) => 'jobUrl' in item || 'descriptionHtml' in item || 'isListed' in item,
    (record) => (record.item['isListed'] === false ? 'skip' : parseJob(record, company)),
    options,
  );
}

const INTERVALS: Record<string, SalaryUnit> = {
  '1 YEAR': 'YEAR',
  '1 MONTH': 'MONTH',
  '1 WEEK': 'WEEK',
  '1 DAY': 'DAY',
  '1 HOUR': 'HOUR',
};

function parseJob(record: FeedRecord, company: string): JobDraft {
  const remote = record.item['isRemote'] === true || record.string('workplaceType') === 'Remote';
  const address = record.object('postalAddress', record.object('address') ?? {}) ?? {};
  return {
    externalId: record.string('id') ?? record.required('jobUrl'),
    title: record.required('title'),
    company,
    location: {
      label: record.string('location'),
      remote,
      city: record.string('addressLocality', address),
      region: record.string('addressRegion', address),
      country: record.string('addressCountry', address),
    },
    employmentType: toEmploymentType(record.string('employmentType')) ?? 'FULL_TIME',
    department: record.string('department'),
    team: record.string('team'),
    salary: readCompensation(record),
    descriptionHtml: record.string('descriptionHtml') ?? '',
    applyUrl: record.string('applyUrl') ?? record.string('jobUrl') ?? '',
    postedAt: record.date(record.item['publishedAt'], 'publishedAt'),
    validThrough: null,
    categories: null,
  };
}

/** The "Salary" component of Ashby's compensation summary (bonus and equity are not base pay). */
function readCompensation(record: FeedRecord): Salary | null {
  const components = record.object('compensation')?.['summaryComponents'];
  if (!Array.isArray(components)) return null;
  const salary = components.find((c) => isObject(c) && c['compensationType'] === 'Salary');
  if (!isObject(salary)) return null;
  return salaryRange(
    record,
    salary,
    { interval: 'interval', currency: 'currencyCode', min: 'minValue', max: 'maxValue' },
    INTERVALS,
  );
}
