/**
 * Wall-clock dates in a named time zone, with nothing but Intl: editors write `2026-03-01`
 * or `2026-03-01T09:00` and mean that moment in the site's time zone, not the build machine's.
 */

/** A date as editors write it: `YYYY-MM-DD`, optionally `THH:mm` or `THH:mm:ss` (space also allowed). */
export const WALL_CLOCK_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Calendar and clock fields of one wall-clock reading. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Parses `YYYY-MM-DD[THH:mm[:ss]]`; null when the text is not in that form or names no real day. */
export function parseWallClock(text: string): WallClock | null {
  const match = WALL_CLOCK_PATTERN.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over to March; a real day survives the round trip.
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;
  if (second > 59) return null;
  return { year, month, day, hour, minute, second };
}

// Creating a DateTimeFormat costs far more than formatting with one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock a moment shows in `timeZone`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

function asUtcMillis(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/** The moment at which clocks in `timeZone` show `clock` (the later one when DST repeats an hour). */
export function instantOf(clock: WallClock, timeZone: string): Date {
  const target = asUtcMillis(clock);
  let guess = target;
  // Two corrections settle every real zone: the second one fixes guesses that crossed a DST change.
  for (let i = 0; i < 2; i += 1) {
    guess += target - asUtcMillis(wallClockAt(new Date(guess), timeZone));
  }
  return new Date(guess);
}

/** Today's date in `timeZone` as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const { year, month, day } = wallClockAt(now, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
