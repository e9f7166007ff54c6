import { describe, expect, test } from 'vitest';
import {
  countArticlesByCategory,
  countCategories,
  filterByCategory,
  getRelatedArticles,
  type RankableArticle,
} from '@/lib/posts';

function article(
  id: string,
  categories: string[],
  tags: string[] = [],
  pubDate = '2026-01-01',
  draft = false,
): RankableArticle {
  return {
    id,
    data: { categories: categories.map((c) => ({ id: c })), tags, pubDate: new Date(pubDate), draft },
  };
}

const ids = (articles: RankableArticle[]) => articles.map((a) => a.id);

describe('getRelatedArticles', () => {
  const subject = article('subject', ['backend', 'newsletters'], ['apis', 'cloud']);

  test('ranks by shared categories first, then shared tags, then the newest', () => {
    const candidates = [
      article('one-category-many-tags', ['backend'], ['apis', 'cloud'], '2026-03-01'),
      article('two-categories-no-tags', ['backend', 'newsletters'], [], '2025-01-01'),
      article('one-category-old', ['newsletters'], [], '2025-06-01'),
      article('one-category-new', ['newsletters'], [], '2026-02-01'),
    ];
    expect(ids(getRelatedArticles(subject, candidates, 4))).toEqual([
      'two-categories-no-tags',
      'one-category-many-tags',
      'one-category-new',
      'one-category-old',
    ]);
  });

  test('never returns the article itself', () => {
    expect(ids(getRelatedArticles(subject, [subject, article('other', ['backend'])]))).toEqual(['other']);
  });

  test('never returns a draft', () => {
    const draft = article('draft', ['backend', 'newsletters'], ['apis'], '2026-05-01', true);
    expect(ids(getRelatedArticles(subject, [draft, article('published', ['backend'])]))).toEqual([
      'published',
    ]);
  });

  test('returns at most three by default', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) => article(id, ['backend']));
    expect(getRelatedArticles(subject, many)).toHaveLength(3);
  });

  test('counts an article sharing only a tag as related, after those sharing a category', () => {
    const candidates = [
      article('tag-only', ['careers'], ['cloud'], '2026-09-01'),
      article('category', ['backend']),
    ];
    expect(ids(getRelatedArticles(subject, candidates))).toEqual(['category', 'tag-only']);
  });

  test('returns nothing when no article shares a category or a tag', () => {
    expect(getRelatedArticles(subject, [article('unrelated', ['careers'], ['salaries'])])).toEqual([]);
  });
});

describe('countArticlesByCategory', () => {
  test('counts each article once in each of its categories', () => {
    const counts = countArticlesByCategory([
      article('a', ['backend', 'newsletters']),
      article('b', ['newsletters']),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ backend: 1, newsletters: 2 });
  });
});

describe('countCategories', () => {
  test('lists every category in the order given, with 0 for one without articles', () => {
    const categories = [
      { id: 'newsletters', data: { name: 'Newsletters' } },
      { id: 'careers', data: { name: 'Careers' } },
    ];
    expect(
      countCategories([article('a', ['newsletters']), article('b', ['newsletters'])], categories),
    ).toEqual([
      { id: 'newsletters', name: 'Newsletters', count: 2 },
      { id: 'careers', name: 'Careers', count: 0 },
    ]);
  });
});

describe('filterByCategory', () => {
  test('keeps the articles of one category in the order given', () => {
    const all = [article('a', ['backend']), article('b', ['careers']), article('c', ['careers', 'backend'])];
    expect(ids(filterByCategory(all, 'backend'))).toEqual(['a', 'c']);
  });
});
