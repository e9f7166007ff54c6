import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getJob } from '../../../src/server/jobs/job.service.ts';
import { importFeed } from '../../../src/server/jobs/job-import.service.ts';
import { migrateToLatest } from '../../../src/server/platform/db/migrate.ts';
import { migrations } from '../../../src/server/platform/db/migrations/index.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../support/databases.ts';
import { mapping, role } from './fixtures.ts';

const BEFORE = '20261125-02-comments';

/** A role as the store held it before locations were normalised. */
const oldRow = (id: string, fields: Record<string, unknown>) => ({
  id,
  source: 'old',
  external_id: id,
  title: `Old role ${id}`,
  company: 'Acme (fixture)',
  location: null,
  remote: 0,
  remote_regions: null,
  employment_type: 'FULL_TIME',
  department: null,
  team: null,
  salary_min: null,
  salary_max: null,
  salary_currency: null,
  salary_unit: null,
  description_html: '<p>Work.</p>',
  apply_url: `https://example.com/${id}`,
  posted_at: '2026-11-01T00:00:00.000Z',
  valid_through: null,
  closed_at: null,
  created_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
  ...fields,
});

describe.each(databaseKinds)('the job postings migration on %s', (kind) => {
  let database: TestDatabase;
  const migratedAt = Date.now();
  beforeAll(async () => {
    database = await createTestDatabase(kind, false);
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    // The old schema is not the app's: rows go in as the old code wrote them.
    // biome-ignore lint/suspicious/noExplicitAny: the table's columns before this migration.
    const old = database.db as unknown as Kysely<any>;
    await old
      .insertInto('jobs')
      .values([
        oldRow('uk', { location: 'Leeds, UK' }),
        oldRow('remote', { remote: 1, remote_regions: 'EU,United Kingdom' }),
        oldRow('dated', { location: 'Berlin, Germany', valid_through: '2027-03-01T00:00:00.000Z' }),
      ])
      .execute();
    await migrateToLatest(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  test('keeps old rows readable, normalising their free-text location as they are read', async () => {
    expect((await getJob(database.db, 'uk'))?.location).toMatchObject({
      label: 'Leeds, UK',
      city: 'Leeds',
      country: 'GB',
    });
    const remote = await getJob(database.db, 'remote');
    expect(remote?.location).toMatchObject({ remote: true, remoteRegions: ['EU', 'United Kingdom'] });
    expect(remote?.location.applicantCountries).toHaveLength(28);
  });

  test('gives every role a validThrough and keeps a stated one as the feed expiry', async () => {
    const uk = await getJob(database.db, 'uk');
    expect(uk?.status).toBe('open');
    expect(uk?.validThrough?.getTime()).toBeGreaterThanOrEqual(migratedAt + 59 * 86_400_000);
    const dated = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', 'dated')
      .executeTakeFirst();
    expect(dated).toMatchObject({
      valid_through: '2027-03-01T00:00:00.000Z',
      feed_valid_through: '2027-03-01T00:00:00.000Z',
    });
  });

  test("stores the normalised columns at the source's next sync", async () => {
    const summary = await importFeed(
      database.db,
      'old',
      {
        records: [role('uk', { title: 'Old role uk', company: 'Acme (fixture)' })],
        rejected: [],
        skipped: 0,
        warnings: [],
      },
      { mapping },
    );
    expect(summary).toMatchObject({ updated: 1 });
    const row = await database.db.selectFrom('jobs').selectAll().where('id', '=', 'uk').executeTakeFirst();
    expect(row).toMatchObject({ city: 'London', country: 'GB' });
  });
});
