/** Roles and feeds for tests and benchmarks that import roles without going through a feed format. */
import type { JobInput } from '../../src/server/jobs/job.ts';
import type { FeedParseResult } from '../../src/server/jobs/job-input.ts';
import {
  type LocationFacts,
  NO_LOCATION_DEFAULTS,
  normaliseLocation,
} from '../../src/server/jobs/job-location.ts';

/** A valid role; `where` is the location as a feed would write it (default "Leeds, UK"). */
export function fixtureRole(
  externalId: string,
  fields: Partial<JobInput> & { where?: LocationFacts } = {},
): JobInput {
  const { where = { label: 'Leeds, UK' }, ...rest } = fields;
  return {
    externalId,
    title: `Role ${externalId}`,
    company: 'Acme (fixture)',
    location: normaliseLocation(where, NO_LOCATION_DEFAULTS).location,
    employmentType: 'FULL_TIME',
    department: null,
    team: null,
    salary: null,
    descriptionHtml: '<p>Work.</p>',
    applyUrl: `https://example.com/apply/${encodeURIComponent(externalId)}`,
    postedAt: '2026-11-20T00:00:00.000Z',
    validThrough: null,
    categories: null,
    ...rest,
  };
}

/** A parsed feed of these records, with nothing rejected. */
export function feedOf(...records: JobInput[]): FeedParseResult {
  return { records, rejected: [], skipped: 0, warnings: [] };
}
