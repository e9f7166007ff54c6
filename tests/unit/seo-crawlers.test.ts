import { describe, expect, test } from 'vitest';
import { absolutizeHtml } from '../../src/lib/seo/feed-html.ts';
import { buildRobotsTxt } from '../../src/lib/seo/robots.ts';
import { buildUrlset, isIndexablePath } from '../../src/lib/seo/sitemap-xml.ts';

describe('buildRobotsTxt', () => {
  test('lists the Disallow lines before Allow: / and names both sitemaps absolutely', () => {
    const text = buildRobotsTxt(new URL('https://jobs.example.com'));
    expect(text.split('\n')).toEqual([
      'User-agent: *',
      'Disallow: /admin/',
      'Disallow: /api/',
      'Allow: /',
      '',
      'Sitemap: https://jobs.example.com/sitemap-index.xml',
      'Sitemap: https://jobs.example.com/sitemap-jobs.xml',
      '',
    ]);
  });
});

describe('isIndexablePath', () => {
  test.each([
    ['/', true],
    ['/blog/backend-development-engineering-2026/', true],
    ['/categories/backend/', true],
    ['/search/', false],
    ['/admin/', false],
    ['/admin/comments/', false],
    ['/api/comments/', false],
    ['/page/2/', false],
    ['/2/', false],
    ['/categories/backend/2/', false],
    ['/authors/jordan/3/', false],
    ['/blog/backend-development-engineering-2026/', true],
    ['/blog/2026/', true],
    ['/categories/backend/page/3/', false],
    ['/404/', false],
    ['/jobs/', false],
    ['/tags/', true],
    ['/tags/cloud/', true],
    ['/tags/2026/', true],
    ['/tags/cloud/2/', false],
  ])('%s -> %s', (path, expected) => {
    expect(isIndexablePath(path)).toBe(expected);
  });
});

describe('buildUrlset', () => {
  test('escapes locations and writes lastmod as ISO 8601', () => {
    const xml = buildUrlset([{ loc: 'https://e.com/jobs/a&b/', lastmod: new Date('2026-03-01T12:00:00Z') }]);
    expect(xml).toContain(
      '<url><loc>https://e.com/jobs/a&amp;b/</loc><lastmod>2026-03-01T12:00:00.000Z</lastmod></url>',
    );
  });

  test('drops an unreadable date instead of failing the whole sitemap', () => {
    const xml = buildUrlset([{ loc: 'https://e.com/jobs/1/', lastmod: new Date('not a date') }]);
    expect(xml).toContain('<url><loc>https://e.com/jobs/1/</loc></url>');
  });

  test('is a valid empty urlset when there is nothing to list', () => {
    expect(buildUrlset([])).toMatch(
      /<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">\n<\/urlset>/,
    );
  });
});

describe('absolutizeHtml', () => {
  const page = 'https://e.com/blog/a/';

  test('makes root-relative links, images and srcset candidates absolute', () => {
    const html =
      '<a href="/jobs/">x</a><img src="/_astro/h.webp" srcset="/_astro/h1.webp 400w, /_astro/h2.webp 800w">';
    expect(absolutizeHtml(html, page)).toBe(
      '<a href="https://e.com/jobs/">x</a><img src="https://e.com/_astro/h.webp" srcset="https://e.com/_astro/h1.webp 400w, https://e.com/_astro/h2.webp 800w">',
    );
  });

  test('points fragment links at the article page and leaves external links alone', () => {
    const html = '<a href="#skills">s</a><a href="https://other.org/x">o</a>';
    expect(absolutizeHtml(html, page)).toBe(
      '<a href="https://e.com/blog/a/#skills">s</a><a href="https://other.org/x">o</a>',
    );
  });
});
