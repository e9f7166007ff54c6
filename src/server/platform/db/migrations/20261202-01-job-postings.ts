import type { Kysely } from 'kysely';

/** The columns Google's JobPosting needs that the job store did not keep. */
const COLUMNS = [
  // The office, normalised: city and region as the feed writes them, country as ISO alpha-2.
  ['city', 'text'],
  ['region', 'text'],
  ['country', 'varchar(2)'],
  // Where remote applicants may live: ISO alpha-2 codes, comma-separated.
  ['applicant_countries', 'text'],
  // The expiry the feed itself states; valid_through becomes the expiry the site applies.
  ['feed_valid_through', 'varchar(30)'],
  // The hiring organisation's website and logo, from the source's company profile.
  ['company_url', 'text'],
  ['company_logo', 'text'],
] as const;

/** The validity window the site shipped with; the next sync applies the configured one. */
const WINDOW_MS = 60 * 86_400_000;

/**
 * Adds the normalised location, the feed's own expiry and the company profile's links, and
 * gives every stored role a validThrough. Old rows keep their free-text location (the service
 * reads it when `country` is empty) and are fully normalised by their source's next sync.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of COLUMNS) await db.schema.alterTable('jobs').addColumn(name, type).execute();
  // Until now valid_through held only what feeds stated.
  await db
    .updateTable('jobs')
    .set((eb) => ({ feed_valid_through: eb.ref('valid_through') }))
    .execute();
  // A role without an expiry stays open for the window from now (or from a future posting date),
  // as if a sync had just listed it; the source's next sync sets it as configured.
  const now = new Date();
  await db
    .updateTable('jobs')
    .set({ valid_through: new Date(now.getTime() + WINDOW_MS).toISOString() })
    .where('valid_through', 'is', null)
    .where('posted_at', '<=', now.toISOString())
    .execute();
  const later = await db
    .selectFrom('jobs')
    .select(['id', 'posted_at'])
    .where('valid_through', 'is', null)
    .execute();
  for (const row of later) {
    const validThrough = new Date(new Date(row.posted_at).getTime() + WINDOW_MS).toISOString();
    await db.updateTable('jobs').set({ valid_through: validThrough }).where('id', '=', row.id).execute();
  }
}

/** Drops the columns; valid_through goes back to what feeds stated. */
// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('jobs')
    .set((eb) => ({ valid_through: eb.ref('feed_valid_through') }))
    .execute();
  for (const [name] of COLUMNS) await db.schema.alterTable('jobs').dropColumn(name).execute();
}
