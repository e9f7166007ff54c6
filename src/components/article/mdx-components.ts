import Callout from './Callout.astro';
import Figure from './Figure.astro';

/**
 * Components editors use in MDX without importing them. The article page passes this map to
 * the rendered article: `<Content components={mdxComponents} />`.
 */
export const mdxComponents = { Callout, Figure };
