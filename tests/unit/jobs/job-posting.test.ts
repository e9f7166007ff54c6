import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serializeJsonLd } from '../../../src/lib/seo/json-ld.ts';
import { profileFor } from '../../../src/server/jobs/company-profiles.ts';
import { FEED_FORMATS, FeedFormatError, parseFeed } from '../../../src/server/jobs/importers/index.ts';
import { searchJobs } from '../../../src/server/jobs/job.service.ts';
import type { Job, JobInput } from '../../../src/server/jobs/job.ts';
import { demoRoles, seedDemoJobs } from '../../../src/server/jobs/job-demo.ts';
import { importFeed } from '../../../src/server/jobs/job-import.service.ts';
import { jobPostingJsonLd } from '../../../src/server/jobs/job-posting.ts';
import { toJob, toRowFields } from '../../../src/server/jobs/job-row.ts';
import { e2eRoles } from '../../e2e/support/jobs.ts';
import { createTestDatabase, type TestDatabase } from '../../support/databases.ts';
import { checkJobPosting } from '../../support/google-job-posting.ts';
import { feedText } from '../fuzz/feeds.ts';
import { FUZZ_SEED, runs } from '../fuzz/hostile.ts';
import { FIXTURE_FEEDS, fixture, mapping, optionsFor, profiles, role } from './fixtures.ts';

const page = new URL('https://blog.example.com/jobs/abc/');
const now = new Date();

/** A stored role as the pages read it, without a database: the row the import would write. */
function asStored(input: JobInput): Job {
  const row = {
    id: 'abc',
    source: 'test',
    ...toRowFields(input, profileFor(profiles, 'acme')),
    valid_through: new Date(now.getTime() + 60 * 86_400_000).toISOString(),
    closed_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  return toJob(row, [], now);
}

/** Google's verdict on a role's JSON-LD, less what the role cannot have (no pay, no profile). */
function verdict(job: Job) {
  const report = checkJobPosting(JSON.parse(serializeJsonLd({ ...jobPostingJsonLd(job, page) })));
  const excusable = new Set([
    ...(job.salary ? [] : ['baseSalary']),
    ...(job.companyUrl ? [] : ['hiringOrganization.sameAs']),
    ...(job.companyLogo ? [] : ['hiringOrganization.logo']),
    // A role placed only by its country (the source's default) has no locality to give.
    ...(job.location.city || job.location.region ? [] : ['jobLocation[0].address.addressLocality']),
  ]);
  return {
    title: job.title,
    missingRequired: report.missingRequired,
    invalid: report.invalid,
    missingRecommended: report.missingRecommended.filter((name) => !excusable.has(name)),
  };
}
const passes = (job: Job) => ({ title: job.title, missingRequired: [], invalid: [], missingRecommended: [] });

describe('JobPosting JSON-LD', () => {
  const hybrid = asStored(
    role('own-1', {
      company: 'Acme Rockets (fixture)',
      location: {
        label: 'Manchester, UK',
        city: 'Manchester',
        region: null,
        country: 'GB',
        remote: true,
        remoteRegions: ['EU'],
        applicantCountries: ['DE', 'FR'],
      },
      salary: { min: 100, max: null, currency: 'GBP', unit: 'HOUR' },
    }),
  );

  test('carries the office as ISO country, remote countries by name, pay, dates and the profile links', () => {
    expect(jobPostingJsonLd(hybrid, page)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      validThrough: hybrid.validThrough?.toISOString(),
      hiringOrganization: {
        '@type': 'Organization',
        name: 'Acme Rockets (fixture)',
        sameAs: 'https://acme.example.com/',
        logo: 'https://acme.example.com/logo.png',
      },
      jobLocation: { address: { addressLocality: 'Manchester', addressCountry: 'GB' } },
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: [
        { '@type': 'Country', name: 'Germany' },
        { '@type': 'Country', name: 'France' },
      ],
      baseSalary: {
        currency: 'GBP',
        value: { '@type': 'QuantitativeValue', minValue: 100, unitText: 'HOUR' },
      },
      identifier: { '@type': 'PropertyValue', value: 'own-1' },
    });
    expect(verdict(hybrid)).toEqual(passes(hybrid));
  });

  test('cannot close its script element', () => {
    const text = serializeJsonLd({
      ...jobPostingJsonLd({ ...hybrid, descriptionHtml: '<p>Build </script> things</p>' }, page),
    });
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text).description).toBe('<p>Build </script> things</p>');
  });

  test('resolves a logo given as a path on this site', () => {
    const job = { ...hybrid, companyLogo: '/logos/acme.png' };
    expect(jobPostingJsonLd(job, page).hiringOrganization).toMatchObject({
      logo: 'https://blog.example.com/logos/acme.png',
    });
  });
});

