import type { AdminLoginFailuresTable, AdminSessionsTable } from '../../admin/admin.table.ts';
import type { CommentsTable } from '../../comments/comment.table.ts';
import type { JobCategoryTable, JobTable } from '../../jobs/job.table.ts';
import type {
  MailAddressesTable,
  MailAnnouncedTable,
  MailConfirmationsTable,
  MailEventsTable,
  MailModerationItemsTable,
  MailOutboxTable,
  MailReplyFollowsTable,
  MailRunsTable,
  MailSubscriptionCategoriesTable,
  MailSubscriptionsTable,
} from '../../mail/mail.table.ts';
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
  mail_addresses: MailAddressesTable;
  mail_subscriptions: MailSubscriptionsTable;
  mail_subscription_categories: MailSubscriptionCategoriesTable;
  mail_confirmations: MailConfirmationsTable;
  mail_reply_follows: MailReplyFollowsTable;
  mail_events: MailEventsTable;
  mail_outbox: MailOutboxTable;
  mail_moderation_items: MailModerationItemsTable;
  mail_announced: MailAnnouncedTable;
  mail_runs: MailRunsTable;
};
