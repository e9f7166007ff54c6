import type { Db } from '../db/database.ts';
import { isFeedFormat } from './importers/index.ts';
import { type FeedSource, formatSummary, importFeedFrom } from './job-feed.ts';

/** A running background sync. */
export interface JobSync {
  stop(): void;
}

/** Reads JOBS_FEED_* from the environment; null when no feed is configured. Throws on a bad setting. */
export function readSyncConfig(env: NodeJS.ProcessEnv): (FeedSource & { intervalMs: number }) | null {
  const location = env['JOBS_FEED_URL'];
  if (!location) return null;
  const format = env['JOBS_FEED_FORMAT'];
  if (!isFeedFormat(format)) {
    throw new Error(
      `JOBS_FEED_FORMAT "${format ?? ''}" must be greenhouse, lever, ashby or json when JOBS_FEED_URL is set`,
    );
  }
  const seconds = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`${name} must be a positive number of seconds`);
    return value * 1000;
  };
  return {
    location,
    format,
    source: env['JOBS_FEED_SOURCE'] || undefined,
    company: env['JOBS_FEED_COMPANY'] || undefined,
    intervalMs: seconds('JOBS_SYNC_INTERVAL', 900),
    timeoutMs: seconds('JOBS_FEED_TIMEOUT', 30),
  };
}

/**
 * Re-imports the feed now and then every interval, off the request path. A failed run is
 * retried sooner, backing off from 30 s and doubling up to the interval, and is logged.
 */
export function startJobSync(
  db: Db,
  config: FeedSource & { intervalMs: number; retryBaseMs?: number },
  log: (message: string) => void,
): JobSync {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  const schedule = (ms: number) => {
    timer = setTimeout(run, ms);
    // The sync never keeps a stopping process alive.
    timer.unref();
  };
  const run = async () => {
    try {
      const summary = await importFeedFrom(db, { ...config, signal: controller.signal });
      failures = 0;
      for (const line of formatSummary(summary)) log(`sync ${line}`);
    } catch (error) {
      if (controller.signal.aborted) return;
      failures += 1;
      log(
        `sync of ${config.location} failed (attempt ${failures}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (controller.signal.aborted) return;
    const backoff = (config.retryBaseMs ?? 30_000) * 2 ** (failures - 1);
    schedule(failures === 0 ? config.intervalMs : Math.min(config.intervalMs, backoff));
  };
  schedule(0);
  return {
    stop() {
      controller.abort();
      clearTimeout(timer);
    },
  };
}
