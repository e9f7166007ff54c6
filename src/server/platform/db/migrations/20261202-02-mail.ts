import type { Kysely } from 'kysely';

/**
 * Email: addresses (proof, failures, the 10-minute confirmation limit), subscriptions and
 * their categories, one-use confirmation links, reply follows, the events mails announce, the
 * transactional outbox and the bookkeeping that makes announcements happen once.
 * Timestamps are ISO-8601 UTC text, as in every other table.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_addresses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('confirmed_at', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_at', 'text')
    .addColumn('last_confirmation_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mail_subscriptions')
    .addColumn('address_id', 'text', (c) =>
      c.primaryKey().references('mail_addresses.id').onDelete('cascade'),
    )
    .addColumn('articles', 'integer', (c) => c.notNull())
    .addColumn('roles', 'integer', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mail_subscription_categories')
    .addColumn('address_id', 'text', (c) =>
      c.notNull().references('mail_subscriptions.address_id').onDelete('cascade'),
    )
    .addColumn('category', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_subscription_categories_pk', ['address_id', 'category'])
    .execute();
  // The fan-out of an import finds the subscribers of a role's categories through this index.
  await db.schema
    .createIndex('mail_subscription_categories_category')
    .on('mail_subscription_categories')
    .columns(['category', 'address_id'])
    .execute();

  await db.schema
    .createTable('mail_confirmations')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('address_id', 'text', (c) => c.notNull().references('mail_addresses.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('mail_confirmations_address_created')
    .on('mail_confirmations')
    .columns(['address_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('mail_reply_follows')
    .addColumn('comment_id', 'text', (c) => c.primaryKey())
    .addColumn('address_id', 'text', (c) => c.notNull().references('mail_addresses.id').onDelete('cascade'))
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mail_reply_follows_address')
    .on('mail_reply_follows')
    .column('address_id')
    .execute();

  await db.schema
    .createTable('mail_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_events_batch').on('mail_events').column('batch_id').execute();
  await db.schema
    .createIndex('mail_events_created')
    .on('mail_events')
    .columns(['created_at', 'kind'])
    .execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('address_id', 'text', (c) => c.references('mail_addresses.id').onDelete('cascade'))
    .addColumn('batch_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('subject', 'text')
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  // The sender's claim: queued messages due now, oldest first.
  await db.schema
    .createIndex('mail_outbox_status_due')
    .on('mail_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('mail_outbox_recipient').on('mail_outbox').column('recipient').execute();
  await db.schema
    .createIndex('mail_outbox_kind_created')
    .on('mail_outbox')
    .columns(['kind', 'created_at'])
    .execute();

  await db.schema
    .createTable('mail_moderation_items')
    .addColumn('comment_id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('notice_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mail_moderation_items_notice')
    .on('mail_moderation_items')
    .columns(['notice_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('mail_announced')
    .addColumn('article_id', 'text', (c) => c.primaryKey())
    .addColumn('announced_at', 'text', (c) => c.notNull())
    .addColumn('mailed', 'integer', (c) => c.notNull())
    .execute();
  // One row per thing that must happen once across servers: the articles baseline, each digest.
  await db.schema
    .createTable('mail_runs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'mail_runs',
    'mail_announced',
    'mail_moderation_items',
    'mail_outbox',
    'mail_events',
    'mail_reply_follows',
    'mail_confirmations',
    'mail_subscription_categories',
    'mail_subscriptions',
    'mail_addresses',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
