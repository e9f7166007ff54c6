import {
  EMPLOYMENT_TYPES,
  type EmploymentType,
  FeedFormatError,
  type JobInput,
  RecordError,
  SALARY_UNITS,
  type SalaryInput,
  type SalaryUnit,
  toIsoInstant,
} from './job-input.ts';
import {
  cleanFeedText,
  type FeedObject,
  type FeedParseResult,
  type ImporterOptions,
  isObject,
  optionalNumber,
  optionalObject,
  optionalString,
  parseItems,
  requiredString,
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
    (item) => parseJob(item, options),
  );
}

function parseJob(item: FeedObject, options: ImporterOptions): JobInput {
  const remote = item['remote'] ?? false;
  if (typeof remote !== 'boolean') throw new RecordError('remote is not true or false');
  const employmentType = requiredString(item, 'employmentType');
  if (!EMPLOYMENT_TYPES.includes(employmentType as EmploymentType)) {
    throw new RecordError(`employmentType "${employmentType}" is not one of ${EMPLOYMENT_TYPES.join(', ')}`);
  }
  const validThrough = item['validThrough'];
  return {
    externalId: requiredString(item, 'id'),
    title: requiredString(item, 'title'),
    company: requiredString(item, 'company'),
    location: optionalString(item, 'location'),
    remote,
    remoteRegions: stringList(item, 'remoteRegions'),
    employmentType: employmentType as EmploymentType,
    department: optionalString(item, 'department'),
    team: optionalString(item, 'team'),
    salary: readSalary(optionalObject(item, 'salary')),
    descriptionHtml: requiredString(item, 'description'),
    applyUrl: requiredString(item, 'applyUrl'),
    postedAt: toIsoInstant(item['postedAt'], 'postedAt'),
    validThrough:
      validThrough === undefined || validThrough === null ? null : toIsoInstant(validThrough, 'validThrough'),
    categories: readCategories(item, options.knownCategories),
  };
}

function stringList(item: FeedObject, key: string): string[] {
  const value = item[key] ?? [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new RecordError(`${key} is not a list of strings`);
  return value.map((v: string) => cleanFeedText(v).trim()).filter(Boolean);
}

function readCategories(item: FeedObject, known: ReadonlySet<string>): string[] | null {
  if (item['categories'] === undefined) return null;
  const categories = stringList(item, 'categories');
  const unknown = categories.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new RecordError(
      `unknown categor${unknown.length === 1 ? 'y' : 'ies'} ${unknown.join(', ')} (known: ${[...known].join(', ')})`,
    );
  }
  // A category named twice is one category; stored twice it would break the import's transaction.
  return [...new Set(categories)];
}

function readSalary(salary: FeedObject | null): SalaryInput | null {
  if (!salary) return null;
  const unit = optionalString(salary, 'unit') ?? 'YEAR';
  if (!SALARY_UNITS.includes(unit as SalaryUnit))
    throw new RecordError(`salary unit "${unit}" is not one of ${SALARY_UNITS.join(', ')}`);
  return {
    min: optionalNumber(salary, 'min'),
    max: optionalNumber(salary, 'max'),
    currency: requiredString(salary, 'currency').toUpperCase(),
    unit: unit as SalaryUnit,
  };
}
