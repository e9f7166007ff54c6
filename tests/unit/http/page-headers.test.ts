import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { pagePolicies } from '../../../src/server/http/page-headers.ts';

const dir = mkdtempSync(join(tmpdir(), 'page-headers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function headersFile(entries: Array<[route: string, policy: string]>): string {
  const file = join(dir, `${entries.length}-headers.json`);
  const json = entries.map(([pathname, value]) => ({
    pathname,
    headers: [{ key: 'Content-Security-Policy', value }],
  }));
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('pagePolicies', () => {
  const files = new Set([
    '/',
    '/index.html',
    '/search/',
    '/search/index.html',
    '/blog/x/',
    '/blog/x/index.html',
    '/404.html',
  ]);

  test('keys each policy by every URL path that serves its page, with or without the route’s slash', () => {
    const policies = pagePolicies(
      headersFile([
        ['/', 'home'],
        ['/search', 'search'],
        ['/blog/x/', 'article'],
        ['/404', 'not found'],
      ]),
      files,
    );
    expect(Object.fromEntries(policies)).toEqual({
      '/': 'home',
      '/index.html': 'home',
      '/search/': 'search',
      '/search/index.html': 'search',
      '/blog/x/': 'article',
      '/blog/x/index.html': 'article',
      '/404.html': 'not found',
    });
  });

  test('ignores routes without a file and answers nothing when the build has no headers file', () => {
    expect(pagePolicies(headersFile([['/gone/', 'gone']]), files).size).toBe(0);
    expect(pagePolicies(join(dir, 'missing.json'), files).size).toBe(0);
  });
});
