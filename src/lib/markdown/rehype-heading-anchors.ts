/**
 * Gives every h2-h4 of an article its own anchor link by wrapping the heading's content in
 * `<a href="#id">`. Wrapping (rather than appending a "#" link) keeps the heading text, and so
 * the ids and TOC labels Astro derives from it, unchanged, and gives screen readers one link
 * named after the heading instead of a row of identical "#" links.
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const anchored = new Set(['h2', 'h3', 'h4']);

function containsLink(node: HastNode): boolean {
  return (node.children ?? []).some((child) => child.tagName === 'a' || containsLink(child));
}

function wrapHeadings(node: HastNode): void {
  for (const child of node.children ?? []) {
    const id = child.properties?.['id'];
    // A heading that already holds a link cannot be wrapped in another one.
    if (child.tagName && anchored.has(child.tagName) && typeof id === 'string' && !containsLink(child)) {
      child.children = [
        {
          type: 'element',
          tagName: 'a',
          properties: { href: `#${id}`, className: ['heading-anchor'] },
          children: child.children ?? [],
        },
      ];
    } else {
      wrapHeadings(child);
    }
  }
}

/**
 * Assigns heading ids first (Astro's own rehypeHeadingIds, which later keeps ids it finds),
 * then wraps each heading in a link to itself.
 */
export function rehypeHeadingAnchors() {
  // rehypeHeadingIds is typed as a generic unified plugin result; it is a synchronous
  // (tree, file) transformer that writes ids and file.data.astro.headings.
  const assignIds = rehypeHeadingIds() as unknown as (tree: HastNode, file: unknown) => void;
  return (tree: HastNode, file: unknown) => {
    assignIds(tree, file);
    wrapHeadings(tree);
  };
}
