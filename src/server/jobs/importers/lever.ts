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
  optionalNumber,
  optionalObject,
  optionalString,
  parseItems,
  requiredString,
} from './read.ts';

/** Reads a Lever postings response (`GET /v0/postings/<site>?mode=json`): a list of postings. */
export function parseLeverFeed(feed: unknown, options: ImporterOptions): FeedParseResult {
  if (!Array.isArray(feed)) {
    throw new FeedFormatError(
      'a Lever feed is a list of postings (the Postings API /v0/postings/<site>?mode=json)',
    );
  }
  return parseItems(
    feed,
    'a Lever',
    (item) => 'hostedUrl' in item || ('text' in item && 'categories' in item),
    (item) => parseJob(item, options),
  );
}

const INTERVALS: Record<string, SalaryUnit> = {
  'per-year-salary': 'YEAR',
  'per-month-salary': 'MONTH',
  'per-week-salary': 'WEEK',
  'per-day-wage': 'DAY',
  'per-hour-wage': 'HOUR',
};

function parseJob(item: FeedObject, options: ImporterOptions): JobInput {
  const categories = optionalObject(item, 'categories') ?? {};
  const place = readLocation(optionalString(categories, 'location'));
  const remote = place.remote || optionalString(item, 'workplaceType') === 'remote';
  return {
    externalId: requiredString(item, 'id'),
    title: requiredString(item, 'text'),
    company: options.company,
    location: place.location,
    remote,
    remoteRegions:
      remote && place.regions.length === 0 && optionalString(item, 'country')
        ? [String(item['country'])]
        : place.regions,
    employmentType: toEmploymentType(optionalString(categories, 'commitment')) ?? 'FULL_TIME',
    department: optionalString(categories, 'department'),
    team: optionalString(categories, 'team'),
    salary: readSalary(optionalObject(item, 'salaryRange')),
    descriptionHtml: joinDescription(item),
    applyUrl: optionalString(item, 'applyUrl') ?? requiredString(item, 'hostedUrl'),
    postedAt: toIsoInstant(item['createdAt'], 'createdAt'),
    validThrough: null,
    categories: null,
  };
}

/** Lever splits a posting into an opening, titled lists and a closing; the page shows them in order. */
function joinDescription(item: FeedObject): string {
  const parts = [optionalString(item, 'description') ?? ''];
  const lists = Array.isArray(item['lists']) ? item['lists'] : [];
  for (const list of lists) {
    if (!isObject(list)) continue;
    parts.push(
      `<h3>${escapeText(optionalString(list, 'text') ?? '')}</h3><ul>${optionalString(list, 'content') ?? ''}</ul>`,
    );
  }
  parts.push(optionalString(item, 'additional') ?? '');
  return parts.filter(Boolean).join('\n');
}

function readSalary(range: FeedObject | null): SalaryInput | null {
  if (!range) return null;
  const unit = INTERVALS[optionalString(range, 'interval') ?? ''];
  const currency = optionalString(range, 'currency');
  // A one-time amount is not a salary schema.org can describe; the description still shows it.
  if (!unit || !currency) return null;
  return {
    min: optionalNumber(range, 'min'),
    max: optionalNumber(range, 'max'),
    currency: currency.toUpperCase(),
    unit,
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
