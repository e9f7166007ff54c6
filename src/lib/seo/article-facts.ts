import type { Article, Author, Category } from '@/lib/content';

/** A category or author reduced to what links and labels need. */
export interface NamedRef {
  id: string;
  name: string;
}

/** An author as bylines, feeds and social tags need them. */
export interface AuthorRef extends NamedRef {
  /** X (Twitter) handle with its "@", for twitter:creator; absent when the author has none. */
  twitter?: string | undefined;
}

/** An article's references resolved to names, as feeds, cards and meta tags need them. */
export interface ArticleFacts {
  /** The article's categories in frontmatter order; the first is its primary section. */
  categories: NamedRef[];
  author: AuthorRef | undefined;
}

/** Resolves an article's category and author references against already-loaded collections. */
export function getArticleFacts(
  article: Article,
  categories: readonly Category[],
  authors: readonly Author[],
): ArticleFacts {
  const names = new Map(categories.map((category) => [category.id, category.data.name]));
  const author = authors.find((candidate) => candidate.id === article.data.author.id);
  return {
    categories: article.data.categories.flatMap(({ id }) => {
      const name = names.get(id);
      return name ? [{ id, name }] : [];
    }),
    author: author ? { id: author.id, name: author.data.name, twitter: author.data.twitter } : undefined,
  };
}

/** Last meaningful change: the revision date, else the publication date. */
export function getLastModified(article: Article): Date {
  return article.data.updatedDate ?? article.data.pubDate;
}

/** Paths of the pages, cards and feeds the discovery features link to. */
export const paths = {
  article: (slug: string) => `/blog/${slug}/`,
  articleCard: (slug: string) => `/og/${slug}.png`,
  siteCard: '/og/site.png',
  logo: '/logo.png',
  category: (slug: string) => `/categories/${slug}/`,
  categoryFeed: (slug: string) => `/categories/${slug}/rss.xml`,
  /** Takes the tag's slug (tagSlug), not its name. */
  tag: (slug: string) => `/tags/${slug}/`,
  tagFeed: (slug: string) => `/tags/${slug}/rss.xml`,
  tags: '/tags/',
  author: (slug: string) => `/authors/${slug}/`,
  feed: '/rss.xml',
  search: '/search/',
} as const;
