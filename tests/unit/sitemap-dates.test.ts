import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSitemapDates, type SitemapDates } from '../../src/integrations/sitemap-dates.ts';

const article = (frontmatter: string) => `---\n${frontmatter}\n---\n\nBody text.\n`;

describe('readSitemapDates', () => {
  let dir: string;
  let dates: SitemapDates;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitemap-dates-'));
    mkdirSync(join(dir, 'articles'));
    const write = (name: string, frontmatter: string) =>
      writeFileSync(join(dir, 'articles', name), article(frontmatter));
    write(
      'old.mdx',
      'pubDate: 2026-01-12\ncategories: [backend]\ntags: [Machine Learning, apis]\nauthor: jordan',
    );
    write(
      'revised.mdx',
      'pubDate: 2026-01-01\nupdatedDate: 2026-03-05\ncategories: [backend, careers]\ntags: [apis]\nauthor: sam',
    );
    write(
      'draft.mdx',
      'pubDate: 2026-06-01\ncategories: [backend]\ntags: [secret]\nauthor: jordan\ndraft: true',
    );
    write('_partial.mdx', 'pubDate: 2030-01-01\ncategories: [backend]');
    dates = readSitemapDates(dir);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('dates an article by its revision, else its publication', () => {
    expect(dates.lastmod.get('/blog/old/')?.toISOString()).toBe('2026-01-12T00:00:00.000Z');
    expect(dates.lastmod.get('/blog/revised/')?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });

  test('dates category, author and listing pages by their newest article', () => {
    expect(dates.lastmod.get('/categories/backend/')?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(dates.lastmod.get('/authors/jordan/')?.toISOString()).toBe('2026-01-12T00:00:00.000Z');
    expect(dates.lastmod.get('/')?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });

  test('dates the tags index and each tag page, at its slug, by its newest article', () => {
    expect(dates.lastmod.get('/tags/')?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(dates.lastmod.get('/tags/apis/')?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(dates.lastmod.get('/tags/machine-learning/')?.toISOString()).toBe('2026-01-12T00:00:00.000Z');
    expect(dates.lastmod.has('/tags/secret/')).toBe(false);
  });

  test('lists drafts for exclusion and never lets them date other pages', () => {
    expect(dates.drafts.has('/blog/draft/')).toBe(true);
    expect(dates.lastmod.has('/blog/draft/')).toBe(false);
    expect(dates.lastmod.get('/authors/jordan/')?.toISOString()).toBe('2026-01-12T00:00:00.000Z');
  });

  test('ignores underscore-prefixed files, as the content loader does', () => {
    expect(dates.lastmod.has('/blog/_partial/')).toBe(false);
  });
});
