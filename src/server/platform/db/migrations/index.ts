import type { Migration } from 'kysely/migration';
import * as jobs from './20261125-01-jobs.ts';
import * as comments from './20261125-02-comments.ts';
import * as jobPostings from './20261202-01-job-postings.ts';
import * as mail from './20261202-02-mail.ts';

/**
 * Every migration, keyed by a name that sorts in the order they must run
 * (`YYYYMMDD-NN-what`). Migrations take `Kysely<any>`, use only portable SQL and never
 * import application code, so they keep working as the app changes.
 */
export const migrations: Record<string, Migration> = {
  '20261125-01-jobs': jobs,
  '20261125-02-comments': comments,
  '20261202-01-job-postings': jobPostings,
  '20261202-02-mail': mail,
};
