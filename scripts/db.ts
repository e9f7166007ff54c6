/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (SQLite file by default).
 */
import { closeDb, getDb } from '../src/server/db/database.ts';

const [command] = process.argv.slice(2);

if (command !== 'migrate') {
  console.error('usage: npm run db:migrate');
  process.exit(2);
}

try {
  await getDb();
  console.log(
    `[db] ${process.env['DATABASE_URL'] ?? 'file:./data/site.db'} is migrated to the latest version`,
  );
} catch (error) {
  console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
