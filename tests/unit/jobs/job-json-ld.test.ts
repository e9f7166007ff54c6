import { describe, expect, test } from 'vitest';
import { jobPostingJsonLd, serializeJsonLd } from '../../../src/pages/jobs/_json-ld.ts';
import type { Job } from '../../../src/server/jobs/job.service.ts';

const job: Job = {
  id: 'abc',
  source: 'own',
  externalId: 'own-1',
  title: 'Backend Engineer',
  company: 'Umbrella (fixture)',
  location: 'Manchester, UK',
  remote: true,
  remoteRegions: ['United Kingdom'],
  employmentType: 'FULL_TIME',
  department: null,
  team: null,
  salary: { min: 100, max: null, currency: 'GBP', unit: 'HOUR' },
  descriptionHtml: '<p>Build </script> things</p>',
  applyUrl: 'https://example.com/apply',
  postedAt: new Date('2026-11-20T08:00:00Z'),
  validThrough: new Date('2027-01-31T00:00:00Z'),
  closedAt: null,
  categories: ['backend'],
  status: 'open',
};

describe('JobPosting JSON-LD', () => {
  test('carries the fields Google requires and recommends', () => {
    const data = jobPostingJsonLd(job, new URL('https://blog.example.com/jobs/abc/'));
    expect(data).toMatchObject({
      '@type': 'JobPosting',
      title: 'Backend Engineer',
      datePosted: '2026-11-20T08:00:00.000Z',
      validThrough: '2027-01-31T00:00:00.000Z',
      hiringOrganization: { '@type': 'Organization', name: 'Umbrella (fixture)' },
      jobLocation: { address: { addressLocality: 'Manchester', addressCountry: 'UK' } },
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: [{ '@type': 'Country', name: 'United Kingdom' }],
      employmentType: 'FULL_TIME',
      baseSalary: { currency: 'GBP', value: { minValue: 100, unitText: 'HOUR' } },
      identifier: { '@type': 'PropertyValue', value: 'own-1' },
    });
  });

  test('cannot close its script element', () => {
    const text = serializeJsonLd(jobPostingJsonLd(job, new URL('https://blog.example.com/jobs/abc/')));
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text).description).toBe('<p>Build </script> things</p>');
  });
});
