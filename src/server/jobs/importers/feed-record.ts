import type { EmploymentType } from '../job.ts';

/** A JSON object read from a feed, not yet trusted. */
export type FeedObject = Record<string, unknown>;

/** True for a plain JSON object. */
export function isObject(value: unknown): value is FeedObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// C0 controls but tab and newlines, and DEL. Postgres refuses NUL in text, so one NUL in one
// record would otherwise fail the whole import's transaction.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Makes feed text storable as given on both databases: well-formed UTF-16 (a lone surrogate
 * would come back from the database as U+FFFD and look changed on every sync), no controls.
 */
export function cleanFeedText(value: string): string {
  return value.toWellFormed().replace(CONTROLS, '');
}

/**
 * Reads one feed record's fields, collecting every problem instead of stopping at the first,
 * so a rejected record's report lists all that is wrong with it. Readers return a neutral
 * value (null, '') after noting a problem.
 */
export class FeedRecord {
  readonly problems: string[] = [];
  readonly item: FeedObject;

  constructor(item: FeedObject) {
    this.item = item;
  }

  /** Notes a problem with the record. */
  problem(text: string): void {
    if (!this.problems.includes(text)) this.problems.push(text);
  }

  /** A trimmed, cleaned string field (numbers read as text), or null when absent or empty. */
  string(key: string, from: FeedObject = this.item): string | null {
    const value = from[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') {
      this.problem(`${key} is not a string`);
      return null;
    }
    return cleanFeedText(value).trim() || null;
  }

  /** A string field that must be present; '' after noting "missing <key>". */
  required(key: string, from: FeedObject = this.item): string {
    const known = this.problems.length;
    const value = this.string(key, from);
    // A field of the wrong type is already reported; "missing" would say the same twice.
    if (value === null && this.problems.length === known) this.problem(`missing ${key}`);
    return value ?? '';
  }

  /** A finite number field, or null when absent. */
  number(key: string, from: FeedObject = this.item): number | null {
    const value = from[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.problem(`${key} is not a number`);
    return null;
  }

  /** A nested object field, or null when absent. */
  object(key: string, from: FeedObject = this.item): FeedObject | null {
    const value = from[key];
    if (value === undefined || value === null) return null;
    if (isObject(value)) return value;
    this.problem(`${key} is not an object`);
    return null;
  }

  /** A list of strings, cleaned, empty ones dropped; [] when absent. */
  strings(key: string, from: FeedObject = this.item): string[] {
    const value = from[key] ?? [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      this.problem(`${key} is not a list of strings`);
      return [];
    }
    return value.map((v: string) => cleanFeedText(v).trim()).filter(Boolean);
  }

  /** A date (ISO text or epoch ms) as an ISO instant; '' after noting why it is not one. */
  date(value: unknown, field: string): string {
    if (value === undefined || value === null || value === '') {
      this.problem(`missing ${field}`);
      return '';
    }
    const date = typeof value === 'number' || typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
      this.problem(`${field} ${JSON.stringify(value)} is not a date`);
      return '';
    }
    return date.toISOString();
  }
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
  if (value.includes('volunteer')) return 'VOLUNTEER';
  if (value.includes('perdiem')) return 'PER_DIEM';
  return null;
}
