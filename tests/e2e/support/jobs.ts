import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadCategoryMapping } from '../../../src/server/jobs/category-mapping.ts';
import { findJobsBySource } from '../../../src/server/jobs/job.repository.ts';
import { closeJob } from '../../../src/server/jobs/job.service.ts';
import type { JobInput } from '../../../src/server/jobs/job.ts';
import { importFeed } from '../../../src/server/jobs/job-import.service.ts';
import {
  type LocationFacts,
  NO_LOCATION_DEFAULTS,
  normaliseLocation,
} from '../../../src/server/jobs/job-location.ts';
import { createDatabase } from '../../../src/server/platform/db/database.ts';
import { migrateToLatest } from '../../../src/server/platform/db/migrate.ts';

const DAY = 86_400_000;

function role(
  externalId: string,
  title: string,
  categories: string[],
  daysAgo: number,
  extra: Partial<JobInput> & { where?: LocationFacts } = {},
): JobInput {
  const now = Date.now();
  const { where = { label: 'Leeds, UK' }, ...fields } = extra;
  return {
    externalId,
    title,
    company: 'Initech Testing (fixture)',
    location: normaliseLocation(where, NO_LOCATION_DEFAULTS).location,
    employmentType: 'FULL_TIME',
    department: null,
    team: null,
    salary: null,
    descriptionHtml: `<p>${title}: a fixture role.</p><script>window.hacked = true</script>`,
    applyUrl: `https://example.com/apply/${externalId}`,
    postedAt: new Date(now - daysAgo * DAY).toISOString(),
    validThrough: null,
    categories,
    ...fields,
  };
}

/** The e2e roles: open ones in the article's categories and elsewhere, one expired, one closed. */
export const e2eRoles = (): JobInput[] => [
  role('orders', 'Backend Engineer, Orders', ['backend'], 1, {
    where: { label: 'Leeds, UK', remote: true, remoteRegions: ['United Kingdom'] },
    salary: { min: 70_000, max: 90_000, currency: 'GBP', unit: 'YEAR' },
    validThrough: new Date(Date.now() + 30 * DAY).toISOString(),
  }),
  role('editor', 'Newsletter Editor', ['newsletters'], 2),
  role('web', 'Full Stack Developer', ['full-stack'], 3),
  role('expired', 'Expired Backend Role', ['backend'], 20, {
    validThrough: new Date(Date.now() - DAY).toISOString(),
  }),
  role('closed', 'Closed Platform Role', ['backend'], 4),
];

/** Migrates the database at `url`, imports the e2e roles, closes one; returns row ids by external id. */
export async function seedE2eJobs(url: string): Promise<Record<string, string>> {
  const db = createDatabase(url);
  try {
    await migrateToLatest(db);
    await importFeed(
      db,
      'e2e',
      { records: e2eRoles(), rejected: [], skipped: 0, warnings: [] },
      { mapping: loadCategoryMapping('content') },
    );
    const ids = Object.fromEntries(
      (await findJobsBySource(db, 'e2e')).map((row) => [row.external_id, row.id]),
    );
    await closeJob(db, ids['closed'] ?? '');
    return ids;
  } finally {
    await db.destroy();
  }
}

const adminUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates an empty Postgres database for one test and returns its URL and the function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `blog_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      // FORCE ends the server's open connections: to the server, the database is gone.
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
