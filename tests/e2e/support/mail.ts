import { test } from '@playwright/test';
import { createDatabase, type Db } from '../../../src/server/platform/db/database.ts';
import { migrateToLatest } from '../../../src/server/platform/db/migrate.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp.ts';
import { ADMIN_PASSWORD, MIN_SECONDS } from './comments.ts';
import { createPostgresDatabase } from './jobs.ts';
import { type RunningServer, scratchSqliteUrl, startServer } from './server.ts';

/** The origin the build's mails link to (SITE_URL at build), which tests map onto the test server. */
export const MAIL_SITE_ORIGIN = 'http://localhost:4321';
/** The moderator address the mail server is started with. */
export const MODERATOR = 'moderator@example.com';

/** A running site with a real SMTP server behind it, and a database handle of its own. */
export interface MailSite {
  readonly url: string;
  readonly smtp: TestSmtpServer;
  readonly db: Db;
  readonly databaseUrl: string;
  /** A link from a mail, moved onto the test server's origin. */
  local(link: string): string;
  /** The first link in a text that starts with `path` (e.g. /mail/confirm/). */
  linkIn(text: string, path: string): string;
}

/** An empty, migrated database of the given kind: its URL and how to drop it. */
export async function scratchDatabase(
  kind: 'sqlite' | 'postgres',
): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') return { url: scratchSqliteUrl(), drop: async () => {} };
  const database = await createPostgresDatabase();
  const db = createDatabase(database.url);
  await migrateToLatest(db).finally(() => db.destroy());
  return database;
}

/**
 * Starts, for the tests of the calling describe, an SMTP server and the site sending to it
 * (looking at the outbox every second), with a moderator and the comments test settings.
 */
export function useMailSite(kind: 'sqlite' | 'postgres', env: Record<string, string> = {}): MailSite {
  let server: RunningServer | undefined;
  let smtp: TestSmtpServer | undefined;
  let db: Db | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  test.beforeAll(async () => {
    database = await scratchDatabase(kind);
    smtp = await startSmtpServer();
    server = await startServer({
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      MAIL_SEND_INTERVAL: '1',
      MODERATOR_EMAIL: MODERATOR,
      ADMIN_PASSWORD,
      COMMENTS_MIN_SECONDS: String(MIN_SECONDS),
      TRUST_PROXY: '1',
      ...env,
    });
    db = createDatabase(database.url);
  });
  test.afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    await smtp?.stop();
    await database?.drop();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the mail site's ${what} is not running (used outside a test?)`);
    return value;
  };
  return {
    get url() {
      return need(server, 'server').url;
    },
    get smtp() {
      return need(smtp, 'SMTP server');
    },
    get db() {
      return need(db, 'database');
    },
    get databaseUrl() {
      return need(database, 'database').url;
    },
    local(link) {
      const url = new URL(link);
      return `${need(server, 'server').url}${url.pathname}${url.search}${url.hash}`;
    },
    linkIn(text, path) {
      const found = new RegExp(`https?://[^\\s<>"]+${path.replaceAll('/', '\\/')}[^\\s<>"]*`).exec(text)?.[0];
      if (!found) throw new Error(`no ${path} link in:\n${text}`);
      return found;
    },
  };
}
