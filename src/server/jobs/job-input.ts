import { EMPLOYMENT_TYPES, type JobInput, RecordError, SALARY_UNITS } from './job.ts';
import { describeAsText } from './job-description.ts';
import type { LocationFacts } from './job-location.ts';

/** A role as an importer reads it, its location still in the feed's words until normalised. */
export type JobDraft = Omit<JobInput, 'location'> & { location: LocationFacts };

/** A record the importer could not take, by its 0-based index in the feed, with all its problems. */
export interface RejectedRecord {
  index: number;
  /** The record's id in the feed, when it had a readable one. */
  externalId: string | null;
  problems: string[];
}

/** Something the importer guessed or could not place in a record it still took. */
export interface RecordWarning {
  index: number;
  externalId: string;
  message: string;
}

/** What an importer makes of a feed: the good records, the rejected ones, and unlisted ones skipped. */
export interface FeedParseResult {
  records: JobInput[];
  rejected: RejectedRecord[];
  /** Records the feed itself marks as not public (Ashby's isListed: false). */
  skipped: number;
  warnings: RecordWarning[];
}

// The runtime's list of ISO 4217 codes: the ones Intl can format on cards and Google accepts.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** True for absolute http: and https: URLs (so a feed cannot smuggle `javascript:` links). */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}

/** Every problem with the fields all formats share, in field order; empty for a good record. */
export function findJobInputProblems(input: JobInput): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check(input.externalId.trim() !== '', 'missing id');
  check(input.externalId.length <= 200, 'id is longer than 200 characters');
  check(input.title.trim() !== '', 'missing title');
  check(input.title.length <= 300, 'title is longer than 300 characters');
  check(input.company.trim() !== '', 'missing company');
  if (!input.descriptionHtml.trim()) problems.push('missing description');
  // A description of only images or scripts would be empty once sanitised.
  else check(describeAsText(input.descriptionHtml, 10) !== '', 'description has no text');
  if (!input.applyUrl) problems.push('missing apply URL');
  else check(isHttpUrl(input.applyUrl), `apply URL "${input.applyUrl}" is not an http(s) URL`);
  check(EMPLOYMENT_TYPES.includes(input.employmentType), `unknown employment type ${input.employmentType}`);
  if (input.postedAt && input.validThrough)
    check(input.validThrough > input.postedAt, 'validThrough is not after the posting date');
  const salary = input.salary;
  if (salary) {
    check(salary.min !== null || salary.max !== null, 'salary has neither min nor max');
    for (const bound of [salary.min, salary.max]) {
      if (bound !== null)
        check(Number.isFinite(bound) && bound >= 0, `salary bound ${bound} is not a positive number`);
    }
    if (salary.min !== null && salary.max !== null)
      check(salary.min <= salary.max, 'salary min is above max');
    check(CURRENCIES.has(salary.currency), `salary currency "${salary.currency}" is not an ISO 4217 code`);
    check(
      SALARY_UNITS.includes(salary.unit),
      `salary unit "${salary.unit}" is not one of ${SALARY_UNITS.join(', ')}`,
    );
  }
  return problems;
}

/** Returns the record when it has no problem; else throws a RecordError listing them all. */
export function validateJobInput(input: JobInput): JobInput {
  const problems = findJobInputProblems(input);
  if (problems.length > 0) throw new RecordError(problems);
  return input;
}
