/**
 * Whether the database is reachable and migrated, for `/readyz` and the log. The server starts
 * without it: static pages never need it and the islands show their fallbacks, while this
 * retries the connection and the migrations in the background, backing off from 1 s to 30 s.
 * The log says once when the database goes and once when it is back.
 */
import { sql } from 'kysely';
import { getDb } from '../platform/db/database.ts';

/** Longest a probe waits: a hung database counts as down. */
const PROBE_TIMEOUT_MS = 2_000;
/** How often a healthy database is checked, so an outage is logged without a request noticing. */
const HEALTHY_INTERVAL_MS = 10_000;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** A probe younger than this answers `/readyz` (a load balancer polling often costs one query a second). */
const REUSE_MS = 1_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Opens (and on first success, migrates) the database, then runs one trivial query, within the timeout. */
async function probe(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([(async () => sql`select 1`.execute(await getDb()))(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The database's state as this process last saw it, kept current in the background. */
export class DatabaseHealth {
  #up: boolean | undefined;
  #checkedAt = Number.NEGATIVE_INFINITY;
  #pending: Promise<boolean> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #retryMs = FIRST_RETRY_MS;
  readonly #log: (message: string) => void;
  readonly #onUp: () => void;

  /** `onUp` runs each time the database becomes reachable (the first time included). */
  constructor(log: (message: string) => void, onUp: () => void) {
    this.#log = log;
    this.#onUp = onUp;
  }

  /** Starts the background checks. */
  start(): void {
    void this.#loop();
  }

  /** Stops them (shutdown). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** Whether the database answers now (a probe shared by concurrent callers, reused for a second). */
  check(): Promise<boolean> {
    if (this.#up !== undefined && Date.now() - this.#checkedAt < REUSE_MS) return Promise.resolve(this.#up);
    this.#pending ??= probe().then(
      () => this.#record(true),
      (error: unknown) => this.#record(false, error),
    );
    return this.#pending;
  }

  #record(up: boolean, error?: unknown): boolean {
    this.#pending = undefined;
    this.#checkedAt = Date.now();
    const was = this.#up;
    this.#up = up;
    if (up && was !== true) {
      this.#log(was === false ? 'database is back' : 'database ready');
      this.#onUp();
    } else if (!up && was !== false) {
      this.#log(
        `database unavailable (${messageOf(error)}); retrying in the background, static pages still served`,
      );
    }
    return up;
  }

  async #loop(): Promise<void> {
    const up = await this.check();
    if (this.#stopped) return;
    const delay = up ? HEALTHY_INTERVAL_MS : this.#retryMs;
    this.#retryMs = up ? FIRST_RETRY_MS : Math.min(this.#retryMs * 2, MAX_RETRY_MS);
    this.#timer = setTimeout(() => void this.#loop(), delay);
    this.#timer.unref();
  }
}
