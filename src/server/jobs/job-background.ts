import { getDb } from '../db/database.ts';
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
export async function startJobs(env: NodeJS.ProcessEnv = process.env): Promise<() => void> {
  const config = readSyncConfig(env);
  const db = await getDb();
  if (env['JOBS_DEMO'] === '1' && (await ensureDemoJobs(db, loadCategoryMapping()))) {
    log('fresh database: added the demo roles (JOBS_DEMO=1)');
  }
  if (!config) return () => {};
  log(`syncing ${config.location} (${config.format}) every ${config.intervalMs / 1000} s`);
  const sync = startJobSync(db, config, log);
  return () => sync.stop();
}
