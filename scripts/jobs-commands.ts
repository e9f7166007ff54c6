/** The `jobs list` and `jobs add` commands, apart from argument parsing in scripts/jobs.ts. */

import { loadCategoryMapping, matchCategories } from '../src/server/jobs/category-mapping.ts';
import { loadCompanyProfiles, profileFor } from '../src/server/jobs/company-profiles.ts';
import { addJob, listJobs, newJobId } from '../src/server/jobs/job.service.ts';
import { EMPLOYMENT_TYPES, type EmploymentType, type JobInput, RecordError } from '../src/server/jobs/job.ts';
import { findJobInputProblems } from '../src/server/jobs/job-input.ts';
import { normaliseLocation } from '../src/server/jobs/job-location.ts';
import type { Db } from '../src/server/platform/db/database.ts';

/** The flags `jobs add` accepts (node:util parseArgs options). */
export const ADD_OPTIONS = {
  id: { type: 'string' },
  title: { type: 'string' },
  company: { type: 'string' },
  'apply-url': { type: 'string' },
  description: { type: 'string' },
  location: { type: 'string' },
  country: { type: 'string' },
  remote: { type: 'boolean' },
  region: { type: 'string', multiple: true },
  type: { type: 'string' },
  department: { type: 'string' },
  team: { type: 'string' },
  category: { type: 'string', multiple: true },
  'salary-min': { type: 'string' },
  'salary-max': { type: 'string' },
  currency: { type: 'string' },
  'valid-through': { type: 'string' },
} as const;

type AddFlags = {
  [K in keyof typeof ADD_OPTIONS]?: (typeof ADD_OPTIONS)[K] extends { multiple: true }
    ? string[]
    : string | boolean;
};

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? '—';

/** One line per role: id, status, posted and valid-through dates, title, company, source, categories. */
export async function listJobLines(db: Db, all: boolean, limit: number): Promise<string[]> {
  const jobs = await listJobs(db, { all, limit });
  if (jobs.length === 0) return [all ? 'no roles stored' : 'no open roles'];
  return jobs.map(
    (job) =>
      `${job.id}  ${job.status.padEnd(7)}  posted ${day(job.postedAt)}  valid through ${day(job.validThrough)}  ${job.title} — ${job.company}  [source ${job.source}; categories ${job.categories.join(', ') || 'none'}]`,
  );
}

/**
 * Checks the flags like an imported record (every problem at once) and adds the role under the
 * `manual` source's profile; returns its id and what was guessed about its location.
 */
export async function addJobFromFlags(db: Db, flags: AddFlags): Promise<{ id: string; warnings: string[] }> {
  const problems: string[] = [];
  const text = (key: keyof AddFlags) => {
    const value = flags[key];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const required = (key: keyof AddFlags) => {
    const value = text(key);
    if (value === null) problems.push(`--${key} is required`);
    return value ?? '';
  };
  const type = (text('type') ?? 'FULL_TIME').toUpperCase() as EmploymentType;
  if (!EMPLOYMENT_TYPES.includes(type)) problems.push(`--type must be one of ${EMPLOYMENT_TYPES.join(', ')}`);
  const amount = (key: 'salary-min' | 'salary-max') => (text(key) === null ? null : Number(text(key)));
  const date = (key: 'valid-through') => {
    const value = text(key);
    if (value === null) return null;
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString();
    problems.push(`--${key} "${value}" is not a date`);
    return null;
  };
  const profile = profileFor(loadCompanyProfiles(), 'manual');
  const { location, warnings } = normaliseLocation(
    {
      label: text('location'),
      remote: flags.remote === true,
      remoteRegions: flags.region ?? [],
      country: text('country'),
    },
    profile.locationDefaults,
  );
  const salaryGiven = text('salary-min') !== null || text('salary-max') !== null;
  const input: JobInput = {
    externalId: text('id') ?? newJobId(),
    title: required('title'),
    company: required('company'),
    location,
    employmentType: type,
    department: text('department'),
    team: text('team'),
    salary: salaryGiven
      ? {
          min: amount('salary-min'),
          max: amount('salary-max'),
          currency: required('currency').toUpperCase(),
          unit: 'YEAR',
        }
      : null,
    descriptionHtml: required('description'),
    applyUrl: required('apply-url'),
    postedAt: new Date().toISOString(),
    validThrough: date('valid-through'),
    categories: null,
  };
  const mapping = loadCategoryMapping();
  const categories = flags.category ?? matchCategories(input, mapping);
  const unknown = categories.filter((c) => !mapping.known.has(c));
  if (unknown.length > 0)
    problems.push(`unknown --category ${unknown.join(', ')} (known: ${[...mapping.known].join(', ')})`);
  // The flags' own messages first; the record's rules add what the flags did not already say.
  for (const problem of findJobInputProblems(input)) if (!/^missing /.test(problem)) problems.push(problem);
  if (problems.length > 0) throw new RecordError(problems);
  return { id: await addJob(db, input, categories, { profile }), warnings };
}
