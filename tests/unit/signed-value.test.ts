import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { decodeOutcome, encodeOutcome } from '../../src/server/comments/comment-outcome.ts';
import { checkFormToken, createFormToken } from '../../src/server/comments/comment-token.ts';
import { sign, unsign } from '../../src/server/platform/signed-value.ts';

const key = randomBytes(32);
const HOUR = 3_600_000;

describe('signed values', () => {
  test('round-trips and rejects any change or another key', () => {
    const signed = sign(key, 'hello.world');
    expect(unsign(key, signed)).toBe('hello.world');
    expect(unsign(key, signed.replace('hello', 'jello'))).toBeUndefined();
    expect(unsign(randomBytes(32), signed)).toBeUndefined();
    expect(unsign(key, 'no-signature')).toBeUndefined();
  });
});

describe('form tokens', () => {
  const issued = Date.UTC(2026, 10, 25, 12);
  const token = createFormToken(key, 'article-a', issued);

  test('report the time since the form was rendered', () => {
    expect(checkFormToken(key, token, 'article-a', issued + 4000, 24 * HOUR)).toEqual({
      kind: 'valid',
      elapsedMs: 4000,
    });
  });

  test('cannot be moved to another article or back in time', () => {
    expect(checkFormToken(key, token, 'article-b', issued + 4000, 24 * HOUR).kind).toBe('forged');
    const [value] = token.split('.');
    const older = `${(issued - 60_000).toString(36)}:article-a.${token.split('.').at(-1)}`;
    expect(value).toBeDefined();
    expect(checkFormToken(key, older, 'article-a', issued + 4000, 24 * HOUR).kind).toBe('forged');
  });

  test('expire, and are missing when empty', () => {
    expect(checkFormToken(key, token, 'article-a', issued + 25 * HOUR, 24 * HOUR)).toEqual({
      kind: 'expired',
      elapsedMs: 25 * HOUR,
    });
    expect(checkFormToken(key, undefined, 'article-a', issued, 24 * HOUR).kind).toBe('missing');
  });
});

describe('outcome cookie', () => {
  test('carries the status for its own article only', () => {
    const cookie = encodeOutcome(key, { articleId: 'a/b~c', status: 'pending', id: 'id-1' });
    expect(decodeOutcome(key, cookie, 'a/b~c')).toEqual({
      articleId: 'a/b~c',
      status: 'pending',
      id: 'id-1',
    });
    expect(decodeOutcome(key, cookie, 'other')).toBeUndefined();
    expect(decodeOutcome(key, cookie.replace('pending', 'approved'), 'a/b~c')).toBeUndefined();
  });
});
