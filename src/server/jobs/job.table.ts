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
  /** Human-readable location, null when the source gives none. */
  location: string | null;
  /** 1 when the role can be done fully remotely. */
  remote: number;
  /** Countries or regions a remote applicant must live in, comma-separated; null for anywhere. */
  remote_regions: string | null;
  /** schema.org employmentType: FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, OTHER. */
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
  /** After this instant the role is expired, even if still in its feed; null for no end. */
  valid_through: string | null;
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
