import type { JobCategoryTable, JobTable } from '../jobs/job.table.ts';

/**
 * Every table the application reads or writes, keyed by table name. Each feature declares its
 * row types beside its repository (`*.table.ts`) and adds them here.
 */
export type Database = {
  jobs: JobTable;
  job_categories: JobCategoryTable;
};
