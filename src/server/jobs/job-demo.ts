import type { Db } from '../platform/db/database.ts';
import type { CategoryMapping } from './category-mapping.ts';
import { type CompanyProfiles, loadCompanyProfiles, profileFor } from './company-profiles.ts';
import { countAllJobs } from './job.repository.ts';
import type { JobInput } from './job.ts';
import { importFeed } from './job-import.service.ts';
import type { JobDraft } from './job-input.ts';
import { normaliseLocation } from './job-location.ts';

/** The source name of the demo roles, so `jobs list` shows where they came from. */
export const DEMO_SOURCE = 'demo';

const DAY = 86_400_000;

function demoRole(
  externalId: string,
  title: string,
  company: string,
  categories: string[],
  daysAgo: number,
  extra: Partial<JobDraft>,
  now: Date,
): JobDraft {
  return {
    externalId,
    title,
    company,
    location: { label: null },
    employmentType: 'FULL_TIME',
    department: null,
    team: null,
    salary: null,
    descriptionHtml: `<p><strong>This is a demo role: the company is fictional and there is no opening.</strong> It shows how roles appear on the site until real feeds are imported.</p><p>${title} at ${company}.</p>`,
    applyUrl: `https://example.com/demo-jobs/${externalId}`,
    postedAt: new Date(now.getTime() - daysAgo * DAY).toISOString(),
    validThrough: null,
    categories,
    ...extra,
  };
}

/**
 * A handful of clearly fictional roles across the blog's categories, dated back from the start
 * of `now`'s day so seeding twice on one day changes nothing. Locations are in a feed's words;
 * the remote role without an area takes the demo source's default from content/companies.yml.
 */
export function demoRoles(at = new Date()): JobDraft[] {
  const now = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return [
    demoRole(
      'backend-1',
      'Senior Backend Engineer (Demo)',
      'Example Payments Ltd (demo)',
      ['backend'],
      1,
      {
        location: { label: 'London, UK' },
        salary: { min: 85_000, max: 110_000, currency: 'GBP', unit: 'YEAR' },
      },
      now,
    ),
    demoRole(
      'backend-2',
      'Platform Engineer, Databases (Demo)',
      'Sample Logistics GmbH (demo)',
      ['backend'],
      3,
      {
        location: { label: 'Remote (EU)' },
      },
      now,
    ),
    demoRole(
      'full-stack-1',
      'Full Stack Developer (Demo)',
      'Placeholder Health Inc (demo)',
      ['full-stack'],
      2,
      {
        location: { label: 'Berlin, Germany' },
        employmentType: 'CONTRACTOR',
      },
      now,
    ),
    demoRole(
      'newsletters-1',
      'Technical Newsletter Editor (Demo)',
      'Fictional Media Co (demo)',
      ['newsletters', 'careers'],
      5,
      {
        location: { label: 'Remote' },
        employmentType: 'PART_TIME',
      },
      now,
    ),
    demoRole(
      'careers-1',
      'Engineering Manager, Backend (Demo)',
      'Example Payments Ltd (demo)',
      ['backend', 'careers'],
      8,
      {
        location: { label: 'Manchester, UK' },
        salary: { min: 110_000, max: 135_000, currency: 'GBP', unit: 'YEAR' },
      },
      now,
    ),
  ];
}

/** Upserts the demo roles (`npm run db:seed -- --demo`) under the demo source's profile. */
export function seedDemoJobs(
  db: Db,
  mapping: CategoryMapping,
  now = new Date(),
  profiles: CompanyProfiles = loadCompanyProfiles(),
) {
  const profile = profileFor(profiles, DEMO_SOURCE);
  const records: JobInput[] = demoRoles(now).map((role) => ({
    ...role,
    location: normaliseLocation(role.location, profile.locationDefaults).location,
  }));
  return importFeed(
    db,
    DEMO_SOURCE,
    { records, rejected: [], skipped: 0, warnings: [] },
    { mapping, profile, now },
  );
}

/**
 * Inserts the demo roles when the store has never held a role (a fresh database); returns
 * whether it did. Only the quick start and `db:seed --demo` call it.
 */
export async function ensureDemoJobs(db: Db, mapping: CategoryMapping, now = new Date()): Promise<boolean> {
  if ((await countAllJobs(db)) > 0) return false;
  await seedDemoJobs(db, mapping, now);
  return true;
}
