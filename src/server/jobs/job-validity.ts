import { getConfig } from '../platform/config/config.ts';

const DAY_MS = 86_400_000;

/** The validity window in days (JOBS_VALID_DAYS, default 60). */
export function validityDays(): number {
  return getConfig().JOBS_VALID_DAYS;
}

/**
 * The validThrough a listed role gets: the feed's own expiry when it states one, else `days`
 * after the later of its posting and `now`, so each sync that still lists a role extends it
 * and a role whose feed stops being synced closes by itself.
 */
export function validThroughFor(
  role: { postedAt: string; validThrough: string | null },
  now: Date,
  days: number,
): string {
  if (role.validThrough) return role.validThrough;
  const from = Math.max(new Date(role.postedAt).getTime(), now.getTime());
  return new Date(from + days * DAY_MS).toISOString();
}
