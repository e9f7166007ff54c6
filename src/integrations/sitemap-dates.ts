/**
 * Last-modified dates for @astrojs/sitemap. The integration runs in the Astro config, where
 * content collections cannot be queried, so this reads the articles' frontmatter directly:
 * the same files and the same fields (pubDate, updatedDate, categories, tags, author, draft),
 * and the same tag slugs as the tag pages.
 */
import { entryId } from '../lib/content-check/entry-id.ts';
import { parseFrontmatter } from '../lib/content-check/frontmatter.ts';
import { tagSlug } from '../lib/tags.ts';
import { readArticles } from './content-source.ts';

interface ArticleDates {
  slug: string;
  lastmod: Date;
  categories: string[];
  /** Tag slugs. */
  tags: string[];
  author: string | undefined;
  draft: boolean;
}

/** Pathnames with their lastmod, and the pathnames of drafts (never listed). */
export interface SitemapDates {
  lastmod: Map<string, Date>;
  drafts: Set<string>;
}

function toDate(value: unknown): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = new Date(value instanceof Date ? value.valueOf() : String(value));
  return Number.isNaN(date.valueOf()) ? undefined : date;
}

function readArticle(entry: string, source: string): ArticleDates | undefined {
  const frontmatter = parseFrontmatter(source);
  // Broken frontmatter: the content check stops the build naming the file and line; the
  // config must still load for that check to run.
  if (!('data' in frontmatter)) return undefined;
  const { data } = frontmatter;
  const lastmod = toDate(data['updatedDate']) ?? toDate(data['pubDate']);
  // The content schema rejects such an article at build; nothing to date here.
  if (!lastmod) return undefined;
  const slug = entryId(entry, data);
  const categories = Array.isArray(data['categories']) ? data['categories'].map(String) : [];
  const tags = Array.isArray(data['tags'])
    ? data['tags'].map((tag) => tagSlug(String(tag))).filter(Boolean)
    : [];
  const author = typeof data['author'] === 'string' ? data['author'] : undefined;
  return { slug, lastmod, categories, tags, author, draft: data['draft'] === true };
}

function newest(map: Map<string, Date>, path: string, date: Date): void {
  const current = map.get(path);
  if (!current || current < date) map.set(path, date);
}

/** Reads every article under `<contentDir>/articles` and dates each page built from them. */
export function readSitemapDates(contentDir: string): SitemapDates {
  const lastmod = new Map<string, Date>();
  const drafts = new Set<string>();
  for (const article of readArticles(contentDir).map(({ entry, source }) => readArticle(entry, source))) {
    if (!article) continue;
    const path = `/blog/${article.slug}/`;
    if (article.draft) {
      drafts.add(path);
      continue;
    }
    lastmod.set(path, article.lastmod);
    for (const listing of ['/', '/categories/', '/authors/']) newest(lastmod, listing, article.lastmod);
    for (const category of article.categories) newest(lastmod, `/categories/${category}/`, article.lastmod);
    if (article.tags.length > 0) newest(lastmod, '/tags/', article.lastmod);
    for (const tag of article.tags) newest(lastmod, `/tags/${tag}/`, article.lastmod);
    if (article.author) newest(lastmod, `/authors/${article.author}/`, article.lastmod);
  }
  return { lastmod, drafts };
}
