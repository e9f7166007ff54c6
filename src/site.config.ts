/** Site-wide settings that editors may change; the origin comes from SITE_URL at build. */
export const SITE = {
  name: 'Engineering Careers Journal',
  description: 'Long-form articles on software engineering, with the open roles that match them.',
  /** Time zone in which publication dates are read and shown. */
  timeZone: 'UTC',
  locale: 'en-GB',
  /** Articles per page on the home and category listings. */
  pageSize: 10,
} as const;
