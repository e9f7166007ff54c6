import type { CompanyProfile } from './company-profiles.ts';
import type { JobRow } from './job.table.ts';
import type { EmploymentType, Job, JobInput, JobLocation, SalaryUnit } from './job.ts';
import { sanitizeDescription } from './job-description.ts';
import { NO_LOCATION_DEFAULTS, normaliseLocation } from './job-location.ts';

const list = (text: string | null) => (text ? text.split(',') : []);
const joined = (values: readonly string[]) => (values.length > 0 ? values.join(',') : null);

/** True when a profile describes this company: it names it, or names no company at all. */
function describes(profile: CompanyProfile | undefined, company: string): profile is CompanyProfile {
  return !!profile && (!profile.name || profile.name.trim().toLowerCase() === company.trim().toLowerCase());
}

/**
 * The row columns a JobInput sets (everything but id, source, validity, timestamps and state);
 * the company's links come from its source's profile when the profile describes that company.
 */
export function toRowFields(input: JobInput, profile?: CompanyProfile) {
  const { location, salary } = input;
  const company = describes(profile, input.company) ? profile : undefined;
  return {
    external_id: input.externalId,
    title: input.title,
    company: input.company,
    company_url: company?.sameAs ?? null,
    company_logo: company?.logo ?? null,
    location: location.label,
    city: location.city,
    region: location.region,
    country: location.country,
    remote: location.remote ? 1 : 0,
    remote_regions: joined(location.remoteRegions),
    applicant_countries: joined(location.applicantCountries),
    employment_type: input.employmentType,
    department: input.department,
    team: input.team,
    salary_min: salary?.min ?? null,
    salary_max: salary?.max ?? null,
    salary_currency: salary?.currency ?? null,
    salary_unit: salary?.unit ?? null,
    description_html: sanitizeDescription(input.descriptionHtml),
    apply_url: input.applyUrl,
    posted_at: input.postedAt,
    feed_valid_through: input.validThrough,
  };
}

/** A row's location; rows stored before locations were normalised are read from their text. */
function toLocation(row: JobRow): JobLocation {
  if (row.country || row.applicant_countries || row.city) {
    return {
      label: row.location,
      city: row.city,
      region: row.region,
      country: row.country,
      remote: row.remote === 1,
      remoteRegions: list(row.remote_regions),
      applicantCountries: list(row.applicant_countries),
    };
  }
  const facts = { label: row.location, remote: row.remote === 1, remoteRegions: list(row.remote_regions) };
  return normaliseLocation(facts, NO_LOCATION_DEFAULTS).location;
}

/** Maps a stored row (and its categories) to a Job, judging its status at `now`. */
export function toJob(row: JobRow, categories: string[], now = new Date()): Job {
  const validThrough = row.valid_through ? new Date(row.valid_through) : null;
  const hasSalary = row.salary_currency && (row.salary_min !== null || row.salary_max !== null);
  return {
    id: row.id,
    source: row.source,
    externalId: row.external_id,
    title: row.title,
    company: row.company,
    companyUrl: row.company_url,
    companyLogo: row.company_logo,
    location: toLocation(row),
    employmentType: row.employment_type as EmploymentType,
    department: row.department,
    team: row.team,
    salary: hasSalary
      ? {
          min: row.salary_min,
          max: row.salary_max,
          currency: row.salary_currency ?? '',
          unit: (row.salary_unit ?? 'YEAR') as SalaryUnit,
        }
      : null,
    descriptionHtml: row.description_html,
    applyUrl: row.apply_url,
    postedAt: new Date(row.posted_at),
    validThrough,
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
    updatedAt: new Date(row.updated_at),
    categories,
    status: row.closed_at ? 'closed' : validThrough && validThrough <= now ? 'expired' : 'open',
  };
}
