import { type CollectionEntry, getCollection } from 'astro:content';
import { isPublished } from './publishing.ts';
import { findUnknownReferences } from './references.ts';

export type Article = CollectionEntry<'articles'>;
export type Category = CollectionEntry<'categories'>;
export type Author = CollectionEntry<'authors'>;

/**
 * Drafts and scheduled articles show only under `astro dev`. Keyed on the mode rather than import.meta.env.DEV,
 * which follows NODE_ENV: a build run with NODE_ENV=test or development would publish drafts.
 */
const showDrafts = import.meta.env.MODE === 'development';

let published: Promise<Article[]> | undefined;

async function loadArticles(): Promise<Article[]> {
  const [all, categories, authors] = await Promise.all([
    getCollection('articles'),
    getCategories(),
    getAuthors(),
  ]);
  const problems = findUnknownReferences(
    all,
    categories.map((c) => c.id),
    authors.map((a) => a.id),
  );
  if (problems.length > 0) throw new Error(`Broken article references:\n  ${problems.join('\n  ')}`);
  const now = new Date();
  return all
    .filter(({ data }) => isPublished(data, now, { dev: showDrafts }))
    .sort((a, b) => b.data.pubDate.valueOf() - a.data.pubDate.valueOf());
}

/**
 * The only place that reads the articles collection: published articles, newest first, after
 * checking that every category and author they name exists. Drafts are shown only in
 * `astro dev`. Loaded once per build (every page asks for the same list); dev reloads each
 * time so edits show up.
 */
export function getArticles(): Promise<Article[]> {
  if (showDrafts) return loadArticles();
  published ??= loadArticles();
  return published;
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
