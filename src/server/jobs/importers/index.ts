import { parseAshbyFeed } from './ashby.ts';
import { parseGreenhouseFeed } from './greenhouse.ts';
import { FeedFormatError } from './job-input.ts';
import { parseJsonFeed } from './json.ts';
import { parseLeverFeed } from './lever.ts';
import type { FeedParseResult, ImporterOptions, RejectedRecord } from './read.ts';

/** The feed formats `npm run jobs -- import --format` accepts. */
export const FEED_FORMATS = ['greenhouse', 'lever', 'ashby', 'json'] as const;
/** One of FEED_FORMATS. */
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
 * Parses a feed's text in the named format. Throws FeedFormatError when the text is not JSON
 * or not of that format; otherwise returns the good records and the rejected ones.
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

export type { FeedParseResult, ImporterOptions, RejectedRecord };
export { FeedFormatError };
