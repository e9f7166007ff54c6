/**
 * `virtual:site-index`: the published articles' ids and titles and the categories' names, for
 * on-demand routes (comments page, jobs pages). Importing `astro:content` there would bundle
 * every article's compiled MDX into the server build a second time, doubling build time.
 * Built from the same files, schema and publishing rule as the collections and the check.
 */
import type { AstroIntegration } from 'astro';
import { contentDirectory } from '../server/platform/config/paths.ts';
import { readNames, readPublishedArticles } from './published-articles.ts';

const MODULE_ID = 'virtual:site-index';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** The module's data: what on-demand routes may know about the content. */
export interface SiteIndex {
  articles: { id: string; title: string }[];
  categories: { id: string; name: string }[];
}

/** Reads the index; `dev` keeps drafts and scheduled articles, as the dev server shows them. */
export function buildSiteIndex(contentDir: string, dev: boolean, now: Date = new Date()): SiteIndex {
  const articles = readPublishedArticles(contentDir, dev, now).map(({ id, title }) => ({ id, title }));
  const categories = [...readNames(contentDir).categories]
    .map(([id, name]) => ({ id, name }))
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
