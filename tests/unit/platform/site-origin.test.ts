import { describe, expect, test } from 'vitest';
import { siteAllowedDomains } from '../../../src/server/platform/config/site-origin.ts';

describe('siteAllowedDomains', () => {
  test('allows the site origin with its scheme, and any port only when SITE_URL names one', () => {
    expect(siteAllowedDomains('https://blog.example.com')).toEqual([
      { protocol: 'https', hostname: 'blog.example.com' },
    ]);
    expect(siteAllowedDomains('http://localhost:4321/')).toEqual([
      { protocol: 'http', hostname: 'localhost', port: '4321' },
    ]);
  });

  test('leaves out a default port, which a request on it does not name either', () => {
    expect(siteAllowedDomains('https://blog.example.com:443/blog/')).toEqual([
      { protocol: 'https', hostname: 'blog.example.com' },
    ]);
  });
});
