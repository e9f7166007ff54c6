import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFeed } from '../../../src/server/jobs/importers/index.ts';
import { countAllJobs, findJobsBySource } from '../../../src/server/jobs/job.repository.ts';
import { closeJob, getJob, getRolesForCategories, searchJobs } from '../../../src/server/jobs/job.service.ts';
import type { JobInput } from '../../../src/server/jobs/job.ts';
import { importFeed } from '../../../src/server/jobs/job-import.service.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../support/databases.ts';
import { fixture, mapping, optionsFor, role } from './fixtures.ts';

const options = optionsFor('acme');
const greenhouse = fixture('greenhouse.json');
const now = new Date('2026-11-25T12:00:00Z');
const importing = { mapping, now };

const feedOf = (...records: JobInput[]) => ({ records, rejected: [], skipped: 0, warnings: [] });

describe.each(databaseKinds)('job store on %s', (kind) => {
  let test_db: TestDatabase;
  beforeAll(async () => {
    test_db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await test_db?.drop();
  });

  test('imports a feed, maps categories, sanitises HTML and reports unmapped departments', async () => {
    const summary = await importFeed(
      test_db.db,
      'gh',
      parseFeed(greenhouse, 'greenhouse', options),
      importing,
    );
    expect(summary).toMatchObject({ updated: 0, unchanged: 0, closed: [] });
    expect(summary.added.map((job) => job.title)).toEqual([
      'Senior Backend Engineer',
      'Full Stack Developer',
      'Financial Controller',
    ]);
    expect(summary.unmappedDepartments).toEqual([{ name: 'Finance', roles: 1, suggestion: null }]);
    expect(summary.rejected.map((r) => r.index)).toEqual([2, 3]);
    const rows = await findJobsBySource(test_db.db, 'gh');
    const backend = await getJob(test_db.db, rows.find((r) => r.external_id === '4012001')?.id ?? '', now);
    expect(backend?.categories).toEqual(['backend']);
    expect(backend?.descriptionHtml).not.toMatch(/script|onclick|javascript/);
    expect(backend?.salary).toEqual({ min: 90_000, max: 120_000, currency: 'GBP', unit: 'YEAR' });
  });

  test('is idempotent: the same feed again changes nothing', async () => {
    const summary = await importFeed(
      test_db.db,
      'gh',
      parseFeed(greenhouse, 'greenhouse', options),
      importing,
    );
    expect(summary).toMatchObject({ added: [], updated: 0, unchanged: 3, closed: [] });
  });

  test('syncs: updates changed roles, closes roles that left the feed, keeps rejected ones open', async () => {
    const feed = JSON.parse(greenhouse);
    feed.jobs[0].title = 'Senior Backend Engineer II';
    feed.jobs.splice(4, 1); // Financial Controller leaves the feed
    feed.jobs[1].absolute_url = 'ftp://nope'; // now rejected, but still listed
    const summary = await importFeed(
      test_db.db,
      'gh',
      parseFeed(JSON.stringify(feed), 'greenhouse', options),
      importing,
    );
    expect(summary).toMatchObject({ added: [], updated: 1, unchanged: 0 });
    expect(summary.closed.map((job) => [job.title, job.status])).toEqual([
      ['Financial Controller', 'closed'],
    ]);
    const open = await searchJobs(test_db.db, { page: 1, pageSize: 10 }, now);
    expect(open.jobs.map((j) => j.title).sort()).toEqual([
      'Full Stack Developer',
      'Senior Backend Engineer II',
    ]);
  });

  test('re-opens a closed role that comes back to its feed', async () => {
    const summary = await importFeed(
      test_db.db,
      'gh',
      parseFeed(greenhouse, 'greenhouse', options),
      importing,
    );
    expect(summary).toMatchObject({ added: [], updated: 2, closed: [] });
    expect((await searchJobs(test_db.db, { page: 1, pageSize: 10 }, now)).total).toBe(3);
  });

  test('changes nothing when the import fails half way', async () => {
    const before = await countAllJobs(test_db.db);
    const broken = role('boom');
    Object.defineProperty(broken, 'descriptionHtml', {
      get: () => {
        throw new Error('disk on fire');
      },
    });
    await expect(importFeed(test_db.db, 'gh', feedOf(role('new-1'), broken), importing)).rejects.toThrow(
      'disk on fire',
    );
    expect(await countAllJobs(test_db.db)).toBe(before);
    expect((await searchJobs(test_db.db, { page: 1, pageSize: 10 }, now)).total).toBe(3);
  });

  test('never lists expired or closed roles, and filters by category and keywords', async () => {
    await importFeed(
      test_db.db,
      'own',
      feedOf(
        role('expired', {
          title: 'Expired Backend Role',
          categories: ['backend'],
          validThrough: '2026-11-24T00:00:00.000Z',
        }),
        role('later', {
          title: 'Backend Role With Deadline',
          categories: ['backend'],
          validThrough: '2026-12-24T00:00:00.000Z',
          postedAt: '2026-11-24T00:00:00.000Z',
        }),
        role('editor', {
          title: 'Newsletter Editor',
          categories: ['newsletters'],
          company: 'Globex_100% (fixture)',
          salary: { min: 45.5, max: 60.25, currency: 'GBP', unit: 'HOUR' },
          location: { ...role('x').location, label: 'A'.repeat(400), city: 'A'.repeat(400) },
        }),
      ),
      importing,
    );
    const backend = await searchJobs(test_db.db, { category: 'backend', page: 1, pageSize: 10 }, now);
    expect(backend.jobs.map((j) => j.title)).toEqual([
      'Backend Role With Deadline',
      'Senior Backend Engineer',
    ]);
    const words = await searchJobs(
      test_db.db,
      { query: 'newsletter GLOBEX_100%', page: 1, pageSize: 10 },
      now,
    );
    expect(words.jobs.map((j) => j.title)).toEqual(['Newsletter Editor']);
    expect(words.jobs[0]?.salary).toEqual({ min: 45.5, max: 60.25, currency: 'GBP', unit: 'HOUR' });
    expect(words.jobs[0]?.location.label).toHaveLength(400);
    expect(
      (await searchJobs(test_db.db, { query: '%', page: 1, pageSize: 10 }, now)).jobs.map((j) => j.title),
    ).toEqual(['Newsletter Editor']);
    const expired = (await findJobsBySource(test_db.db, 'own')).find((r) => r.external_id === 'expired');
    expect((await getJob(test_db.db, expired?.id ?? '', now))?.status).toBe('expired');
  });

  test('pages through open roles newest first', async () => {
    const first = await searchJobs(test_db.db, { page: 1, pageSize: 2 }, now);
    const second = await searchJobs(test_db.db, { page: 2, pageSize: 2 }, now);
    expect(first.total).toBe(5);
    expect([...first.jobs, ...second.jobs].map((j) => j.postedAt.toISOString())).toEqual(
      [...first.jobs, ...second.jobs]
        .map((j) => j.postedAt.toISOString())
        .sort()
        .reverse(),
    );
    expect(new Set([...first.jobs, ...second.jobs].map((j) => j.id)).size).toBe(4);
  });

  test('gives the island matching roles, else the newest roles', async () => {
    const matching = await getRolesForCategories(test_db.db, ['newsletters', 'careers'], 5, now);
    expect(matching).toMatchObject({ matching: true, jobs: [{ title: 'Newsletter Editor' }] });
    const none = await getRolesForCategories(test_db.db, ['careers'], 2, now);
    expect(none.matching).toBe(false);
    expect(none.jobs).toHaveLength(2);
  });

  test('closes a role by hand once', async () => {
    const [row] = await findJobsBySource(test_db.db, 'own');
    expect(await closeJob(test_db.db, row?.id ?? '', now)).toBe(true);
    expect(await closeJob(test_db.db, row?.id ?? '', now)).toBe(false);
    expect((await getJob(test_db.db, row?.id ?? '', now))?.status).toBe('closed');
  });
});
