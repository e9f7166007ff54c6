import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCategoryMapping } from '../../../src/server/jobs/category-mapping.ts';
import { FEED_FORMATS, FeedFormatError, parseFeed } from '../../../src/server/jobs/importers/index.ts';
import { isHttpUrl } from '../../../src/server/jobs/job-input.ts';
import { toRowFields } from '../../../src/server/jobs/job-row.ts';
import { feedText } from './feeds.ts';
import { FUZZ_SEED, runs } from './hostile.ts';
import { findUnsafeHtml } from './html-safety.ts';

const mapping = loadCategoryMapping('content');
const options = {
  company: 'Fuzz Co',
  knownCategories: mapping.known,
  locationDefaults: { remoteRegions: ['EU'], country: 'GB' },
};
const DESCRIPTION_RULES = {
  tags: new Set([
    '#document-fragment',
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'a',
    'h3',
    'h4',
    'h5',
    'blockquote',
    'code',
    'pre',
  ]),
  schemes: ['http', 'https', 'mailto'],
  // sanitize-html keeps relative links; they resolve on this site and cannot run script.
  relativeLinks: true,
};

/** How many items the parsed feed's list held, when it parsed as JSON with a list. */
function itemCount(text: string): number | undefined {
  try {
    const feed: unknown = JSON.parse(text);
    const list = Array.isArray(feed) ? feed : (feed as { jobs?: unknown } | null)?.jobs;
    return Array.isArray(list) ? list.length : undefined;
  } catch {
    return undefined;
  }
}

describe.each(FEED_FORMATS)('the %s importer under generated feeds', (format) => {
  test('throws only FeedFormatError, accounts for every item and hands on only safe records', () => {
    const seen = { feeds: 0, refused: 0, records: 0, rejected: 0 };
    fc.assert(
      fc.property(feedText(format), (text) => {
        seen.feeds += 1;
        let result: ReturnType<typeof parseFeed>;
        try {
          result = parseFeed(text, format, options);
        } catch (error) {
          if (!(error instanceof FeedFormatError)) throw error;
          expect(error.message).not.toBe('');
          seen.refused += 1;
          return;
        }
        seen.records += result.records.length;
        seen.rejected += result.rejected.length;
        // Every item is a record, a rejection with its index, or skipped as unlisted.
        expect(result.records.length + result.rejected.length + result.skipped).toBe(itemCount(text));
        const indexes = result.rejected.map((r) => r.index);
        expect(new Set(indexes).size).toBe(indexes.length);
        for (const rejected of result.rejected) {
          expect(Number.isInteger(rejected.index) && rejected.index >= 0).toBe(true);
          expect(rejected.problems.length).toBeGreaterThan(0);
          for (const problem of rejected.problems) expect(problem.trim()).not.toBe('');
        }
        const ids = result.records.map((r) => r.externalId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const record of result.records) {
          expect(isHttpUrl(record.applyUrl)).toBe(true);
          expect(record.title.trim()).not.toBe('');
          expect(record.title.length).toBeLessThanOrEqual(300);
          const stored = toRowFields(record).description_html;
          expect(findUnsafeHtml(stored, DESCRIPTION_RULES)).toEqual([]);
        }
        // Parsing must not have poisoned Object.prototype through a "__proto__" key.
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { seed: FUZZ_SEED, numRuns: runs(600) },
    );
    // The generators must reach both sides of every decision, or the run proves little.
    expect(seen.refused).toBeGreaterThan(20);
    expect(seen.records).toBeGreaterThan(50);
    expect(seen.rejected).toBeGreaterThan(100);
    console.info(
      `${format}: ${seen.feeds} feeds, ${seen.refused} refused, ${seen.records} records, ${seen.rejected} rejected`,
    );
  });
});
