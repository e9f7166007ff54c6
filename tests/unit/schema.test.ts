import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { collections } from '@/content.config';

// The image() helper Astro passes to schemas resolves files; a string stands in for it here.
const schema = (collections.articles.schema as unknown as (ctx: { image: () => z.ZodString }) => z.ZodType)({
  image: () => z.string(),
});

const valid = {
  title: 'A valid article',
  description: 'A description long enough to be a useful excerpt and meta description.',
  pubDate: '2026-01-12',
  categories: ['backend'],
  author: 'editorial-team',
};

describe('the articles schema', () => {
  test('accepts a minimal article and defaults tags and draft', () => {
    const data = schema.parse(valid) as { tags: string[]; draft: boolean; pubDate: Date };
    expect(data.tags).toEqual([]);
    expect(data.draft).toBe(false);
    expect(data.pubDate).toEqual(new Date('2026-01-12'));
  });

  test('lower-cases tags and keeps each once', () => {
    const data = schema.parse({ ...valid, tags: ['APIs', 'apis', ' Cloud ', 'cloud'] }) as { tags: string[] };
    expect(data.tags).toEqual(['apis', 'cloud']);
  });

  test('keeps one spelling of tags that differ only in case, spacing or punctuation', () => {
    const tags = ['Machine  Learning', 'machine-learning', 'machine learning', 'C++', 'C#'];
    const data = schema.parse({ ...valid, tags }) as { tags: string[] };
    expect(data.tags).toEqual(['machine learning', 'c++', 'c#']);
  });

  test('refuses a tag with no letter or digit for its page address, naming it', () => {
    const result = schema.safeParse({ ...valid, tags: ['apis', '日本語'] });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'tags.1');
    expect(issue?.message).toMatch(/'日本語'.*no letter or digit/);
  });

  test("reads an author's X handle with or without its @ and refuses anything else", () => {
    const authors = collections.authors.schema as unknown as z.ZodType<{ twitter?: string }>;
    const author = { name: 'Jordan Ellis', bio: 'Edits the journal.' };
    expect(authors.parse({ ...author, twitter: 'jordan_e' }).twitter).toBe('@jordan_e');
    expect(authors.parse({ ...author, twitter: '@jordan_e' }).twitter).toBe('@jordan_e');
    expect(authors.parse(author).twitter).toBeUndefined();
    expect(authors.safeParse({ ...author, twitter: 'https://x.com/jordan' }).success).toBe(false);
  });

  test('requires heroAlt when heroImage is set', () => {
    const result = schema.safeParse({ ...valid, heroImage: './hero.png' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('heroAlt');
    expect(schema.safeParse({ ...valid, heroImage: './hero.png', heroAlt: 'A hero' }).success).toBe(true);
  });

  test.each([
    ['a title over 100 characters', { title: 'x'.repeat(101) }, 'title'],
    ['a description under 50 characters', { description: 'Too short.' }, 'description'],
    ['no category', { categories: [] }, 'categories'],
    ['a missing pubDate', { pubDate: undefined }, 'pubDate'],
    ['an empty tag', { tags: [' '] }, 'tags.0'],
  ])('rejects %s', (_name, change, field) => {
    const result = schema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});
