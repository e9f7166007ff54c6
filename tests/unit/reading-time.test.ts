import { describe, expect, test } from 'vitest';
import { countWords, formatReadingTime, readingMinutes, WORDS_PER_MINUTE } from '@/lib/reading-time';

describe('countWords', () => {
  test('counts the words of prose, ignoring Markdown punctuation', () => {
    expect(countWords('## A heading\n\nSome *emphasised* text, and **bold** words.')).toBe(8);
  });

  test('does not count code blocks, imports or tags', () => {
    const source =
      "import Note from './Note.astro';\n\nOne two\n\n```ts\nconst a = 1;\n```\n\n<Note>three</Note>";
    expect(countWords(source)).toBe(3);
  });

  test('counts link text but not link targets', () => {
    expect(countWords('Read [our newsletter](/categories/newsletters/) now')).toBe(4);
  });

  test('does not count table rules or frontmatter', () => {
    expect(countWords('---\ntitle: x\n---\n| a | b |\n| --- | --- |\n| c | d |')).toBe(4);
  });
});

describe('readingMinutes', () => {
  test('divides the words by the reading speed, rounded', () => {
    expect(readingMinutes('word '.repeat(WORDS_PER_MINUTE * 3))).toBe(3);
    expect(readingMinutes('word '.repeat(Math.round(WORDS_PER_MINUTE * 2.6)))).toBe(3);
  });

  test('is at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
  });

  test('formats as "N min read"', () => {
    expect(formatReadingTime(6)).toBe('6 min read');
  });
});
