import { readFile } from 'node:fs/promises';
import type { Db } from '../platform/db/database.ts';
import { loadCategoryMapping } from './category-mapping.ts';
import { loadCompanyProfiles, profileFor } from './company-profiles.ts';
import { type FeedFormat, MissingCompanyError, parseFeed } from './importers/index.ts';
import { type ImportOptions, type ImportSummary, importFeed } from './job-import.service.ts';

/** Where a feed comes from and how to read it. */
export interface FeedSource {
  /** A local file path or an http(s) URL. */
  location: string;
  format: FeedFormat;
  /** Source name the roles are stored under; defaults to the URL's host and path, or the file name. */
  source?: string | undefined;
  /** Company name for formats that carry none; else the source profile's name. */
  company?: string | undefined;
  /** Gives up reading a URL after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const MAX_FEED_BYTES = 50 * 1024 * 1024;
/** Formats whose roles never name their company. */
const NAMELESS_FORMATS: readonly FeedFormat[] = ['lever', 'ashby'];

/** The default source name: a URL's host and path, or a file's name without extension. */
export function defaultSourceName(location: string): string {
  if (/^https?:\/\//i.test(location)) {
    // Host and path: one job-board host serves many companies' boards, each its own source.
    const url = new URL(location);
    return `${url.hostname}${url.pathname.replace(/\/+$/, '')}`.slice(0, 200);
  }
  return (location.split(/[\\/]/).pop() ?? location).replace(/\.[^.]+$/, '') || 'feed';
}

/** The board name in a Greenhouse, Lever or Ashby URL (`/boards/acme/jobs` → acme); null otherwise. */
export function boardName(location: string): string | null {
  if (!/^https?:\/\//i.test(location)) return null;
  const segments = new URL(location).pathname.split('/').filter(Boolean);
  const at = segments.findIndex((s) => ['boards', 'postings', 'job-board'].includes(s));
  return (at >= 0 ? segments[at + 1] : undefined) ?? null;
}

/** Reads a feed's text from a file or URL; throws with a message naming what failed. */
export async function readFeedText(feed: FeedSource): Promise<string> {
  if (!/^https?:\/\//i.test(feed.location)) return readFile(feed.location, 'utf8');
  const signals = [AbortSignal.timeout(feed.timeoutMs ?? 30_000), ...(feed.signal ? [feed.signal] : [])];
  const response = await fetch(feed.location, {
    signal: AbortSignal.any(signals),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`${feed.location} answered ${response.status} ${response.statusText}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_FEED_BYTES) throw new Error(`${feed.location} is larger than ${MAX_FEED_BYTES} bytes`);
  return response.text();
}

/**
 * Reads, parses and imports one feed (the `jobs import` command and the background sync).
 * Throws FeedFormatError for a feed that is not JSON, not of its format, or whose roles name no
 * company while neither `company` nor the source's profile does; nothing is changed then.
 */
export async function importFeedFrom(
  db: Db,
  feed: FeedSource,
  options: Pick<ImportOptions, 'withinTransaction'> = {},
): Promise<ImportSummary> {
  const source = feed.source ?? defaultSourceName(feed.location);
  if (!source.trim() || source.length > 200) throw new Error('a source name must have 1 to 200 characters');
  const mapping = loadCategoryMapping();
  const profile = profileFor(loadCompanyProfiles(), source);
  const company = feed.company ?? profile.name;
  const board = boardName(feed.location);
  const missing = (what: string) =>
    new MissingCompanyError(
      what,
      `${what} names no company: give --company NAME (JOBS_FEED_COMPANY for the sync), or a "name" for "${source}" in content/companies.yml${board ? ` (the URL's board is "${board}")` : ''}`,
    );
  // Known before downloading: these formats never carry the company.
  if (!company && NAMELESS_FORMATS.includes(feed.format))
    throw missing(`the ${feed.format} feed of "${source}"`);
  const text = await readFeedText(feed);
  try {
    const parsed = parseFeed(text, feed.format, {
      company,
      knownCategories: mapping.known,
      locationDefaults: profile.locationDefaults,
    });
    return await importFeed(db, source, parsed, { mapping, profile, ...options });
  } catch (error) {
    throw error instanceof MissingCompanyError ? missing(error.subject) : error;
  }
}
