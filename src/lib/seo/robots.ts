/** Paths crawlers are asked to leave alone: the editors' area and machine endpoints. */
export const DISALLOWED_PATHS = ['/admin/', '/api/'] as const;

/** Sitemaps named in robots.txt, relative to the site origin. */
export const SITEMAP_PATHS = ['/sitemap-index.xml', '/sitemap-jobs.xml'] as const;

/**
 * The robots.txt body for a site served from `site` (an absolute origin URL).
 *
 * Crawlers disagree on which rule wins when several match: Google and RFC 9309 take the
 * longest match, older parsers (Python's urllib.robotparser among them) the first. The
 * Disallow lines come before `Allow: /`, so both readings keep crawlers out of the same paths.
 */
export function buildRobotsTxt(site: URL | string): string {
  const lines = [
    'User-agent: *',
    ...DISALLOWED_PATHS.map((path) => `Disallow: ${path}`),
    'Allow: /',
    '',
    ...SITEMAP_PATHS.map((path) => `Sitemap: ${new URL(path, site).href}`),
  ];
  return `${lines.join('\n')}\n`;
}
