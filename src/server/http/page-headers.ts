import { existsSync, readFileSync } from 'node:fs';

/** Per-page response headers, keyed by URL path ('/blog/x/'). */
export type PageHeaders = Map<string, Record<string, string>>;

/**
 * Policy for responses that carry no page-specific CSP (files, dynamic routes before Astro
 * answers). It has no default-src on purpose: browsers enforce every policy they receive, so a
 * restrictive default here would block the hashed inline scripts a page's own policy allows.
 */
export const BASE_CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

/**
 * Reads the per-page headers the Node adapter writes with `staticHeaders: true`
 * (dist/_headers.json): each prerendered page's Content-Security-Policy with its script and
 * style hashes.
 */
export function readPageHeaders(file: string): PageHeaders {
  const map: PageHeaders = new Map();
  if (!existsSync(file)) return map;
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Array<{
    pathname: string;
    headers: Array<{ key: string; value: string }>;
  }>;
  for (const entry of entries) {
    map.set(entry.pathname, Object.fromEntries(entry.headers.map((h) => [h.key, h.value])));
  }
  return map;
}
