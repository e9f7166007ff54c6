import { type JobInput, RecordError, type Salary, type SalaryUnit } from '../job.ts';
import { type FeedParseResult, findJobInputProblems, type JobDraft } from '../job-input.ts';
import { type LocationDefaults, normaliseLocation } from '../job-location.ts';
import { cleanFeedText, type FeedObject, FeedRecord, isObject } from './feed-record.ts';

/** A feed that cannot be imported at all (not JSON, or not of the named format); nothing changes. */
export class FeedFormatError extends Error {}

/** A feed whose roles name no company while neither `--company` nor the source's profile gives one. */
export class MissingCompanyError extends FeedFormatError {
  /** What names no company ("a Lever feed", "Greenhouse record 4012002"). */
  readonly subject: string;
  constructor(
    subject: string,
    message = `${subject} names no company: give --company NAME or a "name" in the source's profile`,
  ) {
    super(message);
    this.subject = subject;
  }
}

/** What the caller knows that a feed may leave out. */
export interface ImporterOptions {
  /** Company for feeds that name none (Lever, Ashby, older Greenhouse boards); null when nobody gave one. */
  company: string | null;
  /** Category slugs that exist; the project's JSON format may name categories directly. */
  knownCategories: ReadonlySet<string>;
  /** The source profile's defaults for remote areas and office countries a feed leaves out. */
  locationDefaults: LocationDefaults;
}

export type { FeedParseResult, JobDraft, RecordWarning, RejectedRecord } from '../job-input.ts';

/** The feed's `jobs` list (Greenhouse and Ashby answer `{ "jobs": [...] }`), or FeedFormatError saying what was expected. */
export function jobsListOf(feed: unknown, expected: string): unknown[] {
  if (isObject(feed) && Array.isArray(feed['jobs'])) return feed['jobs'];
  throw new FeedFormatError(expected);
}

/**
 * A pay range from one object of a record: its interval mapped to a unit (an interval with no
 * unit, such as a one-time amount, is not a salary schema.org can describe), its currency and
 * its bounds, read under the names the feed uses.
 */
export function salaryRange(
  record: FeedRecord,
  range: FeedObject,
  names: { interval: string; currency: string; min: string; max: string },
  intervals: Readonly<Record<string, SalaryUnit>>,
): Salary | null {
  const unit = intervals[record.string(names.interval, range) ?? ''];
  const currency = record.string(names.currency, range);
  if (!unit || !currency) return null;
  return {
    min: record.number(names.min, range),
    max: record.number(names.max, range),
    currency: currency.toUpperCase(),
    unit,
  };
}

/** The company for a role whose feed names none, or MissingCompanyError: nothing is imported then. */
export function fallbackCompany(options: ImporterOptions, what: string): string {
  if (options.company) return options.company;
  throw new MissingCompanyError(what);
}

/**
 * Parses each item of a feed's list with `parse`, normalises its location and validates it;
 * an item with problems is rejected with its index and every problem, the others go on. When
 * the list is not empty and no item `looksLike` the format, the whole feed is refused: it is
 * most likely another format.
 */
export function parseItems(
  items: unknown[],
  formatName: string,
  looksLike: (item: FeedObject) => boolean,
  parse: (record: FeedRecord) => JobDraft | 'skip',
  options: ImporterOptions,
): FeedParseResult {
  if (items.length > 0 && !items.some((item) => isObject(item) && looksLike(item))) {
    throw new FeedFormatError(`none of the ${items.length} records looks like ${formatName} job posting`);
  }
  const result: FeedParseResult = { records: [], rejected: [], skipped: 0, warnings: [] };
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const externalId =
      isObject(item) && ['string', 'number'].includes(typeof item['id'])
        ? cleanFeedText(String(item['id']))
        : null;
    try {
      if (!isObject(item)) throw new RecordError('not an object');
      const record = new FeedRecord(item);
      const draft = parse(record);
      if (draft === 'skip') {
        result.skipped += 1;
        return;
      }
      if (seen.has(draft.externalId)) record.problem(`id "${draft.externalId}" appears earlier in the feed`);
      const { location, warnings } = normaliseLocation(draft.location, options.locationDefaults);
      const job: JobInput = { ...draft, location };
      for (const problem of findJobInputProblems(job)) record.problem(problem);
      if (record.problems.length > 0) throw new RecordError(record.problems);
      seen.add(job.externalId);
      result.records.push(job);
      for (const message of warnings) result.warnings.push({ index, externalId: job.externalId, message });
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      result.rejected.push({ index, externalId, problems: error.problems });
    }
  });
  return result;
}
