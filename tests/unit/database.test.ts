import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase } from '../../src/server/platform/db/database.ts';
import { parseDatabaseUrl } from '../../src/server/platform/db/database-url.ts';
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

describe.skipIf(!process.env['TEST_DATABASE_URL'])('the Postgres pool', () => {
  test('queues a burst beyond its size for longer than the connect timeout instead of failing', async () => {
    const testDb = await createTestDatabase('postgres');
    const db = createDatabase(testDb.url, 2);
    try {
      // 12 queries of 0.5 s on 2 connections: the last waits about 2.5 s for its turn.
      const started = Date.now();
      const results = await Promise.all(
        Array.from({ length: 12 }, () => sql`select pg_sleep(0.5)`.execute(db).then(() => 'ok')),
      );
      expect(results).toEqual(Array(12).fill('ok'));
      expect(Date.now() - started).toBeGreaterThan(2_000);
    } finally {
      await db.destroy();
      await testDb.drop();
    }
  });

  test('still gives up when the server cannot be reached', async () => {
    // Nothing listens on port 1: the connection is refused at once.
    const db = createDatabase('postgres://postgres@127.0.0.1:1/none');
    try {
      await expect(sql`select 1`.execute(db)).rejects.toThrow();
    } finally {
      await db.destroy();
    }
  });
});
