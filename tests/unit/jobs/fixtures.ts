import { readFileSync } from 'node:fs';
import { loadCategoryMapping } from '../../../src/server/jobs/category-mapping.ts';
import { loadCompanyProfiles, profileFor } from '../../../src/server/jobs/company-profiles.ts';
import type { FeedFormat, ImporterOptions } from '../../../src/server/jobs/importers/index.ts';
import type { JobInput } from '../../../src/server/jobs/job.ts';

/** The text of a fixture feed in tests/fixtures/jobs/. */
export const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/jobs/${name}`, import.meta.url), 'utf8');

/** The editors' mapping and the fixture sources' company profiles (tests/fixtures/jobs/companies.yml). */
export const mapping = loadCategoryMapping('content');
export const profiles = loadCompanyProfiles(new URL('../../fixtures/jobs/', import.meta.url).pathname);

/** Each fixture feed with its format and the source an operator would import it under. */
export const FIXTURE_FEEDS: ReadonlyArray<{ file: string; format: FeedFormat; source: string }> = [
  { file: 'greenhouse.json', format: 'greenhouse', source: 'acme' },
  { file: 'lever.json', format: 'lever', source: 'globex' },
  { file: 'ashby.json', format: 'ashby', source: 'initech' },
  { file: 'jobs.json', format: 'json', source: 'umbrella' },
];

/** The importer options `jobs import --source <source>` would use for a fixture feed. */
export function optionsFor(source: string): ImporterOptions {
  const profile = profileFor(profiles, source);
  return {
    company: profile.name,
    knownCategories: mapping.known,
    locationDefaults: profile.locationDefaults,
  };
}

/** A complete role in London, open and unexpired, for the store's own tests. */
export function role(externalId: string, extra: Partial<JobInput> = {}): JobInput {
  return {
    externalId,
    title: `Role ${externalId}`,
    company: 'Acme (fixture)',
    location: {
      label: 'London, UK',
      city: 'London',
      region: null,
      country: 'GB',
      remote: false,
      remoteRegions: [],
      applicantCountries: [],
    },
    employmentType: 'FULL_TIME',
    department: null,
    team: null,
    salary: null,
    descriptionHtml: '<p>Work.</p>',
    applyUrl: `https://example.com/${externalId}`,
    postedAt: '2026-11-20T00:00:00.000Z',
    validThrough: null,
    categories: null,
    ...extra,
  };
}
