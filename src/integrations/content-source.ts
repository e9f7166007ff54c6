/**
 * Reads the content folder from disk for the content check and the article scaffold: the same
 * folder and file patterns as the collections in src/content.config.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ArticleSource } from '../lib/content-check/check-articles.ts';
import type { ContentIndex, FileExists } from '../lib/content-check/check-frontmatter.ts';

const ARTICLE_FILE = /(^|\/)[^_/][^/]*\.(md|mdx)$/;
const DATA_FILE = /^([^/]+)\.(ya?ml|json)$/;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split(sep).join('/'))
    .filter((entry) => statSync(join(dir, entry)).isFile())
    .sort();
}

/** Slugs of the categories and authors, from their file names. */
export function readContentIndex(contentDir: string): ContentIndex {
  const slugs = (folder: string) =>
    filesUnder(join(contentDir, folder)).flatMap((entry) => DATA_FILE.exec(entry)?.[1] ?? []);
  return { categories: slugs('categories'), authors: slugs('authors') };
}

/** Every article file, with paths shown relative to `root` so editors can open them. */
export function readArticles(contentDir: string, root: string = process.cwd()): ArticleSource[] {
  const articlesDir = join(contentDir, 'articles');
  return filesUnder(articlesDir)
    .filter((entry) => ARTICLE_FILE.test(entry))
    .map((entry) => {
      const path = join(articlesDir, entry);
      return { file: relative(root, path) || path, entry, source: readFileSync(path, 'utf8') };
    });
}

/** Resolves image paths against the article's own folder, as Astro's image() does. */
export function fileExistsFrom(root: string = process.cwd()): FileExists {
  return (articleFile, relativePath) => existsSync(resolve(root, dirname(articleFile), relativePath));
}
