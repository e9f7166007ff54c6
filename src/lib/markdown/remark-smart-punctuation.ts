/**
 * Astro's `smartypants` typography (curly quotes, em dashes, ellipses) as a remark plugin
 * that works on strings (./smart-punctuation.ts) instead of running retext over every text
 * node; it walks the tree exactly as remark-smartypants does. Quotes are educated over the
 * whole document at once, so a quote opened before a link or emphasis closes after it;
 * inline code counts as a word and is never changed; a heading, paragraph or table cell
 * starts as if after white space.
 */
import { educateDashesAndEllipses, educateQuotes } from './smart-punctuation.ts';

interface MdastNode {
  type: string;
  name?: string | null;
  value?: string;
  children?: MdastNode[];
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const LITERALS = new Set(['text', 'inlineCode']);
// Text inside these MDX elements is code, not prose. Like remark-smartypants, text directly
// inside an inline fragment (<>…</>, no name) is left alone too.
const IGNORED_ELEMENTS = new Set(['style', 'script']);

function collect(node: MdastNode, nodes: MdastNode[]): void {
  for (const child of node.children ?? []) {
    const ignored =
      node.type === 'mdxJsxTextElement' && (typeof node.name !== 'string' || IGNORED_ELEMENTS.has(node.name));
    if (
      !ignored &&
      (BLOCKS.has(child.type) || (LITERALS.has(child.type) && typeof child.value === 'string'))
    ) {
      nodes.push(child);
    }
    collect(child, nodes);
  }
}

/** remark plugin: SmartyPants with retext-smartypants' default options. */
export function remarkSmartPunctuation() {
  return (tree: MdastNode) => {
    const nodes: MdastNode[] = [];
    collect(tree, nodes);
    const text = nodes
      .map((node) =>
        BLOCKS.has(node.type) ? ' ' : node.type === 'text' ? node.value : 'A'.repeat(node.value?.length ?? 0),
      )
      .join('');
    const educated = educateQuotes(text);
    let start = 0;
    for (const node of nodes) {
      if (BLOCKS.has(node.type)) {
        start += 1;
        continue;
      }
      const end = start + (node.value?.length ?? 0);
      if (node.type === 'text') node.value = educateDashesAndEllipses(educated.slice(start, end));
      start = end;
    }
  };
}
