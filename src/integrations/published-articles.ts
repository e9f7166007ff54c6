/**
 * The published articles and the names their references point at, read from the content
 * files with the content check's schema and the publishing rule: what the site index and the
 * social card manifest are built from, so both agree with the collections.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type CheckedArticle, frontmatterChecker } from '../lib/content-check/check-frontmatter.ts';
import { entryId } from '../lib/content-check/entry-id.ts';
import { parseFrontmatter } from '../lib/content-check/frontmatter.ts';
import { getPublicationStatus } from '../lib/publishing.ts';
import { fileExistsFrom, readArticles, readContentIndex } from './content-source.ts';

/** One article that passes the check, with the id its page is built under. */
export interface PublishedArticle extends CheckedArticle {
  id: string;
}

/**
 * Articles that pass the check and are published at `now`; `dev` keeps drafts and scheduled
 * articles, as the dev server shows them. Broken articles are skipped: the content check
 * stops the build naming them.
 */
export function readPublishedArticles(contentDir: string, dev: boolean, now: Date): PublishedArticle[] {
  const check = frontmatterChecker(readContentIndex(contentDir), fileExistsFrom());
  return readArticles(contentDir).flatMap((article) => {
    const frontmatter = parseFrontmatter(article.source);
    if (!('data' in frontmatter)) return [];
    const { data } = check(article.file, frontmatter);
    if (!data || (!dev && getPublicationStatus(data, now) !== 'published')) return [];
    return [{ ...data, id: entryId(article.entry, frontmatter.data) }];
  });
}

function readName(contentDir: string, folder: string, id: string): string {
  for (const ext of ['yml', 'yaml', 'json']) {
    let source: string;
    try {
      source = readFileSync(join(contentDir, folder, `${id}.${ext}`), 'utf8');
    } catch {
      continue;
    }
    const data = parseYaml(source) as { name?: unknown } | null;
    // Trimmed as the collection schema trims it; the id stands in when the file has no name.
    return typeof data?.name === 'string' && data.name.trim() ? data.name.trim() : id;
  }
  return id;
}

/** Display names of the categories and authors, by slug. */
export function readNames(contentDir: string): {
  categories: Map<string, string>;
  authors: Map<string, string>;
} {
  const index = readContentIndex(contentDir);
  return {
    categories: new Map(index.categories.map((id) => [id, readName(contentDir, 'categories', id)])),
    authors: new Map(index.authors.map((id) => [id, readName(contentDir, 'authors', id)])),
  };
}
