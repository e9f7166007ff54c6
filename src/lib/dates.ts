/** Publication dates as readers and machines see them, in the site's time zone. */
import { SITE } from '../site.config.ts';

const display = new Intl.DateTimeFormat(SITE.locale, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: SITE.timeZone,
});

// en-CA formats dates as YYYY-MM-DD.
const iso = new Intl.DateTimeFormat('en-CA', { timeZone: SITE.timeZone });

/** "12 January 2026". */
export function formatDate(date: Date): string {
  return display.format(date);
}

/** "2026-01-12", for a `<time datetime>` attribute (the date as seen in SITE.timeZone). */
export function isoDate(date: Date): string {
  return iso.format(date);
}
