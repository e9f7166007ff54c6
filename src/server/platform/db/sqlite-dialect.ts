/**
 * Kysely's SQLite dialect (its query compiler, adapter and introspector) over our
 * `node:sqlite` driver, which keeps reads on their own connection and waits for locks on
 * timers (sqlite-driver.ts). Repositories see the same Kysely<Database> as before.
 */
import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { NodeSqliteDriver } from './sqlite-driver.ts';

/**
 * Kysely's SqliteAdapter assumes one connection, serialises every query behind one lock and
 * migrates outside a transaction. Ours reads beside the writer, so Kysely must not serialise
 * (the driver queues writes itself); and each migration run is one BEGIN IMMEDIATE
 * transaction, so two servers starting on one new file migrate one after the other (the
 * second finds the work done) instead of both creating the same tables.
 */
class NodeSqliteAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }

  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** The SQLite dialect for a database file (or `:memory:`). */
export class NodeSqliteDialect implements Dialect {
  readonly #filename: string;

  constructor(filename: string) {
    this.#filename = filename;
  }

  createDriver(): Driver {
    return new NodeSqliteDriver(this.#filename);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new NodeSqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
