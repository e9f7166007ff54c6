import { describeAsText } from '../job-description.ts';

/** schema.org JobPosting employment types the site shows and publishes. */
export const EMPLOYMENT_TYPES = [
  'FULL_TIME',
  'PART_TIME',
  'CONTRACTOR',
  'TEMPORARY',
  'INTERN',
  'OTHER',
] as const;
/** One of EMPLOYMENT_TYPES. */
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** schema.org unitText values for a salary. */
export const SALARY_UNITS = ['YEAR', 'MONTH', 'WEEK', 'DAY', 'HOUR'] as const;
/** One of SALARY_UNITS. */
export type SalaryUnit = (typeof SALARY_UNITS)[number];

/** A salary range; at least one bound is set. */
export interface SalaryInput {
  min: number | null;
  max: number | null;
  currency: string;
  unit: SalaryUnit;
}

/** One role as every importer hands it to the job service, whatever the feed format. */
export interface JobInput {
  externalId: string;
  title: string;
  company: string;
  location: string | null;
  remote: boolean;
  /** Where a remote applicant must live; empty for anywhere. */
  remoteRegions: string[];
  employmentType: EmploymentType;
  department: string | null;
  team: string | null;
  salary: SalaryInput | null;
  /** Description HTML as the source gives it; the service sanitises it before storing. */
  descriptionHtml: string;
  applyUrl: string;
  /** ISO-8601 instant. */
  postedAt: string;
  validThrough: string | null;
  /** Category slugs given by the feed itself (project JSON format only); mapped otherwise. */
  categories: string[] | null;
}

/** A problem with one record; the importer reports it with the record's index and goes on. */
export class RecordError extends Error {}

/** A feed that cannot be imported at all (not JSON, or not of the named format). */
export class FeedFormatError extends Error {}

/** Checks the fields every format shares and returns the record, or throws RecordError. */
export function validateJobInput(input: JobInput): JobInput {
  const fail = (reason: string): never => {
    throw new RecordError(reason);
  };
  if (!input.externalId.trim()) fail('missing id');
  if (input.externalId.length > 200) fail('id is longer than 200 characters');
  if (!input.title.trim()) fail('missing title');
  if (input.title.length > 300) fail('title is longer than 300 characters');
  if (!input.company.trim()) fail('missing company');
  if (!input.descriptionHtml.trim()) fail('missing description');
  // A description of only images or scripts would be empty once sanitised.
  else if (!describeAsText(input.descriptionHtml, 10)) fail('description has no text');
  if (!isHttpUrl(input.applyUrl)) fail(`apply URL "${input.applyUrl}" is not an http(s) URL`);
  if (input.validThrough && input.validThrough <= input.postedAt)
    fail('validThrough is not after the posting date');
  const salary = input.salary;
  if (salary) {
    if (salary.min === null && salary.max === null) fail('salary has neither min nor max');
    for (const bound of [salary.min, salary.max]) {
      if (bound !== null && !(Number.isFinite(bound) && bound >= 0))
        fail(`salary bound ${bound} is not a positive number`);
    }
    if (salary.min !== null && salary.max !== null && salary.min > salary.max)
      fail('salary min is above max');
    if (!/^[A-Z]{3}$/.test(salary.currency))
      fail(`salary currency "${salary.currency}" is not an ISO 4217 code`);
  }
  return input;
}

/** True for absolute http: and https: URLs (so a feed cannot smuggle `javascript:` links). */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}

/** Parses a date (ISO text or epoch ms) into an ISO instant, or throws RecordError naming the field. */
export function toIsoInstant(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') throw new RecordError(`missing ${field}`);
  const date =
    typeof value === 'number'
      ? new Date(value)
      : typeof value === 'string'
        ? new Date(value)
        : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new RecordError(`${field} ${JSON.stringify(value)} is not a date`);
  return date.toISOString();
}

/** Reads a feed's free-text employment type ("Full-time", "FullTime", "Contract"…); null when unknown. */
export function toEmploymentType(text: string | null): EmploymentType | null {
  if (!text) return null;
  const value = text.toLowerCase().replace(/[^a-z]/g, '');
  if (value.includes('intern')) return 'INTERN';
  if (value.includes('full')) return 'FULL_TIME';
  if (value.includes('part')) return 'PART_TIME';
  if (value.includes('contract') || value.includes('freelance')) return 'CONTRACTOR';
  if (value.includes('temp')) return 'TEMPORARY';
  return null;
}

/**
 * Reads a location label such as "Remote", "Remote (EU)" or "Remote - United States": whether
 * it is remote, what is left as a place, and the regions a remote applicant must live in.
 */
export function readLocation(label: string | null): {
  location: string | null;
  remote: boolean;
  regions: string[];
} {
  if (!label) return { location: null, remote: false, regions: [] };
  if (!/\bremote\b/i.test(label)) return { location: label, remote: false, regions: [] };
  const rest = label
    .replace(/\bremote\b/i, '')
    .replace(/^[\s\-–—,:(/|]+|[\s\-–—,:)/|]+$/g, '')
    .trim();
  return {
    location: null,
    remote: true,
    regions: rest ? rest.split(/\s*[,/|]\s*|\s+or\s+/).filter(Boolean) : [],
  };
}
