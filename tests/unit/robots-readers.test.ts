import { describe, expect, test } from 'vitest';
import { buildRobotsTxt } from '../../src/lib/seo/robots.ts';
import { allowedByLongestMatch, allowedByPythonRobotParser } from '../support/robots-rules.ts';

const origin = 'https://jobs.example.com';
const expected: [string, boolean][] = [
  ['/', true],
  ['/blog/backend-development-engineering-2026/', true],
  ['/tags/cloud/', true],
  ['/jobs/abc/', true],
  ['/search/?q=api', true],
  ['/admin/', false],
  ['/admin/login/', false],
  ['/api/', false],
  ['/api/comments/', false],
];

describe('robots.txt as crawlers read it', () => {
  const robots = buildRobotsTxt(new URL(origin));

  test('the longest-match reading (Google, RFC 9309) keeps crawlers out of /admin/ and /api/ only', () => {
    expect(expected.map(([path]) => [path, allowedByLongestMatch(robots, path)])).toEqual(expected);
  });

  test("Python's first-match urllib.robotparser reads it the same way", () => {
    const paths = expected.map(([path]) => path);
    const verdicts = allowedByPythonRobotParser(robots, origin, paths);
    expect(paths.map((path, i) => [path, verdicts[i]])).toEqual(expected);
  });

  test('the readers do disagree on a file that puts Allow: / first, so the check can fail', () => {
    const allowFirst = 'User-agent: *\nAllow: /\nDisallow: /admin/\n';
    expect(allowedByLongestMatch(allowFirst, '/admin/')).toBe(false);
    expect(allowedByPythonRobotParser(allowFirst, origin, ['/admin/'])).toEqual([true]);
  });
});
