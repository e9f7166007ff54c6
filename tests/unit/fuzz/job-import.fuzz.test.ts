import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCategoryMapping } from '../../../src/server/jobs/category-mapping.ts';
import {
  FEED_FORMATS,
  FeedFormatError,
  type FeedParseResult,
  parseFeed,
} from '../../../src/server/jobs/importers/index.ts';
import { countAllJobs, findJobsBySource } from '../../../src/server/jobs/job.repository.ts';
import { importFeed } from '../../../src/server/jobs/job-import.service.ts';
import { toRowFields } from '../../../src/server/jobs/job-row.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../support/databases.ts';
import { feedText } from './feeds.ts';
import { FUZZ_SEED, runs } from './hostile.ts';

const mapping = loadCategoryMapping('content');
const options = {
  company: 'Fuzz Co',
  knownCategories: mapping.known,
  locationDefaults: { remoteRegions: ['EU'], country: 'GB' },
};
const now = new Date('2026-11-25T12:00:00Z');
const generatedFeed = fc
  .constantFrom(...FEED_FORMATS)
  .chain((format) => feedText(format).map((text) => ({ format, text })));

describe.each(databaseKinds)('importing generated feeds into %s', (kind) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  test('stores exactly the accepted records, as parsed, and nothing from a refused feed', async () => {
    let source = 0;
    const seen = { feeds: 0, refused: 0, stored: 0 };
    await fc.assert(
      fc.asyncProperty(generatedFeed, async ({ format, text }) => {
        seen.feeds += 1;
        source += 1;
        const name = `fuzz-${kind}-${source}`;
        const before = await countAllJobs(testDb.db);
        let parsed: FeedParseResult;
        try {
          parsed = parseFeed(text, format, options);
        } catch (error) {
          if (!(error instanceof FeedFormatError)) throw error;
          seen.refused += 1;
          expect(await countAllJobs(testDb.db)).toBe(before);
          return;
        }
        const summary = await importFeed(testDb.db, name, parsed, { mapping, now });
        expect(summary).toMatchObject({ updated: 0, closed: [] });
        expect(summary.added.map((job) => job.externalId)).toEqual(parsed.records.map((r) => r.externalId));
        expect(summary.rejected).toEqual(parsed.rejected);
        expect(await countAllJobs(testDb.db)).toBe(before + parsed.records.length);
        const rows = await findJobsBySource(testDb.db, name);
        const byId = new Map(rows.map((row) => [row.external_id, row]));
        expect(byId.size).toBe(parsed.records.length);
        for (const record of parsed.records) {
          // Each column reads back exactly as the service wrote it (sanitised description included).
          expect(byId.get(record.externalId)).toMatchObject(toRowFields(record));
        }
        seen.stored += rows.length;
        // Importing the same feed again finds every stored role unchanged.
        const again = await importFeed(testDb.db, name, parsed, { mapping, now });
        expect(again).toMatchObject({ added: [], updated: 0, closed: [], unchanged: parsed.records.length });
      }),
      { seed: FUZZ_SEED, numRuns: runs(kind === 'sqlite' ? 300 : 100) },
    );
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.stored).toBeGreaterThan(kind === 'sqlite' ? 40 : 10);
    console.info(
      `${kind}: ${seen.feeds} feeds imported, ${seen.refused} refused, ${seen.stored} roles stored`,
    );
  });
});
