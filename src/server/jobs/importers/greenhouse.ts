import { decodeHTML } from 'entities';
import {
  FeedFormatError,
  type JobInput,
  readLocation,
  type SalaryInput,
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
 * Reads a Greenhouse Job Board API response (`GET /v1/boards/<token>/jobs?content=true`,
 * optionally with `pay_transparency=true`): `{ "jobs": [...], "meta": {...} }`.
 */
export function parseGreenhouseFeed(feed: unknown, options: ImporterOptions): FeedParseResult {
  if (!isObject(feed) || !Array.isArray(feed['jobs'])) {
    throw new FeedFormatError(
      'a Greenhouse feed is an object with a "jobs" list (the Job Board API /v1/boards/<token>/jobs?content=true)',
    );
  }
  return parseItems(
    feed['jobs'],
    'a Greenhouse',
    (item) => 'absolute_url' in item || 'internal_job_id' in item,
    (item) => parseJob(item, options),
  );
}

function parseJob(item: FeedObject, options: ImporterOptions): JobInput {
  const place = readLocation(optionalString(optionalObject(item, 'location') ?? {}, 'name'));
  // Greenhouse sends the description HTML entity-escaped ("&lt;p&gt;").
  const content = optionalString(item, 'content');
  return {
    externalId: requiredString(item, 'id'),
    title: requiredString(item, 'title'),
    company: optionalString(item, 'company_name') ?? options.company,
    location: place.location,
    remote: place.remote,
    remoteRegions: place.regions,
    employmentType: toEmploymentType(metadataValue(item, /employment|commitment|job type/i)) ?? 'FULL_TIME',
    department: firstName(item['departments']),
    team: null,
    salary: readPayRange(item['pay_input_ranges']),
    descriptionHtml: content ? decodeHTML(content) : '',
    applyUrl: requiredString(item, 'absolute_url'),
    postedAt: toIsoInstant(item['first_published'] ?? item['updated_at'], 'first_published'),
    validThrough: null,
    categories: null,
  };
}

function firstName(list: unknown): string | null {
  if (!Array.isArray(list)) return null;
  const first: unknown = list[0];
  return isObject(first) ? optionalString(first, 'name') : null;
}

function metadataValue(item: FeedObject, name: RegExp): string | null {
  const metadata = item['metadata'];
  if (!Array.isArray(metadata)) return null;
  const entry = metadata.find((m): m is FeedObject => isObject(m) && name.test(String(m['name'])));
  const value = entry?.['value'];
  return typeof value === 'string' ? value : null;
}

function readPayRange(ranges: unknown): SalaryInput | null {
  if (!Array.isArray(ranges) || !isObject(ranges[0])) return null;
  const range = ranges[0];
  // A negative amount stays negative so validation refuses it: rounding -5 cents gives -0,
  // which would pass as a salary of zero.
  const cents = (key: string) => {
    const value = range[key];
    if (typeof value !== 'number') return null;
    return value < 0 ? value : Math.round(value / 100);
  };
  const currency = optionalString(range, 'currency_type');
  if (!currency) return null;
  return { min: cents('min_cents'), max: cents('max_cents'), currency: currency.toUpperCase(), unit: 'YEAR' };
}
