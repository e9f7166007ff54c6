import { describe, expect, test } from 'vitest';
import { readCommentsConfig } from '../../src/server/comments/comment.config.ts';
import { countLinks, evaluateSpam, type SubmissionFacts } from '../../src/server/comments/comment.spam.ts';
import type { CleanComment } from '../../src/server/comments/comment.validation.ts';
import { parseConfig } from '../../src/server/platform/config/config.ts';

const config = readCommentsConfig(
  parseConfig({
    COMMENTS_BLOCKED_WORDS: 'casino, cheap pills',
    COMMENTS_BLOCKED_EMAILS: 'spammer@example.com,@spam.test',
  }),
);
const comment: CleanComment = {
  body: 'Great article on queues.',
  name: 'Ada',
  email: 'ada@example.com',
  website: null,
  parentId: null,
};
const human: SubmissionFacts = {
  honeypotFilled: false,
  elapsedMs: 30_000,
  formExpired: false,
  duplicate: false,
};

describe('evaluateSpam', () => {
  test('passes a normal comment with no signals', () => {
    expect(evaluateSpam(comment, human, config)).toEqual({ verdict: 'clean', signals: [] });
  });

  test('sends a filled honeypot to spam', () => {
    const result = evaluateSpam(comment, { ...human, honeypotFilled: true }, config);
    expect(result.verdict).toBe('spam');
    expect(result.signals).toEqual(['filled the hidden honeypot field']);
  });

  test('sends a post faster than the minimum time to spam', () => {
    const result = evaluateSpam(comment, { ...human, elapsedMs: 1200 }, config);
    expect(result).toEqual({ verdict: 'spam', signals: ['posted 1.2 s after the form was shown'] });
  });

  test('holds a post from a form rendered more than a day before', () => {
    expect(evaluateSpam(comment, { ...human, formExpired: true }, config)).toEqual({
      verdict: 'hold',
      signals: ['form was shown more than 24 hours before posting'],
    });
  });

  test('sends a duplicate to spam', () => {
    expect(evaluateSpam(comment, { ...human, duplicate: true }, config).verdict).toBe('spam');
  });

  test('holds a comment with three or more links but lets two through', () => {
    const three = { ...comment, body: 'see https://a.example http://b.example and www.c.example' };
    expect(evaluateSpam(three, human, config)).toEqual({ verdict: 'hold', signals: ['3 links'] });
    const two = { ...comment, body: 'see https://a.example and https://b.example' };
    expect(evaluateSpam(two, human, config).verdict).toBe('clean');
  });

  test('matches blocked words case-insensitively in the text, name and website', () => {
    expect(evaluateSpam({ ...comment, body: 'Best CASINO bonus' }, human, config).signals).toEqual([
      'contains the blocked word "casino"',
    ]);
    expect(evaluateSpam({ ...comment, name: 'Cheap Pills Inc' }, human, config).verdict).toBe('spam');
  });

  test('matches blocked emails exactly or by @domain', () => {
    expect(evaluateSpam({ ...comment, email: 'spammer@example.com' }, human, config).verdict).toBe('spam');
    expect(evaluateSpam({ ...comment, email: 'anyone@spam.test' }, human, config).verdict).toBe('spam');
    expect(evaluateSpam({ ...comment, email: 'spammer@example.community' }, human, config).verdict).toBe(
      'clean',
    );
  });

  test('reports every rule that tripped, spam first', () => {
    const body = 'casino https://a.example https://b.example https://c.example';
    const result = evaluateSpam({ ...comment, body }, { ...human, honeypotFilled: true }, config);
    expect(result.verdict).toBe('spam');
    expect(result.signals).toHaveLength(3);
    expect(result.signals.at(-1)).toBe('3 links');
  });
});

describe('countLinks', () => {
  test('counts scheme and www links, not bare words', () => {
    expect(countLinks('https://a.example, www.b.example and example.com')).toBe(2);
  });
});

describe('readCommentsConfig', () => {
  test('defaults to 5 comments per 10 minutes, 3 s minimum, auto-approval on', () => {
    const defaults = readCommentsConfig(parseConfig({}));
    expect([defaults.rateLimitMax, defaults.rateLimitWindowMs, defaults.minSeconds]).toEqual([5, 600_000, 3]);
    expect(defaults.autoApproveKnownAuthors).toBe(true);
  });

  test('turns auto-approval off with COMMENTS_AUTO_APPROVE=0', () => {
    expect(readCommentsConfig(parseConfig({ COMMENTS_AUTO_APPROVE: '0' })).autoApproveKnownAuthors).toBe(
      false,
    );
  });

  test('names the variable when a number is malformed', () => {
    expect(() => readCommentsConfig(parseConfig({ COMMENTS_RATE_LIMIT: 'five' }))).toThrow(
      /COMMENTS_RATE_LIMIT/,
    );
  });
});
