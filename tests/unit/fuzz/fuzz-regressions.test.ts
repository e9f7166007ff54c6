import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadCategoryMapping } from '../../../src/server/jobs/category-mapping.ts';
import { parseFeed } from '../../../src/server/jobs/importers/index.ts';
import { findCategoriesForJobs, findJobsBySource } from '../../../src/server/jobs/job.repository.ts';
import { importFeed } from '../../../src/server/jobs/job-import.service.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../support/databases.ts';

// Each case below is a shrunk counterexample the fuzz suite found, kept as a literal test.
const mapping = loadCategoryMapping('content');
const options = {
  company: 'Fuzz Co',
  knownCategories: mapping.known,
  locationDefaults: { remoteRegions: [], country: null },
};
const now = new Date('2026-11-25T12:00:00Z');
const jsonJob = (extra: object) =>
  JSON.stringify({
    version: 1,
    jobs: [
      {
        id: 'j1',
        title: 'Backend Engineer',
        company: 'Acme',
        applyUrl: 'https://example.com/apply',
        description: '<p>Build reliable systems.</p>',
        employmentType: 'FULL_TIME',
        postedAt: '2026-11-01T00:00:00Z',
        ...extra,
      },
    ],
  });

describe.each(databaseKinds)('fuzz findings, imported into %s', (kind) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  test('a NUL byte or lone surrogate in a field is cleaned, not a failed import', async () => {
    const text = jsonJob({
      id: '\u0000\u0001j2',
      title: 'Backend\u0000 Engineer \ud800',
      remote: true,
      remoteRegions: ['EU\u0000'],
    });
    const parsed = parseFeed(text, 'json', options);
    expect(parsed.records[0]).toMatchObject({ externalId: 'j2', title: 'Backend Engineer \ufffd' });
    await importFeed(testDb.db, 'nul', parsed, { mapping, now });
    const [row] = await findJobsBySource(testDb.db, 'nul');
    expect(row).toMatchObject({ external_id: 'j2', title: 'Backend Engineer \ufffd', remote_regions: 'EU' });
    // Stored exactly as parsed, so the next sync sees nothing changed.
    expect(await importFeed(testDb.db, 'nul', parsed, { mapping, now })).toMatchObject({
      unchanged: 1,
      updated: 0,
    });
  });

  test('a category named twice in a JSON feed is stored once', async () => {
    const parsed = parseFeed(jsonJob({ categories: ['careers', 'careers'] }), 'json', options);
    expect(await importFeed(testDb.db, 'twice', parsed, { mapping, now })).toMatchObject({ updated: 0 });
    const [row] = await findJobsBySource(testDb.db, 'twice');
    expect((await findCategoriesForJobs(testDb.db, [row?.id ?? ''])).get(row?.id ?? '')).toEqual(['careers']);
  });
});

test('a Greenhouse pay range of a few negative cents is rejected, not stored as zero', () => {
  const feed = {
    jobs: [
      {
        id: 1,
        title: 'Senior',
        absolute_url: 'https://example.com/1',
        content: '&lt;p&gt;Build reliable systems.&lt;/p&gt;',
        pay_input_ranges: [{ max_cents: -5, currency_type: 'USD' }],
        first_published: '2026-11-01T00:00:00Z',
      },
    ],
  };
  const parsed = parseFeed(JSON.stringify(feed), 'greenhouse', options);
  expect(parsed.records).toEqual([]);
  expect(parsed.rejected).toEqual([
    { index: 0, externalId: '1', problems: ['salary bound -5 is not a positive number'] },
  ]);
});
