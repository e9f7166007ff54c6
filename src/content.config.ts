import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleSchema } from './lib/article-schema.ts';
import { twitterHandle } from './lib/seo/twitter-handle.ts';
import { contentDirectory } from './server/platform/config/paths.ts';

/**
 * Root of the editors' content. Benchmarks and content-error fixtures point CONTENT_DIR at a
 * scratch folder of the same shape (articles/, categories/, authors/).
 */
const contentDir = contentDirectory();

const articles = defineCollection({
  loader: glob({ base: `${contentDir}/articles`, pattern: '**/[^_]*.{md,mdx}' }),
  // Shared with scripts/check-content.ts so editors' check and the build apply the same rules.
  schema: ({ image }) =>
    articleSchema({ image: image(), category: reference('categories'), author: reference('authors') }),
});

const categories = defineCollection({
  loader: glob({ base: `${contentDir}/categories`, pattern: '*.{yml,yaml,json}' }),
  schema: z.object({
    /** Display name, e.g. "Backend". */
    name: z.string().trim().min(1),
    /** One or two sentences shown on the category page and in its meta description. */
    description: z.string().trim().min(1),
  }),
});

const authors = defineCollection({
  loader: glob({ base: `${contentDir}/authors`, pattern: '*.{yml,yaml,json}' }),
  schema: z.object({
    /** Full name as shown in bylines. */
    name: z.string().trim().min(1),
    /** Short biography shown on the author page. */
    bio: z.string().trim().min(1),
    /** Personal site or profile; optional. */
    url: z.url().optional(),
    /**
     * X (Twitter) handle, e.g. "@jordanellis" (the "@" may be left out); optional. Articles by
     * this author name it in twitter:creator.
     */
    twitter: twitterHandle.optional(),
  }),
});

export const collections = { articles, categories, authors };
