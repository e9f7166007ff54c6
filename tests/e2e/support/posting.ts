import pg from 'pg';
import type { Db } from '../../../src/server/platform/db/database.ts';
import { COMMENTS_PAGE } from './comments.ts';

/** The article's id, as comments store it. */
export const ARTICLE_ID = 'backend-development-engineering-2026';

/** What the server answered to one post, and the unique text that identifies it in the database. */
export interface PostResult {
  body: string;
  status: number;
}

/** Reads a fresh form token from the on-demand comments page with plain fetch. */
export async function fetchToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}${COMMENTS_PAGE}`);
  const token = /name="token" value="([^"]+)"/.exec(await response.text())?.[1];
  if (response.status !== 200 || !token) throw new Error(`no form token (status ${response.status})`);
  return token;
}

/**
 * Posts one comment as the given client (TRUST_PROXY=1 keys the rate limit on the last
 * X-Forwarded-For address), asking for JSON as the in-place script does. A connection that
 * dies before an answer (a killed server) reports status 0.
 */
export async function postAs(
  baseUrl: string,
  client: string,
  token: string,
  body: string,
): Promise<PostResult> {
  const form = new URLSearchParams({
    comment: body,
    name: `Reader ${client}`,
    email: `reader-${client.replaceAll(/[^0-9a-z]/gi, '-')}@example.com`,
    website: '',
    token,
    return: 'article',
    parent: '',
    contact_by_fax: '',
  });
  try {
    const response = await fetch(`${baseUrl}${COMMENTS_PAGE}`, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: baseUrl,
        'X-Forwarded-For': client,
      },
      body: form,
      signal: AbortSignal.timeout(60_000),
    });
    await response.arrayBuffer();
    return { body, status: response.status };
  } catch {
    return { body, status: 0 };
  }
}

/** The n-th client's address: 10.x.y.z, distinct for every n below 16 million. */
export function clientAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** Bodies of every comment stored on the article, whatever its status. */
export async function storedBodies(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('comments').select('body').where('article_id', '=', ARTICLE_ID).execute();
  return rows.map((row) => row.body);
}

/** Counts each element of a list. */
export function tally<T>(items: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Runs one statement on the Postgres server of TEST_DATABASE_URL (ALTER DATABASE and the like). */
export async function adminQuery(sql: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await client.connect();
  try {
    await client.query(sql, values);
  } finally {
    await client.end();
  }
}

/** The database name in a postgres:// URL. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}
