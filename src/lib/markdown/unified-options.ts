/**
 * The Markdown pipeline of every article: GitHub-flavoured Markdown through remark-gfm, and
 * our typography, figure, task-list, heading-anchor and focusable-code plugins. One module, so that the
 * Astro config and the MDX compile workers build exactly the same processor.
 */
import type { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { rehypeAccessibleTaskLists } from './rehype-accessible-task-lists.ts';
import { rehypeFocusableCode } from './rehype-focusable-code.ts';
import { rehypeHeadingAnchors } from './rehype-heading-anchors.ts';
import { remarkFigureImages } from './remark-figure-images.ts';
import { remarkSmartPunctuation } from './remark-smart-punctuation.ts';

/** Options for `unified()` from @astrojs/markdown-remark. */
export const unifiedOptions: NonNullable<Parameters<typeof unified>[0]> = {
  // Astro's own GFM switch is off so that remark-gfm, listed explicitly, is the one that runs.
  gfm: false,
  // Our string-based SmartyPants replaces Astro's retext one: same output, a fraction of the time.
  smartypants: false,
  remarkPlugins: [remarkGfm, remarkSmartPunctuation, remarkFigureImages],
  rehypePlugins: [rehypeAccessibleTaskLists, rehypeHeadingAnchors, rehypeFocusableCode],
};
