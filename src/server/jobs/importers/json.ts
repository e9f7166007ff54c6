import { EMPLOYMENT_TYPES, type EmploymentType, SALARY_UNITS, type Salary, type SalaryUnit } from '../job.ts';
import { type FeedRecord, isObject } from './feed-record.ts';
import {
  FeedFormatError,
  type FeedParseResult,
  type ImporterOptions,
  type JobDraft,
  parseItems,
} from './read.ts';

/** Reads the project's own feed format, `{ "version": 1, "jobs": [...] }`, documented in docs/jobs.md. */
export function parseJsonFeed(feed: unknown, options: ImporterOptions): FeedParseResult {
  if (!isObject(feed) || feed['version'] !== 1 || !Array.isArray(feed['jobs'])) {
    throw new FeedFormatError(
      'a feed in the project JSON format is an object { "version": 1, "jobs": [...] } (see docs/jobs.md)',
    );
  }
  return parseItems(
    feed['jobs'],
    'a project JSON',
    (item) => 'applyUrl' in item || 'postedAt' in item,
    (record) => parseJob(record, options),
    options,
  );
}

function parseJob(record: FeedRecord, options: ImporterOptions): JobDraft {
  const remote = record.item['remote'] ?? false;
  if (typeof remote !== 'boolean') record.problem('remote is not true or false');
  const employmentType = record.required('employmentType');
  if (employmentType && !EMPLOYMENT_TYPES.includes(employmentType as EmploymentType)) {
    record.problem(`employmentType "${employmentType}" is not one of ${EMPLOYMENT_TYPES.join(', ')}`);
  }
  const validThrough = record.item['validThrough'];
  return {
    externalId: record.required('id'),
    title: record.required('title'),
    company: record.required('company'),
    location: {
      label: record.string('location'),
      remote: remote === true,
      remoteRegions: record.strings('remoteRegions'),
      city: record.string('city'),
      region: record.string('region'),
      country: record.string('country'),
    },
    employmentType: EMPLOYMENT_TYPES.includes(employmentType as EmploymentType)
      ? (employmentType as EmploymentType)
      : 'OTHER',
    department: record.string('department'),
    team: record.string('team'),
    salary: readSalary(record),
    descriptionHtml: record.required('description'),
    applyUrl: record.string('applyUrl') ?? '',
    postedAt: record.date(record.item['postedAt'], 'postedAt'),
    validThrough:
      validThrough === undefined || validThrough === null
        ? null
        : record.date(validThrough, 'validThrough') || null,
    categories: readCategories(record, options.knownCategories),
  };
}

function readCategories(record: FeedRecord, known: ReadonlySet<string>): string[] | null {
  if (record.item['categories'] === undefined) return null;
  const categories = record.strings('categories');
  const unknown = categories.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    record.problem(
      `unknown categor${unknown.length === 1 ? 'y' : 'ies'} ${unknown.join(', ')} (known: ${[...known].join(', ')})`,
    );
  }
  // A category named twice is one category; stored twice it would break the import's transaction.
  return [...new Set(categories)];
}

function readSalary(record: FeedRecord): Salary | null {
  const salary = record.object('salary');
  if (!salary) return null;
  const unit = record.string('unit', salary) ?? 'YEAR';
  if (!SALARY_UNITS.includes(unit as SalaryUnit))
    record.problem(`salary unit "${unit}" is not one of ${SALARY_UNITS.join(', ')}`);
  return {
    min: record.number('min', salary),
    max: record.number('max', salary),
    currency: record.required('currency', salary).toUpperCase(),
    unit: unit as SalaryUnit,
  };
}
