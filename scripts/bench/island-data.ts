/** The benchmark's job store: the demo roles plus a few hundred generated ones across categories. */

import type { CategoryMapping } from '../../src/server/jobs/category-mapping.ts';
import type { JobInput } from '../../src/server/jobs/job.ts';
import { seedDemoJobs } from '../../src/server/jobs/job-demo.ts';
import { importFeed } from '../../src/server/jobs/job-import.service.ts';
import type { Db } from '../../src/server/platform/db/database.ts';

const CATEGORIES = ['backend', 'full-stack', 'newsletters', 'careers'];

/** Seeds `count` generated roles (some expired) and the demo roles. */
export async function seedBenchJobs(db: Db, mapping: CategoryMapping, count = 400): Promise<void> {
  const now = Date.now();
  const records: JobInput[] = Array.from({ length: count }, (_, i) => ({
    externalId: `bench-${i}`,
    title: `Bench Role ${i}`,
    company: `Bench Company ${i % 17} (generated)`,
    location: {
      label: i % 3 === 0 ? 'Remote (UK)' : 'London, UK',
      city: i % 3 === 0 ? null : 'London',
      region: null,
      country: i % 3 === 0 ? null : 'GB',
      remote: i % 3 === 0,
      remoteRegions: i % 3 === 0 ? ['UK'] : [],
      applicantCountries: i % 3 === 0 ? ['GB'] : [],
    },
    employmentType: 'FULL_TIME',
    department: null,
    team: null,
    salary: i % 2 ? { min: 50_000 + i, max: 80_000 + i, currency: 'GBP', unit: 'YEAR' } : null,
    descriptionHtml: `<p>Generated role ${i} for the island benchmark.</p>`,
    applyUrl: `https://example.com/bench/${i}`,
    postedAt: new Date(now - i * 3_600_000).toISOString(),
    validThrough: i % 10 === 0 ? new Date(now - 60_000).toISOString() : null,
    categories: [CATEGORIES[i % CATEGORIES.length] ?? 'backend'],
  }));
  await importFeed(db, 'bench', { records, rejected: [], skipped: 0, warnings: [] }, { mapping });
  await seedDemoJobs(db, mapping);
}
