/**
 * What each article page receives from its getStaticPaths, and the key Astro's incremental
 * build compares to decide whether the page must be rendered again. Pure: computed once over
 * the loaded collections, so no component queries content again.
 */
import { pageCacheKey } from './page-cache-key.ts';
import { type CategoryCount, countCategories, getRelatedArticles, type RankableArticle } from './posts.ts';
import { getPublicationStatus } from './publishing.ts';
import { readingMinutes } from './reading-time.ts';
import type { ArticleFacts, NamedRef } from './seo/article-facts.ts';

/** The fields of an article the page derives its props from; collection entries satisfy it. */
export interface PageArticle extends RankableArticle {
  body?: string | undefined;
  digest?: string | number | undefined;
  data: RankableArticle['data'] & { author: { id: string } };
}

/** The fields of a category or author the page reads; collection entries satisfy it. */
export interface PageEntry {
  id: string;
  data: { name: string; twitter?: string | undefined };
}

/** One article page: its URL params, its props and its incremental-build key. */
export interface ArticlePage<A, U> {
  params: { slug: string };
  props: {
    article: A;
    author: U;
    /** The article's categories, in frontmatter order. */
    categories: NamedRef[];
    /** Every category with its article count, for the widget and the subscribe form. */
    categoryCounts: CategoryCount[];
    related: A[];
    readingMinutes: number;
    /** Its author and categories by name, for the meta tags and structured data. */
    facts: ArticleFacts;
  };
  /** Changes whenever anything the page shows besides its template changes. */
  cacheKey: string;
}

/**
 * Every article's page at `now`. Throws when an article names an author that is not among
 * `authors` (content checks catch that before a build gets here).
 */
export function articlePages<A extends PageArticle, U extends PageEntry>(
  articles: readonly A[],
  categories: readonly PageEntry[],
  authors: readonly U[],
  now: Date,
): ArticlePage<A, U>[] {
  const categoryCounts = countCategories(articles, categories);
  const names = new Map(categories.map((c) => [c.id, c.data.name]));
  const authorsById = new Map(authors.map((a) => [a.id, a]));
  // The footer shows the year, so a new year re-renders every page; the draft banner (dev
  // builds) shows the publication status, which changes with time too.
  const year = now.getFullYear();
  return articles.map((article) => {
    const author = authorsById.get(article.data.author.id);
    if (!author) throw new Error(`${article.id}: author '${article.data.author.id}' is not an author`);
    const props = {
      article,
      author,
      categories: article.data.categories.map(({ id }) => ({ id, name: names.get(id) ?? id })),
      categoryCounts,
      related: getRelatedArticles(article, articles),
      readingMinutes: readingMinutes(article.body ?? ''),
    };
    const facts = {
      categories: props.categories,
      author: { id: author.id, name: author.data.name, twitter: author.data.twitter },
    };
    // Everything the page shows besides its template: the article (its digest covers the body),
    // its author, categories, the categories widget and the related cards.
    const cacheKey = pageCacheKey({
      year,
      status: getPublicationStatus(article.data, now),
      article: { id: article.id, digest: article.digest, data: article.data },
      author: author.data,
      categories: props.categories,
      categoryCounts,
      related: props.related.map(({ id, digest, data }) => ({ id, digest, data })),
      readingMinutes: props.readingMinutes,
    });
    return { params: { slug: article.id }, props: { ...props, facts }, cacheKey };
  });
}
