/**
 * Feed readers show an item's content outside the site, so every root-relative link, image and
 * srcset candidate in it must become absolute. Fragment links (#section) point into the
 * article page.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  const absolute = (url: string) =>
    url.startsWith('/') || url.startsWith('#') ? new URL(url, pageUrl).href : url;
  return html
    .replace(/\b(href|src)="([^"]*)"/g, (_, attr: string, url: string) => `${attr}="${absolute(url)}"`)
    .replace(/\bsrcset="([^"]*)"/g, (_, set: string) => {
      const candidates = set.split(',').map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [absolute(url), ...descriptor].join(' ');
      });
      return `srcset="${candidates.join(', ')}"`;
    });
}

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = 20;
