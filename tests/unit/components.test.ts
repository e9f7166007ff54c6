import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import RelatedArticles from '@/components/article/RelatedArticles.astro';
import TableOfContents from '@/components/article/TableOfContents.astro';
import CategoriesWidget from '@/components/CategoriesWidget.astro';
import Pagination from '@/components/Pagination.astro';

const container = await AstroContainer.create();

/**
 * Renders a component, without the source-location attributes vitest's dev mode adds, with
 * runs of whitespace as one space (as a browser shows them; the patterns allow the space a
 * template's line break leaves beside a tag).
 */
async function render(
  component: Parameters<typeof container.renderToString>[0],
  props: Record<string, unknown>,
) {
  const html = await container.renderToString(component, { props });
  return html.replace(/ data-astro-source-[a-z]+="[^"]*"/g, '').replace(/\s+/g, ' ');
}

describe('RelatedArticles', () => {
  test('hides the whole "You may also like" block when nothing is related', async () => {
    const html = await render(RelatedArticles, { related: [] });
    expect(html).not.toContain('You may also like');
    expect(html.trim()).toBe('');
  });
});

describe('TableOfContents', () => {
  test('renders nothing for an article without headings', async () => {
    const html = await render(TableOfContents, { toc: [] });
    expect(html).not.toContain('Jump to');
  });

  test('nests h3 links inside the list item of their h2', async () => {
    const toc = [{ slug: 'one', text: 'One', children: [{ slug: 'one-a', text: 'One A', children: [] }] }];
    const html = await render(TableOfContents, { toc });
    expect(html).toMatch(
      /<li> ?<a href="#one"[^>]*> ?One ?<\/a> ?<ol[^>]*> ?<li> ?<a href="#one-a"[^>]*> ?One A ?<\/a> ?<\/li> ?<\/ol> ?<\/li>/,
    );
  });
});

describe('CategoriesWidget', () => {
  test('lists each category with its count and marks the current one', async () => {
    const categories = [
      { id: 'backend', name: 'Backend', count: 1 },
      { id: 'careers', name: 'Careers', count: 0 },
    ];
    const html = await render(CategoriesWidget, { categories, current: 'careers' });
    expect(html).toMatch(
      /href="\/categories\/backend\/"[^>]*> ?Backend ?<\/a> ?<span[^>]*> ?1 <span class="sr-only">article<\/span>/,
    );
    expect(html).toMatch(/href="\/categories\/careers\/"[^>]*aria-current="page"[^>]*> ?Careers/);
    expect(html).toContain('0 <span class="sr-only">articles</span>');
  });
});

describe('Pagination', () => {
  test('renders nothing for a single page', async () => {
    expect((await render(Pagination, { currentPage: 1, lastPage: 1 })).trim()).toBe('');
  });

  test('links to the newer and older pages around the current one', async () => {
    const html = await render(Pagination, { currentPage: 2, lastPage: 3, prevUrl: '/', nextUrl: '/3/' });
    expect(html).toMatch(/<a href="\/" rel="prev"[^>]*>\s*← Newer articles\s*<\/a>/);
    expect(html).toMatch(/<a href="\/3\/" rel="next"[^>]*>\s*Older articles →\s*<\/a>/);
    expect(html).toMatch(/Page 2 of 3/);
  });

  test('has no newer link on the first page', async () => {
    const html = await render(Pagination, { currentPage: 1, lastPage: 2, nextUrl: '/2/' });
    expect(html).not.toContain('rel="prev"');
    expect(html).toContain('rel="next"');
  });
});
