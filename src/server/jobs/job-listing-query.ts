/** What the jobs page was asked for, read defensively from its URL. */
export interface JobsPageQuery {
  category: string | undefined;
  /** The category asked for when it does not exist. */
  unknownCategory: string | undefined;
  query: string;
  page: number;
}

/** Reads ?category=, ?q= and ?page= ; an unknown category is reported, not applied. */
export function readJobsQuery(params: URLSearchParams, knownCategories: ReadonlySet<string>): JobsPageQuery {
  const category = params.get('category')?.trim() || undefined;
  const page = Number(params.get('page') ?? 1);
  return {
    category: category && knownCategories.has(category) ? category : undefined,
    unknownCategory: category && !knownCategories.has(category) ? category : undefined,
    query: (params.get('q') ?? '').trim().slice(0, 100),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The jobs page URL for a filter and page, leaving out defaults. */
export function jobsPageHref(query: {
  category?: string | undefined;
  query?: string;
  page?: number;
}): string {
  const params = new URLSearchParams();
  if (query.category) params.set('category', query.category);
  if (query.query) params.set('q', query.query);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/jobs/?${search}` : '/jobs/';
}
