import type { Salary, SalaryUnit } from '../job.ts';
import { type FeedRecord, isObject, toEmploymentType } from './feed-record.ts';
import {
  FeedFormatError,
  type FeedParseResult,
  fallbackCompany,
  type ImporterOptions,
  type JobDraft,
  parseItems,
  salaryRange,
} from './read.ts';

/** Reads a Lever postings response (`GET /v0/postings/<site>?mode=json`): a list of postings. */
export function parseLeverFeed(feed: unknown, options: ImporterOptions): FeedParseResult {
  if (!Array.isArray(feed)) {
    throw new FeedFormatError(
      'a Lever feed is a list of postings (the Postings API /v0/postings/<site>?mode=json)',
    );
  }
  // Lever postings never name their company: refuse the feed before reading a record.
  const company = fallbackCompany(options, 'a Lever feed');
  return parseItems(
    feed,
    'a Lever',
    (item) => 'hostedUrl' in item || ('text' in item && 'categories' in item),
    (record) => parseJob(record, company),
    options,
  );
}

const INTERVALS: Record<string, SalaryUnit> = {
  'per-year-salary': 'YEAR',
  'per-month-salary': 'MONTH',
  'per-week-salary': 'WEEK',
  'per-day-wage': 'DAY',
  'per-hour-wage': 'HOUR',
};

function parseJob(record: FeedRecord, company: string): JobDraft {
  const categories = record.object('categories') ?? {};
  return {
    externalId: record.required('id'),
    title: record.required('text'),
    company,
    location: {
      label: record.string('location', categories),
      remote: record.string('workplaceType') === 'remote',
      country: record.string('country'),
    },
    employmentType: toEmploymentType(record.string('commitment', categories)) ?? 'FULL_TIME',
    department: record.string('department', categories),
    team: record.string('team', categories),
    salary: readSalary(record),
    descriptionHtml: joinDescription(record),
    applyUrl: record.string('applyUrl') ?? record.string('hostedUrl') ?? '',
    postedAt: record.date(record.item['createdAt'], 'createdAt'),
    validThrough: null,
    categories: null,
  };
}

/** Lever splits a posting into an opening, titled lists and a closing; the page shows them in order. */
function joinDescription(record: FeedRecord): string {
  const parts = [record.string('description') ?? ''];
  const lists = Array.isArray(record.item['lists']) ? record.item['lists'] : [];
  for (const list of lists) {
    if (!isObject(list)) continue;
    parts.push(
      `<h3>${escapeText(record.string('text', list) ?? '')}</h3><ul>${record.string('content', list) ?? ''}</ul>`,
    );
  }
  parts.push(record.string('additional') ?? '');
  return parts.filter(Boolean).join('\n');
}

function readSalary(record: FeedRecord): Salary | null {
  const range = record.object('salaryRange');
  if (!range) return null;
  return salaryRange(
    record,
    range,
    { interval: 'interval', currency: 'currency', min: 'min', max: 'max' },
    INTERVALS,
  );
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
