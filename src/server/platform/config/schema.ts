/**
 * Every environment variable the site reads, declared once: its form, default and meaning.
 * The server, the CLI and the build read them through `config.ts`; docs/configuration.md is
 * generated from this list (`npm run docs:config`), and a test fails when they differ.
 */
import { parseDatabaseUrl } from '../db/database-url.ts';
import { flag, httpUrl, integer, list, oneOf, parsed, text } from './fields.ts';

/** Keeps the URL as given once it is known to name SQLite or PostgreSQL. */
function checkDatabaseUrl(value: string): string {
  parseDatabaseUrl(value);
  return value.trim();
}

/** Keeps an SMTP URL once it names smtp:// or smtps:// and a host. */
function checkSmtpUrl(value: string): string {
  const url = URL.canParse(value.trim()) ? new URL(value.trim()) : undefined;
  if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname)
    throw new Error('is not an smtp:// or smtps:// URL with a host');
  return value.trim();
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Keeps a From header: `address` or `Name <address>`. */
function checkFrom(value: string): string {
  const address = /<([^<>]+)>\s*$/.exec(value.trim())?.[1] ?? value.trim();
  if (!ADDRESS.test(address)) throw new Error('has no valid email address');
  return value.trim();
}

/** Lower-cased, comma-separated email addresses. */
function checkAddresses(value: string): string[] {
  const addresses = value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  const wrong = addresses.find((address) => !ADDRESS.test(address));
  if (wrong) throw new Error(`"${wrong}" is not an email address`);
  return addresses;
}

/** The days a weekly digest may go out on. */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** The feed formats the importers read. */
export const FEED_FORMATS = ['greenhouse', 'lever', 'ashby', 'json'] as const;

