/**
 * Pure queries over already-loaded articles: related ranking and category counts.
 * Nothing here reads a collection; src/lib/content.ts does that once and passes arrays in.
 */

/** The fields of an article that ranking needs; collection entries satisfy it as they are. */
export interface RankableArticle {
  id: string;
  data: {
    categories: readonly { id: string }[];
    tags: readonly string[];
    pubDate: Date;
    draft: boolean;
  };
}

/** Most related articles shown under an article. */
export const RELATED_LIMIT = 3;

function countShared<T>(a: readonly T[], b: ReadonlySet<T>): number {
  return a.reduce((n, item) => (b.has(item) ? n + 1 : n), 0);
}

/**
 * Articles related to `article`: ranked by shared categories, then shared tags, then the
 * newest first; never the article itself, never a draft, only those sharing at least a
 * category or a tag, at most `limit`.
 */
export function getRelatedArticles<T extends RankableArticle>(
  article: RankableArticle,
  candidates: readonly T[],
  limit = RELATED_LIMIT,
): T[] {
  const categories = new Set(article.data.categories.map((c) => c.id));
  const tags = new Set(article.data.tags);
  return candidates
    .filter((other) => other.id !== article.id && !other.data.draft)
    .map((other) => ({
      other,
      categories: countShared(
        other.data.categories.map((c) => c.id),
        categories,
      ),
      tags: countShared(other.data.tags, tags),
    }))
    .filter((scored) => scored.categories + scored.tags > 0)
    .sort(
      (a, b) =>
        b.categories - a.categories ||
        b.tags - a.tags ||
        b.other.data.pubDate.valueOf() - a.other.data.pubDate.valueOf() ||
        a.other.id.localeCompare(b.other.id),
    )
    .slice(0, limit)
    .map((scored) => scored.other);
}

/** Number of articles in each category id; categories without articles are absent (read as 0). */
export function countArticlesByCategory(articles: readonly RankableArticle[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const { id } of article.data.categories) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** A category with the number of articles filed under it, as the widget and forms list it. */
export interface CategoryCount {
  id: string;
  name: string;
  count: number;
}

/** Every one of `categories`, in the order given, with its number of `articles` (0 for none). */
export function countCategories(
  articles: readonly RankableArticle[],
  categories: readonly { id: string; data: { name: string } }[],
): CategoryCount[] {
  const counts = countArticlesByCategory(articles);
  return categories.map((c) => ({ id: c.id, name: c.data.name, count: counts.get(c.id) ?? 0 }));
}

/** Articles filed under the category `categoryId`, in the order given. */
export function filterByCategory<T extends RankableArticle>(articles: readonly T[], categoryId: string): T[] {
  return articles.filter((article) => article.data.categories.some((c) => c.id === categoryId));
}
