import { type CollectionEntry, getCollection } from 'astro:content';
import { isPublished } from './publishing.ts';

export type Article = CollectionEntry<'articles'>;
export type Category = CollectionEntry<'categories'>;
export type Author = CollectionEntry<'authors'>;

/**
 * The only place that reads the articles collection: published articles, newest first.
 * Drafts and scheduled articles (pubDate after this build) are shown only in `astro dev`.
 */
export async function getArticles(): Promise<Article[]> {
  const now = new Date();
  const all = await getCollection('articles', ({ data }) =>
    isPublished(data, now, { dev: import.meta.env.DEV }),
  );
  return all.sort((a, b) => b.data.pubDate.valueOf() - a.data.pubDate.valueOf());
}

/** Every category, by name. */
export async function getCategories(): Promise<Category[]> {
  const all = await getCollection('categories');
  return all.sort((a, b) => a.data.name.localeCompare(b.data.name));
}

/** Every author, by name. */
export async function getAuthors(): Promise<Author[]> {
  const all = await getCollection('authors');
  return all.sort((a, b) => a.data.name.localeCompare(b.data.name));
}
