/** Pure formatting of job facts for cards and pages; no I/O. */
import { COUNTRY_CODES, countryName } from './countries.ts';

const EMPLOYMENT_LABELS: Record<string, string> = {
  FULL_TIME: 'Full-time',
  PART_TIME: 'Part-time',
  CONTRACTOR: 'Contract',
  TEMPORARY: 'Temporary',
  INTERN: 'Internship',
  VOLUNTEER: 'Volunteer',
  PER_DIEM: 'Per diem',
  OTHER: 'Other',
};

const UNIT_LABELS: Record<string, string> = {
  YEAR: 'year',
  MONTH: 'month',
  WEEK: 'week',
  DAY: 'day',
  HOUR: 'hour',
};

// Building an Intl formatter costs far more than using one, and the island formats every card.
const moneyFormats = new Map<string, Intl.NumberFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
    moneyFormats.set(key, format);
  }
  return format;
}

/** "Full-time", "Contract"… for a schema.org employment type. */
export function formatEmploymentType(type: string): string {
  return EMPLOYMENT_LABELS[type] ?? 'Other';
}

/** An area as readers know it: a bare ISO code ("GB", as Lever gives it) becomes its name. */
function areaName(area: string): string {
  return /^[A-Z]{2}$/.test(area) && COUNTRY_CODES.includes(area) ? countryName(area) : area;
}

/**
 * "London, United Kingdom", "New York, NY, United States", "Remote (EU)" or "Remote (EU) or
 * Berlin, Germany"; the feed's own words when the place has no normalised parts.
 */
export function formatLocation(location: {
  label: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  remote: boolean;
  remoteRegions: readonly string[];
}): string {
  const parts = [location.city, location.region, location.country && countryName(location.country)];
  const place = parts.filter(Boolean).join(', ') || (location.remote ? null : location.label);
  const areas = location.remoteRegions.map(areaName);
  const remote = areas.length > 0 ? `Remote (${areas.join(', ')})` : 'Remote';
  if (location.remote) return place ? `${remote} or ${place}` : remote;
  return place ?? 'Location not given';
}

/** "31 January 2027": the day a role's validThrough falls on, in UTC. */
export function formatApplyBy(date: Date, locale = 'en-GB'): string {
  return date.toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' });
}

/** "£85,000–£110,000 a year", "from $40 an hour"; null when the salary is unknown. */
export function formatSalary(
  salary: { min: number | null; max: number | null; currency: string; unit: string } | null,
  locale = 'en-GB',
): string | null {
  if (!salary) return null;
  const money = moneyFormat(locale, salary.currency);
  const unit = UNIT_LABELS[salary.unit] ?? 'year';
  const per = `${unit === 'hour' ? 'an' : 'a'} ${unit}`;
  if (salary.min !== null && salary.max !== null && salary.min !== salary.max) {
    return `${money.format(salary.min)}–${money.format(salary.max)} ${per}`;
  }
  if (salary.min !== null && salary.max !== null) return `${money.format(salary.min)} ${per}`;
  if (salary.min !== null) return `from ${money.format(salary.min)} ${per}`;
  return salary.max !== null ? `up to ${money.format(salary.max)} ${per}` : null;
}

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "yesterday", "just now": how long ago `date` was, seen from `now`. */
export function formatPostedAgo(date: Date, now = new Date(), locale = 'en-GB'): string {
  const elapsed = now.getTime() - date.getTime();
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  for (const [unit, ms] of STEPS) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  }
  return 'just now';
}
