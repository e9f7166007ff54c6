import { type CollectionEntry, getCollection } from 'astro:content';

export type Article = CollectionEntry<'articles'>;
export type Category = CollectionEntry<'categories'>;
export type Author = CollectionEntry<'authors'>;

/**
 * The only place that reads the articles collection: published articles, newest first.
 * Drafts are shown only in `astro dev`.
 */
export async function getArticles(): Promise<Article[]> {
  const all = await getCollection('articles', ({ data }) => import.meta.env.DEV || !data.draft);
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
