import { describe, expect, test } from 'vitest';
import {
  type CommentFormValues,
  cleanText,
  readFormValues,
  validateComment,
} from '../../src/server/comments/comment.validation.ts';

const valid: CommentFormValues = {
  comment: 'A thoughtful comment.',
  name: 'Ada Lovelace',
  email: 'Ada@Example.com',
  website: '',
  parentId: '',
};

function errorsFor(values: Partial<CommentFormValues>) {
  const result = validateComment({ ...valid, ...values });
  return result.ok ? {} : result.errors;
}

describe('validateComment', () => {
  test('accepts a plain comment and normalises the email to lower case', () => {
    const result = validateComment(valid);
    expect(result).toEqual({
      ok: true,
      value: {
        body: 'A thoughtful comment.',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        website: null,
        parentId: null,
      },
    });
  });

  test('names every failing field at once', () => {
    const errors = errorsFor({
      comment: 'x',
      name: '  ',
      email: 'not-an-email',
      website: 'ftp://example.com',
    });
    expect(Object.keys(errors).sort()).toEqual(['comment', 'email', 'name', 'website']);
    expect(errors.comment).toMatch(/^Comment: /);
    expect(errors.website).toMatch(/https:\/\//);
  });

  test('counts the comment length in characters, not UTF-16 units', () => {
    expect(errorsFor({ comment: '😀'.repeat(5000) }).comment).toBeUndefined();
    expect(errorsFor({ comment: '😀'.repeat(5001) }).comment).toMatch(/5,000 characters \(it has 5,001\)/);
    expect(errorsFor({ comment: '😀' }).comment).toMatch(/at least 2/);
  });

  test('rejects names over 100 characters and collapses their whitespace', () => {
    expect(errorsFor({ name: 'n'.repeat(101) }).name).toMatch(/100 characters/);
    const result = validateComment({ ...valid, name: '  Ada \n\t Lovelace ' });
    expect(result.ok && result.value.name).toBe('Ada Lovelace');
  });

  test.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'example.com',
    '//evil.example',
    'http://user:pass@example.com/',
    `https://example.com/${'a'.repeat(2100)}`,
  ])('refuses the website %s', (website) => {
    expect(errorsFor({ website }).website).toBeDefined();
  });

  test('keeps an http(s) website, normalised', () => {
    const result = validateComment({ ...valid, website: 'HTTPS://Example.com/about' });
    expect(result.ok && result.value.website).toBe('https://example.com/about');
  });

  test.each([
    'plain',
    'a@b',
    'a b@example.com',
    '<script>@example.com',
    "x'; DROP TABLE comments; --@example.com",
    `${'a'.repeat(65)}@example.com`,
  ])('refuses the email %s', (email) => {
    expect(errorsFor({ email }).email).toBeDefined();
  });

  test('keeps HTML and script payloads as text: escaping happens when rendering', () => {
    const comment = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const result = validateComment({ ...valid, comment });
    expect(result.ok && result.value.body).toBe(comment);
  });

  test('keeps SQL fragments verbatim: they are bound as parameters, never spliced', () => {
    const comment = "Robert'); DROP TABLE comments;-- OR 1=1";
    const result = validateComment({ ...valid, comment, name: "O'Brien" });
    expect(result.ok && [result.value.body, result.value.name]).toEqual([comment, "O'Brien"]);
  });

  test('ignores a parent id that is not a UUID', () => {
    const result = validateComment({ ...valid, parentId: "1' OR '1'='1" });
    expect(result.ok && result.value.parentId).toBeNull();
  });
});

describe('cleanText', () => {
  test('removes NUL and other control characters but keeps newlines and tabs', () => {
    expect(cleanText('a\u0000b\u0007c\td\r\ne\rf\u009b')).toBe('abc\td\ne\nf');
  });

  test('repairs lone surrogates from malformed input', () => {
    expect(cleanText('bad \uD800 pair')).toBe('bad \uFFFD pair');
  });

  test('normalises to NFC so the same text compares equal', () => {
    expect(cleanText('e\u0301')).toBe('\u00e9');
  });

  test('strips direction overrides from names', () => {
    const result = validateComment({ ...valid, name: 'Ada\u202Egnp.exe' });
    expect(result.ok && result.value.name).toBe('Adagnp.exe');
  });
});

describe('readFormValues', () => {
  test('reads missing fields and uploaded files as empty strings', () => {
    const form = new FormData();
    form.set('comment', 'Hi there');
    form.set('name', new Blob(['x']), 'x.txt');
    expect(readFormValues(form)).toEqual({
      comment: 'Hi there',
      name: '',
      email: '',
      website: '',
      parentId: '',
      notifyReplies: '',
    });
  });

  test('decodes malformed percent-encoding without throwing', async () => {
    const request = new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'comment=%FF%FE%E2%82&name=%C3%28',
    });
    const values = readFormValues(await request.formData());
    expect(values.comment).toContain('\uFFFD');
    expect(validateComment(values).ok).toBe(false);
  });
});
