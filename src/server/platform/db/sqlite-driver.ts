/**
 * The Kysely driver for `node:sqlite` (Node's built-in SQLite, so no native addon is built for
 * the running Node). Two connections per process:
 * - the reader runs every SELECT made outside a transaction. In WAL mode a reader never waits
 *   for a writer, so islands and pages keep reading while a write waits for a lock;
 * - the writer runs everything else, one transaction or write statement at a time (an
 *   in-process queue), each transaction opened with BEGIN IMMEDIATE.
 * Waiting for a lock another process holds happens on timers (sqlite-connection.ts), never in
 * a blocking call. Chosen over SQLite on a worker thread: statements stay where they are
 * (no copying of rows between threads), and only the rare wait for another process is moved
 * off the event loop, which is all the blocking there was.
 */
import type { DatabaseSync } from 'node:sqlite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
} from 'kysely';
import { openConnection, retryWhileBusy, runStatement } from './sqlite-connection.ts';
import { WriteQueue } from './write-queue.ts';

/** A statement opens a transaction, closes one, or neither. */
function transactionEdge(sql: string): 'begin' | 'end' | undefined {
  if (/^\s*begin\b/i.test(sql)) return 'begin';
  if (/^\s*(commit|end)\b/i.test(sql)) return 'end';
  if (/^\s*rollback\b/i.test(sql) && !/\bto\b/i.test(sql)) return 'end';
  return undefined;
}

/** Whether a statement only reads: a query built as a SELECT, or raw SQL that starts with one. */
function isRead(query: CompiledQuery): boolean {
  return SelectQueryNode.is(query.query) || /^\s*select\b/i.test(query.sql);
}

interface Connections {
  writer: DatabaseSync;
  /** Absent for `:memory:`, where a second connection would open a second, empty database. */
  reader: DatabaseSync | undefined;
  writes: WriteQueue;
}

/**
 * What Kysely acquires for one query or one transaction. It takes the writer only when it
 * writes, and keeps it from BEGIN to COMMIT or ROLLBACK, so a transaction's statements run in
 * order on one connection and nobody else's run in between.
 */
class SqliteConnection implements DatabaseConnection {
  #holdsWriter = false;
  readonly #connections: Connections;

  constructor(connections: Connections) {
    this.#connections = connections;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { writer, reader, writes } = this.#connections;
    const run = (db: DatabaseSync) => retryWhileBusy(() => runStatement(db, query.sql, query.parameters));
    const edge = transactionEdge(query.sql);
    if (this.#holdsWriter) {
      const result = await run(writer);
      if (edge === 'end') this.release();
      return result as QueryResult<R>;
    }
    if (reader && isRead(query)) return (await run(reader)) as QueryResult<R>;
    await writes.acquire();
    try {
      const result = await run(writer);
      if (edge === 'begin') this.#holdsWriter = true;
      return result as QueryResult<R>;
    } finally {
      if (!this.#holdsWriter) writes.release();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only SELECT queries');
    const { writer, reader } = this.#connections;
    const db = this.#holdsWriter || !reader ? writer : reader;
    for (const row of db.prepare(query.sql).iterate(...(query.parameters as never[])))
      yield { rows: [row as R] };
  }

  /** Gives the writer back; a transaction still open (a failed COMMIT and ROLLBACK) is rolled back. */
  release(): void {
    if (!this.#holdsWriter) return;
    this.#holdsWriter = false;
    const { writer, writes } = this.#connections;
    try {
      if (writer.isTransaction) writer.exec('ROLLBACK');
    } finally {
      writes.release();
    }
  }
}

/** Kysely's Driver over the two connections of one SQLite file. */
export class NodeSqliteDriver implements Driver {
  readonly #filename: string;
  #connections: Connections | undefined;

  constructor(filename: string) {
    this.#filename = filename;
  }

  async init(): Promise<void> {
    const writer = await openConnection(this.#filename, 'writer');
    const reader = this.#filename === ':memory:' ? undefined : await openConnection(this.#filename, 'reader');
    this.#connections = { writer, reader, writes: new WriteQueue() };
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#connections) throw new Error('the SQLite driver is not initialised');
    return new SqliteConnection(this.#connections);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as SqliteConnection).release();
  }

  async destroy(): Promise<void> {
    this.#connections?.reader?.close();
    this.#connections?.writer.close();
    this.#connections = undefined;
  }
}
