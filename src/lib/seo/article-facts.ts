import type { Article, Author, Category } from '@/lib/content';

/** An article's references resolved to display names, as feeds, cards and meta tags need them. */
export interface ArticleFacts {
  /** Category names in the article's order; the first is its primary section. */
  categories: Category[];
  author: Author | undefined;
}

/** Resolves an article's category and author references against already-loaded collections. */
export function getArticleFacts(
  article: Article,
  categories: readonly Category[],
  authors: readonly Author[],
): ArticleFacts {
  const byId = new Map(categories.map((category) => [category.id, category]));
  return {
    categories: article.data.categories.flatMap((ref) => byId.get(ref.id) ?? []),
    author: authors.find((author) => author.id === article.data.author.id),
  };
}

/** Last meaningful change: the revision date, else the publication date. */
export function getLastModified(article: Article): Date {
  return article.data.updatedDate ?? article.data.pubDate;
}

/** Path of an article's page, social card and of a category's pages and feed. */
export const paths = {
  article: (slug: string) => `/blog/${slug}/`,
  articleCard: (slug: string) => `/og/${slug}.png`,
  siteCard: '/og/site.png',
  logo: '/logo.png',
  category: (slug: string) => `/categories/${slug}/`,
  categoryFeed: (slug: string) => `/categories/${slug}/rss.xml`,
  author: (slug: string) => `/authors/${slug}/`,
  feed: '/rss.xml',
  search: '/search/',
} as const;
