import { describe, expect, test } from 'vitest';
import { toEmploymentType } from '../../../src/server/jobs/importers/feed-record.ts';
import { FeedFormatError, MissingCompanyError, parseFeed } from '../../../src/server/jobs/importers/index.ts';
import { fixture, optionsFor } from './fixtures.ts';

const EU_MEMBERS = 27;

describe('Greenhouse importer', () => {
  const result = parseFeed(fixture('greenhouse.json'), 'greenhouse', optionsFor('acme'));

  test('reads the good jobs with departments, normalised locations, pay and decoded HTML', () => {
    expect(result.records.map((r) => r.externalId)).toEqual(['4012001', '4012002', '4012005']);
    const [backend, fullStack, finance] = result.records;
    expect(backend).toMatchObject({
      title: 'Senior Backend Engineer',
      company: 'Acme Rockets (fixture)',
      location: { label: 'London, UK', city: 'London', country: 'GB', remote: false },
      department: 'Platform',
      employmentType: 'FULL_TIME',
      salary: { min: 90_000, max: 120_000, currency: 'GBP', unit: 'YEAR' },
      applyUrl: 'https://boards.example.com/acme/jobs/4012001',
      postedAt: '2026-11-18T14:00:00.000Z',
    });
    expect(backend?.descriptionHtml).toContain('<strong>APIs</strong>');
    expect(fullStack).toMatchObject({
      company: 'Acme Rockets (fixture)',
      location: { remote: true, remoteRegions: ['EU'], city: null, country: null },
      salary: { min: 65_000, max: 80_000, currency: 'EUR', unit: 'YEAR' },
    });
    expect(fullStack?.location.applicantCountries).toHaveLength(EU_MEMBERS);
    expect(finance?.location).toMatchObject({ city: 'New York', region: 'NY', country: 'US' });
  });

  test('rejects each bad record by index with every one of its problems', () => {
    expect(result.rejected).toEqual([
      { index: 2, externalId: '4012003', problems: ['missing title', 'missing apply URL'] },
      {
        index: 3,
        externalId: '4012004',
        problems: ['apply URL "javascript:alert(1)" is not an http(s) URL'],
      },
    ]);
  });

  test('refuses the whole feed when a role names no company and nobody gave one', () => {
    const options = { ...optionsFor('acme'), company: null };
    expect(() => parseFeed(fixture('greenhouse.json'), 'greenhouse', options)).toThrow(MissingCompanyError);
    expect(() => parseFeed(fixture('greenhouse.json'), 'greenhouse', options)).toThrow(
      /Greenhouse record 4012002 names no company/,
    );
  });
});

describe('Lever importer', () => {
  const result = parseFeed(fixture('lever.json'), 'lever', optionsFor('globex'));

  test('reads postings with team, commitment, salary interval, country and joined description lists', () => {
    expect(result.records).toHaveLength(2);
    const [payments, recruiter] = result.records;
    expect(payments).toMatchObject({
      title: 'Backend Engineer, Payments',
      company: 'Globex (fixture)',
      team: 'Payments Platform',
      location: { remote: true, remoteRegions: ['UK'], applicantCountries: ['GB'] },
      salary: { min: 70_000, max: 90_000, currency: 'GBP', unit: 'YEAR' },
      applyUrl: 'https://jobs.example.com/globex/5a1b2c3d-0001/apply',
      postedAt: '2026-11-21T22:26:40.000Z',
    });
    expect(payments?.descriptionHtml).toContain('<h3>What you will do</h3><ul><li>Design APIs</li>');
    expect(recruiter).toMatchObject({
      employmentType: 'CONTRACTOR',
      location: { city: 'Amsterdam', country: 'NL', remote: false },
      salary: { min: 5000, max: 6500, currency: 'EUR', unit: 'MONTH' },
    });
  });

  test('rejects a posting with an unreadable date and an entry that is not an object', () => {
    expect(result.rejected).toEqual([
      {
        index: 2,
        externalId: '5a1b2c3d-0003-4000-8000-000000000003',
        problems: ['createdAt "yesterday" is not a date'],
      },
      { index: 3, externalId: null, problems: ['not an object'] },
    ]);
  });

  test('refuses the feed, reading nothing, when no company is given', () => {
    expect(() =>
      parseFeed(fixture('lever.json'), 'lever', { ...optionsFor('globex'), company: null }),
    ).toThrow(/a Lever feed names no company: give --company NAME/);
  });
});

