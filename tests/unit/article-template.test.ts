import { describe, expect, test } from 'vitest';
import { renderArticle, slugify } from '@/lib/article-template';
import { checkArticles } from '@/lib/content-check/check-articles';
import { formatProblem } from '@/lib/content-check/problem';

const index = { categories: ['backend', 'careers'], authors: ['editorial-team'] };
const options = { now: new Date('2026-06-01T00:00:00Z'), exists: () => true };
const article = {
  title: "Backend Development in 2026: What's Changed",
  slug: 'backend-development-in-2026-whats-changed',
  categories: ['backend', 'careers'],
  author: 'editorial-team',
  date: '2026-06-01',
};

function check(source: string): string[] {
  const file = `content/articles/${article.slug}.mdx`;
  return checkArticles([{ file, entry: `${article.slug}.mdx`, source }], index, options).map(formatProblem);
}

describe('slugify', () => {
  test('turns a title into lower-case words joined by hyphens', () => {
    expect(slugify("Backend Development in 2026: What's Changed")).toBe(
      'backend-development-in-2026-what-s-changed',
    );
    expect(slugify('  Café & Crème — déjà vu!  ')).toBe('cafe-and-creme-deja-vu');
  });

  test('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('word')).toBe(true);
  });
});

describe('renderArticle', () => {
  test('writes a draft that passes the content check', () => {
    const source = renderArticle(article);
    expect(source).toContain('draft: true');
    expect(source).toContain('pubDate: 2026-06-01');
    expect(source).toContain(`heroImage: ./images/${article.slug}.png`);
    expect(check(source)).toEqual([]);
  });

  test('cannot be published while it still has the placeholder texts', () => {
    const published = renderArticle(article).replace('draft: true', 'draft: false');
    const problems = check(published);
    expect(problems).toEqual([
      expect.stringMatching(
        /:4 description: is still the text `npm run new` wrote; replace it before publishing/,
      ),
      expect.stringMatching(
        /:13 heroAlt: is still the text `npm run new` wrote; replace it before publishing/,
      ),
    ]);
  });
});
