import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FeedFormatError, parseFeed } from '../../../src/server/jobs/importers/index.ts';
import { readLocation, toEmploymentType } from '../../../src/server/jobs/importers/job-input.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/jobs/${name}`, import.meta.url), 'utf8');
const options = {
  company: 'Fallback Co',
  knownCategories: new Set(['backend', 'careers', 'full-stack', 'newsletters']),
};

describe('Greenhouse importer', () => {
  const result = parseFeed(fixture('greenhouse.json'), 'greenhouse', options);

  test('reads the good jobs with their departments, locations, pay and decoded HTML', () => {
    expect(result.records.map((r) => r.externalId)).toEqual(['4012001', '4012002', '4012005']);
    const [backend, fullStack] = result.records;
    expect(backend).toMatchObject({
      title: 'Senior Backend Engineer',
      company: 'Acme Rockets (fixture)',
      location: 'London, UK',
      remote: false,
      department: 'Platform',
      employmentType: 'FULL_TIME',
      salary: { min: 90_000, max: 120_000, currency: 'GBP', unit: 'YEAR' },
      applyUrl: 'https://boards.example.com/acme/jobs/4012001',
      postedAt: '2026-11-18T14:00:00.000Z',
    });
    expect(backend?.descriptionHtml).toContain('<strong>APIs</strong>');
    expect(fullStack).toMatchObject({
      company: 'Fallback Co',
      remote: true,
      remoteRegions: ['EU'],
      location: null,
    });
  });

  test('rejects the bad records by index with the reason', () => {
    expect(result.rejected).toEqual([
      { index: 2, externalId: '4012003', reason: 'missing title' },
      { index: 3, externalId: '4012004', reason: 'apply URL "javascript:alert(1)" is not an http(s) URL' },
    ]);
  });
});

describe('Lever importer', () => {
  const result = parseFeed(fixture('lever.json'), 'lever', options);

  test('reads postings with team, commitment, salary interval and joined description lists', () => {
    expect(result.records).toHaveLength(2);
    const [payments, recruiter] = result.records;
    expect(payments).toMatchObject({
      title: 'Backend Engineer, Payments',
      company: 'Fallback Co',
      team: 'Payments Platform',
      remote: true,
      remoteRegions: ['GB'],
      salary: { min: 70_000, max: 90_000, currency: 'GBP', unit: 'YEAR' },
      applyUrl: 'https://jobs.example.com/globex/5a1b2c3d-0001/apply',
      postedAt: '2026-11-21T22:26:40.000Z',
    });
    expect(payments?.descriptionHtml).toContain('<h3>What you will do</h3><ul><li>Design APIs</li>');
    expect(recruiter).toMatchObject({
      employmentType: 'CONTRACTOR',
      location: 'Amsterdam, Netherlands',
      salary: null,
    });
  });

  test('rejects a posting with an unreadable date and an entry that is not an object', () => {
    expect(result.rejected).toEqual([
      {
        index: 2,
        externalId: '5a1b2c3d-0003-4000-8000-000000000003',
        reason: 'createdAt "yesterday" is not a date',
      },
      { index: 3, externalId: null, reason: 'not an object' },
    ]);
  });
});

describe('Ashby importer', () => {
  const result = parseFeed(fixture('ashby.json'), 'ashby', options);

  test('reads listed jobs with salary compensation, skips unlisted ones and rejects undated ones', () => {
    expect(result.records.map((r) => r.title)).toEqual(['Staff Platform Engineer', 'Developer Advocate']);
    expect(result.records[0]).toMatchObject({
      department: 'Infrastructure',
      team: 'Platform',
      salary: { min: 100_000, max: 130_000, currency: 'EUR', unit: 'YEAR' },
    });
    expect(result.records[1]).toMatchObject({
      employmentType: 'PART_TIME',
      remote: true,
      remoteRegions: ['Canada'],
    });
    expect(result.skipped).toBe(1);
    expect(result.rejected).toEqual([
      { index: 3, externalId: '9f000000-0000-4000-8000-000000000004', reason: 'missing publishedAt' },
    ]);
  });
});

describe('project JSON importer', () => {
  const result = parseFeed(fixture('jobs.json'), 'json', options);

  test('reads explicit categories, remote regions and validThrough', () => {
    expect(result.records.map((r) => r.externalId)).toEqual(['own-1', 'own-2']);
    expect(result.records[0]).toMatchObject({
      remoteRegions: ['United Kingdom'],
      validThrough: '2027-01-31T23:59:59.000Z',
      categories: null,
    });
    expect(result.records[1]?.categories).toEqual(['newsletters', 'careers']);
  });

  test('rejects an unknown employment type and an unknown category', () => {
    expect(result.rejected.map((r) => [r.index, r.reason])).toEqual([
      [
        2,
        'employmentType "SOMETIMES" is not one of FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, OTHER',
      ],
      [3, 'unknown category quantum (known: backend, careers, full-stack, newsletters)'],
    ]);
  });

  test('rejects a description that has no text once sanitised', () => {
    const feed = JSON.parse(fixture('jobs.json'));
    feed.jobs[0].description = '<img src="https://t.example/p.gif"><script>alert(1)</script>';
    expect(parseFeed(JSON.stringify(feed), 'json', options).rejected[0]).toEqual({
      index: 0,
      externalId: 'own-1',
      reason: 'description has no text',
    });
  });

  test('rejects a repeated id as a bad record', () => {
    const feed = JSON.parse(fixture('jobs.json'));
    feed.jobs.push(feed.jobs[0]);
    const repeated = parseFeed(JSON.stringify(feed), 'json', options);
    expect(repeated.rejected.at(-1)).toEqual({
      index: 4,
      externalId: 'own-1',
      reason: 'id "own-1" appears earlier in the feed',
    });
  });
});

describe('whole-feed rejection', () => {
  test('refuses text that is not JSON', () => {
    expect(() => parseFeed(fixture('not-json.txt'), 'json', options)).toThrow(/not valid JSON/);
  });

  test.each([
    ['lever.json', 'greenhouse', /Greenhouse feed is an object with a "jobs" list/],
    ['greenhouse.json', 'lever', /Lever feed is a list of postings/],
    ['greenhouse.json', 'ashby', /none of the 5 records looks like an Ashby job posting/],
    ['ashby.json', 'json', /"version": 1/],
    ['greenhouse.json', 'json', /"version": 1/],
  ] as const)('refuses %s read as %s', (file, format, message) => {
    expect(() => parseFeed(fixture(file), format, options)).toThrow(FeedFormatError);
    expect(() => parseFeed(fixture(file), format, options)).toThrow(message);
  });
});

describe('shared field readers', () => {
  test('read remote locations and their regions', () => {
    expect(readLocation('Remote (EU)')).toEqual({ location: null, remote: true, regions: ['EU'] });
    expect(readLocation('Remote - United States, Canada')).toEqual({
      location: null,
      remote: true,
      regions: ['United States', 'Canada'],
    });
    expect(readLocation('Lisbon, Portugal')).toEqual({
      location: 'Lisbon, Portugal',
      remote: false,
      regions: [],
    });
  });

  test('map free-text employment types to schema.org values', () => {
    expect(
      ['Full-time', 'PartTime', 'Internship', 'Freelance', 'Temporary', 'Whenever'].map(toEmploymentType),
    ).toEqual(['FULL_TIME', 'PART_TIME', 'INTERN', 'CONTRACTOR', 'TEMPORARY', null]);
  });
});
