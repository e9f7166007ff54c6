import { describe, expect, test } from 'vitest';
import { formatCommentDate, formatCommentText } from '../../src/lib/comments/comment-text.ts';

describe('formatCommentText', () => {
  test('splits paragraphs on blank lines and keeps single newlines as breaks', () => {
    expect(formatCommentText('one\ntwo\n\nthree')).toEqual([
      [{ kind: 'text', text: 'one' }, { kind: 'break' }, { kind: 'text', text: 'two' }],
      [{ kind: 'text', text: 'three' }],
    ]);
  });

  test('links http(s) and www URLs, leaving sentence punctuation outside', () => {
    expect(formatCommentText('See https://example.com/a?b=1. Or www.example.org!')).toEqual([
      [
        { kind: 'text', text: 'See ' },
        { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
        { kind: 'text', text: '. Or ' },
        { kind: 'link', text: 'www.example.org', href: 'https://www.example.org/' },
        { kind: 'text', text: '!' },
      ],
    ]);
  });

  test('keeps balanced parentheses inside a URL and drops an unbalanced closing one', () => {
    const [paragraph] = formatCommentText('(see https://en.wikipedia.org/wiki/Queue_(abstract_data_type))');
    expect(paragraph?.find((s) => s.kind === 'link')).toMatchObject({
      text: 'https://en.wikipedia.org/wiki/Queue_(abstract_data_type)',
    });
  });

  test('never links javascript: or data: URLs and returns markup as plain text', () => {
    const body = 'javascript:alert(1) <a href="https://x.example">x</a>';
    const segments = formatCommentText(body).flat();
    expect(segments.filter((s) => s.kind === 'link').map((s) => s.kind === 'link' && s.href)).toEqual([
      'https://x.example/',
    ]);
    expect(segments[0]).toEqual({ kind: 'text', text: 'javascript:alert(1) <a href="' });
  });
});

describe('formatCommentDate', () => {
  test('shows the date and time in the site locale and time zone', () => {
    expect(formatCommentDate(new Date('2026-11-25T18:05:00Z'))).toBe('25 November 2026 at 18:05');
  });
});
