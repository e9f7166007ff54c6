/**
 * The jobs feature's core types: a role as importers hand it in (JobInput) and as pages show
 * it (Job). Everything else in the feature, importers included, depends on these.
 */

/** Google's JobPosting employment types, the only values the site stores and publishes. */
export const EMPLOYMENT_TYPES = [
  'FULL_TIME',
  'PART_TIME',
  'CONTRACTOR',
  'TEMPORARY',
  'INTERN',
  'VOLUNTEER',
  'PER_DIEM',
  'OTHER',
] as const;
/** One of EMPLOYMENT_TYPES. */
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** schema.org unitText values for a salary. */
export const SALARY_UNITS = ['YEAR', 'MONTH', 'WEEK', 'DAY', 'HOUR'] as const;
/** One of SALARY_UNITS. */
export type SalaryUnit = (typeof SALARY_UNITS)[number];

/** A pay range in currency units; at least one bound is set. */
export interface Salary {
  min: number | null;
  max: number | null;
  /** ISO 4217 code. */
  currency: string;
  unit: SalaryUnit;
}

/**
 * Where a role is done, normalised: the office (city and region as the feed writes them,
 * country as an ISO 3166-1 alpha-2 code) and, for remote roles, the countries applicants may
 * live in, with regions ("EU") expanded to their countries.
 */
export interface JobLocation {
  /** The feed's own words ("London, UK", "Remote - EU"), kept for search and old rows. */
  label: string | null;
  city: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2 code of the office's country. */
  country: string | null;
  remote: boolean;
  /** The areas remote applicants may live in, as the feed or the source's profile names them ("EU"). */
  remoteRegions: string[];
  /** Those areas as ISO 3166-1 alpha-2 codes, sorted; empty when nothing names them. */
  applicantCountries: string[];
}

/** One role as every importer (and `jobs add`) hands it to the job service. */
export interface JobInput {
  externalId: string;
  title: string;
  company: string;
  location: JobLocation;
  employmentType: EmploymentType;
  department: string | null;
  team: string | null;
  salary: Salary | null;
  /** Description HTML as the source gives it; the service sanitises it before storing. */
  descriptionHtml: string;
  applyUrl: string;
  /** ISO-8601 instant. */
  postedAt: string;
  /** The feed's own expiry (ISO-8601), when it states one; else the validity window applies. */
  validThrough: string | null;
  /** Category slugs given by the feed itself (project JSON format only); mapped otherwise. */
  categories: string[] | null;
}

/** open, closed (left its feed or closed by hand) or expired (past validThrough). */
export type JobStatus = 'open' | 'closed' | 'expired';

/** A role as pages, the island and the operator's commands show it. */
export interface Job {
  id: string;
  source: string;
  externalId: string;
  title: string;
  company: string;
  /** The company's website and logo (a URL or a path on this site), from its source's profile. */
  companyUrl: string | null;
  companyLogo: string | null;
  location: JobLocation;
  employmentType: EmploymentType;
  department: string | null;
  team: string | null;
  salary: Salary | null;
  /** Sanitised when stored; safe to render. */
  descriptionHtml: string;
  applyUrl: string;
  postedAt: Date;
  /** After this the role is expired; null only on rows stored before every role had one. */
  validThrough: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  categories: string[];
  status: JobStatus;
}

/** A problem with one record; an importer reports all of a record's problems and goes on. */
export class RecordError extends Error {
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('; '));
    this.problems = list;
  }
}
