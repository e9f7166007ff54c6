import { decodeHTML } from 'entities';
import type { Salary } from '../job.ts';
import { type FeedObject, type FeedRecord, isObject, toEmploymentType } from './feed-record.ts';
import {
  type FeedParseResult,
  fallbackCompany,
  type ImporterOptions,
  type JobDraft,
  jobsListOf,
  parseItems,
} from './read.ts';

/**
 * Reads a Greenhouse Job Board API response (`GET /v1/boards/<token>/jobs?content=true`,
 * optionally with `pay_transparency=true`): `{ "jobs": [...], "meta": {...} }`.
 */
export function parseGreenhouseFeed(feed: unknown, options: ImporterOptions): FeedParseResult {
  const jobs = jobsListOf(
    feed,
    'a Greenhouse feed is an object with a "jobs" list (the Job Board API /v1/boards/<token>/jobs?content=true)',
  );
  return parseItems(
    jobs,
    'a Greenhouse',
    (item) => 'absolute_url' in item || 'internal_job_id' in item,
    (record) => parseJob(record, options),
    options,
  );
}

function parseJob(record: FeedRecord, options: ImporterOptions): JobDraft {
  const id = record.required('id');
  // Greenhouse sends the description HTML entity-escaped ("&lt;p&gt;").
  const content = record.string('content');
  return {
    externalId: id,
    title: record.required('title'),
    // Older boards leave company_name out; then the whole feed needs a company from the operator.
    company: record.string('company_name') ?? fallbackCompany(options, `Greenhouse record ${id}`),
    location: { label: record.string('name', record.object('location') ?? {}) },
    employmentType: toEmploymentType(metadataValue(record, /employment|commitment|job type/i)) ?? 'FULL_TIME',
    department: firstName(record, record.item['departments']),
    team: null,
    salary: readPayRange(record),
    descriptionHtml: content ? decodeHTML(content) : '',
    applyUrl: record.string('absolute_url') ?? '',
    postedAt: record.date(record.item['first_published'] ?? record.item['updated_at'], 'first_published'),
    validThrough: null,
    categories: null,
  };
}

function firstName(record: FeedRecord, list: unknown): string | null {
  if (!Array.isArray(list)) return null;
  const first: unknown = list[0];
  return isObject(first) ? record.string('name', first) : null;
}

function metadataValue(record: FeedRecord, name: RegExp): string | null {
  const metadata = record.item['metadata'];
  if (!Array.isArray(metadata)) return null;
  const entry = metadata.find((m): m is FeedObject => isObject(m) && name.test(String(m['name'])));
  const value = entry?.['value'];
  return typeof value === 'string' ? value : null;
}

/** The first pay range (Greenhouse's pay transparency); amounts are in cents and yearly. */
function readPayRange(record: FeedRecord): Salary | null {
  const ranges = record.item['pay_input_ranges'];
  if (!Array.isArray(ranges) || !isObject(ranges[0])) return null;
  const range = ranges[0];
  // A negative amount stays negative so validation refuses it: rounding -5 cents gives -0,
  // which would pass as a salary of zero.
  const cents = (key: string) => {
    const value = record.number(key, range);
    return value === null || value < 0 ? value : Math.round(value / 100);
  };
  const currency = record.string('currency_type', range);
  if (!currency) return null;
  return { min: cents('min_cents'), max: cents('max_cents'), currency: currency.toUpperCase(), unit: 'YEAR' };
}
