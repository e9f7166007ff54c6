import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'a',
    'h3',
    'blockquote',
    'code',
    'pre',
  ],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // The job page owns h1 and h2 ("About the role"); every feed heading becomes an h3 under it,
  // so no heading level is ever skipped, whatever levels the feed used.
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    h4: 'h3',
    h5: 'h3',
    h6: 'h3',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener' }),
  },
};

/**
 * Cleans a feed's description HTML down to text structure (paragraphs, lists, headings,
 * emphasis, links), so nothing from a feed can run script, load resources or restyle the page.
 */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, allowed).trim();
}

/** The description as plain text cut at `maxLength`, for meta descriptions. */
export function describeAsText(html: string, maxLength: number): string {
  // Block ends become spaces so paragraphs do not run together.
  const spaced = html.replace(/<\/(p|li|h[1-6]|div)>|<br\s*\/?>/gi, ' $&');
  const text = decodeHTML(sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
