import { readFile } from 'node:fs/promises';
import type { Db } from '../platform/db/database.ts';
import { loadCategoryMapping } from './category-mapping.ts';
import { type FeedFormat, parseFeed } from './importers/index.ts';
import { type ImportSummary, importFeed } from './job-import.service.ts';

/** Where a feed comes from and how to read it. */
export interface FeedSource {
  /** A local file path or an http(s) URL. */
  location: string;
  format: FeedFormat;
  /** Source name the roles are stored under; defaults to the URL's host and path, or the file name. */
  source?: string | undefined;
  /** Company name for formats that carry none; defaults to the board name in the URL, else the source. */
  company?: string | undefined;
  /** Gives up reading a URL after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const MAX_FEED_BYTES = 50 * 1024 * 1024;

/** The default source name: a URL's host and path, or a file's name without extension. */
export function defaultSourceName(location: string): string {
  if (/^https?:\/\//i.test(location)) {
    // Host and path: one job-board host serves many companies' boards, each its own source.
    const url = new URL(location);
    return `${url.hostname}${url.pathname.replace(/\/+$/, '')}`.slice(0, 200);
  }
  return (location.split(/[\\/]/).pop() ?? location).replace(/\.[^.]+$/, '') || 'feed';
}

/** The board name in a Greenhouse, Lever or Ashby URL (`/boards/acme/jobs` → acme), else the source name. */
export function defaultCompanyName(location: string, source: string): string {
  if (!/^https?:\/\//i.test(location)) return source;
  const segments = new URL(location).pathname.split('/').filter(Boolean);
  const at = segments.findIndex((s) => ['boards', 'postings', 'job-board'].includes(s));
  return (at >= 0 ? segments[at + 1] : undefined) ?? source;
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
 * Throws FeedFormatError for a feed that is not JSON or not of its format; nothing is changed then.
 */
export async function importFeedFrom(db: Db, feed: FeedSource): Promise<ImportSummary> {
  const source = feed.source ?? defaultSourceName(feed.location);
  if (!source.trim() || source.length > 200) throw new Error('a source name must have 1 to 200 characters');
  const mapping = loadCategoryMapping();
  const text = await readFeedText(feed);
  const parsed = parseFeed(text, feed.format, {
    company: feed.company ?? (feed.source ? source : defaultCompanyName(feed.location, source)),
    knownCategories: mapping.known,
  });
  return importFeed(db, source, parsed, mapping);
}

/** One line per fact, for the CLI and the server log. */
export function formatSummary(summary: ImportSummary): string[] {
  const lines = [
    `${summary.source}: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.closed} closed, ${summary.rejected.length} rejected${summary.skipped ? `, ${summary.skipped} unlisted skipped` : ''}`,
  ];
  for (const r of summary.rejected) {
    lines.push(`  rejected record ${r.index}${r.externalId ? ` (id ${r.externalId})` : ''}: ${r.reason}`);
  }
  if (summary.unmappedDepartments.length > 0) {
    lines.push(`  departments not in content/jobs-mapping.yml: ${summary.unmappedDepartments.join(', ')}`);
  }
  return lines;
}
