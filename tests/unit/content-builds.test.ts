import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * Real `npm run build` runs over other content folders (CONTENT_DIR). They share one file
 * on purpose: every build rewrites the project's .astro/ folder, so they must not run in
 * parallel with each other.
 */
const root = new URL('../../', import.meta.url).pathname;
// Inside the project: the built server bundle resolves its packages from node_modules.
mkdirSync(join(root, 'test-results'), { recursive: true });
const scratch = mkdtempSync(join(root, 'test-results', 'content-builds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Builds the site from `contentDir` into `<scratch>/<name>/dist`. NODE_ENV stays as vitest
 * set it (test) on purpose: drafts must stay out of any build.
 */
function build(name: string, contentDir: string): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', 'build', '--', '--outDir', join(scratch, name, 'dist')], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: join(scratch, name, 'cache') },
    encoding: 'utf8',
  });
  // Astro colours its messages; strip the escapes so the assertions read plain text.
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

// A broken article must stop the build with a message naming the file and the field. The
// build fails while syncing content, before any page renders, so each case takes seconds.
describe('a broken article fails the build', () => {
  test.each([
    ['missing-title', 'untitled.mdx', /untitled\.mdx:\d+ title: is missing/],
    ['missing-hero-alt', 'hero-without-alt.mdx', /heroAlt: is missing; heroImage is set/],
    ['unknown-category', 'unknown-category.mdx', /categories: 'no-such-category' is not a category/],
    ['unknown-author', 'unknown-author.mdx', /author: 'nobody' is not an author/],
  ])('%s: names %s and the field', { timeout: 120_000 }, (fixture, file, field) => {
    const { status, output } = build(fixture, join(root, 'tests/fixtures/content', fixture));
    expect(status, output).not.toBe(0);
    expect(output).toContain(file);
    expect(output).toMatch(field);
  });
});

// Content the seed cannot exercise: more than one page of articles, a draft, and an article
// nothing relates to.
const content = join(scratch, 'content');
const client = join(scratch, 'many-articles', 'dist', 'client');

function write(path: string, text: string): void {
  mkdirSync(join(content, path, '..'), { recursive: true });
  writeFileSync(join(content, path), text);
}

function article(slug: string, fields: string): void {
  write(
    `articles/${slug}.md`,
    `---\ntitle: ${slug}\ndescription: A generated article that exercises listings, drafts and related articles.\nauthor: ada\n${fields}\n---\n\n## Heading of ${slug}\n\nBody.\n`,
  );
}

const page = (path: string) => readFileSync(join(client, path, 'index.html'), 'utf8');