export const variables = {
  // The server and its database.
  SITE_URL: httpUrl({
    default: 'http://localhost:4321',
    doc: 'The public origin of the site. Canonical URLs, feeds and the sitemap are built from it, and form posts must come from it.',
    scope: 'build',
  }),
  HOST: text(1, { default: '127.0.0.1', doc: 'Address the server listens on.' }),
  PORT: integer(1, 65535, { default: '4321', doc: 'Port the server listens on.' }),
  DATABASE_URL: parsed(checkDatabaseUrl, 'file:<path> or postgres://…', {
    default: 'file:./data/site.db',
    doc: 'SQLite (`file:<path>`, the zero set-up default) or PostgreSQL (`postgres://user:pass@host/db`).',
    secret: true,
  }),
  DATABASE_POOL_SIZE: integer(1, 1000, {
    default: '10',
    doc: 'PostgreSQL connections each server process keeps.',
  }),
  TRUST_PROXY: flag({
    default: '0',
    doc: 'Set to 1 behind a TLS-terminating proxy: the server then believes `X-Forwarded-Proto` and `X-Forwarded-For`. Never set it when the server is reachable without the proxy.',
  }),
  NODE_ENV: text(1, {
    default: undefined,
    doc: '`production` makes every cookie Secure even when HTTPS is not detected.',
  }),
  DIST_DIR: text(1, {
    default: undefined,
    doc: 'The build the server serves (default: `dist/` beside the sources).',
  }),
  RESPONSE_CACHE: flag({
    default: '1',
    doc: "0 turns off the server's in-memory response caches (recently served static files, island responses for a few seconds); benchmarks compare with and without.",
  }),
  OG_CACHE_DIR: text(1, {
    default: undefined,
    doc: 'Where drawn social cards are kept (default `node_modules/.cache/og`); must be writable by the server.',
  }),
  OG_WORKERS: integer(1, 64, { default: '1', doc: 'Worker threads the server draws social cards in.' }),

  // Comments and the admin.
  APP_SECRET: text(32, {
    default: undefined,
    doc: 'Salts client-address hashes and signs form tokens and cookies. Unset: a random secret is generated and kept in the database, shared by every server on it.',
    secret: true,
  }),
  ADMIN_PASSWORD: text(12, {
    default: undefined,
    doc: 'The moderator password. Unset, `/admin/` is disabled: there is no default password.',
    secret: true,
  }),
  ADMIN_SESSION_HOURS: integer(1, 720, { default: '8', doc: 'How long a moderator stays logged in.' }),
  COMMENTS_AUTO_APPROVE: flag({
    default: '1',
    doc: '0 holds every comment for moderation, even from an author with an approved comment.',
  }),
  COMMENTS_MIN_SECONDS: integer(0, 3600, {
    default: '3',
    doc: 'A post sooner than this after the form was shown goes to spam.',
  }),
  COMMENTS_RATE_LIMIT: integer(1, 10_000, {
    default: '5',
    doc: 'Comments one client may post per window; more are refused with 429.',
  }),
  COMMENTS_RATE_WINDOW_MINUTES: integer(1, 10_080, { default: '10', doc: 'The rate-limit window.' }),
  COMMENTS_BLOCKED_WORDS: list({
    default: '',
    doc: 'Words or phrases that send a comment to spam.',
  }),
  COMMENTS_BLOCKED_EMAILS: list({
    default: '',
    doc: 'Emails, or `@domain` entries, that send a comment to spam.',
  }),

  // Jobs.
  JOBS_DEMO: flag({
    default: '0',
    doc: 'Set to 1 to add the fictional demo roles when the database has never held a role (`npm start` sets it).',
  }),
  JOBS_FEED_URL: text(1, {
    default: undefined,
    doc: 'A job feed (URL or file) the server imports in the background.',
  }),
  JOBS_FEED_FORMAT: oneOf(FEED_FORMATS, {
    default: undefined,
    doc: 'The feed format; required with `JOBS_FEED_URL`.',
  }),
  JOBS_FEED_SOURCE: text(1, {
    default: undefined,
    doc: "The source name the feed's roles are stored under (default: the URL's host and path).",
  }),
  JOBS_FEED_COMPANY: text(1, {
    default: undefined,
    doc: "The company name for feeds that carry none (Lever, Ashby); required for them unless the source's profile in `content/companies.yml` names it.",
  }),
  JOBS_SYNC_INTERVAL: integer(1, 604_800, {
    default: '900',
    doc: 'Seconds between background syncs (failures retry sooner, backing off from 30 s).',
  }),
  JOBS_FEED_TIMEOUT: integer(1, 600, {
    default: '30',
    doc: 'Seconds before a feed download is abandoned.',
  }),
  JOBS_VALID_DAYS: integer(1, 365, {
    default: '60',
    doc: 'Days a role stays open when its feed states no expiry: from its posting, extended by each sync that still lists it. Past it the role is closed (410) even if no sync ran.',
  }),

  // Email.
  SMTP_URL: parsed(checkSmtpUrl, 'smtp://user:pass@host:587 or smtps://user:pass@host:465', {
    default: undefined,
    doc: "Where mail is sent (pooled SMTP; smtp:// upgrades with STARTTLS when offered). Unset: mails are kept in the database and shown on the admin's Outbox page.",
    secret: true,
  }),
  MAIL_FROM: parsed(checkFrom, 'an address, or Name <address>', {
    default: undefined,
    doc: "The mails' From (default: the site name and `no-reply@` the SITE_URL host). Its domain needs the SMTP provider's SPF and DKIM records.",
  }),
  MODERATOR_EMAIL: parsed(checkAddresses, 'comma-separated email addresses', {
    default: undefined,
    doc: 'Moderators mailed when a comment is held, with approve and spam links to the admin.',
  }),
  MODERATION_NOTIFY_MINUTES: integer(1, 1440, {
    default: '10',
    doc: "At most one moderators' mail per this many minutes; the first held comment of a quiet period is mailed at once.",
  }),
  MAIL_DIGEST_HOUR: integer(0, 23, {
    default: '8',
    doc: 'The hour (UTC) daily and weekly digests go out.',
  }),
  MAIL_DIGEST_WEEKDAY: oneOf(WEEKDAYS, {
    default: 'monday',
    doc: 'The day weekly digests go out.',
  }),
  MAIL_SEND_INTERVAL: integer(1, 3600, {
    default: '5',
    doc: "Seconds between two looks at the outbox by the server's sender (mail queued by the server itself goes at once).",
  }),

  // The build.
  CONTENT_DIR: text(1, {
    default: 'content',
    doc: 'The folder of `articles/`, `categories/` and `authors/`, relative to the project.',
    scope: 'build',
  }),
  ASTRO_CACHE_DIR: text(1, {
    default: undefined,
    doc: "Astro's build cache (default `node_modules/.astro`).",
    scope: 'build',
  }),
  ASTRO_KEY: text(1, {
    default: undefined,
    doc: 'The key that encrypts server-island props, read by Astro at build. Every build serving one site needs the same value (`npx astro create-key`).',
    scope: 'build',
    secret: true,
  }),

  // Tests and benchmarks.
  TEST_DATABASE_URL: text(1, {
    default: undefined,
    doc: 'Tests: also run every repository suite and the database e2e suites on this PostgreSQL server.',
    scope: 'tooling',
  }),
  CHROMIUM_PATH: text(1, {
    default: undefined,
    doc: 'Tests and benchmarks: the Chromium executable (default: `chromium` on PATH, as Debian installs it). `npm test` installs it when missing.',
    scope: 'tooling',
  }),
  BENCH_DURATION: integer(1, 600, {
    default: undefined,
    doc: 'Benchmarks: seconds per load run (each benchmark has its own default).',
    scope: 'tooling',
  }),
  BENCH_ROUNDS: integer(1, 50, {
    default: undefined,
    doc: 'Benchmarks: load runs per server, whose medians are compared.',
    scope: 'tooling',
  }),
  BENCH_CONNECTIONS: integer(1, 10_000, {
    default: undefined,
    doc: 'Benchmarks: concurrent connections of the load generator.',
    scope: 'tooling',
  }),
  BENCH_SECONDS: integer(1, 600, {
    default: undefined,
    doc: 'The comments benchmark: seconds per load run.',
    scope: 'tooling',
  }),
  BENCH_ARTICLES: integer(1, 100_000, {
    default: undefined,
    doc: 'The serving benchmark: how many generated articles the large site has (default 1,000).',
    scope: 'tooling',
  }),
  BENCH_ONLY: oneOf(['static', 'island', 'memory'], {
    default: undefined,
    doc: 'The serving benchmark: run one part only (`static`, `island` or `memory`) and save nothing.',
    scope: 'tooling',
  }),
  BENCH_NODE_ARGS: text(1, {
    default: undefined,
    doc: 'Benchmarks: extra Node flags for the measured servers (e.g. `--cpu-prof`).',
    scope: 'tooling',
  }),
} as const;

/** The name of a declared variable. */
export type VariableName = keyof typeof variables;
