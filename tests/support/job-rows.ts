import type { NewJobRow } from '../../src/server/jobs/job.table.ts';

/** A complete, open, remote job row for tests that seed the jobs table directly. */
export function jobRow(
  id: string,
  fields: Partial<Pick<NewJobRow, 'closed_at' | 'valid_through' | 'updated_at'>> = {},
): NewJobRow {
  return {
    id,
    source: 'fixture',
    external_id: id,
    title: `Role ${id}`,
    company: 'Acme (fixture)',
    company_url: null,
    company_logo: null,
    location: 'Remote (UK)',
    city: null,
    region: null,
    country: null,
    remote: 1,
    remote_regions: 'UK',
    applicant_countries: 'GB',
    employment_type: 'FULL_TIME',
    department: null,
    team: null,
    salary_min: null,
    salary_max: null,
    salary_currency: null,
    salary_unit: null,
    description_html: '<p>Work.</p>',
    apply_url: `https://example.com/${id}`,
    posted_at: '2026-04-01T00:00:00.000Z',
    valid_through: null,
    feed_valid_through: null,
    closed_at: null,
    created_at: '2026-04-01T00:00:00.000Z',
    updated_at: '2026-04-01T00:00:00.000Z',
    ...fields,
  };
}
