import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertJob, listOpenJobsForSitemap } from '../../../src/server/jobs/job.repository.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../support/databases.ts';
import { jobRow as row } from '../../support/job-rows.ts';

describe.each(databaseKinds)('listOpenJobsForSitemap on %s', (kind) => {
  let database: TestDatabase;
  const now = new Date('2026-05-01T12:00:00.000Z');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const rows = [
      row('open-no-end', { closed_at: null, valid_through: null, updated_at: '2026-04-01T00:00:00.000Z' }),
      row('open-future', {
        closed_at: null,
        valid_through: '2026-06-01T00:00:00.000Z',
        updated_at: '2026-04-20T00:00:00.000Z',
      }),
      row('open-expired', {
        closed_at: null,
        valid_through: '2026-04-30T23:59:59.000Z',
        updated_at: '2026-04-25T00:00:00.000Z',
      }),
      row('closed', {
        closed_at: '2026-04-28T00:00:00.000Z',
        valid_through: null,
        updated_at: '2026-04-28T00:00:00.000Z',
      }),
    ];
    for (const job of rows) await insertJob(database.db, job);
  });

  afterAll(() => database.drop());

  test('lists only open roles whose closing date has not passed, newest change first', async () => {
    expect(await listOpenJobsForSitemap(database.db, now)).toEqual([
      { id: 'open-future', updatedAt: '2026-04-20T00:00:00.000Z' },
      { id: 'open-no-end', updatedAt: '2026-04-01T00:00:00.000Z' },
    ]);
  });

  test('drops a role once its closing date passes', async () => {
    const later = new Date('2026-06-02T00:00:00.000Z');
    expect((await listOpenJobsForSitemap(database.db, later)).map((job) => job.id)).toEqual(['open-no-end']);
  });
});
