/**
 * Astro 7 checks a reference's shape but not that the referenced entry exists, so an article
 * naming an unknown category or author would build a broken page. This check runs over
 * every loaded article before any page uses them.
 */

/** The fields of an article that hold references, and where the article lives. */
export interface ReferencingArticle {
  id: string;
  filePath?: string | undefined;
  data: { categories: readonly { id: string }[]; author: { id: string } };
}

/** One message per unknown reference: "<file>: <field>: unknown … "<id>" (known: …)". */
export function findUnknownReferences(
  articles: readonly ReferencingArticle[],
  categoryIds: readonly string[],
  authorIds: readonly string[],
): string[] {
  const categories = new Set(categoryIds);
  const authors = new Set(authorIds);
  const known = (ids: readonly string[]) => (ids.length ? ids.join(', ') : 'none');
  return articles.flatMap((article) => {
    const file = article.filePath ?? article.id;
    const problems = article.data.categories
      .filter(({ id }) => !categories.has(id))
      .map(({ id }) => `${file}: categories: unknown category "${id}" (known: ${known(categoryIds)})`);
    if (!authors.has(article.data.author.id)) {
      problems.push(
        `${file}: author: unknown author "${article.data.author.id}" (known: ${known(authorIds)})`,
      );
    }
    return problems;
  });
}
