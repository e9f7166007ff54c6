import { describe, expect, test } from 'vitest';
import {
  describeResults,
  isEmptyQuery,
  readQuery,
  withQuery,
} from '../../src/components/search/search-state.ts';

const categories = ['backend', 'careers'];

describe('readQuery', () => {
  test('reads the words and a known category from the URL', () => {
    const url = new URL('https://e.com/search/?q=api+design&category=backend');
    expect(readQuery(url, categories)).toEqual({ q: 'api design', category: 'backend' });
  });

  test('ignores a category the site does not have, and reads nothing as empty', () => {
    expect(readQuery(new URL('https://e.com/search/?category=gone'), categories)).toEqual({
      q: '',
      category: '',
    });
  });
});

describe('withQuery', () => {
  test('writes the query and leaves empty parts out, keeping other parameters', () => {
    const base = new URL('https://e.com/search/?q=old&utm=x');
    expect(withQuery(base, { q: 'c++ & go', category: '' }).search).toBe('?q=c%2B%2B+%26+go&utm=x');
    expect(withQuery(base, { q: '', category: 'careers' }).search).toBe('?utm=x&category=careers');
  });

  test('round-trips through readQuery', () => {
    const query = { q: '“quoted” #words', category: 'careers' };
    expect(readQuery(withQuery(new URL('https://e.com/search/'), query), categories)).toEqual(query);
  });
});

describe('isEmptyQuery', () => {
  test('is empty with neither words nor a category', () => {
    expect(isEmptyQuery({ q: '  ', category: '' })).toBe(true);
    expect(isEmptyQuery({ q: '', category: 'backend' })).toBe(false);
  });
});

describe('describeResults', () => {
  test.each([
    [0, { q: 'x', category: '' }, undefined, 'No articles match “x”.'],
    [1, { q: 'api', category: '' }, undefined, '1 article matches “api”.'],
    [23, { q: ' api ', category: 'backend' }, 'Backend', '23 articles match “api” in Backend.'],
    [1, { q: '', category: 'careers' }, 'Careers', '1 article in Careers.'],
    [0, { q: '', category: 'careers' }, 'Careers', 'No articles in Careers.'],
  ])('%i results for %o', (count, query, name, sentence) => {
    expect(describeResults(count, query, name)).toBe(sentence);
  });
});
