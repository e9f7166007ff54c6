import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Root of the editors' content. Benchmarks and content-error fixtures point CONTENT_DIR at a
 * scratch folder of the same shape (articles/, categories/, authors/).
 */
const contentDir = process.env['CONTENT_DIR'] ?? './content';

/** Tags are compared case-insensitively, so they are stored lower-case and once each. */
const tagList = z
  .array(z.string().trim().min(1, 'a tag cannot be empty'))
  .default([])
  .transform((tags) => [...new Set(tags.map((tag) => tag.toLowerCase()))]);

const articles = defineCollection({
  loader: glob({ base: `${contentDir}/articles`, pattern: '**/[^_]*.{md,mdx}' }),
  schema: ({ image }) =>
    z
      .object({
        /** Headline shown on the page, cards and feeds; at most 100 characters. */
        title: z.string().trim().min(1).max(100),
        /** Excerpt and meta description: 50-200 characters. */
        description: z.string().trim().min(50).max(200),
        /** First publication date; a future date schedules the article. */
        pubDate: z.coerce.date(),
        /** Date of the last meaningful revision; defaults to none. */
        updatedDate: z.coerce.date().optional(),
        /** One or more category slugs from content/categories. */
        categories: z.array(reference('categories')).min(1, 'an article needs at least one category'),
        /** Free-form keywords, lower-cased and de-duplicated; defaults to none. */
        tags: tagList,
        /** Author slug from content/authors. */
        author: reference('authors'),
        /** Hero image, relative to the article file; optional. */
        heroImage: image().optional(),
        /** Alt text of the hero image; required when heroImage is set. */
        heroAlt: z.string().trim().min(1).optional(),
        /** Drafts are previewed in dev and left out of production builds; defaults to false. */
        draft: z.boolean().default(false),
      })
      .refine((data) => !data.heroImage || data.heroAlt, {
        message:
          'heroAlt is required when heroImage is set: describe the image for readers who cannot see it',
        path: ['heroAlt'],
      }),
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
  }),
});

export const collections = { articles, categories, authors };
