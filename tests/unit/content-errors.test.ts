import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * A broken article must stop `npm run build` with a message naming the file and the field.
 * Each case builds the site over a fixture content folder (CONTENT_DIR) that breaks one rule;
 * the build fails while syncing content, before any page renders, so each case takes seconds.
 */
const root = new URL('../../', import.meta.url).pathname;
// Inside the project: the built server bundle resolves its packages from node_modules.
mkdirSync(join(root, 'test-results'), { recursive: true });
const scratch = mkdtempSync(join(root, 'test-results', 'content-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function buildWith(fixture: string): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', 'build', '--', '--outDir', join(scratch, fixture, 'dist')], {
    cwd: root,
    env: {
      ...process.env,
      CONTENT_DIR: join(root, 'tests/fixtures/content', fixture),
      ASTRO_CACHE_DIR: join(scratch, fixture, 'cache'),
    },
    encoding: 'utf8',
  });
  // Astro colours its messages; strip the escapes so the assertions read plain text.
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

describe('a broken article fails the build', () => {
  test.each([
    ['missing-title', 'untitled.mdx', /title: Required/],
    ['missing-hero-alt', 'hero-without-alt.mdx', /heroAlt: heroAlt is required when heroImage is set/],
    ['unknown-category', 'unknown-category.mdx', /categories: unknown category "no-such-category"/],
    ['unknown-author', 'unknown-author.mdx', /author: unknown author "nobody"/],
  ])('%s: names %s and the field', { timeout: 120_000 }, (fixture, file, field) => {
    const { status, output } = buildWith(fixture);
    expect(status, output).not.toBe(0);
    expect(output).toContain(file);
    expect(output).toMatch(field);
  });
});
