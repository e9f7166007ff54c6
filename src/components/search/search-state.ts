/**
 * The state of a search as the URL carries it (?q=…&category=…), so a search can be shared
 * and the back button returns to it, and the sentence that sums its results up. Pure: unit
 * tests run it without a browser.
 */

/** What a search asks for: its words and a category slug, "" for none. */
export interface SearchQuery {
  q: string;
  category: string;
}

/** How many results show at first, and how many more each "Show more results" adds. */
export const RESULTS_PAGE = 10;

/** The query in `url`; a category not in `categories` (renamed, removed) is ignored. */
export function readQuery(url: URL, categories: readonly string[]): SearchQuery {
  const category = url.searchParams.get('category') ?? '';
  return { q: url.searchParams.get('q') ?? '', category: categories.includes(category) ? category : '' };
}

/** `url` carrying `query`, with empty parts left out; other parameters and the hash are kept. */
export function withQuery(url: URL, query: SearchQuery): URL {
  const next = new URL(url.href);
  for (const [key, value] of Object.entries(query)) {
    if (value) next.searchParams.set(key, value);
    else next.searchParams.delete(key);
  }
  return next;
}

/** Whether the query asks for anything: words, a category, or both. */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.q.trim() === '' && query.category === '';
}

/**
 * The status line: how many articles match, for which words, in which category (by name).
 * "3 articles match “api” in Backend.", "1 article in Careers.", "No articles match “x”."
 */
export function describeResults(count: number, query: SearchQuery, categoryName: string | undefined): string {
  const words = query.q.trim();
  const where = categoryName ? ` in ${categoryName}` : '';
  const noun = count === 1 ? 'article' : 'articles';
  if (!words) return `${count === 0 ? 'No' : count} ${noun}${where}.`;
  const verb = count === 1 ? 'matches' : 'match';
  return `${count === 0 ? 'No' : count} ${noun} ${verb} “${words}”${where}.`;
}
