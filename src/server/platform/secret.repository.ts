import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

/**
 * Stores `value` under `name` unless a value is there already, then returns the stored one:
 * every server sharing the database ends up with the same value, whichever wrote first.
 */
export async function insertOrReadSecret(
  db: Kysely<Database>,
  name: string,
  value: string,
  createdAt: string,
): Promise<string> {
  await db
    .insertInto('app_secrets')
    .values({ name, value, created_at: createdAt })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('app_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.value;
}
