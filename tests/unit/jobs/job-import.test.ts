import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { profileFor } from '../../../src/server/jobs/company-profiles.ts';
import { countAllJobs, findJobsBySource } from '../../../src/server/jobs/job.repository.ts';
import { getJob, searchJobs } from '../../../src/server/jobs/job.service.ts';
import type { JobInput } from '../../../src/server/jobs/job.ts';
import { importFeed } from '../../../src/server/jobs/job-import.service.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../support/databases.ts';
import { mapping, profiles, role } from './fixtures.ts';

const DAY = 86_400_000;
const start = new Date('2026-11-25T12:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY);
const feedOf = (...records: JobInput[]) => ({ records, rejected: [], skipped: 0, warnings: [] });

describe.each(databaseKinds)('importing on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const rows = (source: string) => findJobsBySource(database.db, source);

  test('gives a role without an expiry the window from posting, and keeps a feed expiry as stated', async () => {
    const feed = feedOf(role('plain'), role('dated', { validThrough: '2027-06-30T23:59:59.000Z' }));
    await importFeed(database.db, 'window', feed, { mapping, now: start, validityDays: 60 });
    const byId = new Map((await rows('window')).map((row) => [row.external_id, row]));
    expect(byId.get('plain')?.valid_through).toBe(at(60).toISOString());
    expect(byId.get('dated')).toMatchObject({
      valid_through: '2027-06-30T23:59:59.000Z',
      feed_valid_through: '2027-06-30T23:59:59.000Z',
    });
  });

  test('extends the window on each sync that still lists a role, without counting it as a change', async () => {
    const [before] = await rows('window');
    const summary = await importFeed(
      database.db,
      'window',
      feedOf(role('plain'), role('dated', { validThrough: '2027-06-30T23:59:59.000Z' })),
      { mapping, now: at(10), validityDays: 60 },
    );
    expect(summary).toMatchObject({ added: [], updated: 0, unchanged: 2, closed: [] });
    const plain = (await rows('window')).find((row) => row.external_id === 'plain');
    expect(plain?.valid_through).toBe(at(70).toISOString());
    expect(plain?.updated_at).toBe(before?.updated_at);
  });

  test('closes a role past its validThrough though no sync ran, and re-opens it when a sync lists it', async () => {
    const id = (await rows('window')).find((row) => row.external_id === 'plain')?.id ?? '';
    expect((await getJob(database.db, id, at(71)))?.status).toBe('expired');
    expect(
      (await searchJobs(database.db, { page: 1, pageSize: 10 }, at(71))).jobs.map((j) => j.externalId),
    ).toEqual(['dated']);
    await importFeed(database.db, 'window', feedOf(role('plain')), {
      mapping,
      now: at(80),
      validityDays: 60,
    });
    expect((await getJob(database.db, id, at(80)))?.status).toBe('open');
  });

  test('runs the transaction hook with the added roles, and rolls everything back when it fails', async () => {
    const seen: string[] = [];
    await importFeed(database.db, 'hooked', feedOf(role('first')), {
      mapping,
      now: start,
      withinTransaction: async (trx, summary) => {
        seen.push(...summary.added.map((job) => job.title));
        // Inside the transaction the new role is already visible.
        seen.push(String((await findJobsBySource(trx, 'hooked')).length));
      },
    });
    expect(seen).toEqual(['Role first', '1']);
    const before = await countAllJobs(database.db);
    await expect(
      importFeed(database.db, 'hooked', feedOf(role('first'), role('second')), {
        mapping,
        now: start,
        withinTransaction: async () => {
          throw new Error('mail queue is full');
        },
      }),
    ).rejects.toThrow('mail queue is full');
    expect(await countAllJobs(database.db)).toBe(before);
  });

  test("puts the source profile's website and logo on its company's roles only", async () => {
    const profile = profileFor(profiles, 'acme');
    await importFeed(
      database.db,
      'acme',
      feedOf(role('ours', { company: 'Acme Rockets (fixture)' }), role('theirs', { company: 'Other Co' })),
      { mapping, profile, now: start },
    );
    const byId = new Map((await rows('acme')).map((row) => [row.external_id, row]));
    expect(byId.get('ours')).toMatchObject({
      company_url: 'https://acme.example.com/',
      company_logo: 'https://acme.example.com/logo.png',
    });
    expect(byId.get('theirs')).toMatchObject({ company_url: null, company_logo: null });
  });
});
