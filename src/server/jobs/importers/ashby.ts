import {
  FeedFormatError,
  type JobInput,
  readLocation,
  type SalaryInput,
  type SalaryUnit,
  toEmploymentType,
  toIsoInstant,
} from './job-input.ts';
import {
  type FeedObject,
  type FeedParseResult,
  type ImporterOptions,
  isObject,
  optionalObject,
  optionalString,
  parseItems,
  requiredString,
} from './read.ts';

/**
 * Reads an Ashby job-board response (`GET /posting-api/job-board/<board>?includeCompensation=true`):
 * `{ "apiVersion": "1", "jobs": [...] }`. Unlisted jobs are skipped, not rejected.
 */
export function parseAshbyFeed(feed: unknown, options: ImporterOptions): FeedParseResult {
  if (!isObject(feed) || !Array.isArray(feed['jobs'])) {
    throw new FeedFormatError(
      'an Ashby feed is an object with a "jobs" list (the job board API /posting-api/job-board/<board>)',
    );
  }
  return parseItems(
    feed['jobs'],
    'an Ashby',
    (item) => 'jobUrl' in item || 'descriptionHtml' in item || 'isListed' in item,
    (item) => (item['isListed'] === false ? 'skip' : parseJob(item, options)),
  );
}

const INTERVALS: Record<string, SalaryUnit> = {
  '1 YEAR': 'YEAR',
  '1 MONTH': 'MONTH',
  '1 WEEK': 'WEEK',
  '1 DAY': 'DAY',
  '1 HOUR': 'HOUR',
};

function parseJob(item: FeedObject, options: ImporterOptions): JobInput {
  const place = readLocation(optionalString(item, 'location'));
  const remote =
    place.remote || item['isRemote'] === true || optionalString(item, 'workplaceType') === 'Remote';
  const country = optionalString(
    optionalObject(optionalObject(item, 'address') ?? {}, 'postalAddress') ?? {},
    'addressCountry',
  );
  const jobUrl = optionalString(item, 'jobUrl');
  return {
    externalId: optionalString(item, 'id') ?? requiredString(item, 'jobUrl'),
    title: requiredString(item, 'title'),
    company: options.company,
    location: place.location,
    remote,
    remoteRegions: remote && place.regions.length === 0 && country ? [country] : place.regions,
    employmentType: toEmploymentType(optionalString(item, 'employmentType')) ?? 'FULL_TIME',
    department: optionalString(item, 'department'),
    team: optionalString(item, 'team'),
    salary: readCompensation(optionalObject(item, 'compensation')),
    descriptionHtml: optionalString(item, 'descriptionHtml') ?? '',
    applyUrl: optionalString(item, 'applyUrl') ?? jobUrl ?? '',
    postedAt: toIsoInstant(item['publishedAt'], 'publishedAt'),
    validThrough: null,
    categories: null,
  };
}

function readCompensation(compensation: FeedObject | null): SalaryInput | null {
  const components = compensation?.['summaryComponents'];
  if (!Array.isArray(components)) return null;
  const salary = components.find((c): c is FeedObject => isObject(c) && c['compensationType'] === 'Salary');
  if (!salary) return null;
  const unit = INTERVALS[optionalString(salary, 'interval') ?? ''];
  const currency = optionalString(salary, 'currencyCode');
  if (!unit || !currency) return null;
  const bound = (key: string) => (typeof salary[key] === 'number' ? salary[key] : null);
  return { min: bound('minValue'), max: bound('maxValue'), currency: currency.toUpperCase(), unit };
}
