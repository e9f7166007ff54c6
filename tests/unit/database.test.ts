import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDatabaseUrl } from '../../src/server/db/config.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';

describe('parseDatabaseUrl', () => {
  test('defaults to a SQLite file beside the project', () => {
    expect(parseDatabaseUrl()).toEqual({ dialect: 'sqlite', filename: './data/site.db' });
  });
  test('selects Postgres for postgres:// and postgresql:// URLs', () => {
    expect(parseDatabaseUrl('postgres://u@h/db')).toEqual({ dialect: 'postgres', url: 'postgres://u@h/db' });
    expect(parseDatabaseUrl('postgresql://u@h/db').dialect).toBe('postgres');
  });
  test('rejects a URL it does not understand, saying what it expects', () => {
    expect(() => parseDatabaseUrl('mysql://h/db')).toThrow(/file:.*postgres:\/\//);
  });
});

describe.each(databaseKinds)('database on %s', (kind) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  test('runs queries and returns rows', async () => {
    const result = await sql<{ answer: number }>`select 41 + 1 as answer`.execute(testDb.db);
    expect(Number(result.rows[0]?.answer)).toBe(42);
  });

  test('rolls back a failed transaction', async () => {
    await sql`create table scratch (id integer primary key, note text not null)`.execute(testDb.db);
    await expect(
      testDb.db.transaction().execute(async (trx) => {
        await sql`insert into scratch (id, note) values (1, 'kept?')`.execute(trx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await sql<{ n: number }>`select count(*) as n from scratch`.execute(testDb.db);
    expect(Number(rows.rows[0]?.n)).toBe(0);
  });
});
