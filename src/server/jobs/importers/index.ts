import { FEED_FORMATS } from '../../platform/config/schema.ts';
import { parseAshbyFeed } from './ashby.ts';
import { parseGreenhouseFeed } from './greenhouse.ts';
import { parseJsonFeed } from './json.ts';
import { parseLeverFeed } from './lever.ts';
import {
  FeedFormatError,
  type FeedParseResult,
  type ImporterOptions,
  MissingCompanyError,
  type RecordWarning,
  type RejectedRecord,
} from './read.ts';

/** One of the feed formats the importers read (declared with JOBS_FEED_FORMAT in the configuration). */
export type FeedFormat = (typeof FEED_FORMATS)[number];

const parsers: Record<FeedFormat, (feed: unknown, options: ImporterOptions) => FeedParseResult> = {
  greenhouse: parseGreenhouseFeed,
  lever: parseLeverFeed,
  ashby: parseAshbyFeed,
  json: parseJsonFeed,
};

/** True when `value` names a supported feed format. */
export function isFeedFormat(value: string | undefined): value is FeedFormat {
  return FEED_FORMATS.includes(value as FeedFormat);
}

/**
 * Parses a feed's text in the named format. Throws FeedFormatError when the text is not JSON,
 * not of that format, or names no company while the options give none; otherwise returns the
 * good records, the rejected ones with all their problems, and warnings about the good ones.
 */
export function parseFeed(text: string, format: FeedFormat, options: ImporterOptions): FeedParseResult {
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch (error) {
    throw new FeedFormatError(
      `the feed is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parsers[format](feed, options);
}

export type { FeedParseResult, ImporterOptions, RecordWarning, RejectedRecord };
export { FEED_FORMATS, FeedFormatError, MissingCompanyError };
