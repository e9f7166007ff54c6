import { describe, expect, test } from 'vitest';
import { formatLocation, formatPostedAgo, formatSalary } from '../../../src/lib/job-format.ts';
import { describeAsText, sanitizeDescription } from '../../../src/server/jobs/job-description.ts';

describe('job formatting', () => {
  test('formats a salary range, a lower bound and an hourly rate', () => {
    expect(formatSalary({ min: 85_000, max: 110_000, currency: 'GBP', unit: 'YEAR' })).toBe(
      '£85,000–£110,000 a year',
    );
    expect(formatSalary({ min: 50_000, max: null, currency: 'EUR', unit: 'YEAR' })).toBe(
      'from €50,000 a year',
    );
    expect(formatSalary({ min: 40, max: 40, currency: 'USD', unit: 'HOUR' })).toBe('US$40 an hour');
    expect(formatSalary(null)).toBeNull();
  });

  test('says Remote with its areas, or the normalised place, or the feed words', () => {
    const none = { label: null, city: null, region: null, country: null, remote: false, remoteRegions: [] };
    expect(formatLocation({ ...none, label: 'Remote (EU)', remote: true, remoteRegions: ['EU'] })).toBe(
      'Remote (EU)',
    );
    expect(formatLocation({ ...none, remote: true, remoteRegions: ['GB', 'Canada'] })).toBe(
      'Remote (United Kingdom, Canada)',
    );
    expect(formatLocation({ ...none, label: 'Berlin', city: 'Berlin', country: 'DE', remote: true })).toBe(
      'Remote or Berlin, Germany',
    );
    expect(formatLocation({ ...none, label: 'NYC', city: 'New York', region: 'NY', country: 'US' })).toBe(
      'New York, NY, United States',
    );
    expect(formatLocation({ ...none, label: 'Somewhere nice' })).toBe('Somewhere nice');
    expect(formatLocation(none)).toBe('Location not given');
  });

  test('says how long ago a role was posted', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(formatPostedAgo(new Date('2026-11-24T11:00:00Z'), now)).toBe('yesterday');
    expect(formatPostedAgo(new Date('2026-11-22T12:00:00Z'), now)).toBe('3 days ago');
    expect(formatPostedAgo(new Date('2026-11-25T11:59:50Z'), now)).toBe('just now');
  });
});

describe('description sanitising', () => {
  test('drops scripts, event handlers, images and javascript: links but keeps structure', () => {
    const clean = sanitizeDescription(
      '<h1>Role</h1><p onclick="x()">We <strong>ship</strong>.</p><script>alert(1)</script><img src="https://t.example/p.gif"><a href="javascript:alert(2)">bad</a> <a href="https://example.com/">good</a>',
    );
    expect(clean).toBe(
      '<h3>Role</h3><p>We <strong>ship</strong>.</p><a rel="nofollow noopener">bad</a> <a href="https://example.com/" rel="nofollow noopener">good</a>',
    );
  });

  test('makes every feed heading an h3, so the page never skips a level below its h2', () => {
    expect(sanitizeDescription('<h2>About</h2><h4>Stack</h4><h6>Perks</h6>')).toBe(
      '<h3>About</h3><h3>Stack</h3><h3>Perks</h3>',
    );
  });

  test('gives plain text with paragraphs apart and entities decoded, cut to length', () => {
    expect(describeAsText('<p>Tom &amp; Jerry</p><p>Second</p>', 100)).toBe('Tom & Jerry Second');
    expect(describeAsText('<p>abcdefghij</p>', 5)).toBe('abcd…');
  });
});
