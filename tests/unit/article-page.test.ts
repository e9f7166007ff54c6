import { describe, expect, test } from 'vitest';
import { articlePages, type PageArticle } from '@/lib/article-page';

interface TestArticle extends PageArticle {
  digest: string;
  data: PageArticle['data'] & { title: string };
}

function article(id: string, categories: string[], fields: Partial<TestArticle['data']> = {}): TestArticle {
  return {
    id,
    body: 'word '.repeat(460),
    digest: `digest-of-${id}`,
    data: {
      title: id,
      categories: categories.map((c) => ({ id: c })),
      tags: [],
      pubDate: new Date('2026-01-01'),
      draft: false,
      author: { id: 'ada' },
      ...fields,
    },
  };
}

const categories = [
  { id: 'backend', data: { name: 'Backend' } },
  { id: 'careers', data: { name: 'Careers' } },
  { id: 'empty', data: { name: 'Empty' } },
];
const authors = [{ id: 'ada', data: { name: 'Ada Example', twitter: '@ada' } }];
const now = new Date('2026-06-01T12:00:00Z');

const first = article('first', ['backend'], { pubDate: new Date('2026-01-03') });
const second = article('second', ['backend', 'careers'], { pubDate: new Date('2026-01-02') });
const lonely = article('lonely', ['careers'], { pubDate: new Date('2026-01-01') });

const pageOf = (slug: string, articles: TestArticle[]) => {
  const page = articlePages(articles, categories, authors, now).find((p) => p.params.slug === slug);
  if (!page) throw new Error(`no page for ${slug}`);
  return page;
};

describe('articlePages', () => {
  test('gives each article its author, its categories by name and its reading time', () => {
    const { props } = pageOf('second', [first, second, lonely]);
    expect(props.article).toBe(second);
    expect(props.author).toBe(authors[0]);
    expect(props.categories).toEqual([
      { id: 'backend', name: 'Backend' },
      { id: 'careers', name: 'Careers' },
    ]);
    expect(props.readingMinutes).toBe(2);
    expect(props.facts).toEqual({
      categories: props.categories,
      author: { id: 'ada', name: 'Ada Example', twitter: '@ada' },
    });
  });

  test('shows as related the articles sharing a category, never the article itself', () => {
    const pages = articlePages([first, second, lonely], categories, authors, now);
    const related = Object.fromEntries(pages.map((p) => [p.params.slug, p.props.related.map((a) => a.id)]));
    expect(related).toEqual({ first: ['second'], second: ['first', 'lonely'], lonely: ['second'] });
  });

  test('counts every category, empty ones included, in the order given', () => {
    expect(pageOf('first', [first, second, lonely]).props.categoryCounts).toEqual([
      { id: 'backend', name: 'Backend', count: 2 },
      { id: 'careers', name: 'Careers', count: 2 },
      { id: 'empty', name: 'Empty', count: 0 },
    ]);
  });

  test('keeps the key when nothing changes', () => {
    expect(pageOf('first', [first, second, lonely]).cacheKey).toBe(
      pageOf('first', [first, second, lonely]).cacheKey,
    );
  });

  test('changes the key when a related article changes', () => {
    const edited = { ...second, digest: 'edited', data: { ...second.data, title: 'Edited' } };
    expect(pageOf('first', [first, edited, lonely]).cacheKey).not.toBe(
      pageOf('first', [first, second, lonely]).cacheKey,
    );
  });

  test('keeps the key when an article the page does not show changes', () => {
    const edited = { ...lonely, digest: 'edited', data: { ...lonely.data, title: 'Edited' } };
    expect(pageOf('first', [first, second, edited]).cacheKey).toBe(
      pageOf('first', [first, second, lonely]).cacheKey,
    );
  });

  test('changes the key when a new article changes the category counts', () => {
    const added = article('added', ['careers'], { pubDate: new Date('2025-01-01') });
    expect(pageOf('first', [first, second, lonely, added]).cacheKey).not.toBe(
      pageOf('first', [first, second, lonely]).cacheKey,
    );
  });

  test('changes the key when the year changes', () => {
    const [before] = articlePages([first], categories, authors, new Date('2026-12-31T12:00:00Z'));
    const [after] = articlePages([first], categories, authors, new Date('2027-01-01T12:00:00Z'));
    expect(after?.cacheKey).not.toBe(before?.cacheKey);
  });

  test('refuses an article whose author is unknown, naming both', () => {
    const orphan = article('orphan', ['backend'], { author: { id: 'nobody' } });
    expect(() => articlePages([orphan], categories, authors, now)).toThrow(
      "orphan: author 'nobody' is not an author",
    );
  });
});
