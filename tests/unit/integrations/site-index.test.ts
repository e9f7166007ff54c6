import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSiteIndex } from '../../../src/integrations/site-index.ts';

const publishing = join(process.cwd(), 'tests/fixtures/content/publishing');
const now = new Date('2026-11-25T12:00:00Z');

describe('the site index on-demand routes read instead of astro:content', () => {
  test('lists published articles only, with the ids the collection gives them', () => {
    const ids = buildSiteIndex(publishing, false, now).articles.map((article) => article.id);
    expect(ids).toContain('published-article');
    expect(ids).not.toContain('draft-article');
    expect(ids).not.toContain('scheduled-article');
  });

  test('keeps drafts and scheduled articles for the dev server', () => {
    const ids = buildSiteIndex(publishing, true, now).articles.map((article) => article.id);
    expect(ids).toEqual(expect.arrayContaining(['published-article', 'draft-article', 'scheduled-article']));
  });

  test('names the real site categories, sorted by name', () => {
    const { categories, articles } = buildSiteIndex(join(process.cwd(), 'content'), false, now);
    expect(categories.map((c) => c.name)).toEqual(['Backend', 'Careers', 'Full Stack', 'Newsletters']);
    expect(articles).toContainEqual({
      id: 'backend-development-engineering-2026',
      title: 'Backend Development Engineering in 2026: Skills, Systems and Career Paths',
    });
  });
});
