import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { todayIn } from '@/lib/zoned-time';
import { SITE } from '@/site.config';

const scratch = mkdtempSync(join(tmpdir(), 'new-article-'));
const contentDir = join(scratch, 'content');
cpSync('content', contentDir, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function newArticle(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/new-article.ts', ...args], {
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
}

describe('npm run new', () => {
  test('creates a draft dated today with its placeholder picture', () => {
    const run = newArticle(
      'Queues, Streams & Logs: A Primer',
      '--category',
      'backend',
      '--author',
      'editorial-team',
    );
    expect(run.status, run.stderr).toBe(0);
    const file = join(contentDir, 'articles', 'queues-streams-and-logs-a-primer.mdx');
    const source = readFileSync(file, 'utf8');
    expect(source).toContain("title: 'Queues, Streams & Logs: A Primer'");
    expect(source).toContain(`pubDate: ${todayIn(SITE.timeZone)}`);
    expect(source).toContain('draft: true');
    expect(existsSync(join(contentDir, 'articles', 'images', 'queues-streams-and-logs-a-primer.png'))).toBe(
      true,
    );
    const check = spawnSync(process.execPath, ['scripts/check-content.ts'], {
      env: { ...process.env, CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });
    expect(check.status, check.stderr).toBe(0);
  });

  test('refuses a slug that is already taken', () => {
    const run = newArticle('Backend Development Engineering 2026', '--category', 'backend');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("The slug 'backend-development-engineering-2026' is already used by");
  });

  test('refuses an unknown category and lists the valid ones', () => {
    const run = newArticle('Anything', '--category', 'frontend');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "Unknown category 'frontend'; use one of: backend, careers, full-stack, newsletters.",
    );
  });

  test('refuses an unknown author and lists the valid ones', () => {
    const run = newArticle('Anything', '--category', 'backend', '--author', 'edtorial-team');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "Unknown author 'edtorial-team'; did you mean editorial-team? Use one of: editorial-team.",
    );
  });

  test('refuses to run without a title', () => {
    const run = newArticle('--category', 'backend');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Give the article title in quotes.');
  });
});
