import { describe, expect, test } from 'vitest';
import { buildToc } from '@/lib/toc';

const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase().replace(/\s+/g, '-'), text });

describe('buildToc', () => {
  test('nests h3 headings under the h2 before them', () => {
    expect(buildToc([h(2, 'One'), h(3, 'One A'), h(3, 'One B'), h(2, 'Two'), h(3, 'Two A')])).toEqual([
      {
        slug: 'one',
        text: 'One',
        children: [
          { slug: 'one-a', text: 'One A', children: [] },
          { slug: 'one-b', text: 'One B', children: [] },
        ],
      },
      { slug: 'two', text: 'Two', children: [{ slug: 'two-a', text: 'Two A', children: [] }] },
    ]);
  });

  test('leaves out h1 and headings deeper than h3', () => {
    expect(buildToc([h(1, 'Title'), h(2, 'One'), h(4, 'Detail'), h(5, 'More')])).toEqual([
      { slug: 'one', text: 'One', children: [] },
    ]);
  });

  test('keeps an h3 that comes before any h2 as a top-level entry', () => {
    expect(buildToc([h(3, 'Intro'), h(2, 'One')]).map((e) => e.slug)).toEqual(['intro', 'one']);
  });

  test('keeps the ids render() gave the headings and trims their text', () => {
    expect(buildToc([{ depth: 2, slug: 'custom-id-1', text: '  Spaced  ' }])).toEqual([
      { slug: 'custom-id-1', text: 'Spaced', children: [] },
    ]);
  });

  test('is empty for an article without headings', () => {
    expect(buildToc([])).toEqual([]);
  });
});
