import { FeedFormatError, type JobInput, RecordError, validateJobInput } from './job-input.ts';

/** A JSON object read from a feed, not yet trusted. */
export type FeedObject = Record<string, unknown>;

/** What the caller knows that a feed may leave out. */
export interface ImporterOptions {
  /** Company name for feeds that do not carry one (Lever, Ashby, older Greenhouse boards). */
  company: string;
  /** Category slugs that exist; the project's JSON format may name categories directly. */
  knownCategories: ReadonlySet<string>;
}

/** A record the importer could not take, by its 0-based index in the feed. */
export interface RejectedRecord {
  index: number;
  /** The record's id in the feed, when it had a readable one. */
  externalId: string | null;
  reason: string;
}

/** What an importer makes of a feed: the good records, the rejected ones, and unlisted ones skipped. */
export interface FeedParseResult {
  records: JobInput[];
  rejected: RejectedRecord[];
  /** Records the feed itself marks as not public (Ashby's isListed: false). */
  skipped: number;
}

/** True for a plain JSON object. */
export function isObject(value: unknown): value is FeedObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// C0 controls but tab and newlines, and DEL. Postgres refuses NUL in text, so one NUL in one
// record would otherwise fail the whole import's transaction.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Makes feed text storable as given on both databases: well-formed UTF-16 (a lone surrogate
 * would come back from the database as U+FFFD and look changed on every sync), no controls.
 */
export function cleanFeedText(value: string): string {
  return value.toWellFormed().replace(CONTROLS, '');
}

/** A trimmed, cleaned string field, or null when absent or empty; throws RecordError when of another type. */
export function optionalString(item: FeedObject, key: string): string | null {
  const value = item[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new RecordError(`${key} is not a string`);
  return cleanFeedText(value).trim() || null;
}

/** A string field that must be present. */
export function requiredString(item: FeedObject, key: string): string {
  const value = optionalString(item, key);
  if (value === null) throw new RecordError(`missing ${key}`);
  return value;
}

/** A number field, or null when absent; throws RecordError when not a finite number. */
export function optionalNumber(item: FeedObject, key: string): number | null {
  const value = item[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RecordError(`${key} is not a number`);
  return value;
}

/** A nested object field, or null when absent. */
export function optionalObject(item: FeedObject, key: string): FeedObject | null {
  const value = item[key];
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw new RecordError(`${key} is not an object`);
  return value;
}

/**
 * Parses each item of a feed's list with `parse`, validating the result; a failing item is
 * rejected with its index and reason, the others go on. When the list is not empty and no item
 * `looksLike` the format, the whole feed is refused: it is most likely another format.
 */
export function parseItems(
  items: unknown[],
  formatName: string,
  looksLike: (item: FeedObject) => boolean,
  parse: (item: FeedObject) => JobInput | 'skip',
): FeedParseResult {
  if (items.length > 0 && !items.some((item) => isObject(item) && looksLike(item))) {
    throw new FeedFormatError(`none of the ${items.length} records looks like ${formatName} job posting`);
  }
  const result: FeedParseResult = { records: [], rejected: [], skipped: 0 };
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const externalId =
      isObject(item) && ['string', 'number'].includes(typeof item['id'])
        ? cleanFeedText(String(item['id']))
        : null;
    try {
      if (!isObject(item)) throw new RecordError('not an object');
      const job = parse(item);
      if (job === 'skip') {
        result.skipped += 1;
        return;
      }
      if (seen.has(job.externalId))
        throw new RecordError(`id "${job.externalId}" appears earlier in the feed`);
      seen.add(job.externalId);
      result.records.push(validateJobInput(job));
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      result.rejected.push({ index, externalId, reason: error.message });
    }
  });
  return result;
}
