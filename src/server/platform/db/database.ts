import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { getConfig } from '../config/config.ts';
import { parseDatabaseUrl } from './database-url.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { NodeSqliteDialect } from './sqlite-dialect.ts';

export type Db = Kysely<Database>;

/**
 * Longest wait to open one Postgres connection. A refused connection fails at once anyway;
 * on a busy machine starting a backend has taken over 2 s, which failed healthy posts.
 */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * Longest a query waits for a free pooled connection. pg-pool applies its connection timeout
 * to this queue too, so a burst of posts beyond the pool size must not share the short one.
 */
const POOL_WAIT_MS = 15_000;

/** A client that gives up connecting after CONNECT_TIMEOUT_MS, whatever the pool's queue wait. */
class QuickConnectClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/** Opens a new connection pool for a database URL (SQLite file by default). */
export function createDatabase(url: string | undefined, poolSize = 10): Db {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: poolSize,
      Client: QuickConnectClient,
      connectionTimeoutMillis: POOL_WAIT_MS,
      // A query that hangs must not hold a request (or an island) forever.
      statement_timeout: 5000,
    });
    // An idle client losing its connection (database restart) must not crash the server.
    pool.on('error', () => {});
    // Nor may a checked-out one between two queries of a transaction (the background sender's,
    // say): its next query fails instead, and the pool discards it when it is released.
    pool.on('connect', (client) => client.on('error', () => {}));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  return new Kysely<Database>({ dialect: new NodeSqliteDialect(target.filename) });
}

/** The process-wide database, migrated before first use. */
interface SharedDatabase {
  db: Db;
  ready: Promise<Db>;
}

// The Astro server bundle and the HTTP server each load their own copy of this module; the
// global slot makes them share one pool and one migration run.
const SLOT = Symbol.for('engineering-blog.database');
type GlobalWithDb = typeof globalThis & { [SLOT]?: SharedDatabase | undefined };

/** Returns the shared, migrated database; the first call opens it and applies migrations. */
export function getDb(): Promise<Db> {
  const holder = globalThis as GlobalWithDb;
  let shared = holder[SLOT];
  if (!shared) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = getConfig();
    const db = createDatabase(DATABASE_URL, DATABASE_POOL_SIZE);
    const ready = migrateToLatest(db).then(() => db);
    shared = { db, ready };
    holder[SLOT] = shared;
    // A failed migration (database down at start) is retried on the next call.
    ready.catch(() => {
      if (holder[SLOT] === shared) holder[SLOT] = undefined;
      void db.destroy().catch(() => {});
    });
  }
  return shared.ready;
}

/** Closes the shared database, if open (graceful shutdown, tests). */
export async function closeDb(): Promise<void> {
  const holder = globalThis as GlobalWithDb;
  const shared = holder[SLOT];
  holder[SLOT] = undefined;
  if (shared) await shared.db.destroy();
}
