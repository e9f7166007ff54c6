import { describe, expect, test } from 'vitest';
import {
  authorListings,
  categoryListings,
  describeCategoryPage,
  describeHomePage,
  describeTagPage,
  formatArticleCount,
  singlePageListings,
  tagListings,
} from '@/lib/listings';
import { SITE } from '@/site.config';

function article(id: string, categories: string[], tags: string[] = [], author = 'ada') {
  return {
    id,
    data: {
      categories: categories.map((c) => ({ id: c })),
      tags,
      pubDate: new Date('2026-01-01'),
      draft: false,
      author: { id: author },
    },
  };
}

const articles = [
  article('newest', ['backend'], ['Cloud', 'apis']),
  article('middle', ['backend', 'careers'], ['cloud']),
  article('oldest', ['careers'], [], 'grace'),
];
const categories = [
  { id: 'backend', data: { name: 'Backend' } },
  { id: 'careers', data: { name: 'Careers' } },
  { id: 'empty', data: { name: 'Empty' } },
];
const ids = (list: readonly { id: string }[]) => list.map((a) => a.id);
const first = { currentPage: 1, lastPage: 3 };
const second = { currentPage: 2, lastPage: 3 };

describe('categoryListings', () => {
  test('lists every category, an empty one too, with its articles in the order given', () => {
    const listings = categoryListings(articles, categories);
    expect(listings.map((l) => [l.params.slug, ids(l.articles)])).toEqual([
      ['backend', ['newest', 'middle']],
      ['careers', ['middle', 'oldest']],
      ['empty', []],
    ]);
  });

  test('gives every listing the counts of all categories for its sidebar', () => {
    const [backend] = categoryListings(articles, categories);
    expect(backend?.props.category).toBe(categories[0]);
    expect(backend?.props.categoryCounts).toEqual([
      { id: 'backend', name: 'Backend', count: 2 },
      { id: 'careers', name: 'Careers', count: 2 },
      { id: 'empty', name: 'Empty', count: 0 },
    ]);
  });
});

describe('tagListings', () => {
  test('lists each tag once under its slug, with the articles carrying any spelling of it', () => {
    const listings = tagListings(articles);
    expect(listings.map((l) => [l.params.tag, l.props.tag.count, ids(l.articles)])).toEqual([
      ['apis', 1, ['newest']],
      ['cloud', 2, ['newest', 'middle']],
    ]);
  });
});

describe('authorListings', () => {
  test('lists every author with their articles, one without any too', () => {
    const authors = [{ id: 'ada' }, { id: 'grace' }, { id: 'idle' }];
    const routes = singlePageListings(authorListings(articles, authors));
    expect(routes.map((r) => [r.params.slug, r.props.author.id, ids(r.props.articles)])).toEqual([
      ['ada', 'ada', ['newest', 'middle']],
      ['grace', 'grace', ['oldest']],
      ['idle', 'idle', []],
    ]);
  });
});

describe('listing text', () => {
  test('names the site on the first home page and the page number after it', () => {
    expect(describeHomePage(first)).toEqual({
      title: SITE.name,
      description: SITE.description,
      heading: 'Latest articles',
    });
    expect(describeHomePage(second)).toEqual({
      title: 'Latest articles, page 2',
      description: `${SITE.description} Page 2 of 3.`,
      heading: 'Latest articles',
    });
  });

  test('titles a category page with its name, and a later page with its number', () => {
    const category = { data: { name: 'Backend', description: 'Server-side engineering.' } };
    expect(describeCategoryPage(category, first)).toMatchObject({
      title: 'Backend',
      description: 'Server-side engineering.',
      heading: 'Backend',
    });
    expect(describeCategoryPage(category, second)).toMatchObject({
      title: 'Backend, page 2',
      description: 'Server-side engineering. Page 2 of 3.',
    });
  });

  test('describes a tag page by the number of articles carrying the tag', () => {
    const tag = { slug: 'cloud', name: 'cloud', count: 1 };
    expect(describeTagPage(tag, first)).toEqual({
      title: 'Articles tagged “cloud”',
      description: `The 1 article tagged “cloud” on ${SITE.name}, newest first.`,
      heading: 'Articles tagged “cloud”',
    });
    expect(describeTagPage({ ...tag, count: 12 }, second)).toMatchObject({
      title: 'Articles tagged “cloud”, page 2',
      description: `The 12 articles tagged “cloud” on ${SITE.name}, page 2 of 3.`,
    });
  });

  test('counts articles in the singular for one only', () => {
    expect([0, 1, 2].map(formatArticleCount)).toEqual(['0 articles', '1 article', '2 articles']);
  });
});
