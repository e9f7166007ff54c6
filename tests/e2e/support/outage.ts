import { DatabaseSync } from 'node:sqlite';
import { parseDatabaseUrl } from '../../../src/server/platform/db/database-url.ts';
import { adminQuery, databaseName } from './posting.ts';

/** A way to take a running server's database away and give it back. */
export interface Outage {
  /** Whether reads fail too (PostgreSQL refusing connections), or only writes (SQLite locked). */
  readsFail: boolean;
  begin(): Promise<void>;
  end(): Promise<void>;
}

/**
 * PostgreSQL: the database stops accepting connections and the server's are ended, as when
 * the database is stopped, without stopping a cluster other tests share.
 */
export function postgresOutage(url: string): Outage {
  const name = databaseName(url);
  return {
    readsFail: true,
    async begin() {
      await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await adminQuery('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    },
    async end() {
      await adminQuery(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    },
  };
}

/**
 * SQLite: an open connection keeps its file descriptors, so renaming, deleting or chmodding the
 * file changes nothing for the server. The real failure it meets is another process holding
 * the write lock (a long import, a restore): every write fails with SQLITE_BUSY once the busy
 * timeout passes, while WAL readers carry on.
 */
export function sqliteOutage(url: string): Outage {
  const target = parseDatabaseUrl(url);
  if (target.dialect !== 'sqlite') throw new Error(`${url} is not a SQLite database`);
  let holder: DatabaseSync | undefined;
  return {
    readsFail: false,
    async begin() {
      holder = new DatabaseSync(target.filename);
      holder.exec('PRAGMA busy_timeout = 10000; BEGIN EXCLUSIVE');
    },
    async end() {
      holder?.exec('ROLLBACK');
      holder?.close();
      holder = undefined;
    },
  };
}
