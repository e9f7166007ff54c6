import { describe, expect, test } from 'vitest';
import {
  buildBlogPosting,
  buildBreadcrumbList,
  buildWebSite,
  serializeJsonLd,
} from '../../src/lib/seo/json-ld.ts';

const publisher = { name: 'Journal', url: 'https://example.com/', logoUrl: 'https://example.com/logo.png' };
const posting = {
  url: 'https://example.com/blog/a/',
  headline: 'A headline',
  description: 'A description',
  imageUrl: 'https://example.com/og/a.png',
  datePublished: new Date('2026-01-12T00:00:00Z'),
  author: { name: 'Jordan Ellis', url: 'https://example.com/authors/jordan/' },
  publisher,
};

describe('buildBlogPosting', () => {
  test('carries every field Google requires, with the author as a Person and a publisher logo', () => {
    const data = buildBlogPosting({ ...posting, dateModified: new Date('2026-02-01T10:00:00Z') });
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'A headline',
      description: 'A description',
      image: ['https://example.com/og/a.png'],
      datePublished: '2026-01-12T00:00:00.000Z',
      dateModified: '2026-02-01T10:00:00.000Z',
      author: { '@type': 'Person', name: 'Jordan Ellis', url: 'https://example.com/authors/jordan/' },
      publisher: {
        '@type': 'Organization',
        name: 'Journal',
        logo: { '@type': 'ImageObject', url: publisher.logoUrl },
      },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.com/blog/a/' },
    });
  });

  test('uses the publication date as dateModified when the article was never revised', () => {
    expect(buildBlogPosting(posting)['dateModified']).toBe('2026-01-12T00:00:00.000Z');
  });

  test('leaves out section and keywords when the article has none', () => {
    const data = buildBlogPosting({ ...posting, keywords: [] });
    expect(data).not.toHaveProperty('articleSection');
    expect(data).not.toHaveProperty('keywords');
  });
});

describe('buildBreadcrumbList', () => {
  test('numbers the steps from 1 in order', () => {
    const data = buildBreadcrumbList([
      { name: 'Home', url: 'https://example.com/' },
      { name: 'Backend', url: 'https://example.com/categories/backend/' },
    ]);
    expect(data['itemListElement']).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.com/' },
      { '@type': 'ListItem', position: 2, name: 'Backend', item: 'https://example.com/categories/backend/' },
    ]);
  });

  test('refuses an empty trail', () => {
    expect(() => buildBreadcrumbList([])).toThrow(/at least one step/);
  });
});

describe('buildWebSite', () => {
  test('points its search action at the search page', () => {
    const data = buildWebSite({ name: 'Journal', url: 'https://example.com/', description: 'd' });
    expect(JSON.stringify(data)).toContain('https://example.com/search/?q={search_term_string}');
  });
});

describe('serializeJsonLd', () => {
  test('cannot be closed early by a headline containing </script>', () => {
    const json = serializeJsonLd(
      buildBlogPosting({ ...posting, headline: 'Why </script><b>bold</b> breaks pages' }),
    );
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json).headline).toBe('Why </script><b>bold</b> breaks pages');
  });
});
