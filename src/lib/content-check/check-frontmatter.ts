/** Validates one article's frontmatter with the shared schema and locates every issue. */
import { z } from 'astro/zod';
import { articleSchema } from '../article-schema.ts';
import type { ParsedFrontmatter } from './frontmatter.ts';
import type { Problem } from './problem.ts';
import { closestMatch, listChoices } from './suggest.ts';

/** What the content folder holds, for the fields that point at other files. */
export interface ContentIndex {
  categories: readonly string[];
  authors: readonly string[];
}

/** Looks up a path relative to an article file; the only I/O the check needs, injected. */
export type FileExists = (articleFile: string, relativePath: string) => boolean;

const IMAGE_EXTENSION = /\.(png|jpe?g|webp|avif|gif|svg|tiff?)$/i;

/** Why a local image path is unusable, or undefined when it is fine. */
export function imagePathProblem(file: string, src: string, exists: FileExists): string | undefined {
  if (!/^\.\.?\//.test(src))
    return `'${src}' must be a path relative to the article, e.g. ./images/my-image.png`;
  if (!IMAGE_EXTENSION.test(src))
    return `'${src}' is not an image; use a .png, .jpg, .webp, .avif, .gif or .svg file`;
  if (!exists(file, src))
    return `'${src}' does not exist; put the image in content/articles/images/ or fix the path`;
  return undefined;
}

function slugFrom(kind: string, folder: string, options: readonly string[]) {
  return z
    .string({ error: `must be a ${kind} slug, e.g. ${options[0] ?? 'my-slug'}` })
    .superRefine((value, ctx) => {
      if (!options.includes(value))
        ctx.addIssue({
          code: 'custom',
          message: `'${value}' is not ${kind === 'author' ? 'an' : 'a'} ${kind}; ${listChoices(value, options)} (or add content/${folder}/${value}.yml)`,
        });
    });
}

/** The checked fields other readers of the content files use (site index, card manifest). */
export interface CheckedArticle {
  title: string;
  description: string;
  categories: string[];
  author: string;
  draft: boolean;
  pubDate: Date;
}

/** Result of checking one article's frontmatter: its problems, and its data when valid. */
export interface FrontmatterResult {
  problems: Problem[];
  data?: CheckedArticle;
}

/**
 * A checker for every article of one run: the shared schema, with file-system checks standing
 * in for Astro's image() and reference(). Built once per run, since building a schema costs
 * more than using it; image paths are resolved against the article being checked.
 */
export function frontmatterChecker(index: ContentIndex, exists: FileExists) {
  let currentFile = '';
  const image = z.string({ error: 'must be a path like ./images/my-image.png' }).superRefine((src, ctx) => {
    const message = imagePathProblem(currentFile, src, exists);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
  const schema = articleSchema({
    image,
    category: slugFrom('category', 'categories', index.categories),
    author: slugFrom('author', 'authors', index.authors),
  });
  const fields = Object.keys(schema.shape);

  /** Schema problems of one article, each on the line of its field. */
  return (file: string, frontmatter: ParsedFrontmatter): FrontmatterResult => {
    currentFile = file;
    const result = schema.safeParse(frontmatter.data);
    if (result.success) return { problems: [], data: result.data };
    const problems: Problem[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const close = closestMatch(key, fields);
          const hint = close ? `did you mean ${close}?` : `the fields are ${fields.join(', ')}`;
          problems.push({
            file,
            line: frontmatter.lineOf([key]),
            field: key,
            message: `is not a field; ${hint}`,
          });
        }
        continue;
      }
      const field = String(issue.path[0] ?? 'frontmatter');
      const present = field in frontmatter.data;
      // A missing alt belongs next to its image; other missing fields go where they would be added.
      const anchor = field === 'heroAlt' && !present ? ['heroImage'] : issue.path;
      const line = present || field === 'heroAlt' ? frontmatter.lineOf(anchor) : frontmatter.endLine;
      problems.push({ file, line, field, message: issue.message });
    }
    return { problems };
  };
}