describe('a site built from many articles', () => {
  beforeAll(() => {
    write('authors/ada.yml', 'name: Ada Example\nbio: Writes fixtures.\n');
    write('categories/backend.yml', 'name: Backend\ndescription: Server-side engineering.\n');
    write('categories/careers.yml', 'name: Careers\ndescription: Careers in engineering.\n');
    for (let day = 1; day <= 11; day++) {
      article(`backend-${day}`, `pubDate: 2026-01-${String(day).padStart(2, '0')}\ncategories: [backend]`);
    }
    article('draft-article', 'pubDate: 2026-02-01\ncategories: [backend]\ndraft: true');
    article('lonely', 'pubDate: 2025-06-01\ncategories: [careers]\ntags: [unique]');
    const result = build('many-articles', content);
    if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
  }, 180_000);

  test('lists 10 articles on the home page and the rest on /2/', () => {
    expect(page('').match(/<article class="card/g)).toHaveLength(10);
    expect(page('2').match(/<article class="card/g)).toHaveLength(2);
    expect(page('').indexOf('backend-11')).toBeLessThan(page('').indexOf('backend-2/'));
    expect(page('')).toContain('href="/2/" rel="next"');
  });

  test('paginates a category the same way', () => {
    expect(page('categories/backend').match(/<article class="card/g)).toHaveLength(10);
    expect(page('categories/backend/2').match(/<article class="card/g)).toHaveLength(1);
  });

  test('leaves drafts out of pages, listings and related articles', () => {
    expect(existsSync(join(client, 'blog/draft-article'))).toBe(false);
    expect(page('')).not.toContain('draft-article');
    expect(page('blog/backend-1')).not.toContain('draft-article');
  });

  test('shows at most three related articles, never the article itself', () => {
    const html = page('blog/backend-5');
    const related = html.slice(html.indexOf('id="related-heading"'));
    expect(related.match(/<article class="card/g)).toHaveLength(3);
    expect(related).not.toContain('href="/blog/backend-5/"');
  });

  test('hides "You may also like" when nothing is related', () => {
    expect(page('blog/lonely')).not.toContain('You may also like');
  });
});

// A rebuild on the previous build's caches (compiled MDX, Astro's incremental build) must show
// every change an edit makes, also on the other pages it appears on, and reuse the rest.
describe('a rebuild after an edit', () => {
  const site = join(scratch, 'rebuild-content');
  const out = join(scratch, 'rebuild', 'dist', 'client');
  const html = (slug: string) => readFileSync(join(out, 'blog', slug, 'index.html'), 'utf8');
  const post = (slug: string, title: string, category: string, body: string) => {
    mkdirSync(join(site, 'articles'), { recursive: true });
    writeFileSync(
      join(site, 'articles', `${slug}.mdx`),
      `---\ntitle: ${title}\ndescription: An article that a rebuild test edits, to see which pages change.\npubDate: 2026-03-0${slug.length}\nauthor: ada\ncategories: [${category}]\n---\n\n## Section\n\n${body}\n`,
    );
  };
  // Server islands are encrypted with ASTRO_KEY; production builds pin it, and Astro reuses a
  // page with an island only when the key is unchanged.
  const key = 'yXJx4FAt4eJ5nljEvTGzsqLdIrCGLeEPdtpN1rhZ5mo=';
  const rebuild = () => {
    const result = spawnSync('npm', ['run', 'build', '--', '--outDir', join(scratch, 'rebuild', 'dist')], {
      cwd: root,
      env: {
        ...process.env,
        CONTENT_DIR: site,
        ASTRO_CACHE_DIR: join(scratch, 'rebuild', 'cache'),
        ASTRO_KEY: key,
      },
      encoding: 'utf8',
    });
    const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
    if (result.status !== 0) throw new Error(`build failed:\n${output}`);
    // Restored pages must not point at scripts or styles this build no longer emits.
    for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.html'),
    )) {
      for (const [asset] of readFileSync(join(out, file), 'utf8').matchAll(/\/_astro\/[\w.-]+/g)) {
        expect(existsSync(join(out, asset)), `${file} links ${asset}`).toBe(true);
      }
    }
    return output;
  };

  test('re-renders the edited article and the pages showing it, and reuses the others', {
    timeout: 240_000,
  }, () => {
    mkdirSync(join(site, 'authors'), { recursive: true });
    mkdirSync(join(site, 'categories'), { recursive: true });
    writeFileSync(join(site, 'authors/ada.yml'), 'name: Ada Example\nbio: Writes fixtures.\n');
    writeFileSync(
      join(site, 'categories/backend.yml'),
      'name: Backend\ndescription: Server-side engineering.\n',
    );
    writeFileSync(
      join(site, 'categories/careers.yml'),
      'name: Careers\ndescription: Careers in engineering.\n',
    );
    post('aa', 'First title', 'backend', 'The first body.');
    post('bbb', 'Related to the first', 'backend', 'The second body.');
    post('cccc', 'Unrelated', 'careers', 'The third body.');
    const first = rebuild();
    expect(html('aa')).toContain('The first body.');
    // The MDX prefetch guessed the renderer settings right (else its work is wasted).
    expect(first).not.toMatch(/prefetch assumed/);

    post('aa', 'Edited title', 'backend', "The body's new text.");
    const second = rebuild();
    expect(html('aa')).toContain('The body’s new text.');
    expect(html('aa')).toContain('Edited title');
    // bbb lists aa under "You may also like"; cccc shows neither title nor body of aa.
    expect(html('bbb')).toContain('Edited title');
    expect(second).toMatch(/\/blog\/cccc\/index\.html \(restored\)/);
    expect(second).not.toMatch(/\/blog\/(aa|bbb)\/index\.html \(restored\)/);

    expect(second).toMatch(/indexed \d+ pages for search/);

    // Nothing changed: every article is restored and the search index is copied back.
    const unchanged = rebuild();
    expect(unchanged.match(/\/blog\/\w+\/index\.html \(restored\)/g)).toHaveLength(3);
    expect(unchanged).toMatch(/no page changed: search index reused/);
    expect(readdirSync(join(out, 'pagefind')).length).toBeGreaterThan(3);

    // A new article changes the categories widget's counts on every article page.
    post('ddddd', 'Another career article', 'careers', 'The fourth body.');
    const third = rebuild();
    expect(third).not.toMatch(/\(restored\)/);
    expect(third).toMatch(/indexed \d+ pages for search/);
    expect(html('cccc')).toMatch(/Careers[\s\S]{0,300}?2 <span class="sr-only">articles<\/span>/);
  });
});