describe("the tests' Google checker", () => {
  const good = jobPostingJsonLd(asStored(role('r1')), page);

  test('finds what main used to publish: a country name, EU as a Country, a remote role nobody can place', () => {
    const wrong = {
      ...good,
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'UK' } },
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: [{ '@type': 'Country', name: 'EU' }],
    };
    expect(checkJobPosting(wrong).invalid).toEqual([
      'jobLocation[0].address.addressCountry: "UK" is not ISO 3166-1 alpha-2',
      'applicantLocationRequirements: "EU" is not a country',
    ]);
    const { jobLocation, validThrough, ...unplaced } = { ...good, jobLocationType: 'TELECOMMUTE' };
    expect(checkJobPosting(unplaced)).toMatchObject({
      missingRequired: ['applicantLocationRequirements'],
      missingRecommended: expect.arrayContaining(['validThrough', 'baseSalary']),
    });
    expect(
      checkJobPosting({ ...good, hiringOrganization: { '@type': 'Organization' } }).missingRequired,
    ).toEqual(['hiringOrganization.name']);
  });
});

describe('every role the test suites create passes Google’s checks', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await database?.drop();
  });
  const openRoles = async () => (await searchJobs(database.db, { page: 1, pageSize: 500 })).jobs;

  test('the demo roles', async () => {
    await seedDemoJobs(database.db, mapping);
    const jobs = await openRoles();
    expect(jobs).toHaveLength(demoRoles().length);
    expect(jobs.map(verdict)).toEqual(jobs.map(passes));
  });

  test.each(FIXTURE_FEEDS)("each importer's fixture: $file", async ({ file, format, source }) => {
    const parsed = parseFeed(fixture(file), format, optionsFor(source));
    const summary = await importFeed(database.db, source, parsed, {
      mapping,
      profile: profileFor(profiles, source),
    });
    expect(summary.added.length).toBeGreaterThan(0);
    expect(summary.added.map(verdict)).toEqual(summary.added.map(passes));
  });

  test('the e2e roles that are open', async () => {
    const summary = await importFeed(
      database.db,
      'e2e',
      { records: e2eRoles(), rejected: [], skipped: 0, warnings: [] },
      { mapping },
    );
    const open = summary.added.filter((job) => job.status === 'open');
    expect(open.length).toBeGreaterThanOrEqual(4);
    expect(open.map(verdict)).toEqual(open.map(passes));
  });

  test.each(FEED_FORMATS)('every record of generated %s feeds', (format) => {
    const options = { ...optionsFor('acme'), company: 'Fuzz Co' };
    let checked = 0;
    for (const text of fc.sample(feedText(format), { seed: FUZZ_SEED, numRuns: runs(150) })) {
      let records: JobInput[];
      try {
        records = parseFeed(text, format, options).records;
      } catch (error) {
        if (error instanceof FeedFormatError) continue;
        throw error;
      }
      const jobs = records.map(asStored);
      expect(jobs.map(verdict)).toEqual(jobs.map(passes));
      checked += jobs.length;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
