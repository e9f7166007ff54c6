/**
 * One `node:sqlite` connection, and the waiting for another process's lock that every
 * statement may need. `node:sqlite` is synchronous: with SQLite's own busy timeout a statement
 * waiting for a lock would block the whole server (every request, static pages included) for
 * as long as the wait lasts. So each connection is opened with no busy timeout at all, and a
 * statement that meets SQLITE_BUSY is tried again from a timer, with backoff, until
 * LOCK_WAIT_MS has passed: the event loop keeps serving while one request waits.
 *
 * A retry is safe because a statement that answers SQLITE_BUSY has done nothing: outside a
 * transaction it never started; inside one, write transactions begin with BEGIN IMMEDIATE
 * (sqlite-driver.ts), so they hold the write lock from their first statement and never meet
 * SQLITE_BUSY halfway (a deferred transaction could, and could not then be retried).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import type { QueryResult } from 'kysely';

/** How long a statement keeps trying for a lock another process holds before it fails. */
export const LOCK_WAIT_MS = 5_000;
const FIRST_RETRY_MS = 2;
const LONGEST_RETRY_MS = 100;

/** Whether an error is SQLite's "database is locked" (SQLITE_BUSY or one of its extended codes). */
export function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' && (code & 0xff) === 5;
}

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY, waiting on timers in between
 * (2 ms doubling to 100 ms, with jitter so two processes do not retry in step); after
 * `waitMs` the last SQLITE_BUSY error is thrown.
 */
export async function retryWhileBusy<T>(attempt: () => T, waitMs = LOCK_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  let delay = FIRST_RETRY_MS;
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
    }
    await sleep(Math.min(delay * (0.5 + Math.random()), Math.max(1, deadline - Date.now())));
    delay = Math.min(delay * 2, LONGEST_RETRY_MS);
  }
}

/**
 * Opens a connection. `timeout: 0` sets the busy timeout before any statement runs, so even
 * switching a new file to WAL (which needs a moment of exclusive lock, and failed with
 * "database is locked" when two servers started at once) is waited for by retryWhileBusy.
 */
export async function openConnection(filename: string, role: 'writer' | 'reader'): Promise<DatabaseSync> {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new DatabaseSync(filename, { timeout: 0 });
  try {
    if (role === 'writer') {
      // WAL lets readers (islands) proceed while a writer (a comment post, an import) commits;
      // synchronous=NORMAL is durable across process crashes in WAL mode.
      await retryWhileBusy(() => db.exec('PRAGMA journal_mode = WAL'));
      db.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON');
    } else {
      // The reader only ever runs SELECTs; query_only makes that a guarantee.
      db.exec('PRAGMA query_only = ON');
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs one compiled statement on `db` once (no retry) and shapes the result for Kysely. */
export function runStatement(
  db: DatabaseSync,
  sql: string,
  parameters: ReadonlyArray<unknown>,
): QueryResult<unknown> {
  const statement = db.prepare(sql);
  const values = parameters as SQLInputValue[];
  if (statement.columns().length > 0) return { rows: statement.all(...values) };
  const { changes, lastInsertRowid } = statement.run(...values);
  return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [] };
}
