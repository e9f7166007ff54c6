/**
 * Tags: how a tag's name becomes its URL segment, and the pure queries the tag pages run over
 * already-loaded articles. Plain TypeScript with relative imports: the frontmatter schema and
 * the sitemap dates (which run under `node` without Vite) use it too.
 */
import slugify from '@sindresorhus/slugify';

/**
 * Symbols that carry meaning in technology names, spelled out so "c++", "c#" and "c" get
 * three pages instead of one.
 */
const REPLACEMENTS: [string, string][] = [
  ['+', ' plus '],
  ['#', ' sharp '],
];

/**
 * The URL segment of a tag: lower-case ASCII letters and digits joined by hyphens, with
 * accents transliterated ("Café" → "cafe") and symbols spelled out ("C++" → "c-plus-plus").
 * Names differing only in case, spacing or punctuation share a slug, and so one page.
 * Empty when the name has no letter or digit that can be spelled in ASCII.
 */
export function tagSlug(name: string): string {
  // decamelize off: "TypeScript" and "typescript" must stay one tag.
  return slugify(name, { customReplacements: REPLACEMENTS, decamelize: false });
}

/** A tag as written in frontmatter, trimmed, lower-cased and with runs of spaces made one. */
export function normalizeTagName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The fields of an article the tag queries read; collection entries satisfy it. */
export interface TaggedArticle {
  data: { tags: readonly string[] };
}

/** One tag of the site: its slug, the name shown, and how many articles carry it. */
export interface TagSummary {
  slug: string;
  name: string;
  count: number;
}

/**
 * Every tag carried by `articles`, by name. Spellings sharing a slug are one tag, shown under
 * the spelling most articles use (ties go to the alphabetically first, so the choice is stable).
 */
export function collectTags(articles: readonly TaggedArticle[]): TagSummary[] {
  const bySlug = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const article of articles) {
    for (const slug of new Set(article.data.tags.map(tagSlug))) {
      if (slug === '') continue;
      const entry = bySlug.get(slug) ?? { count: 0, spellings: new Map() };
      entry.count += 1;
      bySlug.set(slug, entry);
    }
    for (const tag of article.data.tags) {
      const spellings = bySlug.get(tagSlug(tag))?.spellings;
      spellings?.set(tag, (spellings.get(tag) ?? 0) + 1);
    }
  }
  return [...bySlug]
    .map(([slug, { count, spellings }]) => {
      const [name = slug] = [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
      return { slug, name, count };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}

/** Articles carrying the tag whose slug is `slug`, in the order given. */
export function filterByTag<T extends TaggedArticle>(articles: readonly T[], slug: string): T[] {
  return articles.filter((article) => article.data.tags.some((tag) => tagSlug(tag) === slug));
}
