import { existsSync, readFileSync } from 'node:fs';

/**
 * Policy for responses that carry no page-specific CSP (files, dynamic routes before Astro
 * answers). It has no default-src on purpose: browsers enforce every policy they receive, so a
 * restrictive default here would block the hashed inline scripts a page's own policy allows.
 */
export const BASE_CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

interface HeadersEntry {
  pathname: string;
  headers: Array<{ key: string; value: string }>;
}

/**
 * The URL paths of the file a `_headers.json` route names. The adapter keys a route by its
 * pattern, which has a trailing slash for some pages (`/blog/x/`) and not for others
 * (`/search`, `/categories`, `/404`), so each form is looked up against the files.
 */
function filePaths(route: string, files: ReadonlySet<string>): string[] {
  const base = route.endsWith('/') ? route : `${route}/`;
  if (files.has(`${base}index.html`)) return [base, `${base}index.html`];
  if (route !== '/' && files.has(`${route.replace(/\/$/, '')}.html`))
    return [`${route.replace(/\/$/, '')}.html`];
  return [];
}

/**
 * Each prerendered page's Content-Security-Policy (with its script and style hashes), keyed by
 * every URL path that serves the page: read from the `_headers.json` the Node adapter writes
 * with `staticHeaders: true`. `files` holds the URL paths of the client folder.
 */
export function pagePolicies(file: string, files: ReadonlySet<string>): Map<string, string> {
  const policies = new Map<string, string>();
  if (!existsSync(file)) return policies;
  for (const entry of JSON.parse(readFileSync(file, 'utf8')) as HeadersEntry[]) {
    const policy = entry.headers.find((h) => h.key.toLowerCase() === 'content-security-policy')?.value;
    if (!policy) continue;
    for (const path of filePaths(entry.pathname, files)) policies.set(path, policy);
  }
  return policies;
}
