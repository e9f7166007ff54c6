import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDatabase, type Db } from '../../../src/server/platform/db/database.ts';
import { migrateToLatest } from '../../../src/server/platform/db/migrate.ts';
import { LOCK_WAIT_MS, retryWhileBusy } from '../../../src/server/platform/db/sqlite-connection.ts';

/** An error shaped as node:sqlite throws SQLITE_BUSY. */
const busy = () => Object.assign(new Error('database is locked'), { errcode: 5 });

describe('retryWhileBusy', () => {
  test('tries again while the database is busy and returns the first answer', async () => {
    let attempts = 0;
    const answer = await retryWhileBusy(() => {
      attempts += 1;
      if (attempts < 3) throw busy();
      return 'done';
    });
    expect([answer, attempts]).toEqual(['done', 3]);
  });

  test('passes any other error through at once', async () => {
    let attempts = 0;
    const failing = retryWhileBusy(() => {
      attempts += 1;
      throw new Error('no such table: t');
    });
    await expect(failing).rejects.toThrow('no such table');
    expect(attempts).toBe(1);
  });

  test('gives up with the busy error once the wait is over', async () => {
    await expect(
      retryWhileBusy(() => {
        throw busy();
      }, 50),
    ).rejects.toThrow('database is locked');
  });
});

describe('the SQLite driver while another process holds the write lock', () => {
  let dir: string;
  let file: string;
  let db: Db;
  let holder: DatabaseSync;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'blog-sqlite-'));
    file = join(dir, 'site.db');
    db = createDatabase(`file:${file}`);
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    holder = new DatabaseSync(file);
  });

  afterEach(async () => {
    if (holder.isOpen && holder.isTransaction) holder.exec('ROLLBACK');
    holder.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (body: string) =>
    db
      .insertInto('notes' as never)
      .values({ body } as never)
      .execute();
  const count = async () =>
    (
      await db
        .selectFrom('notes' as never)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  test('a write waits on timers, with the event loop free, and succeeds once the lock is released', async () => {
    holder.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
      if (ticks === 10) holder.exec('COMMIT');
    }, 10);
    await insert('after the lock');
    const releasedBeforeTheWrite = !holder.isTransaction;
    clearInterval(ticker);
    expect(releasedBeforeTheWrite).toBe(true);
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(await count()).toBe(1);
  });

  test('a read answers while a write is waiting for the lock', async () => {
    holder.exec("INSERT INTO notes (body) VALUES ('committed before')");
    holder.exec('BEGIN IMMEDIATE');
    let written = false;
    const write = insert('waiting').then(() => {
      written = true;
    });
    expect(await count()).toBe(1);
    expect(written).toBe(false);
    holder.exec('COMMIT');
    await write;
    expect(await count()).toBe(2);
  });

  test(`a write still locked out after ${LOCK_WAIT_MS / 1000} s fails with "database is locked"`, async () => {
    holder.exec('BEGIN IMMEDIATE');
    await expect(insert('never stored')).rejects.toThrow('database is locked');
    holder.exec('ROLLBACK');
    // The writer is free again: the next write goes through.
    await insert('stored');
    expect(await count()).toBe(1);
  });
});

describe('the SQLite driver with two processes on one file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blog-sqlite-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('two processes migrating a new file at once both succeed, applying each migration once', async () => {
    const url = `file:${join(dir, 'site.db')}`;
    const [first, second] = [createDatabase(url), createDatabase(url)];
    try {
      const results = await Promise.all([migrateToLatest(first), migrateToLatest(second)]);
      const applied = results.flatMap((result) => result.results ?? []).filter((r) => r.status === 'Success');
      const names = applied.map((r) => r.migrationName);
      expect(new Set(names).size).toBe(names.length);
      const rows = await first
        .selectFrom('kysely_migration' as never)
        .selectAll()
        .execute();
      expect(rows.length).toBe(names.length);
    } finally {
      await Promise.all([first.destroy(), second.destroy()]);
    }
  });

  test("transactions that read then write never fail on each other's snapshot", async () => {
    const url = `file:${join(dir, 'site.db')}`;
    const [first, second] = [createDatabase(url), createDatabase(url)];
    try {
      await sql`create table counter (n integer not null)`.execute(first);
      await sql`insert into counter (n) values (0)`.execute(first);
      // Each reads the counter, yields to the other, then writes what it read plus one: with
      // deferred transactions the second writer's snapshot is stale and can never commit.
      const bump = (db: Db) =>
        db.transaction().execute(async (trx) => {
          const { n } = (await sql<{ n: number }>`select n from counter`.execute(trx)).rows[0] ?? { n: 0 };
          await new Promise((resolve) => setImmediate(resolve));
          await sql`update counter set n = ${n + 1}`.execute(trx);
        });
      await Promise.all([bump(first), bump(second), bump(first), bump(second)]);
      expect((await sql<{ n: number }>`select n from counter`.execute(first)).rows[0]?.n).toBe(4);
    } finally {
      await Promise.all([first.destroy(), second.destroy()]);
    }
  });
});

test('an in-memory database keeps one connection, so reads see its writes', async () => {
  const db = createDatabase(':memory:');
  try {
    await sql`create table notes (body text not null)`.execute(db);
    await db.transaction().execute((trx) => sql`insert into notes (body) values ('kept')`.execute(trx));
    const rows = await db
      .selectFrom('notes' as never)
      .selectAll()
      .execute();
    expect(rows).toEqual([{ body: 'kept' }]);
  } finally {
    await db.destroy();
  }
});
