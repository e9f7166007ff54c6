import { type Config, getConfig } from '../platform/config/config.ts';
import { getDb } from '../platform/db/database.ts';
import { loadCategoryMapping } from './category-mapping.ts';
import { ensureDemoJobs } from './job-demo.ts';
import { readSyncConfig, startJobSync } from './job-sync.ts';

function log(message: string): void {
  console.log(`[jobs] ${message}`);
}

/**
 * The jobs feature's part of server start: demo roles on a fresh database when JOBS_DEMO=1
 * (the quick start), and the background feed sync when JOBS_FEED_URL is set.
 * Returns the function that stops the sync on shutdown.
 */
export async function startJobs(settings: Config = getConfig()): Promise<() => void> {
  const config = readSyncConfig(settings);
  const db = await getDb();
  if (settings.JOBS_DEMO && (await ensureDemoJobs(db, loadCategoryMapping()))) {
    log('fresh database: added the demo roles (JOBS_DEMO=1)');
  }
  if (!config) return () => {};
  log(`syncing ${config.location} (${config.format}) every ${config.intervalMs / 1000} s`);
  const sync = startJobSync(db, config, log);
  return () => sync.stop();
}
