import { describe, expect, test } from 'vitest';
import { backPath } from '../../../src/server/mail/mail-forms.ts';

describe('the subscription pages\' "Back to where you were" path', () => {
  test('keeps a path on this site', () => {
    expect(backPath('/blog/backend-development-engineering-2026/')).toBe(
      '/blog/backend-development-engineering-2026/',
    );
    expect(backPath('/jobs/')).toBe('/jobs/');
  });

  test('sends anything that could leave the site, or is not a path, to the home page', () => {
    for (const value of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '',
      null,
    ])
      expect(backPath(value)).toBe('/');
  });
});
