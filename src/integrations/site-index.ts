/**
 * `virtual:site-index`: the published articles' ids and titles and the categories' names, for
 * on-demand routes (comments page, jobs pages). Importing `astro:content` there would bundle
 * every article's compiled MDX into the server build a second time, doubling build time.
 * Built from the same files, schema and publishing rule as the collections and the check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse as parseYaml } from 'yaml';
import { frontmatterChecker } from '../lib/content-check/check-frontmatter.ts';
import { entryId } from '../lib/content-check/entry-id.ts';
import { parseFrontmatter } from '../lib/content-check/frontmatter.ts';
import { getPublicationStatus } from '../lib/publishing.ts';
import { contentDirectory, fileExistsFrom, readArticles, readContentIndex } from './content-source.ts';

const MODULE_ID = 'virtual:site-index';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** The module's data: what on-demand routes may know about the content. */
export interface SiteIndex {
  articles: { id: string; title: string }[];
  categories: { id: string; name: string }[];
}

/** Reads the index; `dev` keeps drafts and scheduled articles, as the dev server shows them. */
export function buildSiteIndex(contentDir: string, dev: boolean, now: Date = new Date()): SiteIndex {
  const index = readContentIndex(contentDir);
  const check = frontmatterChecker(index, fileExistsFrom());
  const articles = readArticles(contentDir).flatMap((article) => {
    const frontmatter = parseFrontmatter(article.source);
    if (!('data' in frontmatter)) return [];
    const { data } = check(article.file, frontmatter);
    if (!data || (!dev && getPublicationStatus(data, now) !== 'published')) return [];
    return [{ id: entryId(article.entry, frontmatter.data), title: String(frontmatter.data['title']) }];
  });
  const categories = index.categories
    .map((id) => {
      const file = ['yml', 'yaml', 'json']
        .map((ext) => join(contentDir, 'categories', `${id}.${ext}`))
        .find((path) => {
          try {
            readFileSync(path);
            return true;
          } catch {
            return false;
          }
        });
      const data = file ? (parseYaml(readFileSync(file, 'utf8')) as { name?: unknown }) : {};
      return { id, name: typeof data?.name === 'string' ? data.name : id };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { articles, categories };
}

/** Provides `virtual:site-index` to the build and the dev server. */
export function siteIndex(): AstroIntegration {
  return {
    name: 'site-index',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'site-index',
                resolveId: (id: string) => (id === MODULE_ID ? RESOLVED_ID : undefined),
                load: (id: string) =>
                  id === RESOLVED_ID
                    ? `export default ${JSON.stringify(buildSiteIndex(contentDirectory(), command === 'dev'))};`
                    : undefined,
              },
            ],
          },
        });
      },
    },
  };
}