describe('Ashby importer', () => {
  const result = parseFeed(fixture('ashby.json'), 'ashby', optionsFor('initech'));

  test('reads listed jobs with salary compensation, skips unlisted ones and rejects undated ones', () => {
    expect(result.records.map((r) => r.title)).toEqual(['Staff Platform Engineer', 'Developer Advocate']);
    expect(result.records[0]).toMatchObject({
      company: 'Initech (fixture)',
      department: 'Infrastructure',
      team: 'Platform',
      location: { city: 'Dublin', region: 'County Dublin', country: 'IE' },
      salary: { min: 100_000, max: 130_000, currency: 'EUR', unit: 'YEAR' },
    });
    expect(result.records[1]).toMatchObject({
      employmentType: 'PART_TIME',
      location: { remote: true, remoteRegions: ['Canada'], applicantCountries: ['CA'] },
      salary: { min: 60, max: 75, currency: 'CAD', unit: 'HOUR' },
    });
    expect(result.skipped).toBe(1);
    expect(result.rejected).toEqual([
      { index: 3, externalId: '9f000000-0000-4000-8000-000000000004', problems: ['missing publishedAt'] },
    ]);
  });
});

describe('project JSON importer', () => {
  const result = parseFeed(fixture('jobs.json'), 'json', optionsFor('umbrella'));

  test('reads explicit categories, structured places, remote regions and validThrough', () => {
    expect(result.records.map((r) => r.externalId)).toEqual(['own-1', 'own-2']);
    expect(result.records[0]).toMatchObject({
      location: { city: 'Manchester', country: 'GB', remote: true, remoteRegions: ['United Kingdom'] },
      validThrough: '2027-01-31T23:59:59.000Z',
      categories: null,
    });
    expect(result.records[1]).toMatchObject({
      categories: ['newsletters', 'careers'],
      salary: { min: 35, max: 45, currency: 'GBP', unit: 'HOUR' },
    });
  });

  test('lists every problem of a bad record', () => {
    expect(result.rejected.map((r) => [r.index, r.problems])).toEqual([
      [
        2,
        [
          'employmentType "SOMETIMES" is not one of FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER',
          'missing apply URL',
        ],
      ],
      [3, ['unknown category quantum (known: backend, careers, full-stack, newsletters)']],
    ]);
  });

  test('rejects a description that has no text once sanitised', () => {
    const feed = JSON.parse(fixture('jobs.json'));
    feed.jobs[0].description = '<img src="https://t.example/p.gif"><script>alert(1)</script>';
    expect(parseFeed(JSON.stringify(feed), 'json', optionsFor('umbrella')).rejected[0]).toEqual({
      index: 0,
      externalId: 'own-1',
      problems: ['description has no text'],
    });
  });

  test('rejects a repeated id as a bad record', () => {
    const feed = JSON.parse(fixture('jobs.json'));
    feed.jobs.push(feed.jobs[0]);
    const repeated = parseFeed(JSON.stringify(feed), 'json', optionsFor('umbrella'));
    expect(repeated.rejected.at(-1)).toEqual({
      index: 4,
      externalId: 'own-1',
      problems: ['id "own-1" appears earlier in the feed'],
    });
  });

  test('warns when a remote role names no area and takes the source default', () => {
    const feed = JSON.parse(fixture('jobs.json'));
    delete feed.jobs[0].remoteRegions;
    const parsed = parseFeed(JSON.stringify(feed), 'json', optionsFor('umbrella'));
    expect(parsed.records[0]?.location).toMatchObject({
      remoteRegions: ['United Kingdom'],
      applicantCountries: ['GB'],
    });
    expect(parsed.warnings).toEqual([
      {
        index: 0,
        externalId: 'own-1',
        message: "remote role names no area: using United Kingdom, the source's default",
      },
    ]);
  });
});

describe('whole-feed rejection', () => {
  test('refuses text that is not JSON', () => {
    expect(() => parseFeed(fixture('not-json.txt'), 'json', optionsFor('umbrella'))).toThrow(
      /not valid JSON/,
    );
  });

  test.each([
    ['lever.json', 'greenhouse', /Greenhouse feed is an object with a "jobs" list/],
    ['greenhouse.json', 'lever', /Lever feed is a list of postings/],
    ['greenhouse.json', 'ashby', /none of the 5 records looks like an Ashby job posting/],
    ['ashby.json', 'json', /"version": 1/],
    ['greenhouse.json', 'json', /"version": 1/],
  ] as const)('refuses %s read as %s', (file, format, message) => {
    const options = { ...optionsFor('acme'), company: 'Some Co' };
    expect(() => parseFeed(fixture(file), format, options)).toThrow(FeedFormatError);
    expect(() => parseFeed(fixture(file), format, options)).toThrow(message);
  });
});

test('maps free-text employment types to Google values', () => {
  expect(
    [
      'Full-time',
      'PartTime',
      'Internship',
      'Freelance',
      'Temporary',
      'Volunteer',
      'Per diem',
      'Whenever',
    ].map(toEmploymentType),
  ).toEqual(['FULL_TIME', 'PART_TIME', 'INTERN', 'CONTRACTOR', 'TEMPORARY', 'VOLUNTEER', 'PER_DIEM', null]);
});
