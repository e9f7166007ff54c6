/** The `jobs list` and `jobs add` commands, apart from argument parsing in scripts/jobs.ts. */

import { loadCategoryMapping, matchCategories } from '../src/server/jobs/category-mapping.ts';
import {
  EMPLOYMENT_TYPES,
  type EmploymentType,
  type JobInput,
  RecordError,
  toIsoInstant,
  validateJobInput,
} from '../src/server/jobs/importers/job-input.ts';
import { listAllJobs, listOpenJobs } from '../src/server/jobs/job.repository.ts';
import { addJob, newJobId } from '../src/server/jobs/job.service.ts';
import type { Db } from '../src/server/platform/db/database.ts';

/** The flags `jobs add` accepts (node:util parseArgs options). */
export const ADD_OPTIONS = {
  id: { type: 'string' },
  title: { type: 'string' },
  company: { type: 'string' },
  'apply-url': { type: 'string' },
  description: { type: 'string' },
  location: { type: 'string' },
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

/** One line per role: id, status, posted date, title, company, source. */
export async function listJobLines(db: Db, all: boolean, limit: number): Promise<string[]> {
  const now = new Date().toISOString();
  const rows = all ? await listAllJobs(db, limit) : await listOpenJobs(db, { now, limit });
  if (rows.length === 0) return [all ? 'no roles stored' : 'no open roles'];
  return rows.map((row) => {
    const status = row.closed_at
      ? 'closed '
      : row.valid_through && row.valid_through <= now
        ? 'expired'
        : 'open   ';
    return `${row.id}  ${status}  ${row.posted_at.slice(0, 10)}  ${row.title} — ${row.company}  [${row.source}]`;
  });
}

/** Validates the flags like an imported record and adds the role; throws RecordError naming the bad flag. */
export async function addJobFromFlags(db: Db, flags: AddFlags): Promise<string> {
  const text = (key: keyof AddFlags) => {
    const value = flags[key];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const required = (key: keyof AddFlags) => text(key) ?? fail(`--${key} is required`);
  const type = (text('type') ?? 'FULL_TIME').toUpperCase();
  if (!EMPLOYMENT_TYPES.includes(type as EmploymentType))
    fail(`--type must be one of ${EMPLOYMENT_TYPES.join(', ')}`);
  const amount = (key: 'salary-min' | 'salary-max') => (text(key) === null ? null : Number(text(key)));
  const salaryGiven = text('salary-min') !== null || text('salary-max') !== null;
  const mapping = loadCategoryMapping();
  const input: JobInput = validateJobInput({
    externalId: text('id') ?? newJobId(),
    title: required('title'),
    company: required('company'),
    location: text('location'),
    remote: flags.remote === true,
    remoteRegions: (flags.region as string[] | undefined) ?? [],
    employmentType: type as EmploymentType,
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
    validThrough: text('valid-through') ? toIsoInstant(text('valid-through'), '--valid-through') : null,
    categories: null,
  });
  const categories = (flags.category as string[] | undefined) ?? matchCategories(input, mapping);
  const unknown = categories.filter((c) => !mapping.known.has(c));
  if (unknown.length > 0)
    fail(`unknown --category ${unknown.join(', ')} (known: ${[...mapping.known].join(', ')})`);
  return addJob(db, input, categories);
}

function fail(reason: string): never {
  throw new RecordError(reason);
}
