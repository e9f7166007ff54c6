import type { Kysely } from 'kysely';

/**
 * The job store: roles and their blog categories. Timestamps are ISO-8601 text; free text from
 * feeds is `text` so a long location cannot fail a whole import on Postgres.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('source', 'varchar(200)', (c) => c.notNull())
    .addColumn('external_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('remote', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('remote_regions', 'text')
    .addColumn('employment_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('team', 'text')
    .addColumn('salary_min', 'double precision')
    .addColumn('salary_max', 'double precision')
    .addColumn('salary_currency', 'varchar(3)')
    .addColumn('salary_unit', 'varchar(10)')
    .addColumn('description_html', 'text', (c) => c.notNull())
    .addColumn('apply_url', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('valid_through', 'varchar(30)')
    .addColumn('closed_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('jobs_source_external_id_unique', ['source', 'external_id'])
    .execute();
  // The island and the jobs page list open roles newest first.
  await db.schema
    .createIndex('jobs_open_posted_idx')
    .on('jobs')
    .columns(['closed_at', 'posted_at'])
    .execute();

  await db.schema
    .createTable('job_categories')
    .addColumn('job_id', 'varchar(40)', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('category', 'varchar(100)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('job_categories_pk', ['job_id', 'category'])
    .execute();
  await db.schema
    .createIndex('job_categories_category_idx')
    .on('job_categories')
    .column('category')
    .execute();
}

/** Drops the job store. */
// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_categories').execute();
  await db.schema.dropTable('jobs').execute();
}
