/** Reads `mail-manifest.json`, what the build publishes, written by src/integrations/mail-manifest.ts. */
import { join } from 'node:path';
import { SITE } from '../../site.config.ts';
import { readBuildJson } from '../platform/build-files.ts';
import type { PublishedArticle } from './article-alerts.ts';
import type { MailNames } from './mail-sender.ts';

/** The manifest's file name inside the build folder. */
export const MAIL_MANIFEST_FILE = 'mail-manifest.json';

/** What the build tells the mail feature. */
export interface MailManifest {
  version: 1;
  /** Category names by slug. */
  categories: Record<string, string>;
  articles: PublishedArticle[];
}

function isArticle(value: unknown): value is PublishedArticle {
  const a = value as Partial<PublishedArticle> | null;
  return (
    typeof a?.id === 'string' &&
    typeof a.title === 'string' &&
    typeof a.description === 'string' &&
    Array.isArray(a.categories) &&
    a.categories.every((c) => typeof c === 'string')
  );
}

/** The build's manifest; undefined when the build has none. Throws naming the file when it is damaged. */
export function readMailManifest(distDir: string): MailManifest | undefined {
  const file = join(distDir, MAIL_MANIFEST_FILE);
  const data = readBuildJson(file) as Partial<MailManifest> | null | undefined;
  if (data === undefined) return undefined;
  if (
    data?.version !== 1 ||
    !Array.isArray(data.articles) ||
    !data.articles.every(isArticle) ||
    typeof data.categories !== 'object'
  )
    throw new Error(`${file} is not a version 1 mail manifest; rebuild the site`);
  return { version: 1, categories: data.categories ?? {}, articles: data.articles };
}

/** Names for mails: from the manifest, else the slug itself with a capital. */
export function namesFrom(manifest: MailManifest | undefined): MailNames {
  const titles = new Map((manifest?.articles ?? []).map((article) => [article.id, article.title]));
  const categories = new Map(Object.entries(manifest?.categories ?? {}));
  const fallback = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return {
    siteName: SITE.name,
    categoryName: (id) => categories.get(id) ?? fallback(id),
    articleTitle: (id) => titles.get(id) ?? id,
  };
}
