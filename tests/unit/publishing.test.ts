import { describe, expect, test } from 'vitest';
import { getPublicationStatus, isPublished } from '@/lib/publishing';
import { instantOf, parseWallClock, todayIn } from '@/lib/zoned-time';

const now = new Date('2026-03-10T12:00:00Z');
const past = new Date('2026-03-10T11:59:59Z');
const future = new Date('2026-03-10T12:00:01Z');

describe('isPublished', () => {
  test('publishes a non-draft whose date has come', () => {
    expect(isPublished({ draft: false, pubDate: past }, now, { dev: false })).toBe(true);
    expect(isPublished({ draft: false, pubDate: now }, now, { dev: false })).toBe(true);
  });

  test('keeps drafts out of production whatever their date', () => {
    expect(isPublished({ draft: true, pubDate: past }, now, { dev: false })).toBe(false);
  });

  test('keeps an article dated after the build out of production', () => {
    expect(isPublished({ draft: false, pubDate: future }, now, { dev: false })).toBe(false);
  });

  test('shows drafts and scheduled articles in the dev preview', () => {
    expect(isPublished({ draft: true, pubDate: future }, now, { dev: true })).toBe(true);
    expect(isPublished({ draft: false, pubDate: future }, now, { dev: true })).toBe(true);
  });

  test('names the status the draft banner shows', () => {
    expect(getPublicationStatus({ draft: true, pubDate: past }, now)).toBe('draft');
    expect(getPublicationStatus({ draft: false, pubDate: future }, now)).toBe('scheduled');
    expect(getPublicationStatus({ draft: false, pubDate: past }, now)).toBe('published');
  });
});

describe('site time zone dates', () => {
  test('reads a date as midnight in the given zone', () => {
    const clock = parseWallClock('2026-07-01');
    expect(clock).not.toBeNull();
    if (!clock) return;
    expect(instantOf(clock, 'UTC').toISOString()).toBe('2026-07-01T00:00:00.000Z');
    // Summer time: London is UTC+1, New York UTC-4.
    expect(instantOf(clock, 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(instantOf(clock, 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  test('reads a time of day in the zone, across a daylight-saving change', () => {
    const winter = parseWallClock('2026-03-28T09:30');
    const summer = parseWallClock('2026-03-29 09:30:15');
    if (!winter || !summer) throw new Error('both dates are valid');
    expect(instantOf(winter, 'Europe/Paris').toISOString()).toBe('2026-03-28T08:30:00.000Z');
    expect(instantOf(summer, 'Europe/Paris').toISOString()).toBe('2026-03-29T07:30:15.000Z');
  });

  test('refuses days that do not exist and other formats', () => {
    expect(parseWallClock('2026-02-30')).toBeNull();
    expect(parseWallClock('2026-13-01')).toBeNull();
    expect(parseWallClock('12/01/2026')).toBeNull();
    expect(parseWallClock('2026-01-12T25:00')).toBeNull();
    expect(parseWallClock('2026-01-12T09:00:00+02:00')).toBeNull();
  });

  test("gives today's date in the zone, not the machine's", () => {
    const lateEvening = new Date('2026-03-10T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2026-03-10');
    expect(todayIn('Asia/Tokyo', lateEvening)).toBe('2026-03-11');
    expect(todayIn('America/Los_Angeles', lateEvening)).toBe('2026-03-10');
  });
});
