/**
 * The article listings (home, category, tag and author pages, and the category and tag
 * feeds): which articles each lists, what its pages are called, and how it is split into
 * pages. Pure: getStaticPaths runs these over the loaded collections and passes the result
 * as props, and src/layouts/Listing.astro renders any of them.
 */
import type { Page, PaginateFunction, Params, Props } from 'astro';
import { SITE } from '../site.config.ts';
import { countCategories, filterByCategory, type RankableArticle } from './posts.ts';
import { collectTags, filterByTag, type TagSummary } from './tags.ts';

/** One listing: the URL params of its pages, the articles it lists and what else its pages show. */
export interface Listing<A, P extends Props, Q extends Params> {
  params: Q;
  articles: readonly A[];
  props: P;
}

/** What a listing page says about itself: its <title>, meta description and <h1>. */
export interface ListingText {
  title: string;
  description: string;
  heading: string;
  /** What the page says when it lists no article; the layout's default when absent. */
  empty?: string;
}

/** The page numbers a later page of a listing names in its title and description. */
export type PageNumbers = Pick<Page, 'currentPage' | 'lastPage'>;

/** The home page's listing: every article. */
export function homeListing<A>(articles: readonly A[]): Listing<A, Props, Params> {
  return { params: {}, articles, props: {} };
}

/** One listing per category, empty categories included; each carries every category's count. */
export function categoryListings<A extends RankableArticle, C extends { id: string; data: { name: string } }>(
  articles: readonly A[],
  categories: readonly C[],
) {
  const categoryCounts = countCategories(articles, categories);
  return categories.map((category) => ({
    params: { slug: category.id },
    articles: filterByCategory(articles, category.id),
    props: { category, categoryCounts },
  }));
}

/** One listing per tag an article carries (so none is empty). */
export function tagListings<A extends RankableArticle>(articles: readonly A[]) {
  return collectTags(articles).map((tag) => ({
    params: { tag: tag.slug },
    articles: filterByTag(articles, tag.slug),
    props: { tag },
  }));
}

/** One listing per author, including authors without articles yet. */
export function authorListings<A extends { data: { author: { id: string } } }, U extends { id: string }>(
  articles: readonly A[],
  authors: readonly U[],
) {
  return authors.map((author) => ({
    params: { slug: author.id },
    articles: articles.filter((article) => article.data.author.id === author.id),
    props: { author },
  }));
}

/** Each listing split into pages of SITE.pageSize articles, with Astro's `paginate`. */
export function paginateListings<A, P extends Props, Q extends Params>(
  paginate: PaginateFunction,
  listings: readonly Listing<A, P, Q>[],
) {
  return listings.flatMap(({ params, articles, props }) =>
    paginate(articles, { pageSize: SITE.pageSize, params, props }),
  );
}

/** Each listing as one route whose props are its own plus all its `articles`. */
export function singlePageListings<A, P extends Props, Q extends Params>(
  listings: readonly Listing<A, P, Q>[],
) {
  return listings.map(({ params, articles, props }) => ({ params, props: { ...props, articles } }));
}

/** "1 article", "3 articles". */
export function formatArticleCount(count: number): string {
  return `${count} ${count === 1 ? 'article' : 'articles'}`;
}

/** `name` on the first page of a listing; "name, page 2" on the others. */
export function pagedTitle(name: string, page: PageNumbers): string {
  return page.currentPage === 1 ? name : `${name}, page ${page.currentPage}`;
}

/** `description` on the first page of a listing; with "Page 2 of 3." after it on the others. */
export function pagedDescription(description: string, page: PageNumbers): string {
  return page.currentPage === 1
    ? description
    : `${description} Page ${page.currentPage} of ${page.lastPage}.`;
}

/** The home page's text: the site's name on the first page, "Latest articles, page N" after. */
export function describeHomePage(page: PageNumbers): ListingText {
  const heading = 'Latest articles';
  const title = page.currentPage === 1 ? SITE.name : pagedTitle(heading, page);
  return { title, description: pagedDescription(SITE.description, page), heading };
}

/** A category page's text: the category's name and description. */
export function describeCategoryPage(
  category: { data: { name: string; description: string } },
  page: PageNumbers,
): ListingText {
  const { name, description } = category.data;
  return {
    title: pagedTitle(name, page),
    description: pagedDescription(description, page),
    heading: name,
    empty: 'No articles in this category yet.',
  };
}

/** A tag page's text: the tag's name and how many articles carry it. */
export function describeTagPage(tag: TagSummary, page: PageNumbers): ListingText {
  const heading = `Articles tagged “${tag.name}”`;
  const which = page.currentPage === 1 ? 'newest first' : `page ${page.currentPage} of ${page.lastPage}`;
  const description = `The ${formatArticleCount(tag.count)} tagged “${tag.name}” on ${SITE.name}, ${which}.`;
  return { title: pagedTitle(heading, page), description, heading };
}
