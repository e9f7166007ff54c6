/**
 * Checks of a page's outline and text that the Nu checker does not make: headings that skip a
 * level, and words run together where markup lost the space between text and a link.
 */
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { elements } from './built-site.ts';

type Node = DefaultTreeAdapterMap['node'];
type Document = DefaultTreeAdapterMap['document'];

/** A page as HTML, or already parsed. */
function documentOf(page: string | Document): Document {
  return typeof page === 'string' ? parse(page) : page;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if (node.nodeName === 'template' || node.nodeName === 'script' || node.nodeName === 'style') return '';
  return ('childNodes' in node ? node.childNodes : []).map(textOf).join('');
}

/**
 * Every place the outline goes down more than one level (an h1 followed by an h3), as
 * "h1 “Jobs” → h3 “Backend Engineer”"; a page whose first heading is not h1 reports it too.
 */
export function headingSkips(page: string | Document): string[] {
  const found: string[] = [];
  let previous: { level: number; text: string } | undefined;
  for (const el of elements(documentOf(page))) {
    const level = /^h([1-6])$/.exec(el.tagName)?.[1];
    if (!level) continue;
    const heading = { level: Number(level), text: textOf(el).replace(/\s+/g, ' ').trim() };
    const from = previous ?? { level: 0, text: 'start of page' };
    if (heading.level > from.level + 1)
      found.push(
        `${from.level ? `h${from.level}` : ''} “${from.text}” → h${heading.level} “${heading.text}”`.trim(),
      );
    previous = heading;
  }
  return found;
}

/** Elements that sit inside a line of text, so text beside them needs its own space. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'cite',
  'code',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  'small',
  'span',
  'strong',
  'time',
]);

/**
 * Places where a word runs into a link or other inline element, "browse the<a>latest", as
 * "…browse the|latest articles…". Astro 7 drops whitespace that holds a line break next to an
 * element (JSX rules), so a sentence broken over source lines loses its spaces this way.
 */
export function runTogetherWords(page: string | Document): string[] {
  const found: string[] = [];
  for (const el of elements(documentOf(page))) {
    const children = el.childNodes.filter((child) => child.nodeName !== '#comment');
    for (let i = 1; i < children.length; i++) {
      const [before, after] = [children[i - 1], children[i]] as [Node, Node];
      const inline = (node: Node) => node.nodeName === '#text' || INLINE.has(node.nodeName);
      if (before.nodeName === '#text' && after.nodeName === '#text') continue;
      if (!inline(before) || !inline(after)) continue;
      const left = textOf(before);
      const right = textOf(after);
      if (/[\p{L}\p{N}]$/u.test(left) && /^[\p{L}\p{N}]/u.test(right))
        found.push(`…${left.slice(-20)}|${right.slice(0, 20)}…`);
    }
  }
  return found;
}
