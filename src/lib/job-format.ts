/** Pure formatting of job facts for cards and pages; no I/O. */

const EMPLOYMENT_LABELS: Record<string, string> = {
  FULL_TIME: 'Full-time',
  PART_TIME: 'Part-time',
  CONTRACTOR: 'Contract',
  TEMPORARY: 'Temporary',
  INTERN: 'Internship',
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

/** "London, UK", "Remote", "Remote (EU)" or "Remote or Berlin". */
export function formatLocation(job: {
  location: string | null;
  remote: boolean;
  remoteRegions: string[];
}): string {
  const remote = job.remoteRegions.length > 0 ? `Remote (${job.remoteRegions.join(', ')})` : 'Remote';
  if (job.remote) return job.location ? `${remote} or ${job.location}` : remote;
  return job.location ?? 'Location not given';
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
