import type { AdminLoginFailuresTable, AdminSessionsTable } from '../../admin/admin.table.ts';
import type { CommentsTable } from '../../comments/comment.table.ts';
import type { JobCategoryTable, JobTable } from '../../jobs/job.table.ts';
import type { AppSecretsTable } from '../secret.table.ts';

/**
 * Every table the application reads or writes, keyed by table name. Each feature declares its
 * row types beside its repository (`*.table.ts`) and adds them here.
 */
export type Database = {
  comments: CommentsTable;
  admin_sessions: AdminSessionsTable;
  admin_login_failures: AdminLoginFailuresTable;
  app_secrets: AppSecretsTable;
  jobs: JobTable;
  job_categories: JobCategoryTable;
};
