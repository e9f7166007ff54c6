import { type Config, getConfig } from '../platform/config/config.ts';
import type { Db } from '../platform/db/database.ts';
import { type FeedSource, importFeedFrom } from './job-feed.ts';
import { formatSummary } from './job-import-report.ts';

/** A running background sync. */
export interface JobSync {
  stop(): void;
}

/** The background sync's settings from the configuration; null when no feed is configured. */
export function readSyncConfig(config: Config = getConfig()): (FeedSource & { intervalMs: number }) | null {
  const location = config.JOBS_FEED_URL;
  // The configuration refuses JOBS_FEED_URL without JOBS_FEED_FORMAT.
  if (!location || !config.JOBS_FEED_FORMAT) return null;
  return {
    location,
    format: config.JOBS_FEED_FORMAT,
    source: config.JOBS_FEED_SOURCE,
    company: config.JOBS_FEED_COMPANY,
    intervalMs: config.JOBS_SYNC_INTERVAL * 1000,
    timeoutMs: config.JOBS_FEED_TIMEOUT * 1000,
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
      for (const line of formatSummary(summary, { warnings: 'count' })) log(`sync ${line}`);
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
