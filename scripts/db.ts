/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (SQLite file by default).
 * `npm run db:seed -- --demo`: also upserts the fictional demo roles.
 */

import { loadCategoryMapping } from '../src/server/jobs/category-mapping.ts';
import { seedDemoJobs } from '../src/server/jobs/job-demo.ts';
import { getConfig } from '../src/server/platform/config/config.ts';
import { closeDb, getDb } from '../src/server/platform/db/database.ts';
import { describeDatabase } from '../src/server/platform/db/database-url.ts';

const [command, ...flags] = process.argv.slice(2);

if (!(command === 'migrate' || (command === 'seed' && flags.length === 1 && flags[0] === '--demo'))) {
  console.error('usage: npm run db:migrate | npm run db:seed -- --demo');
  process.exit(2);
}

try {
  const db = await getDb();
  console.log(`[db] ${describeDatabase(getConfig().DATABASE_URL)} is migrated to the latest version`);
  if (command === 'seed') {
    const summary = await seedDemoJobs(db, loadCategoryMapping());
    console.log(
      `[db] demo roles: ${summary.added.length} added, ${summary.updated} updated, ${summary.unchanged} unchanged`,
    );
  }
} catch (error) {
  console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
