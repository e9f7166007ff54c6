import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatCommentText } from '../../../src/lib/comments/comment-text.ts';
import { FUZZ_SEED, runs } from './hostile.ts';

const formatter = fileURLToPath(new URL('../../../src/lib/comments/comment-text.ts', import.meta.url));

/**
 * The trimming rule as first written (one regex run and two counts per removed character),
 * kept as the oracle: the linear version must link exactly the same text.
 */
function trimOracle(candidate: string): string {
  let url = candidate;
  while (/[.,;:!?'"\])}]+$/u.test(url)) {
    if (url.at(-1) === ')' && (url.match(/\(/g)?.length ?? 0) >= (url.match(/\)/g)?.length ?? 0)) break;
    url = url.slice(0, -1);
  }
  return url;
}

const links = (text: string) =>
  formatCommentText(text)
    .flat()
    .flatMap((segment) => (segment.kind === 'link' ? [segment.text] : []));

const punctuation = fc.constantFrom(...`.,;:!?'"])}([a/`);
/** A URL, then a run of sentence punctuation and brackets, sometimes a word after it. */
const linkedText = fc
  .tuple(
    fc.constantFrom('http://a', 'https://example.com/x_(y)', 'www.example.org/(', 'see https://b.example/'),
    fc.array(punctuation, { maxLength: 300 }),
    fc.constantFrom('', ' done', '\nnext line', 'z'),
  )
  .map(([url, run, after]) => `${url}${run.join('')}${after}`);

describe('URL trimming under long runs of punctuation', () => {
  test('links the same text as the original rule', () => {
    fc.assert(
      fc.property(linkedText, (text) => {
        const candidate = /https?:\/\/[^\s<>"'`]+|www\.[^\s<>"'`]+/iu.exec(text)?.[0] ?? '';
        const trimmed = trimOracle(candidate);
        // What does not parse as a URL once trimmed ("http://a:z") stays plain text.
        const linkable = URL.canParse(trimmed.startsWith('www.') ? `https://${trimmed}` : trimmed);
        expect(links(text)[0]).toBe(linkable ? trimmed : undefined);
      }),
      { seed: FUZZ_SEED, numRuns: runs(3000) },
    );
  });

  test('formats comments of hundreds of thousands of closing brackets in one pass', () => {
    // The original rule takes minutes on these (quadratic, on the event loop, where no test
    // timeout can stop it), so they run in a child process killed after a generous deadline:
    // the regression fails the test instead of hanging the suite. No duration is asserted.
    const script = `
      import { formatCommentText } from ${JSON.stringify(formatter)};
      const bodies = [
        'http://a' + ')'.repeat(200000),
        '(http://a' + ')'.repeat(200000),
        'https://b.example/' + '.,;:!?]}'.repeat(30000) + ' end',
        'www.c.example/' + '('.repeat(100000) + ')'.repeat(100001),
      ];
      const links = bodies.map((body) => formatCommentText(body).flat().find((s) => s.kind === 'link')?.text);
      process.stdout.write(JSON.stringify(links));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.error?.message ?? child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([
      'http://a',
      'http://a',
      'https://b.example/',
      `www.c.example/${'('.repeat(100_000)}${')'.repeat(100_000)}`,
    ]);
  }, 60_000);
});
