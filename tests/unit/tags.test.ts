import { describe, expect, test } from 'vitest';
import { twitterHandle } from '../../src/lib/seo/twitter-handle.ts';
import { collectTags, filterByTag, normalizeTagName, tagSlug } from '../../src/lib/tags.ts';
import { SITE } from '../../src/site.config.ts';

describe('tagSlug', () => {
  test.each([
    ['cloud', 'cloud'],
    ['Machine Learning', 'machine-learning'],
    ['machine  learning', 'machine-learning'],
    ['machine-learning', 'machine-learning'],
    ['TypeScript', 'typescript'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['Node.js', 'node-js'],
    ['Café', 'cafe'],
    ['R&D', 'r-and-d'],
    ['2026', '2026'],
    ['日本語', ''],
  ])('%s -> %s', (name, slug) => {
    expect(tagSlug(name)).toBe(slug);
  });

  test('is URL-safe for any name', () => {
    for (const name of ['a/b?c#d', ' spaced  out ', 'émigré—ünïcode', '100%', '<script>'])
      expect(tagSlug(name)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('normalizeTagName', () => {
  test('trims, lower-cases and makes runs of spaces one', () => {
    expect(normalizeTagName('  Machine \t Learning ')).toBe('machine learning');
  });
});

const tagged = (...tags: string[]) => ({ data: { tags } });

describe('collectTags', () => {
  test('counts each tag once per article, by name', () => {
    expect(collectTags([tagged('cloud', 'apis'), tagged('cloud'), tagged()])).toEqual([
      { slug: 'apis', name: 'apis', count: 1 },
      { slug: 'cloud', name: 'cloud', count: 2 },
    ]);
  });

  test('merges spellings that share a slug under the most used one, ties to the first by name', () => {
    const articles = [tagged('machine learning'), tagged('machine-learning'), tagged('machine learning')];
    expect(collectTags(articles)).toEqual([{ slug: 'machine-learning', name: 'machine learning', count: 3 }]);
    expect(collectTags([tagged('node.js'), tagged('node js')])).toEqual([
      { slug: 'node-js', name: 'node js', count: 2 },
    ]);
  });

  test('keeps c++, c# and c apart', () => {
    expect(collectTags([tagged('c++'), tagged('c#'), tagged('c')]).map((tag) => tag.slug)).toEqual([
      'c',
      'c-sharp',
      'c-plus-plus',
    ]);
  });
});

describe('filterByTag', () => {
  test('finds articles by slug, whatever spelling they use, in the order given', () => {
    const articles = [tagged('Machine Learning'), tagged('cloud'), tagged('machine-learning')];
    expect(filterByTag(articles, 'machine-learning')).toEqual([articles[0], articles[2]]);
  });
});

describe('the site configuration', () => {
  test("names the site's X handle in the form twitter:site needs", () => {
    expect(twitterHandle.parse(SITE.twitter)).toBe(SITE.twitter);
  });
});
