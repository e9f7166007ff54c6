/** Internal links: every /blog/<slug>/ and /categories/<slug>/ must be a page of the built site. */
import type { PublicationStatus } from '../publishing.ts';
import type { FoundLink } from './body.ts';
import type { Problem } from './problem.ts';
import { listChoices } from './suggest.ts';

/** What links may point at: articles by slug with their status, and category slugs. */
export interface LinkTargets {
  articles: Map<string, { status: PublicationStatus | undefined; pubDate?: string }>;
  categories: readonly string[];
  /** The site origin; absolute links to it are checked like relative ones. */
  site?: string;
}

const INTERNAL = /^\/(blog|categories)\/([^/?#]+)(\/?)/;

/** Problems with the internal links of one article, which is itself `status`. */
export function checkLinks(
  file: string,
  links: FoundLink[],
  status: PublicationStatus | undefined,
  targets: LinkTargets,
): Problem[] {
  const problems: Problem[] = [];
  const origin = targets.site ? new URL(targets.site).origin : undefined;
  for (const { line, href } of links) {
    const path = origin && href.startsWith(origin) ? href.slice(origin.length) : href;
    const match = INTERNAL.exec(path);
    if (!match) continue;
    const [, kind, slug = '', slash] = match;
    const add = (message: string) =>
      problems.push({ file, line, field: 'link', message: `${href} ${message}` });
    const canonical = `/${kind}/${slug}/`;
    if (kind === 'categories') {
      if (!targets.categories.includes(slug))
        add(`is not a category page; ${listChoices(slug, targets.categories)} as /categories/<slug>/`);
      else if (!slash) add(`needs the trailing slash: ${canonical} (the site's URLs end in /)`);
      continue;
    }
    const target = targets.articles.get(slug);
    if (!target) {
      add(
        `is not an article; ${listChoices(slug, [...targets.articles.keys()].sort(), 'content/articles/')} as /blog/<slug>/`,
      );
      continue;
    }
    if (!slash) add(`needs the trailing slash: ${canonical} (the site's URLs end in /)`);
    // A published article must not point at a page production does not have yet.
    if (status === 'published' && target.status === 'draft')
      add(`is a draft, so the link would be broken in production; publish it first or remove the link`);
    if (status === 'published' && target.status === 'scheduled')
      add(
        `is scheduled for ${target.pubDate}, so the link would be broken until then; ` +
          'schedule this article after it or add the link later',
      );
  }
  return problems;
}
