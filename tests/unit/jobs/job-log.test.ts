import { afterEach, describe, expect, test, vi } from 'vitest';
import { reportFailure } from '../../../src/server/platform/log.ts';

describe('reportFailure', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test('logs once a minute per place and counts what it held back', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    reportFailure('test place', new Error('down'), 0);
    reportFailure('test place', new Error('down'), 10_000);
    reportFailure('test place', new Error('down'), 59_999);
    reportFailure('other place', new Error('slow'), 59_999);
    reportFailure('test place', new Error('still down'), 60_000);
    expect(errors.mock.calls.map((call) => call[0])).toEqual([
      '[jobs] test place: down',
      '[jobs] other place: slow',
      '[jobs] test place: still down (2 more since the last report)',
    ]);
  });
});
