/** One <url> of a sitemap: an absolute location and an optional last-modified date. */
export interface SitemapEntry {
  loc: string;
  lastmod?: Date | undefined;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** A sitemaps.org <urlset>; an empty list is still a valid sitemap; invalid dates are left out. */
export function buildUrlset(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const valid = entry.lastmod && !Number.isNaN(entry.lastmod.valueOf());
    const lastmod = valid && entry.lastmod ? `<lastmod>${entry.lastmod.toISOString()}</lastmod>` : '';
    return `<url><loc>${escapeXml(entry.loc)}</loc>${lastmod}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** Page 2+ of the home, a category, tag or author listing: `/2/`, `/tags/x/3/`, `…/page/2/`. */
const PAGINATED = /^\/(?:(?:categories|tags|authors)\/[^/]+\/)?(?:page\/)?\d+\/?$|\/page\/\d+\/?$/;

/**
 * Whether a built page belongs in the sitemap: search results, the editors' area, API routes,
 * error pages and page 2+ of a listing (a duplicate of the listing's first page) stay out.
 */
export function isIndexablePath(pathname: string): boolean {
  if (/^\/(admin|api|search)(\/|$)/.test(pathname)) return false;
  // The mail pages answer a reader's own link (confirm, preferences, unsubscribe).
  if (/^\/mail(\/|$)/.test(pathname)) return false;
  // The on-demand jobs listing is dated by its roles, so /sitemap-jobs.xml lists it.
  if (/^\/jobs(\/|$)/.test(pathname)) return false;
  if (PAGINATED.test(pathname)) return false;
  if (/^\/(404|500)(\/|\.html|$)/.test(pathname)) return false;
  return true;
}
