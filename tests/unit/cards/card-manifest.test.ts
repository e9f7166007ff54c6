import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildCardManifest, keepBuiltArticles } from '../../../src/server/cards/card-integration.ts';
import { cardLookup, parseCardManifest, readCardManifest } from '../../../src/server/cards/card-manifest.ts';
import { SITE } from '../../../src/site.config.ts';

const publishing = join(process.cwd(), 'tests/fixtures/content/publishing');
const now = new Date('2026-11-25T12:00:00Z');
let scratch = '';

afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = '';
});

describe('the card manifest the build writes', () => {
  test('lists published articles only, with the title, first category, author and site name', () => {
    const { cards } = buildCardManifest(publishing, { dev: false, now });
    expect(Object.keys(cards)).toEqual(['published-article']);
    expect(cards['published-article']).toEqual({
      title: 'A published article with every component',
      siteName: SITE.name,
      category: 'Backend',
      author: 'Jordan Ellis',
    });
  });

  test('keeps drafts and scheduled articles for the dev server', () => {
    const { cards } = buildCardManifest(publishing, { dev: true, now });
    expect(Object.keys(cards).sort()).toEqual(['draft-article', 'published-article', 'scheduled-article']);
  });

  test('publishes a scheduled article once its date has passed', () => {
    const { cards } = buildCardManifest(publishing, { dev: false, now: new Date('2099-01-02T00:00:00Z') });
    expect(Object.keys(cards).sort()).toEqual(['published-article', 'scheduled-article']);
  });

  test('reads the names the collections would: trimmed, first category first, frontmatter slug as id', () => {
    scratch = mkdtempSync(join(tmpdir(), 'og-manifest-'));
    cpSync(publishing, scratch, { recursive: true });
    writeFileSync(join(scratch, 'categories', 'careers.yml'), 'name: "  Careers  "\ndescription: Careers.\n');
    const file = join(scratch, 'articles', 'published-article.mdx');
    const article = readFileSync(file, 'utf8')
      .replace('title: A published article with every component', 'title: "  Padded title  "')
      .replace('categories: [backend]', 'categories: [careers, backend]\nslug: renamed-article');
    writeFileSync(file, article);
    const { cards } = buildCardManifest(scratch, { dev: false, now });
    expect(Object.keys(cards)).toEqual(['renamed-article']);
    expect(cards['renamed-article']).toMatchObject({
      title: 'Padded title',
      category: 'Careers',
    });
  });

  test('leaves out an article that fails the content check', () => {
    scratch = mkdtempSync(join(tmpdir(), 'og-manifest-'));
    cpSync(publishing, scratch, { recursive: true });
    const file = join(scratch, 'articles', 'published-article.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('author: editorial-team', 'author: nobody'));
    expect(buildCardManifest(scratch, { dev: false, now }).cards).toEqual({});
  });

  test('keeps only the articles whose page the build wrote', () => {
    const manifest = buildCardManifest(publishing, { dev: true, now });
    const kept = keepBuiltArticles(manifest, ['', 'blog/published-article/', 'categories/backend/']);
    expect(Object.keys(kept.cards)).toEqual(['published-article']);
  });
});

describe('reading the manifest in the server', () => {
  test('round-trips what the build writes and looks cards up by slug', () => {
    scratch = mkdtempSync(join(tmpdir(), 'og-manifest-'));
    const file = join(scratch, 'og-cards.json');
    writeFileSync(file, JSON.stringify(buildCardManifest(publishing, { dev: false, now })));
    const manifest = readCardManifest(file);
    if (!manifest) throw new Error('the manifest was not read');
    const lookup = cardLookup(manifest);
    expect(lookup('published-article')?.title).toBe('A published article with every component');
    expect(lookup('draft-article')).toBeUndefined();
    expect(lookup('constructor')).toBeUndefined();
  });

  test('reads a missing manifest as none, so an older build still serves', () => {
    expect(readCardManifest(join(tmpdir(), 'no-such-build', 'og-cards.json'))).toBeUndefined();
  });

  test('refuses a malformed manifest, naming the file and what is wrong', () => {
    expect(() => parseCardManifest('{', 'dist/og-cards.json')).toThrow(/dist\/og-cards\.json is not JSON/);
    expect(() => parseCardManifest('{"version":2,"cards":{}}', 'dist/og-cards.json')).toThrow(
      /not a version 1/,
    );
    expect(() => parseCardManifest('{"version":1,"cards":{"x":{"title":3}}}', 'dist/og-cards.json')).toThrow(
      /the card of "x" has no title or site name/,
    );
  });
});
