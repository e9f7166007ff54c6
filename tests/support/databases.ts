import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, type Db } from '../../src/server/platform/db/database.ts';
import { migrateToLatest } from '../../src/server/platform/db/migrate.ts';

/** A fresh, migrated database and the function that throws it away. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** Which databases the repository suites run on: SQLite always, Postgres when TEST_DATABASE_URL is set. */
export const databaseKinds: Array<'sqlite' | 'postgres'> = process.env['TEST_DATABASE_URL']
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/**
 * Creates an empty database of the given kind (a temp SQLite file or a new Postgres database)
 * and migrates it, unless `migrate` is false (for tests of the migrations themselves).
 */
export async function createTestDatabase(kind: 'sqlite' | 'postgres', migrate = true): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'blog-test-'));
    const url = `file:${join(dir, 'test.db')}`;
    const db = createDatabase(url);
    const drop = async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    };
    if (migrate)
      await migrateToLatest(db).catch(async (error: unknown) => {
        await drop();
        throw error;
      });
    return { name: kind, url, db, drop };
  }
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const dbName = `blog_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${dbName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const db = createDatabase(url.toString());
  const drop = async () => {
    await db.destroy();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    try {
      await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    } finally {
      await cleanup.end();
    }
  };
  // A database that fails to migrate is dropped here: no test holds it to drop later.
  if (migrate)
    await migrateToLatest(db).catch(async (error: unknown) => {
      await drop();
      throw error;
    });
  return { name: kind, url: url.toString(), db, drop };
}
