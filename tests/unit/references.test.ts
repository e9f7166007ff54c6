import { describe, expect, test } from 'vitest';
import { findUnknownReferences } from '@/lib/references';

const article = (categories: string[], author: string) => ({
  id: 'post',
  filePath: 'content/articles/post.mdx',
  data: { categories: categories.map((id) => ({ id })), author: { id: author } },
});

describe('findUnknownReferences', () => {
  test('finds nothing when every category and author exists', () => {
    expect(findUnknownReferences([article(['backend'], 'ada')], ['backend'], ['ada'])).toEqual([]);
  });

  test('names the file, the field and the unknown id', () => {
    expect(findUnknownReferences([article(['backend', 'nope'], 'bob')], ['backend'], ['ada'])).toEqual([
      'content/articles/post.mdx: categories: unknown category "nope" (known: backend)',
      'content/articles/post.mdx: author: unknown author "bob" (known: ada)',
    ]);
  });
});
