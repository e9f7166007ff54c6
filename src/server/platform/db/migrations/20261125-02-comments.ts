import type { Kysely } from 'kysely';

/**
 * Comments, their moderation state and the admin's sessions. Timestamps are ISO-8601 UTC text
 * (`Date#toISOString()`), which sorts and compares correctly as text on SQLite and Postgres.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text', (c) => c.notNull())
    .addColumn('author_website', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('signals', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ip_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_at', 'text')
    .execute();
  await db.schema
    .createIndex('comments_article_status_created')
    .on('comments')
    .columns(['article_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('comments_status_created')
    .on('comments')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('comments_email_status')
    .on('comments')
    .columns(['author_email', 'status'])
    .execute();
  await db.schema
    .createIndex('comments_ip_created')
    .on('comments')
    .columns(['ip_hash', 'created_at'])
    .execute();
  await db.schema
    .createIndex('comments_article_body')
    .on('comments')
    .columns(['article_id', 'body_hash'])
    .execute();

  await db.schema
    .createTable('admin_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('admin_login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('admin_login_failures_ip_created')
    .on('admin_login_failures')
    .columns(['ip_hash', 'created_at'])
    .execute();
  await db.schema
    .createTable('app_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['app_secrets', 'admin_login_failures', 'admin_sessions', 'comments']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
