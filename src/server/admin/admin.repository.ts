import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

type Conn = Kysely<Database>;

/** Stores a new session by the hash of its token. */
export async function insertSession(
  db: Conn,
  tokenHash: string,
  createdAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .insertInto('admin_sessions')
    .values({ token_hash: tokenHash, created_at: createdAt, expires_at: expiresAt })
    .execute();
}

/** Whether a session with this token hash exists and has not expired at `now`. */
export async function isSessionLive(db: Conn, tokenHash: string, now: string): Promise<boolean> {
  const row = await db
    .selectFrom('admin_sessions')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends a session. */
export async function deleteSession(db: Conn, tokenHash: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Records a failed login from a hashed client network. */
export async function insertLoginFailure(
  db: Conn,
  id: string,
  ipHash: string,
  createdAt: string,
): Promise<void> {
  await db
    .insertInto('admin_login_failures')
    .values({ id, ip_hash: ipHash, created_at: createdAt })
    .execute();
}

/**
 * How many failed logins were recorded since `since`, from one hashed client network or
 * (without one) from anywhere, counting no further than `cap`: past it the answer changes
 * nothing, and a flood of failures must not make each attempt's count slower.
 */
export async function countLoginFailures(
  db: Conn,
  since: string,
  cap: number,
  ipHash?: string,
): Promise<number> {
  let recent = db.selectFrom('admin_login_failures').select('id').where('created_at', '>=', since);
  if (ipHash !== undefined) recent = recent.where('ip_hash', '=', ipHash);
  const row = await db
    .selectFrom(recent.limit(cap).as('recent'))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Drops expired sessions and failures recorded before `before`. */
export async function purgeAdminRecords(db: Conn, now: string, before: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('expires_at', '<=', now).execute();
  await db.deleteFrom('admin_login_failures').where('created_at', '<', before).execute();
}
