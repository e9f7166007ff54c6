import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * One role. Timestamps are ISO-8601 UTC text from `Date#toISOString()` (so they sort as text
 * on both databases); money is in currency units (hourly rates may have decimals); booleans are 0/1 integers.
 */
export interface JobTable {
  /** Application-generated id, used in `/jobs/<id>/`. */
  id: string;
  /** Where the role came from: a feed name (`acme-greenhouse`), `manual` or `demo`. */
  source: string;
  /** The role's id in its source; unique per source. */
  external_id: string;
  title: string;
  company: string;
  /** The feed's location text, kept for search and for rows stored before `country` existed. */
  location: string | null;
  /** The office's city and region as the feed writes them. */
  city: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2 code of the office's country. */
  country: string | null;
  /** 1 when the role can be done fully remotely. */
  remote: number;
  /** The areas a remote applicant must live in as named ("EU", "United Kingdom"), comma-separated. */
  remote_regions: string | null;
  /** Those areas as ISO alpha-2 codes, comma-separated. */
  applicant_countries: string | null;
  /** Google's employmentType: FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER. */
  employment_type: string;
  department: string | null;
  team: string | null;
  salary_min: number | null;
  salary_max: number | null;
  /** ISO 4217 code, set whenever salary_min or salary_max is. */
  salary_currency: string | null;
  /** schema.org unitText: YEAR, MONTH, WEEK, DAY or HOUR. */
  salary_unit: string | null;
  /** Sanitised HTML, safe to render as-is. */
  description_html: string;
  apply_url: string;
  posted_at: string;
  /** After this instant the role is expired, even if still in its feed: the feed's expiry, else
   * the validity window from the later of posting and the last sync that listed it. */
  valid_through: string | null;
  /** The expiry the feed itself states, null when it states none. */
  feed_valid_through: string | null;
  /** The hiring organisation's website and logo, from the source's company profile. */
  company_url: string | null;
  company_logo: string | null;
  /** Set when the role left its feed or was closed by hand; null while open. */
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A role's blog categories (content/categories slugs), one row per pair. */
export interface JobCategoryTable {
  job_id: string;
  category: string;
  /** Insertion order, so a role's categories read back in mapping order. */
  position: number;
}

/** A role as read from the database. */
export type JobRow = Selectable<JobTable>;
/** A role as inserted. */
export type NewJobRow = Insertable<JobTable>;
/** Columns of a role that an update sets. */
export type JobRowUpdate = Updateable<JobTable>;
