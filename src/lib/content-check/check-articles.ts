/**
 * The content check: every rule over every article at once, so editors fix everything in one
 * pass. Pure apart from the injected `exists`; the CLI and the build integration load files.
 */
import { SITE } from '../../site.config.ts';
import { getPublicationStatus, type PublicationStatus } from '../publishing.ts';
import { wallClockAt } from '../zoned-time.ts';
import { scanBody } from './body.ts';
import { checkBody } from './check-body.ts';
import { type ContentIndex, type FileExists, frontmatterChecker } from './check-frontmatter.ts';
import { checkLinks, type LinkTargets } from './check-links.ts';
import { entryId } from './entry-id.ts';
import { parseFrontmatter } from './frontmatter.ts';
import type { Problem } from './problem.ts';

/** One article file as read from disk. */
export interface ArticleSource {
  /** Path shown in messages, e.g. content/articles/my-article.mdx. */
  file: string;
  /** Path relative to the articles folder, with forward slashes; it gives the slug. */
  entry: string;
  source: string;
}

/** When "now" is (scheduling), the site origin (absolute links) and how to look up files. */
export interface CheckOptions {
  now: Date;
  site?: string;
  exists: FileExists;
}

function formatDate(date: Date): string {
  const c = wallClockAt(date, SITE.timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)} ${SITE.timeZone}`;
}

interface Checked {
  article: ArticleSource;
  id: string;
  idLine: number;
  status: PublicationStatus | undefined;
  pubDate?: Date;
  links: ReturnType<typeof scanBody>['links'];
}

/** Every problem in `articles`, checked against the categories and authors in `index`. */
export function checkArticles(
  articles: ArticleSource[],
  index: ContentIndex,
  options: CheckOptions,
): Problem[] {
  const problems: Problem[] = [];
  const checked: Checked[] = [];
  const checkFrontmatter = frontmatterChecker(index, options.exists);
  for (const article of articles) {
    const frontmatter = parseFrontmatter(article.source);
    if (!('data' in frontmatter)) {
      problems.push({
        file: article.file,
        line: frontmatter.line,
        field: frontmatter.field ?? 'frontmatter',
        message: frontmatter.message,
      });
      continue;
    }
    const result = checkFrontmatter(article.file, frontmatter);
    problems.push(...result.problems);
    const scan = scanBody(frontmatter.body, frontmatter.bodyLine);
    problems.push(...checkBody(article.file, scan, options.exists));
    checked.push({
      article,
      id: entryId(article.entry, frontmatter.data),
      idLine: 'slug' in frontmatter.data ? frontmatter.lineOf(['slug']) : 1,
      status: result.data && getPublicationStatus(result.data, options.now),
      ...(result.data ? { pubDate: result.data.pubDate } : {}),
      links: scan.links,
    });
  }
  const byId = Map.groupBy(checked, (entry) => entry.id);
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const entry of group) {
      const others = group.filter((other) => other !== entry).map((other) => other.article.file);
      problems.push({
        file: entry.article.file,
        line: entry.idLine,
        field: 'slug',
        message: `/blog/${id}/ is also the URL of ${others.join(', ')}; rename one file or give it another slug`,
      });
    }
  }
  const targets: LinkTargets = {
    articles: new Map(
      checked.map((entry) => [
        entry.id,
        { status: entry.status, ...(entry.pubDate ? { pubDate: formatDate(entry.pubDate) } : {}) },
      ]),
    ),
    categories: index.categories,
    ...(options.site ? { site: options.site } : {}),
  };
  for (const entry of checked)
    problems.push(...checkLinks(entry.article.file, entry.links, entry.status, targets));
  return problems;
}
