import index from 'virtual:site-index';

/** A published article's id and title, for on-demand routes; undefined when there is none. */
export function findArticle(id: string): { id: string; title: string } | undefined {
  return index.articles.find((article) => article.id === id);
}

/** Every category, by name, for on-demand routes. */
export function listCategories(): { id: string; name: string }[] {
  return index.categories;
}
