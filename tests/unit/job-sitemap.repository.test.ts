import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listOpenJobsForSitemap } from '../../src/server/jobs/job-sitemap.repository.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';

/**
 * The jobs feature owns the jobs table and its migration; until that lands here, the suite
 * creates a table with just the columns the sitemap query reads.
 */
async function ensureJobsTable(test: TestDatabase): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY, closed_at TEXT, valid_through TEXT, updated_at TEXT NOT NULL
  )`.execute(test.db);
}

describe.each(databaseKinds)('listOpenJobsForSitemap on %s', (kind) => {
  let database: TestDatabase;
  const now = new Date('2026-05-01T12:00:00.000Z');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await ensureJobsTable(database);
    const rows = [
      { id: 'open-no-end', closed_at: null, valid_through: null, updated_at: '2026-04-01T00:00:00.000Z' },
      {
        id: 'open-future',
        closed_at: null,
        valid_through: '2026-06-01T00:00:00.000Z',
        updated_at: '2026-04-20T00:00:00.000Z',
      },
      {
        id: 'open-expired',
        closed_at: null,
        valid_through: '2026-04-30T23:59:59.000Z',
        updated_at: '2026-04-25T00:00:00.000Z',
      },
      {
        id: 'closed',
        closed_at: '2026-04-28T00:00:00.000Z',
        valid_through: null,
        updated_at: '2026-04-28T00:00:00.000Z',
      },
    ];
    for (const row of rows) {
      await sql`INSERT INTO jobs (id, closed_at, valid_through, updated_at)
        VALUES (${row.id}, ${row.closed_at}, ${row.valid_through}, ${row.updated_at})`.execute(database.db);
    }
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
