/**
 * Last-modified dates for @astrojs/sitemap. The integration runs in the Astro config, where
 * content collections cannot be queried, so this reads the articles' frontmatter directly:
 * the same files and the same fields (pubDate, updatedDate, categories, author, draft).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, parse, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';

interface ArticleDates {
  slug: string;
  lastmod: Date;
  categories: string[];
  author: string | undefined;
  draft: boolean;
}

/** Pathnames with their lastmod, and the pathnames of drafts (never listed). */
export interface SitemapDates {
  lastmod: Map<string, Date>;
  drafts: Set<string>;
}

function readFrontmatter(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  let data: unknown = {};
  try {
    data = match?.[1] ? parseYaml(match[1]) : {};
  } catch {
    // Broken frontmatter: the content check stops the build naming the file and line; the
    // config must still load for that check to run.
  }
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function toDate(value: unknown): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = new Date(value instanceof Date ? value.valueOf() : String(value));
  return Number.isNaN(date.valueOf()) ? undefined : date;
}

/** The content loader's id: the path below articles/ without extension, slugified per segment. */
function idOf(relativePath: string): string {
  return relativePath
    .replace(/\.mdx?$/, '')
    .split(sep)
    .map((segment) => segment.toLowerCase().trim().replace(/\s+/g, '-'))
    .join('/');
}

function readArticle(dir: string, relativePath: string): ArticleDates | undefined {
  const data = readFrontmatter(join(dir, relativePath));
  const lastmod = toDate(data['updatedDate']) ?? toDate(data['pubDate']);
  // The content schema rejects such an article at build; nothing to date here.
  if (!lastmod) return undefined;
  const slug = typeof data['slug'] === 'string' ? data['slug'] : idOf(relativePath);
  const categories = Array.isArray(data['categories']) ? data['categories'].map(String) : [];
  const author = typeof data['author'] === 'string' ? data['author'] : undefined;
  return { slug, lastmod, categories, author, draft: data['draft'] === true };
}

function newest(map: Map<string, Date>, path: string, date: Date): void {
  const current = map.get(path);
  if (!current || current < date) map.set(path, date);
}

/** Reads every article under `<contentDir>/articles` and dates each page built from them. */
export function readSitemapDates(contentDir: string): SitemapDates {
  const dir = join(contentDir, 'articles');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (name) => /\.mdx?$/.test(name) && !parse(name).name.startsWith('_'),
  );
  const lastmod = new Map<string, Date>();
  const drafts = new Set<string>();
  for (const article of files.map((file) => readArticle(dir, file))) {
    if (!article) continue;
    const path = `/blog/${article.slug}/`;
    if (article.draft) {
      drafts.add(path);
      continue;
    }
    lastmod.set(path, article.lastmod);
    for (const listing of ['/', '/categories/', '/authors/']) newest(lastmod, listing, article.lastmod);
    for (const category of article.categories) newest(lastmod, `/categories/${category}/`, article.lastmod);
    if (article.author) newest(lastmod, `/authors/${article.author}/`, article.lastmod);
  }
  return { lastmod, drafts };
}
