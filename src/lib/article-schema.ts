/**
 * The article frontmatter contract, shared by src/content.config.ts (the build) and
 * scripts/check-content.ts (editors' check) so both apply the same rules with the same words.
 * Plain TypeScript with relative imports: it also runs under `node` without Vite.
 * Every message says what is wrong and how to fix it; the field name is added by the caller.
 */
import { z } from 'astro/zod';
import { lengthBetween, siteDate, tagList, text } from './article-fields.ts';

/** Length limits of the text fields, in characters. */
export const LIMITS = {
  title: { max: 100 },
  description: { min: 50, max: 200 },
} as const;

/** Texts `npm run new` writes so the scaffold is valid; an article cannot be published with them. */
export const PLACEHOLDERS = {
  description:
    'Replace this with one or two sentences that sum the article up: they show on cards and in search results.',
  heroAlt: 'Placeholder picture: replace the image and describe what it shows',
} as const;

/** Slugs are lower-case words joined by hyphens: the URL segment of the article. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Schemas for the fields that point elsewhere: Astro's image() and reference() in the build. */
export interface ArticleSchemaParts<
  Image extends z.ZodType,
  Category extends z.ZodType,
  Author extends z.ZodType,
> {
  image: Image;
  category: Category;
  author: Author;
}

/** The frontmatter schema of one article; unknown fields are refused so typos surface. */
export function articleSchema<Image extends z.ZodType, Category extends z.ZodType, Author extends z.ZodType>(
  parts: ArticleSchemaParts<Image, Category, Author>,
) {
  return z
    .strictObject(
      {
        /** Headline shown on the page, cards and feeds; at most 100 characters. */
        title: text("'Backend Development in 2026'")
          .trim()
          .min(1, 'is empty; write the headline')
          .superRefine(lengthBetween(0, LIMITS.title.max, 'longer headlines are cut off in search results')),
        /** Excerpt and meta description: 50-200 characters. */
        description: text("'What backend engineers build in 2026 and the skills it takes.'")
          .trim()
          .superRefine(
            lengthBetween(
              LIMITS.description.min,
              LIMITS.description.max,
              'it is the summary shown on cards and in search results',
            ),
          ),
        /** First publication date in SITE.timeZone; a future date schedules the article. */
        pubDate: siteDate(),
        /** Date of the last meaningful revision, in SITE.timeZone; defaults to none. */
        updatedDate: siteDate().optional(),
        /** One or more category slugs from content/categories. */
        categories: z
          .array(parts.category, { error: 'must be a list of category slugs, e.g. [backend]' })
          .min(1, 'is empty; an article needs at least one category, e.g. [backend]'),
        /** Free-form keywords, lower-cased and de-duplicated; defaults to none. */
        tags: tagList,
        /** Author slug from content/authors. */
        author: parts.author,
        /** Hero image, relative to the article file, e.g. ./images/my-article.png; optional. */
        heroImage: parts.image.optional(),
        /** Alt text of the hero image; required when heroImage is set. */
        heroAlt: z
          .string({ error: 'must be text describing the image' })
          .trim()
          .min(1, 'is empty')
          .optional(),
        /** Drafts are previewed in dev and left out of production builds; defaults to false. */
        draft: z.boolean({ error: 'must be true or false (without quotes)' }).default(false),
        /** URL segment (/blog/<slug>/); defaults to the file name. */
        slug: z
          .string()
          .regex(SLUG_PATTERN, 'must be lower-case words joined by hyphens, e.g. backend-in-2026')
          .optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown field ${issue.keys.join(', ')}; the fields are listed in docs/editing.md`
            : undefined,
      },
    )
    .refine((data) => !data.heroImage || data.heroAlt, {
      message: 'is missing; heroImage is set, so describe the image for readers who cannot see it',
      path: ['heroAlt'],
      // Report a missing alt even when other fields are wrong, so editors see every problem at once.
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    })
    .superRefine((data, ctx) => {
      if (data.updatedDate && data.updatedDate < data.pubDate)
        ctx.addIssue({
          code: 'custom',
          path: ['updatedDate'],
          message:
            'is before pubDate; it is the date of the last revision, so use a date on or after pubDate',
        });
      if (data.draft) return;
      for (const field of ['description', 'heroAlt'] as const) {
        if (data[field] === PLACEHOLDERS[field])
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message:
              'is still the text `npm run new` wrote; replace it before publishing (or set draft: true)',
          });
      }
    });
}

/** Kinds of Callout; the component and the check both read this list. */
export const CALLOUT_TYPES = ['note', 'tip', 'warning'] as const;
