/** Site-wide settings that editors may change; the origin comes from SITE_URL at build. */
export const SITE = {
  name: 'Engineering Careers Journal',
  description: 'Long-form articles on software engineering, with the open roles that match them.',
  /** Time zone in which publication dates are read and shown. */
  timeZone: 'UTC',
  locale: 'en-GB',
  /** Articles per page on the home, category and tag listings. */
  pageSize: 10,
  /**
   * The site's X (Twitter) account with its "@", sent as twitter:site on every page so shared
   * links credit it; replace it with the firm's own handle.
   */
  twitter: '@EngCareersJrnl',
} as const;
