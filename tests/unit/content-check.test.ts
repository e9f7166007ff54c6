import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { checkContentFolder } from '@/integrations/content-checks';
import { checkArticles } from '@/lib/content-check/check-articles';
import { formatProblem } from '@/lib/content-check/problem';

const root = process.cwd();
const broken = 'tests/fixtures/content/broken';
const now = new Date('2026-06-01T00:00:00Z');
const lines = checkContentFolder(root, { contentDir: `${root}/${broken}`, now }).map(formatProblem);
const at = (file: string) => `${broken}/articles/${file}`;

/** Problems reported for one fixture file. */
function reportedFor(file: string): string[] {
  return lines.filter((line) => line.startsWith(`${at(file)}:`));
}

describe('content check on the broken fixtures', () => {
  test('names an unknown category and author and lists the valid ones', () => {
    expect(reportedFor('unknown-category.mdx')).toEqual([
      `${at('unknown-category.mdx')}:7 categories: 'backnd' is not a category; did you mean backend? Use one of: backend, careers (or add content/categories/backnd.yml)`,
      `${at('unknown-category.mdx')}:8 author: 'nobody' is not an author; use one of: editorial-team (or add content/authors/nobody.yml)`,
    ]);
  });

  test('reports every missing alt text: hero, Markdown image and Figure, and a missing image file', () => {
    expect(reportedFor('missing-alt.mdx')).toEqual([
      `${at('missing-alt.mdx')}:7 heroAlt: is missing; heroImage is set, so describe the image for readers who cannot see it`,
      `${at('missing-alt.mdx')}:10 image: ![](./images/hero.png) has no alt text; write what the image shows inside the [ ] brackets`,
      `${at('missing-alt.mdx')}:12 Figure: has no alt text; add alt="what the image shows" for readers who cannot see it`,
      `${at('missing-alt.mdx')}:17 Figure: './images/missing.png' does not exist; put the image in content/articles/images/ or fix the path`,
    ]);
  });

  test('gives the length of a description that is too long', () => {
    expect(reportedFor('long-description.mdx')).toEqual([
      `${at('long-description.mdx')}:3 description: is 204 characters long; shorten it to 200 at most (it is the summary shown on cards and in search results)`,
    ]);
  });

  test('refuses dates not written YYYY-MM-DD, impossible days and misspelt fields', () => {
    const reported = reportedFor('bad-date.mdx');
    expect(reported).toHaveLength(3);
    expect(reported[0]).toMatch(
      new RegExp(`^${at('bad-date.mdx')}:4 pubDate: '12/01/2026' is not a date; write it as YYYY-MM-DD`),
    );
    expect(reported[1]).toMatch(
      new RegExp(`^${at('bad-date.mdx')}:5 updatedDate: '2026-02-30' is not a date`),
    );
    expect(reported[2]).toBe(`${at('bad-date.mdx')}:8 pubdate: is not a field; did you mean pubDate?`);
  });

  test('reports a duplicate slug in both files', () => {
    expect(reportedFor('duplicate-one.mdx')).toEqual([
      `${at('duplicate-one.mdx')}:7 slug: /blog/same-url/ is also the URL of ${at('duplicate-two.mdx')}; rename one file or give it another slug`,
    ]);
    expect(reportedFor('duplicate-two.mdx')).toHaveLength(1);
  });

  test('reports internal links to missing articles and categories, drafts and missing slashes', () => {
    const reported = reportedFor('broken-links.mdx');
    expect(reported.filter((line) => line.includes(' link: '))).toEqual([
      expect.stringMatching(
        /:9 link: \/blog\/no-such-article\/ is not an article; use one of: .*valid as \/blog\/<slug>\/$/,
      ),
      `${at('broken-links.mdx')}:9 link: /categories/frontend/ is not a category page; use one of: backend, careers as /categories/<slug>/`,
      `${at('broken-links.mdx')}:11 link: /blog/valid needs the trailing slash: /blog/valid/ (the site's URLs end in /)`,
      `${at('broken-links.mdx')}:11 link: /blog/draft-target/ is a draft, so the link would be broken in production; publish it first or remove the link`,
      expect.stringMatching(/:21 link: \/blog\/valid-ish\/ is not an article/),
    ]);
    // Links inside code are examples, not links.
    expect(reported.join('\n')).not.toMatch(/ignored/);
  });

  test('refuses a Callout type that does not exist', () => {
    expect(reportedFor('broken-links.mdx')).toContain(
      `${at('broken-links.mdx')}:19 Callout: type 'danger' does not exist; use one of: note, tip, warning`,
    );
  });

  test('points at the line of a YAML error and says how to quote', () => {
    expect(reportedFor('bad-yaml.mdx')).toEqual([
      `${at('bad-yaml.mdx')}:3 description: is not valid YAML (Nested mappings are not allowed in compact mappings); put text that contains ": " or starts with a quote in quotes, and check the indentation`,
    ]);
  });

  test('passes the valid article and the valid draft', () => {
    expect(reportedFor('valid.mdx')).toEqual([]);
    expect(reportedFor('draft-target.mdx')).toEqual([]);
  });
});

describe('content check rules on single articles', () => {
  const index = { categories: ['backend'], authors: ['editorial-team'] };
  const check = (frontmatter: string) =>
    checkArticles([{ file: 'a.mdx', entry: 'a.mdx', source: `---\n${frontmatter}\n---\n\nBody.\n` }], index, {
      now,
      exists: () => true,
    }).map(formatProblem);
  const base = [
    'title: A title',
    'description: A description that is long enough to pass the fifty character minimum.',
    'categories: [backend]',
    'author: editorial-team',
  ].join('\n');

  test('refuses an updatedDate before the pubDate', () => {
    expect(check(`${base}\npubDate: 2026-03-02\nupdatedDate: 2026-03-01`)).toEqual([
      'a.mdx:7 updatedDate: is before pubDate; it is the date of the last revision, so use a date on or after pubDate',
    ]);
  });

  test('reports a missing required field on the closing line, where it would be added', () => {
    expect(check(base)).toEqual(['a.mdx:6 pubDate: is missing; add the date as YYYY-MM-DD, e.g. 2026-03-01']);
  });

  test('refuses a date with a time zone, since dates are read in the site time zone', () => {
    expect(check(`${base}\npubDate: 2026-03-01T09:00:00+02:00`)[0]).toMatch(
      /^a\.mdx:6 pubDate: '2026-03-01T09:00:00\+02:00' is not a date; .*without a time zone/,
    );
  });
});

describe('npm run check:content', () => {
  test('prints every problem in file:line field: message form and exits 1', () => {
    const run = spawnSync(process.execPath, ['scripts/check-content.ts'], {
      env: { ...process.env, CONTENT_DIR: broken },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const printed = run.stderr.trim().split('\n');
    expect(printed.at(-1)).toBe(`${lines.length} content problems in 8 files.`);
    for (const line of printed.slice(0, -2)) expect(line).toMatch(/^tests\/fixtures\/\S+\.mdx:\d+ \w+: \S/);
    expect(printed.slice(0, -2).sort()).toEqual([...lines].sort());
  });

  test('passes the real content', () => {
    const output = execFileSync(process.execPath, ['scripts/check-content.ts'], { encoding: 'utf8' });
    expect(output).toMatch(/^All \d+ articles? passed the content check\.$/m);
  });
});
